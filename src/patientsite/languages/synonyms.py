"""The search synonyms authors write: one YAML file per language, read and checked.

A file maps what patients type to words the pages use, one line each::

    ischias: hernia
    kinesist: [kinesitherapeut, kinesitherapie]
    slipped disc: hernia

The search worker applies them when someone searches; this module reads them strictly
(every mistake names the file and line) and checks that each target word is on a page.
"""

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

# What a synonym may hold: letters (with accents), digits, spaces, hyphens, apostrophes.
ALLOWED = re.compile("^[\\w' \u2019-]+$")
# Material's default search separator (mkdocs.yml `search: separator`): words split here.
SEPARATOR = re.compile(r"[\s\-]+")
TAG = re.compile(r"<[^>]*>")
WORD = re.compile("[\\w'\u2019]+")


class SynonymError(ValueError):
    """A synonyms file that cannot be used; the message names file, line and fix."""


@dataclass(frozen=True)
class Synonym:
    """One line of a synonyms file."""

    typed: str
    """What patients type (one or more words), as written."""
    targets: tuple[str, ...]
    """Words the pages use, as written; a target of several words needs all of them."""
    line: int
    """Line number in the file, from 1."""


@dataclass(frozen=True)
class MissingWord:
    """A target word that no page of the language contains."""

    synonym: Synonym
    word: str


def fold(word: str) -> str:
    """Lower case, without diacritics and without a trailing 's, as the search compares."""
    plain = "".join(
        c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c)
    )
    return re.sub("['\u2019]s$", "", plain)


def words_of(phrase: str) -> list[str]:
    """The folded words of a phrase, split where the search splits words."""
    return [fold(part) for part in SEPARATOR.split(phrase.strip()) if part]


def parse_synonyms(text: str, name: str) -> list[Synonym]:
    """Read a synonyms file's text; ``name`` is how messages call the file."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        # Where the broken construct starts (an unclosed "[") is where the author looks.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        raise SynonymError(
            f"{where}: this line cannot be read ({getattr(error, 'problem', error)}). "
            "Write one line per word: 'word patients type: word on the page' "
            "or 'word: [word one, word two]'."
        ) from None
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise SynonymError(
            f"{name}:{root.start_mark.line + 1}: expected lines like 'kinesist: kinesitherapeut'."
        )
    synonyms: list[Synonym] = []
    seen: dict[str, int] = {}
    for key, value in root.value:
        line = key.start_mark.line + 1
        typed = _text(key, name)
        targets = _targets(value, name)
        folded = " ".join(words_of(typed))
        if folded in seen:
            raise SynonymError(
                f"{name}:{line}: '{typed}' is already listed on line {seen[folded]}. "
                "Keep one line and list all its words there: 'word: [one, two]'."
            )
        seen[folded] = line
        synonyms.append(Synonym(typed=typed, targets=targets, line=line))
    return synonyms


def load_synonyms(path: Path, name: str) -> list[Synonym]:
    """Read a synonyms file; ``name`` is the path shown in messages."""
    if not path.is_file():
        raise SynonymError(
            f"{name}: the search synonyms file is missing. Create it (it may be empty), "
            "or remove 'search_synonyms' from mkdocs.yml."
        )
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError:
        raise SynonymError(
            f"{name}: this file is not saved as UTF-8. Save it again as UTF-8."
        ) from None
    return parse_synonyms(text, name)


def missing_words(synonyms: Iterable[Synonym], page_texts: Iterable[str]) -> list[MissingWord]:
    """Target words that appear on none of the pages (HTML or plain text)."""
    vocabulary: set[str] = set()
    for text in page_texts:
        for token in WORD.findall(html.unescape(TAG.sub(" ", text))):
            vocabulary.add(fold(token))
    missing = []
    for synonym in synonyms:
        for target in synonym.targets:
            missing += [
                MissingWord(synonym, word) for word in words_of(target) if word not in vocabulary
            ]
    return missing


def to_index(synonyms: Iterable[Synonym]) -> dict[str, list[str]]:
    """The synonyms as the search worker reads them: typed phrase -> target phrases."""
    return {
        " ".join(words_of(s.typed)): [" ".join(words_of(t)) for t in s.targets] for s in synonyms
    }


def _text(node: yaml.Node, name: str) -> str:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise SynonymError(
            f"{name}:{line}: expected a word here, as in 'kinesist: kinesitherapeut'."
        )
    value = str(node.value).strip()
    if not ALLOWED.match(value) or not words_of(value):
        raise SynonymError(
            f"{name}:{line}: '{value}' may hold only letters, digits, spaces, hyphens and "
            "apostrophes."
        )
    return value


def _targets(node: yaml.Node, name: str) -> tuple[str, ...]:
    if isinstance(node, yaml.SequenceNode):
        if not node.value:
            raise SynonymError(
                f"{name}:{node.start_mark.line + 1}: the list is empty: name at least one "
                "word the pages use."
            )
        return tuple(_text(item, name) for item in node.value)
    return (_text(node, name),)
