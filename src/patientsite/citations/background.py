"""Read, number and format the bibliography in a worker process while MkDocs builds.

MkDocs uses one core. Reading, numbering and formatting the 2,000 entries of the benchmark
(scripts/bench_citations.py) takes about 0.6 s of a 10-12 s build; a worker does that on another
core while MkDocs converts the pages, which takes longer. It sends back the catalogue with every
reference formatted and without pybtex's entries (Catalogue.formatted), pickled on its stdout,
and keeps it in the cache (cache.py), where the next build finds it without a worker.

The worker is a new Python process, not a fork of the build: after a fork, every page of memory
the build then writes to is copied, and that cost the build more than the worker saved it.

    python -m patientsite.citations.background REQUEST    (REQUEST: see catalogue_in_background)
"""

import json
import logging
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from patientsite.citations.bibliography import BibliographyError, decode_bibliography
from patientsite.citations.cache import cache_file, cache_key, read_cached, write_cached
from patientsite.citations.catalogue import Catalogue
from patientsite.citations.locale import TERMS

log = logging.getLogger("mkdocs.plugins.patientsite.citations")

# The folder that holds the patientsite package, so that the worker imports this very code.
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def load_catalogue(bib_file: Path, source: str, *, year_suffixes: bool) -> Catalogue:
    """Read and number a .bib file; `source` is how messages name it."""
    return Catalogue(
        decode_bibliography(bib_file.read_bytes(), source), year_suffixes=year_suffixes
    )


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
    path = os.pathsep.join(filter(None, [str(_PACKAGE_ROOT), os.environ.get("PYTHONPATH")]))
    try:
        worker = subprocess.Popen(
            [sys.executable, "-m", "patientsite.citations.background", request],
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": path},
        )
    except OSError as error:
        log.debug(f"No worker process for the bibliography ({error}); reading it here.")
        return load
    log.debug(f"Reading and formatting the bibliography in worker process {worker.pid}.")

    def wait() -> Catalogue:
        output, _ = worker.communicate()
        result = pickle.loads(output) if worker.returncode == 0 and output else None
        if isinstance(result, BibliographyError):
            raise result
        if isinstance(result, Catalogue):
            return result
        log.debug(f"The worker process failed (exit status {worker.returncode}); reading here.")
        return load()

    return wait


def _work(request: str) -> bytes:
    """In the worker: the formatted catalogue, or why the file cannot be read, pickled; the
    catalogue is kept in the cache folder, if the request names one."""
    options = json.loads(request)
    data = Path(options["bib_file"]).read_bytes()
    source, year_suffixes = options["source"], options["year_suffixes"]
    try:
        bibliography = decode_bibliography(data, source)
    except BibliographyError as error:
        return pickle.dumps(error)
    catalogue = Catalogue(bibliography, year_suffixes=year_suffixes)
    pickled = pickle.dumps(catalogue.formatted(TERMS.values()))
    if options["cache"]:
        # The key of the bytes read here: the file may have changed since the build looked.
        key = cache_key(data, source, year_suffixes=year_suffixes)
        write_cached(cache_file(Path(options["cache"]), key), pickled)
    return pickled


if __name__ == "__main__":
    sys.stdout.buffer.write(_work(sys.argv[1]))
