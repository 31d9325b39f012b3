"""Readability: extraction of running text, scores on known sentences, and the real pages."""

from pathlib import Path

import pytest

from patientsite.readability import (
    TARGETS,
    Score,
    english_syllables,
    extract_text,
    markdown_extensions,
    score,
    score_docs,
)

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


# -- extraction ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "---\ntitle: Rug\nreviewed: 2026-11-23\n---\nTekst.", "Tekst.", id="front-matter"
        ),
        pytest.param("# Titel\n\nTekst.\n\n## Vraag\n\nMeer.", "Tekst.\nMeer.", id="headings"),
        pytest.param("Scans helpen niet [@chou2009].", "Scans helpen niet.", id="citation"),
        pytest.param("Zie [@a; @b, p. 4] en [+@c] hier.", "Zie en hier.", id="citations-grouped"),
        pytest.param("Chou [-@chou2009] zag het.", "Chou zag het.", id="citation-year-only"),
        pytest.param("Over ons.\n\n[[site-info]]", "Over ons.", id="marker"),
        pytest.param("Lees [de uitleg](https://example.org/x).", "Lees de uitleg.", id="link-url"),
        pytest.param("Typ `mkdocs build` nu.", "Typ nu.", id="code-span"),
        pytest.param("Tekst.\n\n```\nprint('x')\n```\n\nEinde.", "Tekst.\nEinde.", id="fence"),
        pytest.param(
            'Kijk.\n\n<svg role="img"><title>Schema</title><text>Stap 1</text></svg>\n\nKlaar.',
            "Kijk.\nKlaar.",
            id="inline-svg",
        ),
        pytest.param(
            '<p class="x">In <b>HTML</b> geschreven</p>', "In HTML geschreven.", id="html"
        ),
        pytest.param(
            "Een MRI helpt.\n\n*[MRI]: Magnetische resonantie", "Een MRI helpt.", id="abbr"
        ),
        pytest.param("| a | b |\n|---|---|\n| c | d |\n\nNa.", "Na.", id="table"),
        pytest.param('!!! warning "Let op"\n    Bel 112', "Bel 112.", id="admonition"),
        pytest.param(
            "- koorts\n- pijn 's nachts!\n- zwakte;",
            "koorts.\npijn 's nachts!\nzwakte.",
            id="list-items",
        ),
        pytest.param(
            "Bel als je:\n\n1. koorts hebt\n2. ziek bent",
            "Bel als je.\nkoorts hebt.\nziek bent.",
            id="lead-in",
        ),
        pytest.param("- punt (zie hoger.)", "punt (zie hoger.)", id="closing-bracket"),
        pytest.param(
            '<div class="red-flags" markdown>\n### Nu\n- Koorts [@a]\n</div>',
            "Koorts.",
            id="md-in-html",
        ),
    ],
)
def test_extract_text(source: str, expected: str) -> None:
    assert extract_text(source) == expected


def test_extract_uses_the_site_extensions() -> None:
    extensions, options = markdown_extensions(ROOT / "mkdocs.yml")
    assert {"abbr", "md_in_html", "tables"} <= set(extensions)
    source = "# Titel\n\n- een\n- twee [@k]"
    assert extract_text(source, extensions, options) == "een.\ntwee."


# -- scores ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("scan", 1), ("back", 1), ("nerve", 1), ("spinal", 2), ("usually", 4), ("MRI", 3)],
)
def test_english_syllables_from_cmudict(word: str, syllables: int) -> None:
    assert english_syllables(word) == syllables


def test_english_score_never_asks_nltk_for_data(monkeypatch: pytest.MonkeyPatch) -> None:
    # textstat's own English syllable count downloads NLTK's cmudict when it is missing.
    import nltk

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("NLTK was asked for data")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)
    assert score("Back pain usually gets better by itself.", "en").syllables == 12


def test_english_syllables_fall_back_to_pyphen() -> None:
    assert english_syllables("kinesitherapie") >= 4  # not an English word: estimated


def test_english_score_on_known_sentences() -> None:
    # 9 words, 2 sentences, 10 syllables (happy = 2).
    result = score("The cat sat on the mat. It was happy.", "en")
    assert (result.words, result.sentences, result.syllables) == (9, 2, 10)
    # 206.835 - 1.015 * 4.5 - 84.6 * 10 / 9 and 0.39 * 4.5 + 11.8 * 10 / 9 - 15.59
    assert result.reading_ease == 108.3
    assert result.grade == -0.7
    assert result.misses() == []


def test_english_hard_text_misses_both_targets() -> None:
    text = (
        "Radiological investigation of nonspecific lumbar symptomatology demonstrates "
        "considerable interobserver variability regarding degenerative intervertebral "
        "abnormalities."
    )
    result = score(text, "en")
    assert result.reading_ease < 0
    assert result.grade is not None and result.grade > 20
    assert [miss.split()[0] for miss in result.misses()] == ["Flesch", "Flesch-Kincaid"]


def test_hyphenated_word_counts_once_with_all_syllables() -> None:
    result = score("Book a follow-up visit.", "en")
    assert (result.words, result.syllables) == (4, 7)  # book a fol-low up vis-it


def test_decimal_number_does_not_end_a_sentence() -> None:
    assert score("Cancer is found in 0.7 percent of people with back pain.", "en").sentences == 1


def test_dutch_score_is_flesch_douma() -> None:
    text = "De kat zat op de mat. Hij was blij."
    result = score(text, "nl")
    assert (result.words, result.sentences, result.syllables) == (9, 2, 9)
    # 206.835 - 0.93 * 4.5 - 77 * 9 / 9
    assert result.reading_ease == 125.7
    assert result.grade is None


def test_dutch_hard_text_misses_target() -> None:
    text = (
        "Beeldvormingsonderzoek bij aspecifieke lumbale klachten veroorzaakt frequent "
        "onnodige ongerustheid en overbehandeling."
    )
    result = score(text, "nl")
    assert result.misses() == [f"Flesch-Douma {result.reading_ease:.1f} < 65"]


def test_empty_text_has_nothing_to_miss() -> None:
    assert score("", "nl") == Score("nl", 0, 0, 0, 0.0, None)
    assert score("", "en").misses() == []


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="'fr'"):
        score("Bonjour.", "fr")


# -- the real pages --------------------------------------------------------------------


def _pages() -> list[tuple[str, str]]:
    return [(lang, path.name) for lang in TARGETS for path in sorted((DOCS / lang).glob("*.md"))]


@pytest.fixture(scope="module")
def site_scores() -> dict[tuple[str, str], Score]:
    extensions, options = markdown_extensions(ROOT / "mkdocs.yml")
    return {(r.score.lang, r.page): r.score for r in score_docs(DOCS, extensions, options)}


@pytest.mark.parametrize(("lang", "page"), _pages())
def test_page_meets_readability_target(
    site_scores: dict[tuple[str, str], Score], lang: str, page: str
) -> None:
    result = site_scores[(lang, page)]
    assert not result.misses(), (
        f"docs/{lang}/{page} is too hard to read: {'; '.join(result.misses())} "
        f"({result.words} words, {result.sentences} sentences). "
        "Run scripts/readability.py for all pages."
    )
