"""Lay out HTML with WeasyPrint and write the PDF in one piece.

WeasyPrint reports missing images, fonts and bad CSS only as log messages and carries on; a
waiting-room PDF with a hole in it is worse than none, so every such message fails the step.
Only files may be read (the built site, our fonts): the PDF never depends on the network.
"""

import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

STYLESHEET = Path(__file__).resolve().parent / "print.css"
# PDF/UA-1: a tagged PDF with its language and title, as far as WeasyPrint supports it.
PDF_VARIANT = "pdf/ua-1"


class PdfError(RuntimeError):
    """A PDF could not be made; the message says which one and why."""


# Said when libharfbuzz-subset0 is missing: WeasyPrint then subsets fonts with fontTools, which
# gives the same PDF, only a little slower, so it is no reason to stop publishing.
_HARMLESS = ("Using fontTools instead of HarfBuzz-Subset",)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(_HARMLESS):
            self.messages.append(message)


def _within_site(message: str, site: Path | None) -> str:
    """File addresses in a message relative to the built site: the build writes into a
    temporary folder (.site-build-NNNN) that is gone when the author reads the message."""
    if site is None:
        return message
    site = site.resolve()
    for prefix in (site.as_uri() + "/", f"{site}/"):
        message = message.replace(prefix, "site/")
    return message


@contextmanager
def _strict(what: str, site: Path | None = None) -> Iterator[None]:
    """Turn WeasyPrint's warnings and errors during the block into a PdfError."""
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    logger.addHandler(handler)
    try:
        yield
    except FatalURLFetchingError as error:  # a BaseException: it must be caught by name
        cause = error.__cause__ or error
        message = _within_site(f"{error} ({cause})", site)
        raise PdfError(f"{what}: a file it needs cannot be read: {message}") from error
    finally:
        logger.removeHandler(handler)
    if handler.messages:
        reported = _within_site("; ".join(handler.messages), site)
        raise PdfError(f"{what}: WeasyPrint reported: {reported}")


def _fetcher() -> URLFetcher:
    return URLFetcher(allowed_protocols=("file", "data"), fail_on_errors=True)


# Our stylesheet and the @font-face rules are the same for every document of the step: parsed,
# and their fonts loaded, once per process, by font-face rules (the fonts folder may differ).
_SHARED: dict[str, tuple[FontConfiguration, list[CSS]]] = {}


def _shared(font_faces: str) -> tuple[FontConfiguration, list[CSS]]:
    if font_faces not in _SHARED:
        fonts = FontConfiguration()
        fetcher = _fetcher()
        _SHARED[font_faces] = (
            fonts,
            [
                CSS(filename=str(STYLESHEET), font_config=fonts, url_fetcher=fetcher),
                CSS(string=font_faces, font_config=fonts, url_fetcher=fetcher),
            ],
        )
    return _SHARED[font_faces]


def render(font_faces: str, page_css: str, html: str, base_dir: Path, what: str) -> Document:
    """Lay out a document with our print stylesheet, our fonts (``font_faces``: their
    @font-face rules) and its own CSS (header, footer, text size); ``what`` names it in
    errors."""
    fetcher = _fetcher()
    with _strict(what, base_dir):
        fonts, stylesheets = _shared(font_faces)
        own = CSS(string=page_css, font_config=fonts, url_fetcher=fetcher)
        document = HTML(string=html, base_url=str(base_dir), url_fetcher=fetcher).render(
            stylesheets=[*stylesheets, own], font_config=fonts, pdf_variant=PDF_VARIANT
        )
    return document


def pdf_bytes(document: Document, what: str, zoom: float = 1) -> bytes:
    """The PDF; ``zoom`` scales its pages and everything on them."""
    with _strict(what):
        data = document.write_pdf(zoom=zoom, pdf_variant=PDF_VARIANT)
    if not isinstance(data, bytes):  # pragma: no cover - write_pdf() without a target
        raise PdfError(f"{what}: WeasyPrint returned no PDF.")
    return data


def write_atomically(target: Path, data: bytes) -> None:
    """Write a file so that readers see the old file or the whole new one, never a part."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".part"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        # Also on KeyboardInterrupt: never leave a partial file behind.
        Path(temporary).unlink(missing_ok=True)
        raise
