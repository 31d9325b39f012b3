"""Helpers for the PDF and share-kit tests: the fixture site, running the step, reading PDFs."""

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pypdfium2
import zxingcpp
from PIL import Image

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "pdf" / "site"
CONFIG = FIXTURE / "mkdocs.yml"
SITE_URL = "https://kliniek.example.org/rug/"

# The headings of each language of the fixture, in navigation order (the PDF's chapters).
HEADINGS = {
    "nl": ["Rugpijn en scans", "Waarom meestal geen scan", "Alarmsignalen", "Alle bronnen"],
    "en": ["Back pain and scans", "Why usually no scan", "Warning signs", "All references"],
}
ROOTS = {"nl": "", "en": "en/"}


@dataclass(frozen=True)
class Run:
    """One run of a command line."""

    returncode: int  # exit code
    stderr: str  # what it reported


def run_module(module: str, *args: str | Path) -> Run:
    """``python -m module args`` in a subprocess, as scripts/build_site.py runs it."""
    result = subprocess.run(
        [sys.executable, "-m", module, *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
        check=False,
    )
    return Run(result.returncode, result.stderr)


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages)


def link_targets(path: Path) -> tuple[list[str], list[str]]:
    """The web addresses and the named destinations inside the PDF that its links open."""
    uris: list[str] = []
    destinations: list[str] = []
    for page in pypdf.PdfReader(path).pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if "/Dest" in annotation:
                destinations.append(str(annotation["/Dest"]))
            elif "/A" in annotation and "/URI" in annotation["/A"]:
                uris.append(str(annotation["/A"]["/URI"]))
    return uris, destinations


def render_page(path: Path, index: int = 0, scale: float = 3) -> Image.Image:
    """A page of a PDF as an image (scale 3: 216 dpi)."""
    document = pypdfium2.PdfDocument(path)
    try:
        return document[index].render(scale=scale).to_pil()
    finally:
        document.close()


def qr_texts(image: Image.Image) -> list[str]:
    return [
        result.text
        for result in zxingcpp.read_barcodes(image)
        if result.format == zxingcpp.BarcodeFormat.QRCode
    ]


def png_image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


MM = 72 / 25.4  # PDF points per millimetre
# The page margins of print.css, in mm (top, right, bottom, left): the content box lies inside.
MARGINS = {
    "article.pdf": (20, 18, 20, 18),
    "handout.pdf": (12, 14, 12, 14),
    "poster-a3.pdf": (15, 15, 15, 15),
    "poster-a4.pdf": (10.61, 10.61, 10.61, 10.61),
}
_TOLERANCE = 1.0  # points: glyph boxes of descenders and rounding
_KINDS = {1: "text", 2: "path", 3: "image", 4: "shading", 5: "form"}


def content_box(page: pypdfium2.PdfPage, margins_mm: tuple[float, ...]) -> tuple[float, ...]:
    """(left, bottom, right, top) of the page's content box, in PDF points."""
    width, height = page.get_size()
    top, right, bottom, left = (margin * MM for margin in margins_mm)
    return left, bottom, width - right, height - top


def _inside(box: tuple[float, ...], area: tuple[float, ...]) -> bool:
    left, bottom, right, top = box
    return (
        left >= area[0] - _TOLERANCE
        and bottom >= area[1] - _TOLERANCE
        and right <= area[2] + _TOLERANCE
        and top <= area[3] + _TOLERANCE
    )


def _in_margin(box: tuple[float, ...], area: tuple[float, ...], height: float) -> bool:
    """Wholly in the band above or below the content box (the running header or footer)."""
    _left, bottom, _right, top = box
    return (bottom >= area[3] - _TOLERANCE and top <= height) or (
        top <= area[1] + _TOLERANCE and (bottom >= 0)
    )


def outside_content(path: Path, margins_mm: tuple[float, ...]) -> tuple[list[str], list[str]]:
    """What a PDF draws outside its pages' content boxes, read from the PDF itself.

    Returns (problems, margin_texts): problems are characters that cross the edge of the
    content box or leave the page, and graphics (paths, images) outside the content box;
    margin_texts are the texts wholly inside the top and bottom margins, per page (the running
    header and footer), for the caller to compare with what belongs there.
    """
    problems: list[str] = []
    margin_texts: list[str] = []
    document = pypdfium2.PdfDocument(path)
    try:
        for index in range(len(document)):
            page = document[index]
            area = content_box(page, margins_mm)
            height = page.get_size()[1]
            text_page = page.get_textpage()
            in_margin: list[str] = []
            for char in range(text_page.count_chars()):
                glyph = text_page.get_text_range(char, 1)
                if not glyph.strip():
                    continue
                box = text_page.get_charbox(char)
                if _inside(box, area):
                    continue
                if _in_margin(box, area, height):
                    in_margin.append(glyph)
                else:
                    where = tuple(round(value) for value in box)
                    problems.append(f"page {index + 1}: {glyph!r} at {where}")
            margin_texts.append("".join(in_margin))
            for item in page.get_objects(max_depth=8):
                kind = _KINDS.get(item.type)
                if kind in ("path", "image", "shading") and not _inside(item.get_bounds(), area):
                    box = tuple(round(v) for v in item.get_bounds())
                    problems.append(f"page {index + 1}: a {kind} at {box}")
    finally:
        document.close()
    return problems, margin_texts
