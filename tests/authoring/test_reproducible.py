"""Two builds of the same commit are byte-identical: HTML, sitemap.xml(.gz), search indexes, PDFs.

The real site is built twice with `make site`'s build() into two folders. The second build runs
under a clock 40 days ahead and another hash seed, so output that depends on when or how the
build ran (dates, set order) shows up as a difference, even when both run on the same day.
The first build is also link-checked here, so `make test` gates on the real site's links.
"""

import datetime
import io
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

from patientsite.authoring.linkcheck import check_site
from patientsite.settings import load_settings
from tests.authoring.helpers import FIXTURES, ROOT, load_script, tree_differences

SHIFT_DAYS = 40
SHIFTED_CLOCK = {
    "PYTHONPATH": str(FIXTURES / "shifted-clock"),
    "PATIENTSITE_CLOCK_SHIFT": str(SHIFT_DAYS * 86_400),
}


def test_the_shifted_clock_moves_every_python_clock() -> None:
    """The harness itself: without it the test below would prove nothing about dates."""
    code = (
        "import datetime, time; from datetime import datetime as dt; "
        "print(datetime.date.today(), dt.now().date(), dt.now(datetime.UTC).date(), "
        "datetime.date(*time.localtime()[:3]))"
    )
    before = datetime.date.today() + datetime.timedelta(days=SHIFT_DAYS)
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**SHIFTED_CLOCK, "TZ": "UTC"},
        capture_output=True,
        text=True,
        check=True,
    )
    after = datetime.date.today() + datetime.timedelta(days=SHIFT_DAYS)
    days = set(result.stdout.split())
    assert days in ({before.isoformat()}, {after.isoformat()}), result.stdout


def _build(build_site: ModuleType, target: Path) -> None:
    assert build_site.build(target, ROOT / "mkdocs.yml") == 0


def test_two_builds_of_one_commit_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_site = load_script("build_site")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # as `make site` runs: from git
    monkeypatch.setenv("PYTHONHASHSEED", "1")
    _build(build_site, tmp_path / "first" / "site")

    monkeypatch.setenv("PYTHONHASHSEED", "2")
    for name, value in SHIFTED_CLOCK.items():
        monkeypatch.setenv(name, value)
    _build(build_site, tmp_path / "second" / "site")

    first, second = tmp_path / "first" / "site", tmp_path / "second" / "site"
    assert list(first.rglob("*.pdf")), "the build made no PDFs"
    assert [
        str(link) for link in check_site(first, load_settings(ROOT / "mkdocs.yml").site_url)
    ] == []
    assert (first / "sitemap.xml.gz").is_file()
    assert tree_differences(first, second) == []


def release_copy(destination: Path) -> Path:
    """The project as a downloaded release holds it: `git archive` of the last commit, which has
    no .git. Run in such a copy already (no git history), a copy of its files."""
    destination.mkdir()
    archive = subprocess.run(
        ["git", "archive", "--format=tar", "HEAD"], cwd=ROOT, capture_output=True, check=False
    )
    if archive.returncode == 0:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(destination, filter="data")
    else:
        leftovers = shutil.ignore_patterns(
            ".venv", "site", ".site-*", ".cache", "__pycache__", ".pytest_cache"
        )
        shutil.copytree(ROOT, destination, ignore=leftovers, dirs_exist_ok=True)
    return destination


def test_two_builds_without_git_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """A release archive has no git history: the build dates itself from the pages' newest
    review date instead, so two builds still match, whatever the clock says."""
    project = release_copy(tmp_path / "release")
    assert not (project / ".git").exists()
    assert (project / "mkdocs.yml").is_file() and (project / "references.bib").is_file()
    build_site = load_script("build_site", project / "scripts")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("PYTHONHASHSEED", "1")
    assert build_site.build(tmp_path / "first" / "site", project / "mkdocs.yml") == 0

    monkeypatch.setenv("PYTHONHASHSEED", "2")
    for name, value in SHIFTED_CLOCK.items():
        monkeypatch.setenv(name, value)
    assert build_site.build(tmp_path / "second" / "site", project / "mkdocs.yml") == 0

    assert "dates come from the clock" not in capfd.readouterr().out
    first, second = tmp_path / "first" / "site", tmp_path / "second" / "site"
    assert (first / "sitemap.xml.gz").is_file()
    assert tree_differences(first, second) == []
