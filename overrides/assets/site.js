// Small additions to Material, kept in a file (no inline scripts on our pages).
(function () {
  "use strict";

  // "Print this page": a button only works with JavaScript, so it stays hidden without it.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.closest("[hidden]").hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  // A wide table scrolls sideways on a phone inside Material's wrapper. Keyboard users can
  // only scroll what they can focus (WCAG 2.1.1), so the wrapper takes focus, as a region
  // named after the table's caption (or its first heading cell).
  function focusableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap) {
      var table = wrap.querySelector("table");
      var before = wrap.previousElementSibling;
      var caption = before && before.classList.contains("table-caption") ? before : null;
      var name = caption || (table && table.querySelector("th"));
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      if (name) {
        // The caption's citation numbers ("[5]") mean nothing as the region's name.
        var text = name.textContent.replace(/\s*\[[^\]]*\]/g, "").trim();
        wrap.setAttribute("aria-label", text);
      }
    });
  }
  if (window.document$) {
    window.document$.subscribe(focusableTables);
  } else {
    focusableTables();
  }
})();
