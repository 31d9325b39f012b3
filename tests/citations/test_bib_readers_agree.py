"""Our .bib reader reads exactly what pybtex's own reader reads: every entry, every field.

bibliography.py reads plain files with a regular expression (fast) and the rest with pybtex's
scanner. Both must give what pybtex.database.parse_string gives, for the real references.bib,
every fixture's .bib and a generated set of tricky entries; a difference would be a field
silently changed or lost.
"""

from collections.abc import Iterator
from itertools import product
from pathlib import Path

import pybtex.database
import pytest

from patientsite.citations import bibliography
from patientsite.citations.bibliography import parse_bibliography

ROOT = Path(__file__).resolve().parent.parent.parent
BIB_FILES = [ROOT / "references.bib", *sorted((ROOT / "tests" / "fixtures").rglob("*.bib"))]

# How an entry opens and closes; {key} and {fields} are filled in.
ENTRY_FORMS = {
    "braces": "@article{{{key},\n{fields}\n}}",
    "parentheses": "@misc({key},\n{fields}\n)",
    "upper-case type": "@ARTICLE{{{key}, {fields}}}",
    "spaces around": "@ book {{ {key} ,\n  {fields} , }}",
    "trailing comma": "@article{{{key},\n{fields},\n}}",
}
# One field value each; the title field holds it. Some use the @string below.
VALUES = {
    "braced": "title = {Low back pain}",
    "quoted": 'title = "Low {Back} pain"',
    "concatenated": 'title = "Low " # {back} # " pain"',
    "macro": "title = lancet",
    "macro concatenated": 'title = lancet # " (Online)"',
    "number": "title = 2009",
    "nested braces": "title = {A {B {C {D}}} e}",
    "deeply nested braces": "title = {A {B {C {D {E}}}} e}",
    "upper-case name": "TITLE = {Upper}",
    "mixed-case name": "Title = {Mixed}",
    "accents": r"title = {Caf{\'e} and {\"o}}",
    "newlines and spaces": "title = {Low\n    back   pain\n}",
    "empty": "title = {}",
    "month macro": "title = {T}, month = mar",
    "persons": "author = {Chou, Roger and {World Health Organization}}, title = {T}",
    "at sign": "title = {mail@example.org}",
}
PROLOGUE = "% A comment line, then a blank line.\n\n  % an indented comment line\n"
MACRO = "@string{lancet = {The Lancet}}\n"


def tricky_files() -> Iterator[tuple[str, str]]:
    """One small file per (entry form, value), then one file with all of them."""
    entries = []
    for number, (form, value) in enumerate(product(ENTRY_FORMS, VALUES)):
        entry = ENTRY_FORMS[form].format(key=f"k{number}:a.b/c-d", fields=f"  {VALUES[value]}")
        entries.append(entry)
        macro = MACRO if "lancet" in VALUES[value] else ""
        yield f"{form}, {value}", PROLOGUE + macro + entry + "\n"
    yield "all together", PROLOGUE + MACRO + "\n\n% between entries\n".join(entries) + "\n"


def _as_plain_data(entries: dict) -> dict:
    return {
        key.lower(): (
            entry.type.lower(),
            entry.key,
            list(entry.fields.items()),
            {role: [str(person) for person in people] for role, people in entry.persons.items()},
        )
        for key, entry in entries.items()
    }


def _ours(text: str) -> dict:
    return _as_plain_data(parse_bibliography(text, "test.bib").entries)


def _ours_with_pybtex_scanner(text: str, monkeypatch: pytest.MonkeyPatch) -> dict:
    with monkeypatch.context() as patch:
        patch.setattr(bibliography, "_plain_entries", lambda _text: None)
        return _ours(text)


def _pybtex(text: str) -> dict:
    return _as_plain_data(pybtex.database.parse_string(text, "bibtex").entries)


@pytest.mark.parametrize("path", BIB_FILES, ids=[str(p.relative_to(ROOT)) for p in BIB_FILES])
def test_every_bib_file_reads_as_pybtex_reads_it(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        expected = _pybtex(text)
    except pybtex.database.PybtexError:
        # A fixture made to be broken: ours must refuse it too (test_bibliography.py says how).
        with pytest.raises(bibliography.BibliographyError):
            _ours(text)
        return
    assert _ours(text) == expected
    assert _ours_with_pybtex_scanner(text, monkeypatch) == expected


def test_the_real_bibliography_takes_the_fast_reader() -> None:
    """Otherwise the test above would compare pybtex's scanner with itself."""
    text = (ROOT / "references.bib").read_text(encoding="utf-8")
    assert bibliography._plain_entries(text) is not None


@pytest.mark.parametrize(("name", "text"), list(tricky_files()), ids=[n for n, _ in tricky_files()])
def test_tricky_entries_read_as_pybtex_reads_them(
    name: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _pybtex(text)
    assert len(expected) == (len(ENTRY_FORMS) * len(VALUES) if name == "all together" else 1)
    assert _ours(text) == expected
    assert _ours_with_pybtex_scanner(text, monkeypatch) == expected


def test_the_generated_entries_exercise_both_readers() -> None:
    fast = [name for name, text in tricky_files() if bibliography._plain_entries(text) is not None]
    assert "braces, braced" in fast
    assert "parentheses, braced" not in fast
