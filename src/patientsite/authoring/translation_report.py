"""Compare each page with its translations: both exist, same `##` sections, same citations,
same red-flag items, same review dates; and tell which language was changed last (by git).

The page outline comes from patientsite.parity, the review dates from patientsite.pages.review,
so the report reads pages exactly as the parity test and the build do.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from patientsite import frontmatter
from patientsite.git import has_uncommitted_changes, last_commit_time
from patientsite.pages.review import FrontMatterError, ReviewDates, read_review_dates
from patientsite.parity import Outline, outline, warning_sign_differences
from patientsite.settings import SiteSettings

UNCOMMITTED = "uncommitted"


@dataclass(frozen=True)
class Version:
    """One language's file of a page, as read for the report."""

    lang: str  # the language folder
    name: str  # the file as messages name it: docs/nl/scan.md
    outline: Outline  # sections, citation keys and warning-sign markers
    dates: ReviewDates | None  # None when the front matter's dates could not be read
    date_problem: str  # why the dates could not be read ("" when they could)
    changed: int | str | None  # last commit time, UNCOMMITTED, or None when not in git


@dataclass(frozen=True)
class PageReport:
    """How one page's translations compare."""

    page: str  # the file name inside each language folder: scan.md
    problems: tuple[str, ...]  # each mismatch in plain words; empty when the translations match
    newer: str  # which language was changed last, in plain words


def last_change(path: Path, repo: Path) -> int | str | None:
    """When a file last changed: its last commit's time, UNCOMMITTED when it has changes not yet
    committed (or was never committed), None when git cannot tell (no git, not a checkout)."""
    uncommitted = has_uncommitted_changes(repo, path)
    if uncommitted is None:
        return None
    return UNCOMMITTED if uncommitted else last_commit_time(repo, path)


def _when(changed: int | str | None) -> str:
    if isinstance(changed, int):
        return datetime.fromtimestamp(changed, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")
    return "uncommitted changes" if changed == UNCOMMITTED else "unknown"


def newer_text(versions: list[Version]) -> str:
    """Which language was changed last: "en is newer (...)", "changed together", ..."""
    if any(version.changed is None for version in versions):
        return "not known (not in git)"
    uncommitted = [version.lang for version in versions if version.changed == UNCOMMITTED]
    if len(uncommitted) == len(versions):
        return "all have uncommitted changes"
    if uncommitted:
        return f"{' and '.join(uncommitted)} newer (uncommitted changes)"
    # Neither None nor UNCOMMITTED is left: every version has a commit time.
    times = {v.lang: v.changed for v in versions if isinstance(v.changed, int)}
    latest = max(times.values())
    if all(changed == latest for changed in times.values()):
        return "changed together"
    newest = [lang for lang, changed in times.items() if changed == latest]
    others = "; ".join(f"{lang} {_when(changed)}" for lang, changed in times.items())
    return f"{' and '.join(newest)} newer ({others})"


def read_version(project: SiteSettings, lang: str, page: str) -> Version:
    """One language's file of a page."""
    path = project.docs_dir / lang / page
    text = path.read_text(encoding="utf-8")
    body, meta = frontmatter.split(text)
    try:
        dates, problem = read_review_dates(meta, body), ""
    except FrontMatterError as error:
        dates, problem = None, str(error)
    return Version(
        lang=lang,
        name=project.name(path),
        outline=outline(text),
        dates=dates,
        date_problem=problem,
        changed=last_change(path, project.root),
    )


def _shown(day: object) -> str:
    """A review date in the report; a draft's empty one as 'empty'."""
    return "empty" if day is None else str(day)


def compare(first: Version, other: Version) -> list[str]:
    """How a translation differs from the default language's page, in plain words."""
    problems = []
    if first.outline.sections != other.outline.sections:
        problems.append(
            f"sections: {first.outline.sections} '##' headings in {first.name}, "
            f"{other.outline.sections} in {other.name}"
        )
    keys, other_keys = first.outline.citation_keys, other.outline.citation_keys
    if keys != other_keys:
        only = [
            f"only in {name}: {', '.join(sorted(difference))}"
            for name, difference in (
                (first.name, keys - other_keys),
                (other.name, other_keys - keys),
            )
            if difference
        ]
        problems.append("citations: cited " + "; ".join(only))
    problems.extend(
        f"{difference} ({first.name} vs {other.name})"
        for difference in warning_sign_differences(first.outline, other.outline)
    )
    if first.dates and other.dates and first.dates != other.dates:
        fields = [
            f"{field} {_shown(getattr(first.dates, field))} vs "
            f"{_shown(getattr(other.dates, field))}"
            for field in ("published", "reviewed", "next_review")
            if getattr(first.dates, field) != getattr(other.dates, field)
        ]
        problems.append(f"review dates differ ({first.name} vs {other.name}): {', '.join(fields)}")
    return problems


def page_names(project: SiteSettings) -> list[str]:
    """Every page of the site: its path inside the language folders, in any language."""
    names = {
        path.relative_to(project.docs_dir / lang).as_posix()
        for lang in project.language_codes
        for path in (project.docs_dir / lang).rglob("*.md")
    }
    return sorted(names)


def report_page(project: SiteSettings, page: str) -> PageReport:
    """Compare one page's files in every language with the default language's."""
    present = [
        lang for lang in project.language_codes if (project.docs_dir / lang / page).is_file()
    ]
    problems = [
        f"missing: {project.name(project.docs_dir / lang / page)} does not exist"
        for lang in project.language_codes
        if lang not in present
    ]
    versions = []
    for lang in present:
        try:
            versions.append(read_version(project, lang, page))
        except UnicodeDecodeError:
            name = project.name(project.docs_dir / lang / page)
            problems.append(f"unreadable: {name} is not saved as UTF-8; save it again as UTF-8")
    problems.extend(
        f"front matter of {version.name}: {version.date_problem}"
        for version in versions
        if version.date_problem
    )
    if versions and versions[0].lang == project.language_codes[0]:
        first, *others = versions
        for other in others:
            problems.extend(compare(first, other))
    newer = newer_text(versions) if len(versions) > 1 else "-"
    return PageReport(page=page, problems=tuple(problems), newer=newer)


def translation_report(project: SiteSettings) -> list[PageReport]:
    """The report for every page of the site."""
    return [report_page(project, page) for page in page_names(project)]


def format_report(reports: list[PageReport]) -> str:
    """The report as plain text: a line per page, its problems indented below it."""
    width = max((len(report.page) for report in reports), default=4)
    lines = []
    for report in reports:
        state = f"{len(report.problems)} problem(s)" if report.problems else "ok"
        lines.append(f"{report.page:<{width}}  {state:<13} last change: {report.newer}")
        lines.extend(f"    - {problem}" for problem in report.problems)
    failing = sum(1 for report in reports if report.problems)
    lines.append("")
    lines.append(
        f"{len(reports)} page(s), {failing} with problems."
        if failing
        else f"{len(reports)} page(s): every translation matches."
    )
    return "\n".join(lines)
