"""The real site's pages, read as built files (no browser)."""

import re
from pathlib import Path

import pytest

from tests.platform.test_browser import PATHS

ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.DOTALL)


@pytest.mark.parametrize("path", PATHS)
def test_each_glossary_term_is_explained_once_per_page(built_site: Path, path: str) -> None:
    html = (built_site / path / "index.html").read_text("utf-8")
    terms = [term.casefold() for term in ABBR.findall(html)]
    assert len(terms) == len(set(terms)), sorted(terms)


def test_the_mri_page_explains_mri_once_and_still_says_it_often(built_site: Path) -> None:
    html = (built_site / "mri" / "index.html").read_text("utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert [term for term in ABBR.findall(article) if term == "MRI"] == ["MRI"]
    assert article.count("MRI") > 5
