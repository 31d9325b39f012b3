"""Measure what each page of the built site costs a reader: bytes, requests, load time.

Serves site/ (or --site DIR) on 127.0.0.1, opens every page in the system Chromium with an
empty cache, and prints per page: requests, bytes transferred gzip'd (each response body
compressed with gzip -6, as a web server would send it), and load time (median of --runs).
Material starts the search worker and fetches the language's index on page load, so
these figures include search.
Budget (issue #2): an article page with everything it loads <= 100 KB gzip'd.
"""

import argparse
import gzip
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Error as PlaywrightError  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from tests.support import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402

BUDGET_BYTES = 100 * 1024


def page_paths(site: Path) -> list[str]:
    pages = sorted(
        p.relative_to(site).parent.as_posix()
        for p in site.rglob("index.html")
        if p.relative_to(site).parts[0] not in ("assets", "search", "share")
    )
    return [("" if p == "." else f"{p}/") for p in pages]


def measure(browser, url: str) -> tuple[int, int, float]:
    context = browser.new_context()
    page = context.new_page()
    sizes: list[int] = []

    def on_response(response) -> None:
        try:
            sizes.append(len(gzip.compress(response.body(), 6)))
        except PlaywrightError:  # redirects and aborted requests have no body
            sizes.append(0)

    page.on("response", on_response)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    load_ms = page.evaluate(
        "(() => { const n = performance.getEntriesByType('navigation')[0];"
        " return n.loadEventEnd - n.startTime })()"
    )
    context.close()
    return len(sizes), sum(sizes), load_ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not (args.site / "index.html").exists():
        print(f"No built site in {args.site}: run `make site` first.", file=sys.stderr)
        return 2

    over_budget = []
    with serve(args.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        print(f"{'page':<16} {'requests':>8} {'KB gz':>8} {'load ms':>8}")
        for path in page_paths(args.site):
            runs = [measure(browser, base + path) for _ in range(args.runs)]
            requests, size, _ = runs[0]
            load = statistics.median(r[2] for r in runs)
            print(f"/{path:<15} {requests:>8} {size / 1024:>8.1f} {load:>8.0f}")
            if size > BUDGET_BYTES:
                over_budget.append(path)
        browser.close()
    print(
        f"\nBudget {BUDGET_BYTES // 1024} KB gzip'd per page load: "
        + ("all pages within budget" if not over_budget else f"over budget: {over_budget}")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
