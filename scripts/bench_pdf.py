"""Benchmark the PDF step: time to make all PDFs (median of 3 runs) and each PDF's size.

Builds the site once with mkdocs into a temporary folder, then runs the PDF step as
`make site` does (`python -m patientsite.pdf`, a fresh process each time). Targets: all PDFs in
under 5 s on this machine, each under 1 MB. The CPU time (all processes of the step) is
printed too: on a shared virtual machine it varies far less than the wall time.

    .venv/bin/python scripts/bench_pdf.py [-f mkdocs.yml] [--runs 3]
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TARGET_SECONDS = 5.0
TARGET_BYTES = 1024 * 1024


def run(command: list[str]) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command[:3])} failed:\n{result.stderr}")


def _children_cpu() -> float:
    """User and system time of the finished child processes (the step and its workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        config = str(args.config.resolve())
        run([str(BIN / "mkdocs"), "build", "--strict", "-f", config, "-d", str(site)])
        times, cpu_times = [], []
        for _ in range(args.runs):
            cpu_before, start = _children_cpu(), time.perf_counter()
            run([sys.executable, "-m", "patientsite.pdf", "--site", str(site), "--config", config])
            times.append(time.perf_counter() - start)
            cpu_times.append(_children_cpu() - cpu_before)
        median = statistics.median(times)
        each = ", ".join(f"{t:.2f}" for t in times)
        verdict = "ok" if median < TARGET_SECONDS else "MISSED"
        print(f"All PDFs: median {median:.2f} s of {args.runs} runs ({each}); < 5 s: {verdict}")
        each = ", ".join(f"{t:.2f}" for t in cpu_times)
        print(
            f"  CPU time, user + system, all processes: median "
            f"{statistics.median(cpu_times):.2f} s ({each})"
        )
        print(f"  load average at the end (1, 5, 15 min): {os.getloadavg()}")
        for pdf in sorted(site.rglob("*.pdf")):
            size = pdf.stat().st_size
            pages = len(pypdf.PdfReader(pdf).pages)
            verdict = "ok" if size < TARGET_BYTES else "MISSED"
            name = pdf.relative_to(site)
            print(f"  {name}: {size / 1024:.0f} kB, {pages} pages (< 1 MB: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
