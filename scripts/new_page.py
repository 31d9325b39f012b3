"""Create a new page in every language and add it to the navigation.

Usage: .venv/bin/python scripts/new_page.py SLUG [--after PAGE] [--title LANG=TITLE ...]
   or: make page SLUG=pijn-bij-zitten [AFTER=tips]

SLUG becomes the file name (docs/nl/SLUG.md, docs/en/SLUG.md) and the web address (/SLUG/).
"""

import argparse
import sys
from datetime import date
from pathlib import Path

from patientsite.authoring.navigation import NavigationError
from patientsite.authoring.scaffold import ScaffoldError, create_page
from patientsite.settings import SettingsError, load_settings

ROOT = Path(__file__).resolve().parent.parent


def _title(value: str) -> tuple[str, str]:
    lang, sep, title = value.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"write it as LANG=TITLE, like en=Sitting, not {value!r}")
    return lang.strip(), title.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slug", help="the page's name: lowercase letters, digits and hyphens")
    parser.add_argument("--after", help="the page the new one follows in the menu (its name)")
    parser.add_argument(
        "--title", type=_title, action="append", default=[], help="a title, as LANG=TITLE"
    )
    parser.add_argument(
        "-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml"
    )
    args = parser.parse_args(argv)
    try:
        project = load_settings(args.config_file.resolve())
        page = create_page(
            project, args.slug, today=date.today(), titles=dict(args.title), after=args.after
        )
    except (SettingsError, ScaffoldError, NavigationError) as error:
        print(f"No page created: {error}", file=sys.stderr)
        return 1
    for path in page.files:
        print(f"Created {project.name(path)}")
    if page.nav_added:
        print(f"Added '{args.slug}.md' to the navigation in {project.config_file.name}.")
    else:
        print(f"{project.config_file.name} has no 'nav': the page is listed in alphabetical order.")
    print("Next: write the title, description and text of each file, then preview with make serve.")
    print(
        "The page is a draft (it says so on the page) until a healthcare professional has "
        "checked it and you fill in 'reviewed' and 'next_review'."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
