"""The bibliography read, numbered and formatted in a worker process: same result, same errors."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from patientsite.citations import background
from patientsite.citations.apa import ApaStyle
from patientsite.citations.background import catalogue_in_background, load_catalogue
from patientsite.citations.bibliography import BibliographyError
from patientsite.citations.locale import TERMS
from tests.support import FIXTURES, MKDOCS

BIB = r"""
@article{chou2009, author = {Chou, R. and Fu, R.}, title = {Imaging}, journal = {Lancet},
         year = {2009}}
@misc{nice2016, author = {{National Institute for Health and Care Excellence}},
      title = {Low back pain}, year = {2016}, url = {https://www.nice.org.uk/guidance/ng59},
      urldate = {2025-03-03}}
"""


@pytest.fixture
def bib_file(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def every_reference(bib_file: Path) -> dict[tuple[str, str], str]:
    catalogue = load_catalogue(bib_file, "refs.bib", year_suffixes=False)
    return {
        (work.key, terms.language): catalogue.reference_html(work, terms)
        for work in catalogue.works
        for terms in TERMS.values()
    }


def test_worker_sends_the_catalogue_with_every_reference_in_every_language(
    bib_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = every_reference(bib_file)
    catalogue = catalogue_in_background(bib_file, "refs.bib", year_suffixes=False)()

    def not_again(self: ApaStyle, entry: object) -> str:
        raise AssertionError("the worker formatted every reference already")

    monkeypatch.setattr(ApaStyle, "format_html", not_again)
    received = {
        (work.key, terms.language): catalogue.reference_html(work, terms)
        for work in catalogue.works
        for terms in TERMS.values()
    }
    assert received == expected
    assert "Geraadpleegd op 3 maart 2025" in received[("nice2016", "nl")]


def test_worker_sends_why_the_file_cannot_be_read(tmp_path: Path) -> None:
    bad = tmp_path / "x.bib"
    bad.write_text("@article{a, title = {A}", encoding="utf-8")
    wait = catalogue_in_background(bad, "x.bib", year_suffixes=False)
    with pytest.raises(BibliographyError, match=r"^x\.bib:1: the entry 'a' could not be read"):
        wait()


@pytest.mark.parametrize(
    "python",
    ["/bin/false", "/no/such/python", shutil.which("echo")],
    ids=["fails", "missing", "sends no catalogue"],
)
def test_without_a_working_worker_the_build_reads_the_file_itself(
    bib_file: Path, monkeypatch: pytest.MonkeyPatch, python: str | None
) -> None:
    expected = every_reference(bib_file)
    monkeypatch.setattr(background.sys, "executable", python)
    catalogue = catalogue_in_background(bib_file, "refs.bib", year_suffixes=False)()
    received = {
        (work.key, terms.language): catalogue.reference_html(work, terms)
        for work in catalogue.works
        for terms in TERMS.values()
    }
    assert received == expected


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
    assert "failed" not in result.stderr
    assert "Imaging strategies for low-back pain" in (site / "sources" / "index.html").read_text()


def test_a_build_that_stops_reading_gets_no_traceback_from_the_worker(bib_file: Path) -> None:
    """When a build aborts, the worker finds nobody reading its result: it ends quietly, so the
    build's own error is the only message."""
    request = json.dumps(
        {"bib_file": str(bib_file), "source": "refs.bib", "year_suffixes": False, "cache": None}
    )
    worker = subprocess.Popen(
        [sys.executable, *background._WORKER, str(background._PACKAGE_ROOT), request],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert worker.stdout is not None and worker.stderr is not None
    worker.stdout.close()  # before the worker has even read the file
    error = worker.stderr.read()
    worker.stderr.close()
    assert worker.wait() == 1
    assert error == b""
