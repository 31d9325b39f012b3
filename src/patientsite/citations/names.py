"""Authors' and editors' names as APA 7 writes and sorts them."""

import functools
import re
import unicodedata
from dataclasses import dataclass

from pybtex.database import Entry, Person

from patientsite.citations.latex import decode

# APA 7 lists up to 20 authors; from 21 on, the first 19, an ellipsis and the last one.
MAX_LISTED = 20
LISTED_BEFORE_ELLIPSIS = 19
# What str.isalnum() rejects: \w is exactly the characters it accepts, and _.
_NOT_LETTER_OR_DIGIT_RE = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Name:
    """One person or organisation, decoded from LaTeX."""

    surname: str
    """Family name with its particles as written ("van Tulder", "Ruiz Santiago"), or a group."""
    initials: str
    """Initials of the given names ("M. W.", "J.-P."); empty for a group author."""
    suffix: str
    """Generational suffix such as "Jr."; usually empty."""


@dataclass(frozen=True)
class NameList:
    """The authors (or editors) of a work."""

    names: tuple[Name, ...]
    """Everyone named, in order."""
    more: bool
    """True when the .bib ends the list with "and others": there are more than named."""

    def __bool__(self) -> bool:
        return bool(self.names)


def names_of(entry: Entry, role: str) -> NameList:
    """The names in an entry's author or editor field."""
    persons = entry.persons.get(role, [])
    more = bool(persons) and _is_others(persons[-1])
    named = persons[:-1] if more else persons
    return NameList(names=tuple(_name(person) for person in named), more=more)


@functools.cache
def reference_names(names: NameList) -> str:
    """Names for the author position of a reference: "Hall, A. M., & Maher, C. G."."""
    written = [_surname_first(name) for name in names.names]
    if names.more:
        return ", ".join([*written, "et al."])
    if len(written) > MAX_LISTED:
        return f"{', '.join(written[:LISTED_BEFORE_ELLIPSIS])}, … {written[-1]}"
    if len(written) == 1:
        return written[0]
    return f"{', '.join(written[:-1])}, & {written[-1]}"


def editor_names(names: NameList) -> str:
    """Editors after "In", initials first: "M. van Tulder & B. Koes"."""
    written = [_initials_first(name) for name in names.names]
    if names.more:
        return ", ".join([*written, "et al."])
    if len(written) <= 2:
        return " & ".join(written)
    return f"{', '.join(written[:-1])}, & {written[-1]}"


def cite_names(names: NameList) -> tuple[tuple[str, ...], bool]:
    """Surnames for an in-text citation, and whether "et al." follows them.

    APA 7: one or two authors are always named; three or more become "First et al.".
    """
    surnames = tuple(name.surname for name in names.names)
    count = len(surnames) + (1 if names.more else 0)
    if count <= 2 and not names.more:
        return surnames, False
    return surnames[:1], True


def sort_key(names: NameList) -> tuple[tuple[str, str], ...]:
    """Key that sorts name lists as APA 7 does: surname letter by letter, then initials.

    Particles count as written ("van Tulder" sorts under V); case, accents, spaces and
    punctuation are ignored. Comparing tuples gives APA's "nothing precedes something": a
    one-author work sorts before a work by the same author with co-authors.
    """
    return tuple(_sort_name(name) for name in names.names)


def sortable(text: str) -> str:
    """Lower-case letters and digits only, accents removed: "Ó Súille-Bháin" -> "osuillebhain"."""
    return _NOT_LETTER_OR_DIGIT_RE.sub("", unicodedata.normalize("NFKD", text.casefold()))


# The same people appear in many entries: normalise each name once.
@functools.cache
def _sort_name(name: Name) -> tuple[str, str]:
    return sortable(name.surname), sortable(name.initials)


def _is_others(person: Person) -> bool:
    return person.last_names == ["others"] and not (person.first_names or person.prelast_names)


def _name(person: Person) -> Name:
    return _decoded_name(
        tuple(person.prelast_names + person.last_names),
        tuple(person.first_names + person.middle_names),
        tuple(person.lineage_names),
    )


# The same people appear in many entries: decode each spelling once.
@functools.cache
def _decoded_name(
    surname: tuple[str, ...], given: tuple[str, ...], suffix: tuple[str, ...]
) -> Name:
    return Name(
        surname=" ".join(decode(part) for part in surname),
        initials=" ".join(_initials(decode(part)) for part in given),
        suffix=" ".join(decode(part) for part in suffix),
    )


def _initials(given_name: str) -> str:
    """ "Jean-Paul" -> "J.-P.", "Maurits" -> "M.", "J.M." -> "J. M."."""
    hyphenated = []
    for part in given_name.split("-"):
        pieces = [piece for piece in part.split(".") if piece]
        letters = [next((char for char in piece if char.isalpha()), "") for piece in pieces]
        hyphenated.append(" ".join(f"{letter.upper()}." for letter in letters if letter))
    return "-".join(part for part in hyphenated if part)


def _surname_first(name: Name) -> str:
    parts = [name.surname, name.initials, name.suffix]
    return ", ".join(part for part in parts if part)


def _initials_first(name: Name) -> str:
    written = f"{name.initials} {name.surname}".strip()
    return f"{written}, {name.suffix}" if name.suffix else written
