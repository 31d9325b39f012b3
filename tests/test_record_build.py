"""The build record of the real site says what its pages show: the steps after the build
(PDFs, share kit, link check) trust it instead of reading the theme's markup."""

import re
from pathlib import Path

from patientsite import record


def _built_page(site: Path, language: record.LanguageRecord, url: str) -> str:
    return (site / language.root / url / "index.html").read_text(encoding="utf-8")


def test_every_recorded_citation_is_an_entry_of_the_page_reference_list(built_site: Path) -> None:
    built = record.read(built_site)
    for language in built.languages:
        citing = [page for page in language.pages if page.cited]
        assert len(citing) >= 6, language.code
        for page in citing:
            html = _built_page(built_site, language, page.url)
            shown = re.findall(r'<li id="(ref-[^"]+)" value="(\d+)">', html)
            recorded = [(work.anchor, str(work.number)) for work in page.cited]
            assert shown == recorded, f"{language.code}: {page.source}"


def test_both_languages_cite_the_same_works_on_the_same_pages(built_site: Path) -> None:
    nl, en = (record.read(built_site).language(code) for code in ("nl", "en"))
    assert [(page.url, page.cited) for page in nl.pages] == [
        (page.url, page.cited) for page in en.pages
    ]


def test_the_full_reference_list_page_is_recorded(built_site: Path) -> None:
    for language in record.read(built_site).languages:
        assert language.full_list is not None
        html = _built_page(built_site, language, language.full_list)
        assert html.count('<li id="bib-') >= 27, language.code


def test_the_pages_with_the_warning_signs_and_those_not_to_share_are_recorded(
    built_site: Path,
) -> None:
    for language in record.read(built_site).languages:
        assert [page.url for page in language.pages if page.warning_signs] == [
            "",
            "alarm/",
            "tips/",
        ]
        assert sorted(page.url for page in language.pages if not page.share) == [
            "accessibility/",
            "sources/",
        ]
