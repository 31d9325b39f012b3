"""The glossary: abbreviation definitions added to every page of a language."""

import re
from pathlib import Path

# `*[MRI]: Magnetic resonance imaging`, as Python-Markdown's abbr extension reads it.
_DEFINITION = re.compile(r"\*\[[^\]]+\]:.*")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# An explanation as the abbr extension writes it: <abbr title="...">term</abbr>.
_ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


class GlossaryError(ValueError):
    """A glossary file is missing or holds something that is not a definition."""


def parse_glossary(text: str, name: str) -> list[str]:
    """The definitions of a glossary file; HTML comments and blank lines are allowed too.

    Anything else would be added to the end of every page, so it is an error.
    """
    # Comments become blank lines, so line numbers in errors stay right.
    text = _COMMENT.sub(lambda comment: "\n" * comment.group().count("\n"), text)
    definitions = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if not _DEFINITION.fullmatch(line.strip()):
            raise GlossaryError(
                f"{name}, line {number}: '{line.strip()}' is not a glossary entry. "
                "Write one entry per line, like: *[MRI]: Magnetic resonance imaging, a scan ..."
            )
        definitions.append(line.strip())
    return definitions


def load_glossary(base_dir: Path, relative_path: str) -> list[str]:
    """The definitions of the glossary file at `relative_path` (relative to `base_dir`)."""
    try:
        text = (base_dir / relative_path).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise GlossaryError(
            f"Glossary file not found: {relative_path} (looked in {base_dir}). Create it, or set "
            "the 'glossary' option of the patientsite/pages plugin in mkdocs.yml."
        ) from error
    return parse_glossary(text, relative_path)


def append_glossary(markdown: str, definitions: list[str]) -> str:
    """The page's Markdown with the definitions after it, where `abbr` picks them up."""
    if not definitions:
        return markdown
    return markdown.rstrip("\n") + "\n\n" + "\n".join(definitions) + "\n"


def first_use_only(html: str) -> str:
    """The page's HTML with each term explained only where it first appears.

    The abbr extension marks every occurrence; a dotted underline under every second noun
    makes a page harder to read, not easier. Later occurrences keep their text, unmarked.
    Terms are compared without case ("MRI" and "mri" are one term).
    """
    seen: set[str] = set()

    def keep_first(match: re.Match[str]) -> str:
        term = _TAG.sub("", match.group(1)).strip().casefold()
        if term in seen:
            return match.group(1)
        seen.add(term)
        return match.group(0)

    return _ABBR.sub(keep_first, html)
