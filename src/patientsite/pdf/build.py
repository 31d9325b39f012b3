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

from patientsite.pdf import coverage, sources
from patientsite.pdf.article import article_html
from patientsite.pdf.collect import Page, collect
from patientsite.pdf.document import font_css
from patientsite.pdf.handout import handout_html
from patientsite.pdf.labels import labels_for
from patientsite.pdf.poster import (
    A3,
    A4,
    A4_SMALLEST_PT,
    LARGE_PRINT_PT,
    ONE_SHEET_SIZES_PT,
    TEXT_SIZES_PT,
    file_name,
    poster_html,
)
from patientsite.pdf.render import PdfError, pdf_bytes, render, write_atomically
from patientsite.pdf.settings import FONT_FILES, Language, Settings

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
    ours = {font.family for font in FONT_FILES}
    others = sorted({str(font.family) for font in document.fonts.values()} - ours)
    if others:  # check_characters should have caught it; this guards the PDF itself
        raise PdfError(
            f"{what}: some characters are in none of the PDF fonts, so the machine's font "
            f"{', '.join(others)} was used."
        )


def check_characters(settings: Settings, language: Language, pages: list[Page]) -> None:
    """Every character must be in one of our fonts; else name each one and where it is."""
    fonts = coverage.covered(path for _font, path in settings.font_files())
    problems: list[str] = []
    for page in pages:
        text = coverage.printed_text(page.article)
        for character in coverage.missing(text, fonts):
            places = sources.find(settings, language, page.path, [character])
            where = [str(place) for place in places] or [
                sources.source_name(settings, language, page.path, page.file)
            ]
            problems.extend(f"  {place}: {coverage.describe(character)}" for place in where)
    clinic = settings.clinic
    for character in coverage.missing(
        " ".join((language.site_name, language.site_description, clinic.name, clinic.contact)),
        fonts,
    ):
        problems.append(
            f"  {sources.shown(settings, settings.config_file)}: {coverage.describe(character)}"
        )
    if problems:
        raise PdfError(
            f"Some characters ({language.code}) cannot be printed: none of the PDF fonts has "
            "them.\n" + "\n".join(dict.fromkeys(problems)) + "\nReplace each one (for example "
            "by a word, or a letter of the Latin, Greek, Cyrillic, Hebrew or Arabic alphabet), "
            "or ask a developer to add a font that has it to src/patientsite/pdf/fonts."
        )


def _write(
    settings: Settings,
    document: Document,
    target: Path,
    language: Language,
    what: str,
    zoom: float = 1,
) -> Output:
    data = pdf_bytes(document, what, zoom)
    _check_fonts(document, what)
    write_atomically(target, data)
    # Named within the site: the build writes into a temporary folder that is gone afterwards.
    name = target.relative_to(settings.site_dir).as_posix()
    log.info(f"site/{name}: {len(document.pages)} pages, {len(data) // 1024} kB")
    return Output(path=target, language=language.code, pages=len(document.pages), size=len(data))


def build_article(settings: Settings, language: Language, pages: list[Page]) -> Output:
    target = pdf_path(settings, language, ARTICLE)
    what = f"The full article PDF ({language.code}, {target.name})"
    html, page_css, _meta = article_html(pages, settings, language, labels_for(language.code))
    document = render(font_css(settings), page_css, html, settings.site_dir, what)
    return _write(settings, document, target, language, what)


def build_handout(settings: Settings, language: Language, pages: list[Page]) -> Output:
    target = pdf_path(settings, language, HANDOUT)
    what = f"The handout PDF ({language.code}, {target.name})"
    html, page_css, _meta = handout_html(pages, settings, language, labels_for(language.code))

    def layout(size: float) -> Document:
        css = page_css + f"\n.handout-pdf {{ font-size: {size}pt; }}\n"
        return render(font_css(settings), css, html, settings.site_dir, what)

    # The smallest size tells at once whether one page is within reach, which saves laying
    # out every size in between when it is not.
    smallest = layout(HANDOUT_SIZES_PT[-1])
    pages_allowed = 1 if len(smallest.pages) == 1 else HANDOUT_MAX_PAGES
    for size in HANDOUT_SIZES_PT:
        document = smallest if size == HANDOUT_SIZES_PT[-1] else layout(size)
        if len(document.pages) <= pages_allowed:
            return _write(settings, document, target, language, what)
    home = sources.source_name(settings, language, pages[0].path, pages[0].file)
    raise PdfError(
        f"{what}: the key messages of {home} and the warning signs do not fit on "
        f"{HANDOUT_MAX_PAGES} A4 pages, even at {HANDOUT_SIZES_PT[-1]} pt. Shorten them."
    )


def _used_height(document: Document) -> float:
    """How much of its first page's height a document fills (1.0: all of it, or more)."""
    # WeasyPrint 70 (pinned) keeps the laid-out boxes of a page in Page._page_box; the root
    # box's height is that of everything on the page.
    page_box = document.pages[0]._page_box
    return float(page_box.children[0].margin_height() / page_box.height)


def _poster_css(size_pt: float) -> str:
    return f".poster-pdf {{ font-size: {size_pt:.2f}pt; }}\n"


@dataclass(frozen=True)
class _Sheet:
    """A poster layout on one A3 sheet."""

    document: Document
    size_pt: float  # its body text size


def first_size_to_try(sizes_pt: tuple[float, ...], used_at_smallest: float) -> int:
    """Which of ``sizes_pt`` (largest first) to lay out first, from how much of the sheet the
    smallest size fills.

    Wrapped text grows with the square of its size (longer lines and more of them), the QR
    code and one-line headings only with the size: the guess is on the low side. A sheet the
    smallest size fills to the last hair (its last margin a little past the foot) gets the
    smallest size, the one already known to fit on one page."""
    guess = sizes_pt[-1] / used_at_smallest**0.5
    return next((index for index, size in enumerate(sizes_pt) if size <= guess), len(sizes_pt) - 1)


def _fit_sheet(
    settings: Settings, html: str, sizes_pt: tuple[float, ...], what: str
) -> _Sheet | None:
    """The layout in the largest of ``sizes_pt`` (largest first) that fits one sheet; None
    if none does.

    A layout takes a few tenths of a second, so the size is guessed from how much of the
    sheet the smallest size fills, tried, and then larger ones (if it fits) or smaller ones
    (if it does not) until the edge is found."""
    smallest = sizes_pt[-1]

    def layout(size_pt: float) -> _Sheet | None:
        document = render(font_css(settings), _poster_css(size_pt), html, settings.site_dir, what)
        return _Sheet(document, size_pt) if len(document.pages) == 1 else None

    best = layout(smallest)
    if best is None:
        return None
    index = first_size_to_try(sizes_pt, _used_height(best.document))
    sheet = best if index == len(sizes_pt) - 1 else layout(sizes_pt[index])
    if sheet is not None:
        # It fits: larger sizes, until one does not.
        while index > 0 and (larger := layout(sizes_pt[index - 1])) is not None:
            sheet, index = larger, index - 1
        return sheet
    # It does not: smaller sizes, until one does (the smallest did).
    for size_pt in sizes_pt[index + 1 : -1]:
        if (smaller := layout(size_pt)) is not None:
            return smaller
    return best


def build_posters(settings: Settings, language: Language, pages: list[Page]) -> list[Output]:
    """The A3 poster in large print, on one sheet if everything fits, else on two; and the A4
    poster, on one sheet: the one-sheet layout reduced."""
    html = poster_html(pages, settings, language, labels_for(language.code))
    home = sources.source_name(settings, language, pages[0].path, pages[0].file)
    what_a3 = f"The A3 poster ({language.code}, poster-a3.pdf)"
    what_a4 = f"The A4 poster ({language.code}, poster-a4.pdf)"
    one = _fit_sheet(settings, html.one_sheet, ONE_SHEET_SIZES_PT, what_a4)
    if one is None:
        raise PdfError(
            f"{what_a4}: the key messages of {home} and the warning signs do not fit on one "
            f"A4 sheet at {A4_SMALLEST_PT} pt. Shorten them."
        )
    if one.size_pt >= LARGE_PRINT_PT:
        a3 = one.document
    else:
        fitted = [_fit_sheet(settings, html.messages, TEXT_SIZES_PT, what_a3)]
        if html.signs:
            fitted.append(_fit_sheet(settings, html.signs, TEXT_SIZES_PT, what_a3))
        sheets = [sheet for sheet in fitted if sheet is not None]
        if len(sheets) < len(fitted):
            raise PdfError(
                f"{what_a3}: the key messages of {home} or the warning signs do not fit on "
                f"one A3 sheet at {LARGE_PRINT_PT} pt. Shorten them."
            )
        # One PDF of both sheets (WeasyPrint's documented way of joining documents). Each
        # sheet's document stays referenced until written: its fonts live as long as it does.
        a3 = sheets[0].document.copy([page for s in sheets for page in s.document.pages])
    return [
        _write(settings, a3, pdf_path(settings, language, file_name(A3)), language, what_a3),
        _write(
            settings,
            one.document,
            pdf_path(settings, language, file_name(A4)),
            language,
            what_a4,
            zoom=A4.scale,
        ),
    ]


def build_language(settings: Settings, language: Language) -> list[Output]:
    """The full article, the handout and the posters of one language."""
    pages = collect(settings, language)
    check_characters(settings, language, pages)
    # Each document changes its pages' trees (ids, links): give each its own copy.
    return [
        build_article(settings, language, copy.deepcopy(pages)),
        build_handout(settings, language, copy.deepcopy(pages)),
        *build_posters(settings, language, pages),
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
