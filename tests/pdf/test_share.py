"""The share kit on the PDF fixture site (its address has a path: /rug/): QR codes and e-mail
snippets per page and language, and the share pages that list them."""

import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pypdf
import pytest
from weasyprint import HTML

from patientsite.pdf.settings import Clinic, Language, Settings
from patientsite.share.kit import ShareLink, email_html, email_text
from tests.pdf.support import ROOTS, SITE_URL, png_image, qr_texts, render_page

PAGES = {"index": "", "scan": "scan/", "alarm": "alarm/", "sources": "sources/"}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("slug", list(PAGES))
def test_png_qr_code_decodes_to_the_page(fixture_site: Path, lang: str, slug: str) -> None:
    url = SITE_URL + ROOTS[lang] + PAGES[slug]
    image = png_image((fixture_site / "share" / lang / f"{slug}-qr.png").read_bytes())
    assert qr_texts(image) == [url]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_svg_qr_code_decodes_to_the_page(fixture_site: Path, lang: str, tmp_path: Path) -> None:
    svg = fixture_site / "share" / lang / "scan-qr.svg"
    pdf = tmp_path / "qr.pdf"
    HTML(string=f'<img src="{svg.as_uri()}" style="width: 60mm">').write_pdf(pdf)
    assert qr_texts(render_page(pdf)) == [SITE_URL + ROOTS[lang] + "scan/"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "nl",
            "Voor je afspraak bij Praktijk De Rug: lees hier vooraf \u201eWaarom meestal geen "
            "scan\u201d:\nhttps://kliniek.example.org/rug/scan/\n",
        ),
        (
            "en",
            "Before your appointment at Praktijk De Rug, please read \u201cWhy usually no "
            "scan\u201d:\nhttps://kliniek.example.org/rug/en/scan/\n",
        ),
    ],
)
def test_email_snippets_in_the_page_language(fixture_site: Path, lang: str, text: str) -> None:
    folder = fixture_site / "share" / lang
    # utf-8-sig: the file starts with a byte order mark, which says "UTF-8" to any program.
    assert (folder / "scan-email.txt").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (folder / "scan-email.txt").read_text(encoding="utf-8-sig") == text
    html = (folder / "scan-email.html").read_text(encoding="utf-8")
    assert html.startswith(f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">')
    url = SITE_URL + ROOTS[lang] + "scan/"
    assert html.count(f'<a href="{url}">') == 2
    title = {"nl": "Waarom meestal geen scan", "en": "Why usually no scan"}[lang]
    assert f">{title}</a>" in html


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_share_page_lists_every_page_of_its_language_without_tracking(
    fixture_site: Path, lang: str
) -> None:
    page = (fixture_site / ROOTS[lang] / "share" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page
    files = {"nl": "../share/nl/", "en": "../../share/en/"}[lang]
    for slug, path in PAGES.items():
        url = SITE_URL + ROOTS[lang] + path
        assert f'<a href="{url}">{url}</a>' in page
        assert f'src="{files}{slug}-qr.svg"' in page
    addresses = re.findall(r'href="([^"]+)"', page)
    assert addresses
    assert [address for address in addresses if urlsplit(address).query] == []


def _settings(name: str) -> Settings:
    return Settings(
        site_url="https://x.example/",
        languages=(Language("nl", "Site", "", ""),),
        clinic=Clinic(name=name),
        logo=None,
        site_dir=Path("."),
        fonts_dir=Path("."),
    )


SAFETY = (
    "\nSommige klachten kunnen niet wachten tot je afspraak. Lees hier welke, en of je dan 112 "
    "of je huisarts belt:\nhttps://x.example/alarm/\n"
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "",
            f"Voor je afspraak: lees hier vooraf \u201eA & B\u201d:\nhttps://x.example/a/\n{SAFETY}",
        ),
        (
            "De <Rug>",
            "Voor je afspraak bij De <Rug>: lees hier vooraf \u201eA & B\u201d:\n"
            f"https://x.example/a/\n{SAFETY}",
        ),
    ],
)
def test_snippet_without_clinic_name_and_html_escaping(name: str, expected: str) -> None:
    link = ShareLink("nl", "a", "A & B", "https://x.example/a/", "https://x.example/alarm/")
    assert email_text(link, _settings(name)) == expected
    html = email_html(link, _settings(name))
    assert "A &amp; B</a>" in html
    assert "<Rug>" not in html
    assert html.endswith(
        "<p>Sommige klachten kunnen niet wachten tot je afspraak. Lees hier welke, en of je dan "
        '112 of je huisarts belt:<br>\n<a href="https://x.example/alarm/">'
        "https://x.example/alarm/</a></p>\n"
    )
    # Without a page that lists the warning signs, there is no address to send anyone to.
    assert "Sommige klachten" not in email_text(replace(link, warning_url=""), _settings(name))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_share_page_says_how_many_pages_each_pdf_has(fixture_site: Path, lang: str) -> None:
    # Read back from the PDFs themselves: staff must not print the long text by mistake.
    folder = fixture_site / ROOTS[lang]
    html = (folder / "share" / "index.html").read_text(encoding="utf-8")
    word = {"nl": ("pagina", "pagina's"), "en": ("page", "pages")}[lang]
    for name in ("handout", "poster-a3", "poster-a4", "article"):
        count = len(pypdf.PdfReader(folder / "pdf" / f"{name}.pdf").pages)
        shown = f"{count} {word[0] if count == 1 else word[1]}"
        assert re.search(rf'pdf/{name}\.pdf">[^<]+</a>, {re.escape(shown)}</li>', html), name
