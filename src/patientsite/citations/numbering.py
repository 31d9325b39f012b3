"""The order of the full reference list (APA 7) and what follows from it.

A work's number is its position in that list, so it is the same on every page and in both
languages; the "a" and "b" of "2020a" follow the same order.
"""

import re
import string
from dataclasses import dataclass, replace

from pybtex.database import Entry

from patientsite.citations.bibliography import Bibliography, entry_date
from patientsite.citations.latex import decode
from patientsite.citations.names import NameList, cite_names, names_of, sort_key, sortable

# APA 7 ignores a leading article when it alphabetises by title.
_LEADING_ARTICLE_RE = re.compile(r"^(a|an|the)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Work:
    """One entry of the bibliography as the citations need it."""

    key: str
    """The key as written in the .bib file."""
    number: int
    """Position in the full reference list, from 1."""
    cite_names: tuple[str, ...]
    """Surnames for in-text citations: one or two; the title when there is no author."""
    et_al: bool
    """Whether "et al." follows cite_names (three or more authors)."""
    title_cite: bool
    """Whether cite_names holds the title because the work has no author or editor."""
    year: str | None
    """Year of publication as written, None for an undated work."""
    year_suffix: str
    """"a", "b", ... when works would otherwise have the same in-text citation; else ""."""


def number_works(bibliography: Bibliography, year_suffixes: bool) -> list[Work]:
    """All works of the bibliography in APA order, numbered from 1.

    `year_suffixes` is for the author-date style: numbers already tell works apart.
    """
    # Each entry's authors (or editors) are read once, for both its place and its citation.
    entries = [(entry, _creators(entry)) for entry in bibliography.entries.values()]
    entries.sort(key=lambda pair: _apa_order(*pair))
    works = [
        _work(entry, creators, number) for number, (entry, creators) in enumerate(entries, start=1)
    ]
    return _with_year_suffixes(works) if year_suffixes else works


def _creators(entry: Entry) -> NameList:
    """The authors, or the editors of a work without authors (APA 7 puts them in that place)."""
    return names_of(entry, "author") or names_of(entry, "editor")


def _apa_order(
    entry: Entry, creators: NameList
) -> tuple[tuple[tuple[str, str], ...], tuple[int, str], str, str]:
    """APA 7 (9.44-9.47): authors letter by letter, then year (undated first), then title."""
    title = sortable(_LEADING_ARTICLE_RE.sub("", decode(entry.fields.get("title", ""))))
    # A work without author or editor is alphabetised by its title, in the author position.
    who = sort_key(creators) if creators else ((title, ""),)
    year, _, _ = entry_date(entry)
    return (who, (0, "") if year is None else (1, year), title, entry.key.lower())


def _work(entry: Entry, creators: NameList, number: int) -> Work:
    if creators:
        names, et_al = cite_names(creators)
    else:
        names, et_al = (decode(entry.fields.get("title", entry.key)),), False
    return Work(
        key=entry.key,
        number=number,
        cite_names=names,
        et_al=et_al,
        title_cite=not creators,
        year=entry_date(entry)[0],
        year_suffix="",
    )


def _with_year_suffixes(works: list[Work]) -> list[Work]:
    """Give a, b, ... to works that would get the same in-text citation, in list order.

    APA 7 does this for the same authors in the same year; doing it whenever the citation
    text would be the same (e.g. two "Chou et al., 2009" with other co-authors) keeps every
    author-date citation unambiguous.
    """
    groups: dict[tuple[tuple[str, ...], bool, str | None], list[int]] = {}
    for index, work in enumerate(works):
        groups.setdefault((work.cite_names, work.et_al, work.year), []).append(index)
    suffixed = list(works)
    for indexes in groups.values():
        if len(indexes) > 1:
            for position, index in enumerate(indexes):
                suffixed[index] = replace(works[index], year_suffix=_letters(position))
    return suffixed


def _letters(position: int) -> str:
    """a, b, ..., z, aa, ab, ... for positions 0, 1, ..."""
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = string.ascii_lowercase[remainder] + letters
    return letters
