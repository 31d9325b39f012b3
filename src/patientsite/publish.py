"""Publish a build safely: every step writes into a fresh folder, which replaces the published
folder only when all steps succeeded. A failed or interrupted build leaves it as it was.

Also fixes the build's date: SOURCE_DATE_EPOCH, from the environment or else from the time of the
project's last git commit, so that two builds of one commit are byte-identical.
"""

import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from patientsite.git import last_commit_time


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


def source_date_epoch(project: Path, environ: Mapping[str, str]) -> str | None:
    """The build's SOURCE_DATE_EPOCH: the environment's, else the last git commit's time.

    None when neither is known (no git, or not a git checkout): the build then dates itself
    from the clock and is not reproducible.
    """
    if given := environ.get("SOURCE_DATE_EPOCH", "").strip():
        return given
    epoch = last_commit_time(project)
    return None if epoch is None else str(epoch)


def swap_in(work: Path, target: Path) -> None:
    """Make ``work`` the new ``target``, keeping the old one until the new one is in place."""
    old = target.with_name(f".site-old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.replace(old)
    try:
        work.replace(target)
    except OSError:
        if old.exists():
            old.replace(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


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
    shutil.rmtree(work, ignore_errors=True)
    try:
        for command in commands:
            result = subprocess.run(list(command), cwd=cwd, env=dict(env), check=False)
            if result.returncode != 0:
                return StepFailure(tuple(command), result.returncode)
        swap_in(work, target)
        return None
    finally:
        # Also after Ctrl+C or a step that could not start: never leave a half-built folder.
        shutil.rmtree(work, ignore_errors=True)
