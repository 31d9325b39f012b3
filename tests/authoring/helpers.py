"""Helpers for the authoring tests: fixture projects, the scripts, git, snapshots of folders."""

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPTS = ROOT / "scripts"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "authoring"


def copy_fixture(name: str, destination: Path) -> Path:
    """A fresh copy of a fixture project, to change freely."""
    target = destination / name
    shutil.copytree(FIXTURES / name, target)
    return target


def load_script(name: str, scripts: Path = SCRIPTS) -> ModuleType:
    """One of scripts/*.py (or of another copy's scripts/) as a module (not a package)."""
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", scripts / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes (and every folder, as None) under ``folder``, by relative path."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes() if path.is_file() else None)
        for path in sorted(folder.rglob("*"))
    }


def tree_differences(first: Path, second: Path) -> list[str]:
    """The files that are not byte-identical in two folders, in plain words."""
    one, other = snapshot(first), snapshot(second)
    found = [f"only in the first build: {name}" for name in sorted(one.keys() - other.keys())]
    found += [f"only in the second build: {name}" for name in sorted(other.keys() - one.keys())]
    found += [
        f"differs: {name}" for name in sorted(one.keys() & other.keys()) if one[name] != other[name]
    ]
    return found


def git(repo: Path, *args: str, when: int | None = None) -> str:
    """Run git in ``repo`` as a fixed test author; ``when`` dates the commit (Unix time)."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"@{when} +0000"
    result = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def process_exists(pid: int) -> bool:
    """Whether a process is still running (a zombie waiting for its parent counts as ended)."""
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def process_group(group: int) -> list[int]:
    """The running processes of a process group."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found
