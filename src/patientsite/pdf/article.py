"""The full article of one language as one HTML document, ready for WeasyPrint.

Pages come in navigation order; the full reference list page goes last ("then the
references"), so the PDF reads as one article followed by its sources.
"""

import xml.etree.ElementTree as ET
from html import escape

from patientsite.pdf import htmltree, links
from patientsite.pdf.citations import space_into_markers
from patientsite.pdf.collect import Page
from patientsite.pdf.document import (
    Meta,
    author_of,
    brand_html,
    font_list,
    format_date,
    html_document,
    margin_css,
    online_html,
)
from patientsite.pdf.labels import Labels
from patientsite.pdf.settings import BODY_FAMILIES, Language, Settings


def order_chapters(pages: list[Page]) -> list[Page]:
    """Navigation order, with the page of the full reference list moved to the end."""
    return sorted(pages, key=lambda page: page.full_list)


def prepare(pages: list[Page], settings: Settings, language: Language) -> None:
    """Unique ids, links inside the PDF, absolute images, open <details>, our font in SVG,
    citation markers kept on the line of the word before them."""
    for page in pages:
        # Before the links are rewritten: citations are known by their links' targets.
        space_into_markers(page.article, page.reference_anchors)
    chapters = {page.path: (page.slug, links.prefix_ids(page)) for page in pages}
    for page in pages:
        links.rewrite_links(page, settings, language, chapters)
        links.absolute_sources(page)
        for element in page.article.iter():
            name = htmltree.local_name(element.tag) if isinstance(element.tag, str) else ""
            if name == "details":
                element.set("open", "")  # a folded block would hide its text on paper
            if name == "ol":
                keep_numbers(element)
            if element.get("font-family"):
                # Diagrams name system fonts; the PDF must use the fonts it embeds.
                element.set("font-family", font_list(BODY_FAMILIES))


def keep_numbers(ordered: ET.Element) -> None:
    """Print each item of an ordered list with the number it has on screen, as text.

    WeasyPrint ignores <li value="7"> and counts from 1, which sent [7] to the wrong work;
    numbers as text are also what text extraction and screen readers of the PDF find.
    """
    if ordered.get("reversed") is not None:
        return  # counts down: WeasyPrint's own numbers are no worse than ours would be
    start = ordered.get("start", "1").strip()
    number = int(start) - 1 if start.isdigit() else 0
    ordered.set("class", " ".join([*htmltree.classes(ordered), "numbered"]))
    for item in ordered:
        if not isinstance(item.tag, str) or htmltree.local_name(item.tag) != "li":
            continue
        value = item.get("value", "").strip()
        number = int(value) if value.isdigit() else number + 1
        label = ET.Element("span", {"class": "list-number"})
        label.text = f"{number}."
        label.tail = item.text
        item.text = None
        item.insert(0, label)


def title_block(settings: Settings, language: Language, pages: list[Page], labels: Labels) -> str:
    url = settings.page_url(language, "")
    # The oldest page review stands for the whole text, so the date never overstates; with a
    # draft among the pages (no review line) the text as a whole is not reviewed: no date.
    reviewed = [page.reviewed for page in pages if page.reviewed is not None]
    parts = ['<header class="title-block">', brand_html(settings, labels)]
    parts.append(f'<h1 class="title-block__title">{escape(language.site_name)}</h1>')
    if language.site_description:
        parts.append(f'<p class="title-block__lead">{escape(language.site_description)}</p>')
    if reviewed and len(reviewed) == len(pages):
        day = min(reviewed)
        parts.append(
            f'<p class="title-block__reviewed">{escape(labels.reviewed)}: '
            f'<time datetime="{day.isoformat()}">{escape(format_date(day, labels))}</time></p>'
        )
    parts.append(online_html(url, labels, "online--title"))
    parts.append("</header>")
    return "\n".join(part for part in parts if part)


def contents(pages: list[Page], labels: Labels) -> str:
    """A table of contents with page numbers (filled in by WeasyPrint's target-counter)."""
    items = "\n".join(
        f'<li><a class="toc__link" href="#{page.slug}">{escape(page.title)}</a></li>'
        for page in pages
    )
    title = f'<h2 class="toc__title">{escape(labels.contents)}</h2>'
    return f'<nav class="toc">{title}\n<ol>{items}</ol></nav>'


def chapter(page: Page) -> str:
    return (
        f'<section class="chapter" id="{page.slug}">\n'
        f"{htmltree.inner_html(page.article)}\n</section>"
    )


def article_html(
    pages: list[Page], settings: Settings, language: Language, labels: Labels
) -> tuple[str, str, Meta]:
    """The article's HTML, its page CSS (running header and footer) and its metadata."""
    pages = order_chapters(pages)
    prepare(pages, settings, language)
    body = "\n".join(
        [title_block(settings, language, pages, labels), contents(pages, labels)]
        + [chapter(page) for page in pages]
    )
    meta = Meta(
        title=language.site_name,
        author=author_of(settings, language),
        description=language.site_description,
        lang=language.code,
    )
    url = settings.page_url(language, "")
    page_css = margin_css(language.site_name, settings.clinic.name, url, labels)
    return html_document(meta, body, "article-pdf"), page_css, meta
