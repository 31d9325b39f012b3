"""Read, number and format the bibliography in a worker process while MkDocs builds.

MkDocs uses one core. Reading, numbering and formatting the 2,000 entries of the benchmark
(scripts/bench_citations.py) takes about 0.6 s of a 10-12 s build; a worker does that on another
core while MkDocs converts the pages, which takes longer. The worker is a fork of the build, so
it needs no setup; it sends the catalogue with every reference formatted in every language.
"""

import logging
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection

from patientsite.citations.bibliography import BibliographyError
from patientsite.citations.catalogue import Catalogue
from patientsite.citations.locale import Terms

log = logging.getLogger("mkdocs.plugins.patientsite.citations")


def catalogue_in_background(
    load: Callable[[], Catalogue], languages: list[Terms]
) -> Callable[[], Catalogue]:
    """Start `load`, then formatting every reference in `languages`, in a worker.

    Returns a function that waits for the catalogue and returns it, or raises the
    BibliographyError that `load` raised. Without a worker (see below) that function is `load`
    itself, and references are formatted as pages need them.
    """
    # fork copies only the calling thread: with other threads running (mkdocs serve), a lock
    # one of them held would never be released in the worker. Windows cannot fork at all.
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return load
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_work, args=(load, languages, sender), daemon=True)
    worker.start()
    sender.close()
    log.debug(f"Reading and formatting the bibliography in worker process {worker.pid}.")

    def wait() -> Catalogue:
        try:
            catalogue = receiver.recv()
        except EOFError:  # the worker died (and said why on stderr): read the file here
            catalogue = load()
        finally:
            receiver.close()
            worker.join()
        if isinstance(catalogue, BibliographyError):
            raise catalogue
        return catalogue

    return wait


def _work(load: Callable[[], Catalogue], languages: list[Terms], sender: Connection) -> None:
    """In the worker: the catalogue with every reference formatted, or why the file cannot be
    read."""
    try:
        catalogue = load()
    except BibliographyError as error:
        sender.send(error)
        return
    catalogue.format_all(languages)
    sender.send(catalogue)
