"""Ctrl+P of any page of the real site: only the article, large text, whole red-flag boxes."""

import re
from pathlib import Path
from typing import Any

import pypdfium2
import pytest

pytestmark = pytest.mark.browser

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]


@pytest.mark.parametrize("path", ["", "en/", "alarm/", "en/alarm/"])
def test_printed_page_is_readable(browser: Any, site_url: str, path: str) -> None:
    page = browser.new_page()
    try:
        page.goto(site_url + path)
        page.emulate_media(media="print")
        for selector in CHROME:
            display = page.eval_on_selector(selector, "e => getComputedStyle(e).display")
            assert display == "none", selector
        size = page.eval_on_selector(".md-typeset", "e => getComputedStyle(e).fontSize")
        assert float(size.removesuffix("px")) >= 16  # 12 pt
        breaks = "e => getComputedStyle(e).breakInside"
        assert page.eval_on_selector(".red-flags", breaks) == "auto"  # may break between tiers
        assert page.eval_on_selector(".red-flags__tier", breaks) == "avoid"
        # A link's address is printed after it; a reference's DOI is its own text already.
        page.eval_on_selector(
            ".md-typeset",
            """e => e.insertAdjacentHTML('beforeend',
                '<p><a id="t1" href="https://www.nice.org.uk/guidance/ng59">NICE</a></p>' +
                '<span class="citation-reference"><a id="t2" href="https://doi.org/10.1/x">' +
                'https://doi.org/10.1/x</a></span>')""",
        )
        after = "e => getComputedStyle(e, '::after').content"
        assert page.eval_on_selector("#t1", after) == '" (https://www.nice.org.uk/guidance/ng59)"'
        assert page.eval_on_selector("#t2", after) == "none"
    finally:
        page.close()


def _squeezed(text: str) -> str:
    """The text without spaces and citation numbers ("[8, 16]"), to compare DOM with PDF."""
    return re.sub(r"\[[\d,\u2013-]*\]", "", "".join(text.split()))


@pytest.mark.parametrize("path", ["alarm/", "en/alarm/"])
def test_printed_warning_signs_keep_each_tier_whole_and_leave_no_page_mostly_empty(
    browser: Any, site_url: str, path: str, tmp_path: Path
) -> None:
    """Ctrl+P as Chromium prints it (page.pdf uses the print stylesheet)."""
    page = browser.new_page()
    try:
        page.goto(site_url + path)
        tiers = page.eval_on_selector_all(
            ".red-flags__tier",
            """tiers => tiers.map(tier => {
                const copy = tier.cloneNode(true);
                copy.querySelectorAll('.citation, .headerlink').forEach(e => e.remove());
                return [copy.querySelector('h3').textContent,
                        ...[...copy.querySelectorAll('li')].map(li => li.textContent)];
            })""",
        )
        pdf = tmp_path / "print.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
    finally:
        page.close()
    document = pypdfium2.PdfDocument(pdf)
    try:
        texts, lowest = [], []
        for index in range(len(document)):
            text_page = document[index].get_textpage()
            texts.append(_squeezed(text_page.get_text_bounded()))
            bottoms = [text_page.get_charbox(c)[1] for c in range(text_page.count_chars())]
            lowest.append(min(bottoms) / document[index].get_size()[1])
    finally:
        document.close()
    assert len(tiers) == 3
    for tier in tiers:
        # The heading and every sign of a tier on one and the same page. (The heading's words
        # may also stand in the text around the list, so the signs say where the tier is.)
        holding = {
            index
            for index, text in enumerate(texts)
            for part in tier[1:]
            if _squeezed(part) in text
        }
        assert len(holding) == 1, tier[0]
        (only,) = holding
        assert [part for part in tier if _squeezed(part) not in texts[only]] == []
    # Every page but the last is filled at least halfway down (PDF y runs upwards).
    assert all(bottom < 0.5 for bottom in lowest[:-1]), lowest
