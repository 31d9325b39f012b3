"""The catalogue read from the .bib file, or from disk where an earlier build kept it.

Reading, numbering and formatting a large bibliography is most of what the plugin costs a build
(scripts/bench_citations.py), and references.bib changes far less often than the pages, so the
formatted catalogue is kept under a key made of all that shapes it: the file's bytes, how
messages name it, the citation style, the code of the whole patientsite package, and the
versions of Python, pybtex and latexcodec. A cached catalogue is then always the one the build
would make. It is kept as JSON: reading it back runs no code.
"""

import functools
import hashlib
import importlib.metadata
import json
import logging
import os
import sys
import tempfile
from pathlib import Path

from patientsite.citations.bibliography import decode_bibliography
from patientsite.citations.catalogue import Catalogue, format_catalogue

log = logging.getLogger("mkdocs.plugins.patientsite.citations")

# Files of ours are named so, and only they are ever replaced, in whatever folder we are given.
_PREFIX = "patientsite-citations-"
_SUFFIX = ".json"


def load_catalogue(
    bib_file: Path, source: str, *, year_suffixes: bool, cache: Path | None = None
) -> Catalogue:
    """The catalogue of a .bib file; `source` is how messages name it. With a `cache` folder,
    the one kept there by an earlier build of the same file, else it is kept there.

    Raises BibliographyError if the file cannot be read.
    """
    data = bib_file.read_bytes()
    if cache is None:
        return format_catalogue(decode_bibliography(data, source), year_suffixes=year_suffixes)
    path = cache_file(cache, cache_key(data, source, year_suffixes=year_suffixes))
    catalogue = read_cached(path)
    if catalogue is None:
        catalogue = format_catalogue(decode_bibliography(data, source), year_suffixes=year_suffixes)
        if problem := write_cached(path, catalogue):
            log.info(f"patientsite/citations: {problem}")
    return catalogue


def cache_key(bib: bytes, source: str, *, year_suffixes: bool) -> str:
    """The name of the cached catalogue of this .bib text, as the build would number and format
    it (see the module's docstring)."""
    digest = hashlib.sha256(_code_fingerprint())
    for part in (bib, source.encode(), b"author-date" if year_suffixes else b"numeric"):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def cache_file(folder: Path, key: str) -> Path:
    """Where the catalogue with this key is kept."""
    return folder / f"{_PREFIX}{key}{_SUFFIX}"


def read_cached(path: Path) -> Catalogue | None:
    """The cached catalogue, or None when there is none or it cannot be read."""
    try:
        return Catalogue.from_data(json.loads(path.read_bytes()))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as error:
        # A damaged file costs only a build without the cache.
        log.debug(f"Ignoring the cached bibliography {path}: {error!r}")
        return None


def write_cached(path: Path, catalogue: Catalogue) -> str | None:
    """Keep a formatted catalogue at `path`, in place of any other kept in its folder. Returns
    what went wrong, if anything: without a cache the build only takes longer."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written under another name, then renamed: a build reading at the same moment finds
        # the whole file or none.
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as file:
            temporary = Path(file.name)
            file.write(json.dumps(catalogue.to_data(), ensure_ascii=False).encode())
        os.replace(temporary, path)
        temporary = None
        for old in path.parent.glob(f"{_PREFIX}*{_SUFFIX}"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as error:
        return f"could not keep the formatted references in {path.parent}: {error}"
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
    return None


def code_files() -> list[Path]:
    """The package's modules and words files: all that reading and formatting the bibliography
    can use."""
    package = Path(__file__).parents[1]
    return sorted([*package.rglob("*.py"), *(package / "words").glob("*.yml")])


@functools.cache
def _code_fingerprint() -> bytes:
    """The package's code and what it formats with: any change makes every key new."""
    digest = hashlib.sha256(sys.version.encode())
    for distribution in ("pybtex", "latexcodec", "babel"):
        digest.update(f"{distribution} {importlib.metadata.version(distribution)}".encode())
    package = Path(__file__).parents[1]
    for path in code_files():
        digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return digest.digest()
