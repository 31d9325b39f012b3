"""Complete a kiosk build: ``python -m patientsite.kiosk --site DIR --print-build DIR``.

Run by scripts/kiosk.py after the kiosk's ``mkdocs build`` and the PDF step of the normal build.
Exits 1, naming the cause, when the kiosk cannot be completed or would need a network.
"""

import argparse
import sys
from pathlib import Path

from patientsite.kiosk import KioskError, finish, offline_problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m patientsite.kiosk",
        description="Complete the offline kiosk and check that it needs no network.",
    )
    parser.add_argument("--site", type=Path, required=True, help="the kiosk's build folder")
    parser.add_argument(
        "--print-build", type=Path, required=True, help="the normal build holding the PDFs"
    )
    args = parser.parse_args(argv)
    try:
        finish(args.site, args.print_build)
    except (KioskError, OSError) as error:
        print(f"Kiosk step failed: {error}", file=sys.stderr)
        return 1
    problems = offline_problems(args.site)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"\nKiosk step failed: {len(problems)} thing(s) would not work offline.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
