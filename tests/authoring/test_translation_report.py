"""The translation report: per page, both languages, same sections, citations, red flags and
review dates, and which language changed last by git; exit 1 on a mismatch."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from patientsite.authoring.translation_report import (
    UNCOMMITTED,
    format_report,
    last_change,
    report_page,
    translation_report,
)
from patientsite.settings import SiteSettings, load_settings
from tests.authoring.helpers import SCRIPTS, copy_fixture, git, load_script

DAY = 86_400
T0 = 1_767_600_000  # 2026-01-05 08:00 UTC


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_fixture("translation", tmp_path)


@pytest.fixture
def project(folder: Path) -> SiteSettings:
    return load_settings(folder / "mkdocs.yml")


@pytest.mark.parametrize(
    ("page", "problems"),
    [
        ("same.md", ()),
        (
            "sections.md",
            ("sections: 2 '##' headings in docs/nl/sections.md, 1 in docs/en/sections.md",),
        ),
        (
            "citations.md",
            (
                "citations: cited only in docs/nl/citations.md: hall2021; "
                "only in docs/en/citations.md: nice2016",
            ),
        ),
        (
            "dates.md",
            (
                "review dates differ (docs/nl/dates.md vs docs/en/dates.md): "
                "reviewed 2026-01-05 vs 2026-02-01, next_review 2027-01-05 vs 2027-02-01",
            ),
        ),
        ("only-nl.md", ("missing: docs/en/only-nl.md does not exist",)),
        (
            "flags.md",
            (
                "warning signs and chart shown: [[warning-signs]], [[decision-chart]] vs "
                "[[warning-signs]] (docs/nl/flags.md vs docs/en/flags.md)",
            ),
        ),
        (
            "no-date.md",
            (
                "front matter of docs/nl/no-date.md: the front matter has a 'reviewed' date but "
                "no 'next_review' date. Add a line like 'next_review: 2026-11-23': when the page "
                "must be checked again (usually a year after 'reviewed').",
            ),
        ),
    ],
)
def test_each_kind_of_mismatch_is_named(
    project: SiteSettings, page: str, problems: tuple[str, ...]
) -> None:
    assert report_page(project, page).problems == problems


def test_a_draft_in_one_language_only_is_named(folder: Path, project: SiteSettings) -> None:
    english = folder / "docs/en/same.md"
    text = english.read_text(encoding="utf-8")
    dates = re.search(r"reviewed: (\S+)\nnext_review: (\S+)\n", text)
    assert dates is not None
    english.write_text(text.replace(dates.group(0), "reviewed:\nnext_review:\n"), encoding="utf-8")
    assert report_page(project, "same.md").problems == (
        "review dates differ (docs/nl/same.md vs docs/en/same.md): "
        f"reviewed {dates.group(1)} vs empty, next_review {dates.group(2)} vs empty",
    )


def test_a_page_only_in_english_names_the_missing_dutch_file(
    folder: Path, project: SiteSettings
) -> None:
    shutil.move(folder / "docs/nl/same.md", folder / "docs/en/extra.md")
    (folder / "docs/en/same.md").unlink()
    assert report_page(project, "extra.md").problems == (
        "missing: docs/nl/extra.md does not exist",
    )


def test_a_file_not_saved_as_utf8_is_named(folder: Path, project: SiteSettings) -> None:
    (folder / "docs/en/same.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    assert report_page(project, "same.md").problems == (
        "unreadable: docs/en/same.md is not saved as UTF-8; save it again as UTF-8",
    )


def test_every_page_of_both_languages_is_reported(project: SiteSettings) -> None:
    assert [report.page for report in translation_report(project)] == [
        "citations.md",
        "dates.md",
        "flags.md",
        "no-date.md",
        "only-nl.md",
        "same.md",
        "sections.md",
    ]


# -- which language is newer, by git ---------------------------------------------------------


@pytest.fixture
def repo(folder: Path) -> Path:
    """The fixture committed on 5 January 2026; every test changes it from there."""
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "pages", when=T0)
    return folder


def _commit(repo: Path, path: str, text: str, when: int) -> None:
    (repo / path).write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", f"edit {path}", when=when)


def test_pages_committed_together_changed_together(repo: Path) -> None:
    assert report_page(load_settings(repo / "mkdocs.yml"), "same.md").newer == "changed together"


def test_the_later_commit_is_newer(repo: Path) -> None:
    _commit(repo, "docs/en/same.md", (repo / "docs/en/same.md").read_text() + "\nMore.\n", T0 + DAY)
    assert report_page(load_settings(repo / "mkdocs.yml"), "same.md").newer == (
        "en newer (nl 2026-01-05 08:00 UTC; en 2026-01-06 08:00 UTC)"
    )


def test_uncommitted_changes_count_as_newest(repo: Path) -> None:
    _commit(repo, "docs/en/same.md", (repo / "docs/en/same.md").read_text() + "\nMore.\n", T0 + DAY)
    (repo / "docs/nl/same.md").write_text((repo / "docs/nl/same.md").read_text() + "\nMeer.\n")
    project = load_settings(repo / "mkdocs.yml")
    assert last_change(repo / "docs/nl/same.md", repo) == UNCOMMITTED
    assert last_change(repo / "docs/en/same.md", repo) == T0 + DAY
    assert report_page(project, "same.md").newer == "nl newer (uncommitted changes)"


def test_a_new_file_not_yet_committed_counts_as_newest(repo: Path) -> None:
    (repo / "docs/en/only-nl.md").write_text((repo / "docs/nl/only-nl.md").read_text())
    report = report_page(load_settings(repo / "mkdocs.yml"), "only-nl.md")
    assert report.problems == ()
    assert report.newer == "en newer (uncommitted changes)"


def test_both_changed_and_uncommitted(repo: Path) -> None:
    for lang in ("nl", "en"):
        path = repo / f"docs/{lang}/same.md"
        path.write_text(path.read_text() + "\n.\n")
    assert report_page(load_settings(repo / "mkdocs.yml"), "same.md").newer == (
        "all have uncommitted changes"
    )


def test_outside_git_the_order_is_not_known(project: SiteSettings) -> None:
    assert report_page(project, "same.md").newer == "not known (not in git)"


# -- the text and the command -----------------------------------------------------------------


def test_format_report_lists_problems_under_their_page(project: SiteSettings) -> None:
    reports = [report_page(project, page) for page in ("same.md", "only-nl.md")]
    assert format_report(reports) == (
        "same.md     ok            last change: not known (not in git)\n"
        "only-nl.md  1 problem(s)  last change: -\n"
        "    - missing: docs/en/only-nl.md does not exist\n"
        "\n"
        "2 page(s), 1 with problems."
    )


def test_command_exits_1_on_a_mismatch(folder: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / "translation_report.py"), "-f", str(folder / "mkdocs.yml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "    - missing: docs/en/only-nl.md does not exist\n" in result.stdout
    assert result.stdout.endswith("7 page(s), 6 with problems.\n")


def test_command_exits_0_when_every_translation_matches(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang in ("nl", "en"):
        for path in (repo / "docs" / lang).glob("*.md"):
            if path.name != "same.md":
                path.unlink()
    assert load_script("translation_report").main(["-f", str(repo / "mkdocs.yml")]) == 0
    assert capsys.readouterr().out == (
        "same.md  ok            last change: changed together\n\n"
        "1 page(s): every translation matches.\n"
    )


def test_command_explains_a_site_without_languages(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPTS / "translation_report.py"),
            "-f",
            str(tmp_path / "mkdocs.yml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "No report: mkdocs.yml lists no languages: the tools expect the 'i18n' plugin with "
        "'languages' (one folder per language under docs/).\n"
    )
