"""Every word this plugin puts on a page, one table per language."""

from dataclasses import dataclass

from patientsite.dates import MONTHS


@dataclass(frozen=True)
class Labels:
    """The words of one language."""

    months: tuple[str, ...]  # month names, January first, as written inside a date
    reviewed: str  # before the date the page was last reviewed
    next_review: str  # before the date of the next review
    draft_title: str  # the heading of the notice on a page nobody has reviewed yet
    draft_text: str  # the notice's sentence
    clinic: str  # the clinic's name
    logo: str  # text alternative of the logo; {name} is the clinic's name
    logo_unnamed: str  # text alternative of the logo when the clinic has no name set
    author: str  # who wrote the page for the clinic
    reviewer: str  # who checked it
    contact: str  # how to reach the clinic
    funding: str  # who pays for the site
    conflicts: str  # conflicts of interest
    licence: str  # terms for reusing the text
    not_filled_in: str  # shown instead of an author or reviewer the clinic has not set


# fmt: off
LABELS: dict[str, Labels] = {
    "nl": Labels(
        months=MONTHS["nl"],
        reviewed="Laatst nagekeken",
        next_review="Volgende herziening",
        draft_title="Concept: nog niet nagekeken door een zorgverlener",
        draft_text=(
            "Deze pagina is nog in bewerking. Een zorgverlener moet de tekst nog nakijken. "
            "Er kunnen nog fouten in staan."
        ),
        clinic="Praktijk",
        logo="Logo van {name}",
        logo_unnamed="Logo van de praktijk",
        author="Geschreven door",
        reviewer="Nagekeken door",
        contact="Contact",
        funding="Financiering",
        conflicts="Belangenconflicten",
        licence="Licentie",
        not_filled_in="Nog niet ingevuld door de praktijk",
    ),
    "en": Labels(
        months=MONTHS["en"],
        reviewed="Last reviewed",
        next_review="Next review",
        draft_title="Draft: not yet checked by a healthcare professional",
        draft_text=(
            "This page is still being written. A healthcare professional still has to check "
            "the text. It may still contain mistakes."
        ),
        clinic="Clinic",
        logo="Logo of {name}",
        logo_unnamed="Clinic logo",
        author="Written by",
        reviewer="Reviewed by",
        contact="Contact",
        funding="Funding",
        conflicts="Conflicts of interest",
        licence="Licence",
        not_filled_in="Not filled in by the clinic yet",
    ),
}
# fmt: on
