"""Check the links of a built site, offline: every internal link must lead to a file of the site,
and its `#anchor` to an element of that page; external links are only checked for syntax.

MkDocs checks the links written in Markdown; this also covers the theme's links, raw HTML in
pages, links to the PDFs, and the absolute links to the site itself (canonical, hreflang).
"""

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# The attributes that hold a link the browser follows or loads, per element.
LINK_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
}
# Inline data (`data:image/png;base64,...`): nothing to look up.
_IGNORED_SCHEMES = frozenset({"data"})
_HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
_PHONE = re.compile(r"\+?[0-9 ()./-]{3,}")
# The host that stands for the site while resolving relative links; never contacted.
_LOCAL = "http://site.invalid"


@dataclass(frozen=True)
class Link:
    """One link in a page."""

    url: str  # as written in the HTML
    line: int  # its line in the HTML file


@dataclass(frozen=True)
class Page:
    """What the check needs from one HTML file."""

    anchors: frozenset[str]  # every id (and <a name>) in the page
    links: tuple[Link, ...]  # every link, in page order


@dataclass(frozen=True)
class BrokenLink:
    """A link that leads nowhere, or is not written as a valid address."""

    page: str  # the HTML file, relative to the site folder: scan/index.html
    line: int  # the line of the link in that file
    url: str  # the link as written
    reason: str  # what is wrong, in plain words

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.url} -> {self.reason}"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: set[str] = set()
        self.links: list[Link] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.anchors.add(values["name"])
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute, "").strip():
            # A resource hint names a host to connect to early, not a page or file.
            if tag == "link" and values.get("rel", "") in {"preconnect", "dns-prefetch"}:
                return
            self.links.append(Link(values[attribute].strip(), self.getpos()[0]))

    handle_startendtag = handle_starttag


def parse_page(html: str) -> Page:
    """The anchors and links of one HTML page."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return Page(frozenset(parser.anchors), tuple(parser.links))


def external_problem(url: str) -> str | None:
    """Why an external link is not a valid address, or None when it is (never fetched)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "mailto":
        address = unquote(parts.path)
        user, at, domain = address.partition("@")
        if not (user and at and _valid_host(domain)) or any(c.isspace() for c in address):
            return "not a valid e-mail address (expected mailto:name@example.org)"
        return None
    if scheme == "tel":
        return None if _PHONE.fullmatch(parts.path) else "not a valid phone number"
    if scheme not in {"http", "https"}:
        return f"unexpected kind of link '{scheme}:' (expected http:, https:, mailto: or tel:)"
    try:
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return "the port after the host name is not a number"
    if not parts.hostname or not _valid_host(parts.hostname):
        return "no valid host name after http(s)://"
    return None


def _valid_host(host: str) -> bool:
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return False
    labels = ascii_host.rstrip(".").split(".")
    return (len(labels) >= 2 or ascii_host == "localhost") and all(
        _HOST_LABEL.fullmatch(label) for label in labels
    )


class SiteLinks:
    """A built site, its pages parsed once, for checking links."""

    def __init__(self, site_dir: Path, site_url: str = "") -> None:
        self.site_dir = site_dir
        # Links starting with the site's own address are internal links too.
        self.site_url = site_url if site_url.endswith("/") or not site_url else site_url + "/"
        self.base_path = urlsplit(self.site_url).path or "/"
        self._pages: dict[Path, Page] = {}

    def page(self, path: Path) -> Page:
        """One HTML file of the site, parsed on first use."""
        if path not in self._pages:
            self._pages[path] = parse_page(path.read_text(encoding="utf-8", errors="replace"))
        return self._pages[path]

    def html_files(self) -> list[Path]:
        """Every HTML page of the site, in a stable order."""
        return sorted(self.site_dir.rglob("*.html"))

    def _target(self, path: str) -> Path | None:
        """The file a site path (/scan/, /en/, /assets/x.css) is served from, or None."""
        candidate = self.site_dir / unquote(path).lstrip("/")
        if not candidate.resolve().is_relative_to(self.site_dir.resolve()):
            return None
        if path.endswith("/") or candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def problem(self, source: Path, url: str) -> str | None:
        """Why a link in ``source`` is broken, or None when it works."""
        if url == "#":
            return None  # the top of the page
        scheme = urlsplit(url).scheme.lower()
        if scheme in _IGNORED_SCHEMES:
            return None
        if self.site_url and url.startswith(self.site_url):
            url = _LOCAL + self.base_path + url[len(self.site_url) :]
        elif scheme or url.startswith("//"):
            return external_problem(url if scheme else "https:" + url)
        page_url = _LOCAL + self.base_path + source.relative_to(self.site_dir).as_posix()
        resolved = urlsplit(urljoin(page_url, url))
        if not resolved.path.startswith(self.base_path):
            return f"outside the site, which lives under {self.base_path}"
        path = "/" + resolved.path[len(self.base_path) :]
        target = self._target(path)
        if target is None:
            return f"no such page or file in the site ({path})"
        if resolved.fragment and target.suffix == ".html":
            return self._anchor_problem(target, unquote(resolved.fragment))
        return None

    def _anchor_problem(self, target: Path, anchor: str) -> str | None:
        anchors = self.page(target).anchors
        if anchor in anchors:
            return None
        name = target.relative_to(self.site_dir).as_posix()
        close = difflib.get_close_matches(anchor, anchors, n=1)
        hint = f"; did you mean #{close[0]}?" if close else ""
        return f"no anchor #{anchor} on {name}{hint}"

    def broken_links(self) -> Iterator[BrokenLink]:
        """Every broken link of the site, page by page."""
        for path in self.html_files():
            for link in self.page(path).links:
                if (reason := self.problem(path, link.url)) is not None:
                    name = path.relative_to(self.site_dir).as_posix()
                    yield BrokenLink(name, link.line, link.url, reason)


def check_site(site_dir: Path, site_url: str = "") -> list[BrokenLink]:
    """Every broken link of the built site in ``site_dir``."""
    return list(SiteLinks(site_dir, site_url).broken_links())
