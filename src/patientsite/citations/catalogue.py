"""The bibliography, read once per build and numbered; references formatted once per language.

Where it can, the plugin has all of this done in a worker process (catalogue_in_background), on
the machine's other core, while MkDocs gets on with the build.
"""

import contextlib
import multiprocessing
import threading
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection

from patientsite.citations.apa import ApaStyle
from patientsite.citations.bibliography import Bibliography, BibliographyError
from patientsite.citations.locale import TERMS, Terms
from patientsite.citations.numbering import Work, number_works


class Catalogue:
    """Every work of a bibliography, in APA order, and its formatted reference per language."""

    def __init__(self, bibliography: Bibliography, *, year_suffixes: bool) -> None:
        """`year_suffixes`: write 2020a, 2020b where author-date citations would look alike."""
        self.bibliography = bibliography
        self.works: list[Work] = number_works(bibliography, year_suffixes)
        self._by_key = {work.key.lower(): work for work in self.works}
        self._suffixes = {work.key.lower(): work.year_suffix for work in self.works}
        self._styles: dict[str, ApaStyle] = {}
        # Formatting is the slow part: each entry is formatted at most once per language,
        # however many pages cite it and however many builds static-i18n runs.
        self._html: dict[tuple[str, str], str] = {}
        # The worker still formatting every reference, if any (see catalogue_in_background).
        self._worker: tuple[multiprocessing.process.BaseProcess, Connection] | None = None

    def work(self, key: str) -> Work | None:
        """The work with this key, whatever its upper/lower case, or None."""
        return self._by_key.get(key.lower())

    def reference_html(self, work: Work, terms: Terms) -> str:
        """The work's APA reference as HTML, in the language of `terms`."""
        if self._worker is not None:
            self._take_worker_html()
        key = work.key.lower()
        cache_key = (key, terms.language)
        if cache_key not in self._html:
            style = self._styles.get(terms.language)
            if style is None:
                style = self._styles[terms.language] = ApaStyle(terms, self._suffixes)
            html = self._html[cache_key] = style.format_html(self.bibliography.entries[key])
            if not style.localized:
                # No word of the language in it (most articles): every language reads the same.
                for language in TERMS:
                    self._html.setdefault((key, language), html)
        return self._html[cache_key]

    def _take_worker_html(self) -> None:
        assert self._worker is not None
        worker, receiver = self._worker
        self._worker = None
        # EOFError: the worker failed (and said why on stderr); reference_html formats here.
        with contextlib.suppress(EOFError):
            self._html.update(receiver.recv())
        receiver.close()
        worker.join()


def catalogue_in_background(
    load: Callable[[], Catalogue], languages: Iterable[Terms]
) -> Callable[[], Catalogue]:
    """Start `load` and then formatting every reference in a worker process.

    Returns a function that waits for the catalogue and returns it, or raises the
    BibliographyError that `load` raised. The catalogue then waits for the formatted references
    the first time one is needed. MkDocs goes on with the build meanwhile, on the machine's
    other core: the catalogue is needed from the first page on, the references only when the
    pages are written.
    """
    # The worker is a fork of this process. fork copies only the calling thread, so with other
    # threads running (mkdocs serve) a lock one of them held would never be released in the
    # worker: then `load` runs here when the catalogue is asked for, and formats as it goes.
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return load
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(
        target=_build_in_worker, args=(load, list(languages), sender), daemon=True
    )
    worker.start()
    sender.close()

    def wait() -> Catalogue:
        try:
            catalogue = receiver.recv()
        except EOFError:  # The worker failed (and said why on stderr): do it here.
            receiver.close()
            worker.join()
            return load()
        if isinstance(catalogue, BibliographyError):
            raise catalogue
        catalogue._worker = (worker, receiver)
        return catalogue

    return wait


def _build_in_worker(
    load: Callable[[], Catalogue], languages: list[Terms], sender: Connection
) -> None:
    """In the worker: the catalogue (or why it cannot be read), then every reference."""
    try:
        catalogue = load()
    except BibliographyError as error:
        sender.send(error)
        return
    sender.send(catalogue)
    for terms in languages:
        for work in catalogue.works:
            catalogue.reference_html(work, terms)
    sender.send(catalogue._html)
