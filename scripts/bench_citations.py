"""How much the citations plugin adds to a build.

Generates a synthetic bilingual site (by default 400 pages per language with 10 citations each,
a full reference list page per language, and a 2,000-entry .bib) in a temporary folder, builds
it without the plugin (the same pages, the citations left as plain text) and with it, and
reports the median of 3 builds of each, in wall time and in CPU time. With the plugin it builds
twice: "cold", reading and formatting the .bib as a first build does, and "cached", with the
formatted references kept from an earlier build (the plugin's cache_dir option). A "machine
check" before and after shows how busy the machine was (see machine_check()).

On a shared machine build times vary by 10-30% from minute to minute. `--instructions` counts
instead the instructions each kind of build executes, with valgrind's cachegrind (one build of
each, about 4 minutes each): the same figure on every run.

    .venv/bin/python scripts/bench_citations.py [--pages 400] [--entries 2000] [--runs 3]
    .venv/bin/python scripts/bench_citations.py --instructions
"""

import argparse
import logging
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

log = logging.getLogger("bench_citations")

MKDOCS = Path(sys.executable).with_name("mkdocs")
CITATIONS_PER_PAGE = 10

SURNAMES = [
    "Chou", "Hall", "Maher", "W{\\'a}ng", "van der Graaf", "Deyo", "Jarvik", "Koes",
    "van Tulder", "{Ruiz Santiago}", "M{\\\"u}ller", "Oliveira", "Brinjikji", "Sharma", "Taylor",
    "de Vries", "Svanbergsson", "Jutzi", "Lateef", "Pang",
]  # fmt: skip
WORDS = [
    "imaging", "low", "back", "pain", "MRI", "scan", "guideline", "primary", "care", "review",
    "trial", "patients", "disc", "degeneration", "nerve", "outcome", "evidence", "physiotherapy",
]  # fmt: skip

CONFIG = """site_name: Citations benchmark
theme:
  name: material
  language: nl
  font: false
plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      languages:
        - locale: nl
          name: Nederlands
          default: true
          build: true
        - locale: en
          name: English
          build: true
{citations}markdown_extensions:
  - toc:
      permalink: true
  - pymdownx.superfences
"""
CITATIONS_PLUGIN = "  - patientsite/citations:\n      bib_file: refs.bib\n"
CACHE = "      cache_dir: .cache\n"
KINDS = ("without", "cold", "cached")
# Builds run as on an author's machine: without MkDocs 2 banners, and with Python keeping
# compiled modules (some sandboxes turn that off, which makes every build compile our package).
BUILD_ENVIRONMENT = {
    **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
    "DISABLE_MKDOCS_2_WARNING": "true",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400, help="pages per language")
    parser.add_argument("--entries", type=int, default=2000, help="entries in the .bib")
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions with valgrind instead of timing (slow, but free of noise)",
    )
    arguments = parser.parse_args()
    if arguments.instructions and not shutil.which("valgrind"):
        parser.error("--instructions needs valgrind (apt-get install valgrind)")
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    with tempfile.TemporaryDirectory(prefix="bench-citations-") as folder:
        root = Path(folder)
        keys = write_bibliography(root / "refs.bib", arguments.entries)
        write_pages(root / "docs", keys, arguments.pages)
        (root / "without.yml").write_text(CONFIG.format(citations=""))
        (root / "cold.yml").write_text(CONFIG.format(citations=CITATIONS_PLUGIN))
        (root / "cached.yml").write_text(CONFIG.format(citations=CITATIONS_PLUGIN + CACHE))
        build(root / "cached.yml", root / "site-cached")  # fills the cache
        if arguments.instructions:
            count_instructions(root)
            return
        log.info(
            f"{arguments.pages} pages per language, {CITATIONS_PER_PAGE} citations each, "
            f"{arguments.entries} entries; {arguments.runs} builds of each kind"
        )
        log.info(f"machine check before: {machine_check():.2f} s")
        wall: dict[str, list[float]] = {kind: [] for kind in KINDS}
        cpu: dict[str, list[float]] = {kind: [] for kind in KINDS}
        # Alternate the kinds so that a busy machine slows all alike, and rotate their order
        # so that none always comes first.
        for run in range(1, arguments.runs + 1):
            shift = (run - 1) % len(KINDS)
            for kind in KINDS[shift:] + KINDS[:shift]:
                seconds, cpu_seconds = build(root / f"{kind}.yml", root / f"site-{kind}")
                wall[kind].append(seconds)
                cpu[kind].append(cpu_seconds)
                label = f"{kind}:"
                log.info(f"run {run}: {label:8} {seconds:6.2f} s ({cpu_seconds:6.2f} s CPU)")
        log.info(f"machine check after: {machine_check():.2f} s")

    # CPU time is reported too: it varies less than wall time on a shared machine.
    for name, times in (("wall time", wall), ("CPU time", cpu)):
        without_plugin = statistics.median(times["without"])
        log.info(f"{name}, median: {without_plugin:.2f} s without the plugin")
        for kind in KINDS[1:]:
            with_plugin = statistics.median(times[kind])
            added = with_plugin - without_plugin
            # Builds of one run follow each other: their difference is less affected by the
            # machine slowing down or speeding up between runs.
            paired = statistics.median(
                b - a for a, b in zip(times["without"], times[kind], strict=True)
            )
            log.info(
                f"  with it, {kind + ':':8} {with_plugin:.2f} s, "
                f"{added:+.2f} s ({added / without_plugin * 100:+.1f}%); "
                f"median of the differences within a run: {paired:+.2f} s "
                f"({paired / without_plugin * 100:+.1f}%)"
            )


def count_instructions(root: Path) -> None:
    """One build of each kind under cachegrind: instructions of the build, with any process it
    starts."""
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="cachegrind-") as folder:
        for kind in KINDS:
            out = Path(folder, kind)
            out.mkdir()
            subprocess.run(
                [
                    "valgrind",
                    "--tool=cachegrind",
                    "--cache-sim=no",
                    "--trace-children=yes",
                    f"--cachegrind-out-file={out}/%p",
                    "--log-file=/dev/null",
                    str(MKDOCS),
                    *("build", "--quiet", "-f", str(root / f"{kind}.yml")),
                    *("-d", str(root / f"site-{kind}")),
                ],
                check=True,
                env=BUILD_ENVIRONMENT,
            )
            counts[kind] = sum(
                int(line[len("summary:") :])
                for result in out.iterdir()
                for line in result.read_text().splitlines()
                if line.startswith("summary:")
            )
            log.info(f"{kind + ':':8} {counts[kind] / 1e9:6.2f} G instructions")
    without_plugin = counts["without"]
    for kind in KINDS[1:]:
        added = counts[kind] - without_plugin
        log.info(
            f"  with it, {kind + ':':8} {added / 1e9:+.2f} G ({added / without_plugin * 100:+.1f}%)"
        )


def machine_check() -> float:
    """Seconds a fixed pure-Python loop takes: about 0.9 on our 2-vCPU machine when it is
    quiet. A higher figure means something else slows the machine, and the timings vary more."""
    start = time.perf_counter()
    total = 0
    for number in range(30_000_000):
        total += number
    return time.perf_counter() - start


def build(config: Path, site: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one `mkdocs build`, in a process of its own."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [str(MKDOCS), "build", "--quiet", "-f", str(config), "-d", str(site)],
        check=True,
        env=BUILD_ENVIRONMENT,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - start, cpu


def write_bibliography(path: Path, count: int) -> list[str]:
    """A .bib of `count` entries of the kinds the site uses; returns their keys."""
    rng = random.Random(2000)
    entries, keys = [], []
    for number in range(count):
        key = f"work{number:04d}:{rng.choice(WORDS)}"
        keys.append(key)
        authors = " and ".join(
            f"{rng.choice(SURNAMES)}, {rng.choice('ABCDEFGHJKLMNPRST')}. {rng.choice('ABCDJKLM')}."
            for _ in range(rng.randint(1, 8))
        )
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 12))).capitalize()
        year = rng.randint(1995, 2025)
        if number % 10 == 0:
            entries.append(
                f"@techreport{{{key},\n  author = {{{{Guideline Group {number}}}}},\n"
                f"  title = {{{title}: {{MRI}} and care}},\n  institution = {{Institute}},\n"
                f"  type = {{Guideline}},\n  number = {{NG{number}}},\n  year = {{{year}}},\n"
                f"  url = {{https://example.org/ng{number}}},\n  urldate = {{2025-03-03}},\n}}\n"
            )
        else:
            entries.append(
                f"@article{{{key},\n  author = {{{authors}}},\n  title = {{{title}}},\n"
                f"  journal = {{Journal of {rng.choice(WORDS).title()}}},\n  year = {{{year}}},\n"
                f"  volume = {{{rng.randint(1, 300)}}},\n  number = {{{rng.randint(1, 12)}}},\n"
                f"  pages = {{{number}--{number + 9}}},\n  doi = {{10.1000/bench.{number}}},\n}}\n"
            )
    path.write_text("\n".join(entries), encoding="utf-8")
    return keys


def write_pages(docs: Path, keys: list[str], pages: int) -> None:
    """`pages` pages per language with CITATIONS_PER_PAGE citations, and a full list page."""
    rng = random.Random(400)
    for language, heading in (("nl", "Bronnen"), ("en", "Sources")):
        folder = docs / language
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(f"# {language}\n\nStart.\n")
        (folder / "sources.md").write_text(f"# {heading}\n\n[[bibliography]]\n")
        for page in range(pages):
            paragraphs = []
            for _ in range(CITATIONS_PER_PAGE // 2):
                first, second = rng.sample(keys, 2)
                text = " ".join(rng.choice(WORDS) for _ in range(40))
                paragraphs.append(f"{text} [@{first}]. {text} [@{second}, p. {rng.randint(1, 9)}].")
            body = "\n\n".join(paragraphs)
            (folder / f"page{page:03d}.md").write_text(
                f"# Page {page}\n\n{body}\n\n## More\n\n`[@{keys[0]}]` is code.\n",
                encoding="utf-8",
            )


if __name__ == "__main__":
    main()
