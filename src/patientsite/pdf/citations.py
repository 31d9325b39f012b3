"""Citation markers on paper: taken out of the handout (on a wall poster they point at
nothing), and kept on the line of the word before them in the full article.

A citation is recognised by what it does, not by the citation plugin's class names: a link to
an entry of the page's reference list, whose ids the build record names. The inline marker
around it, such as ``<span>[6, 10]</span>``, goes with it when every link in that marker is a
citation. Pages built without the citations plugin still show the author's syntax
(``[@chou2011]``); that is taken out too.
"""

import re
import xml.etree.ElementTree as ET
from collections.abc import Set

from patientsite.pdf import htmltree

_RAW_CITATION = re.compile(r"\s*\[(?:-?@[\w:./-]+[^\[\]]*)(?:;\s*-?@[\w:./-]+[^\[\]]*)*\]")
_INLINE = frozenset(("span", "sup", "cite", "small"))


def strip_citations(article: ET.Element, targets: Set[str]) -> None:
    """Remove citation markers (links to the reference list entries ``targets``) from an
    article, in place."""
    parents = {child: parent for parent in article.iter() for child in parent}
    for link in _citation_links(article, targets):
        marker = _marker_of(link, parents, targets)
        if marker in parents:  # not removed already as part of a larger marker
            _remove_with_space(parents, marker)
            parents = {child: parent for parent in article.iter() for child in parent}
    for element in article.iter():
        element.text = _RAW_CITATION.sub("", element.text) if element.text else element.text
        element.tail = _RAW_CITATION.sub("", element.tail) if element.tail else element.tail


def space_into_markers(article: ET.Element, targets: Set[str]) -> None:
    """Move the space before each citation marker into it: "changed <span>[18]</span>" becomes
    "changed<span> [18]</span>", which reads the same.

    WeasyPrint (70) mislays the line break when a marker does not fit at the end of a line
    and the break would fall on the space before it: it breaks after the item's first word
    instead ("You" alone on a line, the rest below). A space inside the marker breaks well.
    """
    parents = {child: parent for parent in article.iter() for child in parent}
    markers = {_marker_of(link, parents, targets) for link in _citation_links(article, targets)}
    for marker in markers:
        parent = parents.get(marker)
        if parent is None:
            continue
        index = list(parent).index(marker)
        before = parent[index - 1] if index else None
        text = (before.tail if before is not None else parent.text) or ""
        if not text or not text[-1].isspace():
            continue
        if before is not None:
            before.tail = text.rstrip()
        else:
            parent.text = text.rstrip()
        marker.text = " " + (marker.text or "")


def _citation_links(article: ET.Element, targets: Set[str]) -> list[ET.Element]:
    return [
        element
        for element in article.iter()
        if isinstance(element.tag, str)
        and htmltree.local_name(element.tag) == "a"
        and element.get("href", "").startswith("#")
        and element.get("href", "")[1:] in targets
    ]


def _marker_of(
    link: ET.Element, parents: dict[ET.Element, ET.Element], targets: Set[str]
) -> ET.Element:
    """The outermost inline element around a citation link whose links are all citations."""
    marker = link
    while (parent := parents.get(marker)) is not None and _is_marker(parent, targets):
        marker = parent
    return marker


def _is_marker(element: ET.Element, targets: Set[str]) -> bool:
    """Whether an inline element is a citation marker: every link in it is a citation."""
    if htmltree.local_name(element.tag) not in _INLINE:
        return False
    hrefs = [a.get("href", "") for a in element.iter() if htmltree.local_name(a.tag) == "a"]
    return all(href.startswith("#") and href[1:] in targets for href in hrefs)


def _remove_with_space(parents: dict[ET.Element, ET.Element], marker: ET.Element) -> None:
    """Remove the marker and the space before it ("pijn [6]." becomes "pijn.")."""
    parent = parents[marker]
    siblings = list(parent)
    index = siblings.index(marker)
    tail = marker.tail or ""
    if index == 0:
        parent.text = (parent.text or "").rstrip() + tail
    else:
        previous = siblings[index - 1]
        previous.tail = (previous.tail or "").rstrip() + tail
    parent.remove(marker)
