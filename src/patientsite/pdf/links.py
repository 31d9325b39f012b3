"""Make a page's ids and links work inside one PDF that holds several pages.

Every page of a language goes into one HTML document, so ids are made unique per page
(``alarm--koorts``), links between pages that are in the PDF become links inside it, and every
other link points at the online page. External links (DOIs, guidelines) stay as they are and get
their address printed after them when the link text does not already show it.
"""

import xml.etree.ElementTree as ET
from collections.abc import Collection, Mapping
from urllib.parse import unquote, urljoin, urlsplit

from patientsite.pdf import htmltree
from patientsite.pdf.collect import Page
from patientsite.pdf.settings import Language, Settings

PRINT_URL = "print-url"  # class of links whose address is printed after them
# Links that lead to something a reader can open from paper or a PDF viewer.
_EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel")


def prefix_ids(page: Page) -> set[str]:
    """Prefix every id outside inline SVG with the page's slug; returns the original ids.

    SVG ids are left alone: the diagram refers to them from attributes such as
    ``marker-end="url(#...)"``, and each diagram already has ids of its own.
    """
    originals: set[str] = set()
    for element in htmltree.iter_outside_svg(page.article):
        if element_id := element.get("id"):
            originals.add(element_id)
            element.set("id", f"{page.slug}--{element_id}")
    return originals


def _site_path(language: Language, page: Page, href: str) -> tuple[str, str]:
    """A relative link of a page as (path from the site root, fragment)."""
    target = urlsplit(urljoin(f"/{language.root}{page.path}", href))
    path = unquote(target.path).lstrip("/")
    if path.endswith("index.html"):
        path = path.removesuffix("index.html")
    return path, target.fragment


def rewrite_links(
    page: Page,
    settings: Settings,
    language: Language,
    chapters: Mapping[str, tuple[str, Collection[str]]],
) -> None:
    """Point the page's links at chapters of this PDF or at the online site.

    ``chapters`` maps a page address (relative to the language's home) to that chapter's slug
    and its original ids; pass an empty mapping to send every site link online.
    """
    for link in htmltree.iter_outside_svg(page.article):
        if htmltree.local_name(link.tag) != "a" or "href" not in link.attrib:
            continue
        href = link.get("href", "").strip()
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            if parts.scheme not in _EXTERNAL_SCHEMES:
                del link.attrib["href"]  # javascript: and the like do nothing on paper
                continue
            _mark_printed(link, href)
            continue
        path, fragment = _site_path(language, page, href)
        local = path.removeprefix(language.root) if path.startswith(language.root) else None
        if local is not None and local in chapters:
            slug, ids = chapters[local]
            link.set("href", f"#{slug}--{fragment}" if fragment in ids else f"#{slug}")
            continue
        online = settings.site_url + path + (f"#{fragment}" if fragment else "")
        link.set("href", online)
        _mark_printed(link, online)


def _mark_printed(link: ET.Element, href: str) -> None:
    """Print the address after the link, unless the link text already shows it."""
    text = htmltree.text_of(link)
    shown = href.removeprefix("mailto:").removeprefix("tel:")
    if shown in text or text in (href, shown.rstrip("/")):
        return
    link.set("class", " ".join([*htmltree.classes(link), PRINT_URL]))


def absolute_sources(page: Page) -> None:
    """Point images at their files in the built site, as one document has one base address."""
    base = page.file.parent.as_uri() + "/"
    for element in page.article.iter():
        if htmltree.local_name(element.tag) != "img" or not element.get("src"):
            continue
        source = element.get("src", "")
        if not urlsplit(source).scheme:
            element.set("src", urljoin(base, source))
        element.attrib.pop("srcset", None)  # WeasyPrint reads src only
