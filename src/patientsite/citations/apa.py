"""APA 7 reference list entries: a pybtex style whose words come from a locale Terms table.

Templates are declarative, as in pybtex's own styles; the nodes below read the entry and the
style's terms. Text stays pybtex rich text until the HTML backend renders it, so every field is
escaped there and nothing is patched afterwards.
"""

import functools
import html
import re
from collections.abc import Mapping
from datetime import date
from typing import TypedDict

from pybtex.backends.html import Backend
from pybtex.database import Entry
from pybtex.richtext import BaseText, HRef, Protected, String, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.template import Node, join, node

from patientsite.citations.bibliography import entry_date, parse_iso_date
from patientsite.citations.latex import decode, rich
from patientsite.citations.locale import Terms
from patientsite.citations.names import editor_names, names_of, reference_names
from patientsite.dates import day_and_month, month_name

# langid values (babel/polyglossia names) that mean English: only these titles get sentence case.
ENGLISH = {"english", "american", "british", "canadian", "australian", "newzealand",
           "usenglish", "ukenglish", "en", "en-us", "en-gb"}  # fmt: skip

# Page ranges may be written with -, -- (decoded to an en dash) or an en dash.
_PAGE_RANGE_RE = re.compile(r"\s*([^\s\u2013-]+)\s*(?:-+|\u2013)\s*([^\s\u2013-]+)\s*")
ENDASH = "\u2013"
_ARTICLE_NUMBER_RE = re.compile(r"[A-Za-z]+\d+")
_TOKEN_RE = re.compile(r"\s+|\S+")


class HtmlBackend(Backend):  # type: ignore[misc]  # pybtex has no type information
    """pybtex's HTML backend, also escaping link targets, without spans for braced text."""

    def format_protected(self, text: str) -> str:
        return text

    @staticmethod
    def format_href(url: str, text: str, external: bool = False) -> str:
        return f'<a href="{html.escape(url, quote=True)}">{text}</a>' if text else ""


class ApaStyle(BaseStyle):  # type: ignore[misc]  # pybtex has no type information
    """APA 7 reference list entries in the language of `terms`."""

    def __init__(self, terms: Terms, year_suffixes: Mapping[str, str]) -> None:
        super().__init__()
        self.terms = terms
        self.year_suffixes = year_suffixes
        """The "a" of "2020a" by lower-case key, for works whose citations would look alike."""
        self.localized = False
        """Whether the entry formatted last used a word of `terms`: if not, it reads the same
        in every language. The nodes below set it through _terms() when they use a word."""

    def format_entry(self, label: str, entry: Entry, bib_data: object = None) -> FormattedEntry:
        # Types without a template of their own (thesis, manual, ...) are formatted as misc.
        template = getattr(self, f"get_{entry.type}_template", self.get_misc_template)
        context: _Context = {"entry": entry, "style": self, "bib_data": bib_data}
        return FormattedEntry(entry.key, template(entry).format_data(context), label)

    def format_html(self, entry: Entry) -> str:
        """One entry as HTML; `localized` then tells whether it differs between languages."""
        self.localized = False
        rendered: str = self.format_entry("", entry).text.render(HtmlBackend())
        return rendered

    def get_article_template(self, e: Entry) -> Node:
        return _reference(e, title(), journal)

    def get_book_template(self, e: Entry) -> Node:
        return _reference(e, title(italic=True)[edition], publisher)

    def get_incollection_template(self, e: Entry) -> Node:
        return _reference(e, title(), in_book, publisher)

    get_inbook_template = get_incollection_template
    get_inproceedings_template = get_incollection_template

    def get_techreport_template(self, e: Entry) -> Node:
        return _reference(e, title(italic=True)[report_number], publisher("institution"))

    get_report_template = get_techreport_template

    def get_misc_template(self, e: Entry) -> Node:
        return _reference(e, title(italic=True), site_name, full_date=True)

    get_online_template = get_misc_template


class _Context(TypedDict):
    """What pybtex hands each node of a template: ApaStyle.format_entry makes it."""

    entry: Entry
    style: ApaStyle
    bib_data: object


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
            tokens = []
            for token in _TOKEN_RE.findall(part.value):
                if not token.isspace():
                    token = _case_word(token, capitalize)
                    capitalize = _opens_subtitle(token)
                tokens.append(token)
            return String("".join(tokens))
        if isinstance(part, Text):
            return Text(*(convert(child) for child in part.parts))
        return part

    return convert(text)


def is_english(entry: Entry) -> bool:
    """Whether the work's title is English (no langid means English, as in biblatex)."""
    return entry.fields.get("langid", "english").strip().lower() in ENGLISH


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


def _reference(e: Entry, title_node: Node, *source: Node, full_date: bool = False) -> Node:
    """Author. (Date). Title. Source. Link. Without author or editor the title leads (APA 7)."""
    if names_of(e, "author") or names_of(e, "editor"):
        return spaced[creators, when(full=full_date), title_node, *source, link]
    return spaced[title_node, when(full=full_date), *source, link]


@node
def spaced(children: list[Node], context: _Context) -> BaseText:
    """The parts that are not empty, a space between them: pybtex's join(sep=" ") in one go.

    join puts the rich text together twice over (all but the last part, then the last), for
    every part of every reference; this gives the same text in one go.
    """
    parts = [part for part in (child.format_data(context) for child in children) if part]
    return Text(" ").join(parts)


def _group_name(entry: Entry) -> str | None:
    """The author's name when it is a single organisation, to leave out a repeated publisher."""
    authors = names_of(entry, "author")
    if len(authors.names) == 1 and not authors.names[0].initials:
        return authors.names[0].surname
    return None


def _terms(context: _Context) -> Terms:
    """The style's words, for a node about to use one: the reference is then localized.

    Read them only where a word is used, so that a reference without any (most articles) is
    known to read the same in every language and is formatted once for all of them.
    """
    style = context["style"]
    style.localized = True
    return style.terms


@node
def creators(children: list[Node], context: _Context) -> BaseText:
    """ "Hall, A. M., & Maher, C. G." or, for an edited book, "Koes, B. (Ed.)"."""
    entry = context["entry"]
    authors = names_of(entry, "author")
    if authors:
        return Text(reference_names(authors)).add_period()
    editors = names_of(entry, "editor")
    terms = _terms(context)
    role = terms.editor if len(editors.names) == 1 and not editors.more else terms.editors
    return Text(f"{reference_names(editors)} ({role}).")


@node
def when(children: list[Node], context: _Context, full: bool = False) -> BaseText:
    """ "(2009).", "(2020a).", "(n.d.)." or for web pages "(2021, March 3)."."""
    entry, style = context["entry"], context["style"]
    year, month, day = entry_date(entry)
    suffix = style.year_suffixes.get(entry.key.lower(), "")
    if year is None:
        return Text(f"({_terms(context).no_date}{'-' + suffix if suffix else ''}).")
    written = f"{decode(year)}{suffix}"
    if full and month:
        terms = _terms(context)
        written += ", " + (
            day_and_month(month, day, terms.month_day, terms.language)
            if day
            else month_name(month, terms.language)
        )
    return Text(f"({written}).")


@node
def title(children: list[Node], context: _Context, italic: bool = False) -> BaseText:
    """The title (sentence case if English), its translation, and descriptions in brackets."""
    entry = context["entry"]
    if "title" not in entry.fields:
        return Text()
    text = _title_text(entry, entry.fields["title"])
    parts: list[BaseText | str] = [Tag("em", text) if italic else text]
    if "translatedtitle" in entry.fields:
        parts += [" [", _sentence_cased(entry.fields["translatedtitle"]), "]"]
    description = join(sep=", ")[children].format_data(context)
    if description:
        parts += [" (", description, ")"]
    return Text(*parts).add_period()


def _title_text(entry: Entry, latex: str) -> BaseText:
    return _sentence_cased(latex) if is_english(entry) else rich(latex)


# Each title is formatted once per language: case it once.
@functools.cache
def _sentence_cased(latex: str) -> BaseText:
    return sentence_case(rich(latex))


@node
def edition(children: list[Node], context: _Context) -> BaseText:
    """ "2nd ed." / "2e dr."; an edition that is not a number is shown as written."""
    entry = context["entry"]
    value = decode(entry.fields.get("edition", "")).strip()
    if not value:
        return Text()
    if value.isdigit():
        terms = _terms(context)
        return Text(terms.edition.format(ordinal=terms.ordinal(int(value))))
    return Text(value)


@node
def report_number(children: list[Node], context: _Context) -> BaseText:
    """ "KCE Reports 287", "NICE Guideline NG59", or "Report No. 12" when no type is given."""
    entry = context["entry"]
    if "number" not in entry.fields:
        return Text()
    kind = rich(entry.fields["type"]) if "type" in entry.fields else Text(_terms(context).report)
    return Text(kind, " ", rich(entry.fields["number"]))


@node
def chapter_pages(children: list[Node], context: _Context) -> BaseText:
    """ "pp. 45-67" (with an en dash) or "p. 45" for a chapter."""
    entry = context["entry"]
    pages = decode(entry.fields.get("pages", "")).strip()
    if not pages:
        return Text()
    terms = _terms(context)
    if match := _PAGE_RANGE_RE.fullmatch(pages):
        return Text(f"{terms.pages} {match[1]}{ENDASH}{match[2]}")
    return Text(f"{terms.page} {pages}")


@node
def journal(children: list[Node], context: _Context) -> BaseText:
    """ "*Journal*, *147*(7), 478-491." with article numbers as "Article e037820"."""
    entry = context["entry"]
    name = entry.fields.get("journal") or entry.fields.get("journaltitle")
    parts: list[BaseText | str] = [Tag("em", rich(name))] if name else []
    volume = entry.fields.get("volume")
    issue = entry.fields.get("number") or entry.fields.get("issue")
    if volume or issue:
        parts.append(", ")
        if volume:
            parts.append(Tag("em", rich(volume)))
        if issue:
            parts += ["(", rich(issue), ")"]
    location = _article_location(entry, context)
    if location:
        parts += [", ", location]
    return Text(*parts).add_period() if parts else Text()


def _article_location(entry: Entry, context: _Context) -> str:
    """Page range with an en dash, or "Article n291" for an article number (pages or eid)."""
    if "eid" in entry.fields:
        return f"{_terms(context).article} {decode(entry.fields['eid']).strip()}"
    pages = decode(entry.fields.get("pages", "")).strip()
    if match := _PAGE_RANGE_RE.fullmatch(pages):
        return f"{match[1]}{ENDASH}{match[2]}"
    if _ARTICLE_NUMBER_RE.fullmatch(pages):
        return f"{_terms(context).article} {pages}"
    return pages


@node
def in_book(children: list[Node], context: _Context) -> BaseText:
    """ "In M. van Tulder & B. Koes (Eds.), *Book title* (2nd ed., pp. 45-67)."."""
    entry, terms = context["entry"], _terms(context)
    parts: list[BaseText | str] = [f"{terms.in_} "]
    editors = names_of(entry, "editor")
    if editors:
        role = terms.editor if len(editors.names) == 1 and not editors.more else terms.editors
        parts.append(f"{editor_names(editors)} ({role}), ")
    if "booktitle" in entry.fields:
        parts.append(Tag("em", _title_text(entry, entry.fields["booktitle"])))
    description = join(sep=", ")[edition, chapter_pages].format_data(context)
    if description:
        parts += [" (", description, ")"]
    return Text(*parts).add_period()


@node
def publisher(children: list[Node], context: _Context, field_name: str = "publisher") -> BaseText:
    """The publisher, left out when it is the author (APA 7: an organisation as both)."""
    entry = context["entry"]
    if field_name not in entry.fields:
        return Text()
    name = rich(entry.fields[field_name])
    if str(name) == _group_name(entry):
        return Text()
    return name.add_period()


@node
def site_name(children: list[Node], context: _Context) -> BaseText:
    """The website or organisation a page or document is on, unless it is the author."""
    entry = context["entry"]
    for field_name in ("organization", "publisher", "institution"):
        if field_name in entry.fields:
            return publisher(field_name).format_data(context)
    return Text()


@node
def link(children: list[Node], context: _Context) -> BaseText:
    """The DOI as https://doi.org/..., else the URL, after "Retrieved <date>, from" if dated."""
    entry = context["entry"]
    if "doi" in entry.fields:
        doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", entry.fields["doi"].strip())
        return _url(f"https://doi.org/{doi}")
    if "url" not in entry.fields:
        return Text()
    url = _url(entry.fields["url"].strip())
    if "urldate" not in entry.fields:
        return url
    # Checked when the file was read: urldate is a full ISO date.
    year, month, day = parse_iso_date(entry.fields["urldate"]) or (1, 1, 1)
    terms = _terms(context)
    accessed = terms.date(date(year, month or 1, day or 1))
    return Text(terms.retrieved.format(date=accessed), " ", url)


def _url(url: str) -> BaseText:
    """A link for web addresses; anything else (e.g. javascript:) stays plain text."""
    if url.startswith(("https://", "http://")):
        return HRef(url, url)
    return Text(url)
