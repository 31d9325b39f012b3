"""Every word our code shows, read from one file per language: nl.yml, en.yml in this folder.

Each file has a section per part (pages, pdf, share, templates, citations) and a `shared`
section for the words several parts show. The parts keep their typed tables (pages.labels,
pdf.labels, share.labels...): `view` builds one from a language's file, so a missing or
unused word fails at once, naming the file.
"""

import dataclasses
import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

from patientsite import frontmatter

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

FOLDER = Path(__file__).parent
SHARED = "shared"

T = TypeVar("T", bound="DataclassInstance")

# A word is a text, or a list of texts (the steps of the share page's e-mail instructions).
Word = str | tuple[str, ...]
Section = Mapping[str, Word]


class WordsError(ValueError):
    """A words file that cannot be read, or lacks a word a part needs."""


@functools.cache
def languages() -> tuple[str, ...]:
    """The languages we have words for: one file each, named by its language code."""
    return tuple(sorted(path.stem for path in FOLDER.glob("*.yml")))


def path_of(language: str) -> Path:
    """The file holding a language's words."""
    return FOLDER / f"{language}.yml"


def _name(language: str) -> str:
    """The file as a developer finds it: src/patientsite/words/nl.yml."""
    return f"src/patientsite/words/{language}.yml"


@functools.cache
def words(language: str) -> Mapping[str, Section]:
    """A language's words, by section, as its file writes them (read once)."""
    path = path_of(language)
    try:
        # The loader of the pages' front matter: libyaml's, fast, when PyYAML has it.
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=frontmatter.LOADER)
    except FileNotFoundError as error:
        raise WordsError(
            f"There are no words for the language {language!r}: {_name(language)} is missing "
            f"(there are files for {', '.join(languages())})."
        ) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise WordsError(f"{_name(language)}{where}: not valid YAML: {error}") from error
    if not isinstance(data, Mapping):
        raise WordsError(f"{_name(language)}: expected sections such as 'shared:' and 'pages:'.")
    sections: dict[str, Section] = {}
    for part, section in data.items():
        if not isinstance(section, Mapping):
            raise WordsError(f"{_name(language)}: '{part}:' should hold 'key: words' lines.")
        sections[str(part)] = MappingProxyType(
            {str(key): _word(language, f"{part}.{key}", value) for key, value in section.items()}
        )
    return MappingProxyType(sections)


def _word(language: str, key: str, value: object) -> Word:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise WordsError(
        f"{_name(language)}: {key} should be a text (or a list of texts), not {value!r}; "
        'put it in "quotes".'
    )


def section(language: str, part: str) -> Section:
    """One section of a language's words."""
    found = words(language).get(part)
    if found is None:
        raise WordsError(f"{_name(language)} has no section '{part}:'.")
    return found


def view(cls: type[T], language: str, part: str, /, **given: Any) -> T:
    """A part's typed table of words: each field of the dataclass `cls` from the part's
    section, else from the shared section; `given` fills the fields that are no words (the
    language code). Every word of the part's section must be a field."""
    own, shared = section(language, part), section(language, SHARED)
    names = {field.name for field in dataclasses.fields(cls)}
    unused = sorted(set(own) - names)
    if unused:
        raise WordsError(
            f"{_name(language)}: '{part}:' has words nothing shows: {', '.join(unused)}."
        )
    values: dict[str, Any] = {}
    for name in names:
        if name in given:
            values[name] = given[name]
        elif name in own:
            values[name] = own[name]
        elif name in shared:
            values[name] = shared[name]
        else:
            raise WordsError(
                f"{_name(language)}: '{part}:' (or '{SHARED}:') lacks the word '{name}'."
            )
    return cls(**values)


def citation_words(language: str) -> dict[str, str]:
    """The words of patientsite.citations.locale.Terms: the `citations` section and the shared
    `references`. The `and` of running text and the one a screen reader says are one word.
    Each is a text: a list there is an error."""
    own = dict(section(language, "citations"))
    own["references"] = section(language, SHARED)["references"]
    texts = {key: word for key, word in own.items() if isinstance(word, str)}
    if len(texts) < len(own):
        lists = ", ".join(sorted(set(own) - set(texts)))
        raise WordsError(f"{_name(language)}: the citations' words are texts, not lists: {lists}.")
    joining = texts.pop("and")
    return {**texts, "narrative_and": joining, "spoken_and": joining}
