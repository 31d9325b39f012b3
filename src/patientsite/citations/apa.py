"""APA 7 reference list entries as HTML, in the words of a locale Terms table.

A reference is a few parts (authors, date, title, source, link), each a method below that
reads the entry and returns HTML, or "" when the entry lacks it; the parts that are not empty
are joined by spaces. Field values are LaTeX. Most hold none and are escaped as they stand;
a value with braces or commands is read by pybtex's LaTeX parser and rendered once (field_html).
Building the HTML as strings, not as pybtex rich text through its template engine, keeps
formatting a large .bib a small part of a first build.
"""

import functools
import html
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import NamedTuple

from pybtex.backends.html import Backend
from pybtex.database import Entry
from pybtex.richtext import BaseText, Protected, String, Text

from patientsite.citations.bibliography import entry_date, parse_iso_date
from patientsite.citations.latex import dashes, decode, holds_latex, rich
from patientsite.citations.locale import Terms
from patientsite.citations.names import NameList, editor_names, names_of, reference_names
from patientsite.dates import day_and_month, month_name

# langid values (babel/polyglossia names) that mean English: only these titles get sentence case.
ENGLISH = {"english", "american", "british", "canadian", "australian", "newzealand",
           "usenglish", "ukenglish", "en", "en-us", "en-gb"}  # fmt: skip

# Page ranges may be written with -, -- (decoded to an en dash) or an en dash.
_PAGE_RANGE_RE = re.compile(r"\s*([^\s\u2013-]+)\s*(?:-+|\u2013)\s*([^\s\u2013-]+)\s*")
ENDASH = "\u2013"
_ARTICLE_NUMBER_RE = re.compile(r"[A-Za-z]+\d+")
_TOKEN_RE = re.compile(r"\s+|\S+")
_DOI_PREFIX_RE = re.compile(r"^(https?://(dx\.)?doi\.org/|doi:\s*)")
# The tags that close a part's HTML ("...</em>"): its text ends before them.
_TRAILING_TAGS_RE = re.compile(r"(?:<[^<>]*>)+$")


def escape(text: str) -> str:
    """Text as HTML, escaped as pybtex's HTML backend escapes it (quotes left as they are)."""
    return html.escape(text, quote=False)


class HtmlBackend(Backend):  # type: ignore[misc]  # pybtex has no type information
    """pybtex's HTML backend, also escaping link targets, without spans for braced text."""

    def format_protected(self, text: str) -> str:
        return text

    @staticmethod
    def format_href(url: str, text: str, external: bool = False) -> str:
        return f'<a href="{html.escape(url, quote=True)}">{text}</a>' if text else ""


class ApaStyle:
    """APA 7 reference list entries in the language of `terms`."""

    def __init__(self, terms: Terms, year_suffixes: Mapping[str, str]) -> None:
        self.terms = terms
        self.year_suffixes = year_suffixes
        """The "a" of "2020a" by lower-case key, for works whose citations would look alike."""
        self.localized = False
        """Whether the entry formatted last used a word of `terms`: if not, it reads the same
        in every language. The parts below set it through _words() when they use a word."""
        self._authors = self._editors = NameList(names=(), more=False)
        """The names of the entry being formatted: several parts need them, read once."""

    def format_html(self, entry: Entry) -> str:
        """One entry as HTML; `localized` then tells whether it differs between languages."""
        self.localized = False
        self._authors, self._editors = names_of(entry, "author"), names_of(entry, "editor")
        # Types without a layout of their own (thesis, manual, ...) are formatted as misc.
        layout = _LAYOUTS.get(entry.type, _DOCUMENT)
        title = layout.title(self, entry)
        when = self.when(entry, full=layout.full_date)
        source = [part(self, entry) for part in layout.source]
        # Without author or editor the title takes the author's place (APA 7).
        if self._authors or self._editors:
            parts = [self.creators(entry), when, title, *source, self.link(entry)]
        else:
            parts = [title, when, *source, self.link(entry)]
        return " ".join(part for part in parts if part)

    def _words(self) -> Terms:
        """The style's words, for a part about to use one: the reference is then localized.

        Read them only where a word is used, so that a reference without any (most articles)
        is known to read the same in every language and is formatted once for all of them.
        """
        self.localized = True
        return self.terms

    def creators(self, entry: Entry) -> str:
        """ "Hall, A. M., & Maher, C. G." or, for an edited book, "Koes, B. (Ed.)"."""
        authors, editors = self._authors, self._editors
        if authors:
            return _with_period(escape(reference_names(authors)))
        terms = self._words()
        role = terms.editor if len(editors.names) == 1 and not editors.more else terms.editors
        return escape(f"{reference_names(editors)} ({role}).")

    def when(self, entry: Entry, *, full: bool) -> str:
        """ "(2009).", "(2020a).", "(n.d.)." or for web pages "(2021, March 3)."."""
        year, month, day = entry_date(entry)
        suffix = self.year_suffixes.get(entry.key.lower(), "")
        if year is None:
            return escape(f"({self._words().no_date}{'-' + suffix if suffix else ''}).")
        written = f"{decode(year)}{suffix}"
        if full and month:
            terms = self._words()
            written += ", " + (
                day_and_month(month, day, terms.month_day, terms.language)
                if day
                else month_name(month, terms.language)
            )
        return escape(f"({written}).")

    def title(self, entry: Entry, *, italic: bool = False, description: str = "") -> str:
        """The title (sentence case if English), its translation, and a description in
        brackets, such as the edition or the report number."""
        if "title" not in entry.fields:
            return ""
        text = _title_html(entry, entry.fields["title"])
        parts = [f"<em>{text}</em>" if italic and text else text]
        if "translatedtitle" in entry.fields:
            parts += [" [", _sentence_cased_html(entry.fields["translatedtitle"]), "]"]
        if description:
            parts += [" (", description, ")"]
        return _with_period("".join(parts))

    def article_title(self, entry: Entry) -> str:
        return self.title(entry)

    def book_title(self, entry: Entry) -> str:
        return self.title(entry, italic=True, description=self.edition(entry))

    def report_title(self, entry: Entry) -> str:
        return self.title(entry, italic=True, description=self.report_number(entry))

    def document_title(self, entry: Entry) -> str:
        return self.title(entry, italic=True)

    def edition(self, entry: Entry) -> str:
        """ "2nd ed." / "2e dr."; an edition that is not a number is shown as written."""
        value = decode(entry.fields.get("edition", "")).strip()
        if not value:
            return ""
        if value.isdigit():
            terms = self._words()
            return escape(terms.edition.format(ordinal=terms.ordinal(int(value))))
        return escape(value)

    def report_number(self, entry: Entry) -> str:
        """ "KCE Reports 287", "NICE Guideline NG59", or "Report No. 12" when no type is
        given."""
        if "number" not in entry.fields:
            return ""
        fields = entry.fields
        kind = field_html(fields["type"]) if "type" in fields else escape(self._words().report)
        return f"{kind} {field_html(fields['number'])}"

    def chapter_pages(self, entry: Entry) -> str:
        """ "pp. 45-67" (with an en dash) or "p. 45" for a chapter."""
        pages = decode(entry.fields.get("pages", "")).strip()
        if not pages:
            return ""
        terms = self._words()
        if match := _PAGE_RANGE_RE.fullmatch(pages):
            return f"{escape(terms.pages)} {_page_range(match)}"
        return escape(f"{terms.page} {pages}")

    def journal(self, entry: Entry) -> str:
        """ "*Journal*, *147*(7), 478-491." with article numbers as "Article e037820"."""
        fields = entry.fields
        name = fields.get("journal") or fields.get("journaltitle")
        parts = [f"<em>{field_html(name)}</em>"] if name else []
        volume = fields.get("volume")
        issue = fields.get("number") or fields.get("issue")
        if volume or issue:
            parts.append(", ")
            if volume:
                parts.append(f"<em>{field_html(volume)}</em>")
            if issue:
                parts += ["(", field_html(issue), ")"]
        location = self._article_location(entry)
        if location:
            parts += [", ", location]
        return _with_period("".join(parts))

    def _article_location(self, entry: Entry) -> str:
        """Page range with an en dash, or "Article n291" for an article number (pages or
        eid)."""
        if "eid" in entry.fields:
            return escape(f"{self._words().article} {decode(entry.fields['eid']).strip()}")
        pages = decode(entry.fields.get("pages", "")).strip()
        if match := _PAGE_RANGE_RE.fullmatch(pages):
            return _page_range(match)
        if _ARTICLE_NUMBER_RE.fullmatch(pages):
            return escape(f"{self._words().article} {pages}")
        return escape(pages)

    def in_book(self, entry: Entry) -> str:
        """ "In M. van Tulder & B. Koes (Eds.), *Book title* (2nd ed., pp. 45-67)."."""
        terms = self._words()
        parts = [escape(f"{terms.in_} ")]
        editors = self._editors
        if editors:
            role = terms.editor if len(editors.names) == 1 and not editors.more else terms.editors
            parts.append(escape(f"{editor_names(editors)} ({role}), "))
        if "booktitle" in entry.fields:
            parts.append(f"<em>{_title_html(entry, entry.fields['booktitle'])}</em>")
        description = ", ".join(
            part for part in (self.edition(entry), self.chapter_pages(entry)) if part
        )
        if description:
            parts += [" (", description, ")"]
        return _with_period("".join(parts))

    def publisher(self, entry: Entry, field_name: str = "publisher") -> str:
        """The publisher, left out when it is the author (APA 7: an organisation as both)."""
        if field_name not in entry.fields:
            return ""
        value = entry.fields[field_name]
        if decode(value) == self._group_name():
            return ""
        return _with_period(field_html(value))

    def institution(self, entry: Entry) -> str:
        return self.publisher(entry, "institution")

    def site_name(self, entry: Entry) -> str:
        """The website or organisation a page or document is on, unless it is the author."""
        for field_name in ("organization", "publisher", "institution"):
            if field_name in entry.fields:
                return self.publisher(entry, field_name)
        return ""

    def _group_name(self) -> str | None:
        """The author's name when it is a single organisation, to leave out a repeated
        publisher."""
        authors = self._authors.names
        if len(authors) == 1 and not authors[0].initials:
            return authors[0].surname
        return None

    def link(self, entry: Entry) -> str:
        """The DOI as https://doi.org/..., else the URL, after "Retrieved <date>, from" if
        dated."""
        if "doi" in entry.fields:
            return _url(f"https://doi.org/{_DOI_PREFIX_RE.sub('', entry.fields['doi'].strip())}")
        if "url" not in entry.fields:
            return ""
        url = _url(entry.fields["url"].strip())
        if "urldate" not in entry.fields:
            return url
        # Checked when the file was read: urldate is a full ISO date.
        year, month, day = parse_iso_date(entry.fields["urldate"]) or (1, 1, 1)
        terms = self._words()
        accessed = terms.date(date(year, month or 1, day or 1))
        return f"{escape(terms.retrieved.format(date=accessed))} {url}"


_Part = Callable[[ApaStyle, Entry], str]


class _Layout(NamedTuple):
    """How a type of work is referenced."""

    title: _Part
    source: tuple[_Part, ...]
    """The parts between the title and the link."""
    full_date: bool = False
    """Whether the date has the month and day the entry gives (web pages, documents)."""


_DOCUMENT = _Layout(ApaStyle.document_title, (ApaStyle.site_name,), full_date=True)
_CHAPTER = _Layout(ApaStyle.article_title, (ApaStyle.in_book, ApaStyle.publisher))
_REPORT = _Layout(ApaStyle.report_title, (ApaStyle.institution,))
# By BibTeX entry type.
_LAYOUTS = {
    "article": _Layout(ApaStyle.article_title, (ApaStyle.journal,)),
    "book": _Layout(ApaStyle.book_title, (ApaStyle.publisher,)),
    "incollection": _CHAPTER,
    "inbook": _CHAPTER,
    "inproceedings": _CHAPTER,
    "techreport": _REPORT,
    "report": _REPORT,
    "misc": _DOCUMENT,
    "online": _DOCUMENT,
}


def sentence_case(text: BaseText) -> BaseText:
    """APA's sentence case: capitals only at the start, after a colon and where protected.

    Braced text is kept as written, as BibTeX does; so are words that have capitals after
    their first letter (MRI, COVID-19, McKenzie), so acronyms survive without braces.
    """
    capitalize = True

    def convert(part: BaseText) -> BaseText:
        nonlocal capitalize
        if isinstance(part, Protected):
            capitalize = _opens_subtitle(str(part))
            return part
        if isinstance(part, String):
            value, capitalize = _case_words(part.value, capitalize)
            return String(value)
        if isinstance(part, Text):
            return Text(*(convert(child) for child in part.parts))
        return part

    return convert(text)


def is_english(entry: Entry) -> bool:
    """Whether the work's title is English (no langid means English, as in biblatex)."""
    return entry.fields.get("langid", "english").strip().lower() in ENGLISH


# Titles, journals and publishers recur across entries: each value is rendered once.
@functools.cache
def field_html(latex: str) -> str:
    """A field value as HTML: braces gone, accents decoded, the text escaped."""
    if not holds_latex(latex):
        return escape(dashes(latex))
    rendered: str = rich(latex).render(HtmlBackend())
    return rendered


def _title_html(entry: Entry, latex: str) -> str:
    return _sentence_cased_html(latex) if is_english(entry) else field_html(latex)


@functools.cache
def _sentence_cased_html(latex: str) -> str:
    if not holds_latex(latex):
        return escape(_case_words(dashes(latex), True)[0])
    rendered: str = sentence_case(rich(latex)).render(HtmlBackend())
    return rendered


def _case_words(text: str, capitalize: bool) -> tuple[str, bool]:
    """The words of `text` in sentence case; `capitalize` says whether the first one opens
    a sentence, and the result whether the word after `text` does."""
    tokens = []
    for token in _TOKEN_RE.findall(text):
        if not token.isspace():
            token = _case_word(token, capitalize)
            capitalize = _opens_subtitle(token)
        tokens.append(token)
    return "".join(tokens), capitalize


# Titles share most of their words: each word is cased once per position (first or not).
@functools.cache
def _case_word(word: str, capitalize: bool) -> str:
    if any(_has_inner_capital(part) for part in re.split(r"[-/]", word)):
        return word
    word = word.lower()
    if capitalize:
        first = next((index for index, char in enumerate(word) if char.isalpha()), None)
        if first is not None:
            word = word[:first] + word[first].upper() + word[first + 1 :]
    return word


def _has_inner_capital(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    return any(char.isupper() for char in letters[1:])


def _opens_subtitle(word: str) -> bool:
    return word.endswith((":", "?", "!", "—"))


def _with_period(part: str) -> str:
    """The part with a period after it, unless its text is empty or already ends in . ? or !
    (a period after an italic title goes after the </em>)."""
    text = _TRAILING_TAGS_RE.sub("", part)
    return f"{part}." if text and not text.endswith((".", "?", "!")) else part


def _page_range(match: re.Match[str]) -> str:
    """ "45-67" with an en dash, as HTML."""
    return f"{escape(match[1])}{ENDASH}{escape(match[2])}"


def _url(url: str) -> str:
    """A link for web addresses; anything else (e.g. javascript:) stays plain text."""
    if url.startswith(("https://", "http://")):
        return f'<a href="{html.escape(url, quote=True)}">{escape(url)}</a>'
    return escape(url)
