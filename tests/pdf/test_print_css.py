"""Ctrl+P of any page of the real site: only the article, large text, whole red-flag boxes."""

from typing import Any

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
        breaks = page.eval_on_selector(".red-flags", "e => getComputedStyle(e).breakInside")
        assert breaks == "avoid"
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
