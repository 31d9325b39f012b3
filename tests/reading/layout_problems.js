// Layout problems a reader would notice, as sentences; [] when the page looks right.
// Run in the page by tests/reading/test_browser.py at each width.
() => {
  const problems = [];
  const article = document.querySelector("article.md-content__inner");
  const text = (el) => el.textContent.replace(/\s+/g, " ").trim().slice(0, 50);

  // 1. A heading's hidden permalink sign must not wrap onto a line of its own.
  for (const heading of article.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    const link = heading.querySelector("a.headerlink");
    if (!link || !heading.firstChild || heading.firstChild === link) continue;
    const range = document.createRange();
    range.setStartBefore(heading.firstChild);
    range.setEndBefore(link);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const lastLineBottom = Math.max(...rects.map((r) => r.bottom));
    if (link.getBoundingClientRect().top >= lastLineBottom - 1) {
      problems.push(`permalink of "${text(heading)}" on its own line`);
    }
  }

  // 2. No gap between two blocks of the article taller than a heading's own spacing.
  const blocks = [...article.children].filter((el) => {
    const style = getComputedStyle(el);
    return style.display !== "none" && style.position !== "absolute" && el.offsetHeight > 0;
  });
  for (let i = 1; i < blocks.length; i++) {
    const gap = blocks[i].getBoundingClientRect().top - blocks[i - 1].getBoundingClientRect().bottom;
    if (gap > 64) {
      problems.push(`${Math.round(gap)} px empty band above "${text(blocks[i])}"`);
    }
  }

  // 3. No block taller than two lines of text that shows nothing.
  for (const el of article.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (!["block", "flex", "grid", "list-item", "flow-root"].includes(style.display)) continue;
    if (el.offsetHeight <= 48) continue;
    const visible = el.textContent.trim() !== "" || el.querySelector("img, svg, video, iframe");
    if (!visible) {
      problems.push(`${el.offsetHeight} px empty <${el.tagName.toLowerCase()} class="${el.className}">`);
    }
  }

  // 4. The site's name in the header is shown whole (the header shows it at the top of a page).
  const name = document.querySelector(".md-header__topic .md-ellipsis");
  if (name && (name.scrollHeight > name.clientHeight + 1 || name.scrollWidth > name.clientWidth + 1)) {
    problems.push(`header title cut: "${text(name)}"`);
  }

  // 5. Nothing wider than the screen.
  if (document.documentElement.scrollWidth > window.innerWidth) {
    problems.push(`page ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window`);
  }
  return problems;
}
