"""Formatted references kept between builds: found only when nothing that shapes them changed."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from patientsite.citations import cache
from patientsite.citations.bibliography import BibliographyError
from patientsite.citations.cache import (
    cache_file,
    cache_key,
    code_files,
    load_catalogue,
    read_cached,
    write_cached,
)
from patientsite.citations.catalogue import Catalogue
from patientsite.citations.locale import TERMS
from tests.support import FIXTURES, MKDOCS

BIB = b"""@article{chou2009, author = {Chou, R. and Fu, R.}, title = {Imaging},
         journal = {Lancet}, year = {2009}}
"""


def references(catalogue: Catalogue) -> dict[tuple[str, str], str]:
    return {
        (work.key, terms.language): catalogue.reference_html(work, terms)
        for work in catalogue.works
        for terms in TERMS.values()
    }


@pytest.fixture
def bib_file(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    path.write_bytes(BIB)
    return path


def test_the_key_changes_with_everything_that_shapes_the_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = cache_key(BIB, "refs.bib", year_suffixes=False)
    assert cache_key(BIB, "refs.bib", year_suffixes=False) == key
    assert cache_key(BIB.replace(b"2009", b"2010"), "refs.bib", year_suffixes=False) != key
    assert cache_key(BIB, "other.bib", year_suffixes=False) != key
    assert cache_key(BIB, "refs.bib", year_suffixes=True) != key
    # A new pybtex (or latexcodec, or any change to this package's code) formats anew.
    cache._code_fingerprint.cache_clear()
    monkeypatch.setattr(cache.importlib.metadata, "version", lambda name: "99.0")
    try:
        assert cache_key(BIB, "refs.bib", year_suffixes=False) != key
    finally:
        cache._code_fingerprint.cache_clear()


def test_a_kept_catalogue_is_read_back_and_replaces_the_previous_one(
    bib_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    catalogue = load_catalogue(bib_file, "refs.bib", year_suffixes=False)
    folder.mkdir()
    (folder / "someone-else.json").write_text("{}")
    assert write_cached(cache_file(folder, "old"), catalogue) is None
    assert write_cached(cache_file(folder, "new"), catalogue) is None
    assert sorted(path.name for path in folder.iterdir()) == [
        "patientsite-citations-new.json",
        "someone-else.json",
    ]
    assert read_cached(cache_file(folder, "old")) is None
    cached = read_cached(cache_file(folder, "new"))
    assert cached is not None
    assert references(cached) == references(catalogue)


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b'{"a": 1}', b"[1, 2]", b'{"works": [[1]], "references": []}'],
    ids=["empty", "garbage", "other keys", "a list", "wrong shape"],
)
def test_a_damaged_file_is_no_catalogue(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "key.json").write_bytes(content)
    assert read_cached(tmp_path / "key.json") is None


def test_a_folder_that_cannot_be_written_is_only_reported(bib_file: Path, tmp_path: Path) -> None:
    catalogue = load_catalogue(bib_file, "refs.bib", year_suffixes=False)
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    problem = write_cached(cache_file(not_a_folder, "key"), catalogue)
    assert problem is not None
    assert problem.startswith(f"could not keep the formatted references in {not_a_folder}")


def test_the_key_covers_every_module_the_catalogue_is_made_with() -> None:
    # e.g. locale.py takes its month names from patientsite/dates.py
    loaded = {
        Path(module.__file__).resolve()
        for name, module in sys.modules.items()
        if name.startswith("patientsite") and getattr(module, "__file__", None)
    }
    assert "patientsite.dates" in sys.modules
    assert loaded <= {path.resolve() for path in code_files()}


def test_a_catalogue_is_kept_and_the_next_build_reads_no_bib_file(
    bib_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    first = load_catalogue(bib_file, "refs.bib", year_suffixes=False, cache=folder)
    assert cache_file(folder, cache_key(BIB, "refs.bib", year_suffixes=False)).exists()

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the cached catalogue should have been used")

    monkeypatch.setattr(cache, "decode_bibliography", no_reading)
    second = load_catalogue(bib_file, "refs.bib", year_suffixes=False, cache=folder)
    assert references(second) == references(first)


def test_a_bad_file_is_reported_and_nothing_is_kept(tmp_path: Path) -> None:
    bad = tmp_path / "x.bib"
    bad.write_text("@article{a, title = {A}", encoding="utf-8")
    folder = tmp_path / "cache"
    with pytest.raises(BibliographyError, match=r"^x\.bib:1: the entry 'a' could not be read"):
        load_catalogue(bad, "x.bib", year_suffixes=False, cache=folder)
    assert not folder.exists()


def test_a_changed_file_is_read_again(bib_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load_catalogue(bib_file, "refs.bib", year_suffixes=False, cache=folder)
    bib_file.write_bytes(BIB.replace(b"{Imaging}", b"{Imaging again}"))
    catalogue = load_catalogue(bib_file, "refs.bib", year_suffixes=False, cache=folder)
    assert "Imaging again" in catalogue.reference_html(catalogue.works[0], TERMS["en"])
    assert len(list(folder.iterdir())) == 1


def build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "--verbose", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
        check=False,
    )


def test_a_site_with_a_cache_builds_the_same_pages_from_it(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "citations" / "numeric", project)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "bib_file: refs.bib", "bib_file: refs.bib\n      cache_dir: .cache"
        )
    )
    first = build(config, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    assert len(list((project / ".cache").iterdir())) == 1

    second = build(config, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    for page in ["alarm/index.html", "sources/index.html", "en/alarm/index.html"]:
        assert (tmp_path / "second" / page).read_text() == (tmp_path / "first" / page).read_text()

    # The second build took its references from the cache: a change made there shows.
    (kept,) = (project / ".cache").iterdir()
    data = json.loads(kept.read_bytes())
    for reference in data["references"]:
        reference[2] = reference[2].replace("Imaging strategies", "Kept strategies")
    kept.write_text(json.dumps(data), encoding="utf-8")
    third = build(config, tmp_path / "third")
    assert third.returncode == 0, third.stderr
    assert (
        "Kept strategies for low-back pain"
        in (tmp_path / "third" / "sources" / "index.html").read_text()
    )


def test_a_damaged_cache_file_is_read_around(bib_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    expected = references(load_catalogue(bib_file, "refs.bib", year_suffixes=False))
    load_catalogue(bib_file, "refs.bib", year_suffixes=False, cache=folder)
    for kept in folder.iterdir():
        kept.write_bytes(b"damaged")
    assert (
        references(load_catalogue(bib_file, "refs.bib", year_suffixes=False, cache=folder))
        == expected
    )
    # ... and replaced by a good one.
    (kept,) = folder.iterdir()
    cached = read_cached(kept)
    assert cached is not None and references(cached) == expected
