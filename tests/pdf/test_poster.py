"""The waiting-room posters (A3 and A4, per language) of the fixture and the real site."""

from pathlib import Path

import pypdf
import pypdfium2
import pypdfium2.raw as pdfium
import pytest

from patientsite.pdf import htmltree
from patientsite.warning_signs.source import DEFAULT_FILE, load_all
from tests.pdf.support import (
    MARGINS,
    ROOTS,
    SITE_URL,
    outside_content,
    pdf_text,
    qr_texts,
    render_page,
)
from tests.support import ROOT

LANGUAGES = ["nl", "en"]
SIZES_POINTS = {"a3": (841.89, 1190.55), "a4": (595.28, 841.89)}
# The smallest text on each poster, in pt: A3 is the large-print poster.
SMALLEST_PT = {"a3": 16, "a4": 11}
SCAN_ME = {"nl": "Scan mij", "en": "Scan me"}


def poster(site: Path, lang: str, size: str) -> Path:
    return site / ROOTS[lang] / "pdf" / f"poster-{size}.pdf"


def squeezed(text: str) -> str:
    return "".join(text.split())


def smallest_text_pt(path: Path) -> float:
    """The size of the smallest printed character. WeasyPrint draws in CSS pixels under a
    page matrix of 0.75 (one px is 0.75 pt); PDFium reports the size before that matrix."""
    document = pypdfium2.PdfDocument(path)
    try:
        text_page = document[0].get_textpage()
        sizes = [
            pdfium.FPDFText_GetFontSize(text_page.raw, index) * 0.75
            for index in range(text_page.count_chars())
            if text_page.get_text_range(index, 1).strip()
        ]
    finally:
        document.close()
    return round(min(sizes), 2)  # PDF numbers carry a rounding error of 0.001


def checklist_texts(site: Path, lang: str) -> tuple[list[str], list[str]]:
    """The tier headings (whom to call, how fast) and the signs of the first red-flag
    checklist of the built site, in navigation order: the one the posters must show."""
    for page in ("", "scan/", "alarm/"):
        html = (site / ROOTS[lang] / page / "index.html").read_text(encoding="utf-8")
        checklist = htmltree.query(htmltree.parse(html), "div.red-flags")
        if checklist is None:
            continue
        for marker in htmltree.query_all(checklist, "span.citation, a.headerlink"):
            htmltree.remove(checklist, marker)
        headings = [htmltree.text_of(h) for h in htmltree.query_all(checklist, "h3")]
        signs = [htmltree.text_of(li) for li in htmltree.query_all(checklist, "li")]
        return headings, signs
    raise AssertionError("no red-flag checklist in the site")


def short_forms(lang: str) -> tuple[list[str], list[str]]:
    """The tier headings and each sign's short form from the real site's warning-signs file:
    what its posters print, in large type."""
    signs = load_all(ROOT, DEFAULT_FILE, ["nl", "en"])[lang]
    return [tier.heading for tier in signs.tiers], [
        sign.short for tier in signs.tiers for sign in tier.signs
    ]


def check_poster(
    site: Path, lang: str, size: str, site_url: str, expected: tuple[list[str], list[str]]
) -> str:
    path = poster(site, lang, size)
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
        SIZES_POINTS[size], abs=0.5
    )
    assert reader.trailer["/Root"]["/Lang"] == lang
    text = squeezed(pdf_text(path))
    headings, signs = expected
    assert len(headings) == 3
    for words in [*headings, *signs]:
        assert squeezed(words) in text
    assert squeezed(SCAN_ME[lang]) in text
    assert "[" not in text  # no citation numbers: they point at nothing on a wall
    assert smallest_text_pt(path) >= SMALLEST_PT[size]
    # The QR code is large (A3: 80 mm) and opens the site in the poster's language.
    assert qr_texts(render_page(path, scale=1 if size == "a3" else 1.5)) == [site_url]
    problems, margins = outside_content(path, MARGINS[f"poster-{size}.pdf"])
    assert problems == []
    assert set(margins) == {""}
    return text


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("size", ["a3", "a4"])
def test_fixture_poster(fixture_site: Path, lang: str, size: str) -> None:
    text = check_poster(
        fixture_site, lang, size, SITE_URL + ROOTS[lang], checklist_texts(fixture_site, lang)
    )
    key_message = {"nl": "Rugpijn gaat meestal vanzelf over.", "en": "Back pain usually gets"}
    assert squeezed(key_message[lang]) in text
    # The clinic's name and contact, set in the fixture's mkdocs.yml.
    assert "PraktijkDeRug" in text
    assert squeezed("Contact: info@kliniek.example.org") in text


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("size", ["a3", "a4"])
def test_real_site_poster(real_site: Path, lang: str, size: str) -> None:
    url = "https://rugpijn.example.be/" + ROOTS[lang]
    text = check_poster(real_site, lang, size, url, short_forms(lang))
    home = (real_site / ROOTS[lang] / "index.html").read_text(encoding="utf-8")
    # The key messages: the first list of the article's text (not the print line's PDFs).
    first_list = htmltree.query(htmltree.parse(home), "article ul:not(.pdf-links__list)")
    assert first_list is not None
    for item in htmltree.query_all(first_list, "li"):
        for marker in htmltree.query_all(item, "span.citation"):
            htmltree.remove(item, marker)
        assert squeezed(htmltree.text_of(item)) in text
    assert "Contact:" not in text  # mkdocs.yml sets no clinic details: none are invented


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_and_the_share_kit_link_to_the_posters(fixture_site: Path, lang: str) -> None:
    for page in ("", "scan/", "alarm/"):
        html = (fixture_site / ROOTS[lang] / page / "index.html").read_text(encoding="utf-8")
        depth = "../" if page else ""
        for size in ("a3", "a4"):
            assert f'href="{depth}pdf/poster-{size}.pdf"' in html
    overview = (fixture_site / "share" / "index.html").read_text(encoding="utf-8")
    for size in ("a3", "a4"):
        assert f'href="../{ROOTS[lang]}pdf/poster-{size}.pdf"' in overview
        assert poster(fixture_site, lang, size).is_file()
