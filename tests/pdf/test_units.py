"""Unit tests of the PDF modules, without MkDocs (a few lay out a snippet with WeasyPrint)."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from patientsite import record
from patientsite.mkdocs.theme import MATERIAL
from patientsite.pdf import coverage, htmltree, render, sources
from patientsite.pdf.article import keep_numbers, order_chapters
from patientsite.pdf.build import first_size_to_try
from patientsite.pdf.citations import space_into_markers, strip_citations
from patientsite.pdf.collect import CollectError, Page, collect
from patientsite.pdf.document import css_string, margin_css, printed_address
from patientsite.pdf.handout import plain_same_page_links
from patientsite.pdf.labels import labels_for
from patientsite.pdf.links import PRINT_URL, prefix_ids, rewrite_links
from patientsite.pdf.settings import (
    FONT_FILES,
    FONTS_DIR,
    Clinic,
    Language,
    Settings,
)

SETTINGS = Settings(
    site_url="https://x.example/site/",
    languages=(Language("nl", "Site", "", ""), Language("en", "Site", "", "en/")),
    clinic=Clinic(),
    logo=None,
    site_dir=Path("/site"),
    fonts_dir=Path("/fonts"),
)


def page(html: str, path: str = "alarm/", slug: str = "alarm") -> Page:
    article = htmltree.parse_fragment(html)
    return Page(path, slug, "T", "", None, article, Path("/site") / path / "index.html")


def test_serialize_keeps_inline_svg_as_svg() -> None:
    html = '<p>a &amp; b</p><svg viewBox="0 0 1 1"><text x="0">é &lt;</text></svg><br>'
    assert htmltree.inner_html(htmltree.parse_fragment(html)) == html


def test_pages_come_from_the_build_record_home_first(tmp_path: Path) -> None:
    for url, title in (("", "Start"), ("scan/", "Scan"), ("alarm/", "Alarm")):
        (tmp_path / url).mkdir(parents=True, exist_ok=True)
        (tmp_path / url / "index.html").write_text(
            f"<html><head></head><body><article><h1>{title}</h1>"
            '<a class="headerlink" href="#x">#</a></article></body></html>',
            encoding="utf-8",
        )
    entries = [
        record.PageRecord("scan/", "docs/nl/scan.md", "Scan", "", date(2026, 3, 1), None),
        record.PageRecord("", "docs/nl/index.md", "Start", "", None, None),
        record.PageRecord("alarm/", "docs/nl/alarm.md", "Alarm", "", None, None),
    ]
    languages = [record.LanguageRecord("nl", "", tuple(entries))]
    record.write_section(tmp_path, "pages", record.pages_section(languages))
    # Where a page's text is comes from the record too: here a theme with a bare <article>.
    plain = replace(MATERIAL, article="article")
    record.write_section(tmp_path, "theme", record.theme_section(plain))
    cited = (record.CitedWork("chou2011", 6, "ref-chou2011"),)
    citations = [record.LanguageCitations("nl", "alarm/", {"scan/": cited})]
    record.write_section(tmp_path, "citations", record.citations_section(citations))
    settings = replace(SETTINGS, site_dir=tmp_path, languages=(SETTINGS.languages[0],))
    pages = collect(settings, settings.languages[0])
    assert [page.path for page in pages] == ["", "scan/", "alarm/"]
    assert [page.title for page in pages] == ["Start", "Scan", "Alarm"]
    assert [page.reviewed for page in pages] == [None, date(2026, 3, 1), None]
    assert [page.reference_anchors for page in pages] == [set(), {"ref-chou2011"}, set()]
    assert [page.full_list for page in pages] == [False, False, True]
    assert htmltree.query(pages[0].article, "a.headerlink") is None


def test_no_build_record_is_named(tmp_path: Path) -> None:
    with pytest.raises(CollectError, match=r"build-record\.json is missing"):
        collect(replace(SETTINGS, site_dir=tmp_path), SETTINGS.languages[0])


def test_links_become_chapter_links_or_online_addresses() -> None:
    home = page('<h2 id="a">A</h2>', path="", slug="index")
    alarm = page(
        '<h2 id="x">X</h2><a href="#x">same</a> <a href="../#a">home</a> '
        '<a href="../tips/">tips</a> <a href="https://doi.org/10.1/2">https://doi.org/10.1/2</a> '
        '<a href="https://nice.org.uk/ng59">NICE</a> <a href="javascript:void(0)">js</a>'
    )
    chapters = {p.path: (p.slug, prefix_ids(p)) for p in (home, alarm)}
    rewrite_links(alarm, SETTINGS, SETTINGS.languages[0], chapters)
    links = [(a.get("href"), a.get("class", "")) for a in htmltree.query_all(alarm.article, "a")]
    assert links == [
        ("#alarm--x", ""),
        ("#index--a", ""),
        ("https://x.example/site/tips/", PRINT_URL),
        ("https://doi.org/10.1/2", ""),
        ("https://nice.org.uk/ng59", PRINT_URL),
        (None, ""),
    ]
    assert htmltree.query(alarm.article, "#alarm--x") is not None


def test_english_links_resolve_below_the_language_root() -> None:
    scan = page('<a href="../alarm/#y">a</a> <a href="../tips/">t</a>', path="scan/", slug="scan")
    alarm = page('<h2 id="y">Y</h2>')
    chapters = {p.path: (p.slug, prefix_ids(p)) for p in (scan, alarm)}
    rewrite_links(scan, SETTINGS, SETTINGS.languages[1], chapters)
    hrefs = [a.get("href") for a in htmltree.query_all(scan.article, "a")]
    assert hrefs == ["#alarm--y", "https://x.example/site/en/tips/"]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p>Pijn <span class="citation" id="c1">[<a class="citation-link" href="#ref-a">1'
            '</a>, <a class="citation-link" href="#ref-b">2</a>]</span>.</p>',
            "<p>Pijn.</p>",
        ),
        (
            '<p>Zie <span class="citation">[<a href="#ref-a">1</a><span aria-hidden="true">'
            '\u2013</span><span class="citation-sr-only">, Bron 2, </span><a href="#ref-b">3'
            '</a>]</span> en <a href="#elders">dit</a>.</p>',
            '<p>Zie en <a href="#elders">dit</a>.</p>',
        ),
        ("<p>Beter [@wang2018; @chou2011, p. 4].</p>", "<p>Beter.</p>"),
        ("<p>Mail info@example.org [niet @ een bron].</p>", None),
    ],
)
def test_strip_citations(html: str, expected: str | None) -> None:
    references = '<h2 id="bronnen">Bronnen</h2><ol><li id="ref-a">A</li><li id="ref-b">B</li></ol>'
    article = htmltree.parse_fragment(html + references)
    strip_citations(article, {"ref-a", "ref-b"})
    assert htmltree.inner_html(article) == (expected or html) + references


def test_only_links_to_the_recorded_reference_entries_are_citations() -> None:
    html = '<p>Zie <span>[<a href="#ref-a">1</a>]</span> en <span>[<a href="#b">2</a>]</span>.</p>'
    article = htmltree.parse_fragment(html)
    strip_citations(article, {"ref-a"})
    assert htmltree.inner_html(article) == '<p>Zie en <span>[<a href="#b">2</a>]</span>.</p>'


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p>Pijn <span class="citation">[<a href="#ref-a">1</a>]</span>.</p>',
            '<p>Pijn<span class="citation"> [<a href="#ref-a">1</a>]</span>.</p>',
        ),
        (  # the marker right after the paragraph's opening, and after another element
            '<p><em>Zo</em> <span>[<a href="#ref-a">1</a>, <a href="#ref-b">2</a>]</span></p>',
            '<p><em>Zo</em><span> [<a href="#ref-a">1</a>, <a href="#ref-b">2</a>]</span></p>',
        ),
        (  # no space before it, or not a citation: unchanged
            '<p>Pijn<span>[<a href="#ref-a">1</a>]</span> en <span>[<a href="#b">2</a>]</span></p>',
            None,
        ),
    ],
)
def test_the_space_before_a_citation_goes_into_it(html: str, expected: str | None) -> None:
    article = htmltree.parse_fragment(html)
    space_into_markers(article, {"ref-a", "ref-b"})
    assert htmltree.inner_html(article) == (expected or html)


def test_the_page_with_the_full_reference_list_goes_last() -> None:
    pages = [page("", "", "index"), page("", "sources/", "sources"), page("", "scan/", "scan")]
    pages[1].full_list = True
    assert [page.slug for page in order_chapters(pages)] == ["index", "scan", "sources"]


def test_page_numbers_in_both_languages() -> None:
    assert 'content: "pagina " counter(page) " van " counter(pages) "";' in margin_css(
        "", "", "", labels_for("nl")
    )
    assert 'content: "page " counter(page) " of " counter(pages) "";' in margin_css(
        "", "", "", labels_for("en")
    )
    assert css_string('a "b" \\ c') == '"a \\"b\\" \\\\ c"'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text, ok", []),
        ("TNF-\u03b1 and \u6f22 and \u6f22 again", ["\u6f22"]),
        # Joiners, direction marks and emoji variation selectors are never drawn.
        ("a\u200db\u200fc\ufe0fd\u00ade", []),
        ("\u16a0\u6f22", ["\u16a0", "\u6f22"]),
    ],
)
def test_missing_characters(text: str, expected: list[str]) -> None:
    fonts = frozenset(ord(c) for c in "plain text, okTNF-\u03b1andgi abcde")
    assert coverage.missing(text, fonts) == expected


def test_describe_names_the_character() -> None:
    assert coverage.describe("\u0151") == (
        "\u201c\u0151\u201d (U+0151 LATIN SMALL LETTER O WITH DOUBLE ACUTE)"
    )


def test_shipped_fonts_cover_code_greek_names_right_to_left_and_emoji() -> None:
    fonts = coverage.covered(FONTS_DIR / font.name for font in FONT_FILES)
    text = (
        "make site \u03b1\u03b2 \u0142\u0151\u0219\u00de \u05e9\u05e8\u05d4 "
        "\u0645\u062d\u0645\u062f \U0001f600\U0001f44d\u2764"
    )
    assert coverage.missing(text, fonts) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("smile \U0001f600!", "smile \U0001f600\ufe0e!"),
        ("heart \u2764\ufe0f.", "heart \u2764\ufe0e."),  # emoji style asked: text style given
        ("already \u2764\ufe0e", "already \u2764\ufe0e"),
        ("arrow \u2192 and \u03b1", "arrow \u2192 and \u03b1"),
    ],
)
def test_text_presentation(text: str, expected: str) -> None:
    assert coverage.text_presentation(text) == expected


def test_printed_text_leaves_out_what_print_hides() -> None:
    element = htmltree.parse_fragment(
        '<p>Pain <span class="citation-backlinks">\u21a9\ufe0e</span>end</p>'
        "<svg><title>Name \u6f22</title><text>Box</text></svg>"
    )
    assert coverage.printed_text(element) == "Pain endBox"


@pytest.mark.parametrize(
    ("html", "numbers"),
    [
        ('<ol><li value="7">a</li><li value="29">b</li></ol>', ["7.", "29."]),
        ("<ol><li>a</li><li>b</li></ol>", ["1.", "2."]),
        ('<ol start="4"><li>a</li><li value="9">b</li><li>c</li></ol>', ["4.", "9.", "10."]),
    ],
)
def test_list_numbers_are_printed_as_on_screen(html: str, numbers: list[str]) -> None:
    root = htmltree.parse_fragment(html)
    ordered = htmltree.query(root, "ol")
    assert ordered is not None
    keep_numbers(ordered)
    assert [htmltree.text_of(n) for n in htmltree.query_all(root, ".list-number")] == numbers
    assert "numbered" in htmltree.classes(ordered)
    assert htmltree.text_of(ordered).startswith(f"{numbers[0]}a")


def test_source_file_of_a_page_address(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for name in ("en/index.md", "en/scan.md", "en/deep/index.md"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("# T\n", encoding="utf-8")
    settings = Settings(
        site_url="https://x.example/",
        languages=(Language("en", "Site", "", ""),),
        clinic=Clinic(),
        logo=None,
        site_dir=tmp_path / ".site-build-1",
        fonts_dir=FONTS_DIR,
        config_file=tmp_path / "mkdocs.yml",
        docs_dir=docs,
    )
    english = settings.languages[0]
    assert sources.source_name(settings, english, "", Path()) == "docs/en/index.md"
    assert sources.source_name(settings, english, "scan/", Path()) == "docs/en/scan.md"
    assert sources.source_name(settings, english, "deep/", Path()) == "docs/en/deep/index.md"
    assert sources.source_name(settings, english, "gone/", Path()) == (
        "the page https://x.example/gone/"
    )


def test_a_link_within_the_page_is_plain_text_on_a_sheet() -> None:
    sheet = page(
        '<ul><li>See <a href="#lists">the lists</a> and <a href="../tips/">tips</a>.</li></ul>'
    )
    plain_same_page_links(sheet.article)
    assert htmltree.inner_html(sheet.article) == (
        '<ul><li>See <span>the lists</span> and <a href="../tips/">tips</a>.</li></ul>'
    )


def _laid_out_styles(html: str, tmp_path: Path) -> dict[str, tuple[object, object]]:
    """Colour and text decoration of each piece of text, as WeasyPrint lays it out with our
    print stylesheet."""
    document = render.render("", "", html, tmp_path, "test")
    styles: dict[str, tuple[object, object]] = {}
    boxes = [document.pages[0]._page_box]
    while boxes:
        box = boxes.pop()
        boxes.extend(getattr(box, "children", []))
        if getattr(box, "text", "").strip():
            styles[box.text.strip()] = (box.style["color"], box.style["text_decoration_line"])
    return styles


def test_a_number_to_call_prints_like_the_text_around_it(tmp_path: Path) -> None:
    # Paper cannot be tapped: 112 is read and dialled, not followed like a link.
    styles = _laid_out_styles(
        '<p>Call <a href="tel:112">112</a> now. See <a href="https://example.org/">this</a>.</p>',
        tmp_path,
    )
    assert styles["112"] == styles["Call"]
    assert styles["this"] != styles["Call"]  # a web link still looks like one


@pytest.mark.parametrize(
    ("url", "printed"),
    [
        ("https://rugpijn.be/", "rugpijn.be"),
        ("https://rugpijn.be/en/", "rugpijn.be/en/"),
        ("https://kliniek.example.org/rug/", "kliniek.example.org/rug/"),
        ("http://rugpijn.be/", "http://rugpijn.be/"),  # a browser would try https first
    ],
)
def test_printed_address(url: str, printed: str) -> None:
    assert printed_address(url) == printed


@pytest.mark.parametrize(
    ("used", "first"),
    [
        (0.25, 0),  # a quarter of the sheet at 20 pt: 40 pt may fit
        (0.5, 2),  # 20 / sqrt(0.5) = 28.3: try 28
        (1.0, 3),  # full at 20 pt: stay at 20
        # Full to the last hair (its last margin 0.1% past the foot, on one page): this once
        # stopped the PDF step with StopIteration instead of making the poster.
        (1.001, 3),
    ],
)
def test_the_first_poster_size_to_try(used: float, first: int) -> None:
    assert first_size_to_try((40.0, 30.0, 28.0, 20.0), used) == first
