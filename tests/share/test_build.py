"""The share pages of the real site, as `make site` writes them: where they are, who links to
them, what they hold, and that search and the sitemap leave them out."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pdf.support import png_image, qr_texts
from tests.support import ROOT

SITE_URL = "https://rugpijn.example.be/"
ROOTS = {"nl": "", "en": "en/"}
TITLES = {"nl": "Deze site delen met je patiënten", "en": "Sharing this site with your patients"}


def share_page(site: Path, lang: str) -> str:
    return (site / ROOTS[lang] / "share" / "index.html").read_text("utf-8")


def slugs(page: str) -> list[str]:
    """The pages the share page offers, by the file names of their QR codes."""
    return re.findall(r'<img src="[./]*share/\w+/([\w-]+)-qr\.svg"', page)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_share_page_in_each_language(shared_site: Path, lang: str) -> None:
    page = share_page(shared_site, lang)
    assert f'<html lang="{lang}">' in page
    assert f"<h1>{TITLES[lang]}</h1>" in page
    assert '<meta name="robots" content="noindex">' in page
    # Every page of the language for patients, home page first; the accessibility statement
    # and the reference list say `share: false` (no appointment e-mail points at them).
    docs = sorted(
        path.stem
        for path in (ROOT / "docs" / lang).glob("*.md")
        if "\nshare: false\n" not in path.read_text("utf-8")
    )
    assert sorted(slugs(page)) == docs
    assert {"accessibility", "sources"}.isdisjoint(slugs(page)) and "about" in slugs(page)
    assert slugs(page)[0] == "index"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_about_page_links_to_the_share_page(shared_site: Path, lang: str) -> None:
    about = (shared_site / ROOTS[lang] / "about" / "index.html").read_text("utf-8")
    assert f'<a href="../share/">{TITLES[lang]}</a>' in about


def test_share_pages_are_not_in_search_or_the_sitemap(shared_site: Path) -> None:
    for lang in ROOTS:
        index = json.loads(
            (shared_site / ROOTS[lang] / "search" / "search_index.json").read_text("utf-8")
        )
        locations = [doc["location"] for doc in index["docs"]]
        assert locations  # the index of the language's pages
        assert [loc for loc in locations if loc.startswith(("share", "en/share"))] == []
        assert TITLES[lang] not in [doc["title"] for doc in index["docs"]]
    sitemap = (shared_site / "sitemap.xml").read_text("utf-8")
    assert "/share/" not in sitemap


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_snippets_declare_utf8_with_quotes_intact(shared_site: Path, lang: str) -> None:
    folder = shared_site / "share" / lang
    opening = {"nl": "\u201e", "en": "\u201c"}[lang]
    for slug in slugs(share_page(shared_site, lang)):
        data = (folder / f"{slug}-email.txt").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        assert opening in data.decode("utf-8-sig")
        html = (folder / f"{slug}-email.html").read_text("utf-8")
        assert '<meta charset="utf-8">' in html.split("</head>")[0]
        assert opening in html


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_qr_codes_decode_to_the_page_addresses(shared_site: Path, lang: str) -> None:
    page = share_page(shared_site, lang)
    for slug in slugs(page):
        url = SITE_URL + ROOTS[lang] + ("" if slug == "index" else f"{slug}/")
        assert f'<a href="{url}">{url}</a>' in page
        image = png_image((shared_site / "share" / lang / f"{slug}-qr.png").read_bytes())
        assert qr_texts(image) == [url]


def test_link_check_passes_with_the_share_pages(shared_site: Path) -> None:
    result = subprocess.run(
        [sys.executable, ROOT / "scripts" / "check_links.py", shared_site],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    assert "none broken" in result.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_email_names_the_warning_signs_page(shared_site: Path, lang: str) -> None:
    alarm = f"{SITE_URL}{ROOTS[lang]}alarm/"
    for text_file in (shared_site / "share" / lang).glob("*-email.txt"):
        assert text_file.read_text("utf-8-sig").endswith(f":\n{alarm}\n"), text_file.name
