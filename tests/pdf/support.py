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
