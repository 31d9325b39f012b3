// Content tabs (pymdownx.tabbed): open the tab the address points at (#__tabbed_1_2) and, with
// Material's content.tabs.link (data-linked), the tabs the reader chose before. Material does
// this in an inline script, which our Content-Security-Policy forbids.
(function () {
  "use strict";

  var tabs = document.currentScript.hasAttribute("data-linked") ? __md_get("__tabs") : null;
  if (Array.isArray(tabs)) {
    document.querySelectorAll(".tabbed-set").forEach(function (set) {
      var labels = Array.from(set.querySelector(".tabbed-labels").getElementsByTagName("label"));
      tabs.some(function (tab) {
        var label = labels.find(function (label) {
          return label.innerText.trim() === tab;
        });
        if (label) {
          document.getElementById(label.htmlFor).checked = true;
        }
        return Boolean(label);
      });
    });
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) {
    target.checked = target.name.startsWith("__tabbed_");
  }
})();
