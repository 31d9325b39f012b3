"""Add a page to the `nav:` of mkdocs.yml, editing the text so comments and layout stay as written.

With static-i18n's folder layout one `nav:` serves every language: an entry names the file inside
each language folder (`- scan.md`), and without a title of its own each language shows the
page's `title` from its front matter. So one line adds the page to both languages' navigation.
"""

import re
from dataclasses import dataclass

import yaml

_NAV_KEY = re.compile(r"nav:\s*(#.*)?")
_ITEM = re.compile(r"(\s*)- (.*)")


class NavigationError(Exception):
    """The `nav:` of mkdocs.yml cannot be edited automatically; the message says what to do."""


@dataclass(frozen=True)
class NavItem:
    """One top-level entry of the `nav:` list."""

    target: str  # the file or link it points to ("scan.md"), or "" for a section
    first_line: int  # index of its line in mkdocs.yml (0-based)
    last_line: int  # index of its last line (a section's children included)


def _item_target(text: str, line: int) -> str:
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise NavigationError(
            f"mkdocs.yml line {line + 1}: this 'nav' entry could not be read ({error})."
        ) from error
    if isinstance(value, dict) and len(value) == 1:
        value = next(iter(value.values()))  # "Title: page.md"
    return value if isinstance(value, str) else ""


def nav_items(lines: list[str]) -> tuple[int, list[NavItem]] | None:
    """The line of the top-level `nav:` key and its entries; None when mkdocs.yml has no nav."""
    start = next((number for number, line in enumerate(lines) if _NAV_KEY.fullmatch(line)), None)
    if start is None:
        if any(line.startswith("nav:") for line in lines):
            raise NavigationError(
                "the 'nav' in mkdocs.yml is written on one line; write it as a list, one "
                "page per line ('  - scan.md'), so pages can be added automatically."
            )
        return None
    items: list[NavItem] = []
    indent = None  # the indentation of the list's own items; deeper lines belong to an item
    for number in range(start + 1, len(lines)):
        line = lines[number]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.fullmatch(line)
        if indent is None and item:
            indent = len(item.group(1))
        if item and len(item.group(1)) == indent:
            items.append(NavItem(_item_target(item.group(2), number), number, number))
        elif items and (len(line) - len(line.lstrip())) > (indent or 0):
            items[-1] = NavItem(items[-1].target, items[-1].first_line, number)
        else:
            break  # the next top-level key of mkdocs.yml
    return start, items


def add_to_nav(config_text: str, target: str, after: str | None = None) -> str | None:
    """mkdocs.yml's text with ``target`` (e.g. "pain.md") added to its `nav:`.

    The entry goes after the entry for ``after`` (e.g. "tips.md"), or at the end. Returns None when
    mkdocs.yml has no `nav:` (MkDocs then lists every page by itself), and the text unchanged
    when the nav already lists ``target``.
    """
    lines = config_text.splitlines(keepends=True)
    found = nav_items([line.rstrip("\r\n") for line in lines])
    if found is None:
        return None
    start, items = found
    targets = [item.target for item in items]
    if target in targets:
        return config_text
    if after is not None and after not in targets:
        listed = ", ".join(t.removesuffix(".md") for t in targets if t.endswith(".md"))
        raise NavigationError(
            f"'{after.removesuffix('.md')}' is not in the navigation in mkdocs.yml; "
            f"pages there: {listed}."
        )
    if items:
        anchor = items[targets.index(after)] if after is not None else items[-1]
        insert_at = anchor.last_line + 1
        line = lines[anchor.first_line]
        indent = line[: len(line) - len(line.lstrip())]
    else:
        insert_at, indent = start + 1, "  "
    ending = "\r\n" if lines[start].endswith("\r\n") else "\n"
    if insert_at == len(lines) and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += ending
    lines.insert(insert_at, f"{indent}- {target}{ending}")
    return "".join(lines)
