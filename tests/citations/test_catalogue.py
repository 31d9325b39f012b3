"""The catalogue: works by key, "did you mean", every reference in every language."""

import pytest

from patientsite.citations.apa import ApaStyle
from patientsite.citations.bibliography import parse_bibliography
from patientsite.citations.catalogue import Catalogue, format_catalogue
from patientsite.citations.locale import TERMS

BIB = r"""
@article{chou2009, author = {Chou, Roger}, title = {Imaging}, journal = {Lancet},
         year = {2009}}
@misc{nice2016, author = {{National Institute for Health and Care Excellence}},
      title = {Low back pain}, year = {2016}, url = {https://www.nice.org.uk/guidance/ng59},
      urldate = {2025-03-03}}
@misc{leaflet, title = {Rugpijn}, year = {2020}}
"""


def catalogue() -> Catalogue:
    return format_catalogue(parse_bibliography(BIB, "references.bib"), year_suffixes=False)


@pytest.mark.parametrize(
    ("key", "closest"), [("chuo2009", "chou2009"), ("NICE2061", "nice2016"), ("zzz", None)]
)
def test_closest_key(key: str, closest: str | None) -> None:
    assert catalogue().closest_key(key) == closest


def test_what_entries_lack() -> None:
    assert catalogue().warnings == [
        "references.bib:7: entry 'leaflet' has no author. APA needs one: add author = "
        "{Surname, Given names}, or for an organisation author = {{Name of the organisation}}."
    ]


def test_every_reference_is_formatted_in_every_language() -> None:
    bibliography = parse_bibliography(BIB, "references.bib")
    formatted = format_catalogue(bibliography, year_suffixes=False)
    for work in formatted.works:
        for terms in TERMS.values():
            style = ApaStyle(terms, {})
            expected = style.format_html(bibliography.entries[work.key.lower()])
            assert formatted.reference_html(work, terms) == expected
    nice = formatted.work("nice2016")
    assert nice is not None
    assert "Geraadpleegd op 3 maart 2025" in formatted.reference_html(nice, TERMS["nl"])
    assert "Retrieved March 3, 2025" in formatted.reference_html(nice, TERMS["en"])


def test_the_catalogue_as_data_reads_back_the_same() -> None:
    original = catalogue()
    copy = Catalogue.from_data(original.to_data())
    assert copy.source == original.source
    assert copy.warnings == original.warnings
    assert copy.works == original.works
    assert copy.references == original.references
