"""The waiting-room posters (A3 and A4, per language) of the fixture and the real site."""

import dataclasses
import shutil
from pathlib import Path

import pypdf
import pypdfium2
import pypdfium2.raw as pdfium
import pytest

from patientsite import record
from patientsite.pdf import htmltree
from patientsite.pdf.build import build_posters
from patientsite.pdf.collect import collect
from patientsite.pdf.settings import load_settings
from patientsite.warning_signs.render import routes
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
SMALLEST_PT = {"a3": 20, "a4": 11}
SCAN_ME = {"nl": "Scan mij", "en": "Scan me"}
# The title of the A3 poster's sheet of warning signs, when it has two sheets.
WARNING_SIGNS = {"nl": "Alarmsignalen", "en": "Warning signs"}
SIGNS = load_all(ROOT, DEFAULT_FILE, LANGUAGES)


def poster(site: Path, lang: str, size: str) -> Path:
    return site / ROOTS[lang] / "pdf" / f"poster-{size}.pdf"


def squeezed(text: str) -> str:
    return "".join(text.split())


def smallest_text_pt(path: Path) -> list[float]:
    """The size of the smallest printed character on each page, as printed: PDFium reports
    the font size before the page's matrix (0.75 for CSS pixels, times the zoom of the A4
    poster), so each character's size is scaled by its matrix."""
    document = pypdfium2.PdfDocument(path)
    smallest = []
    try:
        for page in document:
            text_page = page.get_textpage()
            sizes = []
            for index in range(text_page.count_chars()):
                if not text_page.get_text_range(index, 1).strip():
                    continue
                matrix = pdfium.FS_MATRIX()
                assert pdfium.FPDFText_GetMatrix(text_page.raw, index, matrix)
                scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
                sizes.append(pdfium.FPDFText_GetFontSize(text_page.raw, index) * scale)
            smallest.append(round(min(sizes), 2))  # PDF numbers carry a rounding error
    finally:
        document.close()
    return smallest


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
    """The checks every poster passes; returns its text, without spaces."""
    path = poster(site, lang, size)
    reader = pypdf.PdfReader(path)
    # A3 spreads over two sheets when one cannot hold everything in large print; A4 never.
    assert 1 <= len(reader.pages) <= (2 if size == "a3" else 1)
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            SIZES_POINTS[size], abs=0.5
        )
    assert reader.trailer["/Root"]["/Lang"] == lang
    text = squeezed(pdf_text(path))
    headings, signs = expected
    assert len(headings) == 3
    for words in [*headings, *signs]:
        assert squeezed(words) in text
    assert "[" not in text  # no citation numbers: they point at nothing on a wall
    assert min(smallest_text_pt(path)) >= SMALLEST_PT[size]
    # Each sheet stands on its own: "scan me" and a large QR code (A3: 4 cm or more) that
    # opens the site in the poster's language.
    # The sheet of warning signs opens the page about them.
    warning_page = record.read(site).language(lang).warning_signs_page()
    signs_url = site_url + warning_page.url if warning_page else site_url
    for index, page in enumerate(reader.pages):
        assert squeezed(SCAN_ME[lang]) in squeezed(page.extract_text())
        image = render_page(path, index, scale=1 if size == "a3" else 1.5)
        assert qr_texts(image) == [signs_url if index == 1 else site_url]
    if len(reader.pages) == 2:
        # The second sheet says what it is, above the signs.
        second = squeezed(reader.pages[1].extract_text())
        assert second.index(squeezed(WARNING_SIGNS[lang])) < second.index(squeezed(signs[0]))
    problems, margins = outside_content(path, MARGINS[f"poster-{size}.pdf"])
    assert problems == []
    assert set(margins) == {""}
    return text


def route_texts(lang: str, country: str) -> list[str]:
    """The routes (whom to call) of every tier as the poster prints them, with a country's
    label when the site shows both countries."""
    signs = SIGNS[lang]
    return [
        f"{label}: {text}" if label else text
        for tier in signs.tiers
        for label, text in routes(signs, tier, country)
    ]


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
    # mkdocs.yml sets no country: every tier shows both countries' routes, each labelled.
    assert load_settings(ROOT / "mkdocs.yml", real_site).country == ""
    for route in route_texts(lang, ""):
        assert squeezed(route) in text


@pytest.fixture(scope="module")
def country_sites(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The real site's posters made for a clinic in Belgium and for one in the Netherlands
    (extra.clinic.country), each into its own copy of the built site."""
    sites = {}
    for country in ("BE", "NL"):
        site = tmp_path_factory.mktemp(f"posters-{country}") / "site"
        shutil.copytree(built_site, site)
        settings = load_settings(ROOT / "mkdocs.yml", site)
        settings = dataclasses.replace(settings, country=country)
        for language in settings.languages:
            build_posters(settings, language, collect(settings, language))
        sites[country] = site
    return sites


@pytest.mark.parametrize("country", ["BE", "NL"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("size", ["a3", "a4"])
def test_real_site_poster_of_one_country(
    country_sites: dict[str, Path], country: str, lang: str, size: str
) -> None:
    site = country_sites[country]
    url = "https://rugpijn.example.be/" + ROOTS[lang]
    text = check_poster(site, lang, size, url, short_forms(lang))
    for route in route_texts(lang, country):
        assert squeezed(route) in text
    # Only that country's routes: none of the other country's that differ from it.
    other = "NL" if country == "BE" else "BE"
    for route in set(route_texts(lang, other)) - set(route_texts(lang, country)):
        assert squeezed(route) not in text
    for label in SIGNS[lang].countries.values():
        assert squeezed(label) + ":" not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_and_the_share_kit_link_to_the_posters(fixture_site: Path, lang: str) -> None:
    for page in ("", "scan/", "alarm/"):
        html = (fixture_site / ROOTS[lang] / page / "index.html").read_text(encoding="utf-8")
        depth = "../" if page else ""
        for size in ("a3", "a4"):
            assert f'href="{depth}pdf/poster-{size}.pdf"' in html
    # The share page of the language, one folder below the language's home.
    share_page = (fixture_site / ROOTS[lang] / "share" / "index.html").read_text(encoding="utf-8")
    up = "../" * (1 + ROOTS[lang].count("/"))
    for size in ("a3", "a4"):
        assert f'href="{up}{ROOTS[lang]}pdf/poster-{size}.pdf"' in share_page
        assert poster(fixture_site, lang, size).is_file()
