import shutil
from pathlib import Path

import pytest

from tests.pdf.support import CONFIG, run_module
from tests.support import build_site


@pytest.fixture(scope="session")
def fixture_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF fixture site built with ``mkdocs build --strict``, without PDFs (do not change)."""
    site = tmp_path_factory.mktemp("pdf-fixture") / "site"
    result = build_site(CONFIG, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def fixture_site(fixture_html: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site after the PDF step and the share kit ran on it, as `make site` does."""
    site = tmp_path_factory.mktemp("pdf-built") / "site"
    shutil.copytree(fixture_html, site)
    result = run_module("patientsite.pdf", "--site", site, "--config", CONFIG)
    assert result.returncode == 0, result.stderr
    result = run_module("patientsite.share", "--site", site, "--config", CONFIG)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def site_copy(fixture_html: Path, tmp_path: Path) -> Path:
    """A copy of the built fixture site that a test may change."""
    site = tmp_path / "site"
    shutil.copytree(fixture_html, site)
    return site
