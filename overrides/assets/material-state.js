// Material's helpers for what it remembers in the browser (colour scheme, dismissed notices).
// Its base template defines them in an inline script, which our Content-Security-Policy
// forbids; this file does the same before Material's bundle, which calls them.
// data-scope on the <script> is the site's root, relative to the page.
(function () {
  "use strict";

  var scope = new URL(document.currentScript.dataset.scope, location);

  // A short number for a text (Material compares it to know whether a notice changed).
  function hash(text) {
    return Array.from(text).reduce(function (sum, letter) {
      return (sum << 5) - sum + letter.charCodeAt(0);
    }, 0);
  }

  function get(key, storage, base) {
    storage = storage === undefined ? localStorage : storage;
    base = base === undefined ? scope : base;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  }

  function set(key, value, storage, base) {
    storage = storage === undefined ? localStorage : storage;
    base = base === undefined ? scope : base;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // Storage full or switched off: the site works, it just does not remember.
    }
  }

  window.__md_scope = scope;
  window.__md_hash = hash;
  window.__md_get = get;
  window.__md_set = set;
})();
