"""The search as patients type: a table of queries typed into the real site's search box.

Every query must show its expected page among the first three pages of results, and only
pages of the language searched in. The table (search_queries.tsv) holds the issue's
examples, inflections, accents, typos, everyday words and several-word queries.
"""

from collections.abc import Iterator
from typing import Any

import pytest

from tests.platform.search_table import Query, read_table

pytestmark = pytest.mark.browser

QUERIES = read_table()
ROOTS = {"nl": "/", "en": "/en/"}


def result_pages(page: Any, query: str) -> list[str]:
    """Type a query into Material's search box; return the result pages' paths, in order."""
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
    return list(dict.fromkeys(links))


@pytest.fixture(scope="module")
def search_pages(browser: Any, site_url: str) -> Iterator[dict[str, Any]]:
    """One open page per language, reused by every query of that language."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pages = {}
    for lang, root in ROOTS.items():
        page = context.new_page()
        page.goto(site_url + root.lstrip("/"))
        page.wait_for_load_state("networkidle")
        pages[lang] = page
    yield pages
    context.close()


def test_table_has_forty_queries_per_language() -> None:
    for lang in ROOTS:
        assert len([q for q in QUERIES if q.lang == lang]) >= 40, lang


@pytest.mark.parametrize("query", QUERIES, ids=[f"{q.lang}:{q.text}" for q in QUERIES])
def test_query_finds_its_page_in_the_first_three(
    search_pages: dict[str, Any], query: Query
) -> None:
    pages = result_pages(search_pages[query.lang], query.text)
    root = ROOTS[query.lang]
    assert root + query.page in pages[:3], pages
    other = [p for p in pages if p.startswith("/en/") != (query.lang == "en")]
    assert other == [], "results in the other language"


@pytest.mark.parametrize(
    ("lang", "query", "section"),
    [
        # Someone who types the number to call lands on the list that says to call it first.
        ("nl", "bel 112", "#bel-meteen-112"),
        ("nl", "112", "#bel-meteen-112"),
        ("nl", "1733", "#bel-vandaag-je-huisarts"),
        ("en", "call 112", "#call-112-now"),
        ("en", "1733", "#call-your-gp-today"),
    ],
)
def test_a_number_to_call_finds_its_list_first(
    search_pages: dict[str, Any], lang: str, query: str, section: str
) -> None:
    page = search_pages[lang]
    result_pages(page, query)
    sections = page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link", "els => els.map(e => e.hash)"
    )
    assert next((anchor for anchor in sections if anchor), None) == section, sections


@pytest.mark.parametrize(
    ("lang", "query", "marked"),
    [
        ("nl", "rontgen", "röntgenfoto"),
        ("nl", "röntgenfoto's", "röntgenfoto"),
        ("nl", "hernai", "hernia"),
        ("en", "sciatcia", "sciatica"),
        ("en", "herniation", "herniated"),
    ],
)
def test_results_highlight_the_words_found(
    search_pages: dict[str, Any], lang: str, query: str, marked: str
) -> None:
    page = search_pages[lang]
    result_pages(page, query)
    marks = page.eval_on_selector_all(
        ".md-search-result mark", "els => els.map(e => e.textContent.replace(/[.,?!]$/, ''))"
    )
    assert marked in marks


@pytest.mark.parametrize(
    ("lang", "query", "never"),
    [
        # "numbness" once became numb*, which matched "number" on these two pages.
        ("en", "numbness", ["/en/about/", "/en/sources/"]),
        # "pijn in been" once became pijn be*, which matched beter, beslist, België...
        ("nl", "pijn in been", ["/about/", "/sources/"]),
    ],
)
def test_no_false_prefix_matches(
    search_pages: dict[str, Any], lang: str, query: str, never: list[str]
) -> None:
    pages = result_pages(search_pages[lang], query)
    assert pages, "the query finds pages"
    assert [p for p in pages if p in never] == []


@pytest.mark.parametrize(
    ("lang", "query"), [("nl", "MRI"), ("en", "MRI"), ("nl", "richtlijnen"), ("en", "guidelines")]
)
def test_about_and_references_come_after_content_pages(
    search_pages: dict[str, Any], lang: str, query: str
) -> None:
    pages = result_pages(search_pages[lang], query)
    lowered = {ROOTS[lang] + "about/", ROOTS[lang] + "sources/"}
    content = [i for i, p in enumerate(pages) if p not in lowered]
    below = [i for i, p in enumerate(pages) if p in lowered]
    assert content, pages
    assert all(i > max(content) for i in below), pages


@pytest.mark.parametrize(
    ("lang", "query", "first"),
    [
        # In a heading of the scan page ("Hoe beslist je arts ...", "How does your doctor
        # decide ..."); only in the running text of the tips and About pages.
        ("nl", "beslist", "/scan/"),
        ("en", "decide", "/en/scan/"),
    ],
)
def test_heading_matches_rank_above_text_matches(
    search_pages: dict[str, Any], lang: str, query: str, first: str
) -> None:
    pages = result_pages(search_pages[lang], query)
    assert len(pages) > 1, "the word is on other pages too"
    assert pages[0] == first, pages


@pytest.mark.parametrize(
    ("lang", "query", "marked"),
    [
        ("nl", "rontgen", "röntgenfoto"),  # no accent typed; the page writes one
        ("nl", "kinesist", "kinesitherapeut"),  # a synonym
        ("en", "sciatcia", "sciatica"),  # a typo
    ],
)
def test_the_opened_page_highlights_the_words_found(
    browser: Any, site_url: str, lang: str, query: str, marked: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url + ROOTS[lang].lstrip("/"))
        page.wait_for_load_state("networkidle")
        result_pages(page, query)
        page.locator(".md-search-result__list a.md-search-result__link").first.click()
        page.wait_for_load_state("networkidle")
        marks = page.eval_on_selector_all(
            "article mark[data-md-highlight]", "els => els.map(e => e.textContent.toLowerCase())"
        )
        assert marked in marks, marks
    finally:
        context.close()


@pytest.mark.parametrize(
    ("lang", "query", "pages_with_the_word"),
    [
        ("en", "sciatcia", ["/en/mri/"]),
        ("nl", "hernai", ["/mri-report/", "/mri/"]),
        ("nl", "ischais", ["/mri/"]),
        ("nl", "stenosse", ["/mri-report/", "/mri/"]),
    ],
)
def test_a_corrected_typo_finds_only_the_pages_with_the_word(
    search_pages: dict[str, Any], lang: str, query: str, pages_with_the_word: list[str]
) -> None:
    assert sorted(result_pages(search_pages[lang], query)) == pages_with_the_word
