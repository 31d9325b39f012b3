"""Read, number and format the bibliography in a worker process while MkDocs builds.

MkDocs uses one core. Reading, numbering and formatting the 2,000 entries of the benchmark
(scripts/bench_citations.py) takes about 0.6 s of a 10-12 s build; a worker does that on another
core while MkDocs converts the pages, which takes longer. It prints the catalogue with every
reference formatted (Catalogue.formatted, as JSON) and keeps it in the cache (cache.py), where
the next build finds it without a worker.

The worker is a new Python process, not a fork of the build: after a fork, every page of memory
the build then writes to is copied, and that cost the build more than the worker saved it.
"""

import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from patientsite.citations.bibliography import (
    BibliographyError,
    decode_bibliography,
    load_bibliography,
)
from patientsite.citations.cache import cache_file, cache_key, read_cached, write_cached
from patientsite.citations.catalogue import Catalogue
from patientsite.citations.locale import TERMS

log = logging.getLogger("mkdocs.plugins.patientsite.citations")

# The folder that holds the patientsite package: the worker looks there last, after the
# standard library, so it imports this very code and nothing shadows the standard library.
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]
# -P: the current folder (the site's) is not searched for modules either.
# gc.disable(): the worker reads one file and exits, which frees everything. Without the cyclic
# garbage collector it takes a tenth less CPU for the benchmark's 2,000 entries (0.60-0.65 s
# against 0.68-0.84 s) for 3 MB more memory, and the build runs on the other core meanwhile,
# on a small machine often on the same physical core (scripts/bench_citations.py).
_WORKER = [
    "-P",
    "-c",
    "import gc, sys; gc.disable(); sys.path.append(sys.argv[1]); "
    "from patientsite.citations.background import work; work(sys.argv[2])",
]


def load_catalogue(bib_file: Path, source: str, *, year_suffixes: bool) -> Catalogue:
    """Read and number a .bib file in this process; `source` is how messages name it."""
    return Catalogue(load_bibliography(bib_file, source), year_suffixes=year_suffixes)


def catalogue_in_background(
    bib_file: Path, source: str, *, year_suffixes: bool, cache: Path | None = None
) -> Callable[[], Catalogue]:
    """Start reading the file and formatting every reference in every language in a worker,
    unless the `cache` folder holds the result already.

    Returns a function that waits for the catalogue and returns it, or raises the
    BibliographyError that reading the file raised. If the worker cannot start or fails (it
    says why on stderr), that function reads the file itself.
    """

    def load() -> Catalogue:
        return load_catalogue(bib_file, source, year_suffixes=year_suffixes)

    if cache is not None:
        kept = cache_file(
            cache, cache_key(bib_file.read_bytes(), source, year_suffixes=year_suffixes)
        )
        if kept.exists():
            log.debug(f"The bibliography is unchanged: formatted references from {kept}.")
            # Read when the build needs it, as the worker's result is.
            return lambda: read_cached(kept) or load()
    request = json.dumps(
        {
            "bib_file": str(bib_file),
            "source": source,
            "year_suffixes": year_suffixes,
            "cache": str(cache) if cache else None,
        }
    )
    try:
        worker = subprocess.Popen(
            [sys.executable, *_WORKER, str(_PACKAGE_ROOT), request],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
        )
    except OSError as error:
        log.debug(f"No worker process for the bibliography ({error}); reading it here.")
        return load
    log.debug(f"Reading and formatting the bibliography in worker process {worker.pid}.")

    def wait() -> Catalogue:
        output, _ = worker.communicate()
        try:
            result = json.loads(output) if worker.returncode == 0 else None
            if result and "error" in result:
                raise BibliographyError(result["error"])
            if result:
                return Catalogue.from_data(result["catalogue"])
        except (ValueError, KeyError, TypeError) as error:
            log.debug(f"Cannot read what the worker process sent ({error!r}).")
        log.debug(f"The worker process failed (exit status {worker.returncode}); reading here.")
        return load()

    return wait


def work(request: str) -> None:
    """The worker: prints the formatted catalogue, or why the file cannot be read, as JSON;
    the catalogue is also kept in the cache folder, if the request names one."""
    options = json.loads(request)
    data = Path(options["bib_file"]).read_bytes()
    source, year_suffixes = options["source"], options["year_suffixes"]
    try:
        bibliography = decode_bibliography(data, source)
    except BibliographyError as error:
        _send({"error": str(error)})
        return
    catalogue = Catalogue(bibliography, year_suffixes=year_suffixes).formatted(TERMS.values())
    _send({"catalogue": catalogue.to_data()})
    if options["cache"]:
        # The key of the bytes read here: the file may have changed since the build looked.
        key = cache_key(data, source, year_suffixes=year_suffixes)
        problem = write_cached(cache_file(Path(options["cache"]), key), catalogue)
        if problem:
            print(f"patientsite/citations: {problem}", file=sys.stderr)


def _send(result: dict[str, object]) -> None:
    # As UTF-8 bytes, whatever the encoding of the worker's terminal.
    try:
        sys.stdout.buffer.write(json.dumps(result, ensure_ascii=False).encode())
        sys.stdout.flush()
    except BrokenPipeError:
        # The build stopped before it read this (it failed elsewhere or was interrupted), and
        # its own message is the one to read: end quietly. stdout goes to os.devnull first, as
        # Python would otherwise report the broken pipe again when it flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
