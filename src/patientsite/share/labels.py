"""Every word of the share kit and the share page, as a typed table per language.

The words are in src/patientsite/words/<language>.yml (section `share`, and `shared`), each with
what it is for. The e-mail addresses the patient as the site does: "je" in Dutch, "you" in
English. The page speaks to clinic staff (a receptionist, not a programmer), in the same plain
words.
"""

from dataclasses import dataclass

from patientsite.words import languages, view


@dataclass(frozen=True)
class ShareLabels:
    """The words of one language."""

    name: str
    language_switch: str
    subject: str  # {title} is the page title
    line: str  # {clinic} is at_clinic or "", {title} the page title
    at_clinic: str  # {name} is the clinic's name
    safety: str  # some symptoms cannot wait; the warning-signs page's address follows
    qr_alt: str  # {url} is the QR code's web address
    title: str
    skip: str
    intro: str
    other_language: str
    email_heading: str
    email_steps: tuple[str, ...]  # in order
    email_fallback: str
    qr_heading: str
    qr_text: str
    print_heading: str
    print_text: str
    documents_label: str
    one_page: str  # after a PDF's link, when it has one page
    page_count: str  # after a PDF's link; {count} is its number of pages
    pages_heading: str
    pages_label: str
    address: str
    subject_label: str
    text_label: str
    html_summary: str
    html_label: str
    copy_subject: str
    copy_text: str
    copy_html: str
    copied: str
    copied_html: str
    copy_failed: str
    qr_download: str
    qr_png: str
    qr_svg: str


LABELS: dict[str, ShareLabels] = {
    language: view(ShareLabels, language, "share") for language in languages()
}


def share_labels(lang: str) -> ShareLabels:
    """The words of a language; the settings were checked against the PDF's languages, which
    are these."""
    return LABELS[lang]
