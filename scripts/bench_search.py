"""Measure the search: index size per language and query time in the browser's search worker.

For the real site and a synthetic site of 400 pages per language (made from the real
pages' paragraphs), it builds the site with `mkdocs build`, then prints per language:

- the search index gzip'd (-9), and the same index without what our build step adds
  (the synonyms and the lowered pages' boosts), which is the index as it was before
  (target: at most 1.5 times that);
- the time the search worker takes to answer each query of the query table
  (tests/platform/search_queries.tsv), from posting the query to receiving the results,
  in the system Chromium: median and 95th percentile over the table (target p95 <= 50 ms),
  for our worker and, for comparison, for Material's own worker on the same index.

Usage: .venv/bin/python scripts/bench_search.py [--pages 400] [--runs 5] [--slowest N]
"""

import argparse
import gzip
import json
import random
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402
from tests.platform.search_table import read_table  # noqa: E402
from tests.support import CHROMIUM_ARGS, build_site, chromium_path, serve  # noqa: E402

LANGUAGES = ("nl", "en")
WORKER = "assets/javascripts/workers/search-i18n.js"
INDEX = {"nl": "search/search_index.json", "en": "en/search/search_index.json"}

SYNTHETIC_CONFIG = """\
site_name: Synthetic search benchmark
site_url: https://example.org/
theme:
  name: material
  language: nl
  font: false
plugins:
  - search:
      pipeline: [stemmer, stopWordFilter, trimmer]
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      languages:
        - locale: nl
          name: Nederlands
          default: true
        - locale: en
          name: English
  - patientsite/languages:
      search_synonyms: {synonyms}
      search_lower: [p0002.md]
"""

# Posts every query to a fresh worker and returns the milliseconds of each round trip.
TIMING_SCRIPT = """
async ([workerUrl, indexUrl, queries, runs]) => {
  const index = await (await fetch(indexUrl)).json()
  const worker = new Worker(workerUrl)
  const next = () => new Promise(resolve => {
    worker.onmessage = ev => resolve(ev.data)
  })
  let t = performance.now()
  // As Material's page sends it: the index, and the options of the search.suggest feature.
  worker.postMessage({ type: 0, data: { ...index, options: { suggest: false } } })
  await next()
  const setup = performance.now() - t
  const times = []
  for (const query of queries) {
    const runsOfQuery = []
    for (let r = 0; r < runs; r++) {
      t = performance.now()
      worker.postMessage({ type: 2, data: query })
      await next()
      runsOfQuery.push(performance.now() - t)
    }
    runsOfQuery.sort((a, b) => a - b)
    times.push(runsOfQuery[Math.floor(runs / 2)])
  }
  worker.terminate()
  return { setup, times }
}
"""


def without_extras(index: dict) -> dict:
    """The index as Material and the split wrote it, before our build step's additions."""
    config = {k: v for k, v in index["config"].items() if k != "synonyms"}
    docs = [{k: v for k, v in doc.items() if k != "boost"} for doc in index["docs"]]
    return {**index, "config": config, "docs": docs}


def gzipped(data: dict) -> int:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return len(gzip.compress(text.encode("utf-8"), 9))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def write_synthetic_site(folder: Path, pages: int) -> Path:
    """A site of ``pages`` pages per language, made of the real pages' paragraphs."""
    rng = random.Random(800)
    for lang in LANGUAGES:
        paragraphs, headings = [], []
        for source in sorted((ROOT / "docs" / lang).glob("*.md")):
            body = source.read_text("utf-8").split("---", 2)[2]
            body = re.sub(r"\[[-+]?@[^\]]*\]", "", body)  # citations
            body = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)  # links to other pages
            for block in body.split("\n\n"):
                text = []
                for line in block.splitlines():
                    if line.startswith("#"):
                        headings.append(line.lstrip("# "))
                    elif line.strip() and not line.startswith(("<", "[[", "!!!")):
                        text.append(line)
                if text:
                    paragraphs.append("\n".join(text))
        docs = folder / "docs" / lang
        docs.mkdir(parents=True)
        for number in range(1, pages + 1):
            lines = [f"# {rng.choice(headings)} {number}", ""]
            for heading in rng.sample(headings, 4):
                lines += [f"## {heading}", "", *rng.sample(paragraphs, 3), ""]
            name = "index.md" if number == 1 else f"p{number:04d}.md"
            (docs / name).write_text("\n".join(lines), "utf-8")
    config = folder / "mkdocs.yml"
    synonyms = (ROOT / "includes" / "search").as_posix()
    config.write_text(SYNTHETIC_CONFIG.format(synonyms=synonyms), "utf-8")
    return config


def material_worker(site: Path) -> str:
    (worker,) = (site / "assets/javascripts/workers").glob("search.*.min.js")
    return worker.relative_to(site).as_posix()


def report(name: str, site: Path, browser, runs: int, slowest: int) -> None:
    table = read_table()
    print(f"\n{name}")
    print(
        f"{'lang':<5} {'docs':>6} {'index KB gz':>11} {'before KB gz':>12} {'ratio':>6}  "
        f"{'worker':<9} {'setup ms':>8} {'median ms':>9} {'p95 ms':>7} {'max ms':>7}"
    )
    with serve(site) as base:
        page = browser.new_page()
        page.goto(base)
        for lang in LANGUAGES:
            index = json.loads((site / INDEX[lang]).read_text("utf-8"))
            size, before = gzipped(index), gzipped(without_extras(index))
            queries = [q.text for q in table if q.lang == lang]
            # Material's worker first: the first worker of a page also pays for loading
            # lunr's language scripts, which should not count against ours.
            for label, worker in (("material", material_worker(site)), ("ours", WORKER)):
                result = page.evaluate(
                    TIMING_SCRIPT, [base + worker, base + INDEX[lang], queries, runs]
                )
                times = result["times"]
                sizes = (
                    f"{lang:<5} {len(index['docs']):>6} {size / 1024:>11.1f} "
                    f"{before / 1024:>12.1f} {size / before:>6.2f}"
                    if label == "material"
                    else " " * 45
                )
                print(
                    f"{sizes}  {label:<9} {result['setup']:>8.0f} "
                    f"{statistics.median(times):>9.1f} {percentile(times, 0.95):>7.1f} "
                    f"{max(times):>7.1f}"
                )
                if slowest and label == "ours":
                    ranked = sorted(zip(times, queries, strict=True), reverse=True)[:slowest]
                    print("      slowest: " + ", ".join(f"{q!r} {t:.0f} ms" for t, q in ranked))
        page.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400, help="synthetic pages per language")
    parser.add_argument("--runs", type=int, default=5, help="runs per query (median taken)")
    parser.add_argument("--slowest", type=int, default=0, help="also name the N slowest queries")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as temp:
        temp_path = Path(temp)
        real = temp_path / "real-site"
        result = build_site(ROOT / "mkdocs.yml", real)
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        synthetic = temp_path / "synthetic-site"
        result = build_site(write_synthetic_site(temp_path / "synthetic", args.pages), synthetic)
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            report("Real site", real, browser, args.runs, args.slowest)
            title = f"Synthetic site ({args.pages} pages per language)"
            report(title, synthetic, browser, args.runs, args.slowest)
            browser.close()
    print(
        "\nTargets: index <= 1.5 x before; p95 <= 50 ms per query. Query times are the median"
        f" of {args.runs} runs per query, over the {len(read_table())} queries of"
        " tests/platform/search_queries.tsv."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
