"""Build the offline kiosk into kiosk/: the whole site, both languages, search and PDFs, as a
folder that works opened from file:// on a tablet or USB stick, without network.

`make kiosk` runs this. Like `make site`, every step writes into a fresh temporary folder that
replaces kiosk/ only when all steps succeeded; a failed build leaves kiosk/ as it was.
"""

import os
import sys
import time
from pathlib import Path

from patientsite.kiosk import PRINT_BUILD, KioskError, kiosk_config
from patientsite.publish import build_environment, publish, run_stoppable

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHECK_LINKS = ROOT / "scripts" / "check_links.py"


def steps(work: Path, config_file: Path, kiosk_file: Path) -> list[list[str]]:
    """The kiosk's commands, in order; each must exit 0."""
    mkdocs = [str(BIN / "mkdocs"), "build", "--strict"]
    python = [sys.executable, "-m"]
    print_build = work / PRINT_BUILD
    return [
        [*mkdocs, "-f", str(kiosk_file), "-d", str(work)],
        # The PDFs come from the normal build, so that their links lead to the online pages.
        [*mkdocs, "-f", str(config_file), "-d", str(print_build)],
        [*python, "patientsite.pdf", "--site", str(print_build), "--config", str(config_file)],
        [*python, "patientsite.kiosk", "--site", str(work), "--print-build", str(print_build)],
        # Last, so it also checks the links to the PDFs.
        [sys.executable, str(CHECK_LINKS), str(work), "-f", str(kiosk_file)],
    ]


def folder_size(folder: Path) -> tuple[int, int]:
    """The number of files in ``folder`` and their size in bytes."""
    files = [path for path in folder.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


def build(target: Path, config_file: Path) -> int:
    """Build the kiosk into a temporary folder beside ``target``, then swap it in."""
    started = time.monotonic()
    project = config_file.parent
    work = target.parent / f".{target.name}-build-{os.getpid()}"
    # Beside mkdocs.yml, so that its relative paths (docs/, references.bib...) still hold.
    kiosk_file = project / f".kiosk-config-{os.getpid()}.yml"
    try:
        kiosk_file.write_text(kiosk_config(config_file.read_text("utf-8"), config_file.name))
    except KioskError as error:
        print(f"Kiosk not built: {error}", file=sys.stderr)
        return 1
    # The same dates as `make site`, so the PDFs match the site's.
    env = build_environment(project, os.environ)
    try:
        failure = publish(steps(work, config_file, kiosk_file), work, target, cwd=project, env=env)
    finally:
        kiosk_file.unlink(missing_ok=True)
    if failure is not None:
        print(
            f"\nKiosk build failed in: {failure.step_name()} (the cause is above). "
            f"{target.name}/ was left as it was.",
            file=sys.stderr,
        )
        return failure.returncode
    files, size = folder_size(target)
    print(
        f"Kiosk built in {target}/: {files} files, {size / 1_000_000:.1f} MB, "
        f"in {time.monotonic() - started:.0f} s. Open {target / 'index.html'} in a browser."
    )
    return 0


def main(target: Path = ROOT / "kiosk", config_file: Path = ROOT / "mkdocs.yml") -> int:
    """`make kiosk`: an exit code; a stopped build stops its steps and says so in one line."""
    return run_stoppable(
        lambda: build(target, config_file),
        f"\nKiosk build stopped; {target.name}/ was left as it was.",
    )


if __name__ == "__main__":
    sys.exit(main())
