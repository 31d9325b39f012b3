"""Old page addresses keep working after a page is renamed (mkdocs-redirects with static-i18n)."""

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.pdf.support import SITE_URL

REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


@pytest.mark.parametrize(
    ("old", "new"),
    [("oud/", "scan/"), ("en/oud/", "en/scan/")],
)
def test_old_address_redirects_to_the_renamed_page_in_its_language(
    fixture_html: Path, old: str, new: str
) -> None:
    html = (fixture_html / old / "index.html").read_text(encoding="utf-8")
    match = REFRESH.search(html)
    assert match is not None
    target = urljoin(SITE_URL + old, match.group(1))
    assert target == SITE_URL + new
    # The page the redirect leads to exists in the built site.
    path = urlsplit(target).path.removeprefix(urlsplit(SITE_URL).path)
    assert (fixture_html / path / "index.html").is_file()
