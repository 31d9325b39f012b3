"""Collect the article pages of one language from the built site, in navigation order.

The navigation order is read from the sidebar of the language's built home page: that is what
readers see, whether mkdocs.yml has a `nav` (and static-i18n translated it) or MkDocs made its
default order (home first, then alphabetical). Each page's `<article>` is taken without the
theme's chrome (permalink signs, edit buttons, scripts).
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from patientsite.pdf import htmltree
from patientsite.pdf.settings import Language, Settings

# Theme parts that may sit inside <article> but mean nothing on paper (.pdf-links: the links
# to these very PDFs).
CHROME = (
    "a.headerlink, .md-content__button, .md-source-file, .md-feedback, .md-top, "
    "script, noscript, form, button, input, .md-annotation__index, .pdf-links"
)
NAV_LINKS = "nav.md-nav--primary a.md-nav__link[href]"


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


def in_site(settings: Settings, file: Path) -> str:
    """A built file as "site/en/scan/index.html": the build works in a temporary folder that
    is gone by the time anyone reads the message."""
    try:
        return f"site/{file.relative_to(settings.site_dir).as_posix()}"
    except ValueError:
        return str(file)


def language_home(settings: Settings, language: Language) -> Path:
    return settings.site_dir / language.root / "index.html"


def nav_paths(home_html: str) -> list[str]:
    """The page addresses in the sidebar of a home page, in order, relative to that home."""
    root = htmltree.parse(home_html)
    paths: list[str] = []
    for link in htmltree.query_all(root, NAV_LINKS):
        href = link.get("href", "")
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("#") or href.startswith("/"):
            continue  # headings of the current page, and links that leave the site
        path = urlsplit(urljoin("/", parts.path)).path.lstrip("/")
        if path.endswith("index.html"):
            path = path.removesuffix("index.html")
        if path not in paths:
            paths.append(path)
    return paths


def page_file(settings: Settings, language: Language, path: str) -> Path:
    """The built file of a page address (directory URLs or not)."""
    folder = settings.site_dir / language.root
    return folder / path / "index.html" if path == "" or path.endswith("/") else folder / path


def slug_of(path: str) -> str:
    name = path.strip("/").removesuffix(".html")
    return name.replace("/", "-") or "index"


def reviewed_date(article: ET.Element) -> date | None:
    """The date in the page's "last reviewed" line (patientsite.pages puts it after the h1)."""
    time = htmltree.query(article, ".page-review time[datetime]")
    if time is None:
        return None
    try:
        return date.fromisoformat(time.get("datetime", ""))
    except ValueError:
        return None


def _head_and_article(html: str) -> str:
    """Only the page's <head> and <article>, when both can be found.

    The theme's navigation makes up most of every built page; parsing it for each page made
    the PDF step several times slower. Material writes exactly one <article> per page.
    """
    head_end = html.find("</head>")
    start = html.find("<article")
    end = html.rfind("</article>")
    if head_end < 0 or start < head_end or end < start:
        return html
    return html[: head_end + len("</head>")] + "<body>" + html[start : end + len("</article>")]


def read_page(settings: Settings, language: Language, path: str) -> Page:
    """One built page: its article without chrome, its title, description and review date."""
    file = page_file(settings, language, path)
    try:
        html = file.read_text(encoding="utf-8")
    except OSError as error:
        raise CollectError(
            f"The navigation links to {path or 'the home page'!r}, but {in_site(settings, file)} "
            "cannot be read: "
            f"{error.strerror}."
        ) from error
    root = htmltree.parse(_head_and_article(html))
    article = htmltree.query(root, "article.md-content__inner") or htmltree.query(root, "article")
    if article is None:
        raise CollectError(
            f"{in_site(settings, file)} has no <article>: is it a page built by MkDocs Material?"
        )
    for element in htmltree.query_all(article, CHROME):
        htmltree.remove(article, element)
    heading = htmltree.query(article, "h1")
    title = htmltree.text_of(heading) if heading is not None else path
    meta = htmltree.query(root, 'meta[name="description"]')
    return Page(
        path=path,
        slug=slug_of(path),
        title=title,
        description=meta.get("content", "") if meta is not None else "",
        reviewed=reviewed_date(article),
        article=article,
        file=file,
    )


def collect(settings: Settings, language: Language) -> list[Page]:
    """The article pages of a language, in navigation order."""
    home = language_home(settings, language)
    try:
        home_html = home.read_text(encoding="utf-8")
    except OSError as error:
        raise CollectError(
            f"The built site has no home page for {language.code!r}: {in_site(settings, home)} "
            f"({error.strerror}). Run mkdocs build first."
        ) from error
    paths = nav_paths(home_html)
    if "" not in paths:
        paths.insert(0, "")  # a nav without the home page: the PDF still starts with it
    return [read_page(settings, language, path) for path in paths]
