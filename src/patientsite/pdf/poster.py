"""The waiting-room poster of one language, in A3 and in A4: large print, the key messages, the
warning signs in their three tiers, a large QR code to the site and the clinic's details.

The key messages and the warning signs are found the way the handout finds them (the home
page's first list; the first red-flag checklist in navigation order), so the poster shows the
routes (whom to call, how fast) of whatever the site's checklist says, without citation marks.
"""

from dataclasses import dataclass
from html import escape

from patientsite.pdf import htmltree
from patientsite.pdf.collect import Page
from patientsite.pdf.document import Meta, author_of, brand_html, html_document, qr_html
from patientsite.pdf.handout import key_messages, prepare_one_sheet, red_flags, strip_ids
from patientsite.pdf.labels import Labels
from patientsite.pdf.settings import Language, Settings
from patientsite.warning_signs.render import poster_checklist_html


@dataclass(frozen=True)
class PosterSize:
    """One paper size of the poster."""

    name: str  # "a3" or "a4": the file name's end and the CSS page name's
    scale: float  # its size against A3: every length of its layout is A3's times this


# A4 is the A3 poster reduced to half the area (print.css sizes everything in em, the margins
# too), so the A4 poster has A3's layout and line breaks at 1/1.414 of its text size.
A3 = PosterSize("a3", 1.0)
A4 = PosterSize("a4", 0.5**0.5)
SIZES = (A3, A4)
# The A3 poster's body text sizes to try, largest first. Large print is 20 pt or more; the
# full list of warning signs (all three tiers, both countries' routes) needs 16 to 17 pt on
# one A3 sheet, and cutting signs to reach 20 pt is not an option.
TEXT_SIZES_PT = (32, 30, 28, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16)
# The A4 poster is the A3 one reduced: never smaller than this.
A4_SMALLEST_PT = 11


def file_name(size: PosterSize) -> str:
    return f"pdf/poster-{size.name}.pdf"


def poster_html(
    pages: list[Page], settings: Settings, language: Language, labels: Labels, size: PosterSize
) -> tuple[str, Meta]:
    """The poster's HTML and metadata; ``pages`` are changed (citations taken out)."""
    prepare_one_sheet(pages, settings, language, labels)
    url = settings.page_url(language, "")
    # The QR code stands top right, beside the title and the key messages, where a passer-by
    # looks first; the warning signs take the whole width below.
    parts = [
        '<header class="poster__header">\n<div class="poster__lead">',
        brand_html(settings, labels),
        f'<h1 class="poster__title">{escape(language.site_name)}</h1>',
    ]
    messages = key_messages(pages[0])
    if messages is not None:
        parts.append(
            f'<section class="poster__messages"><h2>{escape(labels.key_messages)}</h2>\n'
            f"{htmltree.serialize(strip_ids(messages))}</section>"
        )
    parts.append(
        '</div>\n<div class="poster__online">\n'
        f'<div class="poster__code">{qr_html(url, labels)}</div>\n'
        f'<p class="poster__scan-me">{escape(labels.scan_me)}</p>\n'
        f'<p class="poster__scan">{escape(labels.scan_code)}</p>\n'
        f'<p class="poster__url">{escape(url)}</p>\n</div>\n</header>'
    )
    # Signs in their short form, from the warning-signs file, so large print fits one sheet;
    # a site without that file has its checklist taken from the pages, as the handout does.
    signs = settings.warning_signs.get(language.code)
    if signs is not None:
        checklist_html = poster_checklist_html(signs, settings.country)
    elif (checklist := red_flags(pages)) is not None:
        checklist_html = htmltree.serialize(strip_ids(checklist))
    else:
        checklist_html = ""
    if checklist_html:
        parts.append(
            f'<section class="poster__flags"><h2>{escape(labels.red_flags)}</h2>\n'
            f"{checklist_html}</section>"
        )
    parts.append(_clinic(settings, labels))
    meta = Meta(
        title=f"{language.site_name}: {labels.poster}",
        author=author_of(settings, language),
        description=language.site_description,
        lang=language.code,
    )
    body = "\n".join(part for part in parts if part)
    return html_document(meta, body, f"poster-pdf poster--{size.name}"), meta


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
