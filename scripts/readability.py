"""Print the readability of every page per language; exit 1 when a page misses its target.

Usage: .venv/bin/python scripts/readability.py

Only running text is measured (no headings, citations, code, tables, pictures); the targets
live in patientsite.readability.TARGETS.
"""

import sys
from pathlib import Path

from patientsite.readability import TARGETS, PageScore, markdown_extensions, score_docs
from patientsite.warning_signs.source import DEFAULT_FILE, load_all

ROOT = Path(__file__).resolve().parent.parent


def format_table(results: list[PageScore]) -> str:
    """A plain-text table: one row per page and language."""
    header = ("page", "lang", "words", "sentences", "ease", "grade", "result")
    rows = [header]
    for result in results:
        score = result.score
        measured = score.words > 0
        misses = score.misses()
        rows.append(
            (
                result.page,
                score.lang,
                str(score.words),
                str(score.sentences),
                f"{score.reading_ease:.1f}" if measured else "-",
                f"{score.grade:.1f}" if measured and score.grade is not None else "-",
                ("FAIL: " + "; ".join(misses)) if misses else ("pass" if measured else "no text"),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main() -> int:
    extensions, options = markdown_extensions(ROOT / "mkdocs.yml")
    warning_signs = load_all(ROOT, DEFAULT_FILE, list(TARGETS))
    results = score_docs(ROOT / "docs", extensions, options, warning_signs)
    print(format_table(results))
    targets = ", ".join(
        f"{lang}: ease >= {t.min_reading_ease:g}"
        + (f", grade <= {t.max_grade:g}" if t.max_grade is not None else "")
        for lang, t in TARGETS.items()
    )
    print(f"\nTargets ({targets}); ease is Flesch-Douma for nl, Flesch reading ease for en.")
    failed = [r for r in results if r.score.misses()]
    if failed:
        print(f"{len(failed)} page(s) miss the target.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
