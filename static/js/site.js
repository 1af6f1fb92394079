// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // For styles that need this script (the route's action bar on a phone, see site.css).
  document.documentElement.classList.add("js");

  // After htmx swaps in new content, move focus to its heading so screen-reader and keyboard
  // users land on what changed (NL Design System guidance for partial page updates).
  // event.target is the swapped-in element; event.detail.elt is the element that made the
  // request, which a swap may already have removed from the page.
  document.addEventListener("htmx:afterSettle", function (event) {
    var doel = event.target;
    if (!doel || !doel.querySelector) return;
    var kop = doel.querySelector("[data-focus-na-wissel]");
    if (kop) {
      kop.setAttribute("tabindex", "-1");
      kop.focus();
    }
  });

  // A pinned practice case is open by default (without JavaScript too); on a phone it starts
  // folded so the step itself comes first.
  function vouwOpTelefoon(binnen) {
    if (!window.matchMedia("(max-width: 47.99rem)").matches) return;
    binnen.querySelectorAll("details[data-dicht-op-telefoon]").forEach(function (details) {
      details.removeAttribute("open");
    });
  }
  document.addEventListener("DOMContentLoaded", function () { vouwOpTelefoon(document); });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target && event.target.querySelectorAll) vouwOpTelefoon(event.target);
  });

  // The route's orientation (map, "Jouw antwoorden") starts folded, so a phone shows the step
  // first; on a wide screen it sits beside the step and opens.
  function openOpBreed(binnen) {
    if (!window.matchMedia("(min-width: 48rem)").matches) return;
    binnen.querySelectorAll("details[data-open-op-breed]").forEach(function (details) {
      details.setAttribute("open", "");
    });
  }
  document.addEventListener("DOMContentLoaded", function () { openOpBreed(document); });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target && event.target.querySelectorAll) openOpBreed(event.target);
  });

  // Without htmx the alarm answer reloads the page at #alarm: move focus to the alert as well.
  document.addEventListener("DOMContentLoaded", function () {
    if (window.location.hash !== "#alarm") return;
    var alarm = document.getElementById("alarm");
    if (alarm) alarm.focus();
  });

  // A link that asks first (data-dialoog="id"): with JavaScript it opens that <dialog>; without,
  // the link leads to a page that asks.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-dialoog]");
    if (!link) return;
    var dialoog = document.getElementById(link.getAttribute("data-dialoog"));
    if (!dialoog || !dialoog.showModal) return;
    event.preventDefault();
    dialoog.showModal();
  });

  // On a phone the route's page scrolls inside <body> (above the action bar), so htmx's
  // "show:window:top" after a swap must also bring the body's own scroll back to the top.
  // The keyboard scrolls the scroller that holds the focus, and at first nothing has it: give
  // the body focus (without moving the page) so Page Down, Space and End work at once.
  function lichaamScrollt() {
    return getComputedStyle(document.body).overflowY === "auto";
  }
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target && event.target.id === "wandeling" && lichaamScrollt()) {
      document.body.scrollTop = 0;
    }
  });
  // A field that gets focus while partly below the page's visible part (above the action bar)
  // scrolls fully into view.
  document.addEventListener("focusin", function (event) {
    var balk = document.querySelector(".actiebalk");
    var veld = event.target;
    if (!balk || balk.contains(veld) || !veld.scrollIntoView || !lichaamScrollt()) return;
    if (veld.getBoundingClientRect().bottom > balk.getBoundingClientRect().top) {
      veld.scrollIntoView({ block: "nearest" });
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    if (!lichaamScrollt() || document.activeElement !== document.body) return;
    document.body.tabIndex = -1;
    document.body.focus({ preventScroll: true });
  });

  // "Afdrukken" buttons are hidden until this script can make them work.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-afdrukken]").forEach(function (knop) {
      knop.hidden = false;
      knop.addEventListener("click", function () { window.print(); });
    });
  });

  // Forms marked data-auto-verzend submit themselves (through htmx) when a choice changes;
  // their submit button stays for those without JavaScript.
  document.addEventListener("change", function (event) {
    var form = event.target.closest && event.target.closest("form[data-auto-verzend]");
    if (form && window.htmx) {
      window.htmx.trigger(form, "submit");
    }
  });
})();
