"""Read, number and format the bibliography in a worker process while MkDocs builds.

MkDocs uses one core. Reading, numbering and formatting the 2,000 entries of the benchmark
(scripts/bench_citations.py) takes about 0.6 s of a 10-12 s build; a worker does that on another
core while MkDocs converts the pages, which takes longer. It sends back the catalogue with every
reference formatted and without pybtex's entries (Catalogue.formatted), pickled on its stdout.

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

from patientsite.citations.bibliography import BibliographyError, load_bibliography
from patientsite.citations.catalogue import Catalogue
from patientsite.citations.locale import TERMS

log = logging.getLogger("mkdocs.plugins.patientsite.citations")

# The folder that holds the patientsite package, so that the worker imports this very code.
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def load_catalogue(bib_file: Path, source: str, *, year_suffixes: bool) -> Catalogue:
    """Read and number a .bib file; `source` is how messages name it."""
    return Catalogue(load_bibliography(bib_file, source), year_suffixes=year_suffixes)


def catalogue_in_background(
    bib_file: Path, source: str, *, year_suffixes: bool
) -> Callable[[], Catalogue]:
    """Start reading the file and formatting every reference in every language in a worker.

    Returns a function that waits for the catalogue and returns it, or raises the
    BibliographyError that reading the file raised. If the worker cannot start or fails (it
    says why on stderr), that function reads the file itself.
    """
    request = json.dumps(
        {"bib_file": str(bib_file), "source": source, "year_suffixes": year_suffixes}
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
        return lambda: load_catalogue(bib_file, source, year_suffixes=year_suffixes)
    log.debug(f"Reading and formatting the bibliography in worker process {worker.pid}.")

    def wait() -> Catalogue:
        output, _ = worker.communicate()
        result = pickle.loads(output) if worker.returncode == 0 and output else None
        if isinstance(result, BibliographyError):
            raise result
        if isinstance(result, Catalogue):
            return result
        log.debug(f"The worker process failed (exit status {worker.returncode}); reading here.")
        return load_catalogue(bib_file, source, year_suffixes=year_suffixes)

    return wait


def _work(request: str) -> Catalogue | BibliographyError:
    """In the worker: the formatted catalogue, or why the file cannot be read."""
    options = json.loads(request)
    try:
        catalogue = load_catalogue(
            Path(options["bib_file"]), options["source"], year_suffixes=options["year_suffixes"]
        )
    except BibliographyError as error:
        return error
    return catalogue.formatted(TERMS.values())


if __name__ == "__main__":
    sys.stdout.buffer.write(pickle.dumps(_work(sys.argv[1])))
