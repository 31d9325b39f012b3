// Citation popovers: show a work's full reference on hover, keyboard focus and tap.
// Without this script every citation is still a link to the entry in the page's
// reference list; the script only adds the popover on top.
(function () {
  "use strict";

  var HIDE_DELAY_MS = 300; // time to move the pointer from the link onto the popover
  var popover = null; // the one popover, made on first use
  var owner = null; // the citation link the popover belongs to
  var hideTimer = 0;
  var touchTap = false; // the current click comes from a finger
  var openBeforeTap = false; // the popover already showed this link's reference
  // Material's phone layout (below its 45em breakpoint): popovers open as a bottom sheet.
  var PHONE = window.matchMedia("(max-width: 44.9375em)");

  function citationLink(target) {
    return target && target.closest ? target.closest("a.citation-link") : null;
  }

  function referenceFor(link) {
    var item = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    return item ? item.querySelector(".citation-reference") : null;
  }

  function isOpen() {
    return popover !== null && !popover.hidden;
  }

  function makePopover() {
    popover = document.createElement("div");
    popover.id = "citation-popover";
    popover.className = "citation-popover";
    popover.setAttribute("role", "tooltip");
    popover.hidden = true;
    // The pointer may rest on the popover without it disappearing (WCAG 1.4.13).
    popover.addEventListener("mouseenter", cancelHide);
    popover.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(popover);
  }

  function show(link) {
    var reference = referenceFor(link);
    if (!reference) {
      return;
    }
    cancelHide();
    if (popover === null) {
      makePopover();
    }
    if (owner && owner !== link) {
      owner.removeAttribute("aria-describedby");
    }
    // A tooltip holds no controls: copy the reference with its links turned into text.
    var copy = reference.cloneNode(true);
    copy.querySelectorAll("a").forEach(function (anchor) {
      anchor.replaceWith(document.createTextNode(anchor.textContent));
    });
    popover.replaceChildren(copy);
    popover.hidden = false;
    owner = link;
    link.setAttribute("aria-describedby", popover.id);
    place(link);
  }

  function place(link) {
    if (PHONE.matches) {
      placeAsSheet(link);
      return;
    }
    popover.classList.remove("citation-popover--sheet");
    var rect = link.getBoundingClientRect();
    var margin = 8;
    var viewport = document.documentElement.clientWidth;
    var left = Math.min(rect.left, viewport - popover.offsetWidth - margin);
    popover.style.left = Math.max(margin, left) + window.scrollX + "px";
    popover.style.top = rect.bottom + window.scrollY + 6 + "px";
  }

  // On a phone a popover under the citation would cover the next lines, often the next
  // warning sign: the reference opens as a sheet along the bottom edge instead, and the
  // page scrolls so that the sentence (or list item) with the citation stays above it.
  function placeAsSheet(link) {
    popover.classList.add("citation-popover--sheet");
    popover.style.left = "";
    popover.style.top = "";
    var sheetTop = window.innerHeight - popover.offsetHeight;
    // Room to scroll the last lines of a page above the sheet.
    document.body.style.paddingBottom = popover.offsetHeight + "px";
    var reading = link.closest("li, p, dd, td") || link;
    var rect = reading.getBoundingClientRect();
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    if (rect.height > sheetTop - top - 16) {
      rect = link.getBoundingClientRect(); // a long paragraph: keep at least the citation's line
    }
    var overlap = rect.bottom + 8 - sheetTop;
    if (overlap > 0) {
      window.scrollBy(0, overlap);
    }
  }

  function hide() {
    cancelHide();
    if (popover !== null) {
      popover.hidden = true;
      document.body.style.paddingBottom = "";
    }
    if (owner) {
      owner.removeAttribute("aria-describedby");
      owner = null;
    }
  }

  function scheduleHide() {
    cancelHide();
    hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
  }

  function cancelHide() {
    window.clearTimeout(hideTimer);
  }

  document.addEventListener("mouseover", function (event) {
    var link = citationLink(event.target);
    if (link) {
      show(link);
    }
  });

  document.addEventListener("mouseout", function (event) {
    var link = citationLink(event.target);
    if (link && link === owner && !link.contains(event.relatedTarget)) {
      scheduleHide();
    }
  });

  document.addEventListener("focusin", function (event) {
    var link = citationLink(event.target);
    if (link) {
      show(link);
    }
  });

  document.addEventListener("focusout", function (event) {
    if (citationLink(event.target) === owner) {
      hide();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) {
      hide();
    }
  });

  document.addEventListener(
    "pointerdown",
    function (event) {
      var link = citationLink(event.target);
      touchTap = event.pointerType === "touch";
      openBeforeTap = Boolean(link) && link === owner && isOpen();
    },
    true
  );

  // A first tap shows the reference; a second tap on the same citation follows the link.
  // A tap or click anywhere else closes it.
  document.addEventListener("click", function (event) {
    var link = citationLink(event.target);
    if (!link && isOpen() && !popover.contains(event.target)) {
      hide();
      return;
    }
    if (touchTap && link && !openBeforeTap) {
      event.preventDefault();
      show(link);
    }
  });
})();
