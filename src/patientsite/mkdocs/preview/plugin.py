"""MkDocs glue: during `mkdocs serve`, a failed rebuild is shown in the browser.

MkDocs on its own prints the error in the terminal and keeps serving the previous pages, so
the browser gives no sign that it shows an old version. This plugin wraps the live-reload
server's builder: a failed rebuild is still logged in the terminal, then its messages are kept
and the browsers reload; every page is then served with the notice from overlay.py on top. The
next successful rebuild clears the messages and reloads the browsers again.
"""

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin

from patientsite.mkdocs.preview.config import PreviewConfig
from patientsite.preview.overlay import insert_overlay

log = logging.getLogger("mkdocs.plugins.patientsite.preview")


class _Collect(logging.Handler):
    """Keeps the warnings and errors logged during one build (strict mode turns warnings
    into the failure, and the final exception only counts them)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class PreviewPlugin(BasePlugin[PreviewConfig]):
    def __init__(self) -> None:
        self.messages: list[str] = []  # of the last rebuild if it failed; [] when it worked
        self.lock = threading.Lock()  # the builder thread writes, request threads read

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        if not self.config.enabled:
            return server
        # A private method of the pinned MkDocs (1.6.1): fail loudly if an upgrade renamed it.
        inject = getattr(server, "_inject_js_into_html", None)
        if inject is None or not callable(getattr(server, "builder", None)):
            raise PluginError(
                "patientsite/preview: this MkDocs version's live-reload server is not the one "
                "the plugin was written for; set 'enabled: false' for patientsite/preview."
            )
        server.builder = self._wrap(server.builder)

        def inject_with_notice(content: bytes, epoch: int) -> bytes:
            with self.lock:
                messages = list(self.messages)
            return insert_overlay(inject(content, epoch), messages)

        server._inject_js_into_html = inject_with_notice  # type: ignore[method-assign]
        return server

    def _wrap(self, build: Callable[[], None]) -> Callable[[], None]:
        def build_and_keep_errors() -> None:
            collect = _Collect()
            mkdocs_log = logging.getLogger("mkdocs")
            mkdocs_log.addHandler(collect)
            try:
                build()
            # Any failure, not only MkDocs' own: the live-reload server would catch it too; here
            # it is printed as the server would, and shown in the browser instead of dropped.
            except Exception as error:
                traceback.print_exc()
                messages = [*collect.messages, str(error) or type(error).__name__]
                log.error("The rebuild failed: the browser shows the error until a build succeeds.")
            else:
                messages = []
            finally:
                mkdocs_log.removeHandler(collect)
            with self.lock:
                self.messages = messages

        return build_and_keep_errors
