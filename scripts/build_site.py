"""Build the whole site (HTML, then derived outputs) and publish it to site/ only on success.

`make site` runs this. Every step writes into a fresh temporary folder next to site/; only
when all steps succeeded does that folder replace site/. A failed build prints the cause,
exits non-zero and leaves the previous site/ exactly as it was.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def steps(site_dir: Path, config_file: Path) -> list[list[str]]:
    """The build's commands, in order; each must exit 0."""
    return [
        [str(BIN / "mkdocs"), "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
    ]


def build(target: Path, config_file: Path) -> int:
    """Build into a temporary folder beside ``target``, then swap it in. Returns an exit code."""
    work = target.parent / f".site-build-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        for command in steps(work, config_file):
            result = subprocess.run(command, cwd=ROOT, env=env, check=False)
            if result.returncode != 0:
                print(
                    f"\nBuild failed in: {' '.join(Path(c).name for c in command[:2])}. "
                    f"{target.name}/ was left as it was.",
                    file=sys.stderr,
                )
                return result.returncode
        old = target.parent / f".site-old-{os.getpid()}"
        if target.exists():
            target.replace(old)
        work.replace(target)
        shutil.rmtree(old, ignore_errors=True)
        print(f"Site built in {target}/")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(build(ROOT / "site", ROOT / "mkdocs.yml"))
