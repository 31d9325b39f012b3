"""Popovers, backlinks and accessibility of citations, in the system Chromium."""

from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support import FIXTURES, build_site, serve

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Our part of the page: the content and the popover. The theme's own footer is tested with the
# real site (tests/platform), whose stylesheet fixes Material's contrast.
AXE_CONTEXT = {"include": [["article"], ["#citation-popover"]]}
CHOU = "Chou, R., Fu, R., Carrino, J. A., & Deyo, R. A. (2009). Imaging strategies for low-back"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    urls = []
    for name in ("numeric", "author_date"):
        site = tmp_path_factory.mktemp(name)
        result = build_site(FIXTURES / "citations" / name / "mkdocs.yml", site)
        assert result.returncode == 0, result.stderr
        urls.append(site)
    numeric, author_date = urls
    # The author-date site is served under /author-date/ of the same server.
    (numeric / "author-date").symlink_to(author_date, target_is_directory=True)
    with serve(numeric) as url:
        yield url


def new_page(browser: Any, **options: Any) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    return page


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = new_page(browser)
    yield page
    assert page.errors == []
    page.context.close()


def popover(page: Any) -> Any:
    return page.locator("#citation-popover")


def test_hover_shows_the_full_reference_and_it_can_be_hovered(page: Any, site_url: str) -> None:
    page.goto(site_url)
    link = page.locator("a.citation-link").first
    link.hover()
    assert popover(page).is_visible()
    assert popover(page).get_attribute("role") == "tooltip"
    assert popover(page).inner_text().startswith(CHOU)
    assert link.get_attribute("aria-describedby") == "citation-popover"
    # The pointer may move onto the popover without it disappearing (WCAG 1.4.13).
    popover(page).hover()
    page.wait_for_timeout(600)
    assert popover(page).is_visible()
    page.mouse.move(5, 880)
    page.wait_for_timeout(600)
    assert popover(page).is_hidden()
    assert link.get_attribute("aria-describedby") is None


def test_popover_holds_no_links(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.locator("a.citation-link").first.hover()
    assert popover(page).locator("a").count() == 0
    assert "https://doi.org/10.1016/S0140-6736(09)60172-0" in popover(page).inner_text()


def test_keyboard_focus_shows_it_and_escape_hides_it(page: Any, site_url: str) -> None:
    page.goto(site_url)
    link = page.get_by_role("link", name="Bron 1: Chou e.a., 2009").first
    link.focus()
    assert popover(page).is_visible()
    assert popover(page).inner_text().startswith(CHOU)
    outline = link.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Escape")
    assert popover(page).is_hidden()
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#ref-chou2009"


def test_screen_reader_names(page: Any, site_url: str) -> None:
    page.goto(site_url + "en/")
    assert page.get_by_role("link", name="Source 6: National Institute for Health and Care "
                            "Excellence, 2016").count() == 2  # fmt: skip
    page.goto(site_url)
    # chou2009, hall2021 and nice2016 are each cited twice on the Dutch home page.
    assert page.get_by_role("link", name="Terug naar vermelding 2 in de tekst").count() == 3


def test_first_tap_shows_the_reference_second_tap_follows_the_link(
    browser: Any, site_url: str
) -> None:
    page = new_page(browser, has_touch=True, is_mobile=True)
    try:
        page.goto(site_url)
        link = page.locator('a.citation-link[href="#ref-jarvik2002"]').first
        link.tap()
        assert popover(page).is_visible()
        assert page.url == site_url
        link.tap()
        page.wait_for_url(site_url + "#ref-jarvik2002")
        # Tapping elsewhere closes the popover.
        page.locator("h1").tap()
        assert popover(page).is_hidden()
        assert page.errors == []
    finally:
        page.context.close()


def test_click_follows_the_link_to_the_page_list(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.locator('a.citation-link[href="#ref-nice2016"]').first.click()
    page.wait_for_url(site_url + "#ref-nice2016")
    assert page.locator("#ref-nice2016").is_visible()


def test_without_javascript_the_link_still_works(browser: Any, site_url: str) -> None:
    page = new_page(browser, java_script_enabled=False)
    try:
        page.goto(site_url + "en/")
        page.locator('a.citation-link[href="#ref-hall2021"]').first.click()
        page.wait_for_url(site_url + "en/#ref-hall2021")
        assert page.locator("#ref-hall2021").is_visible()
        assert page.locator("#citation-popover").count() == 0
    finally:
        page.context.close()


def test_backlinks_return_to_every_place(page: Any, site_url: str) -> None:
    page.goto(site_url + "en/")
    backlinks = page.locator("#ref-hall2021 a.citation-backlink")
    assert backlinks.count() == 3
    for index, anchor in enumerate(["cite-2", "cite-4", "cite-5"]):
        backlinks.nth(index).click()
        page.wait_for_url(f"{site_url}en/#{anchor}")
        assert page.locator(f"#{anchor}").is_visible()
        assert page.locator(f"#{anchor}").evaluate(
            "el => { const r = el.getBoundingClientRect(); "
            "return r.top >= 0 && r.bottom <= innerHeight; }"
        )


def test_full_list_links_reach_the_citing_page(page: Any, site_url: str) -> None:
    page.goto(site_url + "sources/")
    page.locator("#bib-chou2009 .citation-cited-on a", has_text="Alarmsignalen").click()
    page.wait_for_url(site_url + "alarm/#ref-chou2009")
    assert page.locator("#ref-chou2009").is_visible()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(
    "path", ["", "en/", "alarm/", "sources/", "en/sources/", "author-date/", "author-date/en/"]
)
def test_pages_with_citations_pass_axe(browser: Any, site_url: str, path: str, width: int) -> None:
    page = new_page(browser)
    try:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        results = Axe().run(page, AXE_CONTEXT, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, results.generate_report()
        if page.locator("a.citation-link").count():
            page.locator("a.citation-link").first.focus()
            results = Axe().run(
                page, AXE_CONTEXT, {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
            )
            assert results.violations_count == 0, results.generate_report()
        assert page.errors == []
    finally:
        page.context.close()
