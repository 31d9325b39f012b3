"""The localized terms: one table per language, each complete."""

from dataclasses import fields
from datetime import date

import pytest

from patientsite.citations.locale import TERMS, terms_for


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_term_is_filled_in(language: str) -> None:
    terms = TERMS[language]
    for field in fields(terms):
        assert getattr(terms, field.name), field.name


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "March 3, 2025"), ("nl", "3 maart 2025")],
)
def test_full_date(language: str, expected: str) -> None:
    assert TERMS[language].date(date(2025, 3, 3)) == expected


@pytest.mark.parametrize(
    ("language", "numbers", "expected"),
    [
        (
            "en",
            [1, 2, 3, 4, 11, 12, 13, 21, 22, 101],
            "1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 101st",
        ),
        ("nl", [1, 2, 3, 11, 21], "1e 2e 3e 11e 21e"),
    ],
)
def test_ordinals(language: str, numbers: list[int], expected: str) -> None:
    assert " ".join(TERMS[language].ordinal(n) for n in numbers) == expected


@pytest.mark.parametrize(
    ("locale", "language"),
    [("nl", "nl"), ("nl_BE", "nl"), ("en-GB", "en"), ("EN", "en"), ("de", None)],
)
def test_terms_for_a_locale(locale: str, language: str | None) -> None:
    terms = terms_for(locale)
    assert (terms.language if terms else None) == language


def test_ampersand_and_et_al_are_not_translated() -> None:
    # APA's Dutch usage keeps "&" and "et al."; only spoken and narrative words differ.
    assert TERMS["nl"].narrative_and == "en"
    assert TERMS["nl"].spoken_et_al == "e.a."
    assert TERMS["en"].spoken_et_al == "et al."
