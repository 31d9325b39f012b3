from pathlib import Path

import pytest

from tests.authoring.helpers import load_script
from tests.support import ROOT


@pytest.fixture(scope="session")
def kiosk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site's kiosk, built once per session as `make kiosk` builds it."""
    target = tmp_path_factory.mktemp("kiosk") / "kiosk"
    assert load_script("kiosk").build(target, ROOT / "mkdocs.yml") == 0
    return target
