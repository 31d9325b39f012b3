"""Review dates from a page's front matter: read, check, and show them on the page."""

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import yaml

from patientsite import frontmatter
from patientsite.dates import in_words
from patientsite.pages.labels import Labels

FIELDS = ("published", "reviewed", "next_review")
# A page nobody has checked yet (a draft) leaves these empty: only a person writes a review date.
OPTIONAL = frozenset({"reviewed", "next_review"})
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)


_OPENING = re.compile(r"\A---[ \t]*\n")


class FrontMatterError(ValueError):
    """A page's front matter lacks a review date, or holds one that is not a real date."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        """The line of the page the problem is on, when known."""


def not_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    """Why a page's bytes are not text, naming the line ("12: ..."), for a page MkDocs cannot
    read: saved in another encoding, most often Windows' (Latin-1) by an older editor."""
    line = data[: error.start].count(b"\n") + 1
    return (
        f"{line}: this page is not saved as UTF-8 (a character on this line, such as é, is "
        "stored differently). Save it again with the encoding UTF-8 (most editors offer this "
        "under 'Save as')."
    )


@dataclass(frozen=True)
class ReviewDates:
    """The dates that tell readers how current a page is (a JAMA benchmark)."""

    published: date  # when the page first went online
    reviewed: date | None  # when someone last checked it against the sources; None: a draft
    next_review: date | None  # when it must be checked again; None only on a draft

    @property
    def is_draft(self) -> bool:
        """Nobody has written down that they checked the page: it must not claim a review."""
        return self.reviewed is None


def parse_date(field: str, value: object) -> date:
    """One front matter date: YAML gives a date object, or a string when it was quoted."""
    if value is None or value == "":
        raise FrontMatterError(
            f"the front matter has no '{field}' date. Add a line like '{field}: 2026-11-23'."
        )
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError as error:
            raise FrontMatterError(f"'{field}: {text}' is not a real date ({error}).") from error
    raise FrontMatterError(
        f"'{field}: {text}' is not a date written as YYYY-MM-DD, like '{field}: 2026-11-23'."
    )


def _unreadable_front_matter(block: str) -> FrontMatterError:
    """Why MkDocs could not read a front matter block: name the date field if one is the cause.

    Lines are the page's: the block starts on line 2, after the opening ---.
    """
    for number, line in enumerate(block.splitlines(), start=2):
        field, _, value = line.partition(":")
        field, value = field.strip(), value.split(" #", 1)[0].strip()  # without a YAML comment
        if field in FIELDS and (value or field not in OPTIONAL):
            try:
                parse_date(field, value.strip("'\""))
            except FrontMatterError as error:
                return FrontMatterError(str(error), number)
    try:
        yaml.load(block, frontmatter.LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line_number = mark.line + 2 if mark else None
        cause = " ".join(part for part in (error.context, error.problem) if part)
        return FrontMatterError(
            f"the front matter is not valid YAML ({cause}). Write each field on a line of its "
            "own as 'name: value'; put a value that holds ': ' or starts with [ { # & * in "
            "quotes.",
            line_number,
        )
    except (yaml.YAMLError, ValueError) as error:
        return FrontMatterError(f"the front matter is not valid YAML: {error}")
    return FrontMatterError("the front matter could not be read.")


def read_review_dates(meta: Mapping[str, Any], markdown: str = "") -> ReviewDates:
    """The review dates of a page, from the metadata MkDocs read from its front matter.

    `markdown` is what MkDocs left of the page after taking the front matter off. A front matter
    block still at its top could not be read (MkDocs then silently reads no metadata at all;
    an impossible date such as 2026-02-30 is enough), so it is explained instead.
    """
    if block := frontmatter.FRONT_MATTER.match(markdown):
        raise _unreadable_front_matter(block.group(1))
    if not meta and _OPENING.match(markdown):
        raise FrontMatterError(
            "the front matter that starts here with --- has no closing --- line, so none of it "
            "could be read. Add a line with only --- after its last field.",
            1,
        )
    published = parse_date("published", meta.get("published"))
    if _empty(meta.get("reviewed")):
        # A draft: a next review date alone means nothing, but it is still checked as a date.
        planned = meta.get("next_review")
        return ReviewDates(
            published, None, None if _empty(planned) else parse_date("next_review", planned)
        )
    reviewed = parse_date("reviewed", meta["reviewed"])
    next_review = _next_review(meta.get("next_review"))
    if reviewed < published:
        raise FrontMatterError(f"'reviewed' ({reviewed}) is before 'published' ({published}).")
    if next_review <= reviewed:
        raise FrontMatterError(
            f"'next_review' ({next_review}) must come after 'reviewed' ({reviewed})."
        )
    return ReviewDates(published, reviewed, next_review)


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _next_review(value: object) -> date:
    if _empty(value):
        raise FrontMatterError(
            "the front matter has a 'reviewed' date but no 'next_review' date. Add a line like "
            "'next_review: 2026-11-23': when the page must be checked again (usually a year "
            "after 'reviewed')."
        )
    return parse_date("next_review", value)


def today(environ: Mapping[str, str]) -> date:
    """Today's date, or the date of SOURCE_DATE_EPOCH when set, so a build can be reproduced."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return date.today()
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    except (ValueError, OverflowError, OSError) as error:
        raise ValueError(
            f"SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01, not {epoch!r}."
        ) from error


def is_stale(dates: ReviewDates, on: date) -> bool:
    """Whether a reviewed page should have been reviewed again before the given day (a draft
    is not stale: it was never reviewed, and says so)."""
    return not dates.is_draft and dates.next_review is not None and dates.next_review < on


def format_date(day: date, labels: Labels) -> str:
    """A date as readers write it: 23 november 2026 / 23 November 2026."""
    return in_words(day, labels.date, labels.language)


def _time(day: date, labels: Labels) -> str:
    return f'<time datetime="{day.isoformat()}">{html.escape(format_date(day, labels))}</time>'


def draft_html(labels: Labels) -> str:
    """The notice on a page nobody has reviewed yet. Material's warning box: themed in light and
    dark mode on screen, and a framed box in the PDFs (their print.css styles admonitions)."""
    return (
        '<div class="admonition warning page-draft">\n'
        f'<p class="admonition-title">{html.escape(labels.draft_title)}</p>\n'
        f"<p>{html.escape(labels.draft_text)}</p>\n</div>"
    )


def review_html(dates: ReviewDates, labels: Labels) -> str:
    """The line that shows when the page was last reviewed and when it will be next; on a draft,
    the notice that nobody has reviewed it yet."""
    if dates.reviewed is None or dates.next_review is None:
        return draft_html(labels)
    return (
        f'<p class="page-review">{html.escape(labels.reviewed)}: {_time(dates.reviewed, labels)}'
        f" · {html.escape(labels.next_review)}: {_time(dates.next_review, labels)}</p>"
    )


def insert_after_h1(page_html: str, block: str) -> str:
    """Puts a block right after the page's first heading, or at the top when it has none."""
    match = _H1_END.search(page_html)
    if match is None:
        return block + "\n" + page_html
    return page_html[: match.end()] + "\n" + block + page_html[match.end() :]
