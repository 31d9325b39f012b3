"""The release check of `make check`: what still has to be done before the site goes live.

A site may be built and previewed with drafts in it; it may only be published when no page
holds the placeholder text of `make page`, every page has been reviewed by a person and is not
overdue for its next review, the clinic has named its author, medical reviewer and contact, and
the site's address is the clinic's own (links, QR codes, e-mail texts and posters print it).
Every problem is listed, not just the first, each with the file (and line) or the setting and
what to do. The caller reads the files (scripts/check_release.py); this module only judges.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from patientsite.authoring.placeholders import TEMPLATES
from patientsite.pages.siteinfo import Clinic

# The clinic settings a published site must fill in, and what each one asks for.
REQUIRED_CLINIC = {
    "author": (
        "who wrote the pages, with their profession, in quotes, like "
        'author: "Dr. A. Peeters, huisarts"'
    ),
    "reviewer": (
        "the healthcare professional who checked the pages medically, with their profession, "
        'in quotes, like reviewer: "B. Janssens, kinesitherapeut"'
    ),
    "contact": (
        "how readers reach the clinic (an e-mail address, web address or phone number), in "
        'quotes, like contact: "info@praktijkderug.be"'
    ),
}

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class PageSource:
    """One Markdown file of the site, as the check reads it."""

    name: str  # as messages name it: docs/nl/zitten.md
    text: str  # the whole file
    meta: Mapping[str, object]  # its front matter as the build reads it ({} when it has none)


@dataclass(frozen=True)
class Problem:
    """One thing that keeps the site from going live."""

    where: str  # the file and line ("docs/nl/zitten.md:8") or the setting
    what: str  # what is wrong and what to do, in plain words

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def clinic_problems(clinic: Clinic, config_name: str = "mkdocs.yml") -> list[Problem]:
    """The required clinic settings (`extra.clinic` in mkdocs.yml) that are empty."""
    problems = []
    for key, asks in REQUIRED_CLINIC.items():
        if not getattr(clinic, key).strip():
            problems.append(
                Problem(
                    f"extra.clinic.{key} in {config_name}",
                    f"is empty. Fill in {asks}. Readers see it on the About page and in the PDFs.",
                )
            )
    return problems


# Names no real site is published under: reserved for examples and tests (RFC 2606, RFC 6761),
# or this very computer.
_NOT_PUBLIC_LABELS = {"example", "test", "invalid", "localhost", "local"}
_NOT_PUBLIC_HOSTS = {"127.0.0.1", "0.0.0.0", "::1"}


def address_problems(site_url: str, config_name: str = "mkdocs.yml") -> list[Problem]:
    """The site's address, when it is missing or an example: every printed QR code, poster and
    e-mail text would send patients to it."""
    where = f"site_url in {config_name}"
    host = (urlsplit(site_url).hostname or "") if site_url else ""
    if not host:
        what = "is not set"
    elif host in _NOT_PUBLIC_HOSTS or _NOT_PUBLIC_LABELS & set(host.split(".")):
        what = f"is {site_url}, an example address, not the clinic's own"
    else:
        return []
    return [
        Problem(
            where,
            f"{what}. Write the address the site will be published at, like site_url: "
            "https://rugpijn.praktijkderug.be/, and build again: the QR codes, posters, PDFs "
            "and e-mail texts print this address.",
        )
    ]


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _words(sentence: str) -> re.Pattern[str]:
    """A placeholder sentence, found also when an editor has wrapped it over two lines."""
    return re.compile(r"\s+".join(re.escape(word) for word in sentence.split()))


_SENTENCES = [
    (sentence, _words(sentence))
    for template in TEMPLATES.values()
    for sentence in template.sentences
]
_HEADINGS = [
    (template.section, re.compile(rf"^##[ \t]+{re.escape(template.section)}[ \t]*#*[ \t]*$", re.M))
    for template in TEMPLATES.values()
]


def placeholder_problems(page: PageSource) -> list[Problem]:
    """Every bit of `make page`'s placeholder text still in the page (in any language)."""
    found = [
        (match.start(), f'still holds the placeholder text "{sentence}"')
        for sentence, pattern in _SENTENCES
        for match in pattern.finditer(page.text)
    ]
    found += [
        (match.start(), f'still has the placeholder heading "## {heading}"')
        for heading, pattern in _HEADINGS
        for match in pattern.finditer(page.text)
    ]
    return [
        Problem(
            f"{page.name}:{_line(page.text, offset)}",
            f"{what} from make page. Replace it with your own words for this page.",
        )
        for offset, what in sorted(found)
    ]


def _field_line(page: PageSource, field: str) -> int:
    """The line of a front matter field, or 1 (the front matter's start) when it is missing."""
    block = _FRONT_MATTER.match(page.text)
    if block:
        for number, line in enumerate(block.group(1).splitlines(), start=2):
            if line.partition(":")[0].strip() == field:
                return number
    return 1


def _date(value: object) -> date | str | None:
    """A front matter date as YAML gives it: a date, text when quoted or not a date, None when
    empty. Text that is no date comes back as text, for the message."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if not _ISO_DATE.fullmatch(text):
        return text
    try:
        return date.fromisoformat(text)
    except ValueError:  # 2026-02-30
        return text


_NOT_A_DATE = "is not a real date written as YYYY-MM-DD (like 2026-11-23). Correct it."
_REVIEW_BOTH = "the same in both languages"


def review_problems(page: PageSource, today: date) -> list[Problem]:
    """Whether a person has reviewed the page, and whether its next review is overdue."""
    reviewed = _date(page.meta.get("reviewed"))
    where = f"{page.name}:{_field_line(page, 'reviewed')}"
    if reviewed is None:
        return [
            Problem(
                where,
                "has no 'reviewed' date: nobody has checked this page yet, so it shows a "
                "'not yet reviewed' notice. Have a healthcare professional check it against its "
                "sources; then write the day they did in 'reviewed' and a day within a year "
                f"after it in 'next_review', {_REVIEW_BOTH}.",
            )
        ]
    if isinstance(reviewed, str):
        return [Problem(where, f"'reviewed: {reviewed}' {_NOT_A_DATE}")]
    problems = []
    if reviewed > today:
        problems.append(
            Problem(
                where,
                f"'reviewed' ({reviewed}) is after today ({today}). Write the day the page was "
                "actually checked.",
            )
        )
    next_review = _date(page.meta.get("next_review"))
    where = f"{page.name}:{_field_line(page, 'next_review')}"
    if next_review is None:
        problems.append(
            Problem(
                where,
                "has a 'reviewed' date but no 'next_review' date. Add the day the page must be "
                f"checked again (within a year after 'reviewed'), {_REVIEW_BOTH}.",
            )
        )
    elif isinstance(next_review, str):
        problems.append(Problem(where, f"'next_review: {next_review}' {_NOT_A_DATE}"))
    elif next_review < today:
        problems.append(
            Problem(
                where,
                f"the next review was due on {next_review} (today is {today}). Have the page "
                "checked against its sources again; then write that day in 'reviewed' and a "
                f"new 'next_review' within a year after it, {_REVIEW_BOTH}.",
            )
        )
    return problems


def release_problems(
    pages: Iterable[PageSource],
    clinic: Clinic,
    today: date,
    config_name: str = "mkdocs.yml",
    *,
    site_url: str,
) -> list[Problem]:
    """Everything that keeps the site from going live: the site's address and the clinic's
    settings first, then each page (in the order given) with its placeholders and its review
    dates."""
    problems = address_problems(site_url, config_name) + clinic_problems(clinic, config_name)
    for page in pages:
        problems += placeholder_problems(page)
        problems += review_problems(page, today)
    return problems


def format_problems(problems: list[Problem]) -> str:
    """The verdict for the author: ready, or every problem on a line of its own."""
    if not problems:
        return "Ready to publish: every page is reviewed and the clinic's details are filled in."
    lines = [f"Not ready to publish: {len(problems)} problem(s) to fix first."]
    lines += [f"  - {problem}" for problem in problems]
    return "\n".join(lines)
