"""The kiosk's pure logic: its configuration, its links, its search scripts, its offline check."""

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml

from patientsite.kiosk import (
    ASSETS,
    HOOKS,
    SHIM,
    KioskError,
    file_links,
    kiosk_config,
    offline_problems,
    without_staff_only,
    write_index_script,
)

PAGES = {"index.html", "scan.html", "alarm.html", "en/index.html", "en/scan.html", "en/alarm.html"}


def test_config_adds_the_offline_plugin_file_addresses_and_the_local_shim() -> None:
    text = "site_name: X\nuse_directory_urls: true\nplugins:\n  - search\n  - i18n:\n      a: 1\n"
    config = yaml.safe_load(kiosk_config(text))
    assert config["use_directory_urls"] is False
    assert config["plugins"] == ["search", {"i18n": {"a": 1}}, "offline"]
    assert config["extra"]["polyfills"] == ["assets/javascripts/iframe-worker.js"]
    assert config["hooks"] == [str(HOOKS)]
    assert config["site_name"] == "X"


def test_config_keeps_an_offline_plugin_and_plugins_given_by_name() -> None:
    listed = yaml.safe_load(kiosk_config("plugins:\n  - offline\n"))
    assert listed["plugins"] == ["offline"]
    named = yaml.safe_load(kiosk_config("plugins:\n  search: {}\n"))
    assert named["plugins"] == {"search": {}, "offline": {"enabled": True}}


@pytest.mark.parametrize("text", ["site_name: [unclosed\n", "just a sentence\n"])
def test_config_that_cannot_be_read_names_the_file(text: str) -> None:
    with pytest.raises(KioskError, match=r"mkdocs\.yml cannot be read for the kiosk"):
        kiosk_config(text)


@pytest.mark.parametrize(
    ("page", "href", "expected"),
    [
        ("scan.html", "../alarm/", "alarm.html"),
        ("en/scan.html", "../alarm/#fever", "alarm.html#fever"),
        ("en/scan.html", "../", "index.html"),
        ("en/scan.html", "../../", "../index.html"),
        ("index.html", "./", "index.html"),
        ("index.html", "en/", "en/index.html"),
        ("index.html", "alarm/", "alarm.html"),
        # Left alone: already a file, another host, an anchor, the disk's root, no such page.
        ("scan.html", "alarm.html", "alarm.html"),
        ("scan.html", "https://example.org/a/", "https://example.org/a/"),
        ("scan.html", "#top", "#top"),
        ("scan.html", "/alarm/", "/alarm/"),
        ("scan.html", "../nothing/", "../nothing/"),
    ],
)
def test_links_to_online_folders_become_links_to_files(page: str, href: str, expected: str) -> None:
    html = f'<p>See <a class="x" href="{href}">this</a>.</p>'
    assert file_links(html, page, PAGES) == f'<p>See <a class="x" href="{expected}">this</a>.</p>'


def test_only_links_change_not_other_addresses() -> None:
    html = '<link href="../alarm/"><img src="../alarm/">'
    assert file_links(html, "scan.html", PAGES) == html


def test_index_script_holds_the_index(tmp_path: Path) -> None:
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    index.write_text('{"config": {"lang": ["nl"]}, "docs": []}')
    script = write_index_script(index).read_text()
    assert json.loads(script.removeprefix("var __index = ")) == json.loads(index.read_text())


def test_unreadable_index_stops_the_kiosk(tmp_path: Path) -> None:
    index = tmp_path / "search_index.json"
    index.write_text("{not json")
    with pytest.raises(KioskError, match="not a readable search index"):
        write_index_script(index)


def test_offline_check_finds_other_hosts_missing_files_and_folder_links(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "site.js").write_text("")
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://cdn.example.org/a.css">'
        '<link rel="canonical" href="https://rugpijn.example.be/">'
        '<script src="site.js"></script><script src="gone.js"></script>'
        '<img src="data:image/png;base64,AA==" srcset="big.png 2x">'
        '<a href="en/">English</a><a href="https://doi.org/10.1/x">DOI</a><a href="#top">Top</a>'
    )
    assert offline_problems(tmp_path) == [
        "index.html: loads https://cdn.example.org/a.css from another host; the kiosk has no "
        "network.",
        "index.html: loads 'gone.js', which is not a file of the kiosk.",
        "index.html: loads 'big.png', which is not a file of the kiosk.",
        "index.html: links to the folder 'en/'; opened from a file, a browser shows a list of "
        "files there, not the page.",
    ]


def test_vendored_shim_is_the_npm_file_named_in_its_note() -> None:
    note = (ASSETS / "VENDORED.txt").read_text()
    noted = re.search(r"sha256 ([0-9a-f]{64})", note)
    assert noted is not None
    assert hashlib.sha256((ASSETS / SHIM).read_bytes()).hexdigest() == noted[1]
    assert "iframe-worker 1.0.4" in note
    assert "Permission is hereby granted" in (ASSETS / "iframe-worker.LICENSE.txt").read_text()


def test_paragraphs_for_clinic_staff_are_left_out() -> None:
    html = (
        '<p>Voor iedereen.</p>\n<p class="staff-only">Werk je in een praktijk? '
        '<a href="../share/">Delen</a></p>\n<p>Ook voor iedereen.</p>'
    )
    assert without_staff_only(html) == "<p>Voor iedereen.</p>\n<p>Ook voor iedereen.</p>"
