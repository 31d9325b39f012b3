"""Build the whole site (HTML, then derived outputs) and publish it to site/ only on success.

`make site` runs this. Every step writes into a fresh temporary folder next to site/; only
when all steps succeeded does that folder replace site/. A failed or stopped build (Ctrl+C,
SIGTERM) prints the cause, exits non-zero and leaves the previous site/ exactly as it was.
"""

import os
import sys
from pathlib import Path

from patientsite.publish import build_environment, publish, run_stoppable

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHECK_LINKS = ROOT / "scripts" / "check_links.py"


def steps(site_dir: Path, config_file: Path) -> list[list[str]]:
    """The build's commands, in order; each must exit 0."""
    options = ["--site", str(site_dir), "--config", str(config_file)]
    return [
        [str(BIN / "mkdocs"), "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        [sys.executable, "-m", "patientsite.pdf", *options],
        # The clinic's share kit (links, QR codes, e-mail snippets) is part of every build.
        [sys.executable, "-m", "patientsite.share", *options],
        # site/_headers for Netlify and Cloudflare Pages, and Material's icons as files (the
        # strict Content-Security-Policy allows no data: images).
        [sys.executable, "-m", "patientsite.headers", "--site", str(site_dir)],
        # Last, so it also checks the links to the files made by the steps before it.
        [sys.executable, str(CHECK_LINKS), str(site_dir), "-f", str(config_file)],
    ]


def build(target: Path, config_file: Path) -> int:
    """Build into a temporary folder beside ``target``, then swap it in. Returns an exit code."""
    project = config_file.parent
    work = target.parent / f".{target.name}-build-{os.getpid()}"
    env = build_environment(project, os.environ)
    if "SOURCE_DATE_EPOCH" not in env:
        print("Note: no git, no SOURCE_DATE_EPOCH, no review dates: dates come from the clock.")
    failure = publish(steps(work, config_file), work, target, cwd=project, env=env)
    if failure is not None:
        print(
            f"\nBuild failed in: {failure.step_name()} (the cause is above). "
            f"{target.name}/ was left as it was.",
            file=sys.stderr,
        )
        return failure.returncode
    print(f"Site built in {target}/")
    return 0


def main(target: Path = ROOT / "site", config_file: Path = ROOT / "mkdocs.yml") -> int:
    """`make site`: an exit code; a stopped build stops its steps and says so in one line."""
    return run_stoppable(
        lambda: build(target, config_file),
        f"\nBuild stopped; {target.name}/ was left as it was.",
    )


if __name__ == "__main__":
    sys.exit(main())
