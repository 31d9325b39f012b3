"""`make serve`: a failed rebuild shows its message in the browser, and the next good build
clears it. Runs `mkdocs serve` on a copy of a fixture site, on a free port of 127.0.0.1."""

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from patientsite.preview.overlay import OVERLAY_ID, WORDS
from tests.support import FIXTURES, MKDOCS

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A running `mkdocs serve` of a copy of the fixture; yields the copy and its address."""
    project = tmp_path / "site"
    shutil.copytree(FIXTURES / "reading" / "serve", project)
    port = free_port()
    server = subprocess.Popen(
        [
            str(MKDOCS),
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            "-f",
            str(project / "mkdocs.yml"),
        ],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(300):  # the first build: up to 30 s on a busy machine
            try:
                with urllib.request.urlopen(url, timeout=1):
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                time.sleep(0.1)
        yield project, url
    finally:
        # Ctrl+C, as an author stops it: MkDocs then removes its temporary build folder.
        server.send_signal(signal.SIGINT)
        _, log = server.communicate(timeout=30)
    # The terminal still gets the error too.
    assert "tweede-weg.md" in log


def test_a_failed_rebuild_shows_in_the_browser_until_a_build_succeeds(
    browser: Any, preview: tuple[Path, str]
) -> None:
    project, url = preview
    page = browser.new_page()
    try:
        page.goto(url)
        notice = page.locator(f"#{OVERLAY_ID}")
        assert page.locator("h1").inner_text() == "Startpagina"
        assert notice.count() == 0

        # A link to a page that does not exist: an error in strict mode.
        index = project / "docs" / "index.md"
        good = index.read_text("utf-8")
        index.write_text(good.replace("tweede.md", "tweede-weg.md"), "utf-8")
        # Live reload reloads the page by itself once the rebuild has failed.
        notice.wait_for(state="visible", timeout=30_000)
        assert page.get_by_role("alert").get_by_role("heading").inner_text() == WORDS["nl"].title
        assert "tweede-weg.md" in notice.inner_text()
        assert notice.get_attribute("lang") == "nl"
        # The old page is still under it.
        assert page.locator("h1").inner_text() == "Startpagina"

        index.write_text(good, "utf-8")
        notice.wait_for(state="detached", timeout=30_000)
        assert page.locator("h1").inner_text() == "Startpagina"
    finally:
        page.close()
