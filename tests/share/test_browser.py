"""The share pages in the system Chromium, served on 127.0.0.1: accessible at phone and desktop
widths, the copy buttons copy, and without JavaScript the texts are still there to select."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.platform.test_browser import WCAG_TAGS
from tests.reading.test_browser import luminance
from tests.support import serve

pytestmark = pytest.mark.browser

PATHS = {"nl": "share/", "en": "en/share/"}
COPY_TEXT = {"nl": "Kopieer de tekst", "en": "Copy the text"}
COPIED = {
    "nl": "Gekopieerd. Plak het nu in je e-mail.",
    "en": "Copied. Now paste it into your e-mail.",
}


@pytest.fixture(scope="module")
def share_url(shared_site: Path) -> Iterator[str]:
    with serve(shared_site) as url:
        yield url


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_share_page_has_no_axe_violations(
    open_page: Any, share_url: str, lang: str, width: int
) -> None:
    page = open_page(share_url + PATHS[lang], width)
    assert page.locator("html").get_attribute("lang") == lang
    # The copy buttons are shown (share.js ran), so axe checks them too.
    assert page.get_by_role("button", name=COPY_TEXT[lang]).first.is_visible()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    overflow = page.evaluate("document.documentElement.scrollWidth > innerWidth")
    assert not overflow


def test_dark_mode_keeps_the_qr_codes_on_white(open_page: Any, share_url: str) -> None:
    page = open_page(share_url + PATHS["nl"], 375, color_scheme="dark")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert luminance(background) < 0.05
    qr = page.locator("img").first.evaluate("img => getComputedStyle(img).backgroundColor")
    assert luminance(qr) > 0.9


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_copy_button_puts_the_email_text_on_the_clipboard(
    open_page: Any, share_url: str, lang: str
) -> None:
    page = open_page(share_url + PATHS[lang], permissions=["clipboard-read", "clipboard-write"])
    button = page.get_by_role("button", name=COPY_TEXT[lang]).nth(1)
    field = page.locator(f"#{button.get_attribute('data-copy')}")
    button.click()
    expected = field.input_value()
    assert "https://rugpijn.example.be/" in expected
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert button.locator("xpath=..").get_by_role("status").inner_text() == COPIED[lang]


def test_language_switch_leads_to_the_other_share_page(open_page: Any, share_url: str) -> None:
    page = open_page(share_url + PATHS["nl"])
    page.get_by_role("link", name="EN English").click()
    page.wait_for_load_state()
    assert page.url == share_url + PATHS["en"]
    assert page.locator("html").get_attribute("lang") == "en"


def test_without_javascript_the_texts_are_there_to_select(open_page: Any, share_url: str) -> None:
    page = open_page(share_url + PATHS["nl"], java_script_enabled=False)
    assert page.locator("button[data-copy]").first.is_hidden()
    field = page.get_by_label("Tekst voor de e-mail").first
    field.select_text()
    selected = page.evaluate(
        "() => { const f = document.activeElement;"
        " return f.value.slice(f.selectionStart, f.selectionEnd); }"
    )
    assert selected.startswith(
        "Voor je afspraak: lees hier vooraf \u201eLage rugpijn en scans\u201d"
    )


@pytest.mark.parametrize(("lang", "quote"), [("nl", "\u201e"), ("en", "\u201c")])
def test_snippet_files_open_from_disk_with_their_quotes(
    open_page: Any, shared_site: Path, lang: str, quote: str
) -> None:
    for name in ("scan-email.txt", "scan-email.html"):
        page = open_page((shared_site / "share" / lang / name).as_uri())
        text = page.locator("body").inner_text()
        assert quote in text
        assert "\u00e2\u20ac" not in text  # what „ and “ look like read as Windows-1252
