"""The bibliography, read once per build and numbered; references formatted once per language."""

from collections.abc import Iterable

from patientsite.citations.apa import ApaStyle
from patientsite.citations.bibliography import Bibliography
from patientsite.citations.locale import TERMS, Terms
from patientsite.citations.numbering import Work, number_works


class Catalogue:
    """Every work of a bibliography, in APA order, and its formatted reference per language."""

    def __init__(self, bibliography: Bibliography, *, year_suffixes: bool) -> None:
        """`year_suffixes`: write 2020a, 2020b where author-date citations would look alike."""
        self.bibliography = bibliography
        self.works: list[Work] = number_works(bibliography, year_suffixes)
        self._by_key = {work.key.lower(): work for work in self.works}
        self._suffixes = {work.key.lower(): work.year_suffix for work in self.works}
        self._styles: dict[str, ApaStyle] = {}
        # Formatting is the slow part: each entry is formatted at most once per language,
        # however many pages cite it and however many builds static-i18n runs.
        self._html: dict[tuple[str, str], str] = {}
        """HTML by (lower-case key, language)."""

    def __getstate__(self) -> dict[str, object]:
        # The styles are made again when needed; what they formatted travels (background.py).
        return {**self.__dict__, "_styles": {}}

    def work(self, key: str) -> Work | None:
        """The work with this key, whatever its upper/lower case, or None."""
        return self._by_key.get(key.lower())

    def format_all(self, languages: Iterable[Terms]) -> None:
        """Format every reference in every one of `languages` now (see background.py)."""
        for terms in languages:
            for work in self.works:
                self.reference_html(work, terms)

    def reference_html(self, work: Work, terms: Terms) -> str:
        """The work's APA reference as HTML, in the language of `terms`."""
        key = work.key.lower()
        cache_key = (key, terms.language)
        if cache_key not in self._html:
            style = self._styles.get(terms.language)
            if style is None:
                style = self._styles[terms.language] = ApaStyle(terms, self._suffixes)
            html = self._html[cache_key] = style.format_html(self.bibliography.entries[key])
            if not style.localized:
                # No word of the language in it (most articles): every language reads the same.
                for language in TERMS:
                    self._html.setdefault((key, language), html)
        return self._html[cache_key]
