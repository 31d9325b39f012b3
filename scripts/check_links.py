"""Check every link of the built site, offline; exit 1 when a link is broken.

Usage: .venv/bin/python scripts/check_links.py [SITE_DIR] [-f mkdocs.yml]

Internal links must lead to a file of the site and their #anchor to an element of that page;
external links (http, https, mailto, tel) are checked for their syntax only, never fetched.
Links to the site's own address (site_url in mkdocs.yml) count as internal.
"""

import argparse
import sys
from pathlib import Path

from patientsite import record
from patientsite.authoring.linkcheck import SiteLinks
from patientsite.settings import SettingsError, load_settings

ROOT = Path(__file__).resolve().parent.parent


def source_files(built: record.BuildRecord) -> dict[str, str]:
    """Each built page's file in the site (en/scan/index.html) -> the file the author edits."""
    files = {}
    for language in built.languages:
        for page in language.pages:
            address = f"{language.root}{page.url}"
            files[address if address.endswith(".html") else f"{address}index.html"] = page.source
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument(
        "-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml"
    )
    args = parser.parse_args(argv)
    if not args.site_dir.is_dir():
        print(f"No site to check: {args.site_dir} does not exist; run make site.", file=sys.stderr)
        return 2
    try:
        project = load_settings(args.config_file.resolve())
    except SettingsError as error:
        print(f"No link check: {error}", file=sys.stderr)
        return 2
    try:
        sources = source_files(record.read(args.site_dir.resolve()))
    except record.RecordError as error:
        print(f"No link check: {error}", file=sys.stderr)
        return 2
    site = SiteLinks(args.site_dir.resolve(), project.site_url)
    broken = list(site.broken_links())
    pages = site.html_files()
    links = sum(len(site.page(path).links) for path in pages)
    for link in broken:
        source = sources.get(link.page, "the theme's templates")
        print(f"{link}  (page made from {source})")
    if broken:
        print(f"\n{len(broken)} broken link(s) among {links} links in {len(pages)} pages.")
        return 1
    print(f"Checked {links} links in {len(pages)} pages: none broken.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
