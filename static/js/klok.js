// The reflection timer of a live session: counts down on the page to the end time the server
// keeps (afspraken/klok.py), on the regisseur's screen, the beamer and the phones alike. Every
// page works without this file: it shows the time left when it was loaded.
//
// It keeps no state of its own: four times a second it reads each [data-klok] element, so an
// element that htmx swapped in (the beamer's polling, a Start or Pauze) is counted down at once.
// data-eind-ms: the end (ms since the epoch; 0 while paused or not started); data-nu-ms: the
// server's clock when the page was made, to correct a device whose clock is off by more than
// two seconds. An element's [data-klok-melding] (a polite live region outside the clock) hears
// "Nog N minuten." once a minute and "De tijd is om." at the end.
(function () {
  "use strict";

  function tweeCijfers(n) { return (n < 10 ? "0" : "") + n; }

  function verschil(klok) {
    if (klok.klokVerschil === undefined) {
      var server = parseInt(klok.getAttribute("data-nu-ms"), 10);
      var d = server ? server - Date.now() : 0;
      klok.klokVerschil = Math.abs(d) > 2000 ? d : 0;
    }
    return klok.klokVerschil;
  }

  function meld(tekst) {
    var melding = document.querySelector("[data-klok-melding]");
    if (!melding || melding.textContent === tekst) return;
    melding.textContent = tekst;
  }

  var gemeld = null; // the minutes last announced

  function tik() {
    document.querySelectorAll("[data-klok]").forEach(function (klok) {
      var eind = parseInt(klok.getAttribute("data-eind-ms"), 10);
      if (!eind) return; // paused or not started: the server's text stands
      var over = Math.max(0, Math.ceil((eind - Date.now() - verschil(klok)) / 1000));
      var tekst = klok.querySelector("[data-klok-tekst]");
      var stand = klok.querySelector("[data-klok-stand]");
      if (tekst) tekst.textContent = Math.floor(over / 60) + ":" + tweeCijfers(over % 60);
      klok.classList.toggle("klok--klaar", over === 0);
      if (over === 0) {
        if (stand) stand.textContent = "De tijd is om.";
        if (gemeld !== 0) meld("De tijd is om.");
        gemeld = 0;
        return;
      }
      var minuten = Math.ceil(over / 60);
      if (gemeld !== null && minuten < gemeld) {
        meld(minuten === 1 ? "Nog 1 minuut." : "Nog " + minuten + " minuten.");
      }
      gemeld = minuten;
    });
  }

  // After a control (Start, Pauze, Verder, Opnieuw swap the controls panel) say what the timer
  // does now, and start the minute announcements afresh.
  document.addEventListener("htmx:afterSettle", function (event) {
    var doel = event.target;
    var klok = doel && doel.querySelector && doel.querySelector("[data-klok]");
    if (!klok || doel.id !== "bediening") return;
    gemeld = null;
    var tekst = klok.querySelector("[data-klok-tekst]").textContent;
    var minuten = Math.ceil((parseInt(tekst, 10) * 60 + parseInt(tekst.split(":")[1], 10)) / 60);
    var nog = minuten === 1 ? "Nog 1 minuut." : "Nog " + minuten + " minuten.";
    if (parseInt(klok.getAttribute("data-eind-ms"), 10)) meld("De tijd loopt. " + nog);
    else if (klok.classList.contains("klok--gepauzeerd")) meld("Gepauzeerd. " + nog);
    else meld("De tijd staat weer op " + minuten + " minuten.");
  });
  document.addEventListener("DOMContentLoaded", tik);
  window.setInterval(tik, 250);
})();
