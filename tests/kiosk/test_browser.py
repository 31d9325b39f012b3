"""The kiosk opened from file:// in Chromium with every network request refused: pages,
menu, language switch, search, citation popovers and PDFs all work, and nothing is requested
from anywhere but the kiosk's own files."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from tests.support import serve

pytestmark = pytest.mark.browser


# Addresses that would need a network (file:, data:, and the chrome: pages of the built-in PDF
# viewer never leave the device).
NETWORK_SCHEMES = {"http", "https", "ws", "wss", "ftp"}


def needs_network(url: str) -> bool:
    return urlsplit(url).scheme in NETWORK_SCHEMES


@pytest.fixture
def offline(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A page whose every network request is refused; yields it and the addresses it asked
    for that would need a network (a test asserts there were none)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    elsewhere: list[str] = []
    context.route(needs_network, lambda route: route.abort())

    def record(request: Any) -> None:
        if needs_network(request.url):
            elsewhere.append(request.url)

    context.on("request", record)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, elsewhere
    context.close()
    assert errors == []


def path_of(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


def search(page: Any, query: str) -> list[str]:
    """Type a query into Material's search box; the result links' file names (no ?h=)."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query)
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent.trim() !== '' "
        "&& document.querySelectorAll('.md-search-result__list li').length > 0"
    )
    page.wait_for_timeout(400)  # Material debounces the query before rendering results.
    links = page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link", "els => els.map(e => e.href)"
    )
    here = path_of(page.url).parent
    return sorted({os.path.relpath(path_of(link), here) for link in links})


def test_menu_links_open_every_page_in_both_languages(kiosk: Path, offline: Any) -> None:
    page, elsewhere = offline
    for folder in (kiosk, kiosk / "en"):
        page.goto((folder / "index.html").as_uri())
        links = page.eval_on_selector_all(
            "nav.md-nav--primary a.md-nav__link[href]", "els => els.map(e => e.href)"
        )
        # The menu leads to every page of the language, each a file of the kiosk.
        assert {path_of(link) for link in links} == set(folder.glob("*.html"))
        for link in sorted(set(links)):
            page.goto(link)
            assert page.locator("article h1").count() == 1, link
    assert elsewhere == []


def test_language_switch_goes_between_the_same_page(kiosk: Path, offline: Any) -> None:
    page, elsewhere = offline
    page.goto((kiosk / "index.html").as_uri())
    page.locator("nav.md-nav--primary a.md-nav__link[href='scan.html']").first.click()
    assert path_of(page.url) == kiosk / "scan.html"
    page.locator("a.lang-switch__link[hreflang=en]").first.click()
    assert path_of(page.url) == kiosk / "en" / "scan.html"
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator("a.lang-switch__link[hreflang=nl]").first.click()
    assert path_of(page.url) == kiosk / "scan.html"
    assert page.locator("html").get_attribute("lang") == "nl"
    assert elsewhere == []


def test_search_finds_dutch_words_by_their_stem_and_english_in_english(
    kiosk: Path, offline: Any
) -> None:
    page, elsewhere = offline
    page.goto((kiosk / "index.html").as_uri())
    # No page says "wervelkanalen": only the Dutch stemmer leads it to "wervelkanaal".
    assert "mri.html" in search(page, "wervelkanalen")
    marked = page.eval_on_selector_all(".md-search-result mark", "els => els.map(e => e.innerText)")
    assert "wervelkanaal" in {word.lower() for word in marked}
    # Our wrapper's accents and synonyms work too: "ischias" finds the hernia page.
    page.goto((kiosk / "scan.html").as_uri())
    assert "mri.html" in search(page, "ischias")
    page.goto((kiosk / "en" / "scan.html").as_uri())
    results = search(page, "nerves")
    assert "mri.html" in results
    assert all(not result.startswith("..") for result in results), "an English page found Dutch"
    assert elsewhere == []


def test_citation_opens_its_popover(kiosk: Path, offline: Any) -> None:
    page, elsewhere = offline
    page.goto((kiosk / "scan.html").as_uri())
    citation = page.locator("article a.citation-link").first
    citation.hover()
    popover = page.locator("#citation-popover")
    popover.wait_for(state="visible")
    target = citation.get_attribute("href")
    assert target and target.startswith("#")
    reference = page.locator(f"[id='{target[1:]}'] .citation-reference").text_content() or ""
    assert reference.strip() and (popover.text_content() or "").strip() == reference.strip()
    assert elsewhere == []


def test_pdf_links_open_the_kiosks_pdfs(kiosk: Path, offline: Any) -> None:
    page, elsewhere = offline
    for start, folder in ((kiosk / "scan.html", kiosk), (kiosk / "en" / "scan.html", kiosk / "en")):
        page.goto(start.as_uri())
        links = page.eval_on_selector_all(".pdf-links a[href]", "els => els.map(e => e.href)")
        assert len(links) == 4
        for link in links:
            pdf = path_of(link)
            assert pdf.parent == folder / "pdf" and pdf.read_bytes().startswith(b"%PDF"), link
        # From a file the browser shows the PDF (its download attribute only counts online).
        with page.expect_navigation():
            page.locator(".pdf-links a[href]").first.click()
        assert path_of(page.url) == path_of(links[0])
    assert elsewhere == []


def test_the_kiosk_also_works_from_a_local_web_server(kiosk: Path, browser: Any) -> None:
    """As a tablet's local web-server app serves it: search runs as a real Web Worker."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    elsewhere: list[str] = []

    def beyond_loopback(url: str) -> bool:
        return needs_network(url) and urlsplit(url).hostname != "127.0.0.1"

    def record(request: Any) -> None:
        if beyond_loopback(request.url):
            elsewhere.append(request.url)

    context.route(beyond_loopback, lambda route: route.abort())
    context.on("request", record)
    page = context.new_page()
    with serve(kiosk) as url:
        page.goto(f"{url}index.html")
        page.locator("a.lang-switch__link[hreflang=en]").first.click()
        assert urlsplit(page.url).path == "/en/index.html"
        assert "mri.html" in search(page, "nerves")
        page.goto(f"{url}index.html")
        assert "mri.html" in search(page, "wervelkanalen")
    context.close()
    assert elsewhere == []
