"""The offline link check over a built site: internal links and anchors, external syntax."""

import subprocess
import sys
from pathlib import Path

import pytest

from patientsite import record
from patientsite.authoring.linkcheck import Link, check_site, external_problem, parse_page
from patientsite.mkdocs.theme import MATERIAL
from tests.authoring.helpers import FIXTURES, SCRIPTS, load_script

SITE = FIXTURES / "links" / "site"
CONFIG = FIXTURES / "links" / "mkdocs.yml"

EXPECTED = [
    "index.html:6: https://example.org/site/fr/ -> no such page or file in the site (/fr/)",
    "index.html:9: assets/missing.js -> no such page or file in the site (/assets/missing.js)",
    "index.html:15: scan/#waarm -> no anchor #waarm on scan/index.html; did you mean #waarom?",
    "index.html:17: missing/ -> no such page or file in the site (/missing/)",
    "index.html:19: /other/ -> outside the site, which lives under /site/",
    "index.html:23: #bottom -> no anchor #bottom on index.html",
    "index.html:25: img/logo.png -> no such page or file in the site (/img/logo.png)",
    "index.html:29: https://exa mple.org/ -> no valid host name after http(s)://",
    "index.html:30: http:// -> no valid host name after http(s)://",
    "index.html:31: https://example.org:abc/ -> the port after the host name is not a number",
    "index.html:33: https://-bad-.org/ -> no valid host name after http(s)://",
    "index.html:35: mailto:info -> not a valid e-mail address (expected mailto:name@example.org)",
    "index.html:37: tel:call-us -> not a valid phone number",
    "index.html:38: ftp://example.org/file -> unexpected kind of link 'ftp:' "
    "(expected http:, https:, mailto: or tel:)",
    "index.html:40: https://example.org/site/nope/ -> no such page or file in the site (/nope/)",
    "scan/index.html:7: ../en/scan/ -> no such page or file in the site (/en/scan/)",
]


def test_every_broken_link_is_found_with_its_page_line_and_reason() -> None:
    assert [str(link) for link in check_site(SITE, "https://example.org/site/")] == EXPECTED


def test_without_site_url_links_from_the_root_start_at_the_site_folder() -> None:
    broken = {str(link) for link in check_site(SITE)}
    assert "index.html:18: /site/scan/ -> no such page or file in the site (/site/scan/)" in broken
    assert "index.html:19: /other/ -> no such page or file in the site (/other/)" in broken
    # Without site_url the site's own absolute address is an external link: syntax only.
    assert not any("https://example.org/site/nope/" in line for line in broken)


def test_parse_page_reads_ids_names_and_links_with_their_lines() -> None:
    page = parse_page(
        '<h2 id="a">A</h2>\n<a name="b"></a><img src="x.png">\n'
        '<link rel="dns-prefetch" href="https://cdn.invalid"><a href=" y/ ">y</a><a href="">e</a>'
    )
    assert page.anchors == {"a", "b"}
    assert page.links == (Link("x.png", 2), Link("y/", 3))


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://doi.org/10.1016/S0140-6736(09)60172-0", None),
        ("http://rugpijn.example.be/en/scan/#why", None),
        ("https://bücher.example/", None),
        ("https://example.org/my file.pdf", None),
        ("https://localhost:8000/", None),
        ("mailto:info@example.org", None),
        ("tel:+32 3 123 45 67", None),
        ("https://example", "no valid host name after http(s)://"),
        ("https://exa_mple.org/", "no valid host name after http(s)://"),
        ("https:///path", "no valid host name after http(s)://"),
        ("https://example.org:99999/", "the port after the host name is not a number"),
        (
            "mailto:info @example.org",
            "not a valid e-mail address (expected mailto:name@example.org)",
        ),
        ("mailto:@example.org", "not a valid e-mail address (expected mailto:name@example.org)"),
        ("tel:", "not a valid phone number"),
        (
            "javascript:void(0)",
            "unexpected kind of link 'javascript:' (expected http:, https:, mailto: or tel:)",
        ),
        (
            "htps://example.org/",
            "unexpected kind of link 'htps:' (expected http:, https:, mailto: or tel:)",
        ),
    ],
)
def test_external_links_are_checked_for_syntax_only(url: str, problem: str | None) -> None:
    assert external_problem(url) == problem


def test_command_prints_each_broken_link_and_exits_1() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / "check_links.py"), str(SITE), "-f", str(CONFIG)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    # Which Markdown file each page comes from is read from the build's record.
    assert lines[0] == f"{EXPECTED[0]}  (page made from docs/nl/index.md)"
    assert lines[len(EXPECTED) - 1] == f"{EXPECTED[-1]}  (page made from docs/nl/scan.md)"
    assert lines[-1] == f"{len(EXPECTED)} broken link(s) among 37 links in 3 pages."


def test_command_names_the_markdown_page_a_broken_link_comes_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "scan.md").write_text("# Scan\n")
    (tmp_path / "mkdocs.yml").write_text(CONFIG.read_text())
    (tmp_path / "site" / "en" / "scan").mkdir(parents=True)
    (tmp_path / "site" / "en" / "scan" / "index.html").write_text('<a href="../mri/">MRI</a>\n')
    scan = record.PageRecord("scan/", "docs/en/scan.md", "Scan", "", None, None)
    languages = [record.LanguageRecord("en", "en/", (scan,))]
    record.write_section(tmp_path / "site", "pages", record.pages_section(languages))
    record.write_section(tmp_path / "site", "theme", record.theme_section(MATERIAL))

    code = load_script("check_links").main(
        [str(tmp_path / "site"), "-f", str(tmp_path / "mkdocs.yml")]
    )

    assert code == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "en/scan/index.html:1: ../mri/ -> no such page or file in the site (/en/mri/)  "
        "(page made from docs/en/scan.md)"
    )


def test_command_on_a_good_site_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text('<h1 id="a">A</h1><a href="#a">a</a>')
    home = record.PageRecord("", "docs/nl/index.md", "A", "", None, None)
    languages = [record.LanguageRecord("nl", "", (home,))]
    record.write_section(tmp_path / "site", "pages", record.pages_section(languages))
    record.write_section(tmp_path / "site", "theme", record.theme_section(MATERIAL))
    assert load_script("check_links").main([str(tmp_path / "site"), "-f", str(CONFIG)]) == 0
    assert capsys.readouterr().out == "Checked 1 links in 1 pages: none broken.\n"


def test_command_without_the_build_record_explains(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<h1>A</h1>")
    assert load_script("check_links").main([str(tmp_path / "site"), "-f", str(CONFIG)]) == 2
    assert "build-record.json is missing. Build the site first" in capsys.readouterr().err


def test_command_without_a_built_site_explains(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPTS / "check_links.py"),
            str(tmp_path / "site"),
            "-f",
            str(CONFIG),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert (
        result.stderr == f"No site to check: {tmp_path / 'site'} does not exist; run make site.\n"
    )
