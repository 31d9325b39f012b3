"""Is the site ready to go live? Exit 1, listing every problem, when it is not.

Usage: .venv/bin/python scripts/check_release.py [--today YYYY-MM-DD]   (part of: make check)

Checks every page in every language for placeholder text left by `make page`, a missing
'reviewed' date (a draft) and an overdue 'next_review'; and mkdocs.yml for the clinic's author,
medical reviewer and contact, and for an example or missing site address.
"""

import argparse
import sys
from datetime import date
from pathlib import Path

from patientsite import frontmatter
from patientsite.authoring.gate import PageSource, format_problems, release_problems
from patientsite.settings import SettingsError, SiteSettings, load_settings

ROOT = Path(__file__).resolve().parent.parent


def read_pages(project: SiteSettings) -> list[PageSource]:
    """Every Markdown file of every language, in file-name order, read as the build reads it."""
    pages = []
    for lang in project.language_codes:
        for path in sorted((project.docs_dir / lang).rglob("*.md")):
            text = path.read_text(encoding="utf-8", errors="replace")
            meta = frontmatter.split(text)[1]
            pages.append(PageSource(project.name(path), text, meta))
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml"
    )
    parser.add_argument(
        "--today", type=date.fromisoformat, default=date.today(), help="check as on this day"
    )
    args = parser.parse_args(argv)
    try:
        project = load_settings(args.config_file.resolve())
    except SettingsError as error:
        print(f"No release check: {error}", file=sys.stderr)
        return 2
    problems = release_problems(
        read_pages(project),
        project.clinic,
        args.today,
        project.config_file.name,
        site_url=project.site_url,
    )
    print(format_problems(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
