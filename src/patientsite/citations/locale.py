"""Every word the citations print, as a typed table per language.

The words are in src/patientsite/words/<language>.yml (section `citations`, and the shared
`references`), each with what it is for.

APA's Dutch usage keeps "&" and "et al." in citations and reference lists, so those two are not
translated here; only what a reader of the page sees in words (or hears from a screen reader) is.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from patientsite.dates import in_words
from patientsite.words import citation_words, languages


def _english_ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _dutch_ordinal(number: int) -> str:
    """1e, 2e, 3e: Dutch writes every ordinal number with a plain "e"."""
    return f"{number}e"


@dataclass(frozen=True)
class Terms:
    """The localized words and patterns of one language."""

    language: str
    """Language code of the pages these terms are for ("nl", "en")."""
    full_date: str
    """CLDR pattern for a day, month and year, e.g. "MMMM d, y"."""
    month_day: str
    """CLDR pattern for the day and month after the year of a web page: "(2021, March 3)"."""
    no_date: str
    """Stands in for the year of an undated work: "n.d."."""
    retrieved: str
    """Words before a URL of a changing page; {date} is the access date."""
    editor: str
    """Abbreviation after one editor's name: "Ed."."""
    editors: str
    """Abbreviation after two or more editors' names: "Eds."."""
    in_: str
    """Introduces the book a chapter appeared in: "In"."""
    page: str
    """Abbreviation before a single page of a chapter: "p."."""
    pages: str
    """Abbreviation before a page range of a chapter: "pp."."""
    article: str
    """Word before an article number that stands in for pages: "Article"."""
    report: str
    """Words before a report's number when the entry gives no type: "Report No."."""
    edition: str
    """Pattern for an edition; {ordinal} is e.g. "2nd": "{ordinal} ed."."""
    ordinal: Callable[[int], str]
    """Writes an ordinal number in this language."""
    narrative_and: str
    """Joins two authors in running text: "Hall and Maher (2021)"."""
    spoken_and: str
    """Joins two authors in a screen reader's name of a citation link."""
    spoken_et_al: str
    """Stands for further authors in a screen reader's name of a citation link."""
    source: str
    """Start of a screen reader's name of a numbered citation link: "Source 6: ..."."""
    references: str
    """Heading of the list of works cited on a page."""
    references_id: str
    """HTML id of that heading, so the table of contents and links can point at it."""
    backlink: str
    """Screen reader's name of the link back to the only place a work is cited."""
    backlink_numbered: str
    """Screen reader's name of the link back to place {n} of several that cite a work."""
    cited_on: str
    """Words before the links to the pages that cite a work, in the full list."""
    unknown: str
    """Tooltip of the marker shown for a citation of a key the bibliography lacks."""

    def date(self, day: date) -> str:
        """A full date in words, e.g. "March 3, 2025" or "3 maart 2025"."""
        return in_words(day, self.full_date, self.language)


# Writing ordinal numbers is code, not words: a new language needs one here.
_ORDINALS: dict[str, Callable[[int], str]] = {"nl": _dutch_ordinal, "en": _english_ordinal}

TERMS: dict[str, Terms] = {
    language: Terms(language=language, ordinal=_ORDINALS[language], **citation_words(language))
    for language in languages()
}


def terms_for(language: str) -> Terms | None:
    """The terms for a locale such as "nl", "nl_BE" or "en-GB", or None if we have none."""
    return TERMS.get(language.replace("-", "_").split("_")[0].lower())
