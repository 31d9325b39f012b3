"""The citations of one page: look up keys, number the places that cite, report problems.

This is the handler the Markdown extension in syntax.py calls while it converts the page; it
needs the catalogue, and no MkDocs. Each citation's HTML is written as soon as the citation is
met, but Python-Markdown's output holds a placeholder for it, which fill_in_citations()
replaces: the table of contents then names a heading without the citation in it, and a citation
inside a link's text can be told from one outside it. The reference list is a placeholder too,
which fill_in_references() replaces. So a page is converted with

    handler = PageCitations(catalogue, terms, ...)
    extension.handler = handler
    html = handler.finish(markdown.Markdown(extensions=[extension]).convert(text))
"""

import logging
import re
from collections.abc import Callable

from patientsite.citations import render
from patientsite.citations.catalogue import Catalogue
from patientsite.citations.locale import Terms
from patientsite.citations.numbering import Work
from patientsite.citations.syntax import Citation, CitationLines, ReferenceSection

# Under "mkdocs" so that MkDocs counts our warnings and `mkdocs build --strict` fails on them.
log = logging.getLogger("mkdocs.plugins.patientsite.citations")

_CITATION_PLACEHOLDER = "<!--patientsite-citation:{number}-->"
_CITATION_PLACEHOLDER_RE = re.compile(r"<!--patientsite-citation:(\d+)-->")
REFERENCES_PLACEHOLDER = "<!-- patientsite-citations: reference list -->"
# The full list needs every page's citations: it stays a placeholder until the page is written
# (see plugin.py).
BIBLIOGRAPHY_PLACEHOLDER = "<!-- patientsite-citations: full reference list -->"
_LINK_START_RE = re.compile(r"<a[\s>]", re.IGNORECASE)
_LINK_END_RE = re.compile(r"</a\s*>", re.IGNORECASE)


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
        self.has_references = False
        """Whether the page shows its reference list."""
        self._lines = CitationLines(read_source)
        self._citations: list[str] = []
        """The HTML of each citation in the text, in order; the page holds placeholders."""
        self._readable = 0
        """Readable citations so far: they are numbered cite-1, cite-2, ...; unreadable ones
        get no id."""

    def cite(self, citation: Citation) -> str:
        self._readable += 1
        anchor = f"cite-{self._readable}"
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
        html = render.in_text(citation, cited, unknown, anchor, self.terms, self.numeric)
        return self._placeholder(html)

    def unreadable(self, text: str, problem: str) -> str:
        where = self._where(text, self._lines.count(text))
        log.warning(f"{where}: cannot read the citation {text}: {problem}.")
        return self._placeholder(render.unreadable(text, self.terms))

    def _placeholder(self, html: str) -> str:
        self._citations.append(html)
        return _CITATION_PLACEHOLDER.format(number=len(self._citations) - 1)

    def references(self, has_marker: bool) -> ReferenceSection | None:
        # A page that cites only unknown keys has nothing to list.
        if not self.cited:
            return None
        if not has_marker and not self.append_references:
            log.warning(
                f"{self.source_name}: this page cites works but has no [[references]] marker, "
                "so its reference list is missing. Add a paragraph with only [[references]] "
                "where the list should go."
            )
            return None
        self.has_references = True
        return ReferenceSection(
            heading=self.terms.references,
            anchor=self.terms.references_id,
            html=REFERENCES_PLACEHOLDER,
        )

    def bibliography(self) -> str:
        self.has_bibliography = True
        return BIBLIOGRAPHY_PLACEHOLDER

    def extra_marker(self) -> None:
        log.warning(
            f"{self.source_name}: [[references]] appears more than once; the list goes where "
            "the first one is. Remove the others."
        )

    def finish(self, html: str) -> str:
        """The converted page's HTML with its citations and reference list in place
        (the full list's placeholder stays: see BIBLIOGRAPHY_PLACEHOLDER)."""
        return self.fill_in_references(self.fill_in_citations(html))

    def fill_in_citations(self, html: str) -> str:
        """The converted page's HTML with each citation in place of its placeholder."""
        parts: list[str] = []
        position = 0
        open_links = 0
        for match in _CITATION_PLACEHOLDER_RE.finditer(html):
            before = html[position : match.start()]
            open_links += len(_LINK_START_RE.findall(before)) - len(_LINK_END_RE.findall(before))
            citation = self._citations[int(match[1])]
            # Inside a link's text ([see [@chou2009] here](scan.md)) a citation's own links
            # would nest, which HTML forbids and browsers cut short: it stays plain text there.
            parts += (before, render.without_links(citation) if open_links > 0 else citation)
            position = match.end()
        parts.append(html[position:])
        return "".join(parts)

    def fill_in_references(self, html: str) -> str:
        """The page's HTML (or the whole page written) with its reference list in place."""
        if not self.has_references:
            return html
        entries = [
            render.PageEntry(
                work=work,
                reference=self.catalogue.reference_html(work, self.terms),
                citation_ids=tuple(self.cited[work.key.lower()]),
            )
            for work in self.cited_works()
        ]
        references = render.page_list(entries, self.terms, self.numeric)
        return html.replace(REFERENCES_PLACEHOLDER, references, 1)

    def cited_works(self) -> list[Work]:
        """The works cited on this page, in reference list order."""
        works = [self.catalogue.work(key) for key in self.cited]
        return sorted((work for work in works if work), key=lambda work: work.number)

    def _report_unknown(self, key: str, text: str, occurrence: int) -> None:
        closest = self.catalogue.closest_key(key)
        hint = f"Did you mean '{closest}'?" if closest else "No key there looks like it."
        log.warning(
            f"{self._where(text, occurrence)}: unknown citation key '{key}' in {text}: "
            f"{self.catalogue.source} has no such entry. {hint} Correct the key, or add the "
            f"work to {self.catalogue.source}."
        )

    def _where(self, text: str, occurrence: int) -> str:
        line = self._lines.line(text, occurrence)
        return f"{self.source_name}:{line}" if line else self.source_name
