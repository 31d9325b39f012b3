"""The settings the PDFs and the share kit need, read from mkdocs.yml and checked up front.

Everything a clinic or author can get wrong is checked here, before any PDF is written, and
the message names the setting or file in plain words.
"""

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

from PIL import Image, UnidentifiedImageError

from patientsite import settings

# Clinic, Language and SettingsError are part of this module's interface (`as` says so to mypy):
# the PDF and share code take them from here with the settings they belong to.
from patientsite.pages.siteinfo import Clinic as Clinic
from patientsite.pdf.labels import LABELS
from patientsite.settings import Language as Language
from patientsite.settings import SettingsError as SettingsError
from patientsite.settings import SiteSettings
from patientsite.warning_signs.source import (
    DEFAULT_FILE,
    WarningSigns,
    WarningSignsError,
    check_country,
    load_all,
)

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
# Body text is set in Atkinson Hyperlegible. It has Latin letters only, so a character it lacks
# (Greek, ł ő ș, Hebrew, Arabic, arrows, emoji) comes from the fallback fonts, in this order;
# code uses a monospace font. The CSS names are our own, so a font of the same name installed on
# the machine can never stand in for the files we ship.
FONT_FAMILY = "Atkinson Hyperlegible"
FALLBACK_FAMILY = "Patientsite DejaVu Sans"
MONO_FAMILY = "Patientsite DejaVu Sans Mono"
SYMBOL_FAMILY = "Patientsite Symbola"
BODY_FAMILIES = (FONT_FAMILY, FALLBACK_FAMILY, SYMBOL_FAMILY)
CODE_FAMILIES = (MONO_FAMILY, FALLBACK_FAMILY, SYMBOL_FAMILY)


@dataclass(frozen=True)
class FontFile:
    """One font file we ship, as an @font-face rule uses it."""

    family: str  # the CSS family name
    name: str  # the file name in FONTS_DIR
    weight: str  # CSS font-weight
    style: str  # CSS font-style


# Atkinson in all four styles, so bold and italic are never faked in body text.
FONT_FILES = (
    FontFile(FONT_FAMILY, "AtkinsonHyperlegible-Regular.ttf", "normal", "normal"),
    FontFile(FONT_FAMILY, "AtkinsonHyperlegible-Bold.ttf", "bold", "normal"),
    FontFile(FONT_FAMILY, "AtkinsonHyperlegible-Italic.ttf", "normal", "italic"),
    FontFile(FONT_FAMILY, "AtkinsonHyperlegible-BoldItalic.ttf", "bold", "italic"),
    FontFile(FALLBACK_FAMILY, "DejaVuSans.ttf", "normal", "normal"),
    FontFile(FALLBACK_FAMILY, "DejaVuSans-Bold.ttf", "bold", "normal"),
    FontFile(MONO_FAMILY, "DejaVuSansMono.ttf", "normal", "normal"),
    FontFile(MONO_FAMILY, "DejaVuSansMono-Bold.ttf", "bold", "normal"),
    FontFile(SYMBOL_FAMILY, "Symbola-Symbols.ttf", "normal", "normal"),
)


@dataclass(frozen=True)
class Settings:
    """Everything the PDF step and the share kit read from mkdocs.yml, checked."""

    site_url: str  # absolute http(s) address of the site, ending in "/"
    languages: tuple[Language, ...]  # default language first
    clinic: Clinic  # extra.clinic; empty strings where the clinic filled nothing in
    logo: Path | None  # the clinic's logo as a file in the built site, or None
    site_dir: Path  # the built site
    fonts_dir: Path  # folder holding FONT_FILES
    config_file: Path = Path("mkdocs.yml")  # named in messages about its settings
    docs_dir: Path = Path("docs")  # the Markdown sources, named in messages
    bib_file: Path | None = None  # the citations plugin's references.bib, if the site has one
    # The warning signs per language, from their files (empty for a site without them), and
    # the clinic's country whose routes they show ("" for every country).
    warning_signs: Mapping[str, WarningSigns] = field(default_factory=dict)
    country: str = ""

    def page_url(self, language: Language, path: str) -> str:
        """The absolute address of a page; ``path`` is relative to the language's home."""
        return f"{self.site_url}{language.root}{path}"

    def font_files(self) -> list[tuple[FontFile, Path]]:
        """The font files we ship, each with its path."""
        return [(font, self.fonts_dir / font.name) for font in FONT_FILES]


def check_site_url(value: object) -> str:
    """site_url must be absolute, so QR codes and e-mail links work from paper and mail."""
    text = value.strip() if isinstance(value, str) else ""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        shown = repr(value) if value else "empty"
        raise SettingsError(
            f"site_url in mkdocs.yml must be the site's full web address starting with "
            f"https:// (or http://), like https://rugpijn.example.be/; it is {shown}. "
            "QR codes and e-mail links need it."
        )
    return text if text.endswith("/") else text + "/"


def check_languages(languages: Sequence[Language]) -> None:
    """The PDFs need their own words for every language the site is built in."""
    for language in languages:
        if language.code not in LABELS:
            raise SettingsError(
                f"The PDFs have no words for the language {language.code!r} set in mkdocs.yml "
                f"(they know {', '.join(LABELS)}). Add src/patientsite/words/{language.code}.yml "
                "(a translated copy of en.yml)."
            )


def find_logo(logo: str, site_dir: Path) -> Path | None:
    """The clinic's logo as a file in the built site; None when no logo is set."""
    if not logo:
        return None
    if urlsplit(logo).scheme:
        raise SettingsError(
            f"extra.clinic.logo in mkdocs.yml is a web address ({logo}). The PDFs are made "
            "without going online: put the logo file in docs/assets/ and set "
            "logo: assets/logo.png."
        )
    path = site_dir / logo.lstrip("/")
    if not path.is_file():
        raise SettingsError(
            f"extra.clinic.logo in mkdocs.yml: the logo '{logo}' is not in the built site "
            f"(looked for {path}). Put the file in docs/ (e.g. docs/assets/logo.png) and set "
            "the path relative to docs/."
        )
    check_image(path, f"extra.clinic.logo in mkdocs.yml: the logo '{logo}'")
    return path


def check_image(path: Path, what: str) -> None:
    """Raise SettingsError unless the file is a PNG, JPEG, GIF, WebP or SVG we can read."""
    try:
        if path.suffix.lower() == ".svg":
            root = ElementTree.parse(path).getroot()
            if not root.tag.endswith("svg"):
                raise SettingsError(f"{what} is not an SVG image.")
            return
        with Image.open(path) as image:
            image.verify()
    except (OSError, UnidentifiedImageError, ElementTree.ParseError) as error:
        raise SettingsError(
            f"{what} cannot be read as an image (PNG, JPEG or SVG): {error}"
        ) from error


def check_fonts(fonts_dir: Path) -> None:
    """The PDFs embed the fonts from our package; never let a machine's fonts stand in."""
    for font in FONT_FILES:
        path = fonts_dir / font.name
        if not path.is_file() or not os.access(path, os.R_OK):
            shown = font.family.removeprefix("Patientsite ")
            raise SettingsError(
                f"The PDF font '{shown}' is missing: {path} was not found or cannot be "
                "read. Restore it with 'git checkout -- src/patientsite/pdf/fonts'."
            )


def load_settings(config_file: Path, site_dir: Path, fonts_dir: Path = FONTS_DIR) -> Settings:
    """Read and check every setting the PDFs and the share kit need."""
    site = settings.load_settings(config_file)
    site_url = check_site_url(site.site_url)
    check_languages(site.languages)
    check_fonts(fonts_dir)
    return Settings(
        site_url=site_url,
        languages=site.languages,
        clinic=site.clinic,
        logo=find_logo(site.clinic.logo, site_dir),
        site_dir=site_dir,
        fonts_dir=fonts_dir,
        config_file=config_file,
        docs_dir=site.docs_dir.resolve(),
        bib_file=site.project_file("patientsite/citations", "bib_file"),
        **_warning_signs(site),
    )


def _warning_signs(site: SiteSettings) -> dict[str, Any]:
    """The warning signs and the country, as the pages plugin reads them."""
    pattern = (site.plugin("patientsite/pages") or {}).get("warning_signs") or DEFAULT_FILE
    try:
        return {
            "warning_signs": load_all(site.root.resolve(), str(pattern), site.language_codes),
            "country": check_country(site.clinic.country),
        }
    except WarningSignsError as error:
        raise SettingsError(str(error)) from error
