"""APA 7 order of the full list, numbers, in-text names and the a/b of 2020a."""

import unicodedata

import pytest

from patientsite.citations.bibliography import parse_bibliography
from patientsite.citations.names import cite_names, names_of, sortable
from patientsite.citations.numbering import Work, number_works


def works(bib: str, year_suffixes: bool = False) -> list[Work]:
    return number_works(parse_bibliography(bib, "refs.bib"), year_suffixes)


def keys(bib: str) -> list[str]:
    return [work.key for work in works(bib)]


def test_order_is_by_surname_as_written_particles_included() -> None:
    bib = r"""
    @article{wang, author = {W{\'a}ng, Y.}, title = {A}, year = {2018}}
    @article{graaf, author = {van der Graaf, J. W.}, title = {A}, year = {2023}}
    @article{wambeke, author = {Van Wambeke, P.}, title = {A}, year = {2017}}
    @article{taylor, author = {Taylor, S.}, title = {A}, year = {2020}}
    @article{saaks, author = {S{\"a}{\"a}ksj{\"a}rvi, S.}, title = {A}, year = {2020}}
    @article{alhihi, author = {Al-hihi, E.}, title = {A}, year = {2022}}
    """
    # Case, accents, spaces and hyphens are ignored: "van der Graaf" sorts as "vandergraaf".
    assert keys(bib) == ["alhihi", "saaks", "taylor", "graaf", "wambeke", "wang"]


def test_one_author_before_the_same_author_with_others_then_by_co_authors() -> None:
    bib = r"""
    @article{qaseem, author = {Chou, R. and Qaseem, A.}, title = {A}, year = {2007}}
    @article{alone, author = {Chou, R.}, title = {A}, year = {2011}}
    @article{huffman, author = {Chou, R. and Huffman, L. H.}, title = {A}, year = {2007}}
    """
    assert keys(bib) == ["alone", "huffman", "qaseem"]


def test_same_authors_by_year_undated_first_then_by_title_without_article() -> None:
    bib = r"""
    @article{late, author = {Deyo, R.}, title = {B}, year = {2010}}
    @article{early, author = {Deyo, R.}, title = {Z}, year = {2001}}
    @article{undated, author = {Deyo, R.}, title = {C}}
    @article{title_b, author = {Deyo, R.}, title = {The zebra}, year = {2005}}
    @article{title_a, author = {Deyo, R.}, title = {A pain study}, year = {2005}}
    """
    assert keys(bib) == ["undated", "early", "title_a", "title_b", "late"]


def test_same_surname_sorted_by_initials() -> None:
    bib = r"""
    @article{b, author = {Smith, B.}, title = {A}, year = {2000}}
    @article{a, author = {Smith, A.}, title = {A}, year = {2010}}
    """
    assert keys(bib) == ["a", "b"]


def test_work_without_author_sorts_by_title() -> None:
    bib = r"""
    @misc{leaflet, title = {The leaflet on backs}, year = {2020}}
    @article{koes, author = {Koes, B.}, title = {A}, year = {2000}}
    @book{edited, editor = {Apeldoorn, A.}, title = {A}, year = {2000}}
    """
    # An editor takes the author's place; a title does too, without its "The": L, after Koes.
    assert keys(bib) == ["edited", "koes", "leaflet"]


def test_numbers_follow_the_order() -> None:
    bib = r"""
    @article{b, author = {Brown, B.}, title = {A}, year = {2000}}
    @article{a, author = {Adams, A.}, title = {A}, year = {2000}}
    """
    assert [(work.key, work.number) for work in works(bib)] == [("a", 1), ("b", 2)]


@pytest.mark.parametrize(
    ("authors", "names", "et_al"),
    [
        ("Chou, R.", ("Chou",), False),
        ("Hall, A. M. and Maher, C. G.", ("Hall", "Maher"), False),
        ("Chou, R. and Fu, R. and Deyo, R. A.", ("Chou",), True),
        ("Van Wambeke, P. and others", ("Van Wambeke",), True),
        ("{National Institute for Health and Care Excellence}", ("National Institute for Health "
         "and Care Excellence",), False),
        ("van der Graaf, J. W. and van Hooff, M. L.", ("van der Graaf", "van Hooff"), False),
    ],
)  # fmt: skip
def test_in_text_names(authors: str, names: tuple[str, ...], et_al: bool) -> None:
    entry = parse_bibliography(f"@article{{a, author = {{{authors}}}}}", "refs.bib").entries["a"]
    assert cite_names(names_of(entry, "author")) == (names, et_al)


def test_year_suffixes_when_citations_would_look_alike() -> None:
    bib = r"""
    @article{b, author = {Brinjikji, W. and Luetmer, P. and Deyo, R.}, title = {B}, year = {2015}}
    @article{a, author = {Brinjikji, W. and Diehn, F. and Jarvik, J.}, title = {A}, year = {2015}}
    @article{c, author = {Brinjikji, W. and Diehn, F. and Jarvik, J.}, title = {C}, year = {2016}}
    @misc{x, author = {Doe, J.}, title = {X}}
    @misc{y, author = {Doe, J.}, title = {Y}}
    """
    suffixes = {work.key: work.year_suffix for work in works(bib, year_suffixes=True)}
    assert suffixes == {"a": "a", "b": "b", "c": "", "x": "a", "y": "b"}
    assert {work.year_suffix for work in works(bib, year_suffixes=False)} == {""}


def test_title_stands_in_for_a_missing_author() -> None:
    (work,) = works("@misc{leaflet, title = {Back {pain}}, year = {2020}}")
    assert (work.cite_names, work.title_cite, work.year) == (("Back pain",), True, "2020")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Ó Súille-Bháin", "osuillebhain"), ("van der Graaf", "vandergraaf"), ("O'Connor", "oconnor")],
)
def test_sortable(text: str, expected: str) -> None:
    assert sortable(text) == expected


def test_sortable_keeps_exactly_what_isalnum_calls_letters_and_digits() -> None:
    # Every character of the Basic Multilingual Plane, decomposed as sortable() does it.
    for code in range(0x10000):
        decomposed = unicodedata.normalize("NFKD", chr(code).casefold())
        expected = "".join(char for char in decomposed if char.isalnum())
        assert sortable(chr(code)) == expected, f"U+{code:04X}"
