"""Parse built pages into element trees and write trees back as HTML.

We parse with tinyhtml5 (the parser WeasyPrint itself uses) and query with cssselect2, so what
we select is what WeasyPrint will see. ElementTree's own HTML writer cannot be used on the
result: it writes inline SVG as ``ns0:svg``, which an HTML parser no longer takes for SVG.
"""

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html import escape

import cssselect2
import tinyhtml5

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"source", "track", "wbr"}
)
_RAW_TEXT = frozenset(("script", "style"))
# Attribute namespaces tinyhtml5 gives foreign (SVG, MathML) attributes, and their prefixes.
_ATTRIBUTE_PREFIXES = {
    "http://www.w3.org/1999/xlink": "xlink:",
    "http://www.w3.org/XML/1998/namespace": "xml:",
}


def parse(html: str) -> ET.Element:
    """The ``<html>`` element of a whole page, HTML elements without a namespace."""
    root: ET.Element = tinyhtml5.parse(html, namespace_html_elements=False)  # untyped library
    return root


def parse_fragment(html: str) -> ET.Element:
    """A ``<div>`` holding the elements of an HTML fragment."""
    root = parse(f"<body><div>{html}</div></body>")
    container = root.find("body/div")
    if container is None:  # pragma: no cover - tinyhtml5 always builds <body>
        raise ValueError("the HTML parser lost the fragment's container")
    return container


def local_name(tag: str) -> str:
    """``{http://www.w3.org/2000/svg}rect`` -> ``rect``."""
    return tag.rpartition("}")[2]


def query_all(root: ET.Element, selector: str) -> list[ET.Element]:
    """The elements under (and including) ``root`` that match a CSS selector, in document order."""
    wrapper = cssselect2.ElementWrapper.from_html_root(root)
    return [match.etree_element for match in wrapper.query_all(selector)]


def query(root: ET.Element, selector: str) -> ET.Element | None:
    """The first element matching a CSS selector, or None."""
    matches = query_all(root, selector)
    return matches[0] if matches else None


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def text_of(element: ET.Element) -> str:
    """The element's text with runs of white space made single, as a reader sees it."""
    return " ".join("".join(element.itertext()).split())


def remove(root: ET.Element, doomed: ET.Element) -> None:
    """Takes an element out of the tree, keeping the text that followed it."""
    for parent in root.iter():
        children = list(parent)
        if doomed not in children:
            continue
        index = children.index(doomed)
        if doomed.tail:
            if index == 0:
                parent.text = (parent.text or "") + doomed.tail
            else:
                previous = children[index - 1]
                previous.tail = (previous.tail or "") + doomed.tail
        parent.remove(doomed)
        return


def iter_outside_svg(element: ET.Element) -> Iterator[ET.Element]:
    """Every element in document order, except what lies inside an inline SVG."""
    yield element
    if local_name(element.tag) == "svg":
        return
    for child in element:
        yield from iter_outside_svg(child)


def serialize(element: ET.Element) -> str:
    """The element as HTML text; inline SVG is written with plain tag names again."""
    parts: list[str] = []
    _write(element, parts)
    return "".join(parts)


def inner_html(element: ET.Element) -> str:
    """What is inside the element, as HTML text."""
    parts = [escape(element.text or "", quote=False)]
    for child in element:
        _write(child, parts)
    return "".join(parts)


def _attribute_name(name: str) -> str:
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return _ATTRIBUTE_PREFIXES.get(namespace, "") + local
    return name


def _write(element: ET.Element, parts: list[str]) -> None:
    if not isinstance(element.tag, str):  # comments and processing instructions
        parts.append(escape(element.tail or "", quote=False))
        return
    tag = local_name(element.tag)
    attributes = "".join(
        f' {_attribute_name(name)}="{escape(value)}"' for name, value in element.attrib.items()
    )
    parts.append(f"<{tag}{attributes}>")
    if tag not in _VOID:
        text = element.text or ""
        parts.append(text if tag in _RAW_TEXT else escape(text, quote=False))
        for child in element:
            _write(child, parts)
        parts.append(f"</{tag}>")
    parts.append(escape(element.tail or "", quote=False))
