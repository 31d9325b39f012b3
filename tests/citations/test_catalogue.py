"""The catalogue: works by key, "did you mean", and a formatted copy to send between processes."""

import pickle

import pytest

from patientsite.citations.bibliography import parse_bibliography
from patientsite.citations.catalogue import Catalogue
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
    return Catalogue(parse_bibliography(BIB, "references.bib"), year_suffixes=False)


@pytest.mark.parametrize(
    ("key", "closest"), [("chuo2009", "chou2009"), ("NICE2061", "nice2016"), ("zzz", None)]
)
def test_closest_key(key: str, closest: str | None) -> None:
    assert catalogue().closest_key(key) == closest


def test_what_entries_lack_is_known_without_the_entries() -> None:
    formatted = catalogue().formatted(TERMS.values())
    assert formatted.source == "references.bib"
    assert formatted.warnings == [
        "references.bib:7: entry 'leaflet' has no author. APA needs one: add author = "
        "{Surname, Given names}, or for an organisation author = {{Name of the organisation}}."
    ]


def test_formatted_copy_holds_every_reference_and_no_entries() -> None:
    full = catalogue()
    formatted = full.formatted(TERMS.values())
    for work in full.works:
        for terms in TERMS.values():
            assert formatted.reference_html(work, terms) == full.reference_html(work, terms)
    assert "Geraadpleegd op 3 maart 2025" in formatted.reference_html(
        formatted.work("nice2016"), TERMS["nl"]
    )
    assert len(pickle.dumps(formatted)) < len(pickle.dumps(full)) / 2


def test_formatted_copy_cannot_format_another_language() -> None:
    formatted = catalogue().formatted([TERMS["en"]])
    work = formatted.work("nice2016")
    with pytest.raises(LookupError, match="nice2016 was not formatted in 'nl'"):
        formatted.reference_html(work, TERMS["nl"])
