"""Our own record of a build: what the steps after MkDocs need to know about the site.

The build writes it into the built site; the PDF step, the share kit and the link check read
it, instead of reading the theme's navigation or headings back out of the HTML. So a new theme
(or a new site generator) only has to write this file again.

Each plugin writes its own section: the pages plugin "pages" (every page in reading order) and
"theme" (where the theme puts a page's text, and its frame), the citations plugin "citations"
(which works each page cites, under which number, and which page holds the full reference
list). After the build, the PDF step adds "documents" (each PDF with its number of pages).
Reading fails loudly when the file or its pages are missing, so a step can never quietly work
from half a site; a site built without the citations plugin simply cites nothing, and one
without PDFs yet lists no documents.
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

# In the built site; the web server may serve it: nothing in it is private.
FILE_NAME = "build-record.json"
VERSION = 1


class RecordError(ValueError):
    """The build record is missing, empty or unreadable; the message says what to run."""


@dataclass(frozen=True)
class CitedWork:
    """A work a page cites, as the page's reference list shows it."""

    key: str  # its key in the .bib file: "chou2011"
    number: int  # its number in the full reference list, the same on every page and language
    anchor: str  # the id of its entry in the page's reference list: "ref-chou2011"


@dataclass(frozen=True)
class PageRecord:
    """One page of one language, as the build saw it."""

    url: str  # its address relative to its language's home: "" for the home page, "scan/"
    source: str  # the file the author edits: "docs/nl/scan.md"
    title: str  # the page's title, as in the menu
    description: str  # the page's one-line description, or ""
    reviewed: date | None  # when a person last reviewed it; None for a draft
    next_review: date | None  # when it must be reviewed again, when set
    cited: tuple[CitedWork, ...] = ()  # the works its reference list shows, in that order
    share: bool = True  # whether the share page offers it to send to patients
    warning_signs: bool = False  # whether it shows the lists of warning signs


@dataclass(frozen=True)
class LanguageRecord:
    """One language of the site: its pages in reading order (the menu's order)."""

    code: str  # "nl"
    root: str  # where its pages start below the site's address: "" or "en/"
    pages: tuple[PageRecord, ...]
    full_list: str | None = None  # the url of the page with the full reference list, if any

    def page(self, url: str) -> PageRecord | None:
        return next((page for page in self.pages if page.url == url), None)

    def warning_signs_page(self) -> PageRecord | None:
        """Where to send a reader with an urgent symptom: the first page after the home page,
        in menu order, that shows the lists of warning signs (the page about them), else the
        home page when it shows them; None when no page does."""
        showing = [page for page in self.pages if page.warning_signs]
        return next((page for page in showing if page.url), showing[0] if showing else None)


@dataclass(frozen=True)
class ThemeRecord:
    """The theme's markup, as far as the steps after the build need it."""

    article: str  # CSS selector of the element that holds a page's text
    chrome: str  # CSS selectors of the theme's parts inside it that mean nothing on paper
    button: str  # the class of a button
    primary_button: str  # the classes of the main button of a group
    # A page in the site's frame, as a string.Template: $skip (the skip link's words), $title
    # (the header's title, HTML), $switch_label and $switch_items (the language switch: its
    # name and its <li> items), $name (the page's class prefix), $content (HTML).
    frame: str


@dataclass(frozen=True)
class BuildRecord:
    """Everything the steps after the build read about it."""

    languages: tuple[LanguageRecord, ...]  # default language first
    theme: ThemeRecord
    # Pages of each PDF, by its path in the site ("en/pdf/article.pdf"); empty before the PDF
    # step has run.
    documents: dict[str, int] = field(default_factory=dict)

    def language(self, code: str) -> LanguageRecord:
        for language in self.languages:
            if language.code == code:
                return language
        raise RecordError(
            f"The build record has no pages for the language {code!r}: rebuild the site "
            "(make site)."
        )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _date(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def pages_section(languages: Sequence[LanguageRecord]) -> list[dict[str, Any]]:
    """The pages part of the record, as JSON data."""
    return [
        {
            "code": language.code,
            "root": language.root,
            "pages": [
                {
                    "url": page.url,
                    "source": page.source,
                    "title": page.title,
                    "description": page.description,
                    "reviewed": _iso(page.reviewed),
                    "next_review": _iso(page.next_review),
                    "share": page.share,
                    "warning_signs": page.warning_signs,
                }
                for page in language.pages
            ],
        }
        for language in languages
    ]


@dataclass(frozen=True)
class LanguageCitations:
    """What the citations plugin knows of one language's build."""

    code: str
    full_list: str | None  # the url of the page with the full reference list, if any
    cited: dict[str, tuple[CitedWork, ...]]  # each citing page's works, by the page's url


def citations_section(languages: Sequence[LanguageCitations]) -> list[dict[str, Any]]:
    """The citations part of the record, as JSON data."""
    return [
        {
            "code": language.code,
            "full_list": language.full_list,
            "pages": [
                {
                    "url": url,
                    "cited": [
                        {"key": work.key, "number": work.number, "anchor": work.anchor}
                        for work in works
                    ],
                }
                for url, works in language.cited.items()
            ],
        }
        for language in languages
    ]


def theme_section(theme: ThemeRecord) -> dict[str, str]:
    """The theme part of the record, as JSON data."""
    return asdict(theme)


def documents_section(pages_by_path: Mapping[str, int]) -> list[dict[str, Any]]:
    """The documents part of the record, as JSON data: each PDF's path in the site and pages."""
    return [{"path": path, "pages": pages} for path, pages in sorted(pages_by_path.items())]


def write_section(site_dir: Path, name: str, data: object) -> None:
    """Set one section of the record, keeping the others (each plugin writes its own)."""
    path = site_dir / FILE_NAME
    record: dict[str, Any] = {"version": VERSION}
    if path.is_file():
        existing = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(existing, dict) and existing.get("version") == VERSION:
            record = existing
    record[name] = data
    # On one line: Python's JSON writer is several times slower with indentation, and a large
    # site cites thousands of works. `python -m json.tool` shows it indented.
    text = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
    path.write_text(text, encoding="utf-8")


def read(site_dir: Path) -> BuildRecord:
    """The record of the site built in ``site_dir``."""
    path = site_dir / FILE_NAME
    hint = "Build the site first (make site); it writes this file."
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise RecordError(f"{path} is missing. {hint}") from error
    except (OSError, ValueError) as error:
        raise RecordError(f"{path} cannot be read ({error}). {hint}") from error
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise RecordError(f"{path} is from another version of the build. {hint}")
    citations = {entry["code"]: entry for entry in data.get("citations") or []}
    languages = tuple(
        _language(entry, citations.get(entry["code"], {})) for entry in data.get("pages") or []
    )
    if not languages or not all(language.pages for language in languages):
        raise RecordError(f"{path} lists no pages. {hint}")
    if not isinstance(data.get("theme"), dict):
        raise RecordError(f"{path} does not describe the theme's markup. {hint}")
    documents = {entry["path"]: entry["pages"] for entry in data.get("documents") or []}
    return BuildRecord(languages, ThemeRecord(**data["theme"]), documents)


def _language(pages: dict[str, Any], citations: dict[str, Any]) -> LanguageRecord:
    cited = {
        page["url"]: tuple(
            CitedWork(work["key"], work["number"], work["anchor"]) for work in page["cited"]
        )
        for page in citations.get("pages", [])
    }
    return LanguageRecord(
        code=pages["code"],
        root=pages["root"],
        pages=tuple(
            PageRecord(
                url=page["url"],
                source=page["source"],
                title=page["title"],
                description=page["description"],
                reviewed=_date(page["reviewed"]),
                next_review=_date(page["next_review"]),
                cited=cited.get(page["url"], ()),
                share=page.get("share", True),
                warning_signs=page.get("warning_signs", False),
            )
            for page in pages["pages"]
        ),
        full_list=citations.get("full_list"),
    )
