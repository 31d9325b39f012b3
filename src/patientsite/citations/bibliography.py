"""Read references.bib strictly: every entry whole, or an error that says where and how to fix it.

pybtex's own error handling either raises without the entry's line or, in non-strict mode, drops
fields silently. We drive its BibTeX scanner ourselves so that every error names the file, the line
where the entry starts and the entry's key, and the build never goes on with part of the file.

pybtex's scanner reads a token at a time, which is most of the time it takes to read a large file.
A file of nothing but plain entries (the usual kind) is read with one regular expression per entry
instead; anything else, and every file with a mistake in it, is read by pybtex's scanner, so what
is accepted and what each error says stay pybtex's.

Two mistakes pybtex lets through or reports far from their cause are ours to name: text between
entries that is not a % comment line (BibTeX skips it; most often it is the rest of an entry
that a } too many closed early), and a value left open (pybtex notices where the braces stop
adding up, often entries later; we name the field whose value runs on).
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import digits
from typing import Any

import pybtex.errors
from pybtex.bibtex.utils import split_name_list
from pybtex.database import Entry, InvalidNameString, Person
from pybtex.database.input.bibtex import (
    NAME_CHARS,
    DuplicateField,
    LowLevelParser,
    Parser,
    SkipEntry,
    UndefinedMacro,
)
from pybtex.exceptions import PybtexError
from pybtex.scanner import PrematureEOF, PybtexSyntaxError

# A field as pybtex's scanner reads it: its name and the parts of its value.
_Field = tuple[str, list[str]]
# An @command as the scanner yields it: its name and its body, (key, fields) for an entry,
# (value parts,) for a @preamble, (name, value parts) for a @string.
_Command = tuple[str, tuple[Any, ...]]

# The characters a key may hold; the citation syntax in syntax.py accepts exactly these.
KEY_RE = re.compile(r"[\w:./-]+")

_ISO_DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

# BibTeX's month macros (jan, feb, ...) expand to English names; digits are common too.
_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "1", "01"), ("feb", "2", "02"), ("mar", "3", "03"), ("apr", "4", "04"),
         ("may", "5", "05"), ("jun", "6", "06"), ("jul", "7", "07"), ("aug", "8", "08"),
         ("sep", "9", "09"), ("oct", "10"), ("nov", "11"), ("dec", "12")],
        start=1,
    )
    for name in names
}  # fmt: skip

# A plain entry: @type{key, name = {value}, name = 123}, a trailing comma allowed; values in braces
# may hold braces three deep. Names and keys are pybtex's (LowLevelParser.NAME and KEY_BRACE).
# Possessive quantifiers (++, *+) never backtrack, so a line that does not match fails fast.
_NAME = rf"[{re.escape(NAME_CHARS)}][{re.escape(NAME_CHARS + digits)}]*"
_BRACED = r"\{(?:[^{}]++|\{(?:[^{}]++|\{(?:[^{}]++|\{[^{}]*+\})*+\})*+\})*+\}"
_FIELD = rf"\s*,\s*({_NAME})\s*=\s*({_BRACED}|[0-9]+)"
_FIELD_RE = re.compile(_FIELD)
_PLAIN_ENTRY_RE = re.compile(rf"@\s*({_NAME})\s*\{{\s*([^\s,}}]+)((?:{_FIELD})*+)\s*(?:,\s*)?\}}")

# Text BibTeX skips between entries: blank lines and comment lines starting with %. Anything
# else there is most often the rest of an entry that a } too many closed early, so it is an error.
_COMMENT_LINE_RE = re.compile(r"[ \t]*(?:%.*)?")
# A line that starts a field (name = ...) or an entry (@type{): met inside a value, it shows
# that the value before it was left open.
_STARTS_FIELD_RE = re.compile(rf"[ \t]*(?:@\s*{_NAME}\s*[{{(]|{_NAME}\s*=)")
_FIELD_NAME_BEFORE_RE = re.compile(rf"({_NAME})\s*=\s*$")
_ENTRY_START_RE = re.compile(rf"@\s*{_NAME}\s*[{{(]")
_BRACE_OR_NEWLINE_RE = re.compile(r"[{}\n]")

# Works that always carry the year they appeared: without it the reference would say "(n.d.)"
# where the author most likely lost the year. Web pages, reports and books may be undated.
DATED_TYPES = frozenset({"article", "inproceedings", "conference", "phdthesis", "mastersthesis"})

_SYNTAX_FIX = (
    "Check this entry: every field looks like name = {value}, fields are separated by commas, "
    "and every { has a matching }."
)


class BibliographyError(Exception):
    """A bibliography the build cannot use; the message says where and how to fix it."""


@dataclass(frozen=True)
class Bibliography:
    """Every entry of one .bib file, in file order."""

    source: str
    """How messages name the file, e.g. "references.bib"."""
    entries: dict[str, Entry]
    """The entries by lower-case key (BibTeX ignores case); entry.key keeps the spelling."""
    lines: dict[str, int]
    """The line each entry starts on, by lower-case key."""

    def get(self, key: str) -> Entry | None:
        """The entry with this key, whatever its upper/lower case, or None."""
        return self.entries.get(key.lower())

    def location(self, key: str) -> str:
        """Where an entry starts, as "references.bib:12"."""
        return f"{self.source}:{self.lines[key.lower()]}"


def load_bibliography(path: Path, source: str) -> Bibliography:
    """Read and check a .bib file; `source` is how messages name it."""
    return decode_bibliography(path.read_bytes(), source)


def decode_bibliography(data: bytes, source: str) -> Bibliography:
    """Check and parse the bytes of a .bib file; `source` is how messages name it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise BibliographyError(
            f"{source}:{line}: this file is not saved as UTF-8. Save it again with the "
            "encoding UTF-8 (most editors offer this under 'Save as')."
        ) from error
    # Every line break becomes "\n", as when a file is read as text.
    return parse_bibliography(text.replace("\r\n", "\n").replace("\r", "\n"), source)


def parse_bibliography(text: str, source: str) -> Bibliography:
    """Parse .bib text; raise BibliographyError at the first problem."""
    parser = _StrictParser(source)
    parser.parse_string(text)
    entries = {key.lower(): entry for key, entry in parser.data.entries.items()}
    for key, entry in entries.items():
        _check_dates(entry, f"{source}:{parser.lines[key]}")
    return Bibliography(source=source, entries=entries, lines=parser.lines)


def missing_fields(bibliography: Bibliography) -> list[str]:
    """One message per entry that lacks what APA needs to cite and list it."""
    messages = []
    for key, entry in bibliography.entries.items():
        where = f"{bibliography.location(key)}: entry '{entry.key}'"
        if not (entry.persons.get("author") or entry.persons.get("editor")):
            messages.append(
                f"{where} has no author. APA needs one: add author = {{Surname, Given names}}, "
                "or for an organisation author = {{Name of the organisation}}."
            )
        if "title" not in entry.fields:
            messages.append(f"{where} has no title. Add title = {{...}}.")
        if entry.type.lower() in DATED_TYPES and entry_date(entry)[0] is None:
            messages.append(
                f"{where} (@{entry.type}) has no year; without it the reference would say "
                '"n.d." (no date). Add year = {...} with the year it was published.'
            )
    return messages


def parse_iso_date(value: str) -> tuple[int, int | None, int | None] | None:
    """Year, month and day of "2025", "2025-03" or "2025-03-03"; None if not such a date."""
    if not _ISO_DATE_RE.fullmatch(value):
        return None
    parts = [int(part) for part in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def entry_date(entry: Entry) -> tuple[str | None, int | None, int | None]:
    """Year, month and day of a work from its date field, or its year, month and day fields."""
    if "date" in entry.fields:
        # Checked when the file was read, so this is a valid ISO date.
        year, month, day = parse_iso_date(entry.fields["date"]) or (None, None, None)
        return (str(year) if year else None), month, day
    year = entry.fields.get("year")
    month = _MONTHS.get(entry.fields.get("month", "").strip().lower()[:3])
    day = entry.fields.get("day", "").strip()
    return (year.strip() or None) if year else None, month, int(day) if day.isdigit() else None


def _check_dates(entry: Entry, where: str) -> None:
    """Dates we print must be real ISO dates: we cannot guess what "3/4/2025" means."""
    urldate = entry.fields.get("urldate")
    if urldate is not None and (not (parsed := parse_iso_date(urldate)) or parsed[2] is None):
        raise BibliographyError(
            f"{where}: entry '{entry.key}' has urldate = {{{urldate}}}; write the day you "
            "looked at the page as year-month-day, e.g. urldate = {2025-03-03}."
        )
    entry_date = entry.fields.get("date")
    if entry_date is not None and parse_iso_date(entry_date) is None:
        raise BibliographyError(
            f"{where}: entry '{entry.key}' has date = {{{entry_date}}}; write it as "
            "year, year-month or year-month-day, e.g. date = {2021-03-03}."
        )


def _plain_entries(text: str) -> list[tuple[int, _Command]] | None:
    """(line, command) for every entry, as _StrictScanner.commands() gives them, if the text
    holds only plain entries (see _PLAIN_ENTRY_RE) with only blank and comment lines between
    them; else None.
    """
    commands: list[tuple[int, _Command]] = []
    position, line = 0, 1
    while (at := text.find("@", position)) >= 0:
        match = _PLAIN_ENTRY_RE.match(text, at)
        if (
            not match
            or match[1].lower() in ("comment", "preamble", "string")
            or _stray_text(text[position:at]) is not None
        ):
            return None
        line += _newlines(text[position:at])
        fields: list[_Field] = [
            (name, [value[1:-1] if value.startswith("{") else value])
            for name, value in _FIELD_RE.findall(match[3])
        ]
        commands.append((line, (match[1], (match[2], fields))))
        line += _newlines(match[0])
        position = match.end()
    return None if _stray_text(text[position:]) is not None else commands


def _stray_text(between: str) -> int | None:
    """How many lines into `between` (text outside entries) the first line is that is not
    blank or a % comment; None if there is none."""
    for offset, line in enumerate(between.splitlines()):
        if not _COMMENT_LINE_RE.fullmatch(line):
            return offset
    return None


@dataclass(frozen=True)
class _Runaway:
    """Where an entry or one of its values runs on because a } is missing."""

    field: str
    """The field whose value was left open, or else the last field of the entry."""
    field_line: int
    """The line that field starts on."""
    next_line: int
    """The line where a new field or entry starts while the value or entry is still open."""
    text: str
    """That line's text."""
    in_value: bool
    """Whether the value is open (else all values closed but the entry did not)."""


def _runaway_value(text: str, start: int) -> _Runaway | None:
    """Where the entry starting at `start` runs on: a value, or the entry itself, still open
    when a line starts like a new field or entry; None if that is not what went wrong.

    Counts braces as BibTeX does. pybtex only notices a missing } where the braces stop adding
    up, often entries later; a line starting like a field or an entry inside a value is where
    the author would look.
    """
    body = _ENTRY_START_RE.match(text, start)
    if body is None:
        return None
    depth, line, field, field_line = 1, 1 + _newlines(text[:start]), "", 0
    segment = body.end()  # where the text since the last value at the entry's level starts
    for token in _BRACE_OR_NEWLINE_RE.finditer(text, body.end()):
        if token[0] == "\n":
            line += 1
            end = text.find("\n", token.end())
            next_line = text[token.end() : end if end >= 0 else len(text)]
            if depth >= 2 and _STARTS_FIELD_RE.match(next_line):
                return _Runaway(field, field_line, line, next_line.strip(), in_value=True)
            if depth == 1 and field and _ENTRY_START_RE.match(next_line.lstrip()):
                return _Runaway(field, field_line, line, next_line.strip(), in_value=False)
        elif token[0] == "{":
            if depth == 1:
                name = _FIELD_NAME_BEFORE_RE.search(text, segment, token.start())
                field, field_line = (name[1] if name else "?"), line
            depth += 1
        else:
            depth -= 1
            if depth == 1:
                segment = token.end()
            elif depth == 0:
                return None
    return None


def _newlines(text: str) -> int:
    """Line breaks as pybtex's scanner counts them: \n, \r\n or \r."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


class _StrictScanner(LowLevelParser):  # type: ignore[misc]  # pybtex has no type information
    """pybtex's BibTeX scanner, raising BibliographyError with the entry's line and key."""

    # What this class uses of pybtex's scanner, which sets them.
    text: str
    pos: int
    end_pos: int
    lineno: int
    command_start: int | None
    current_entry_key: str | None

    def __init__(self, text: str, source: str, macros: dict[str, str]) -> None:
        super().__init__(text, macros=macros)
        self.source = source
        self.entry_line = 1
        self.previous: tuple[str, int, int] | None = None
        """The last entry read: its key, the line it starts on and the line it ends on."""

    def commands(self) -> Iterator[tuple[int, _Command]]:
        """Yield (line, command) for every @command in the text, in order."""
        while True:
            start, start_line = self.pos, self.lineno
            found = self.skip_to([self.AT])
            self._check_outside(self.text[start : self.pos - 1 if found else None], start_line)
            if not found:
                return
            # skip_to counted the lines up to and including the "@": that is the entry's line.
            self.entry_line = self.lineno
            self.command_start = self.pos - 1
            try:
                command = tuple(self.parse_command())
            except SkipEntry:  # an @comment: pybtex stops after its opening brace
                self._skip_comment_body()
                continue
            except PybtexSyntaxError as error:
                self.handle_error(error)
            self.previous = (self.current_entry_key or "", self.entry_line, self.lineno)
            yield self.entry_line, command

    def _skip_comment_body(self) -> None:
        """Skip to the end of an @comment's braces, so that its text is not taken for text
        outside entries; a comment whose braces never close runs to the next "@"."""
        opening = self.text[self.pos - 1]
        closing = {"{": "}", "(": ")"}[opening]
        depth, end = 1, self.end_pos
        for position in range(self.pos, self.end_pos):
            char = self.text[position]
            depth += (char == opening) - (char == closing)
            if depth == 0:
                end = position + 1
                break
        else:
            if (at := self.text.find("@", self.pos)) >= 0:
                end = at
        self.update_lineno(self.text[self.pos : end])
        self.pos = end

    def _check_outside(self, between: str, line: int) -> None:
        """Text outside entries must be blank or comment lines: anything else is most often
        fields cut off from their entry by a } too many, which BibTeX would silently skip."""
        offset = _stray_text(between)
        if offset is None:
            return
        text = " ".join(between.split())
        shown = text if len(text) <= 40 else text[:40] + "…"
        where = f"{self.source}:{line + offset}: '{shown}' is outside every entry"
        if self.previous is None:
            raise BibliographyError(
                f"{where}. If it is a comment, start the line with %; if it belongs to an entry, "
                "put it between that entry's braces."
            )
        key, first, last = self.previous
        raise BibliographyError(
            f"{where}: entry '{key}' (line {first}) already ended on line {last}. If the text "
            f"belongs to that entry, remove the }} too many on line {last} or before; if it is "
            "a comment, start the line with %."
        )

    def handle_error(self, error: PybtexError) -> None:
        what = (
            f"the entry '{self.current_entry_key}'"
            if self.current_entry_key
            else "the entry starting here"
        )
        runaway = _runaway_value(self.text, self.command_start or 0)
        if runaway is not None and not isinstance(error, UndefinedMacro):
            first, last = runaway.field_line, runaway.next_line - 1
            where = (
                f"at the end of line {first}"
                if first == last
                else f"between lines {first} and {last}"
            )
            open_part = (
                f"the value of '{runaway.field}' has no closing }}"
                if runaway.in_value
                else "the entry has no closing }"
            )
            fix = (
                f"where the value ends, {where}"
                if runaway.in_value
                else f"{where}, at the end of the value of '{runaway.field}' or of the entry"
            )
            raise BibliographyError(
                f"{self.source}:{first}: in {what}, {open_part}, so it runs on into line "
                f"{runaway.next_line} ('{runaway.text}'). Add the missing }} {fix}."
            ) from error
        if isinstance(error, PrematureEOF):
            detail = "the file ends inside this entry, probably a { without its }"
        elif isinstance(error, UndefinedMacro):
            detail = (
                f"line {error.lineno}: '{error.args[0]}' is not a value BibTeX knows; "
                f"write it in braces: {{{error.args[0]}}}"
            )
        elif isinstance(error, PybtexSyntaxError):
            detail = f"line {error.lineno}: {error.args[0]}"
        else:
            detail = str(error)
        raise BibliographyError(
            f"{self.source}:{self.entry_line}: {what} could not be read ({detail}). {_SYNTAX_FIX}"
        ) from error


class _StrictParser(Parser):  # type: ignore[misc]  # pybtex has no type information
    """pybtex's BibTeX parser that keeps each entry's line and stops at the first problem."""

    def __init__(self, source: str) -> None:
        # Names are parsed in _add_entry, each spelling once: pybtex would parse them anew in
        # every entry, and the same people appear in many entries.
        super().__init__(person_fields=())
        self.source = source
        self.lines: dict[str, int] = {}
        self._persons: dict[str, Person] = {}

    def parse_string(self, text: str) -> None:
        self.unnamed_entry_counter = 1
        plain = _plain_entries(text)
        commands: Iterable[tuple[int, _Command]] = (
            plain
            if plain is not None
            else _StrictScanner(text, self.source, self.macros).commands()
        )
        for line, (command, body) in commands:
            kind = command.lower()
            if kind == "preamble":
                self.process_preamble(*body)
            elif kind != "string":
                key, fields = body
                self._add_entry(line, command, key, fields)

    def _add_entry(self, line: int, entry_type: str, key: str, fields: list[_Field]) -> None:
        where = f"{self.source}:{line}"
        if not KEY_RE.fullmatch(key):
            raise BibliographyError(
                f"{where}: the key '{key}' has characters a citation cannot use. Keys may "
                "hold letters, digits and _ - : . / only: rename the key."
            )
        if key.lower() in self.lines:
            first = self.lines[key.lower()]
            spelled = self.data.entries[key].key
            raise BibliographyError(
                f"{where}: the key '{key}' is already used on line {first} as '{spelled}' "
                f"(BibTeX does not tell upper and lower case apart). Lines {first} and {line} "
                "need different keys: rename one, or delete the entry if it is the same work twice."
            )
        self.lines[key.lower()] = line
        self._where = f"{where}: the entry '{key}'"
        # pybtex reports bad names through its global error hook; capture() hands them to us
        # whatever pybtex's strict setting is, so none is dropped.
        with pybtex.errors.capture() as errors:
            self.process_entry(entry_type, key, fields)
            self._add_persons(self.data.entries[key])
        if errors:
            self.handle_error(errors[0])

    def _add_persons(self, entry: Entry) -> None:
        """Move the author and editor fields to entry.persons, as pybtex's parser does."""
        for role in [name for name in entry.fields if name.lower() in Person.valid_roles]:
            for name in split_name_list(entry.fields.pop(role)):
                if name not in self._persons:
                    self._persons[name] = Person(name)
                entry.add_person(self._persons[name], role)

    def handle_error(self, error: PybtexError) -> None:
        if isinstance(error, DuplicateField):
            fix = "Keep one of the two fields."
        elif isinstance(error, InvalidNameString):
            fix = "Separate people with 'and': author = {Surname, A. and Surname, B.}."
        else:
            fix = _SYNTAX_FIX
        raise BibliographyError(f"{self._where} could not be read ({error}). {fix}")
