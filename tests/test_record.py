"""The build record: written section by section, read back whole, loud when missing."""

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from patientsite import record
from patientsite.mkdocs.theme import MATERIAL


def _languages() -> list[record.LanguageRecord]:
    page = record.PageRecord(
        url="scan/",
        source="docs/nl/scan.md",
        title="Een scan?",
        description="Wanneer wel, wanneer niet.",
        reviewed=date(2026, 11, 23),
        next_review=None,
    )
    sources = record.PageRecord(
        "sources/", "docs/nl/sources.md", "Bronnen", "", None, None, share=False
    )
    return [record.LanguageRecord("nl", "", (page, sources))]


def _write_pages(site: Path) -> None:
    record.write_section(site, "pages", record.pages_section(_languages()))
    record.write_section(site, "theme", record.theme_section(MATERIAL))


def test_sections_written_apart_are_read_back_together(tmp_path: Path) -> None:
    record.write_section(tmp_path, "citations", [])
    _write_pages(tmp_path)
    built = record.read(tmp_path)
    nl = built.language("nl")
    assert nl.pages == _languages()[0].pages
    assert nl.page("scan/") is not None and nl.page("nope/") is None
    with pytest.raises(record.RecordError, match="no pages for the language 'en'"):
        built.language("en")


def test_citations_join_their_pages(tmp_path: Path) -> None:
    _write_pages(tmp_path)
    cited = (record.CitedWork("chou2011", 6, "ref-chou2011"), record.CitedWork("a", 1, "ref-a"))
    citations = [record.LanguageCitations("nl", "sources/", {"scan/": cited})]
    record.write_section(tmp_path, "citations", record.citations_section(citations))
    nl = record.read(tmp_path).language("nl")
    assert nl.full_list == "sources/"
    assert nl.page("scan/") == replace(_languages()[0].pages[0], cited=cited)
    assert nl.page("sources/") == _languages()[0].pages[1]


def test_a_site_without_citations_cites_nothing(tmp_path: Path) -> None:
    _write_pages(tmp_path)
    nl = record.read(tmp_path).language("nl")
    assert nl.full_list is None
    assert all(page.cited == () for page in nl.pages)


def test_documents_are_listed_once_the_pdfs_are_made(tmp_path: Path) -> None:
    _write_pages(tmp_path)
    assert record.read(tmp_path).documents == {}
    pages = {"pdf/article.pdf": 48, "en/pdf/article.pdf": 49}
    record.write_section(tmp_path, "documents", record.documents_section(pages))
    assert record.read(tmp_path).documents == pages


def test_rewriting_a_section_replaces_only_that_section(tmp_path: Path) -> None:
    _write_pages(tmp_path)
    first = record.LanguageCitations("nl", "a/", {})
    second = record.LanguageCitations("nl", "sources/", {})
    record.write_section(tmp_path, "citations", record.citations_section([first]))
    record.write_section(tmp_path, "citations", record.citations_section([second]))
    built = record.read(tmp_path)
    assert built.language("nl").pages
    assert built.language("nl").full_list == "sources/"
    data = json.loads((tmp_path / record.FILE_NAME).read_text(encoding="utf-8"))
    assert data["citations"] == [{"code": "nl", "full_list": "sources/", "pages": []}]


def test_missing_empty_or_foreign_records_fail_loudly(tmp_path: Path) -> None:
    with pytest.raises(record.RecordError, match=r"missing\. Build the site first"):
        record.read(tmp_path)
    (tmp_path / record.FILE_NAME).write_text("{not json", encoding="utf-8")
    with pytest.raises(record.RecordError, match="cannot be read"):
        record.read(tmp_path)
    (tmp_path / record.FILE_NAME).write_text('{"version": 0}', encoding="utf-8")
    with pytest.raises(record.RecordError, match="another version"):
        record.read(tmp_path)
    record.write_section(tmp_path, "pages", [])
    with pytest.raises(record.RecordError, match="lists no pages"):
        record.read(tmp_path)
    record.write_section(tmp_path, "pages", record.pages_section(_languages()))
    with pytest.raises(record.RecordError, match="does not describe the theme's markup"):
        record.read(tmp_path)
    record.write_section(tmp_path, "theme", record.theme_section(MATERIAL))
    assert record.read(tmp_path).theme == MATERIAL
