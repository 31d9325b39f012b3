"""How long `make serve` takes to show a one-word change: prints the median of a few edits.

Usage: .venv/bin/python scripts/bench_rebuild.py [--runs 3] [--page nl/scan.md]

Runs `mkdocs serve` on a free port of 127.0.0.1 over a copy of the site (docs/ itself is never
touched), changes one word of a page, and times from saving the file until MkDocs logs
"Reloading browsers" after the rebuild. Prints both that wall time (what an author waits) and the
build time MkDocs reports itself.
"""

import argparse
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).with_name("mkdocs")
# Everything but what a build never reads; src/ is installed in the venv and used from there.
IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "site", ".site-*", "src", "tests", "__pycache__", ".*_cache"
)
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
TIMEOUT = 120.0  # seconds to wait for a build before giving up


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _read_lines(stream: IO[str], lines: "queue.Queue[tuple[float, str]]") -> None:
    for line in stream:
        lines.put((time.monotonic(), line))


def wait_for(
    lines: "queue.Queue[tuple[float, str]]", log: list[str], marker: str
) -> tuple[float, float | None]:
    """When the next line holding ``marker`` arrived, and the build time logged before it.

    The build time may be missing: MkDocs' log drops a message equal to the one before it.
    """
    deadline = time.monotonic() + TIMEOUT
    built = None
    while True:
        try:
            arrived, line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            sys.exit("mkdocs serve did not finish a build in time; its log:\n" + "".join(log))
        log.append(line)
        if match := BUILT.search(line):
            built = float(match.group(1))
        if marker in line:
            return arrived, built


def settle(lines: "queue.Queue[tuple[float, str]]", log: list[str], quiet: float = 1.5) -> None:
    """Wait until the server has logged nothing for ``quiet`` seconds (a save can trigger a
    second rebuild), so the next edit is timed from a server at rest."""
    while True:
        try:
            log.append(lines.get(timeout=quiet)[1])
        except queue.Empty:
            return


def one_word_edits(text: str) -> list[str]:
    """The page with one word of its body changed ("scan" -> "scanx"), then back as it was."""
    front, separator, body = text.partition("\n---\n")
    changed, count = re.subn(r"(?<= )([a-z]{4,})(?=[ .,])", r"\1x", body, count=1)
    if count == 0:
        sys.exit("the page has no word to change")
    return [front + separator + changed, text]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="number of edits to time")
    parser.add_argument("--page", default="nl/scan.md", help="the page to edit, under docs/")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-rebuild-") as folder:
        site = Path(folder) / "site"
        shutil.copytree(ROOT, site, ignore=IGNORE)
        page = site / "docs" / args.page
        original = page.read_text(encoding="utf-8")
        port = free_port()
        server = subprocess.Popen(
            [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=site,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        lines: queue.Queue[tuple[float, str]] = queue.Queue()
        assert server.stdout is not None
        threading.Thread(target=_read_lines, args=(server.stdout, lines), daemon=True).start()
        log: list[str] = []
        try:
            _arrived, first = wait_for(lines, log, "Serving on")
            print(f"First build: {first or 0:.2f} s (MkDocs' figure).")
            waits, builds = [], []
            edits = one_word_edits(original)
            for run in range(args.runs):
                settle(lines, log)
                page.write_text(edits[run % 2], encoding="utf-8")
                saved = time.monotonic()
                # MkDocs logs "Reloading browsers" right after each rebuild.
                arrived, logged = wait_for(lines, log, "Reloading browsers")
                built = logged if logged is not None else builds[-1]
                waits.append(arrived - saved)
                builds.append(built)
                print(
                    f"  edit {run + 1}: {arrived - saved:.2f} s until rebuilt ({built:.2f} s build)"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(
        f"Rebuild after a one-word change in docs/{args.page}: median "
        f"{statistics.median(waits):.2f} s from saving to rebuilt "
        f"(MkDocs' build time: median {statistics.median(builds):.2f} s), {args.runs} runs."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
