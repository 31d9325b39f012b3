"""The PDFs of the fixture site, opened and checked as a clinic would use them."""

from pathlib import Path

import pypdf
import pytest

from patientsite.pdf.settings import FONT_FILES
from tests.pdf.support import (
    HEADINGS,
    ROOTS,
    SITE_URL,
    link_targets,
    pdf_text,
    qr_texts,
    render_page,
)

A4_POINTS = (595.28, 841.89)
LANGUAGES = ["nl", "en"]
OTHER = {"nl": "en", "en": "nl"}


def pdf(site: Path, lang: str, name: str) -> Path:
    return site / ROOTS[lang] / "pdf" / name


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["article.pdf", "handout.pdf"])
def test_every_page_is_a4(fixture_site: Path, lang: str, name: str) -> None:
    for page in pypdf.PdfReader(pdf(fixture_site, lang, name)).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (width, height) == pytest.approx(A4_POINTS, abs=0.5)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_counts(fixture_site: Path, lang: str) -> None:
    # Title page, then one chapter per page of the site (4), some chapters longer than a page.
    assert 5 <= len(pypdf.PdfReader(pdf(fixture_site, lang, "article.pdf")).pages) <= 8
    assert len(pypdf.PdfReader(pdf(fixture_site, lang, "handout.pdf")).pages) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["article.pdf", "handout.pdf"])
def test_metadata_language_and_tags(fixture_site: Path, lang: str, name: str) -> None:
    reader = pypdf.PdfReader(pdf(fixture_site, lang, name))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == lang
    assert bool(root["/MarkInfo"]["/Marked"])  # tagged (PDF/UA-1)
    assert "/StructTreeRoot" in root
    assert reader.metadata is not None
    site_name = {"nl": "Rugpijn proefsite", "en": "Back pain test site"}[lang]
    assert reader.metadata.title is not None and reader.metadata.title.startswith(site_name)
    assert reader.metadata.author == "Dr. A. Auteur"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_has_its_headings_in_nav_order_and_none_of_the_other_language(
    fixture_site: Path, lang: str
) -> None:
    path = pdf(fixture_site, lang, "article.pdf")
    pages = [page.extract_text().splitlines() for page in pypdf.PdfReader(path).pages]
    # The page each chapter starts on (page 1 is the title page with the contents list).
    starts = [
        next(index for index, lines in enumerate(pages) if index and heading in lines)
        for heading in HEADINGS[lang]
    ]
    assert starts == sorted(starts)  # mkdocs.yml's nav order (scan before alarm), not A-Z
    text = pdf_text(path)
    for heading in HEADINGS[OTHER[lang]]:
        assert heading not in text


@pytest.mark.parametrize(
    ("lang", "title_block", "page_footer"),
    [
        ("nl", ["Praktijk De Rug", "Laatst nagekeken: 20 januari 2026"], "pagina 2 van"),
        ("en", ["Praktijk De Rug", "Last reviewed: 20 January 2026"], "page 2 of"),
    ],
)
def test_title_block_and_page_numbers(
    fixture_site: Path, lang: str, title_block: list[str], page_footer: str
) -> None:
    reader = pypdf.PdfReader(pdf(fixture_site, lang, "article.pdf"))
    first = reader.pages[0].extract_text()
    for words in title_block:
        assert words in first
    assert SITE_URL + ROOTS[lang] in first  # the address printed beside the QR code
    second = reader.pages[1].extract_text()
    assert page_footer in second
    assert SITE_URL + ROOTS[lang] in second  # running footer


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fonts_are_embedded_and_ours(fixture_site: Path, lang: str) -> None:
    # PDF font names carry our CSS family names ("Patientsite-DejaVu-Sans"): a font installed
    # on the machine (plain "DejaVu-Sans") never appears.
    ours = {family.replace(" ", "-") for family in (font.family for font in FONT_FILES)}
    used = set()
    for name in ("article.pdf", "handout.pdf"):
        reader = pypdf.PdfReader(pdf(fixture_site, lang, name))
        fonts = {}
        for page in reader.pages:
            for font in page["/Resources"].get("/Font", {}).values():
                font = font.get_object()
                fonts[str(font["/BaseFont"])] = font
        assert fonts
        for base_font, font in fonts.items():
            name = base_font.partition("+")[2]  # after the subset tag: "Atkinson-Hyperlegible-Bold"
            families = [family for family in ours if f"{name}-".startswith(f"{family}-")]
            assert families, base_font
            used.add(max(families, key=len))
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, base_font
    # The fixture's scan page needs all four: body, code, Greek and Hebrew, and 👍.
    assert used == ours


@pytest.mark.parametrize("lang", LANGUAGES)
def test_code_greek_names_emoji_and_right_to_left_print(fixture_site: Path, lang: str) -> None:
    text = pdf_text(pdf(fixture_site, lang, "article.pdf"))
    characters = ["make site", "TNF-α", "β-", "Łukasz", "Erdős", "Ștefan", "Þórsson", "😀", "👍"]  # noqa: RUF001
    for words in characters:
        assert words in text
    # Right-to-left names: PDF text comes out in the order of the drawn glyphs.
    assert "שרה" in text or "הרש" in text
    assert "محمد" in text or "دمحم" in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_doi_links_are_clickable_and_printed(fixture_site: Path, lang: str) -> None:
    path = pdf(fixture_site, lang, "article.pdf")
    uris, _ = link_targets(path)
    dois = {
        "https://doi.org/10.7326/0003-4819-154-3-201102010-00008",
        "https://doi.org/10.1016/S0140-6736(09)60172-0",
    }
    assert dois <= set(uris)
    text = "".join(pdf_text(path).split())  # printed addresses may wrap over two lines
    for doi in dois:
        assert doi in text
    # A link whose text is not its address gets the address printed after it.
    assert "(https://www.nice.org.uk/guidance/ng59)" in text


@pytest.mark.parametrize(
    ("lang", "fragment"), [("nl", "wat-zegt-het-onderzoek"), ("en", "what-does-research-say")]
)
def test_links_between_pages_stay_inside_the_pdf(
    fixture_site: Path, lang: str, fragment: str
) -> None:
    uris, destinations = link_targets(pdf(fixture_site, lang, "article.pdf"))
    assert f"scan--{fragment}" in destinations  # scan.md#... from the home page
    assert "alarm" in destinations
    assert "index--ref-chou2011" in destinations  # a citation to the page's reference list
    assert not [uri for uri in uris if uri.startswith(SITE_URL) and uri.endswith("/scan/")]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["article.pdf", "handout.pdf"])
def test_qr_code_opens_the_online_text_in_the_same_language(
    fixture_site: Path, lang: str, name: str
) -> None:
    image = render_page(pdf(fixture_site, lang, name))
    assert qr_texts(image) == [SITE_URL + ROOTS[lang]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_red_flag_box_is_on_one_page(fixture_site: Path, lang: str) -> None:
    # The first item and the other two tiers' headings; all of them only in the box.
    tiers = {
        "nl": ["plots niet meer plassen", "Bel binnen twee dagen", "Maak een afspraak bij"],
        "en": ["suddenly cannot pass urine", "Call your GP within two", "Make an appointment"],
    }[lang]
    reader = pypdf.PdfReader(pdf(fixture_site, lang, "article.pdf"))
    pages = [page.extract_text() for page in reader.pages]
    holding = [index for index, text in enumerate(pages) if any(t in text for t in tiers)]
    assert len(holding) == 1
    assert all(tier in pages[holding[0]] for tier in tiers)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_diagram_stays_vector(fixture_site: Path, lang: str) -> None:
    reader = pypdf.PdfReader(pdf(fixture_site, lang, "article.pdf"))
    diagram = {"nl": "Alarmsignaal?", "en": "Warning sign?"}[lang]
    assert diagram in pdf_text(pdf(fixture_site, lang, "article.pdf"))  # real text, not pixels
    images = {
        (int(xobject["/Width"]), int(xobject["/Height"]))
        for page in reader.pages
        for xobject in (x.get_object() for x in page["/Resources"].get("/XObject", {}).values())
        if xobject.get("/Subtype") == "/Image"
    }
    assert images == {(240, 80)}  # the fixture's logo is the only bitmap


@pytest.mark.parametrize(
    ("lang", "expected", "absent"),
    [
        (
            "nl",
            [
                "Het belangrijkste in het kort",
                "Rugpijn gaat meestal vanzelf over.",
                "Bel meteen 112",
                "Maak een afspraak bij je huisarts",
                "Contact: info@kliniek.example.org",
            ],
            ["[1]", "Bronnen", "Back pain"],
        ),
        (
            "en",
            [
                "The main points",
                "Back pain usually gets better by itself.",
                "Call 112 now",
                "Make an appointment with your GP",
                "Contact: info@kliniek.example.org",
            ],
            ["[1]", "References", "Rugpijn"],
        ),
    ],
)
def test_handout_holds_key_messages_and_red_flags_without_citations(
    fixture_site: Path, lang: str, expected: list[str], absent: list[str]
) -> None:
    text = pdf_text(pdf(fixture_site, lang, "handout.pdf"))
    for words in expected:
        assert words in text
    for words in absent:
        assert words not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_to_the_pdfs_of_its_language(fixture_site: Path, lang: str) -> None:
    # The fixture's overrides/main.html holds the snippet proposed for the site's template.
    for page in ("", "scan/", "alarm/"):
        html = (fixture_site / ROOTS[lang] / page / "index.html").read_text(encoding="utf-8")
        depth = "../" if page else ""
        for name in ("article.pdf", "handout.pdf"):
            assert f'href="{depth}pdf/{name}"' in html
            assert (fixture_site / ROOTS[lang] / "pdf" / name).is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["handout.pdf", "poster-a3.pdf", "poster-a4.pdf"])
def test_the_address_on_paper_is_what_a_reader_types(
    fixture_site: Path, lang: str, name: str
) -> None:
    # "kliniek.example.org/rug/en/", not "https://" and the rest on the next line.
    text = "".join(pdf_text(pdf(fixture_site, lang, name)).split())
    address = (SITE_URL + ROOTS[lang]).removeprefix("https://")
    assert address in text
    assert "https://" + address not in text
