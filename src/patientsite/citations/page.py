"""The citations of one page: resolve keys, number the places that cite, report problems.

This is the handler the Markdown extension in syntax.py calls while it converts the page.
"""

import logging
from collections.abc import Callable

from patientsite.citations import render
from patientsite.citations.catalogue import Catalogue
from patientsite.citations.locale import Terms
from patientsite.citations.numbering import Work
from patientsite.citations.syntax import Citation, CitationLines, ReferenceSection

# Under "mkdocs" so that MkDocs counts our warnings and `mkdocs build --strict` fails on them.
log = logging.getLogger("mkdocs.plugins.patientsite.citations")

# The lists stand in the page as placeholders until the page is written (see plugin.py): the
# full list needs every page's citations, and neither list belongs in the search index.
REFERENCES_PLACEHOLDER = "<!-- patientsite-citations: reference list -->"
BIBLIOGRAPHY_PLACEHOLDER = "<!-- patientsite-citations: full reference list -->"


class PageCitations:
    """Collects one page's citations and writes their HTML."""

    def __init__(
        self,
        catalogue: Catalogue,
        terms: Terms,
        *,
        numeric: bool,
        append_references: bool,
        source_name: str,
        read_source: Callable[[], str],
    ) -> None:
        """`source_name` names the Markdown file in messages; `read_source` reads its text."""
        self.catalogue = catalogue
        self.terms = terms
        self.numeric = numeric
        self.append_references = append_references
        self.source_name = source_name
        self.cited: dict[str, list[str]] = {}
        """Ids of the places citing each work, by the work's lower-case key."""
        self.has_bibliography = False
        """Whether the page holds the [[bibliography]] marker."""
        self.references_html = ""
        """The page's reference list, once the page is converted; "" if it has none."""
        self._lines = CitationLines(read_source)
        self._count = 0

    def cite(self, citation: Citation) -> str:
        self._count += 1
        anchor = f"cite-{self._count}"
        occurrence = self._lines.count(citation.text)
        cited, unknown = [], []
        for item in citation.items:
            work = self.catalogue.work(item.key)
            if work is None:
                self._report_unknown(item.key, citation.text, occurrence)
                unknown.append(item.key)
                continue
            cited.append(render.Cited(item=item, work=work))
            places = self.cited.setdefault(work.key.lower(), [])
            if anchor not in places:
                places.append(anchor)
        return render.in_text(citation, cited, unknown, anchor, self.terms, self.numeric)

    def unreadable(self, text: str, problem: str) -> str:
        where = self._where(text, self._lines.count(text))
        log.warning(f"{where}: cannot read the citation {text}: {problem}.")
        return render.unreadable(text, self.terms)

    def references(self, has_marker: bool) -> ReferenceSection | None:
        if not self.cited:
            return None
        if not has_marker and not self.append_references:
            log.warning(
                f"{self.source_name}: this page cites works but has no [[references]] marker, "
                "so its reference list is missing. Add a paragraph with only [[references]] "
                "where the list should go."
            )
            return None
        entries = [
            render.PageEntry(
                work=work,
                reference=self.catalogue.reference_html(work, self.terms),
                citation_ids=tuple(self.cited[work.key.lower()]),
            )
            for work in self.cited_works()
        ]
        self.references_html = render.page_list(entries, self.terms, self.numeric)
        return ReferenceSection(
            heading=self.terms.references,
            anchor=self.terms.references_id,
            html=REFERENCES_PLACEHOLDER,
        )

    def fill_references(self, html: str) -> str:
        """The page's HTML with its reference list in place of the placeholder."""
        return html.replace(REFERENCES_PLACEHOLDER, self.references_html, 1)

    def bibliography(self) -> str:
        self.has_bibliography = True
        return BIBLIOGRAPHY_PLACEHOLDER

    def extra_marker(self) -> None:
        log.warning(
            f"{self.source_name}: [[references]] appears more than once; the list goes where "
            "the first one is. Remove the others."
        )

    def cited_works(self) -> list[Work]:
        """The works cited on this page, in reference list order."""
        works = [self.catalogue.work(key) for key in self.cited]
        return sorted((work for work in works if work), key=lambda work: work.number)

    def _report_unknown(self, key: str, text: str, occurrence: int) -> None:
        bibliography = self.catalogue.bibliography
        closest = bibliography.closest_key(key)
        hint = f"Did you mean '{closest}'?" if closest else "No key there looks like it."
        log.warning(
            f"{self._where(text, occurrence)}: unknown citation key '{key}' in {text}: "
            f"{bibliography.source} has no such entry. {hint} Correct the key, or add the "
            f"work to {bibliography.source}."
        )

    def _where(self, text: str, occurrence: int) -> str:
        line = self._lines.line(text, occurrence)
        return f"{self.source_name}:{line}" if line else self.source_name
