// The reflection timer of the vredestijd session (step 2). Loaded only on that page.
//
// Without JavaScript the page still works: "Start" is a GET form that asks the server for the
// end time ("klaar om 14:35"), and "Opnieuw" is a link back to the page without it. This script
// takes over those two controls, adds "Pauzeer", and counts down on the page. The large clock is
// not a live region (it changes every second); a separate polite live region says how many
// minutes are left, at most once a minute, plus start, pause and "de tijd is om".
(function () {
  "use strict";

  var timer = document.querySelector("[data-timer]");
  if (!timer) return;

  var totaal = parseInt(timer.getAttribute("data-seconden"), 10) || 600;
  var klok = timer.querySelector("[data-timer-klok]");
  var eindTekst = timer.querySelector("[data-timer-eind]");
  var melding = timer.querySelector("[data-timer-melding]");
  var startForm = timer.querySelector("[data-timer-start]");
  var startKnop = startForm && startForm.querySelector("button");
  var pauzeKnop = timer.querySelector("[data-timer-pauze]");
  var resetLink = timer.querySelector("[data-timer-reset]");

  var over = totaal; // seconds left while paused or not started
  var eindMoment = null; // Date.now() value at which the time is up, while running
  var gemeldeMinuten = null;
  var interval = null;

  // The server may already have started the timer (no-JS start, then the script loaded).
  var serverEinde = parseInt(timer.getAttribute("data-eind-ms"), 10);
  if (serverEinde) {
    eindMoment = serverEinde;
  }

  function tweeCijfers(n) { return (n < 10 ? "0" : "") + n; }

  function resterend() {
    if (eindMoment === null) return over;
    return Math.max(0, Math.ceil((eindMoment - Date.now()) / 1000));
  }

  function meld(tekst) {
    // Clearing first makes screen readers announce the same text again.
    melding.textContent = "";
    window.setTimeout(function () { melding.textContent = tekst; }, 50);
  }

  function minutenTekst(seconden) {
    var minuten = Math.ceil(seconden / 60);
    return minuten === 1 ? "Nog 1 minuut." : "Nog " + minuten + " minuten.";
  }

  function tijdStip(ms) {
    var d = new Date(ms);
    return tweeCijfers(d.getHours()) + ":" + tweeCijfers(d.getMinutes());
  }

  function toon() {
    var s = resterend();
    klok.textContent = Math.floor(s / 60) + ":" + tweeCijfers(s % 60);
    timer.classList.toggle("timer--loopt", eindMoment !== null && s > 0);
    timer.classList.toggle("timer--klaar", s === 0);
    if (eindMoment !== null) {
      var minuten = Math.ceil(s / 60);
      if (s === 0) {
        stop();
        over = 0;
        eindTekst.textContent = "De tijd is om.";
        meld("De tijd is om.");
        knoppen();
      } else if (gemeldeMinuten !== null && minuten < gemeldeMinuten) {
        meld(minutenTekst(s));
      }
      gemeldeMinuten = minuten;
    }
  }

  // A running timer survives a reload and the procedure's "Vorige/Volgende stap" links: its
  // start time goes into the URL (?start=), the same parameter the server understands.
  function bewaar() {
    var start = eindMoment === null ? null : new Date(eindMoment - totaal * 1000).toISOString();
    function zet(href) {
      var url = new URL(href, window.location.href);
      if (start) url.searchParams.set("start", start);
      else url.searchParams.delete("start");
      return url.toString();
    }
    window.history.replaceState(null, "", zet(window.location.href));
    document.querySelectorAll("[data-timer-behoud]").forEach(function (link) {
      link.href = zet(link.href);
    });
  }

  function stop() {
    if (interval !== null) window.clearInterval(interval);
    interval = null;
    eindMoment = null;
  }

  function knoppen() {
    var loopt = eindMoment !== null;
    startKnop.hidden = loopt;
    pauzeKnop.hidden = !loopt;
    startKnop.textContent = over < totaal && over > 0 ? "Ga verder" : "Start";
  }

  function start() {
    if (over === 0) over = totaal;
    eindMoment = Date.now() + over * 1000;
    gemeldeMinuten = Math.ceil(over / 60);
    interval = window.setInterval(toon, 250);
    eindTekst.textContent = "Klaar om " + tijdStip(eindMoment) + ".";
    meld("De tijd loopt. " + minutenTekst(over));
    bewaar();
    knoppen();
    toon();
    pauzeKnop.focus();
  }

  function pauzeer() {
    over = resterend();
    stop();
    eindTekst.textContent = "Gepauzeerd.";
    meld("Gepauzeerd. " + minutenTekst(over));
    bewaar();
    knoppen();
    toon();
    startKnop.focus();
  }

  function reset() {
    stop();
    over = totaal;
    eindTekst.textContent = "Nog niet gestart.";
    meld("De tijd staat weer op " + Math.round(totaal / 60) + " minuten.");
    bewaar();
    knoppen();
    toon();
  }

  startForm.addEventListener("submit", function (event) {
    event.preventDefault();
    start();
  });
  pauzeKnop.addEventListener("click", pauzeer);
  resetLink.addEventListener("click", function (event) {
    event.preventDefault();
    reset();
  });

  pauzeKnop.hidden = true;
  if (eindMoment !== null) {
    over = resterend();
    gemeldeMinuten = Math.ceil(over / 60);
    interval = window.setInterval(toon, 250);
  }
  knoppen();
  toon();
})();
