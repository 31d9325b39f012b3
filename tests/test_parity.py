"""Dutch and English pages match: same files, sections, citation keys and warning-sign markers."""

from pathlib import Path

import pytest

from patientsite.citations.syntax import cited_keys
from patientsite.parity import Outline, outline, warning_sign_differences

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
    assert result.warning_signs == ()


def test_outline_reads_warning_sign_markers_outside_code() -> None:
    source = (
        "# T\n\n[[warning-signs]]\n\nText `[[decision-chart]]`.\n\n"
        "```md\n[[decision-chart]]\n```\n\n  [[decision-chart]]  \n"
    )
    assert outline(source).warning_signs == ("[[warning-signs]]", "[[decision-chart]]")


def test_pages_showing_the_same_markers_have_no_differences() -> None:
    page = "# T\n\n[[warning-signs]]\n"
    assert warning_sign_differences(outline(page), outline(page)) == []
    assert warning_sign_differences(outline(page), outline("# T\n")) == [
        "warning signs and chart shown: [[warning-signs]] vs none"
    ]


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
def test_same_warning_signs_shown(page: str) -> None:
    nl, en = _outlines(page).values()
    differences = warning_sign_differences(nl, en)
    assert not differences, f"{page} (nl vs en): " + "; ".join(differences)
