// The colour scheme the reader chose last time, set before the page is drawn (no flash of the
// other scheme). Material does this in an inline script, which our Content-Security-Policy
// forbids; this file runs at the same place, right after the header's scheme buttons.
(function () {
  "use strict";

  var palette = __md_get("__palette");
  if (!palette || !palette.color) {
    return;
  }
  var color = palette.color;
  // "Follow the device": take the scheme of the button for the device's current setting.
  if (color.media === "(prefers-color-scheme)") {
    var light = matchMedia("(prefers-color-scheme: light)").matches;
    var input = document.querySelector(
      "[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']"
    );
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
    });
  }
  Object.keys(color).forEach(function (key) {
    document.body.setAttribute("data-md-color-" + key, color[key]);
  });
})();
