"""Name what an author edits, never the build's temporary folder: the Markdown page and line,
the references.bib entry, or mkdocs.yml.

The PDF step reads the built HTML in a temporary folder (``.site-build-NNNN``) that is gone
after the build; messages about a page must point at ``docs/<language>/<page>.md`` instead.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from patientsite.pdf.settings import Language, Settings


@dataclass(frozen=True)
class Place:
    """Where something is written, as an author finds it."""

    file: str  # the file as the author knows it: "docs/en/scan.md", "references.bib"
    line: int | None  # 1-based line, when known
    note: str = ""  # more about the place, such as the references.bib entry's key

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        return f"{where} ({self.note})" if self.note else where


def shown(settings: Settings, path: Path) -> str:
    """A file's path as the author sees it: relative to the project (mkdocs.yml's folder)."""
    project = settings.config_file.resolve().parent
    try:
        return path.resolve().relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()


def _candidates(path: str) -> list[str]:
    """The Markdown files a page address can come from: "scan/" -> scan.md or scan/index.md."""
    if path in ("", "/"):
        return ["index.md", "README.md"]
    if path.endswith("/"):
        stem = path.rstrip("/")
        return [f"{stem}.md", f"{stem}/index.md", f"{stem}/README.md"]
    return [path.removesuffix(".html") + ".md"]


def source_file(settings: Settings, language: Language, path: str) -> Path | None:
    """The Markdown source of a built page address, or None when it cannot be found."""
    # static-i18n's folder layout (docs/<language>/...) first, then a one-language site.
    for folder in (settings.docs_dir / language.code, settings.docs_dir):
        for name in _candidates(path):
            if (folder / name).is_file():
                return folder / name
    return None


def source_name(settings: Settings, language: Language, path: str, built: Path) -> str:
    """The page's source as the author knows it; the built file's address if none is found."""
    source = source_file(settings, language, path)
    if source is not None:
        return shown(settings, source)
    return f"the page {settings.page_url(language, path)}"


def lines_holding(file: Path, needles: Iterable[str]) -> list[int]:
    """The 1-based lines of a text file that hold any of the needles."""
    wanted = [needle for needle in needles if needle]
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if any(needle in line for needle in wanted)
    ]


def bib_entry_at(file: Path, line: int) -> str:
    """The key of the references.bib entry that holds a line ("chou2009"), or ""."""
    try:
        lines = file.read_text(encoding="utf-8").splitlines()[:line]
    except (OSError, UnicodeDecodeError):
        return ""
    for text in reversed(lines):
        stripped = text.strip()
        if stripped.startswith("@") and "{" in stripped:
            return stripped.partition("{")[2].rstrip(",").strip()
    return ""


def find(settings: Settings, language: Language, path: str, needles: Iterable[str]) -> list[Place]:
    """Where the needles are written: the page's Markdown, else references.bib, else the
    included snippets and mkdocs.yml. Empty when none of them holds a needle."""
    needles = list(needles)
    page = source_file(settings, language, path)
    if page is not None and (numbers := lines_holding(page, needles)):
        return [Place(shown(settings, page), number) for number in numbers]
    if settings.bib_file is not None and (numbers := lines_holding(settings.bib_file, needles)):
        bib = settings.bib_file
        return [
            Place(shown(settings, bib), number, f"entry {bib_entry_at(bib, number)}".strip())
            for number in numbers
        ]
    project = settings.config_file.resolve().parent
    others = [settings.config_file]
    includes = project / "includes"
    if includes.is_dir():
        others += sorted(p for p in includes.rglob("*") if p.is_file())
    return [
        Place(shown(settings, other), number)
        for other in others
        for number in lines_holding(other, needles)
    ]
