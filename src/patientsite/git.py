"""Ask git about the project's history; every answer is None when git cannot tell."""

import subprocess
from pathlib import Path


def _git(repo: Path, *arguments: str) -> str | None:
    """Run git in ``repo``: its output, or None when git is missing or fails (not a checkout)."""
    try:
        result = subprocess.run(
            ["git", *arguments], cwd=repo, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:  # git is not installed
        return None
    return result.stdout if result.returncode == 0 else None


def last_commit_time(repo: Path, path: Path | None = None) -> int | None:
    """The time (Unix seconds) of the last commit, or of the last one touching ``path``."""
    arguments = ["log", "-1", "--format=%ct"]
    if path is not None:
        arguments += ["--", str(path)]
    stamp = (_git(repo, *arguments) or "").strip()
    return int(stamp) if stamp.isdigit() else None


def has_uncommitted_changes(repo: Path, path: Path) -> bool | None:
    """Whether ``path`` differs from the last commit (or was never committed)."""
    status = _git(repo, "status", "--porcelain", "--", str(path))
    return None if status is None else bool(status.strip())
