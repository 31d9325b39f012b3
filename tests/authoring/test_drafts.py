"""A draft (a page nobody has reviewed yet) in a copy of the real site, as `make page` makes it:
the strict build still makes it; it says it is a draft in both languages, on screen (axe-clean
at phone and desktop width, light and dark) and in the article PDF; and no PDF claims a review
date for a text that holds it."""

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from axe_playwright_python.sync_playwright import Axe

from patientsite.authoring.scaffold import create_page
from patientsite.pages.labels import LABELS
from patientsite.settings import load_settings
from tests.authoring.helpers import load_script
from tests.pdf.support import pdf_text, run_module
from tests.platform.test_browser import WCAG_TAGS
from tests.support import ROOT, build_site, serve

# What a build of the real site reads, besides the Python code.
PROJECT = ("mkdocs.yml", "references.bib", "docs", "includes", "overrides")
DRAFT = {"nl": "zitten/", "en": "en/zitten/"}
REVIEWED_LINE = {"nl": "Laatst nagekeken", "en": "Last reviewed"}
TITLES = {"nl": "Pijn bij zitten", "en": "Pain when sitting"}


@pytest.fixture(scope="module")
def draft_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("draft") / "project"
    project.mkdir()
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy2(source, project / name)
    create_page(
        load_settings(project / "mkdocs.yml"),
        "zitten",
        today=date(2026, 3, 4),
        titles=TITLES,
        after="tips",
    )
    return project


@pytest.fixture(scope="module")
def draft_site(draft_project: Path) -> Path:
    site = draft_project.parent / "site"
    result = build_site(draft_project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    result = run_module("patientsite.pdf", "--site", site, "--config", draft_project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_draft_says_so_under_its_title_and_claims_no_review(
    draft_site: Path, lang: str
) -> None:
    html = (draft_site / DRAFT[lang] / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    notice = article.index('class="admonition warning page-draft"')
    assert article.index("</h1>") < notice < article.index("<h2")
    assert LABELS[lang].draft_title in article and LABELS[lang].draft_text in article
    assert "page-review" not in article and REVIEWED_LINE[lang] not in article


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_article_pdf_shows_the_notice_and_no_review_date_for_the_whole_text(
    draft_site: Path, lang: str
) -> None:
    folder = draft_site / DRAFT[lang].removesuffix("zitten/") / "pdf"
    labels = LABELS[lang]
    text = " ".join(pdf_text(folder / "article.pdf").split())
    assert f"{TITLES[lang]} {labels.draft_title} {labels.draft_text}" in text
    # The reviewed chapters keep their own line; the title page and the handout speak for the
    # whole text, which is not reviewed while a draft is in it.
    assert REVIEWED_LINE[lang] in text
    title_page = pypdf.PdfReader(folder / "article.pdf").pages[0].extract_text()
    assert TITLES[lang] in title_page  # the contents list names the draft chapter
    assert REVIEWED_LINE[lang] not in title_page
    assert REVIEWED_LINE[lang] not in pdf_text(folder / "handout.pdf")


def test_the_release_check_refuses_the_draft(draft_project: Path) -> None:
    check = load_script("check_release")
    pages = check.read_pages(load_settings(draft_project / "mkdocs.yml"))
    drafts = [page.name for page in pages if not page.meta.get("reviewed")]
    assert drafts == ["docs/nl/zitten.md", "docs/en/zitten.md"]


# -- in the browser ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def draft_url(draft_site: Path) -> Iterator[str]:
    with serve(draft_site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_notice_is_visible_and_passes_axe(
    browser: Any, draft_url: str, lang: str, width: int, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(draft_url + DRAFT[lang])
        page.wait_for_load_state("networkidle")
        notice = page.locator(".page-draft")
        assert notice.is_visible()
        box = notice.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        assert LABELS[lang].draft_title in notice.inner_text()
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
