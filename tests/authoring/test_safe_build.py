"""`make site` (scripts/build_site.py): a failed build exits non-zero, says why, and leaves the
previously published site/ byte-for-byte as it was."""

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from tests.authoring.helpers import SCRIPTS, copy_fixture, load_script, process_group, snapshot


@pytest.fixture(scope="module")
def build_site() -> ModuleType:
    return load_script("build_site")


@pytest.fixture(scope="module")
def published_once(build_site: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project with a site/ from a good build, made once and copied per test."""
    folder = tmp_path_factory.mktemp("published")
    project = copy_fixture("build", folder)
    assert build_site.build(folder / "site", project / "mkdocs.yml") == 0
    return folder


@pytest.fixture
def folder(published_once: Path, tmp_path: Path) -> Path:
    """A folder holding project/ (the fixture site) and site/ (its published build)."""
    shutil.copytree(published_once / "build", tmp_path / "project")
    shutil.copytree(published_once / "site", tmp_path / "site")
    return tmp_path


def _edit(path: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"the fixture changed: {old!r} not in {path}"
        file.write_text(text.replace(old, new), encoding="utf-8")

    return edit


BREAKAGES = {
    "bad BibTeX": (
        _edit("references.bib", "volume = {373},", "volume = {373,"),
        [
            "references.bib:6: in the entry 'chou2009', the value of 'volume' has no closing }",
            "Build failed in: mkdocs build",
        ],
    ),
    "unknown citation key": (
        _edit("docs/en/index.md", "[@chou2009]", "[@chou2090]"),
        ["docs/en/index.md:", "'chou2090'", "Did you mean 'chou2009'", "Build failed in: mkdocs"],
    ),
    "broken anchor in Markdown": (
        _edit("docs/en/index.md", "uitleg.md#why", "uitleg.md#wy"),
        ["'uitleg.md#wy'", "does not contain an anchor '#wy'", "Build failed in: mkdocs build"],
    ),
    "a character no PDF font has (found by the PDF step)": (
        _edit("docs/en/index.md", "An MRI usually", "\u6f22 An MRI usually"),
        [
            "docs/en/index.md, line 11: \u201c\u6f22\u201d (U+6F22 CJK UNIFIED IDEOGRAPH-6F22)",
            "Build failed in: PDF step",
        ],
    ),
    "broken link in raw HTML (found by the link check)": (
        _edit(
            "docs/nl/uitleg.md",
            "Rugpijn gaat",
            '<a href="../oefeningen/">Oefeningen</a>. Rugpijn gaat',
        ),
        [
            "uitleg/index.html:",
            "../oefeningen/ -> no such page or file in the site (/oefeningen/)",
            "(page made from docs/nl/uitleg.md)",
            "Build failed in: link check",
        ],
    ),
}


@pytest.mark.parametrize("breakage", BREAKAGES, ids=list(BREAKAGES))
def test_a_failed_build_leaves_the_site_as_it_was(
    breakage: str, build_site: ModuleType, folder: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    edit, messages = BREAKAGES[breakage]
    edit(folder / "project")
    before = snapshot(folder / "site")
    capfd.readouterr()

    code = build_site.build(folder / "site", folder / "project" / "mkdocs.yml")

    output = capfd.readouterr()
    assert code != 0
    for message in [*messages, "site/ was left as it was"]:
        assert message in output.out + output.err
    # Our steps name what the author edits, never the temporary folder (only mkdocs's own
    # and static-i18n's "documentation to directory" lines do).
    lines = (output.out + output.err).splitlines()
    ours = [line for line in lines if "documentation to" not in line]
    assert [line for line in ours if ".site-build-" in line] == []
    assert snapshot(folder / "site") == before
    assert sorted(path.name for path in folder.iterdir()) == ["project", "site"]


def test_a_failing_step_after_mkdocs_leaves_the_site_as_it_was(
    build_site: ModuleType,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """Like a PDF step that fails after the HTML was built: nothing is published."""
    real_steps = build_site.steps

    def steps_with_failing_pdfs(site_dir: Path, config_file: Path) -> list[list[str]]:
        fail = "import sys; sys.exit('PDF: the font DejaVu Sans is missing')"
        return [*real_steps(site_dir, config_file), [sys.executable, "-c", fail]]

    monkeypatch.setattr(build_site, "steps", steps_with_failing_pdfs)
    _edit("docs/nl/uitleg.md", "Rugpijn gaat", "Lage rugpijn gaat")(folder / "project")
    before = snapshot(folder / "site")
    capfd.readouterr()

    code = build_site.build(folder / "site", folder / "project" / "mkdocs.yml")

    output = capfd.readouterr()
    assert code == 1
    assert "PDF: the font DejaVu Sans is missing" in output.err
    assert "site/ was left as it was" in output.err
    assert snapshot(folder / "site") == before
    assert sorted(path.name for path in folder.iterdir()) == ["project", "site"]


def test_a_good_build_replaces_the_site(build_site: ModuleType, folder: Path) -> None:
    _edit("docs/nl/uitleg.md", "Rugpijn gaat", "Lage rugpijn gaat")(folder / "project")
    (folder / "site" / "stale.html").write_text("from an old build")

    assert build_site.build(folder / "site", folder / "project" / "mkdocs.yml") == 0

    assert "Lage rugpijn gaat" in (folder / "site" / "uitleg" / "index.html").read_text()
    assert not (folder / "site" / "stale.html").exists()
    assert sorted(path.name for path in folder.iterdir()) == ["project", "site"]


def _pdf_step(folder: Path) -> int | None:
    """The process id of the running PDF step of a build in ``folder``, once its worker
    processes have started too; else None."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            arguments = cmdline.read_bytes().split(b"\0")
        except (FileNotFoundError, ProcessLookupError):
            continue
        if b"patientsite.pdf" in arguments and any(str(folder).encode() in a for a in arguments):
            step = int(cmdline.parent.name)
            return step if len(process_group(step)) > 1 else None
    return None


@pytest.mark.parametrize(
    ("signal_number", "to_group"),
    [(signal.SIGINT, True), (signal.SIGTERM, False)],
    ids=["Ctrl+C in the terminal", "SIGTERM to the build"],
)
def test_a_build_stopped_during_the_pdfs_leaves_nothing_behind(
    folder: Path, signal_number: int, to_group: bool
) -> None:
    _edit("docs/nl/uitleg.md", "Rugpijn gaat", "Lage rugpijn gaat")(folder / "project")
    before = snapshot(folder / "site")
    program = (
        "import sys, pathlib; sys.path.insert(0, sys.argv[1]); import build_site; "
        "sys.exit(build_site.main(pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])))"
    )
    build = subprocess.Popen(
        [
            sys.executable,
            "-c",
            program,
            str(SCRIPTS),
            str(folder / "site"),
            str(folder / "project" / "mkdocs.yml"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        process_group=0,  # as a terminal runs `make site`: Ctrl+C goes to this whole group
    )
    try:
        step = None
        while step is None and build.poll() is None:
            step = _pdf_step(folder)
            time.sleep(0.02)
        assert step is not None, "the build ended before its PDF step could be stopped"
        if to_group:
            os.killpg(build.pid, signal_number)
        else:
            build.send_signal(signal_number)
        out, err = build.communicate(timeout=60)
    finally:
        if build.poll() is None:
            build.kill()
            build.communicate()

    assert build.returncode == 128 + signal_number
    assert "Build stopped; site/ was left as it was." in err
    assert "Traceback" not in out + err
    deadline = time.monotonic() + 10
    while process_group(step) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process_group(step) == []
    assert snapshot(folder / "site") == before
    assert sorted(path.name for path in folder.iterdir()) == ["project", "site"]
