"""The one-page waiting-room handout of one language: key messages, red flags, a large QR code.

The key messages are the list at the top of the home page (before its first section); the
red-flag checklist is the first ``<div class="red-flags">`` in navigation order. Links become
links to the online pages: on a handout there is no other chapter to point at.
"""

import copy
import logging
import xml.etree.ElementTree as ET
from html import escape

from patientsite.pdf import htmltree, links, sources
from patientsite.pdf.citations import strip_citations
from patientsite.pdf.collect import Page
from patientsite.pdf.document import (
    Meta,
    author_of,
    brand_html,
    format_date,
    html_document,
    online_text_html,
    printed_address,
    qr_html,
)
from patientsite.pdf.labels import Labels
from patientsite.pdf.settings import Language, Settings

log = logging.getLogger(__name__)


def key_messages(home: Page) -> ET.Element | None:
    """The first list of the home page, if it comes before the page's first section."""
    for element in htmltree.iter_outside_svg(home.article):
        name = htmltree.local_name(element.tag) if isinstance(element.tag, str) else ""
        if name == "h2":
            return None
        if name in ("ul", "ol"):
            return element
    return None


def red_flags(pages: list[Page]) -> ET.Element | None:
    """The first red-flag checklist, in navigation order."""
    for page in pages:
        if (checklist := htmltree.query(page.article, "div.red-flags")) is not None:
            return checklist
    return None


def strip_ids(element: ET.Element) -> ET.Element:
    """A copy without ids: the handout is one page, nothing links into it."""
    element = copy.deepcopy(element)
    for descendant in element.iter():
        descendant.attrib.pop("id", None)
    return element


def prepare_one_sheet(
    pages: list[Page], settings: Settings, language: Language, labels: Labels
) -> None:
    """Pages for a sheet on a wall (handout, poster): no citation numbers, which point at no
    list there, and links to the online pages, since the sheet has no other chapter."""
    for page in pages:
        strip_citations(page.article, page.reference_anchors)
        plain_same_page_links(page.article)
        links.rewrite_links(page, settings, language, chapters={})


def plain_same_page_links(article: ET.Element) -> None:
    """Make links to another place on the same page plain text: a sheet shows only part of
    the page, so such a link points at nothing, and its web address would only clutter it."""
    # HTML elements have no namespace (htmltree.parse); a link inside a drawing stays a link.
    for element in article.iter():
        if element.tag == "a" and element.get("href", "").startswith("#"):
            element.tag = "span"
            element.attrib.clear()


def handout_html(
    pages: list[Page], settings: Settings, language: Language, labels: Labels
) -> tuple[str, str, Meta]:
    """The handout's HTML, its page CSS and its metadata."""
    home = pages[0]
    prepare_one_sheet(pages, settings, language, labels)
    url = settings.page_url(language, "")
    # The QR code sits top right, beside the title, where a passer-by looks first.
    parts = [
        '<header class="handout__header">\n<div class="handout__heading">',
        brand_html(settings, labels),
        f'<h1 class="handout__title">{escape(language.site_name)}</h1>',
        online_text_html(url, labels),
        "</div>",
        qr_html(url, labels),
        "</header>",
    ]
    messages = key_messages(home)
    if messages is None:
        page = sources.source_name(settings, language, home.path, home.file)
        log.warning(f"{page}: no key-messages list at the top; the handout goes without.")
    else:
        parts.append(
            f'<section class="handout__messages"><h2>{escape(labels.key_messages)}</h2>\n'
            f"{htmltree.serialize(strip_ids(messages))}</section>"
        )
    checklist = red_flags(pages)
    if checklist is None:
        log.warning(f"{language.code}: no page has a red-flag checklist; the handout goes without.")
    else:
        parts.append(
            f'<section class="handout__flags"><h2>{escape(labels.red_flags)}</h2>\n'
            f"{htmltree.serialize(strip_ids(checklist))}</section>"
        )
    parts.append(f'<footer class="handout__footer">{_details(pages, settings, language, labels)}')
    parts.append("</footer>")
    meta = Meta(
        title=f"{language.site_name}: {labels.key_messages}",
        author=author_of(settings, language),
        description=language.site_description,
        lang=language.code,
    )
    body = "\n".join(part for part in parts if part)
    # No running header or page numbers: the handout is one page for a wall.
    return html_document(meta, body, "handout-pdf"), "", meta


def _details(pages: list[Page], settings: Settings, language: Language, labels: Labels) -> str:
    """Review date, clinic contact and where the sources are, in one small line each."""
    lines = []
    reviewed = [page.reviewed for page in pages if page.reviewed is not None]
    if reviewed and len(reviewed) == len(pages):  # no date while a page is a draft
        lines.append(f"{escape(labels.reviewed)}: {escape(format_date(min(reviewed), labels))}")
    if settings.clinic.contact:
        lines.append(f"{escape(labels.contact)}: {escape(settings.clinic.contact)}")
    full_list = next((page for page in pages if page.full_list), None)
    if full_list is not None:
        address = settings.page_url(language, full_list.path)
        lines.append(f"{escape(labels.sources_note)}: {escape(printed_address(address))}")
    return '<p class="handout__details">' + "<br>".join(lines) + "</p>"
