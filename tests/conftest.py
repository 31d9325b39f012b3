import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.pdf.support import run_module
from tests.support import CHROMIUM_ARGS, ROOT, build_site, chromium_path, serve


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session with ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("site")
    result = build_site(ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def real_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site (mkdocs.yml at the project's root) after the PDF step, as `make site`."""
    site = tmp_path_factory.mktemp("real-pdfs") / "site"
    shutil.copytree(built_site, site)
    result = run_module("patientsite.pdf", "--site", site, "--config", ROOT / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """Opens pages in fresh contexts (viewport, colour scheme, touch); checks script errors."""
    contexts: list[Any] = []
    errors: list[str] = []

    def open_(url: str, width: int = 1280, height: int = 900, **options: Any) -> Any:
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        return page

    yield open_
    for context in contexts:
        context.close()
    assert errors == []
