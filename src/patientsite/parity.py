"""What must match between the Dutch and English version of a page: its outline.

The outline is read from the Markdown source: `##` sections, citation keys, and the red-flag
checklist (`<div class="red-flags__tier red-flags__tier--now" markdown>` with one list item per
sign). Code spans and fenced code are ignored, so an example of the syntax never counts.
"""

import re
from dataclasses import dataclass

from mkdocs.utils.meta import get_data

from patientsite.citations.syntax import cited_keys, code_free_lines

_SECTION = re.compile(r"^##\s")
_TIER = re.compile(r'<div\b[^>]*class="[^"]*\bred-flags__tier--([\w-]+)')
_DIV_OPEN = re.compile(r"<div\b")
_DIV_CLOSE = re.compile(r"</div\s*>")
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s")


@dataclass(frozen=True)
class RedFlagTier:
    """One urgency tier of the red-flag checklist."""

    name: str  # the tier's modifier class: "now", "soon", "appointment"
    items: tuple[frozenset[str], ...]  # citation keys of each list item, in order


@dataclass(frozen=True)
class Outline:
    """The parts of a page that both languages must share."""

    sections: int  # number of `##` headings
    citation_keys: frozenset[str]  # every key cited on the page
    red_flags: tuple[RedFlagTier, ...]  # the red-flag tiers, in page order


def _code_free_lines(markdown: str) -> list[str]:
    """The page's lines without front matter, with fenced code blanked and code spans removed."""
    body, _meta = get_data(markdown)
    return code_free_lines(body)


def _red_flag_tiers(lines: list[str]) -> tuple[RedFlagTier, ...]:
    tiers: list[RedFlagTier] = []
    name = ""
    depth = 0  # open <div>s inside the current tier, the tier's own included
    items: list[list[str]] = []  # lines of each item
    indent = -1  # indentation of the tier's first item: deeper items are nested lists
    in_item = False  # whether the line may still belong to the last item
    after_blank = False
    for line in lines:
        if not name:
            if match := _TIER.search(line):
                name, depth, items, indent, in_item = match.group(1), 0, [], -1, False
            else:
                continue
        depth += len(_DIV_OPEN.findall(line)) - len(_DIV_CLOSE.findall(line))
        item = _LIST_ITEM.match(line)
        line_indent = len(line) - len(line.lstrip())
        if item and (indent < 0 or len(item.group(1)) <= indent):
            indent = len(item.group(1))
            items.append([line])
            in_item = True
        elif line.lstrip().startswith(("#", "<")) or (
            after_blank and line.strip() and line_indent <= indent
        ):
            in_item = False  # a heading, HTML or a paragraph after the list
        elif in_item:
            items[-1].append(line)  # a wrapped line or a nested list
        after_blank = not line.strip()
        if depth <= 0:
            keys = tuple(frozenset(cited_keys(" ".join(item))) for item in items)
            tiers.append(RedFlagTier(name, keys))
            name = ""
    return tuple(tiers)


def outline(markdown: str) -> Outline:
    """The outline of one page's Markdown source."""
    lines = _code_free_lines(markdown)
    return Outline(
        sections=sum(1 for line in lines if _SECTION.match(line)),
        citation_keys=frozenset(cited_keys("\n".join(lines))),
        red_flags=_red_flag_tiers(lines),
    )


def red_flag_differences(first: Outline, second: Outline) -> list[str]:
    """Where two pages' red-flag checklists differ, in plain words (empty when they match)."""
    names = [tier.name for tier in first.red_flags], [tier.name for tier in second.red_flags]
    if names[0] != names[1]:
        return [f"red-flag tiers differ: {names[0]} vs {names[1]}"]
    found = []
    for one, other in zip(first.red_flags, second.red_flags, strict=True):
        if len(one.items) != len(other.items):
            found.append(f"tier '{one.name}': {len(one.items)} items vs {len(other.items)}")
            continue
        for number, (keys, other_keys) in enumerate(zip(one.items, other.items, strict=True), 1):
            if keys != other_keys:
                found.append(
                    f"tier '{one.name}', item {number}: citation keys {sorted(keys)} "
                    f"vs {sorted(other_keys)}"
                )
    return found
