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
})();
