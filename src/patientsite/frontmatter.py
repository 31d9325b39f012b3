"""A page's YAML front matter, split from its Markdown the way MkDocs splits it.

Our checks (readability, parity, the translation report, review dates) read the same pages
as the build, so they must agree with MkDocs on where the front matter ends; this module
follows MkDocs' rule without importing MkDocs.
"""

import re
from typing import Any

import yaml

# A block between "---" and "---" (or "...") at the very top of the page.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


# Front matter is data: plain YAML, no tags that build objects. The C loader when PyYAML has
# it, as MkDocs uses, so both read (and refuse) exactly the same text.
LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split(text: str) -> tuple[str, dict[str, Any]]:
    """The page's body and its front matter; ``{}`` and the whole text when it has none.

    Front matter that is not a mapping or not valid YAML counts as part of the body, as in
    MkDocs (which then renders it as text, so the author sees it on the page).
    """
    match = FRONT_MATTER.match(text)
    if match is None:
        return text, {}
    try:
        data = yaml.load(match.group(1), LOADER)
    except (yaml.YAMLError, ValueError, TypeError):  # ValueError: an impossible date
        return text, {}
    if not isinstance(data, dict):
        return text, {}
    return text[match.end() :].lstrip("\n"), data


def line_of(text: str, field: str) -> int:
    """The page's line that sets a top-level front matter field, for messages; the front
    matter's first line (2) when no line starts with the field's name."""
    match = re.search(rf"^{re.escape(field)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 2
