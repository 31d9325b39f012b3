"""Find pages that exist in one language folder but not in the other."""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True)
class MissingCounterpart:
    """A page that has no translation in one of the languages."""

    source: str
    """Path of the existing page, relative to docs_dir (e.g. ``nl/mri.md``)."""
    expected: str
    """Path where the translation should be (e.g. ``en/mri.md``)."""


def find_missing_counterparts(
    src_paths: Iterable[str], languages: list[str]
) -> list[MissingCounterpart]:
    """Every Markdown page under one language folder must exist under every other one."""
    pages: dict[str, set[PurePosixPath]] = {lang: set() for lang in languages}
    for src in src_paths:
        path = PurePosixPath(src)
        if path.suffix != ".md" or len(path.parts) < 2 or path.parts[0] not in pages:
            continue
        pages[path.parts[0]].add(path.relative_to(path.parts[0]))

    missing = []
    for lang in languages:
        for page in sorted(pages[lang]):
            for other in languages:
                if page not in pages[other]:
                    missing.append(
                        MissingCounterpart(source=f"{lang}/{page}", expected=f"{other}/{page}")
                    )
    return missing
