import shutil
from pathlib import Path

import pytest

from tests.pdf.support import run_module
from tests.support import ROOT


@pytest.fixture(scope="session")
def shared_site(real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with its PDFs, after the share step, as `make site` leaves it."""
    site = tmp_path_factory.mktemp("shared") / "site"
    shutil.copytree(real_site, site)
    result = run_module("patientsite.share", "--site", site, "--config", ROOT / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return site
