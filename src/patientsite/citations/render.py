"""HTML for in-text citations, a page's reference list and the full reference list.

Every citation link points at the cited work's entry in the page's own list, so it works
without JavaScript; citations.js shows that entry in a popover on hover, focus and tap.
"""

import re
from dataclasses import dataclass
from html import escape

from patientsite.citations.locale import Terms
from patientsite.citations.numbering import Work
from patientsite.citations.syntax import Citation, CitationItem

ENDASH = "\u2013"
# Shown after a reference in a page's list; a text-style arrow (U+21A9 U+FE0E), not an emoji.
BACKLINK_ARROW = "\u21a9\ufe0e"
# Numeric citations join a run of at least this many consecutive numbers as "6-8".
MIN_RANGE = 3
_LINK_TAG_RE = re.compile(r"</?a\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Cited:
    """One work in an in-text citation, found in the bibliography."""

    item: CitationItem
    """The work as the author wrote it."""
    work: Work
    """The work."""


@dataclass(frozen=True)
class PageEntry:
    """One work in the reference list of a page."""

    work: Work
    """The work cited."""
    reference: str
    """Its formatted reference, HTML."""
    citation_ids: tuple[str, ...]
    """Ids of every place on the page that cites it, in order."""


@dataclass(frozen=True)
class FullEntry:
    """One work in the full reference list."""

    work: Work
    """The work."""
    reference: str
    """Its formatted reference, HTML."""
    cited_on: tuple[tuple[str, str], ...]
    """(page title, link) for every page that cites it, in this language."""


def without_links(html: str) -> str:
    """A citation's HTML with its links taken out, their text kept (for a citation that is
    itself inside a link); its id stays, so the reference list still links back to it."""
    return _LINK_TAG_RE.sub("", html)


def reference_id(work: Work) -> str:
    """Id of a work's entry in a page's reference list."""
    return f"ref-{work.key}"


def bibliography_id(work: Work) -> str:
    """Id of a work's entry in the full reference list (a page may hold both lists)."""
    return f"bib-{work.key}"


def in_text(
    citation: Citation,
    cited: list[Cited],
    unknown: list[str],
    anchor: str,
    terms: Terms,
    numeric: bool,
) -> str:
    """An in-text citation; `unknown` are keys the bibliography lacks, `anchor` its own id."""
    markers = [_unknown(key, terms) for key in unknown]
    if numeric:
        body = _numeric(citation, _unique_by_number(cited), markers, terms)
        # Numbers in brackets are short: they keep to one line ("[8, 16]"), never "[8," then
        # "16]" on the next; author-date citations can be long and may wrap.
        kind = "citation citation--numeric"
    else:
        body = _author_date(citation, _unique_by_number(cited), markers, terms)
        kind = "citation"
    return f'<span class="{kind}" id="{escape(anchor)}">{body}</span>'


def unreadable(text: str, terms: Terms) -> str:
    """Text that looked like a citation but was not readable, shown as written and marked."""
    return f'<span class="citation-unknown" title="{escape(terms.unknown)}">{escape(text)}</span>'


def page_list(entries: list[PageEntry], terms: Terms, numeric: bool) -> str:
    """The works cited on a page, each with links back to every place that cites it."""
    items = []
    for entry in entries:
        value = f' value="{entry.work.number}"' if numeric else ""
        items.append(
            f'<li id="{escape(reference_id(entry.work))}"{value}>'
            f'<span class="citation-reference">{entry.reference}</span> '
            f"{_backlinks(entry.citation_ids, terms)}</li>"
        )
    tag = "ol" if numeric else "ul"
    kind = "numeric" if numeric else "author-date"
    return f'<{tag} class="citations-list citations-{kind}">{"".join(items)}</{tag}>'


def full_list(entries: list[FullEntry], terms: Terms) -> str:
    """Every work of the bibliography, numbered, with links to the pages that cite it."""
    items = []
    for entry in entries:
        cited_on = ""
        if entry.cited_on:
            links = ", ".join(
                f'<a href="{escape(url)}">{escape(title)}</a>' for title, url in entry.cited_on
            )
            cited_on = f' <span class="citation-cited-on">{escape(terms.cited_on)}: {links}</span>'
        items.append(
            f'<li id="{escape(bibliography_id(entry.work))}">'
            f'<span class="citation-reference">{entry.reference}</span>{cited_on}</li>'
        )
    return f'<ol class="citations-list citations-bibliography">{"".join(items)}</ol>'


def _backlinks(citation_ids: tuple[str, ...], terms: Terms) -> str:
    if len(citation_ids) == 1:
        links = [_backlink(citation_ids[0], BACKLINK_ARROW, terms.backlink)]
    else:
        links = [
            _backlink(anchor, f"{BACKLINK_ARROW}{n}", terms.backlink_numbered.format(n=n))
            for n, anchor in enumerate(citation_ids, start=1)
        ]
    return f'<span class="citation-backlinks">{" ".join(links)}</span>'


def _backlink(anchor: str, text: str, label: str) -> str:
    return (
        f'<a class="citation-backlink" href="#{escape(anchor)}" aria-label="{escape(label)}">'
        f"{text}</a>"
    )


def _numeric(citation: Citation, known: list[Cited], unknown: list[str], terms: Terms) -> str:
    """ "[6, 10, 15]", "[6-8]" (en dash), "[6, p. 465]"; narrative "Chou et al. [6]"."""
    if citation.narrative and known:
        names = _names_html(known[0].work, terms.narrative_and)
        return f"{names} [{_number_with_locator(known[0], terms)}]"
    if any(c.item.locator for c in known):
        parts = [_number_with_locator(c, terms) for c in known]
        return f"[{'; '.join(parts + unknown)}]"
    return f"[{', '.join(_number_runs(known, terms) + unknown)}]"


def _number_runs(known: list[Cited], terms: Terms) -> list[str]:
    """Numbers with runs of three or more consecutive ones written as a range."""
    runs: list[list[Cited]] = []
    for c in known:
        if runs and _number(runs[-1][-1]) + 1 == _number(c):
            runs[-1].append(c)
        else:
            runs.append([c])
    parts: list[str] = []
    for run in runs:
        if len(run) < MIN_RANGE:
            parts.extend(_number_link(c, terms) for c in run)
            continue
        # Screen readers skip the dash and hear the works in between instead.
        between = "".join(f"{_spoken(c, terms)}, " for c in run[1:-1])
        parts.append(
            f'{_number_link(run[0], terms)}<span aria-hidden="true">{ENDASH}</span>'
            f'<span class="citation-sr-only">, {escape(between)}</span>'
            f"{_number_link(run[-1], terms)}"
        )
    return parts


def _number_with_locator(c: Cited, terms: Terms) -> str:
    link = _number_link(c, terms)
    return f"{link}, {escape(c.item.locator)}" if c.item.locator else link


def _number_link(c: Cited, terms: Terms) -> str:
    return _link(c, str(_number(c)), _spoken(c, terms))


def _spoken(c: Cited, terms: Terms) -> str:
    """A screen reader's name of a numbered citation: "Bron 6: Chou e.a., 2009"."""
    names = _names(c.work, terms.spoken_and, et_al=terms.spoken_et_al)
    return f"{terms.source} {c.work.number}: {names}, {_year(c.work, terms)}"


def _author_date(citation: Citation, known: list[Cited], unknown: list[str], terms: Terms) -> str:
    """ "(Chou et al., 2009; Hall & Maher, 2021)"; narrative "Chou et al. (2009)"."""
    if citation.narrative and known:
        c = known[0]
        inside = _with_locator(_year(c.work, terms), c.item.locator)
        return _link(c, f"{_names_html(c.work, terms.narrative_and)} ({escape(inside)})")
    parts: list[str] = []
    previous = None
    for c in known:
        names = _names(c.work, "&")
        year = _year(c.work, terms)
        if c.item.year_only:
            parts.append(_link(c, escape(_with_locator(year, c.item.locator))))
        elif names == previous and not c.item.locator:
            # APA 7: works by the same authors share one name: "(Chou et al., 2009, 2011)".
            parts[-1] += f", {_link(c, escape(year), f'{names}, {year}')}"
        else:
            text = f"{_names_html(c.work, '&')}, {escape(_with_locator(year, c.item.locator))}"
            parts.append(_link(c, text))
        previous = None if c.item.locator or c.item.year_only else names
    return f"({'; '.join(parts + unknown)})"


def _names(work: Work, joiner: str, et_al: str = "et al.") -> str:
    """ "Chou et al.", "Hall & Maher", or the title for a work without author; plain text."""
    names = f" {joiner} ".join(work.cite_names)
    return f"{names} {et_al}" if work.et_al else names


def _names_html(work: Work, joiner: str) -> str:
    """The names as HTML; a title standing in for them is italic, as APA 7 writes it."""
    names = escape(_names(work, joiner))
    return f"<em>{names}</em>" if work.title_cite else names


def _year(work: Work, terms: Terms) -> str:
    if work.year is None:
        return f"{terms.no_date}-{work.year_suffix}" if work.year_suffix else terms.no_date
    return f"{work.year}{work.year_suffix}"


def _with_locator(text: str, locator: str) -> str:
    return f"{text}, {locator}" if locator else text


def _link(c: Cited, html_text: str, label: str | None = None) -> str:
    aria = f' aria-label="{escape(label)}"' if label else ""
    return f'<a class="citation-link" href="#{escape(reference_id(c.work))}"{aria}>{html_text}</a>'


def _unknown(key: str, terms: Terms) -> str:
    return f'<span class="citation-unknown" title="{escape(terms.unknown)}">?{escape(key)}</span>'


def _number(c: Cited) -> int:
    return c.work.number


def _unique_by_number(cited: list[Cited]) -> list[Cited]:
    """Works sorted by number, each once (its first mention keeps its locator)."""
    seen: dict[int, Cited] = {}
    for c in cited:
        seen.setdefault(_number(c), c)
    return [seen[number] for number in sorted(seen)]
