"""`make kiosk` (scripts/kiosk.py): both languages, search, PDFs and the shim, nothing online."""

import json
import os
from pathlib import Path

from patientsite.kiosk import offline_problems
from tests.support import ROOT

LANGUAGES = {"nl": "", "en": "en/"}


def page_names() -> list[str]:
    """Every page of the site, as the kiosk names its file (scan.md -> scan.html)."""
    return [page.with_suffix(".html").name for page in sorted((ROOT / "docs" / "nl").glob("*.md"))]


def test_every_page_in_both_languages_as_a_file(kiosk: Path) -> None:
    for lang, folder in LANGUAGES.items():
        for name in page_names():
            page = kiosk / folder / name
            assert page.is_file(), f"{page} is missing"
            assert f'<html lang="{lang}"' in page.read_text("utf-8")
    # Folders of the online site's addresses (scan/index.html) would not open from a file.
    assert not (kiosk / "scan").exists()
    assert not (kiosk / "en" / "scan").exists()


def test_the_language_switch_and_menu_link_files(kiosk: Path) -> None:
    dutch = (kiosk / "scan.html").read_text("utf-8")
    english = (kiosk / "en" / "scan.html").read_text("utf-8")
    assert 'href="en/scan.html" hreflang="en"' in dutch
    assert 'href="../scan.html" hreflang="nl"' in english
    assert 'href="alarm.html"' in dutch


def test_every_language_has_its_search_index_as_a_script(kiosk: Path) -> None:
    for lang, folder in LANGUAGES.items():
        script = (kiosk / folder / "search" / "search_index.js").read_text("utf-8")
        prefix = "var __index = "
        assert script.startswith(prefix)
        index = json.loads(script.removeprefix(prefix))
        assert index["config"]["lang"] == [lang]
        # The languages plugin's synonyms reach the kiosk's index too.
        assert index["config"]["synonyms"]
        assert index == json.loads((kiosk / folder / "search" / "search_index.json").read_text())


def test_pdfs_of_both_languages_come_from_the_online_build(kiosk: Path) -> None:
    for folder in LANGUAGES.values():
        for name in ("article", "handout", "poster-a3", "poster-a4"):
            pdf = kiosk / folder / "pdf" / f"{name}.pdf"
            assert pdf.read_bytes().startswith(b"%PDF"), pdf
    # Their links lead to the online pages (scan/), not to the kiosk's files (scan.html).
    article = (kiosk / "pdf" / "article.pdf").read_bytes()
    assert b"rugpijn.example.be/scan.html" not in article
    assert not (kiosk / ".kiosk-print").exists()


def test_the_shim_is_local_with_its_licence_and_nothing_is_online(kiosk: Path) -> None:
    shim = kiosk / "assets" / "javascripts" / "iframe-worker.js"
    assert "IFrameWorker" in shim.read_text("utf-8")
    licence = shim.with_name("iframe-worker.LICENSE.txt").read_text("utf-8")
    assert "Permission is hereby granted" in licence
    for page in kiosk.rglob("*.html"):
        text = page.read_text("utf-8")
        assert "unpkg.com" not in text, page
        assert "assets/javascripts/iframe-worker.js" in text, page
    assert offline_problems(kiosk) == []
    # No 404 pages or sitemaps (only for a web server) and no leftover kiosk configuration.
    assert not list(kiosk.rglob("404.html"))
    assert not list(kiosk.rglob("sitemap.xml*"))
    assert not (ROOT / f".kiosk-config-{os.getpid()}.yml").exists()
