"""The bibliography numbered, with every reference formatted in every language."""

import difflib
from dataclasses import astuple
from typing import Any

from patientsite.citations.apa import ApaStyle
from patientsite.citations.bibliography import Bibliography, missing_fields
from patientsite.citations.locale import TERMS, Terms
from patientsite.citations.numbering import Work, number_works


class Catalogue:
    """Every work of a bibliography, in APA order, and its formatted reference per language.

    It holds plain data only, so that it can be kept as JSON between builds (cache.py).
    """

    def __init__(
        self,
        source: str,
        warnings: list[str],
        works: list[Work],
        references: dict[tuple[str, str], str],
    ) -> None:
        self.source = source
        """How messages name the .bib file."""
        self.warnings = warnings
        """What entries lack that APA needs, one message each."""
        self.works = works
        """Every work, in the order of the full reference list."""
        self.references = references
        """Each work's reference as HTML, by (lower-case key, language)."""
        self._by_key = {work.key.lower(): work for work in works}

    def work(self, key: str) -> Work | None:
        """The work with this key, whatever its upper/lower case, or None."""
        return self._by_key.get(key.lower())

    def closest_key(self, key: str) -> str | None:
        """The known key most like a mistyped one, for "did you mean ...?"."""
        matches = difflib.get_close_matches(key.lower(), self._by_key, n=1, cutoff=0.6)
        return self._by_key[matches[0]].key if matches else None

    def reference_html(self, work: Work, terms: Terms) -> str:
        """The work's APA reference as HTML, in the language of `terms`."""
        return self.references[(work.key.lower(), terms.language)]

    def to_data(self) -> dict[str, Any]:
        """The catalogue as plain data for JSON, so that reading it back can never run code."""
        return {
            "source": self.source,
            "warnings": self.warnings,
            "works": [astuple(work) for work in self.works],
            "references": [
                [key, language, html] for (key, language), html in self.references.items()
            ],
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "Catalogue":
        """The catalogue that to_data() gave; ValueError, KeyError or TypeError if `data` is
        not such data."""
        works = [
            Work(key, number, tuple(names), et_al, title_cite, year, suffix)
            for key, number, names, et_al, title_cite, year, suffix in data["works"]
        ]
        references = {(key, language): html for key, language, html in data["references"]}
        return cls(data["source"], data["warnings"], works, references)


def format_catalogue(bibliography: Bibliography, *, year_suffixes: bool) -> Catalogue:
    """Number the works and format each one in every language of locale.py.

    `year_suffixes`: write 2020a, 2020b where author-date citations would look alike.
    """
    works = number_works(bibliography, year_suffixes)
    suffixes = {work.key.lower(): work.year_suffix for work in works}
    styles = [ApaStyle(terms, suffixes) for terms in TERMS.values()]
    references: dict[tuple[str, str], str] = {}
    for work in works:
        key = work.key.lower()
        entry = bibliography.entries[key]
        for style in styles:
            html = references[(key, style.terms.language)] = style.format_html(entry)
            if not style.localized:
                # No word of the language in it (most articles): every language reads the
                # same, and formatting is the slow part.
                for language in TERMS:
                    references[(key, language)] = html
                break
    return Catalogue(bibliography.source, missing_fields(bibliography), works, references)
