"""The citations of one page: resolve keys, number the places that cite, report problems.

This is the handler the Markdown extension in syntax.py calls while it converts the page. The
conversion only notes each citation: keys are looked up in resolve(), once the bibliography has
been read (see plugin.py), so that no page has to wait for it.
"""

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

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
# So does the markup of each citation in the text: a comment, to which resolve() adds the
# citation's text, so that the search plugin indexes that text ("Chou et al. [6]"). Its HTML
# parser took longer over the citations' links and labels than over all the rest of a page, and
# each comment costs it a little too: one per citation, none to close it (see fill_in()).
_CITATION_PLACEHOLDER = "<!--patientsite-citation:{number}-->{text}"
_CITATION_PLACEHOLDER_RE = re.compile(r"<!--patientsite-citation:(\d+)-->")
_TAG_RE = re.compile(r"<[^>]*>")
_LINK_START_RE = re.compile(r"<a[\s>]", re.IGNORECASE)
_LINK_END_RE = re.compile(r"</a\s*>", re.IGNORECASE)
# Where the heading of the reference list starts: a page whose every key is unknown has no list,
# and resolve() removes the heading with it.
_SECTION_START = "<!-- patientsite-citations: reference section -->"
_SECTION_START_RE = re.compile(re.escape(_SECTION_START) + r"\n?")
_SECTION_RE = re.compile(
    r"\n?" + re.escape(_SECTION_START) + ".*?" + re.escape(REFERENCES_PLACEHOLDER), re.DOTALL
)


@dataclass(frozen=True)
class _Noted:
    """A citation as the conversion met it."""

    citation: Citation
    occurrence: int
    """How many times the same text was met before on the page (see CitationLines)."""
    anchor: str
    """The citation's id in the page."""


class PageCitations:
    """Collects one page's citations and writes their HTML."""

    def __init__(
        self,
        terms: Terms,
        *,
        numeric: bool,
        append_references: bool,
        source_name: str,
        read_source: Callable[[], str],
    ) -> None:
        """`source_name` names the Markdown file in messages; `read_source` reads its text."""
        self.terms = terms
        self.numeric = numeric
        self.append_references = append_references
        self.source_name = source_name
        self.catalogue: Catalogue | None = None
        """The bibliography, from resolve() on."""
        self.cited: dict[str, list[str]] = {}
        """Ids of the places citing each work, by the work's lower-case key (see resolve())."""
        self.has_bibliography = False
        """Whether the page holds the [[bibliography]] marker."""
        self.has_references = False
        """Whether the page shows its reference list (made in fill_in)."""
        self._lines = CitationLines(read_source)
        self._citations: list[_Noted | str] = []
        """Each citation in the text, in order, or the HTML of an unreadable one. The page
        holds placeholders."""
        self._in_text: list[str] = []
        """The HTML of each citation in the text, in order (see resolve())."""
        self._visible: list[str] = []
        """The text of each citation, which resolve() puts after its placeholder."""
        self._readable = 0
        """Readable citations so far: they are numbered cite-1, cite-2, ...; unreadable ones
        get no id."""
        self._missing_marker = False
        """Whether the page cites but has nowhere to put its list (see references())."""

    def cite(self, citation: Citation) -> str:
        self._readable += 1
        anchor = f"cite-{self._readable}"
        self._citations.append(_Noted(citation, self._lines.count(citation.text), anchor))
        return self._placeholder(len(self._citations) - 1, "")

    def unreadable(self, text: str, problem: str) -> str:
        where = self._where(text, self._lines.count(text))
        log.warning(f"{where}: cannot read the citation {text}: {problem}.")
        self._citations.append(render.unreadable(text, self.terms))
        return self._placeholder(len(self._citations) - 1, "")

    def references(self, has_marker: bool) -> ReferenceSection | None:
        if not self._readable:
            return None
        if not has_marker and not self.append_references:
            self._missing_marker = True  # reported by resolve(), if a key is known
            return None
        self.has_references = True
        return ReferenceSection(
            heading=self.terms.references,
            anchor=self.terms.references_id,
            html=REFERENCES_PLACEHOLDER,
            before=_SECTION_START,
        )

    def resolve(self, catalogue: Catalogue, html: str) -> str:
        """Look up every citation's works, report unknown keys, and return the page's HTML
        with the text of each citation after its placeholder.

        A page that cites only unknown keys loses its reference list, heading and all; its
        `has_references` becomes False.
        """
        self.catalogue = catalogue
        self.cited = {}
        self._in_text = []
        for noted in self._citations:
            html_of_citation = noted if isinstance(noted, str) else self._resolve(catalogue, noted)
            self._in_text.append(render.narrow(html_of_citation))
        if self._missing_marker and self.cited:
            log.warning(
                f"{self.source_name}: this page cites works but has no [[references]] marker, "
                "so its reference list is missing. Add a paragraph with only [[references]] "
                "where the list should go."
            )
        self._visible = [_TAG_RE.sub("", citation) for citation in self._in_text]
        html = _CITATION_PLACEHOLDER_RE.sub(
            lambda match: self._placeholder(int(match[1]), self._visible[int(match[1])]), html
        )
        if not self.has_references:
            return html
        if self.cited:
            return _SECTION_START_RE.sub("", html, count=1)
        self.has_references = False
        return _SECTION_RE.sub("", html, count=1)

    def _resolve(self, catalogue: Catalogue, noted: _Noted) -> str:
        cited, unknown = [], []
        for item in noted.citation.items:
            work = catalogue.work(item.key)
            if work is None:
                self._report_unknown(catalogue, item.key, noted.citation.text, noted.occurrence)
                unknown.append(item.key)
                continue
            cited.append(render.Cited(item=item, work=work))
            places = self.cited.setdefault(work.key.lower(), [])
            if noted.anchor not in places:
                places.append(noted.anchor)
        return render.in_text(
            noted.citation, cited, unknown, noted.anchor, self.terms, self.numeric
        )

    def _placeholder(self, number: int, text: str) -> str:
        return _CITATION_PLACEHOLDER.format(number=number, text=text)

    def fill_in(self, html: str) -> str:
        """The page's HTML with its citations and reference list in place of the placeholders.

        Called when the page is about to be written, after the search plugin has indexed it:
        the citations' markup and the list stay out of the index.
        """
        if self._in_text:
            html = self._fill_in_citations(html)
        if not self.has_references or self.catalogue is None:
            return html
        entries = [
            render.PageEntry(
                work=work,
                reference=self.catalogue.reference_html(work, self.terms),
                citation_ids=tuple(self.cited[work.key.lower()]),
            )
            for work in self.cited_works()
        ]
        references = render.narrow(render.page_list(entries, self.terms, self.numeric))
        return html.replace(REFERENCES_PLACEHOLDER, references, 1)

    def _fill_in_citations(self, html: str) -> str:
        """Each placeholder and the citation's text after it replaced by the citation's HTML.

        Should the text no longer follow its placeholder (another plugin changed the page),
        the HTML goes in anyway and the text stays: nothing of the page is lost.
        """
        parts = []
        position = 0
        open_links = 0
        for match in _CITATION_PLACEHOLDER_RE.finditer(html):
            number = int(match[1])
            end = match.end()
            if html.startswith(self._visible[number], end):
                end += len(self._visible[number])
            before = html[position : match.start()]
            open_links += len(_LINK_START_RE.findall(before)) - len(_LINK_END_RE.findall(before))
            citation = self._in_text[number]
            # Inside a link's text ([see [@chou2009] here](scan.md)) a citation's own links
            # would nest, which HTML forbids and browsers cut short: it stays plain text there.
            parts += (before, render.without_links(citation) if open_links > 0 else citation)
            position = end
        parts.append(html[position:])
        return "".join(parts)

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
        if self.catalogue is None:
            return []
        works = [self.catalogue.work(key) for key in self.cited]
        return sorted((work for work in works if work), key=lambda work: work.number)

    def _report_unknown(self, catalogue: Catalogue, key: str, text: str, occurrence: int) -> None:
        closest = catalogue.closest_key(key)
        hint = f"Did you mean '{closest}'?" if closest else "No key there looks like it."
        log.warning(
            f"{self._where(text, occurrence)}: unknown citation key '{key}' in {text}: "
            f"{catalogue.source} has no such entry. {hint} Correct the key, or add the "
            f"work to {catalogue.source}."
        )

    def _where(self, text: str, occurrence: int) -> str:
        line = self._lines.line(text, occurrence)
        return f"{self.source_name}:{line}" if line else self.source_name
