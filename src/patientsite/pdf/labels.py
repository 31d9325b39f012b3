"""Every word the PDFs print, as a typed table per language (the share kit's:
patientsite.share.labels).

The words are in src/patientsite/words/<language>.yml (section `pdf`, and `shared`), each with
what it is for.
"""

from dataclasses import dataclass

from patientsite.words import languages, view


@dataclass(frozen=True)
class Labels:
    """The words of one language."""

    language: str  # the language's code, which Babel writes the dates in
    date: str  # CLDR pattern of a date
    page_of: str  # {page} and {pages} become CSS counters
    contents: str
    reviewed: str
    read_online: str
    scan_code: str
    qr_alt: str  # {url} is the QR code's web address
    logo: str  # {name} is the clinic's name
    logo_unnamed: str
    key_messages: str
    red_flags: str
    warning_signs: str
    sources_note: str
    contact: str
    poster: str
    scan_me: str


LABELS: dict[str, Labels] = {
    language: view(Labels, language, "pdf", language=language) for language in languages()
}


def labels_for(lang: str) -> Labels:
    """The words of a language; settings.load_settings has checked that we have them."""
    return LABELS[lang]
