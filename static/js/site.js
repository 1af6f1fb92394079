// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // After htmx swaps in new content, move focus to its heading so screen-reader and keyboard
  // users land on what changed (NL Design System guidance for partial page updates).
  document.addEventListener("htmx:afterSettle", function (event) {
    var doel = event.detail && event.detail.elt;
    if (!doel || !doel.querySelector) return;
    var kop = doel.querySelector("[data-focus-na-wissel]");
    if (kop) {
      kop.setAttribute("tabindex", "-1");
      kop.focus();
    }
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
