"""Compare every page with its translation; exit 1 when any page's translations do not match.

Usage: .venv/bin/python scripts/translation_report.py   (or: make report)

Per page: both languages exist, same number of `##` sections, same citations, same red-flag
items, same review dates, and which language was changed last according to git.
"""

import argparse
import sys
from pathlib import Path

from patientsite.authoring.translation_report import format_report, translation_report
from patientsite.settings import SettingsError, load_settings

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml"
    )
    args = parser.parse_args(argv)
    try:
        project = load_settings(args.config_file.resolve())
    except SettingsError as error:
        print(f"No report: {error}", file=sys.stderr)
        return 2
    reports = translation_report(project)
    print(format_report(reports))
    return 1 if any(report.problems for report in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
