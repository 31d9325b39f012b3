"""Every word the PDFs and the share kit print, one table per language."""

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
    poster_heading: str  # heading of the posters on the share kit's overview page
    share_subject: str  # e-mail subject; {title} is the page title
    share_line: str  # the e-mail sentence; {clinic} is share_at_clinic or "", {title} the page
    share_at_clinic: str  # fills {clinic} above; {name} is the clinic's name
    share_index_title: str  # heading of the overview page of the share kit
    share_plain: str  # label of the plain-text snippet on the overview page
    share_html: str  # label of the HTML snippet on the overview page


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
        poster_heading="Posters voor de wachtkamer (PDF, om te printen)",
        share_subject="Voor uw afspraak: {title}",
        share_line="Voor uw afspraak{clinic}: lees hier vooraf \u201e{title}\u201d",
        share_at_clinic=" bij {name}",
        share_index_title="Links en QR-codes voor afspraakmails",
        share_plain="Tekst",
        share_html="HTML",
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
        poster_heading="Waiting-room posters (PDF, to print)",
        share_subject="Before your appointment: {title}",
        share_line="Before your appointment{clinic}, please read \u201c{title}\u201d",
        share_at_clinic=" at {name}",
        share_index_title="Links and QR codes for appointment e-mails",
        share_plain="Text",
        share_html="HTML",
    ),
}
# fmt: on


def labels_for(lang: str) -> Labels:
    """The words of a language; settings.load_settings has checked that we have them."""
    return LABELS[lang]
