"""The patientsite/pages plugin in real builds of tiny fixture sites (tests/fixtures/pages)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import FIXTURES, build_site

# 2026-12-01, so the fixtures' dates stay current whenever the tests run.
EPOCH = {"SOURCE_DATE_EPOCH": "1796083200"}


def _build(scenario: str, site: Path) -> subprocess.CompletedProcess[str]:
    return build_site(FIXTURES / "pages" / scenario / "mkdocs.yml", site, EPOCH)


@pytest.fixture(scope="module")
def happy_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("pages-happy")
    result = _build("happy", site)
    assert result.returncode == 0, result.stderr
    return site


def _content(site: Path, page: str) -> str:
    html = (site / page).read_text(encoding="utf-8")
    return html[html.index("<h1") : html.index("</article>")]


@pytest.mark.parametrize(
    ("page", "line"),
    [
        (
            "index.html",
            'Laatst nagekeken: <time datetime="2026-11-23">23 november 2026</time> · '
            'Volgende herziening: <time datetime="2027-11-23">23 november 2027</time>',
        ),
        (
            "en/index.html",
            'Last reviewed: <time datetime="2026-11-23">23 November 2026</time> · '
            'Next review: <time datetime="2027-11-23">23 November 2027</time>',
        ),
    ],
)
def test_review_dates_after_the_heading(happy_site: Path, page: str, line: str) -> None:
    content = _content(happy_site, page)
    assert re.search(r'</h1>\s*<p class="page-review">' + re.escape(line) + "</p>", content)


@pytest.mark.parametrize(
    ("page", "abbr"),
    [
        ("index.html", '<abbr title="Een scan met een sterke magneet">MRI</abbr>'),
        ("en/index.html", '<abbr title="A scan that uses a strong magnet">MRI</abbr>'),
    ],
)
def test_glossary_terms_become_tooltips(happy_site: Path, page: str, abbr: str) -> None:
    content = _content(happy_site, page)
    assert abbr in content
    assert "*[MRI]" not in content
    # Explained on its first use only; the second "MRI" on the page is plain text.
    assert content.count("<abbr") == 1
    assert content.count("MRI") == 2


@pytest.mark.parametrize(
    ("page", "rows"),
    [
        (
            "about/index.html",
            [
                ("Praktijk", "Praktijk &lt;Zuid&gt; &amp; Co"),
                ("Geschreven door", "Nog niet ingevuld door de praktijk"),
                ("Nagekeken door", "Dr. An &lt;b&gt;Peeters&lt;/b&gt;"),
                ("Financiering", "Eigen middelen"),
                ("Belangenconflicten", "Nog niet ingevuld door de praktijk"),
                ("Licentie", "CC BY 4.0"),
                ("Contact", '<a href="mailto:info@example.org">info@example.org</a>'),
            ],
        ),
        (
            "en/about/index.html",
            [
                ("Clinic", "Praktijk &lt;Zuid&gt; &amp; Co"),
                ("Written by", "Not filled in by the clinic yet"),
                ("Reviewed by", "Dr. An &lt;b&gt;Peeters&lt;/b&gt;"),
                ("Funding", "Eigen middelen"),
                ("Conflicts of interest", "Not filled in by the clinic yet"),
                ("Licence", "CC BY 4.0"),
                ("Contact", '<a href="mailto:info@example.org">info@example.org</a>'),
            ],
        ),
    ],
)
def test_site_info_in_the_page_language(
    happy_site: Path, page: str, rows: list[tuple[str, str]]
) -> None:
    content = _content(happy_site, page)
    assert "[[site-info]]" not in content
    found = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", content)
    assert found == rows  # empty disclosure items say so; nothing unescaped
    assert "<b>Peeters" not in content


def test_site_info_logo_is_relative_to_the_page(happy_site: Path) -> None:
    assert '<img src="../../assets/logo.png" alt="Logo of Praktijk &lt;Zuid&gt; &amp; Co">' in (
        _content(happy_site, "en/about/index.html")
    )


def test_site_info_marker_in_code_is_left_alone(happy_site: Path) -> None:
    assert "<code>[[site-info]]</code>" in _content(happy_site, "index.html")


def test_missing_field_fails_the_build(tmp_path: Path) -> None:
    result = _build("missing-field", tmp_path)
    assert result.returncode == 1
    assert (
        "docs/en/index.md: the front matter has a 'reviewed' date but no 'next_review' date. "
        "Add a line like 'next_review: 2026-11-23'" in result.stderr
    )


def test_stale_page_warns_so_strict_build_fails(tmp_path: Path) -> None:
    result = _build("stale", tmp_path)
    assert result.returncode == 1
    assert re.search(
        r"WARNING +- +docs/nl/index\.md: the next review was due on 2020-06-01 "
        r"\(today is 2026-12-01\)\.",
        result.stderr,
    )
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr


def test_missing_glossary_fails_the_build(tmp_path: Path) -> None:
    result = _build("missing-glossary", tmp_path)
    assert result.returncode == 1
    assert "Glossary file not found: includes/glossary/en.md" in result.stderr


BAD_PAGES = {
    "saved as Latin-1": (
        lambda text: text.replace("An MRI", "Caf\u00e9: an MRI").encode("latin-1"),
        "docs/en/index.md:9: this page is not saved as UTF-8",
    ),
    "front matter without its closing line": (
        lambda text: text.replace(
            'next_review: "2027-11-23"\n---\n', 'next_review: "2027-11-23"\n'
        ).encode(),
        "docs/en/index.md:1: the front matter that starts here with --- has no closing --- line",
    ),
    "YAML error": (
        lambda text: text.replace(
            "published: 2026-01-15", "title: Pain: what now\npublished: 2026-01-15"
        ).encode(),
        "docs/en/index.md:2: the front matter is not valid YAML (mapping values are not allowed",
    ),
    "share that is not true or false": (
        lambda text: text.replace(
            "published: 2026-01-15", "share: nee\npublished: 2026-01-15"
        ).encode(),
        "docs/en/index.md:2: 'share: nee' in the front matter must be true or false",
    ),
}


@pytest.mark.parametrize("mistake", BAD_PAGES)
def test_a_mistake_in_a_page_is_one_message_without_traceback(tmp_path: Path, mistake: str) -> None:
    change, message = BAD_PAGES[mistake]
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "pages" / "happy", project)
    page = project / "docs" / "en" / "index.md"
    page.write_bytes(change(page.read_text(encoding="utf-8")))

    result = build_site(project / "mkdocs.yml", tmp_path / "site", EPOCH)

    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    # MkDocs' "Error reading page 'en/index.md':", then ours.
    assert len(errors) == 2 and message in errors[1], result.stderr
    assert "Traceback" not in result.stdout + result.stderr
