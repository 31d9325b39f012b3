"""Our copies of Material's partials stay copies with one change each.

Material's header only includes its partials (no block to override), so overrides/partials/
palette.html and search.html are whole copies. When an upgrade of Material changes one, these
tests fail instead of our copy going silently stale.
"""

import re
from importlib.resources import files
from pathlib import Path

import pytest

from tests.support import ROOT

MATERIAL = files("material") / "templates"
# A partial's leading {#- ... -#} comment: Material's "generated" note, our note of our change.
LEADING_COMMENT = re.compile(r"\{#-(.*?)-#\}\n", re.DOTALL)

# palette.html: the scheme a button switches to, and the names in the page's language.
PALETTE_SETS = [
    'next = config.theme.palette[loop.index % loop.length].scheme | d("default", true)',
    'name = site_labels["palette_" ~ scheme] if site_labels else option.toggle.name',
    'action = site_labels["palette_" ~ next] if site_labels else option.toggle.name',
]
ACCENT = '    {% set accent  = option.accent  | d("indigo", true) %}\n'

# Our change to each copied partial, as (Material's text, our text) replacements.
CHANGES = {
    "partials/palette.html": [
        (ACCENT, ACCENT + "".join("    {% set " + line + " %}\n" for line in PALETTE_SETS)),
        ('aria-label="{{ option.toggle.name }}"', 'aria-label="{{ name }}"'),
        ('title="{{ option.toggle.name }}"', 'title="{{ action }}"'),
    ],
    "partials/search.html": [
        (
            'role="dialog">',
            'role="dialog" aria-label="{{ site_labels.search_dialog if site_labels else '
            "lang.t('search') }}\">",
        ),
    ],
}


def without_leading_comment(text: str) -> str:
    match = LEADING_COMMENT.match(text)
    assert match, "the partial starts with no {#- ... -#} comment"
    return text[match.end() :]


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_our_copy_is_materials_partial_with_our_change(name: str) -> None:
    ours = (ROOT / "overrides" / name).read_text(encoding="utf-8")
    comment = LEADING_COMMENT.match(ours)
    assert comment, f"overrides/{name} starts with no comment naming our change"
    todo = (
        f"Material's {name} changed: bring overrides/{name} up to date with it, keeping our "
        f"change as the comment at its top describes it ({' '.join(comment[1].split())}), "
        f"and CHANGES in {Path(__file__).relative_to(ROOT).as_posix()} if our change moved"
    )
    expected = (MATERIAL / name).read_text(encoding="utf-8")
    for theirs, mine in CHANGES[name]:
        found = expected.count(theirs)
        assert found == 1, f"{todo}. Material's text '{theirs}' is there {found} times, not once."
        expected = expected.replace(theirs, mine)
    assert without_leading_comment(ours) == without_leading_comment(expected), todo


def test_materials_header_still_includes_the_partials_we_override() -> None:
    # alternate.html is our own language switch, not a copy: it only relies on this include.
    header = (MATERIAL / "partials" / "header.html").read_text(encoding="utf-8")
    for name in ("partials/alternate.html", "partials/palette.html", "partials/search.html"):
        assert f'{{% include "{name}" %}}' in header, (
            f"Material's partials/header.html no longer includes {name}, so overrides/{name} "
            "is no longer used: find where Material now draws that part of the header and "
            "override that instead."
        )
