"""Every word the PDFs print, one table per language (the share kit's: patientsite.share.labels)."""

from dataclasses import dataclass

from patientsite.dates import MONTHS


@dataclass(frozen=True)
class Labels:
    """The words of one language."""

    months: tuple[str, ...]  # month names, January first, as written inside a date
    page_of: str  # page footer; {page} and {pages} become CSS counters
    contents: str  # heading of the table of contents
    reviewed: str  # before the date the text was last reviewed
    read_online: str  # before the web address of the online version
    scan_code: str  # next to the QR code: what it does
    qr_alt: str  # text alternative of the QR code; {url} is its web address
    logo_alt: str  # text alternative of the clinic's logo; {name} is the clinic's name
    logo_alt_unnamed: str  # the same when the clinic has no name set
    key_messages: str  # heading of the key messages on the handout
    red_flags: str  # heading of the red-flag checklist on the handout
    warning_signs: str  # title of the poster's sheet of warning signs, when it has two sheets
    references: str  # the heading of a page's reference list, as the citations plugin writes it
    sources_note: str  # handout footer: where the sources are
    contact: str  # before the clinic's contact details
    poster: str  # what the poster is, in its PDF title
    scan_me: str  # in large letters beside the poster's QR code


# fmt: off
LABELS: dict[str, Labels] = {
    "nl": Labels(
        months=MONTHS["nl"],
        page_of="pagina {page} van {pages}",
        contents="Inhoud",
        reviewed="Laatst nagekeken",
        read_online="Lees online",
        scan_code="Scan de code met de camera van je telefoon om deze tekst online te lezen.",
        qr_alt="QR-code naar {url}",
        logo_alt="Logo van {name}",
        logo_alt_unnamed="Logo van de praktijk",
        key_messages="Het belangrijkste in het kort",
        red_flags="Wanneer zoek je hulp?",
        warning_signs="Alarmsignalen",
        references="Bronnen",
        sources_note="De bronnen bij deze tekst staan online",
        contact="Contact",
        poster="affiche voor de wachtkamer",
        scan_me="Scan mij",
    ),
    "en": Labels(
        months=MONTHS["en"],
        page_of="page {page} of {pages}",
        contents="Contents",
        reviewed="Last reviewed",
        read_online="Read online",
        scan_code="Scan the code with your phone's camera to read this online.",
        qr_alt="QR code to {url}",
        logo_alt="Logo of {name}",
        logo_alt_unnamed="Clinic logo",
        key_messages="The main points",
        red_flags="When to get help",
        warning_signs="Warning signs",
        references="References",
        sources_note="The sources behind this text are online",
        contact="Contact",
        poster="waiting-room poster",
        scan_me="Scan me",
    ),
}
# fmt: on


def labels_for(lang: str) -> Labels:
    """The words of a language; settings.load_settings has checked that we have them."""
    return LABELS[lang]
