"""Print that can be trusted, checked on the fixture's and the real site's PDFs: reference
numbers name the same works as on screen, and nothing is drawn outside the text area."""

import re
from pathlib import Path

import pypdf
import pypdfium2
import pytest

from patientsite.pdf import htmltree
from patientsite.pdf.labels import labels_for
from tests.pdf.support import MARGINS, ROOTS, outside_content, pdf_text

LANGUAGES = ["nl", "en"]
_ENTRY = re.compile(r"^(\d+)\.\s+(\S.*)$")
_REF_DESTINATION = re.compile(r"--ref-(.+)$")


def pdf(site: Path, lang: str, name: str) -> Path:
    return site / ROOTS[lang] / "pdf" / name


def full_list(site: Path, lang: str) -> list[tuple[str, str]]:
    """The site's full reference list as (key, text) in its order: entry n is item n-1."""
    html = (site / ROOTS[lang] / "sources" / "index.html").read_text(encoding="utf-8")
    root = htmltree.parse(html)
    items = htmltree.query_all(root, "ol.citations-bibliography > li")
    assert items, "the sources page has no full reference list"
    works = []
    for item in items:
        reference = htmltree.query(item, ".citation-reference")
        assert reference is not None
        works.append((item.get("id", "").removeprefix("bib-"), htmltree.text_of(reference)))
    return works


def _squeezed(text: str) -> str:
    return "".join(text.split())


def printed_entries(path: Path, works: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """Every numbered line that begins a work of the full list: (printed number, that work's
    number in the full list). Numbered lines that begin no work are ordinary lists."""
    starts = [_squeezed(text) for _key, text in works]
    entries = []
    for line in pdf_text(path).splitlines():
        if not (match := _ENTRY.match(line.strip())):
            continue
        first = _squeezed(match.group(2))
        named = [index for index, text in enumerate(starts, 1) if text.startswith(first)]
        if len(first) >= 20 and named:
            entries.append((int(match.group(1)), named[0]))
    return entries


def numbered_links(path: Path) -> list[tuple[str, str]]:
    """(printed text, cited work's key) of every link to a reference-list entry."""
    found = []
    reader = pypdf.PdfReader(path)
    document = pypdfium2.PdfDocument(path)
    try:
        for index, page in enumerate(reader.pages):
            text_page = document[index].get_textpage()
            for annotation in page.get("/Annots", []):
                annotation = annotation.get_object()
                match = _REF_DESTINATION.search(str(annotation.get("/Dest", "")))
                if match is None:
                    continue
                left, bottom, right, top = (float(value) for value in annotation["/Rect"])
                text = text_page.get_text_bounded(left, bottom, right, top)
                found.append((text.strip(), match.group(1)))
    finally:
        document.close()
    return found


def check_numbers(site: Path, lang: str) -> int:
    """Assert that every printed number names the work the site's full list gives it."""
    works = full_list(site, lang)
    path = pdf(site, lang, "article.pdf")
    entries = printed_entries(path, works)
    assert entries
    for printed, named in entries:
        assert printed == named, works[named - 1]
    # Links from the full list back to the pages that cite a work show a title, not a number.
    links = [(text, key) for text, key in numbered_links(path) if text.isdigit()]
    assert links
    keys = [key for key, _text in works]
    for printed, key in links:
        assert printed == str(keys.index(key) + 1), (printed, key)
    # Every [n] in the text has its entry "n." printed in the PDF.
    cited = {
        int(n)
        for group in re.findall(r"\[([\d,\s\u2013-]+)\]", pdf_text(path))
        for n in re.findall(r"\d+", group)
    }
    assert cited <= {number for number, _named in entries}
    return len(links)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fixture_numbers_equal_the_site(fixture_site: Path, lang: str) -> None:
    # The page "scan" cites only work 2 (chou2011): its own list must print "2.", not "1.".
    assert check_numbers(fixture_site, lang) >= 3
    entries = printed_entries(pdf(fixture_site, lang, "article.pdf"), full_list(fixture_site, lang))
    assert entries.count((2, 2)) == 3  # on the home page, the scan page and the full list


@pytest.mark.parametrize("lang", LANGUAGES)
def test_real_site_numbers_equal_the_site(real_site: Path, lang: str) -> None:
    assert check_numbers(real_site, lang) >= 20


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["handout.pdf"])
def test_handouts_print_no_numbers(real_site: Path, lang: str, name: str) -> None:
    assert not re.search(r"\[\d", pdf_text(pdf(real_site, lang, name)))


def margin_strings(site_name: str, clinic: str, url: str, page_of: str, pages: int) -> list[str]:
    """What the running header and footer of each page may hold, without spaces."""
    texts = []
    for number in range(1, pages + 1):
        footer = page_of.format(page=number, pages=pages)
        header = site_name + clinic if number > 1 else ""
        texts.append(_squeezed(header + url + footer))
    return texts


def check_bounds(site: Path, lang: str, name: str, site_name: str, clinic: str, url: str) -> None:
    path = pdf(site, lang, name)
    problems, margins = outside_content(path, MARGINS[name])
    assert problems == []
    if name == "article.pdf":
        expected = margin_strings(site_name, clinic, url, labels_for(lang).page_of, len(margins))
        assert margins == expected
    else:
        assert set(margins) == {""}  # no running header or footer


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["article.pdf", "handout.pdf"])
def test_fixture_draws_nothing_outside_the_text_area(
    fixture_site: Path, lang: str, name: str
) -> None:
    site_name = {"nl": "Rugpijn proefsite", "en": "Back pain test site"}[lang]
    url = "https://kliniek.example.org/rug/" + ROOTS[lang]
    check_bounds(fixture_site, lang, name, site_name, "Praktijk De Rug", url)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["article.pdf", "handout.pdf"])
def test_real_site_draws_nothing_outside_the_text_area(
    real_site: Path, lang: str, name: str
) -> None:
    site_name = {"nl": "Lage rugpijn en scans", "en": "Low back pain and scans"}[lang]
    url = "https://rugpijn.example.be/" + ROOTS[lang]
    check_bounds(real_site, lang, name, site_name, "", url)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_diagram_taller_than_a_page_shrinks_to_fit(fixture_site: Path, lang: str) -> None:
    # The fixture's warning-signs page ends with a diagram 4.2 times as tall as it is wide:
    # at the text width it would be 730 mm tall. Its last box must be on the page, whole.
    last = {"nl": "Laatste vak", "en": "Last box"}[lang]
    pages = [
        page.extract_text()
        for page in pypdf.PdfReader(pdf(fixture_site, lang, "article.pdf")).pages
    ]
    holding = [text for text in pages if last in text]
    assert len(holding) == 1
    caption = {"nl": "Een schema hoger dan een pagina", "en": "A diagram taller than a page"}[lang]
    assert caption in holding[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_real_site_table_captions_stand_on_the_page_of_their_table(
    real_site: Path, lang: str
) -> None:
    # A caption at the foot of one page, with its table on the next, reads as a lost line.
    tables = []
    for page in sorted((real_site / ROOTS[lang]).glob("*/index.html")):
        root = htmltree.parse(page.read_text(encoding="utf-8"))
        captions = htmltree.query_all(root, "div.table-caption")
        following = htmltree.query_all(root, "div.table-caption + table")
        assert len(captions) == len(following), f"{page}: a table caption with no table after it"
        for caption, table in zip(captions, following, strict=True):
            label = " ".join(htmltree.text_of(caption).split()[:2])  # "Tabel 1."
            header = htmltree.query(table, "th")
            assert header is not None
            tables.append((label, htmltree.text_of(header).split()[0]))
    assert len(tables) >= 2
    reader = pypdf.PdfReader(pdf(real_site, lang, "article.pdf"))
    pages = [page.extract_text() for page in reader.pages]
    for label, header in tables:
        holding = [text for text in pages if label in text]
        assert holding, f"{label} is not in the article PDF"
        assert all(header in text[text.index(label) :] for text in holding), (label, header)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_real_site_citations_stay_whole_and_with_their_word(real_site: Path, lang: str) -> None:
    # "[8," at the end of a line and "18]." on the next, or "[8]." alone on a line, were
    # printed where the site keeps a citation on one line.
    reader = pypdf.PdfReader(pdf(real_site, lang, "article.pdf"))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert re.findall(r"\[\d+(?:, \d+)*,\n", text) == []
    assert re.findall(r"\n\[\d+(?:[,\u2013] ?\d+)*\][.,;:]?\n", text) == []
