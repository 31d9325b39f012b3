"""Dutch and English pages match: same files, sections, citation keys and red-flag items."""

from pathlib import Path

import pytest

from patientsite.citations.syntax import cited_keys
from patientsite.parity import Outline, RedFlagTier, outline, red_flag_differences

DOCS = Path(__file__).resolve().parent.parent / "docs"
LANGUAGES = ("nl", "en")


# -- helpers on tiny Markdown ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Zo is het [@chou2009].", {"chou2009"}),
        ("Twee [@a; @b, p. 4] bronnen.", {"a", "b"}),
        ("Verhalend: [+@hall2021] toonde.", {"hall2021"}),
        (
            "Sleutels [@nice:ng59; @kce/287; @van_t-2006.a]",
            {"nice:ng59", "kce/287", "van_t-2006.a"},
        ),
        ("Mail info@example.org of zie [link](x.md) en [@].", set()),
        ("Locator [@a, zie @b]", {"a"}),
        ("Jaartal [-@a] en [ @b]", {"a", "b"}),
        ("Linktekst [@a](https://example.org)", set()),
    ],
)
def test_cited_keys_as_the_plugin_reads_them(text: str, keys: set[str]) -> None:
    assert cited_keys(text) == keys


def test_outline_counts_sections_and_ignores_code() -> None:
    source = (
        "---\ntitle: T\n---\n# Titel\n\nIntro [@a].\n\n## Een\n\nTekst `[@code]`.\n\n"
        "### Sub\n\n## Twee\n\n```md\n## Geen sectie [@fence]\n```\n"
    )
    result = outline(source)
    assert result.sections == 2
    assert result.citation_keys == {"a"}
    assert result.red_flags == ()


RED_FLAGS = """
<div class="red-flags" markdown>
<div class="red-flags__tier red-flags__tier--now" markdown>
### Bel 112
- Doof gevoel rond de anus [@chou2011; @nhg2017].
- Zwakke benen,
  die snel erger worden [@chou2011].
    - een genest punt [@nested]
</div>
<div class="red-flags__tier red-flags__tier--soon" markdown>
### Huisarts
* Koorts [@chou2011]

Meer uitleg [@extra].
</div>
<div class="red-flags__tier red-flags__tier--appointment" markdown>
1. Geen beterschap
</div>
</div>
"""


def test_outline_reads_red_flag_tiers() -> None:
    assert outline(RED_FLAGS).red_flags == (
        RedFlagTier("now", (frozenset({"chou2011", "nhg2017"}), frozenset({"chou2011", "nested"}))),
        RedFlagTier("soon", (frozenset({"chou2011"}),)),
        RedFlagTier("appointment", (frozenset(),)),
    )


def test_matching_red_flags_have_no_differences() -> None:
    english = RED_FLAGS.replace("Doof gevoel", "Numbness").replace("Koorts", "Fever")
    assert red_flag_differences(outline(RED_FLAGS), outline(english)) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("* Koorts [@chou2011]", "* Koorts [@chou2011]\n* Ziek [@x]"),
            "tier 'soon': 1 items vs 2",
        ),
        (
            ("Zwakke benen,", "Zwakke benen [@nice2016],"),
            "tier 'now', item 2: citation keys ['chou2011', 'nested'] "
            "vs ['chou2011', 'nested', 'nice2016']",
        ),
        (
            ("red-flags__tier--soon", "red-flags__tier--today"),
            "red-flag tiers differ: ['now', 'soon', 'appointment'] "
            "vs ['now', 'today', 'appointment']",
        ),
    ],
)
def test_red_flag_mismatch_names_the_tier(change: tuple[str, str], message: str) -> None:
    other = RED_FLAGS.replace(*change)
    assert red_flag_differences(outline(RED_FLAGS), outline(other)) == [message]


# -- the real pages --------------------------------------------------------------------


def _page_names(lang: str) -> set[str]:
    return {path.name for path in (DOCS / lang).glob("*.md")}


PAGES = sorted(set().union(*(_page_names(lang) for lang in LANGUAGES)))


def _outlines(page: str) -> dict[str, Outline]:
    found = {}
    for lang in LANGUAGES:
        path = DOCS / lang / page
        if not path.exists():
            pytest.fail(f"docs/{lang}/{page} is missing: every page exists in {LANGUAGES}")
        found[lang] = outline(path.read_text(encoding="utf-8"))
    return found


def test_both_languages_have_the_same_pages() -> None:
    nl, en = _page_names("nl"), _page_names("en")
    assert nl == en, f"only in docs/nl: {sorted(nl - en)}; only in docs/en: {sorted(en - nl)}"


@pytest.mark.parametrize("page", PAGES)
def test_same_number_of_sections(page: str) -> None:
    nl, en = _outlines(page).values()
    assert nl.sections == en.sections, (
        f"{page}: {nl.sections} '##' sections in nl, {en.sections} in en"
    )


@pytest.mark.parametrize("page", PAGES)
def test_same_citation_keys(page: str) -> None:
    nl, en = _outlines(page).values()
    assert nl.citation_keys == en.citation_keys, (
        f"{page}: cited only in nl: {sorted(nl.citation_keys - en.citation_keys)}; "
        f"only in en: {sorted(en.citation_keys - nl.citation_keys)}"
    )


@pytest.mark.parametrize("page", PAGES)
def test_same_red_flag_items(page: str) -> None:
    nl, en = _outlines(page).values()
    differences = red_flag_differences(nl, en)
    assert not differences, f"{page} (nl vs en): " + "; ".join(differences)
