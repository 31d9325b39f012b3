"""Collect the article pages of one language from the built site, in reading order.

Which pages there are, in what order, and when each was reviewed comes from the build's own
record (patientsite.record), not from the theme's navigation; so does where the theme puts a
page's text, and which of the theme's parts inside it to leave behind (permalink signs, edit
buttons).
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from patientsite import record
from patientsite.pdf import htmltree
from patientsite.pdf.settings import Language, Settings

# What may sit inside a page's text but means nothing on paper, whatever the theme (.pdf-links:
# the links to these very PDFs).
NOT_ON_PAPER = "script, noscript, form, button, input, .pdf-links"


class CollectError(ValueError):
    """The built site lacks something the PDFs need; the message names the file."""


@dataclass
class Page:
    """One article page of the built site."""

    path: str  # address relative to its language's home: "" for the home page, "alarm/"
    slug: str  # short unique name used for ids inside a PDF: "index", "alarm"
    title: str  # the text of the page's first heading
    description: str  # the page's meta description, or ""
    reviewed: date | None  # the page's last-reviewed date, if the page shows one
    article: ET.Element  # the page's <article>, without the theme's chrome
    file: Path  # the built HTML file
    reference_anchors: frozenset[str] = frozenset()  # ids of its reference list's entries
    full_list: bool = False  # whether it is the page with the full reference list


def in_site(settings: Settings, file: Path) -> str:
    """A built file as "site/en/scan/index.html": the build works in a temporary folder that
    is gone by the time anyone reads the message."""
    try:
        return f"site/{file.relative_to(settings.site_dir).as_posix()}"
    except ValueError:
        return str(file)


def page_file(settings: Settings, language: Language, path: str) -> Path:
    """The built file of a page address (directory URLs or not)."""
    folder = settings.site_dir / language.root
    return folder / path / "index.html" if path == "" or path.endswith("/") else folder / path


def slug_of(path: str) -> str:
    name = path.strip("/").removesuffix(".html")
    return name.replace("/", "-") or "index"


def _head_and_article(html: str) -> str:
    """Only the page's <head> and <article>, when both can be found.

    The theme's navigation makes up most of every built page; parsing it for each page made
    the PDF step several times slower. A page has one <article>, holding its text.
    """
    head_end = html.find("</head>")
    start = html.find("<article")
    end = html.rfind("</article>")
    if head_end < 0 or start < head_end or end < start:
        return html
    return html[: head_end + len("</head>")] + "<body>" + html[start : end + len("</article>")]


def read_page(
    settings: Settings,
    language: Language,
    entry: record.PageRecord,
    theme: record.ThemeRecord,
    full_list: str | None,
) -> Page:
    """One built page: its article without chrome, its title, description and review date."""
    path = entry.url
    file = page_file(settings, language, path)
    try:
        html = file.read_text(encoding="utf-8")
    except OSError as error:
        raise CollectError(
            f"The build lists {entry.source}, but {in_site(settings, file)} "
            "cannot be read: "
            f"{error.strerror}."
        ) from error
    root = htmltree.parse(_head_and_article(html))
    article = htmltree.query(root, theme.article)
    if article is None:
        raise CollectError(
            f"{in_site(settings, file)} has no {theme.article}, where the build record says "
            "the theme puts a page's text: rebuild the site (make site)."
        )
    chrome = f"{theme.chrome}, {NOT_ON_PAPER}" if theme.chrome else NOT_ON_PAPER
    for element in htmltree.query_all(article, chrome):
        htmltree.remove(article, element)
    heading = htmltree.query(article, "h1")
    title = htmltree.text_of(heading) if heading is not None else path
    meta = htmltree.query(root, 'meta[name="description"]')
    return Page(
        path=path,
        slug=slug_of(path),
        title=title,
        description=meta.get("content", "") if meta is not None else "",
        reviewed=entry.reviewed,
        article=article,
        file=file,
        reference_anchors=frozenset(work.anchor for work in entry.cited),
        full_list=path == full_list,
    )


def collect(settings: Settings, language: Language) -> list[Page]:
    """The article pages of a language, in reading order, the home page first."""
    try:
        built = record.read(settings.site_dir)
        pages = built.language(language.code)
    except record.RecordError as error:
        raise CollectError(str(error)) from error
    ordered = sorted(pages.pages, key=lambda entry: entry.url != "")
    return [read_page(settings, language, entry, built.theme, pages.full_list) for entry in ordered]
