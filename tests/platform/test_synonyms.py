"""Search synonyms and index extras: pure logic, then fixture builds."""

import json
from pathlib import Path

import pytest

from patientsite.languages.search_index import add_search_extras, page_slug
from patientsite.languages.synonyms import (
    Synonym,
    SynonymError,
    fold,
    load_synonyms,
    missing_words,
    parse_synonyms,
    to_index,
    words_of,
)
from tests.support import FIXTURES, build_site


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Röntgen", "rontgen"),
        ("röntgenfoto's", "rontgenfoto"),
        ("hernia\u2019s", "hernia"),
        ("café", "cafe"),
        ("België", "belgie"),
        ("sciatica", "sciatica"),
    ],
)
def test_fold(word: str, expected: str) -> None:
    assert fold(word) == expected


def test_words_of_splits_where_the_search_splits() -> None:
    assert words_of("X-ray") == ["x", "ray"]
    assert words_of(" slipped  disc ") == ["slipped", "disc"]


def test_parse_synonyms_reads_words_lists_and_lines() -> None:
    text = (
        "# comment\nkinesist: [kinesitherapeut, kinesitherapie]\n\nslipped disc: hernia\nno: nee\n"
    )
    assert parse_synonyms(text, "nl.yml") == [
        Synonym("kinesist", ("kinesitherapeut", "kinesitherapie"), 2),
        Synonym("slipped disc", ("hernia",), 4),
        # "no" stays a word: YAML's yes/no booleans are not applied.
        Synonym("no", ("nee",), 5),
    ]


def test_empty_file_has_no_synonyms() -> None:
    assert parse_synonyms("# nothing yet\n", "nl.yml") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: b\nc: [d, e\n", "nl.yml:2: this line cannot be read"),
        ("- a\n- b\n", "nl.yml:1: expected lines like 'kinesist: kinesitherapeut'"),
        ("a: b\nb: c\nA: d\n", "nl.yml:3: 'A' is already listed on line 1"),
        ("a: []\n", "nl.yml:1: the list is empty"),
        ("a: {b: c}\n", "nl.yml:1: expected a word here"),
        ("a: b/c\n", "nl.yml:1: 'b/c' may hold only letters, digits, spaces, hyphens"),
        ("a:\n", "nl.yml:1: expected a word here"),
    ],
)
def test_parse_synonyms_names_file_line_and_fix(text: str, message: str) -> None:
    with pytest.raises(SynonymError) as error:
        parse_synonyms(text, "nl.yml")
    assert message in str(error.value)


def test_load_synonyms_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SynonymError) as error:
        load_synonyms(tmp_path / "nl.yml", "includes/search/nl.yml")
    assert "includes/search/nl.yml: the search synonyms file is missing" in str(error.value)


def test_load_synonyms_refuses_other_encodings(tmp_path: Path) -> None:
    path = tmp_path / "nl.yml"
    path.write_bytes("röntgen: foto\n".encode("latin-1"))
    with pytest.raises(SynonymError, match="not saved as UTF-8"):
        load_synonyms(path, "nl.yml")


def test_missing_words_compares_folded_words_of_the_page_text() -> None:
    synonyms = [
        Synonym("xray", ("röntgenfoto",), 1),
        Synonym("ischias", ("ischias", "zenuw"), 2),
        Synonym("x-ray", ("X-ray",), 3),
    ]
    pages = ["<p>Een <b>rontgenfoto</b> en een X-ray.</p>", "Zenuwen en een zenuw&#8217;s"]
    missing = missing_words(synonyms, pages)
    assert [(m.synonym.line, m.word) for m in missing] == [(2, "ischias")]


def test_to_index_folds_phrases_and_targets() -> None:
    synonyms = [Synonym("X-ray", ("Röntgenfoto", "x ray"), 1)]
    assert to_index(synonyms) == {"x ray": ["rontgenfoto", "x ray"]}


@pytest.mark.parametrize(
    ("location", "slug"),
    [
        ("", "index"),
        ("#intro", "index"),
        ("about/", "about"),
        ("about/#who", "about"),
        ("tips.html", "tips"),
        ("index.html", "index"),
        ("reindex/", "reindex"),
        ("sub/index.html#x", "sub"),
    ],
)
def test_page_slug(location: str, slug: str) -> None:
    assert page_slug(location) == slug


def test_add_search_extras_lowers_listed_pages_and_adds_synonyms() -> None:
    index = {
        "config": {"lang": ["nl"]},
        "docs": [
            {"location": "", "title": "Start"},
            {"location": "sources/", "title": "Bronnen"},
            {"location": "sources/#lijst", "title": "Lijst"},
            {"location": "scan/", "title": "Scan", "boost": 2},
        ],
    }
    extended = add_search_extras(index, {"kine": ["kinesitherapie"]}, ["sources.md"])
    assert extended["config"] == {"lang": ["nl"], "synonyms": {"kine": ["kinesitherapie"]}}
    assert [doc.get("boost") for doc in extended["docs"]] == [None, 0.1, 0.1, 2]
    assert "synonyms" not in index["config"], "the input is not changed"


# -- fixture builds ------------------------------------------------------------------


def test_build_writes_synonyms_and_lowered_pages_into_each_index(tmp_path: Path) -> None:
    result = build_site(FIXTURES / "platform" / "synonyms" / "mkdocs.yml", tmp_path)
    assert result.returncode == 0, result.stderr
    dutch = json.loads((tmp_path / "search" / "search_index.json").read_text("utf-8"))
    english = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text("utf-8"))
    assert dutch["config"]["synonyms"] == {
        "zenuwpijn": ["zenuw"],
        "rugmerg": ["ruggenmerg", "wervelkanaal"],
    }
    assert english["config"]["synonyms"] == {"spinal cord": ["canal"], "nerf": ["nerve"]}
    assert [d["location"] for d in dutch["docs"] if d.get("boost") == 0.1] == [""]
    assert [d["location"] for d in english["docs"] if d.get("boost") == 0.1] == [""]


def test_synonym_pointing_at_no_word_fails_the_build(tmp_path: Path) -> None:
    result = build_site(FIXTURES / "platform" / "synonyms-missing-word" / "mkdocs.yml", tmp_path)
    assert result.returncode != 0
    assert (
        "search/nl.yml:2: the search synonym 'ischias' points at 'ischias', a word no nl page "
        "contains" in result.stderr
    )


def test_unreadable_synonyms_file_fails_the_build(tmp_path: Path) -> None:
    result = build_site(FIXTURES / "platform" / "synonyms-broken" / "mkdocs.yml", tmp_path)
    assert result.returncode != 0
    assert "search/nl.yml:2: this line cannot be read" in result.stderr


def test_search_lower_naming_no_page_fails_the_build(tmp_path: Path) -> None:
    result = build_site(FIXTURES / "platform" / "search-lower-unknown" / "mkdocs.yml", tmp_path)
    assert result.returncode != 0
    assert "search_lower names bronnen.md, but docs/nl/ has no such page" in result.stderr
