"""The share page for clinic staff: instructions, then per page its address, e-mail texts
(each with a copy button) and QR code, in one language.

The page is written after the MkDocs build, beside the site's pages, and looks like them: it
wears the frame the build record gives for the theme, and takes the stylesheets and the <body>
attributes (the theme's colours) of the built home page of its language. It is no MkDocs page,
so it is in neither the search index, the sitemap nor the menu. No inline script or style:
share.js and share.css are files, and without JavaScript every text is still in a box to select
and copy.
"""

import re
import unicodedata
from collections.abc import Mapping
from html import escape
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from patientsite.languages.labels import labels_for as site_labels
from patientsite.pdf.settings import Language, Settings
from patientsite.record import ThemeRecord
from patientsite.share.labels import ShareLabels, share_labels

if TYPE_CHECKING:
    from patientsite.share.kit import ShareLink

ASSETS_DIR = Path(__file__).resolve().parent / "assets"
ASSETS = (ASSETS_DIR / "share.css", ASSETS_DIR / "share.js")
SHARE_DIR = "share"
# The PDFs of each language, as the print line at the top of every page lists them
# (overrides/main.html); the link check fails the build when one is missing.
DOCUMENTS = (
    ("pdf/handout.pdf", "pdf_handout"),
    ("pdf/poster-a3.pdf", "pdf_poster_a3"),
    ("pdf/poster-a4.pdf", "pdf_poster_a4"),
    ("pdf/article.pdf", "pdf_article"),
)

# One page to share: its link, then its e-mail subject, text and HTML snippet.
Entry = tuple["ShareLink", str, str, str]


class PageError(ValueError):
    """The built site lacks what the share page needs; the message names the file."""


_LINK = re.compile(r"<link\b[^>]*>")
_ATTRIBUTE = re.compile(r'\s([a-z-]+)="([^"]*)"')


def _home_page(site_dir: Path, language: Language) -> str:
    home = site_dir / language.root / "index.html"
    try:
        return home.read_text("utf-8")
    except OSError as error:
        raise PageError(f"The share page needs the built home page {home}: {error}") from error


def _site_links(html: str, language: Language) -> tuple[list[str], str]:
    """The stylesheets and the icon the language's home page links, as paths from the site's
    root: the share page looks like the site with whatever theme files and extra_css it has."""
    stylesheets: list[str] = []
    icon = ""
    for tag in _LINK.findall(html[: html.find("</head>")]):
        attributes = dict(_ATTRIBUTE.findall(tag))
        href = attributes.get("href", "")
        if not href or urlsplit(href).scheme:
            continue
        path = urljoin(f"/{language.root}", href).lstrip("/")
        if attributes.get("rel") == "stylesheet":
            stylesheets.append(path)
        elif attributes.get("rel") == "icon":
            icon = path
    if not stylesheets:
        raise PageError(
            f"The share page found no stylesheet on the built home page of {language.code!r}. "
            "Run the whole build (make site)."
        )
    return stylesheets, icon


def _body_attributes(html: str) -> str:
    """The attributes of the <body> of the language's built home page (the theme keeps its
    colour scheme there), as written: ' dir="ltr" data-...'."""
    body = re.search(r"<body\b([^>]*)>", html)
    return body.group(1).rstrip() if body else ""


def _field(
    field_id: str,
    label: str,
    value: str,
    button: str,
    classes: str,
    labels: ShareLabels,
    copied: str = "",
) -> str:
    """A labelled box holding a text to copy, and its copy button (shown by share.js), which
    then says `copied` (by default: paste it into your e-mail)."""
    # Tall enough for the whole text on a phone, where a line of about 40 letters wraps.
    rows = sum(1 + len(line) // 40 for line in value.rstrip("\n").split("\n")) + 1
    return (
        f'<div class="share-field">\n<label for="{field_id}">{escape(label)}</label>\n'
        f'<textarea id="{field_id}" class="share-field__box" readonly rows="{rows}">'
        f"{escape(value)}</textarea>\n"
        f'<p class="share-field__actions"><button type="button" class="{classes} '
        f'share-copy" data-copy="{field_id}" data-copied="{escape(copied or labels.copied)}" '
        f'data-failed="{escape(labels.copy_failed)}" hidden>{escape(button)}</button>\n'
        f'<span class="share-copy__status" role="status"></span></p>\n</div>'
    )


def _download_name(link: "ShareLink") -> str:
    """The name a downloaded QR code is saved under: its language and the page's title
    ("qr-nl-waarom-meestal-geen-scan"), so a folder of them can be told apart."""
    ascii_title = unicodedata.normalize("NFKD", link.title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    return "-".join(["qr", link.lang, *words])


def _entry(entry: Entry, files: str, theme: ThemeRecord, labels: ShareLabels) -> str:
    link, subject, text, html = entry
    name = f"{files}{link.slug}-qr"
    saved = _download_name(link)
    url = escape(link.url)
    return (
        f'<section class="share-entry" aria-labelledby="page-{link.slug}">\n'
        f'<h3 id="page-{link.slug}">{escape(link.title)}</h3>\n'
        f'<div class="share-entry__body">\n<div class="share-entry__texts">\n'
        f'<p>{escape(labels.address)}: <a href="{url}">{url}</a></p>\n'
        # The text first, then the subject: the order of the steps at the top of the page.
        + _field(
            f"{link.slug}-text",
            labels.text_label,
            text,
            labels.copy_text,
            theme.primary_button,
            labels,
        )
        + "\n"
        + _field(
            f"{link.slug}-subject",
            labels.subject_label,
            subject,
            labels.copy_subject,
            theme.button,
            labels,
        )
        + f'\n<details class="share-html">\n<summary>{escape(labels.html_summary)}</summary>\n'
        + _field(
            f"{link.slug}-html",
            labels.html_label,
            html,
            labels.copy_html,
            theme.button,
            labels,
            labels.copied_html,
        )
        + "\n</details>\n</div>\n"
        f'<figure class="share-entry__qr">\n'
        f'<img src="{name}.svg" width="160" height="160" '
        f'alt="{escape(labels.qr_alt.format(url=link.url))}">\n'
        f"<figcaption>{escape(labels.qr_download)}<br>\n"
        f'<a href="{name}.png" download="{saved}.png">{escape(labels.qr_png)}</a><br>\n'
        f'<a href="{name}.svg" download="{saved}.svg">{escape(labels.qr_svg)}</a></figcaption>\n'
        "</figure>\n</div>\n</section>"
    )


def _language_switch(settings: Settings, language: Language, root: str) -> str:
    """The language switch's items: each language's share page, the current one marked."""
    items = []
    for other in settings.languages:
        words = share_labels(other.code)
        current = ' aria-current="page"' if other == language else ""
        items.append(
            f'<li class="lang-switch__item"><a href="{root}{other.root}{SHARE_DIR}/" '
            f'hreflang="{other.code}" lang="{other.code}" class="lang-switch__link"{current}>'
            f'{escape(other.code.upper())}<span class="lang-switch__name"> '
            f"{escape(words.name)}</span></a></li>"
        )
    return "\n".join(items)


def _page_count(pages: int | None, labels: ShareLabels) -> str:
    """ ", 48 pages" after a PDF's link, so nobody prints the long one by mistake."""
    if pages is None:
        return ""
    return ", " + (labels.one_page if pages == 1 else labels.page_count.format(count=pages))


def share_page(
    settings: Settings,
    language: Language,
    entries: list[Entry],
    theme: ThemeRecord,
    documents_pages: Mapping[str, int] | None = None,
) -> str:
    """The whole share page of one language, in the theme's frame; `documents_pages` gives the
    number of pages of each PDF by its path in the site, when the PDFs are built."""
    documents_pages = documents_pages or {}
    labels = share_labels(language.code)
    words = site_labels(language.code)
    # From <lang root>share/index.html back to the site's root: "../" or "../../".
    root = "../" * (1 + language.root.count("/"))
    files = f"{root}{SHARE_DIR}/{language.code}/"
    steps = "\n".join(f"<li>{escape(step)}</li>" for step in labels.email_steps)
    documents = "\n".join(
        f'<li><a href="{root}{language.root}{path}">{escape(words[key])}</a>'
        f"{_page_count(documents_pages.get(language.root + path), labels)}</li>"
        for path, key in DOCUMENTS
    )
    contents = "\n".join(
        f'<li><a href="#page-{link.slug}">{escape(link.title)}</a></li>' for link, *_ in entries
    )
    site_name = escape(language.site_name)
    sections = "\n".join(_entry(entry, files, theme, labels) for entry in entries)
    home = _home_page(settings.site_dir, language)
    stylesheets, icon = _site_links(home, language)
    theme_links = "\n".join(f'<link rel="stylesheet" href="{root}{path}">' for path in stylesheets)
    if icon:
        theme_links = f'<link rel="icon" href="{root}{icon}">\n{theme_links}'
    content = f"""<h1>{escape(labels.title)}</h1>
<p>{escape(labels.intro)}</p>
<p>{escape(labels.other_language)}</p>
<h2>{escape(labels.email_heading)}</h2>
<ol>
{steps}
</ol>
<p>{escape(labels.email_fallback)}</p>
<h2>{escape(labels.qr_heading)}</h2>
<p>{escape(labels.qr_text)}</p>
<h2>{escape(labels.print_heading)}</h2>
<p>{escape(labels.print_text)}</p>
<ul aria-label="{escape(labels.documents_label)}">
{documents}
</ul>
<h2>{escape(labels.pages_heading)}</h2>
<nav aria-label="{escape(labels.pages_label)}">
<ul>
{contents}
</ul>
</nav>
{sections}"""
    body = Template(theme.frame).substitute(
        skip=escape(labels.skip),
        title=f'<a href="../" class="share-header__home">{site_name}</a>',
        switch_label=escape(labels.language_switch),
        switch_items=_language_switch(settings, language, root),
        name="share",
        content=content,
    )
    return f"""<!DOCTYPE html>
<html lang="{language.code}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>{escape(labels.title)} - {site_name}</title>
{theme_links}
<link rel="stylesheet" href="{root}{SHARE_DIR}/share.css">
<script src="{root}{SHARE_DIR}/share.js" defer></script>
</head>
<body{_body_attributes(home)} data-site-root="{root}">
{body}
</body>
</html>
"""
