"""Every word this plugin puts on a page, as a typed table per language.

The words are in src/patientsite/words/<language>.yml (section `pages`, and `shared`), each with
what it is for.
"""

from dataclasses import dataclass

from patientsite.words import languages, view


@dataclass(frozen=True)
class Labels:
    """The words of one language."""

    language: str  # the language's code, which Babel writes the dates in
    date: str  # CLDR pattern of a date
    reviewed: str
    next_review: str
    draft_title: str
    draft_text: str
    clinic: str
    logo: str  # {name} is the clinic's name
    logo_unnamed: str
    author: str
    reviewer: str
    contact: str
    funding: str
    conflicts: str
    licence: str
    not_filled_in: str


LABELS: dict[str, Labels] = {
    language: view(Labels, language, "pages", language=language) for language in languages()
}
