"""Make every PDF of the site: per language the full article and the one-page handout.

The PDFs go beside each language's pages, so each language links to its own:
``site/pdf/article.pdf`` and ``site/pdf/handout.pdf`` for the default language,
``site/en/pdf/...`` for English.
"""

import copy
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from weasyprint import Document

from patientsite.pdf.article import article_html
from patientsite.pdf.collect import Page, collect
from patientsite.pdf.document import font_css
from patientsite.pdf.handout import handout_html
from patientsite.pdf.labels import labels_for
from patientsite.pdf.render import PdfError, pdf_bytes, render, write_atomically
from patientsite.pdf.settings import FONT_FAMILY, Language, Settings

log = logging.getLogger(__name__)

ARTICLE = "pdf/article.pdf"
HANDOUT = "pdf/handout.pdf"
# The handout's text size, largest first: the first that fits on one page is used; if none
# does, the first that fits on one sheet printed on both sides (two pages).
HANDOUT_SIZES_PT = (14, 13.5, 13, 12.5, 12)
HANDOUT_MAX_PAGES = 2


@dataclass(frozen=True)
class Output:
    """One PDF written."""

    path: Path  # where it was written
    language: str  # its language code
    pages: int  # its number of pages
    size: int  # its size in bytes


def pdf_path(settings: Settings, language: Language, name: str) -> Path:
    return settings.site_dir / language.root / name


def _check_fonts(document: Document, what: str) -> None:
    """Every font in the PDF must be ours: a fallback font would come from the machine."""
    families = {font.family for font in document.fonts.values()}
    others = sorted(str(family) for family in families if FONT_FAMILY not in str(family))
    if others:
        raise PdfError(
            f"{what}: some characters are not in the font '{FONT_FAMILY}', so the machine's "
            f"font {', '.join(others)} was used. Replace those characters in the text."
        )


def _write(document: Document, target: Path, language: Language, what: str) -> Output:
    data = pdf_bytes(document, what)
    _check_fonts(document, what)
    write_atomically(target, data)
    log.info(f"{target}: {len(document.pages)} pages, {len(data) // 1024} kB")
    return Output(path=target, language=language.code, pages=len(document.pages), size=len(data))


def build_article(settings: Settings, language: Language, pages: list[Page]) -> Output:
    target = pdf_path(settings, language, ARTICLE)
    what = f"The full article PDF ({language.code}, {target.name})"
    html, page_css, _meta = article_html(pages, settings, language, labels_for(language.code))
    document = render(font_css(settings) + page_css, html, settings.site_dir, what)
    return _write(document, target, language, what)


def build_handout(settings: Settings, language: Language, pages: list[Page]) -> Output:
    target = pdf_path(settings, language, HANDOUT)
    what = f"The handout PDF ({language.code}, {target.name})"
    html, page_css, _meta = handout_html(pages, settings, language, labels_for(language.code))

    def layout(size: float) -> Document:
        css = font_css(settings) + page_css + f"\n.handout-pdf {{ font-size: {size}pt; }}\n"
        return render(css, html, settings.site_dir, what)

    # The smallest size tells at once whether one page is within reach, which saves laying
    # out every size in between when it is not.
    smallest = layout(HANDOUT_SIZES_PT[-1])
    pages_allowed = 1 if len(smallest.pages) == 1 else HANDOUT_MAX_PAGES
    for size in HANDOUT_SIZES_PT:
        document = smallest if size == HANDOUT_SIZES_PT[-1] else layout(size)
        if len(document.pages) <= pages_allowed:
            return _write(document, target, language, what)
    raise PdfError(
        f"{what}: the key messages of {pages[0].file} and the warning signs do not fit on "
        f"{HANDOUT_MAX_PAGES} A4 pages, even at {HANDOUT_SIZES_PT[-1]} pt. Shorten them."
    )


def build_language(settings: Settings, language: Language) -> list[Output]:
    """The full article and the handout of one language."""
    pages = collect(settings, language)
    # Each document changes its pages' trees (ids, links): give each its own copy.
    return [
        build_article(settings, language, copy.deepcopy(pages)),
        build_handout(settings, language, pages),
    ]


def build_all(settings: Settings, workers: int | None = None) -> list[Output]:
    """Every PDF, each written whole or not at all.

    Languages are laid out in parallel processes (WeasyPrint's layout is pure Python and
    holds the GIL): with two languages on two cores this halves the step's time.
    """
    workers = workers or min(len(settings.languages), os.cpu_count() or 1)
    if workers <= 1:
        outputs = [build_language(settings, language) for language in settings.languages]
        return [output for language_outputs in outputs for output in language_outputs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = pool.map(build_language, repeat(settings), settings.languages)
        return [output for outputs in results for output in outputs]
