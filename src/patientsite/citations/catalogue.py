"""The bibliography, read once per build and numbered; references formatted once per language."""

import difflib
from collections.abc import Iterable
from dataclasses import astuple
from typing import Any

from pybtex.database import Entry

from patientsite.citations.apa import ApaStyle
from patientsite.citations.bibliography import Bibliography, missing_fields
from patientsite.citations.locale import TERMS, Terms
from patientsite.citations.numbering import Work, number_works


class Catalogue:
    """Every work of a bibliography, in APA order, and its formatted reference per language."""

    def __init__(self, bibliography: Bibliography, *, year_suffixes: bool) -> None:
        """`year_suffixes`: write 2020a, 2020b where author-date citations would look alike."""
        self.source = bibliography.source
        """How messages name the .bib file."""
        self.warnings = missing_fields(bibliography)
        """What entries lack that APA needs, one message each."""
        self._use_works(number_works(bibliography, year_suffixes))
        self._entries: dict[str, Entry] | None = bibliography.entries
        """pybtex's entries, by lower-case key; None in a copy made by formatted()."""
        self._styles: dict[str, ApaStyle] = {}
        # Formatting is the slow part: each entry is formatted at most once per language,
        # however many pages cite it and however many builds static-i18n runs.
        self._html: dict[tuple[str, str], str] = {}
        """HTML by (lower-case key, language)."""

    def work(self, key: str) -> Work | None:
        """The work with this key, whatever its upper/lower case, or None."""
        return self._by_key.get(key.lower())

    def closest_key(self, key: str) -> str | None:
        """The known key most like a mistyped one, for "did you mean ...?"."""
        matches = difflib.get_close_matches(key.lower(), self._by_key, n=1, cutoff=0.6)
        return self._by_key[matches[0]].key if matches else None

    def formatted(self, languages: Iterable[Terms]) -> "Catalogue":
        """A copy with every reference formatted in every one of `languages`, and without
        pybtex's entries, so that it can be written as JSON (to_data). It cannot format
        anything else."""
        for terms in languages:
            for work in self.works:
                self.reference_html(work, terms)
        return self._formatted_only(self.source, self.warnings, self.works, dict(self._html))

    def to_data(self) -> dict[str, Any]:
        """A copy made by formatted() as plain data for JSON, so that reading it back (from the
        worker process or the cache) can never run code."""
        return {
            "source": self.source,
            "warnings": self.warnings,
            "works": [astuple(work) for work in self.works],
            "references": [[key, language, html] for (key, language), html in self._html.items()],
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "Catalogue":
        """The catalogue that to_data() gave; ValueError, KeyError or TypeError if `data` is
        not such data."""
        works = [
            Work(key, number, tuple(names), et_al, title_cite, year, suffix)
            for key, number, names, et_al, title_cite, year, suffix in data["works"]
        ]
        html = {(key, language): html for key, language, html in data["references"]}
        return cls._formatted_only(data["source"], data["warnings"], works, html)

    @classmethod
    def _formatted_only(
        cls, source: str, warnings: list[str], works: list[Work], html: dict[tuple[str, str], str]
    ) -> "Catalogue":
        catalogue = object.__new__(cls)
        catalogue.source = source
        catalogue.warnings = warnings
        catalogue._use_works(works)
        catalogue._entries = None
        catalogue._styles = {}
        catalogue._html = html
        return catalogue

    def _use_works(self, works: list[Work]) -> None:
        self.works = works
        self._by_key = {work.key.lower(): work for work in works}
        self._suffixes = {work.key.lower(): work.year_suffix for work in works}

    def reference_html(self, work: Work, terms: Terms) -> str:
        """The work's APA reference as HTML, in the language of `terms`."""
        key = work.key.lower()
        cache_key = (key, terms.language)
        if cache_key not in self._html:
            if self._entries is None:
                raise LookupError(f"{work.key} was not formatted in '{terms.language}'")
            style = self._styles.get(terms.language)
            if style is None:
                style = self._styles[terms.language] = ApaStyle(terms, self._suffixes)
            html = self._html[cache_key] = style.format_html(self._entries[key])
            if not style.localized:
                # No word of the language in it (most articles): every language reads the same.
                for language in TERMS:
                    self._html.setdefault((key, language), html)
        return self._html[cache_key]
