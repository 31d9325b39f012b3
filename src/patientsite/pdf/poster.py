"""The waiting-room poster of one language, in A3 and in A4: large print, the key messages,
the warning signs in their three tiers, a large QR code to the site and the clinic's details.

The key messages and the warning signs are found the way the handout finds them (the home
page's first list; the first red-flag checklist in navigation order), so the poster shows the
routes (whom to call, how fast) of whatever the site's checklist says, without citation marks.

The poster is laid out three ways, all on A3 with every length in em (print.css):

- on one sheet: everything. The A4 poster is this sheet reduced (A4 is A3 at 1/√2), and it is
  the A3 poster too when it fits at large print (20 pt or more);
- on two sheets, when one sheet would need smaller print: the key messages, and the warning
  signs. Each sheet has a title, the QR code and the site's address and the clinic's details,
  so each one can hang on its own; the code on the sheet of warning signs opens the page about
  them.
"""

from dataclasses import dataclass
from html import escape

from patientsite import record
from patientsite.pdf import htmltree
from patientsite.pdf.collect import CollectError, Page
from patientsite.pdf.document import (
    Meta,
    author_of,
    brand_html,
    html_document,
    printed_address,
    qr_html,
)
from patientsite.pdf.handout import key_messages, prepare_one_sheet, red_flags, strip_ids
from patientsite.pdf.labels import Labels
from patientsite.pdf.settings import Language, Settings
from patientsite.warning_signs.render import poster_checklist_html


@dataclass(frozen=True)
class PosterSize:
    """One paper size of the poster."""

    name: str  # "a3" or "a4": the end of the file name
    scale: float  # its size against A3


A3 = PosterSize("a3", 1.0)
# The A4 poster is the one-sheet A3 poster written at this zoom: A4 has half A3's area.
A4 = PosterSize("a4", 0.5**0.5)
SIZES = (A3, A4)
# Large print: the smallest body text of the A3 poster.
LARGE_PRINT_PT = 20
# The A3 poster's body text sizes to try, largest first.
TEXT_SIZES_PT = (40, 36, 32, 30, 28, 26, 25, 24, 23, 22, 21, LARGE_PRINT_PT)
# The A4 poster is never smaller than this.
A4_SMALLEST_PT = 11
# The one-sheet layout's sizes (on A3): below large print it only makes the A4 poster, which
# reaches A4_SMALLEST_PT at the last size.
ONE_SHEET_SIZES_PT = (*TEXT_SIZES_PT, 19, 18, 17, 16, A4_SMALLEST_PT / A4.scale)


def file_name(size: PosterSize) -> str:
    return f"pdf/poster-{size.name}.pdf"


@dataclass(frozen=True)
class PosterHtml:
    """The poster's three HTML documents."""

    one_sheet: str  # everything on one sheet
    messages: str  # sheet 1 of 2: the key messages
    signs: str  # sheet 2 of 2: the warning signs; "" when the site has none


def poster_html(
    pages: list[Page], settings: Settings, language: Language, labels: Labels
) -> PosterHtml:
    """The poster's documents; ``pages`` are changed (citations taken out)."""
    prepare_one_sheet(pages, settings, language, labels)
    url = settings.page_url(language, "")
    brand = brand_html(settings, labels)
    title = f'<h1 class="poster__title">{escape(language.site_name)}</h1>'
    messages = _messages(pages, labels)
    checklist = _checklist(pages, settings, language)
    clinic = _clinic(settings, labels)
    meta = Meta(
        title=f"{language.site_name}: {labels.poster}",
        author=author_of(settings, language),
        description=language.site_description,
        lang=language.code,
    )
    # The QR code stands top right, beside the title, where a passer-by looks first; the
    # warning signs take the whole width below.
    online = _online(url, labels)
    header = _header([brand, title, messages], online)
    flags = (
        f'<section class="poster__flags"><h2>{escape(labels.red_flags)}</h2>\n{checklist}</section>'
        if checklist
        else ""
    )
    # The sheet of warning signs says so in its title, as it may hang apart from the other;
    # its code is smaller, beside "scan me" and the address, to leave the signs the room. It
    # opens the page about the warning signs, the page this sheet stands for.
    signs_url = _warning_signs_url(settings, language) or url
    signs_header = (
        '<header class="poster__header">\n<div class="poster__lead">\n'
        f'<p class="poster__kicker">{escape(language.site_name)}</p>\n'
        f'<h1 class="poster__title">{escape(labels.warning_signs)}</h1>\n'
        f'<p class="poster__subtitle">{escape(labels.red_flags)}</p>\n</div>\n'
        '<div class="poster__online">\n'
        f'<p class="poster__scan-me">{escape(labels.scan_me)}</p>\n'
        f'<p class="poster__url">{escape(printed_address(signs_url))}</p>\n</div>\n'
        f'<div class="poster__code">{qr_html(signs_url, labels)}</div>\n</header>'
    )

    def document(parts: list[str], kind: str) -> str:
        body = "\n".join(part for part in parts if part)
        return html_document(meta, body, f"poster-pdf poster--{kind}")

    return PosterHtml(
        one_sheet=document([header, flags, clinic], "one-sheet"),
        # Sheet 1 of 2 has room for the code below the messages, larger, beside its words.
        messages=document([_header([brand, title], ""), messages, online, clinic], "messages"),
        signs=document(
            [signs_header, f'<section class="poster__flags">{checklist}</section>', clinic],
            "signs",
        )
        if checklist
        else "",
    )


def _warning_signs_url(settings: Settings, language: Language) -> str:
    """The address of the page about the warning signs, from the build record; "" if none."""
    try:
        page = record.read(settings.site_dir).language(language.code).warning_signs_page()
    except record.RecordError as error:
        raise CollectError(str(error)) from error
    return settings.page_url(language, page.url) if page else ""


def _header(lead: list[str], online: str) -> str:
    parts = "\n".join(part for part in lead if part)
    return (
        f'<header class="poster__header">\n<div class="poster__lead">\n{parts}\n</div>\n'
        f"{online}\n</header>"
    )


def _online(url: str, labels: Labels) -> str:
    """The QR code, "scan me" in words, what it does and the address for who cannot scan."""
    return (
        '<div class="poster__online">\n'
        f'<div class="poster__code">{qr_html(url, labels)}</div>\n'
        '<div class="poster__online-text">\n'
        f'<p class="poster__scan-me">{escape(labels.scan_me)}</p>\n'
        f'<p class="poster__scan">{escape(labels.scan_code)}</p>\n'
        f'<p class="poster__url">{escape(printed_address(url))}</p></div>\n</div>'
    )


def _messages(pages: list[Page], labels: Labels) -> str:
    messages = key_messages(pages[0])
    if messages is None:
        return ""
    return (
        f'<section class="poster__messages"><h2>{escape(labels.key_messages)}</h2>\n'
        f"{htmltree.serialize(strip_ids(messages))}</section>"
    )


def _checklist(pages: list[Page], settings: Settings, language: Language) -> str:
    """The three tiers. Signs in their short form, from the warning-signs file, so they stay
    large; a site without that file has its checklist taken from the pages, as the handout."""
    signs = settings.warning_signs.get(language.code)
    if signs is not None:
        return poster_checklist_html(signs, settings.country)
    if (checklist := red_flags(pages)) is not None:
        return htmltree.serialize(strip_ids(checklist))
    return ""


def _clinic(settings: Settings, labels: Labels) -> str:
    """The clinic's name and how to reach it (its phone number, as a rule), when set."""
    clinic = settings.clinic
    lines = []
    if clinic.name:
        lines.append(f'<span class="poster__clinic-name">{escape(clinic.name)}</span>')
    if clinic.contact:
        lines.append(f"{escape(labels.contact)}: {escape(clinic.contact)}")
    if not lines:
        return ""
    return f'<footer class="poster__clinic"><p>{"<br>".join(lines)}</p></footer>'
