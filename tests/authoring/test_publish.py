"""patientsite.publish on its own: steps, the swap, and the build's date."""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from patientsite.publish import (
    StepFailure,
    build_environment,
    publish,
    run_step,
    source_date_epoch,
    swap_in,
)
from tests.authoring.helpers import git, process_exists, snapshot


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


def test_the_swap_never_leaves_a_moment_without_the_site(tmp_path: Path, published: Path) -> None:
    """A server answering while a build is published always finds site/ (no 404s)."""
    missing: list[int] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if not (published / "index.html").is_file():
                missing.append(1)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for number in range(200):
            work = tmp_path / f".site-build-{number}"
            work.mkdir()
            (work / "index.html").write_text(f"build {number}")
            swap_in(work, published)
    finally:
        done.set()
        watcher.join()
    assert missing == []
    assert (published / "index.html").read_text() == "build 199"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def _logging_step(log: Path, name: str, work: Path) -> list[str]:
    """A step that notes when it starts and ends, taking a while in between."""
    code = (
        "import pathlib, sys, time; log, name, work = sys.argv[1:]; "
        "open(log, 'a').write(f'start {name}\\n'); time.sleep(0.5); "
        "pathlib.Path(work).mkdir(); (pathlib.Path(work) / 'index.html').write_text(name); "
        "open(log, 'a').write(f'end {name}\\n')"
    )
    return [sys.executable, "-c", code, str(log), name, str(work)]


def test_two_builds_at_once_take_turns(tmp_path: Path, published: Path) -> None:
    log = tmp_path.parent / f"{tmp_path.name}.log"
    program = (
        "import sys, pathlib, json; from patientsite.publish import publish; "
        "work, target, step = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]); "
        "sys.exit(publish([step], pathlib.Path(work), pathlib.Path(target), "
        "cwd=pathlib.Path(target).parent, env={}) is not None)"
    )
    builds = []
    for name in ("first", "second"):
        work = tmp_path / f".site-build-{name}"
        step = json.dumps(_logging_step(log, name, work))
        builds.append(
            subprocess.Popen(
                [sys.executable, "-c", program, str(work), str(published), step],
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    results = [(build.wait(), build.communicate()[1]) for build in builds]
    assert [code for code, _ in results] == [0, 0]
    lines = log.read_text().splitlines()
    # Whichever got the lock first ran to its end before the other began.
    assert [line.split()[0] for line in lines] == ["start", "end", "start", "end"]
    assert lines[0].split()[1] == lines[1].split()[1]
    assert "Another build of this site is running" in "".join(err for _, err in results)
    assert snapshot(published) == {"index.html": lines[3].split()[1].encode()}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_folders_left_by_killed_builds_are_removed(
    tmp_path: Path, published: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    for leftover in (".site-build-4711", ".site-old-4711"):
        (tmp_path / leftover / "en").mkdir(parents=True)
        (tmp_path / leftover / "en" / "index.html").write_text("half built")
    work = tmp_path / ".site-build-1"
    assert (
        publish([_write(str(work / "index.html"), "new")], work, published, cwd=tmp_path, env={})
        is None
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    assert "Removed .site-build-4711/, left by a build that was stopped." in capfd.readouterr().out


def test_nothing_a_step_started_outlives_it(tmp_path: Path) -> None:
    """A step whose own worker is still running when it exits: the worker is ended too."""
    pid_file = tmp_path / "worker.pid"
    code = (
        "import subprocess, sys, pathlib; "
        "worker = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
        "pathlib.Path(sys.argv[1]).write_text(str(worker.pid))"
    )
    assert run_step([sys.executable, "-c", code, str(pid_file)], cwd=tmp_path, env={}) == 0
    worker = int(pid_file.read_text())
    # SIGKILL was sent; the system ends the process a moment later.
    deadline = time.monotonic() + 10
    while process_exists(worker) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not process_exists(worker)


def test_the_build_date_without_git_is_the_newest_review(tmp_path: Path) -> None:
    (tmp_path / "docs" / "nl").mkdir(parents=True)
    (tmp_path / "docs" / "nl" / "a.md").write_text(
        "---\npublished: 2026-01-15\nreviewed: 2026-11-23\nnext_review: 2027-11-23\n---\n# A\n"
    )
    (tmp_path / "docs" / "nl" / "b.md").write_text(
        "---\nreviewed: '2026-03-01'\n---\n# B\n\nreviewed: 2030-01-01 (not front matter)\n"
    )
    assert source_date_epoch(tmp_path, {}) == "1795392000"  # 2026-11-23 00:00 UTC


def _modes(tree: Path) -> set[tuple[str, int]]:
    return {
        ("dir" if path.is_dir() else "file", path.stat().st_mode & 0o777)
        for path in [tree, *tree.rglob("*")]
    }


def test_the_published_site_is_readable_by_a_web_server_whatever_the_umask(
    tmp_path: Path,
) -> None:
    """A step writing with mkstemp/mkdtemp (0600/0700) under umask 077: still 0644/0755."""
    work = tmp_path / ".site-build-1"
    code = (
        "import os, pathlib, sys, tempfile; w = pathlib.Path(sys.argv[1]); w.mkdir(); "
        "d = pathlib.Path(tempfile.mkdtemp(dir=w)); (d / 'a.txt').write_text('a'); "
        "fd, name = tempfile.mkstemp(dir=w, suffix='.pdf'); os.close(fd)"
    )
    old_umask = os.umask(0o077)
    try:
        result = publish(
            [[sys.executable, "-c", code, str(work)]], work, tmp_path / "site", cwd=tmp_path, env={}
        )
    finally:
        os.umask(old_umask)
    assert result is None
    assert _modes(tmp_path / "site") == {("dir", 0o755), ("file", 0o644)}


def test_a_failed_step_is_named_as_the_readme_names_it() -> None:
    python = sys.executable
    assert StepFailure([python, "-m", "patientsite.pdf"], 1).step_name() == "PDF step"
    assert StepFailure([python, "scripts/check_links.py"], 1).step_name() == "link check"
    assert StepFailure(["/x/.venv/bin/mkdocs", "build"], 1).step_name() == "mkdocs build"


def test_steps_get_the_commit_time_and_no_mkdocs_2_banner(tmp_path: Path) -> None:
    env = build_environment(tmp_path, {"SOURCE_DATE_EPOCH": "1700000000", "HOME": "/h"})
    assert env["SOURCE_DATE_EPOCH"] == "1700000000" and env["HOME"] == "/h"
    assert env["NO_MKDOCS_2_WARNING"] == "1"
    assert "SOURCE_DATE_EPOCH" not in build_environment(tmp_path, {})
