"""The words files (src/patientsite/words/<language>.yml): the same keys and placeholders in every
language, every word used and written once, the loader's messages, and dates from Babel."""

import re
import string
from collections.abc import Iterator
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest
import yaml

from patientsite import words
from patientsite.citations.locale import Terms
from patientsite.dates import day_and_month, in_words, month_name
from patientsite.languages import labels as template_labels
from patientsite.pages.labels import Labels as PageLabels
from patientsite.pdf.labels import Labels as PdfLabels
from patientsite.share.labels import ShareLabels
from patientsite.words import SHARED, WordsError, citation_words, languages, section, view
from tests.support import ROOT

SRC = ROOT / "src" / "patientsite"
PARTS = {SHARED, "pages", "pdf", "share", "templates", "citations"}
# The typed tables built from a section (with the shared words), and the fields that are no words.
VIEWS = {"pages": PageLabels, "pdf": PdfLabels, "share": ShareLabels}
NOT_WORDS = {"language"}


def keys(language: str) -> dict[str, set[str]]:
    return {part: set(section(language, part)) for part in words.words(language)}


def placeholders(word: str | tuple[str, ...]) -> list[set[str]]:
    texts = [word] if isinstance(word, str) else list(word)
    return [{name for _, name, _, _ in string.Formatter().parse(text) if name} for text in texts]


def all_words() -> Iterator[tuple[str, str]]:
    """(part, key) of every word in the files."""
    for part, names in keys(languages()[0]).items():
        for key in sorted(names):
            yield part, key


def test_there_are_dutch_and_english_words() -> None:
    assert {"nl", "en"} <= set(languages())


@pytest.mark.parametrize("language", languages())
def test_every_language_has_the_same_sections_and_keys(language: str) -> None:
    assert keys(language) == keys("en")
    assert set(keys(language)) == PARTS


@pytest.mark.parametrize("language", languages())
def test_every_word_has_the_placeholders_of_the_english_one(language: str) -> None:
    for part, key in all_words():
        mine, english = section(language, part)[key], section("en", part)[key]
        assert type(mine) is type(english), f"{language} {part}.{key}"
        if isinstance(mine, str):
            assert placeholders(mine) == placeholders(english), f"{language} {part}.{key}"
        else:
            # A list (the steps of the e-mail instructions) may have more or fewer items.
            assert set().union(*placeholders(mine)) == set().union(*placeholders(english))


def test_placeholders_are_found() -> None:
    assert placeholders("pagina {page} van {pages}") == [{"page", "pages"}]
    assert placeholders(("a {url}", "b")) == [{"url"}, set()]


def _read(name: str) -> bool:
    """Whether our code reads a word or field `name` from a table (labels.reviewed,
    words.name, share_labels(code).subject, self.full_date)."""
    pattern = re.compile(rf"(?:\w|\))\.{re.escape(name)}\b")
    return any(
        pattern.search(path.read_text(encoding="utf-8"))
        for path in SRC.rglob("*.py")
        if path.relative_to(SRC).parts[0] != "words" and path.name != "labels.py"
    )


def test_every_word_is_used() -> None:
    # A typed table takes every word of its section (view refuses others) and reads the rest
    # of its fields from the shared section; code reads each field.
    taken: set[str] = set()
    for part, cls in VIEWS.items():
        names = {field.name for field in fields(cls)}
        assert set(section("en", part)) <= names, part
        taken |= names
        unread = sorted(name for name in names if not _read(name))
        assert not unread, f"{part}: nothing reads {unread}"
    # The templates read theirs as site_labels.<key> or site_labels["palette_" ~ scheme]; our
    # code by their key (the share page's list of PDFs, the headings' permalink).
    templates = "\n".join(
        path.read_text(encoding="utf-8")
        for path in (*(ROOT / "overrides").rglob("*.html"), *SRC.rglob("*.py"))
    )
    schemes = re.findall(r"scheme: (\w+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in template_labels.LABELS["en"]:
        used = f"site_labels.{key}" in templates or f'"{key}"' in templates
        if key.startswith("palette_"):
            used = '"palette_" ~' in templates and key.removeprefix("palette_") in schemes
        assert used, f"templates: nothing shows {key}"
    taken |= set(template_labels.LABELS["en"])
    # The citations' words are the fields of their Terms.
    terms = {field.name for field in fields(Terms)} - {"language", "ordinal"}
    assert set(citation_words("en")) == terms
    taken |= set(citation_words("en"))
    assert set(section("en", SHARED)) <= taken
    assert "date" in taken


def test_no_word_is_written_twice() -> None:
    # Two keys with the same words in every language are one word written twice: write it
    # once (under shared, when two parts show it). Keys that differ in some language are two
    # words (Dutch writes the editor and the editors both "red.").
    seen: dict[tuple[object, ...], str] = {}
    for part, key in all_words():
        value = tuple(section(language, part)[key] for language in languages())
        if part == "citations" and key in ("full_date", "month_day"):
            continue  # date patterns, not words; checked against the dates below
        assert value not in seen, f"{part}.{key} repeats {seen.get(value)}"
        seen[value] = f"{part}.{key}"


# -- the loader's messages ------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty words folder in place of ours (the loader's caches emptied before and after)."""
    monkeypatch.setattr(words, "FOLDER", tmp_path)
    words.words.cache_clear()
    words.languages.cache_clear()
    yield tmp_path
    words.words.cache_clear()
    words.languages.cache_clear()


def write(folder: Path, language: str, data: object) -> None:
    (folder / f"{language}.yml").write_text(
        data if isinstance(data, str) else yaml.safe_dump(data), encoding="utf-8"
    )


def test_bad_yaml_names_the_file_and_line(folder: Path) -> None:
    write(folder, "de", "shared:\n  reviewed: Zuletzt geprüft\n  logo: Logo: {name}\n")
    with pytest.raises(WordsError, match=r"src/patientsite/words/de\.yml:3: not valid YAML"):
        words.words("de")


def test_a_missing_language_names_the_file(folder: Path) -> None:
    write(folder, "nl", {SHARED: {}})
    with pytest.raises(WordsError, match=r"de\.yml is missing \(there are files for nl\)"):
        words.words("de")


def test_a_word_must_be_text(folder: Path) -> None:
    write(folder, "de", {"pages": {"clinic": None}})
    with pytest.raises(WordsError, match=r"de\.yml: pages\.clinic should be a text"):
        words.words("de")


def test_a_missing_word_is_named(folder: Path) -> None:
    write(folder, "de", {SHARED: {"reviewed": "Zuletzt geprüft"}, "pages": {}})
    with pytest.raises(WordsError, match=r"de\.yml: 'pages:' \(or 'shared:'\) lacks the word"):
        view(PageLabels, "de", "pages", language="de")


def test_an_unused_word_is_named(folder: Path) -> None:
    write(folder, "de", {SHARED: {}, "pages": {"clinic": "Praxis", "colour": "Farbe"}})
    with pytest.raises(WordsError, match=r"de\.yml: 'pages:' has words nothing shows: colour"):
        view(PageLabels, "de", "pages", language="de")


def test_lists_become_tuples(folder: Path) -> None:
    write(folder, "de", {"share": {"email_steps": ["Eins", "Zwei"]}})
    assert section("de", "share")["email_steps"] == ("Eins", "Zwei")


def test_a_citation_word_must_not_be_a_list(folder: Path) -> None:
    write(folder, "de", {SHARED: {"references": "Quellen"}, "citations": {"and": ["und", "&"]}})
    with pytest.raises(WordsError, match=r"de\.yml: the citations' words are texts.*: and"):
        citation_words("de")


# -- dates, by Babel ------------------------------------------------------------------------

MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_month_names(language: str) -> None:
    assert " ".join(month_name(month, language) for month in range(1, 13)) == MONTHS[language]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nl", "23 november 2026 · 1 mei 2026"), ("en", "23 November 2026 · 1 May 2026")],
)
def test_the_date_of_pages_and_pdfs(language: str, expected: str) -> None:
    pattern = str(section(language, SHARED)["date"])
    days = (date(2026, 11, 23), date(2026, 5, 1))
    assert " · ".join(in_words(day, pattern, language) for day in days) == expected


@pytest.mark.parametrize(
    ("language", "full", "month_day"),
    [("nl", "3 maart 2025", "29 februari"), ("en", "March 3, 2025", "February 29")],
)
def test_the_dates_of_citations(language: str, full: str, month_day: str) -> None:
    own = citation_words(language)
    assert in_words(date(2025, 3, 3), str(own["full_date"]), language) == full
    assert day_and_month(2, 29, str(own["month_day"]), language) == month_day
