"""Material's small icons as files, so the Content-Security-Policy can forbid ``data:`` images.

Material's stylesheet holds its icons (admonition, details, search result, ...) inline, as
``--md-...-icon: url("data:image/svg+xml;charset=utf-8,<svg ...>")``. Under ``img-src 'self'``
a browser refuses those, and the boxes lose their icons. This writes each icon to
``assets/icons/<name>.svg`` and points the stylesheet at the file instead.

The stylesheet keeps its fingerprinted name (browsers cache it for a year): what changes in it
depends only on Material's own content, which the name already fingerprints, and on the file
names below. Keep those names stable.
"""

import re
from pathlib import Path
from urllib.parse import unquote

STYLESHEET = "assets/stylesheets/main.*.min.css"
ICON_DIR = "assets/icons"
# One custom property holding an SVG icon inline; Material writes the SVG unencoded, with
# single quotes inside, and escapes only a few characters (%23 for #).
INLINE_ICON = re.compile(
    r'--md-(?P<name>[a-z0-9-]+):url\("data:image/svg\+xml;charset=utf-8,(?P<svg><svg[^"]*)"\)'
)
ANY_DATA_URL = re.compile(r"url\(\s*['\"]?data:", re.IGNORECASE)


class IconError(RuntimeError):
    """Material's stylesheet is not as this module expects (a new version of Material?)."""


def extract_icons(css: str) -> tuple[str, dict[str, str]]:
    """Replace each inline icon by ``../icons/<name>.svg``; returns the new CSS and the SVGs.

    Raises IconError when a ``data:`` address would be left, or no icon was found.
    """
    icons: dict[str, str] = {}

    def to_file(match: re.Match[str]) -> str:
        name = match["name"]
        svg = unquote(match["svg"])
        if icons.setdefault(name, svg) != svg:
            raise IconError(f"Material's stylesheet defines --md-{name} twice, differently")
        return f'--md-{name}:url("../icons/{name}.svg")'

    rewritten = INLINE_ICON.sub(to_file, css)
    if not icons:
        raise IconError("Material's stylesheet holds no inline icons; has its format changed?")
    left = ANY_DATA_URL.search(rewritten)
    if left:
        start = max(left.start() - 60, 0)
        raise IconError(
            "Material's stylesheet still holds a data: address the strict Content-Security-"
            f"Policy would block: ...{rewritten[start : left.end() + 40]}..."
        )
    return rewritten, icons


def write_icon_files(site: Path) -> list[Path]:
    """Write Material's icons under ``site/assets/icons/`` and point its stylesheet at them.

    Running it again on the same site changes nothing (the icons are already files).
    """
    sheets = sorted(site.glob(STYLESHEET))
    if len(sheets) != 1:
        raise IconError(f"expected one {STYLESHEET} in {site}, found {len(sheets)}")
    sheet = sheets[0]
    css = sheet.read_text(encoding="utf-8")
    folder = site / ICON_DIR
    if not INLINE_ICON.search(css) and folder.is_dir():
        return sorted(folder.glob("*.svg"))
    rewritten, icons = extract_icons(css)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, svg in sorted(icons.items()):
        path = folder / f"{name}.svg"
        path.write_text(svg, encoding="utf-8")
        written.append(path)
    sheet.write_text(rewritten, encoding="utf-8")
    return written
