"""Strict reading of the .bib file: a whole bibliography, or an error naming file, line and key."""

from pathlib import Path

import pybtex.errors
import pytest

from patientsite.citations.bibliography import (
    BibliographyError,
    decode_bibliography,
    entry_date,
    load_bibliography,
    missing_fields,
    parse_bibliography,
)

SYNTAX_FIX = (
    "Check this entry: every field looks like name = {value}, fields are separated by commas, "
    "and every { has a matching }."
)

GOOD = r"""% a comment line
@string{lancet = {The Lancet}}

@article{chou2009,
  author  = {Chou, Roger},
  title   = {Imaging},
  journal = lancet,
  year    = {2009},
}

@comment{ anything at all }
@techreport{nice2016,
  author = {{National Institute for Health and Care Excellence}},
  title  = {Low back pain},
  url    = {https://www.nice.org.uk/guidance/ng59},
  urldate = {2025-03-03},
}
"""


def test_reads_every_entry_with_its_line() -> None:
    bibliography = parse_bibliography(GOOD, "references.bib")
    assert list(bibliography.entries) == ["chou2009", "nice2016"]
    assert bibliography.location("chou2009") == "references.bib:4"
    assert bibliography.location("NICE2016") == "references.bib:12"
    assert bibliography.entries["chou2009"].fields["journal"] == "The Lancet"


@pytest.mark.parametrize("line_break", [b"\r\n", b"\r"], ids=["windows", "old mac"])
def test_any_line_break_reads_as_a_newline(line_break: bytes) -> None:
    unix = decode_bibliography(GOOD.encode(), "references.bib")
    other = decode_bibliography(GOOD.encode().replace(b"\n", line_break), "references.bib")
    assert other.lines == unix.lines
    assert other.entries["nice2016"].fields == unix.entries["nice2016"].fields


def test_keys_are_found_whatever_their_case() -> None:
    bibliography = parse_bibliography("@article{Chou2009, title = {A}}", "references.bib")
    entry = bibliography.get("chou2009")
    assert entry is not None
    assert entry.key == "Chou2009"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "@article{ok, title = {A}}\n\n@article{chou2009,\n  title = {X}\n  year = {2009},\n}\n",
            "references.bib:3: the entry 'chou2009' could not be read (line 5: '}' expected). "
            + SYNTAX_FIX,
            id="missing comma between fields",
        ),
        pytest.param(
            "@article{chou2009,\n  title = {X,\n  year = {2009},\n}\n\n@book{b, title = {Y}}\n",
            "references.bib:2: in the entry 'chou2009', the value of 'title' has no closing }, "
            "so it runs on into line 3 ('year = {2009},'). Add the missing } where the value "
            "ends, at the end of line 2.",
            id="brace left open swallows the next entry",
        ),
        pytest.param(
            "@article{a,\n  title = {Low back\n    pain,\n  journal = {BMJ},\n}\n",
            "references.bib:2: in the entry 'a', the value of 'title' has no closing }, so it "
            "runs on into line 4 ('journal = {BMJ},'). Add the missing } where the value ends, "
            "between lines 2 and 3.",
            id="brace left open in a value of two lines",
        ),
        pytest.param(
            "@article{a,\n  title = {X},\n  year = {2009\n}\n\n@book{b,\n  title = {Y}}\n",
            "references.bib:3: in the entry 'a', the entry has no closing }, so it runs on into "
            "line 6 ('@book{b,'). Add the missing } between lines 3 and 5, at the end of the "
            "value of 'year' or of the entry.",
            id="brace left open in the last field runs into the next entry",
        ),
        pytest.param(
            "% #12\n@article{hall2021,\n  author = {Hall, Alison},\n"
            "  title = {Do not routinely offer imaging for pain}},\n  journal = {BMJ},\n"
            "  year = {2021},\n}\n",
            "references.bib:4: ', journal = {BMJ}, year = {2021}, }' is outside every entry: "
            "entry 'hall2021' (line 2) already ended on line 4. If the text belongs to that "
            "entry, remove the } too many on line 4 or before; if it is a comment, start the "
            "line with %.",
            id="one } too many ends the entry before its fields",
        ),
        pytest.param(
            "@book{a, title = {A}}\nThese are my sources.\n@book{b, title = {B}}\n",
            "references.bib:2: 'These are my sources.' is outside every entry: entry 'a' "
            "(line 1) already ended on line 1. If the text belongs to that entry, remove the } "
            "too many on line 1 or before; if it is a comment, start the line with %.",
            id="text between entries that is not a comment",
        ),
        pytest.param(
            "My sources\n\n@book{a, title = {A}}\n",
            "references.bib:1: 'My sources' is outside every entry. If it is a comment, start "
            "the line with %; if it belongs to an entry, put it between that entry's braces.",
            id="text before the first entry",
        ),
        pytest.param(
            "@article{chou2009,\n  title = {X\n",
            "references.bib:1: the entry 'chou2009' could not be read (the file ends inside "
            "this entry, probably a { without its }). " + SYNTAX_FIX,
            id="file ends inside an entry",
        ),
        pytest.param(
            "@article{chou2009,\n  title = {X},\n  month = marc,\n}\n",
            "references.bib:1: the entry 'chou2009' could not be read (line 3: 'marc' is not a "
            "value BibTeX knows; write it in braces: {marc}). " + SYNTAX_FIX,
            id="unknown abbreviation",
        ),
        pytest.param(
            "\n@article{chou2009,\n  title = {X},\n  title = {Y},\n}\n",
            "references.bib:2: the entry 'chou2009' could not be read (entry with key chou2009 "
            "has a duplicate title field). Keep one of the two fields.",
            id="field twice",
        ),
        pytest.param(
            "@article{chou2009,\n  author = {Chou, R., Fu, R., Deyo, R.},\n  title = {X},\n}\n",
            "references.bib:1: the entry 'chou2009' could not be read (Too many commas in "
            "'Chou, R., Fu, R., Deyo, R.'). Separate people with 'and': "
            "author = {Surname, A. and Surname, B.}.",
            id="authors separated by commas",
        ),
        pytest.param(
            "@article{chou+2009, title = {A}}\n",
            "references.bib:1: the key 'chou+2009' has characters a citation cannot use. Keys "
            "may hold letters, digits and _ - : . / only: rename the key.",
            id="key with a character citations cannot use",
        ),
        pytest.param(
            "@misc{web, title = {A},\n  urldate = {3 March 2025}}\n",
            "references.bib:1: entry 'web' has urldate = {3 March 2025}; write the day you "
            "looked at the page as year-month-day, e.g. urldate = {2025-03-03}.",
            id="access date not ISO",
        ),
        pytest.param(
            "@misc{web, title = {A}, urldate = {2025-03}}\n",
            "references.bib:1: entry 'web' has urldate = {2025-03}; write the day you looked "
            "at the page as year-month-day, e.g. urldate = {2025-03-03}.",
            id="access date without a day",
        ),
        pytest.param(
            "@misc{web, title = {A}, date = {2021-02-30}}\n",
            "references.bib:1: entry 'web' has date = {2021-02-30}; write it as year, "
            "year-month or year-month-day, e.g. date = {2021-03-03}.",
            id="date that does not exist",
        ),
    ],
)
def test_malformed_entry_stops_with_line_and_key(text: str, message: str) -> None:
    with pytest.raises(BibliographyError) as raised:
        parse_bibliography(text, "references.bib")
    assert str(raised.value) == message


@pytest.mark.parametrize("first", ["chou2009", "Chou2009", "CHOU2009"])
def test_duplicate_keys_ignore_case_and_name_both_lines(first: str) -> None:
    text = (
        f"@article{{{first}, title = {{A}}}}\n% the same work again\n\n"
        "@book{chou2009, title = {B}}\n"
    )
    with pytest.raises(BibliographyError) as raised:
        parse_bibliography(text, "references.bib")
    assert str(raised.value) == (
        f"references.bib:4: the key 'chou2009' is already used on line 1 as '{first}' (BibTeX "
        "does not tell upper and lower case apart). Lines 1 and 4 need different keys: rename "
        "one, or delete the entry if it is the same work twice."
    )


def test_errors_do_not_depend_on_pybtex_strict_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    # In non-strict mode pybtex would print a warning and drop the bad names.
    monkeypatch.setattr(pybtex.errors, "strict", False)
    with pytest.raises(BibliographyError, match="Too many commas"):
        parse_bibliography("@article{a, author = {A, B, C, D}, title = {X}}", "references.bib")


def test_file_not_in_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_bytes("@article{a,\n  title = {Caf\u00e9},\n}\n".encode("latin-1"))
    with pytest.raises(BibliographyError) as raised:
        load_bibliography(path, "refs.bib")
    assert str(raised.value) == (
        "refs.bib:2: this file is not saved as UTF-8. Save it again with the encoding UTF-8 "
        "(most editors offer this under 'Save as')."
    )


def test_comments_and_comment_entries_are_not_stray_text() -> None:
    text = (
        "% made by hand\n\n@comment{jabref-meta: databaseType:bibtex;}\n"
        "  % indented\n@book{a, title = {A}}\n@comment{left open\n@book{b, title = {B}}\n"
    )
    assert list(parse_bibliography(text, "references.bib").entries) == ["a", "b"]


def test_a_journal_article_without_a_year_is_named() -> None:
    text = (
        "@article{dated, author = {Doe, J.}, title = {A}, year = {2020}}\n"
        "@article{iso, author = {Doe, J.}, title = {A}, date = {2020-03}}\n"
        "@article{undated, author = {Doe, J.}, title = {B}, journal = {BMJ}}\n"
        "@inproceedings{talk, author = {Doe, J.}, title = {C}}\n"
        "@misc{web, author = {NHS}, title = {D}, url = {https://www.nhs.uk}}\n"
        "@book{old, author = {Doe, J.}, title = {E}}\n"
    )
    assert missing_fields(parse_bibliography(text, "references.bib")) == [
        "references.bib:3: entry 'undated' (@article) has no year; without it the reference "
        'would say "n.d." (no date). Add year = {...} with the year it was published.',
        "references.bib:4: entry 'talk' (@inproceedings) has no year; without it the "
        'reference would say "n.d." (no date). Add year = {...} with the year it was published.',
    ]


def test_missing_author_or_title_named_per_entry() -> None:
    text = (
        "@misc{ok, author = {Doe, J.}, title = {A}}\n"
        "@book{edited, editor = {Koes, B.}, title = {B}}\n"
        "@misc{nobody, title = {C}}\n"
        "@misc{untitled, author = {Doe, J.}}\n"
    )
    assert missing_fields(parse_bibliography(text, "references.bib")) == [
        "references.bib:3: entry 'nobody' has no author. APA needs one: add author = "
        "{Surname, Given names}, or for an organisation author = {{Name of the organisation}}.",
        "references.bib:4: entry 'untitled' has no title. Add title = {...}.",
    ]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("year = {2009}", ("2009", None, None)),
        ("year = {2021}, month = mar", ("2021", 3, None)),
        ("year = {2021}, month = {10}, day = {3}", ("2021", 10, 3)),
        ("date = {2021-03-04}", ("2021", 3, 4)),
        ("date = {2021-03}", ("2021", 3, None)),
        ("title = {no date}", (None, None, None)),
    ],
)
def test_entry_date(fields: str, expected: tuple) -> None:
    bibliography = parse_bibliography(f"@misc{{a, {fields}}}", "references.bib")
    assert entry_date(bibliography.entries["a"]) == expected
