"""The formatted catalogue kept on disk between builds, under a key made of all that shapes it.

Reading, numbering and formatting a large bibliography is most of what the plugin costs a build
(scripts/bench_citations.py), and references.bib changes far less often than the pages. The key
covers the file's bytes, how messages name it, the citation style, this package's code and the
versions of pybtex and latexcodec, so a cached catalogue is always the one the build would make.
"""

import functools
import hashlib
import importlib.metadata
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path

from patientsite.citations.catalogue import Catalogue

log = logging.getLogger("mkdocs.plugins.patientsite.citations")

_SUFFIX = ".pickle"


def cache_key(bib: bytes, source: str, *, year_suffixes: bool) -> str:
    """The name of the cached catalogue of this .bib text, as the build would number and format
    it (see the module's docstring)."""
    digest = hashlib.sha256(_code_fingerprint())
    for part in (bib, source.encode(), b"author-date" if year_suffixes else b"numeric"):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def cache_file(folder: Path, key: str) -> Path:
    """Where the catalogue with this key is kept."""
    return folder / f"{key}{_SUFFIX}"


def read_cached(path: Path) -> Catalogue | None:
    """The cached catalogue, or None when there is none or it cannot be read."""
    try:
        catalogue = pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except Exception as error:  # a damaged file only costs a build without the cache
        log.debug(f"Ignoring the cached bibliography {path}: {error!r}")
        return None
    return catalogue if isinstance(catalogue, Catalogue) else None


def write_cached(path: Path, pickled: bytes) -> None:
    """Keep a pickled catalogue at `path`, in place of any other; a failure is not an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written under another name, then renamed: a build reading at the same moment finds
        # the whole file or none.
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as file:
            file.write(pickled)
        os.replace(file.name, path)
        for old in path.parent.glob(f"*{_SUFFIX}"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as error:
        log.debug(f"Could not keep the bibliography in {path.parent}: {error}")


@functools.cache
def _code_fingerprint() -> bytes:
    """This package's code and what it formats with: any change makes every key new."""
    digest = hashlib.sha256(sys.version.encode())
    for distribution in ("pybtex", "latexcodec"):
        digest.update(f"{distribution} {importlib.metadata.version(distribution)}".encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return digest.digest()
