"""The privacy promise, checked: a page loads nothing from any host but the site itself.

Raw HTML in Markdown can embed a script, an iframe, an image or a stylesheet from another host,
and the visitor's browser would then tell that host who reads what. `external_loads` finds every
such reference in a page's HTML; links (`<a href>`) that the reader chooses to follow are fine.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Attributes through which a browser fetches something by itself when the page loads.
_LOADING_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),  # SVG
    "use": ("href", "xlink:href"),  # SVG
    "link": ("href",),  # stylesheets, icons, preloads, fonts
}
# <link rel=...> values that make the browser fetch the address (not alternate, canonical).
_FETCHING_LINKS = frozenset(
    {
        "stylesheet",
        "icon",
        "preload",
        "prefetch",
        "preconnect",
        "dns-prefetch",
        "modulepreload",
        "manifest",
        "apple-touch-icon",
        "mask-icon",
    }
)
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""", re.IGNORECASE)
_OTHER_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


@dataclass(frozen=True)
class ExternalLoad:
    tag: str  # the element that loads it: "script", "img", "style"
    address: str  # what it loads


def is_other_host(address: str) -> bool:
    """Whether a browser would fetch this address from another host (http:, https: or //)."""
    return bool(_OTHER_HOST.match(address.strip()))


def _urls_in_css(css: str) -> list[str]:
    return _CSS_URL.findall(css) + _CSS_IMPORT.findall(css)


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[ExternalLoad] = []
        self._in_style = False

    def _note(self, tag: str, address: str) -> None:
        if is_other_host(address):
            self.found.append(ExternalLoad(tag, address.strip()))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and not _FETCHING_LINKS & set(values.get("rel", "").lower().split()):
            return
        for name in _LOADING_ATTRIBUTES.get(tag, ()):
            if name not in values:
                continue
            if name == "srcset":
                for candidate in values[name].split(","):
                    self._note(tag, candidate.strip().split(" ")[0])
            else:
                self._note(tag, values[name])
        for address in _urls_in_css(values.get("style", "")):
            self._note(tag, address)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            for address in _urls_in_css(data):
                self._note("style", address)


def external_loads(html: str) -> list[ExternalLoad]:
    """Everything in the HTML that a browser would fetch from another host, in page order."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


def line_of(source: str, address: str) -> int | None:
    """The line of the page's source that holds the address, when it is written there."""
    index = source.find(address)
    return source.count("\n", 0, index) + 1 if index >= 0 else None


def privacy_problems(html: str, source: str, source_name: str) -> list[str]:
    """One message per external load, naming the page's file and line where it is written."""
    problems = []
    for load in external_loads(html):
        line = line_of(source, load.address)
        where = f"{source_name}:{line}" if line else source_name
        problems.append(
            f"{where}: <{load.tag}> loads {load.address} from another host. Pages load nothing "
            "from other sites (privacy): put the file in docs/assets/ and point to it there, "
            "or make it a plain link the reader can choose to open."
        )
    return problems
