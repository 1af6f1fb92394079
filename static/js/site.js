// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

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
