"""The bibliography read, numbered and formatted in a worker process: same result, same errors."""

import os
import subprocess
import sys
import threading
from multiprocessing import Pipe
from pathlib import Path

import pytest

from patientsite.citations.apa import ApaStyle
from patientsite.citations.background import _work, catalogue_in_background
from patientsite.citations.bibliography import BibliographyError, parse_bibliography
from patientsite.citations.catalogue import Catalogue
from patientsite.citations.locale import TERMS
from tests.support import FIXTURES, MKDOCS, ROOT

BIB = r"""
@article{chou2009, author = {Chou, R. and Fu, R.}, title = {Imaging}, journal = {Lancet},
         year = {2009}}
@misc{nice2016, author = {{National Institute for Health and Care Excellence}},
      title = {Low back pain}, year = {2016}, url = {https://www.nice.org.uk/guidance/ng59},
      urldate = {2025-03-03}}
"""


def load() -> Catalogue:
    return Catalogue(parse_bibliography(BIB, "references.bib"), year_suffixes=False)


def test_worker_sends_the_catalogue_with_every_reference_in_every_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    receiver, sender = Pipe(duplex=False)
    _work(load, list(TERMS.values()), sender)
    catalogue = receiver.recv()
    assert [work.key for work in catalogue.works] == ["chou2009", "nice2016"]
    expected = load()
    references = {
        (work.key, terms.language): expected.reference_html(work, terms)
        for work in expected.works
        for terms in TERMS.values()
    }

    def not_again(self: ApaStyle, entry: object) -> str:
        raise AssertionError("the worker formatted every reference already")

    monkeypatch.setattr(ApaStyle, "format_html", not_again)
    received = {
        (work.key, terms.language): catalogue.reference_html(work, terms)
        for work in catalogue.works
        for terms in TERMS.values()
    }
    assert received == references
    assert "Geraadpleegd op 3 maart 2025" in received[("nice2016", "nl")]


def test_worker_sends_why_the_file_cannot_be_read() -> None:
    def bad() -> Catalogue:
        bibliography = parse_bibliography("@article{a, title = {A}", "x.bib")
        return Catalogue(bibliography, year_suffixes=False)

    receiver, sender = Pipe(duplex=False)
    _work(bad, list(TERMS.values()), sender)
    error = receiver.recv()
    assert isinstance(error, BibliographyError)
    assert str(error).startswith("x.bib:1: the entry 'a' could not be read")


def test_no_worker_while_other_threads_run() -> None:
    # fork would copy only this thread: a lock held by another one would never be released.
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert catalogue_in_background(load, list(TERMS.values())) is load
    finally:
        stop.set()
        thread.join()


# Forking needs a process without other threads; pytest's may have some (the test server).
FORKED = """
import os, sys
from patientsite.citations.background import catalogue_in_background
from patientsite.citations.locale import TERMS
from tests.citations.test_background import load

parent = os.getpid()

def load_or_die():
    if sys.argv[1] == "dies" and os.getpid() != parent:
        os._exit(3)  # the worker dies before it sends anything
    return load()

wait = catalogue_in_background(load_or_die, list(TERMS.values()))
assert wait is not load_or_die, "no worker was started"
catalogue = wait()
print(catalogue.reference_html(catalogue.works[0], TERMS["en"]))
"""


@pytest.mark.parametrize("worker", ["lives", "dies"])
def test_forked_worker_gives_what_the_build_would_format_itself(worker: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", FORKED, worker],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    expected = load()
    assert result.stdout.strip() == expected.reference_html(expected.works[0], TERMS["en"])


def test_a_build_reads_the_bibliography_in_a_worker(tmp_path: Path) -> None:
    site = tmp_path / "site"
    config = FIXTURES / "citations" / "numeric" / "mkdocs.yml"
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "--verbose", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Reading and formatting the bibliography in worker process" in result.stderr
    assert "Imaging strategies for low-back pain" in (site / "sources" / "index.html").read_text()
