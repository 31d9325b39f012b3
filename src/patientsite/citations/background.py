"""Read, number and format the bibliography in a worker process while MkDocs builds.

MkDocs uses one core. Reading, numbering and formatting the 2,000 entries of the benchmark
(scripts/bench_citations.py) took about 0.7 s of a 10-12 s build; a worker does that on another
core while MkDocs collects the files and converts the pages. The worker is a fork of the build,
so it needs no setup; it sends the catalogue as soon as it is numbered (the first page needs
it), then every formatted reference (needed only when the pages are written).
"""

import logging
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection

from patientsite.citations.bibliography import BibliographyError
from patientsite.citations.catalogue import Catalogue, Formatted
from patientsite.citations.locale import Terms

log = logging.getLogger("mkdocs.plugins.patientsite.citations")


def catalogue_in_background(
    load: Callable[[], Catalogue], languages: list[Terms]
) -> Callable[[], Catalogue]:
    """Start `load` in a worker, then formatting every reference in `languages` there.

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
            _finish(worker, receiver)
            return load()
        if isinstance(catalogue, BibliographyError):
            _finish(worker, receiver)
            raise catalogue
        catalogue.expect_formatted(lambda: _formatted(worker, receiver))
        return catalogue

    return wait


def _work(load: Callable[[], Catalogue], languages: list[Terms], sender: Connection) -> None:
    """In the worker: the catalogue (or why the file cannot be read), then every reference."""
    try:
        catalogue = load()
    except BibliographyError as error:
        sender.send(error)
        return
    sender.send(catalogue)
    sender.send(catalogue.format_all(languages))


def _formatted(worker: multiprocessing.process.BaseProcess, receiver: Connection) -> Formatted:
    try:
        return receiver.recv()
    except EOFError:  # the worker died: the catalogue formats what is needed itself
        return {}
    finally:
        _finish(worker, receiver)


def _finish(worker: multiprocessing.process.BaseProcess, receiver: Connection) -> None:
    receiver.close()
    worker.join()
