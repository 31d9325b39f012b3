"""Browser tests: the built site served on 127.0.0.1, driven in the system Chromium."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support import FIXTURES, ROOT, build_site, serve

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


def site_paths() -> list[str]:
    """URL paths of every page of the real site, in both languages."""
    paths = []
    for source in sorted((ROOT / "docs" / "nl").rglob("*.md")):
        slug = source.relative_to(ROOT / "docs" / "nl").with_suffix("").as_posix()
        page = "" if slug == "index" else f"{slug.removesuffix('/index')}/"
        paths += [page, f"en/{page}"]
    return paths


PATHS = site_paths()


@pytest.fixture(scope="module")
def search_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("search-site")
    result = build_site(FIXTURES / "platform" / "search" / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def search(page: Any, query: str) -> list[str]:
    """Type a query into Material's search box; return the result links' paths."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query)
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta').textContent.trim() !== '' "
        "&& document.querySelector('input.md-search__input').value === q",
        arg=query,
    )
    page.wait_for_timeout(400)  # Material debounces the query before rendering results.
    links = page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link", "els => els.map(e => e.pathname)"
    )
    return sorted(set(links))


@pytest.mark.parametrize(
    ("start", "query", "expected"),
    [
        ("kanaal/", "wervelkanaal", ["/kanaal/"]),
        ("kanaal/", "wervelkanalen", ["/kanaal/"]),
        ("kanaal/", "wervel", ["/kanaal/"]),
        ("kanaal/", "zenuw", ["/zenuw/"]),
        ("kanaal/", "zenuwen", ["/zenuw/"]),
        ("kanaal/", "nerve", []),
        ("en/zenuw/", "nerve", ["/en/zenuw/"]),
        ("en/zenuw/", "nerves", ["/en/zenuw/"]),
        ("en/zenuw/", "canals", ["/en/kanaal/"]),
        ("en/zenuw/", "zenuw", []),
        ("en/zenuw/", "wervelkanaal", []),
    ],
)
def test_search_per_language_with_stemming(
    page: Any, search_site_url: str, start: str, query: str, expected: list[str]
) -> None:
    page.goto(search_site_url + start)
    page.wait_for_load_state("networkidle")
    assert search(page, query) == expected


@pytest.mark.parametrize("path", [p for p in PATHS if not p.startswith("en/")])
def test_language_switch_keeps_the_page(page: Any, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    page.locator('.lang-switch a[hreflang="en"]').click()
    page.wait_for_load_state("load")
    assert page.url == f"{site_url}en/{path}"
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator('.lang-switch a[hreflang="nl"]').click()
    page.wait_for_load_state("load")
    assert page.url == site_url + path
    assert page.locator("html").get_attribute("lang") == "nl"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PATHS)
def test_page_is_private_clean_and_accessible(
    browser: Any, site_url: str, path: str, width: str
) -> None:
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h})
    page = context.new_page()
    requests: list[str] = []
    failures: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("response", lambda r: failures.append(r.url) if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failures.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        expected_lang = "en" if path.startswith("en/") else "nl"
        assert page.locator("html").get_attribute("lang") == expected_lang
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, results.generate_report()

        # Use the search too, so its worker, stemmer and index are part of what is checked.
        if not page.locator("input.md-search__input").is_visible():
            page.locator("label.md-header__button[for=__search]").click()
        page.locator("input.md-search__input").fill("rug" if expected_lang == "nl" else "back")
        page.wait_for_load_state("networkidle")

        assert [u for u in requests if not u.startswith(site_url)] == []
        assert any(u.endswith("search/search_index.json") for u in requests)
        assert failures == []
        assert errors == []
        assert context.cookies() == []
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("path", "query"), [("", "zenuw"), ("en/", "nerve")])
def test_search_dialog_is_accessible(
    browser: Any, site_url: str, path: str, query: str, width: str
) -> None:
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h})
    page = context.new_page()
    try:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        if not page.locator("input.md-search__input").is_visible():
            page.locator("label.md-header__button[for=__search]").click()
        assert search(page, query), "the search finds the query in the page's language"
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("bestaat/niet/", "nl", "Pagina niet gevonden"),
        ("en/does/not/exist/", "en", "Page not found"),
    ],
)
def test_404_page_per_language(
    page: Any, site_url: str, path: str, lang: str, heading: str
) -> None:
    response = page.goto(site_url + path)
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == heading
    # Assets load from the site root even from a deep, unknown URL.
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""
    assert page.locator(".md-header").is_visible()


def test_every_page_is_keyboard_reachable(page: Any, site_url: str) -> None:
    """Tabbing from the top reaches the main content's links, with a visible focus."""
    page.goto(site_url)
    seen = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        seen.add(page.evaluate("document.activeElement && document.activeElement.href"))
    content_links = page.eval_on_selector_all(
        "article a[href]:not(.headerlink)", "els => els.map(e => e.href)"
    )
    assert content_links, "the home page has links in its content"
    assert set(content_links[:3]) <= seen


def test_built_site_has_expected_pages(built_site: Path) -> None:
    for path in PATHS:
        assert (built_site / path / "index.html").exists(), path
