"""Make the site's PDFs from the built site: ``python -m patientsite.pdf --site site``.

Run by scripts/build_site.py after ``mkdocs build``. Exits 1, naming the cause, when a setting
or file is wrong or a PDF cannot be made; a PDF is then never left half-written.
"""

import argparse
import logging
import sys
from pathlib import Path

from patientsite import record
from patientsite.pdf.build import build_all
from patientsite.pdf.collect import CollectError
from patientsite.pdf.render import PdfError
from patientsite.pdf.settings import FONTS_DIR, SettingsError, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m patientsite.pdf",
        description="Make the article, handout and poster PDFs of every language of a built site.",
    )
    parser.add_argument("--site", type=Path, required=True, help="the built site folder")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="mkdocs.yml")
    parser.add_argument("--fonts", type=Path, default=FONTS_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    # WeasyPrint announces every layout step at INFO; only our lines are worth reading.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    try:
        settings = load_settings(args.config, args.site, args.fonts)
        outputs = build_all(settings)
        pages = {
            output.path.relative_to(settings.site_dir).as_posix(): output.pages
            for output in outputs
        }
        record.write_section(settings.site_dir, "documents", record.documents_section(pages))
    except (SettingsError, CollectError, PdfError) as error:
        print(f"PDF step failed: {error}", file=sys.stderr)
        return 1
    print(f"PDFs written: {len(outputs)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
