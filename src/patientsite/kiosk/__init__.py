"""The offline kiosk: the whole site as a folder that works opened from file:// without network.

`make kiosk` (scripts/kiosk.py) builds the site with a kiosk configuration derived from
mkdocs.yml (:func:`kiosk_config`: Material's offline plugin, page addresses ending in .html,
and hooks.py, which points links written in a page's HTML at files with :func:`file_links`),
then :func:`finish` completes the folder: the PDFs of the normal build, each language's search
index as a script, and the iframe-worker shim that lets search run from file://.
:func:`offline_problems` then reads every page for anything that would need a network or a
web server.
"""

import json
import posixpath
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

ASSETS = Path(__file__).resolve().parent / "assets"
# The shim (vendored from npm, see assets/VENDORED.txt) and its licence, and where they go in
# the kiosk. The offline plugin adds unpkg.com's copy unless a polyfill named iframe-worker is
# already configured: ours is.
SHIM = "iframe-worker.js"
SHIM_LICENCE = "iframe-worker.LICENSE.txt"
SHIM_FOLDER = "assets/javascripts"
# Inside the kiosk's work folder during the build: the normal build, whose PDFs the kiosk
# gets (their links to pages must be the online site's addresses, not the kiosk's .html).
PRINT_BUILD = ".kiosk-print"
# MkDocs hooks of the kiosk build (they call file_links below).
HOOKS = Path(__file__).resolve().parents[1] / "mkdocs" / "kiosk_hooks.py"
_HREF = re.compile(r'(<a\b[^>]*?\bhref=")([^"]*)(")')
# A paragraph for clinic staff (it links to the share page, which the kiosk leaves out), marked
# in Markdown with `{ .staff-only }` on the line after it.
_STAFF_ONLY = re.compile(r'<p\b[^>]*\bclass="staff-only"[^>]*>.*?</p>\s*', re.DOTALL)

# Elements whose attribute the browser loads by itself while showing the page.
_LOADED = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
}
# <link rel=...> the browser loads (canonical and alternate are addresses, never fetched).
_LOADED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}


class KioskError(ValueError):
    """The kiosk cannot be made from this configuration or build."""


def kiosk_config(text: str, name: str = "mkdocs.yml") -> str:
    """The kiosk's configuration: ``text`` (mkdocs.yml) with Material's offline plugin, page
    addresses ending in .html (a folder opened from a file shows a file list, not its
    index.html) and our local copy of the iframe-worker shim."""
    try:
        config = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise KioskError(f"{name} cannot be read for the kiosk: {error}") from None
    if not isinstance(config, dict):
        raise KioskError(f"{name} cannot be read for the kiosk: it holds no settings.")
    config["use_directory_urls"] = False
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins["offline"] = {"enabled": True}
    elif not any(_plugin_name(entry) == "offline" for entry in plugins):
        plugins.append("offline")
    config["plugins"] = plugins
    config["hooks"] = [*(config.get("hooks") or []), str(HOOKS)]
    extra = config.get("extra") or {}
    extra["polyfills"] = [f"{SHIM_FOLDER}/{SHIM}"]
    config["extra"] = extra
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry), "")


def file_links(html: str, page_url: str, pages: set[str]) -> str:
    """Links that a page's HTML (written in a page as ``<a href="../alarm/">``) gives as the
    online site's folder addresses, pointed at the kiosk's file of that page instead.

    MkDocs rewrites Markdown links for the kiosk itself; links written in HTML stay as typed,
    and from a file "../alarm/" is a folder. ``page_url`` is the page's kiosk address
    ("en/scan.html"), ``pages`` the kiosk addresses of all pages. A link to no known page is
    left as it is, for the link check to report.
    """
    # The page's online folder address: "en/scan.html" was "en/scan/", "en/index.html" "en/".
    folder = page_url.removesuffix("index.html").removesuffix(".html").rstrip("/")

    def point_at_file(match: re.Match[str]) -> str:
        parts = urlsplit(match[2])
        if parts.scheme or parts.netloc or parts.path.startswith("/"):
            return match[0]
        if not parts.path.endswith("/"):
            return match[0]
        target = posixpath.normpath(posixpath.join(folder, parts.path)).strip("/")
        target = "" if target == "." else target
        for candidate in (f"{target}.html", posixpath.join(target, "index.html")):
            if candidate in pages:
                relative = posixpath.relpath(candidate, posixpath.dirname(page_url) or ".")
                fragment = f"#{parts.fragment}" if parts.fragment else ""
                return f"{match[1]}{relative}{fragment}{match[3]}"
        return match[0]

    return _HREF.sub(point_at_file, html)


def without_staff_only(html: str) -> str:
    """A page's HTML without its paragraphs for clinic staff: the kiosk is for patients."""
    return _STAFF_ONLY.sub("", html)


def finish(site: Path, print_build: Path) -> None:
    """Complete the kiosk in ``site``: the PDFs from ``print_build`` (removed afterwards), no
    404 pages or sitemaps, the search index of every language as a script, and the shim with
    its licence."""
    pdfs = sorted(print_build.rglob("*.pdf"))
    if not pdfs:
        raise KioskError(f"the normal build in {print_build} holds no PDFs.")
    for pdf in pdfs:
        target = site / pdf.relative_to(print_build)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdf, target)
    shutil.rmtree(print_build)
    # Only a web server shows a 404 page, and it addresses its files from the site's root,
    # which from a file is the root of the disk. Sitemaps are for search engines online.
    for name in ("404.html", "sitemap.xml", "sitemap.xml.gz"):
        for path in [*site.glob(name), *site.glob(f"*/{name}")]:
            path.unlink()
    for index in search_indexes(site):
        write_index_script(index)
    folder = site / SHIM_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name in (SHIM, SHIM_LICENCE):
        shutil.copyfile(ASSETS / name, folder / name)


def search_indexes(site: Path) -> list[Path]:
    """Every language's search index: search/search_index.json at the root and in language
    folders (en/search/...)."""
    return sorted(site.glob("search/search_index.json")) + sorted(
        site.glob("*/search/search_index.json")
    )


def write_index_script(index: Path) -> Path:
    """search_index.js beside ``index``: from file://, Material loads the index as a script
    (a page may not fetch a file). The offline plugin writes one too, but before our
    languages plugin splits the index per language and adds the synonyms."""
    text = index.read_text("utf-8")
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        raise KioskError(f"{index} is not a readable search index: {error}") from None
    script = index.with_name("search_index.js")
    # The same statement Material's offline plugin writes; Material's bundle reads __index.
    script.write_text(f"var __index = {text}", "utf-8")
    return script


class _References(HTMLParser):
    """The addresses a page loads by itself, and the addresses its links open."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loaded: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in _LOADED and values.get(_LOADED[tag]):
            self.loaded.append(values[_LOADED[tag]])
        if "srcset" in values:
            self.loaded += [part.split()[0] for part in values["srcset"].split(",") if part.strip()]
        if tag == "link" and _LOADED_LINKS & set(values.get("rel", "").lower().split()):
            self.loaded.append(values.get("href", ""))
        if tag == "a" and "href" in values:
            self.links.append(values["href"])


def offline_problems(site: Path) -> list[str]:
    """What in ``site`` would fail opened from file:// without network, one sentence each:
    a page that loads anything from another host or a file the kiosk lacks, or a link to a
    folder (a browser shows a file list there, not the page)."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        references = _References()
        references.feed(page.read_text("utf-8"))
        for address in references.loaded:
            if problem := _loaded_problem(site, page, address):
                problems.append(f"{name}: {problem}")
        for address in references.links:
            if _opens_folder(site, page, address):
                problems.append(
                    f"{name}: links to the folder '{address}'; opened from a file, a browser "
                    "shows a list of files there, not the page."
                )
    return problems


def _loaded_problem(site: Path, page: Path, address: str) -> str | None:
    parts = urlsplit(address)
    if parts.scheme == "data":
        return None
    if parts.scheme or parts.netloc:
        return f"loads {address} from another host; the kiosk has no network."
    target = _local_file(page, parts.path)
    if not target.is_file() or not target.is_relative_to(site):
        return f"loads '{address}', which is not a file of the kiosk."
    return None


def _opens_folder(site: Path, page: Path, address: str) -> bool:
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path:
        return False
    return _local_file(page, parts.path).is_dir()


def _local_file(page: Path, path: str) -> Path:
    return (page.parent / unquote(path)).resolve()
