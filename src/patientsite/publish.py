"""Publish a build safely: every step writes into a fresh folder, which replaces the published
folder only when all steps succeeded. A failed or interrupted build leaves it as it was.

Builds of one project take turns (a lock on the folder that holds site/), the swap never leaves
a moment without site/ (one atomic rename-exchange), folders left by a build that was killed are
removed by the next one, and every process a step starts ends with the step.

Also fixes the build's date: SOURCE_DATE_EPOCH, from the environment, else from the time of the
project's last git commit, else (a copy without git, such as a downloaded archive) from the newest
'reviewed' date of the pages, so that two builds of the same files are byte-identical.
"""

import ctypes
import errno
import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

from patientsite.git import last_commit_time

# renameat2(2): AT_FDCWD resolves relative paths from the current folder; RENAME_EXCHANGE swaps
# two paths in one step, so the published folder never disappears, not even for a moment.
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# A page's front matter, and a 'reviewed' date in it.
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*$", re.DOTALL | re.MULTILINE)
_REVIEWED_RE = re.compile(r"^reviewed:[ \t]*[\"']?(\d{4}-\d{2}-\d{2})[\"']?[ \t]*$", re.MULTILINE)
# How long a step may take to stop after SIGTERM before it and its children are killed.
_STOP_SECONDS = 5


# The words a failed build's last line uses for a step, as the README names the steps.
STEP_NAMES = {
    "patientsite.pdf": "PDF step",
    "patientsite.share": "share kit",
    "patientsite.headers": "headers step",
    "patientsite.kiosk": "kiosk step",
    "check_links.py": "link check",
}


@dataclass(frozen=True)
class StepFailure:
    """A build step that did not succeed."""

    command: Sequence[str]  # the step's command line
    returncode: int  # its exit code (never 0)

    def describe(self) -> str:
        """The step as people know it: "mkdocs build", a script's name ("check_links.py") or
        a module's ("patientsite.pdf" for ``python -m patientsite.pdf``)."""
        names = [Path(part).name for part in self.command[:3]]
        if names[0].startswith("python") and len(names) > 1:
            return names[2] if names[1] == "-m" and len(names) > 2 else names[1]
        return " ".join(names[:2])

    def step_name(self) -> str:
        """The step in the words of the build's last line: "PDF step", "mkdocs build"."""
        return STEP_NAMES.get(self.describe(), self.describe())


def build_environment(project: Path, environ: Mapping[str, str]) -> dict[str, str]:
    """The environment of a build's steps: no MkDocs-2 banners, and every date in the output
    (sitemap, review check, PDFs) from SOURCE_DATE_EPOCH (see source_date_epoch) rather than
    the clock, so two builds of the same files are byte-identical. Without git, that variable
    or any review date, it is left out and dates come from the clock."""
    env = {**environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    if (epoch := source_date_epoch(project, environ)) is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    return env


def source_date_epoch(project: Path, environ: Mapping[str, str]) -> str | None:
    """The build's SOURCE_DATE_EPOCH: the environment's, else the last git commit's time, else
    the newest 'reviewed' date of the pages in docs/ (midnight UTC).

    None when none is known: the build then dates itself from the clock and is not
    reproducible.
    """
    if given := environ.get("SOURCE_DATE_EPOCH", "").strip():
        return given
    epoch = last_commit_time(project)
    if epoch is None:
        epoch = newest_review_time(project / "docs")
    return None if epoch is None else str(epoch)


def newest_review_time(docs: Path) -> int | None:
    """The newest 'reviewed' date in the front matter of the pages under ``docs``, as Unix
    seconds at midnight UTC; None if no page has a readable one (the build then says why)."""
    newest = None
    for page in docs.rglob("*.md"):
        try:
            block = _FRONT_MATTER_RE.match(page.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        for found in _REVIEWED_RE.findall(block[1] if block else ""):
            try:
                day = datetime.strptime(found, "%Y-%m-%d").replace(tzinfo=UTC)
            except ValueError:
                continue
            newest = day if newest is None else max(newest, day)
    return None if newest is None else int(newest.timestamp())


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically; False where the system cannot (not Linux, old kernel, a
    file system without RENAME_EXCHANGE). Other failures raise OSError."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE):
        code = ctypes.get_errno()
        if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            return False
        raise OSError(code, os.strerror(code), str(first), None, str(second))
    return True


def make_readable(tree: Path) -> None:
    """Folders 0755 and files 0644 throughout ``tree``, whatever the umask or the temporary-file
    modes (mkstemp, mkdtemp) of the steps: a web server running as another user must read every
    file, also after a copy that keeps permissions (rsync -a, scp -p, a container image)."""
    tree.chmod(0o755)
    for folder, folders, files in os.walk(tree):
        for name in folders:
            (Path(folder) / name).chmod(0o755)
        for name in files:
            (Path(folder) / name).chmod(0o644)


def swap_in(work: Path, target: Path) -> None:
    """Make ``work`` the new ``target``, keeping the old one until the new one is in place."""
    if not target.exists():
        work.rename(target)
        return
    if _exchange(work, target):
        shutil.rmtree(work, ignore_errors=True)  # it holds the old site now
        return
    # Two renames: in between there is no target, which a server would answer with "not found".
    old = target.with_name(f".{target.name}-old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    target.replace(old)
    try:
        work.replace(target)
    except OSError:
        old.replace(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """Hold the project's build lock: a second build waits until the first is done.

    The lock is on the folder that holds site/ itself, so there is no lock file to leave
    behind, and the system releases it when the build ends in any way, even killed.
    """
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(
                f"Another build of this site is running (in {folder}); waiting until it is done.",
                file=sys.stderr,
                flush=True,
            )
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def remove_leftovers(target: Path) -> list[Path]:
    """Remove the folders that builds which were killed left beside ``target``; run only
    while holding the build lock, so that no running build's folder is among them."""
    found = sorted(
        [
            *target.parent.glob(f".{target.name}-build-*"),
            *target.parent.glob(f".{target.name}-old-*"),
        ]
    )
    for folder in found:
        shutil.rmtree(folder, ignore_errors=True)
    return found


def run_step(command: Sequence[str], *, cwd: Path, env: Mapping[str, str]) -> int:
    """Run one step in a process group of its own; its exit code.

    If the build is interrupted meanwhile (Ctrl+C, SIGTERM: any exception here), the whole
    group is stopped, the step's own worker processes too, before the exception goes on; and
    whatever of the group is still running when the step ends is ended with it.
    """
    process = subprocess.Popen(
        list(command), cwd=cwd, env=dict(env), stdin=subprocess.DEVNULL, process_group=0
    )
    try:
        return process.wait()
    except BaseException:
        _signal_group(process.pid, signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout=_STOP_SECONDS)
        raise
    finally:
        _signal_group(process.pid, signal.SIGKILL)
        process.wait()


def _signal_group(group: int, signal_number: signal.Signals) -> None:
    with suppress(ProcessLookupError):  # every process of the group has ended
        os.killpg(group, signal_number)


def publish(
    commands: Sequence[Sequence[str]],
    work: Path,
    target: Path,
    *,
    cwd: Path,
    env: Mapping[str, str],
) -> StepFailure | None:
    """Run ``commands`` (which write into ``work``) in order; when all exit 0, swap ``work`` in
    as ``target``. Returns the first failing step, or None when the build was published.

    The steps' output goes straight to the terminal: their own messages are the cause to show.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(target.parent):
        for folder in remove_leftovers(target):
            if folder != work:
                print(f"Removed {folder.name}/, left by a build that was stopped.")
        try:
            for command in commands:
                returncode = run_step(command, cwd=cwd, env=env)
                if returncode != 0:
                    return StepFailure(tuple(command), returncode)
            make_readable(work)
            swap_in(work, target)
            return None
        finally:
            # Also after Ctrl+C or a step that could not start: never leave a half-built folder.
            shutil.rmtree(work, ignore_errors=True)


class Stopped(Exception):
    """The build was asked to stop (Ctrl+C or SIGTERM)."""


def _stop(signal_number: int, _frame: FrameType | None) -> None:
    raise Stopped(signal_number)


def run_stoppable(build: Callable[[], int], stopped_message: str) -> int:
    """Run a build to its exit code; Ctrl+C or SIGTERM stop it with ``stopped_message`` (one
    line, no traceback) and the shell's exit code for that signal. Any step still running is
    stopped with its worker processes by run_step."""
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    try:
        return build()
    except Stopped as stopped:
        print(stopped_message, file=sys.stderr)
        return 128 + int(stopped.args[0])
