"""The bibliography, read once per build and numbered; references formatted once per language."""

import contextlib
import multiprocessing
import threading
from collections.abc import Iterable
from multiprocessing.connection import Connection

from patientsite.citations.apa import ApaStyle
from patientsite.citations.bibliography import Bibliography
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
        self._background: tuple[multiprocessing.process.BaseProcess, Connection] | None = None

    def work(self, key: str) -> Work | None:
        """The work with this key, whatever its upper/lower case, or None."""
        return self._by_key.get(key.lower())

    def reference_html(self, work: Work, terms: Terms) -> str:
        """The work's APA reference as HTML, in the language of `terms`."""
        if self._background is not None:
            self._collect_background()
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

    def format_in_background(self, languages: Iterable[Terms]) -> None:
        """Start formatting every reference in these languages in a worker process.

        A build needs them all for the full lists, but not before it writes its pages: until
        then the worker uses the machine's other core. reference_html() waits for the worker
        the first time it is called, and formats here whatever the worker did not deliver.
        """
        # The worker is a fork of this process, so it has the catalogue without copying it;
        # fork copies only the calling thread, so with other threads running (mkdocs serve) a
        # lock one of them held could never be released in the worker: format here instead.
        if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
            return
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        worker = context.Process(
            target=self._format_all, args=(list(languages), sender), daemon=True
        )
        worker.start()
        sender.close()
        self._background = (worker, receiver)

    def _format_all(self, languages: list[Terms], sender: Connection) -> None:
        """In the worker: format everything and send it back."""
        for terms in languages:
            for work in self.works:
                self.reference_html(work, terms)
        sender.send(self._html)

    def _collect_background(self) -> None:
        assert self._background is not None
        worker, receiver = self._background
        self._background = None
        # EOFError: the worker failed (and said why on stderr); reference_html formats here.
        with contextlib.suppress(EOFError):
            self._html.update(receiver.recv())
        receiver.close()
        worker.join()
