"""Citations and list markers in Markdown, found with Python-Markdown's own machinery.

Citations are an inline pattern: by the time it runs, Python-Markdown has turned code spans and
code blocks into atomic text or stashed HTML, so a citation inside code is never touched. The
markers are a block processor, so they count only as a paragraph of their own. What a citation
or list looks like is left to a handler (see page.py); this module only finds them.

Syntax (pandoc's):
    [@chou2009]                 one work
    [@chou2009; @hall2021]      several works
    [@chou2009, p. 465]         a locator after a comma
    [+@chou2009]                narrative: "Chou et al. (2009)" / "Chou et al. [6]"
    [-@chou2009]                year only: "(2009)"
The "[" before "@" is what makes a citation, so e-mail addresses and a bare @word never are.
"""

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

# Letters, digits and _ - : . / (the same characters bibliography.KEY_RE allows).
KEY = r"[\w:./-]+"
# "[" then optional space, "+" or "-", "@"; never followed by "(" (then it is a link's text).
CITATION_PATTERN = r"\[(?=\s*[-+]?@)([^\[\]]*)\](?!\()"
CITATION_RE = re.compile(CITATION_PATTERN)
_ITEM_RE = re.compile(rf"\s*([-+]?)@({KEY})\s*(?:,\s*(.*?))?\s*", re.DOTALL)

REFERENCES_MARKER = "[[references]]"
BIBLIOGRAPHY_MARKER = "[[bibliography]]"
_MARKER_ATTRIBUTE = "data-patientsite-citations-marker"

_FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN_RE = re.compile(r"(`+).+?\1")


class CitationSyntaxError(Exception):
    """Text that starts like a citation but cannot be read as one; says what to write."""


@dataclass(frozen=True)
class CitationItem:
    """One work inside a citation."""

    key: str
    """The key as the author wrote it."""
    locator: str
    """What follows the comma, e.g. "p. 465"; "" if nothing."""
    year_only: bool
    """Written [-@key]: the author is named in the sentence, so only the year is shown."""


@dataclass(frozen=True)
class Citation:
    """One citation as written in Markdown."""

    text: str
    """The citation as written, e.g. "[@chou2009, p. 465]"."""
    items: tuple[CitationItem, ...]
    """The works cited, in the order written."""
    narrative: bool
    """Written [+@key]: the author's name becomes part of the sentence."""


@dataclass(frozen=True)
class ReferenceSection:
    """The list of works cited on a page, placed at the marker or at the end."""

    heading: str
    """Text of the h2 above the list."""
    anchor: str
    """HTML id of that h2."""
    html: str
    """The list itself."""


class CitationHandler(Protocol):
    """Turns what this module finds into HTML; one per page."""

    def cite(self, citation: Citation) -> str:
        """HTML for an in-text citation."""

    def unreadable(self, text: str, problem: str) -> str:
        """HTML for text that looks like a citation but is not one; reports the problem."""

    def references(self, has_marker: bool) -> ReferenceSection | None:
        """The page's reference list, or None when there is nothing to show."""

    def bibliography(self) -> str:
        """HTML that stands for the full reference list."""

    def extra_marker(self) -> None:
        """Reports a second [[references]] marker on one page."""


def parse_citation(text: str) -> Citation:
    """Read "[@key1, p. 4; @key2]"; raise CitationSyntaxError if it is not a citation."""
    match = CITATION_RE.fullmatch(text)
    if not match:
        raise CitationSyntaxError(f"'{text}' is not a citation")
    items = []
    narrative = False
    for part in match[1].split(";"):
        item = _ITEM_RE.fullmatch(part)
        if not item:
            raise CitationSyntaxError(
                f"'{part.strip()}' is not a work to cite. Write [@key], [@key, p. 4] or "
                "[@key1; @key2]; keys hold letters, digits and _ - : . / only"
            )
        narrative = narrative or item[1] == "+"
        items.append(CitationItem(key=item[2], locator=item[3] or "", year_only=item[1] == "-"))
    if narrative and len(items) > 1:
        raise CitationSyntaxError(
            "the narrative form [+@key] names one work. Write [+@key1] and [+@key2] separately"
        )
    return Citation(text=text, items=tuple(items), narrative=narrative)


class CitationLines:
    """Source lines of citations, for messages: Python-Markdown keeps no line numbers.

    The n-th time the inline pattern meets a citation text is matched to its n-th occurrence
    outside code in the source; the source is scanned only if a message needs a line.
    """

    def __init__(self, read_source: Callable[[], str]) -> None:
        self._read_source = read_source
        self._source = ""
        self._lines: dict[str, list[int]] | None = None
        self._seen: dict[str, int] = {}

    def count(self, text: str) -> int:
        """Note that a citation was met; returns how many times it was met before."""
        seen = self._seen.get(text, 0)
        self._seen[text] = seen + 1
        return seen

    def line(self, text: str, occurrence: int) -> int | None:
        """The line of the given occurrence of a citation text, None if it cannot be found."""
        if self._lines is None:
            self._source = self._read_source()
            self._lines = _citation_lines(self._source)
        lines = self._lines.get(text)
        if lines:
            return lines[min(occurrence, len(lines) - 1)]
        # A citation spread over two lines: fall back to the line where it starts.
        first = self._source.find(text.split("\n")[0])
        return self._source.count("\n", 0, first) + 1 if first >= 0 else None


def code_free_lines(source: str) -> list[str]:
    """The source's lines with fenced code blanked and code spans removed (line numbers kept).

    For reading citations straight from the source (line numbers, page outlines), where
    Python-Markdown's own protection of code is not at hand.
    """
    lines = []
    fence = ""
    for line in source.splitlines():
        if fence_match := _FENCE_RE.match(line):
            mark = fence_match[1]
            if not fence:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence):
                fence = ""
            lines.append("")
        else:
            lines.append("" if fence else _CODE_SPAN_RE.sub("", line))
    return lines


def cited_keys(text: str) -> set[str]:
    """The keys of every readable citation in the text, as written (unreadable ones skipped:
    the build reports those)."""
    keys: set[str] = set()
    for match in CITATION_RE.finditer(text):
        try:
            keys.update(item.key for item in parse_citation(match[0]).items)
        except CitationSyntaxError:
            continue
    return keys


def _citation_lines(source: str) -> dict[str, list[int]]:
    lines: dict[str, list[int]] = {}
    for number, line in enumerate(code_free_lines(source), start=1):
        for match in CITATION_RE.finditer(line):
            lines.setdefault(match[0], []).append(number)
    return lines


class CitationsExtension(Extension):
    """Python-Markdown extension; the plugin sets `handler` before each page is converted."""

    def __init__(self) -> None:
        super().__init__()
        self.handler: CitationHandler | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        # After code spans (190) and backslash escapes (180), before links (160): code and
        # \[@key] stay text, and [@key] is ours before the link pattern sees brackets.
        md.inlinePatterns.register(_CitationProcessor(self, md), "patientsite-citation", 175)
        # Before paragraphs (10), after everything that owns a block (code, lists, quotes).
        md.parser.blockprocessors.register(
            _MarkerProcessor(md.parser), "patientsite-citation-marker", 12
        )
        # After inline patterns (20), so every citation is known; before the table of
        # contents (5), so the "References" heading is in it.
        md.treeprocessors.register(_ListPlacer(self, md), "patientsite-citation-lists", 15)


class _CitationProcessor(InlineProcessor):
    def __init__(self, extension: CitationsExtension, md: Markdown) -> None:
        super().__init__(CITATION_PATTERN, md)
        self.extension = extension

    # Markdown's InlineProcessor itself changes the signature of Pattern.handleMatch, which
    # it subclasses; its stubs silence the same error.
    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[str | None, int | None, int | None]:
        handler = self.extension.handler
        if handler is None:
            return None, None, None
        text = self.unescape(m[0])
        try:
            citation = parse_citation(text)
        except CitationSyntaxError as error:
            html = handler.unreadable(text, str(error))
        else:
            html = handler.cite(citation)
        return self.md.htmlStash.store(html), m.start(0), m.end(0)


class _MarkerProcessor(BlockProcessor):
    def test(self, parent: etree.Element, block: str) -> bool:
        return block.strip() in (REFERENCES_MARKER, BIBLIOGRAPHY_MARKER)

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        marker = blocks.pop(0).strip()
        etree.SubElement(parent, "div", {_MARKER_ATTRIBUTE: marker})


class _ListPlacer(Treeprocessor):
    def __init__(self, extension: CitationsExtension, md: Markdown) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        markers = [
            (parent, child)
            for parent in root.iter()
            for child in parent
            if child.get(_MARKER_ATTRIBUTE)
        ]
        handler = self.extension.handler
        if handler is None:
            for parent, marker in markers:
                parent.remove(marker)
            return
        reference_markers = []
        for parent, marker in markers:
            if marker.get(_MARKER_ATTRIBUTE) == BIBLIOGRAPHY_MARKER:
                self._replace(parent, marker, [self._raw(handler.bibliography())])
            else:
                reference_markers.append((parent, marker))
        for parent, marker in reference_markers[1:]:
            handler.extra_marker()
            parent.remove(marker)
        section = handler.references(has_marker=bool(reference_markers))
        elements = self._section(section) if section else []
        if reference_markers:
            self._replace(*reference_markers[0], elements)
        else:
            root.extend(elements)

    def _section(self, section: ReferenceSection) -> list[etree.Element]:
        # The search plugin leaves out a section whose heading is marked so.
        heading = etree.Element("h2", {"id": section.anchor, "data-search-exclude": ""})
        heading.text = section.heading
        return [heading, self._raw(section.html)]

    def _raw(self, html: str) -> etree.Element:
        # A paragraph holding only a stash placeholder is replaced by the raw HTML itself.
        paragraph = etree.Element("p")
        paragraph.text = self.md.htmlStash.store(html)
        return paragraph

    @staticmethod
    def _replace(
        parent: etree.Element, marker: etree.Element, elements: list[etree.Element]
    ) -> None:
        index = list(parent).index(marker)
        parent.remove(marker)
        for offset, element in enumerate(elements):
            parent.insert(index + offset, element)
