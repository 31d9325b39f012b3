"""patientsite.publish on its own: steps, the swap, and the build's date."""

import sys
from pathlib import Path

import pytest

from patientsite.publish import StepFailure, publish, source_date_epoch, swap_in
from tests.authoring.helpers import git, snapshot


def _write(path: str, text: str) -> list[str]:
    """A step that writes one file (making its folder), like a build step writes into work/."""
    code = (
        "import pathlib, sys; p = pathlib.Path(sys.argv[1]); "
        "p.parent.mkdir(parents=True, exist_ok=True); p.write_text(sys.argv[2])"
    )
    return [sys.executable, "-c", code, path, text]


def _fail(message: str, code: int = 3) -> list[str]:
    return [
        sys.executable,
        "-c",
        f"import sys; print({message!r}, file=sys.stderr); sys.exit({code})",
    ]


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """A site/ folder as a previous build left it."""
    target = tmp_path / "site"
    (target / "old").mkdir(parents=True)
    (target / "index.html").write_text("old home")
    (target / "old" / "page.html").write_text("old page")
    return target


def test_publish_replaces_the_site_when_every_step_succeeds(
    tmp_path: Path, published: Path
) -> None:
    work = tmp_path / ".site-build-1"
    commands = [
        _write(str(work / "index.html"), "new home"),
        _write(str(work / "en" / "x.pdf"), "pdf"),
    ]
    assert publish(commands, work, published, cwd=tmp_path, env={}) is None
    assert snapshot(published) == {"en": None, "en/x.pdf": b"pdf", "index.html": b"new home"}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_a_failed_step_leaves_the_site_as_it_was(
    tmp_path: Path, published: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(published)
    work = tmp_path / ".site-build-1"
    commands = [
        _write(str(work / "index.html"), "new home"),
        _fail("font not found"),
        _write(str(work / "never.html"), "x"),
    ]
    failure = publish(commands, work, published, cwd=tmp_path, env={})
    assert failure == StepFailure(tuple(commands[1]), 3)
    assert "font not found" in capfd.readouterr().err
    assert snapshot(published) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_a_step_that_cannot_start_leaves_the_site_as_it_was(
    tmp_path: Path, published: Path
) -> None:
    before = snapshot(published)
    work = tmp_path / ".site-build-1"
    commands = [_write(str(work / "index.html"), "new"), [str(tmp_path / "no-such-program")]]
    with pytest.raises(FileNotFoundError):
        publish(commands, work, published, cwd=tmp_path, env={})
    assert snapshot(published) == before
    assert not work.exists()


def test_the_first_build_creates_the_site(tmp_path: Path) -> None:
    work, target = tmp_path / ".site-build-1", tmp_path / "site"
    assert (
        publish([_write(str(work / "index.html"), "home")], work, target, cwd=tmp_path, env={})
        is None
    )
    assert snapshot(target) == {"index.html": b"home"}


def test_a_failed_swap_puts_the_old_site_back(tmp_path: Path, published: Path) -> None:
    before = snapshot(published)
    with pytest.raises(FileNotFoundError):
        swap_in(tmp_path / "never-built", published)
    assert snapshot(published) == before


def test_step_failure_names_the_step() -> None:
    assert StepFailure(("/x/.venv/bin/mkdocs", "build", "--strict"), 1).describe() == "mkdocs build"
    assert StepFailure(("/usr/bin/python3", "/p/scripts/pdfs.py"), 2).describe() == "pdfs.py"
    module = StepFailure(("/x/.venv/bin/python", "-m", "patientsite.pdf", "--site", "s"), 1)
    assert module.describe() == "patientsite.pdf"


def test_source_date_epoch_from_the_environment(tmp_path: Path) -> None:
    assert source_date_epoch(tmp_path, {"SOURCE_DATE_EPOCH": " 1700000000 "}) == "1700000000"


def test_source_date_epoch_from_the_last_commit(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "a.md").write_text("a")
    git(tmp_path, "add", "a.md")
    git(tmp_path, "commit", "-q", "-m", "first", when=1_700_000_000)
    (tmp_path / "b.md").write_text("b")
    git(tmp_path, "add", "b.md")
    git(tmp_path, "commit", "-q", "-m", "second", when=1_700_086_400)
    assert source_date_epoch(tmp_path, {}) == "1700086400"
    assert source_date_epoch(tmp_path, {"SOURCE_DATE_EPOCH": ""}) == "1700086400"


def test_no_source_date_epoch_outside_git(tmp_path: Path) -> None:
    assert source_date_epoch(tmp_path, {}) is None
