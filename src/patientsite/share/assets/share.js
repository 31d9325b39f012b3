// The share page for clinic staff: copy buttons, and the colour scheme the reader chose on
// the site. Without JavaScript the buttons stay hidden and the texts can be selected by hand.
(() => {
  "use strict";

  // Material keeps the reader's light/dark choice under "<site path>.__palette"; the page
  // otherwise follows the device, as the site does on a first visit.
  const body = document.body;
  const root = new URL(body.dataset.siteRoot || "./", location.href);
  let colours = null;
  try {
    const palette = JSON.parse(localStorage.getItem(`${root.pathname}.__palette`));
    colours = palette && palette.color;
  } catch {
    colours = null;
  }
  if (colours && colours.scheme) {
    for (const [key, value] of Object.entries(colours)) {
      if (key !== "media") body.setAttribute(`data-md-color-${key}`, value);
    }
  } else if (matchMedia("(prefers-color-scheme: dark)").matches) {
    body.setAttribute("data-md-color-scheme", "slate");
  }

  // Some browsers allow the clipboard API only on https or localhost; the older way (select,
  // then copy) still works on plain http.
  const copy = async (field) => {
    try {
      await navigator.clipboard.writeText(field.value);
      return true;
    } catch {
      field.focus();
      field.select();
      return document.execCommand("copy");
    }
  };

  for (const button of document.querySelectorAll("button[data-copy]")) {
    const field = document.getElementById(button.dataset.copy);
    const status = button.parentElement.querySelector(".share-copy__status");
    if (!field || !status) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const done = await copy(field);
      if (!done) {
        field.focus();
        field.select();
      }
      for (const other of document.querySelectorAll(".share-copy__status")) other.textContent = "";
      status.textContent = done ? button.dataset.copied : button.dataset.failed;
    });
  }
})();
