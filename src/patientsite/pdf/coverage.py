"""Which characters the PDF fonts can print, and which characters of a text none of them has.

WeasyPrint silently takes a character that none of our fonts has from whatever font the machine
happens to have (or prints an empty box). We check the text before laying it out instead, so
the author learns which character, on which page and line, cannot be printed.
"""

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from patientsite.pdf import htmltree

# Text that is never printed: hidden by print.css, or an SVG's accessible name and styles.
_HIDDEN_CLASSES = frozenset(("citation-backlinks", "citation-sr-only"))
_UNPRINTED = frozenset(("title", "desc", "style", "script", "metadata"))


@cache
def _cmap(path: Path) -> frozenset[int]:
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def covered(font_files: Iterable[Path]) -> frozenset[int]:
    """Every character that at least one of the fonts has."""
    characters: set[int] = set()
    for path in font_files:
        characters |= _cmap(path)
    return frozenset(characters)


def needs_glyph(character: str) -> bool:
    """Whether a character is drawn. Spaces, line ends, joiners, direction marks and emoji
    variation selectors only steer how the characters around them are shown."""
    category = unicodedata.category(character)
    if category in ("Cc", "Cf", "Zl", "Zp"):
        return False
    code = ord(character)
    # Variation selectors (U+FE00-FE0F, U+E0100-E01EF) and emoji tags (U+E0020-E007F).
    return not (0xFE00 <= code <= 0xFE0F or 0xE0020 <= code <= 0xE01EF)


def missing(text: str, fonts: frozenset[int]) -> list[str]:
    """The characters of a text that need a glyph and that none of the fonts has, in order."""
    found: list[str] = []
    for character in text:
        if ord(character) in fonts or character in found or character in " \t\n\r":
            continue
        if needs_glyph(character):
            found.append(character)
    return found


def describe(character: str) -> str:
    """A character and its Unicode name: “x” (U+0078 LATIN SMALL LETTER X)."""
    name = unicodedata.name(character, "a character without a name")
    return f"\u201c{character}\u201d (U+{ord(character):04X} {name})"


def printed_text(element: ET.Element) -> str:
    """The text of an element that ends up on paper (hidden parts left out)."""
    parts: list[str] = []
    _collect(element, parts)
    return "".join(parts)


def _collect(element: ET.Element, parts: list[str]) -> None:
    if not isinstance(element.tag, str):
        return
    hidden = htmltree.local_name(element.tag) in _UNPRINTED or bool(
        htmltree.classes(element) & _HIDDEN_CLASSES
    )
    if not hidden:
        parts.append(element.text or "")
        for child in element:
            _collect(child, parts)
            parts.append(child.tail or "")


# Pango lays out emoji with the machine's colour emoji font (fontconfig's "emoji"), whatever
# font-family says. Followed by VS15 (text presentation), an emoji is an ordinary character and
# comes from our fonts like any other.
_TEXT_STYLE = "\ufe0e"
_EMOJI_STYLE = "\ufe0f"


# Symbols that Pango may show as emoji: dingbats, pictographs and their neighbours.
_PICTOGRAPHIC = ((0x2300, 0x23FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))
# One of them not already followed by VS15.
_NEEDS_TEXT_STYLE = re.compile(
    "[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _PICTOGRAPHIC) + f"](?!{_TEXT_STYLE})"
)


def text_presentation(text: str) -> str:
    """The text with every emoji asked for in text style (VS15) instead of emoji style."""
    # One regular expression over the whole document: a loop over its characters in Python
    # took a noticeable part of the PDF step.
    return _NEEDS_TEXT_STYLE.sub(f"\\g<0>{_TEXT_STYLE}", text).replace(_EMOJI_STYLE, "")
