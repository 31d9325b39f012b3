"""Unit tests for the platform's pure logic (no MkDocs build)."""

import json
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from patientsite.languages.alternates import Alternate, absolute_url, page_alternates
from patientsite.languages.counterparts import MissingCounterpart, find_missing_counterparts
from patientsite.languages.labels import LABELS
from patientsite.languages.search_index import split_search_index
from patientsite.mkdocs.languages.material import (
    MaterialChanged,
    disable_alternate_sitemaps,
    language_root,
    retarget_search,
)


@pytest.mark.parametrize(
    ("site_url", "page_url", "expected"),
    [
        ("https://a.be/", "./", "https://a.be/"),
        ("https://a.be/", "", "https://a.be/"),
        ("https://a.be", "en/mri/", "https://a.be/en/mri/"),
        ("https://a.be/sub/", "en/", "https://a.be/sub/en/"),
        ("https://a.be/sub/", "assets/images/og.png", "https://a.be/sub/assets/images/og.png"),
    ],
)
def test_absolute_url(site_url: str, page_url: str, expected: str) -> None:
    assert absolute_url(site_url, page_url) == expected


def test_page_alternates_adds_x_default_for_default_language() -> None:
    alternates = page_alternates(
        "https://a.be/", {"en": "en/mri/", "nl": "mri/"}, ["nl", "en"], "nl"
    )
    assert alternates == [
        Alternate("nl", "https://a.be/mri/"),
        Alternate("en", "https://a.be/en/mri/"),
        Alternate("x-default", "https://a.be/mri/"),
    ]


def test_page_alternates_without_default_version_has_no_x_default() -> None:
    assert page_alternates("https://a.be/", {"en": "en/x/"}, ["nl", "en"], "nl") == [
        Alternate("en", "https://a.be/en/x/")
    ]


def test_missing_counterparts_named_both_ways() -> None:
    paths = ["nl/index.md", "en/index.md", "nl/mri.md", "en/about/team.md", "assets/x.css"]
    assert find_missing_counterparts(paths, ["nl", "en"]) == [
        MissingCounterpart("nl/mri.md", "en/mri.md"),
        MissingCounterpart("en/about/team.md", "nl/about/team.md"),
    ]


def test_no_missing_counterparts_when_complete() -> None:
    assert find_missing_counterparts(["nl/a.md", "en/a.md", "nl/img.png"], ["nl", "en"]) == []


def test_split_search_index_per_language() -> None:
    combined = {
        "config": {"lang": ["nl", "en"], "separator": "[\\s]+", "pipeline": ["stemmer"]},
        "docs": [
            {"location": "", "title": "Start", "text": "a"},
            {"location": "mri/#wat", "title": "MRI", "text": "b"},
            {"location": "en/", "title": "Home", "text": "c"},
            {"location": "en/mri/#what", "title": "MRI", "text": "d"},
            {"location": "engels/", "title": "Engels", "text": "e"},
        ],
    }
    indexes = split_search_index(combined, ["nl", "en"], "nl")
    assert indexes["nl"]["config"]["lang"] == ["nl"]
    assert indexes["en"]["config"]["lang"] == ["en"]
    assert indexes["nl"]["config"]["pipeline"] == ["stemmer"]
    assert [d["location"] for d in indexes["nl"]["docs"]] == ["", "mri/#wat", "engels/"]
    assert [d["location"] for d in indexes["en"]["docs"]] == ["", "mri/#what"]
    assert combined["config"]["lang"] == ["nl", "en"], "the input must not be changed"


def test_disable_alternate_sitemaps_narrows_selector_once() -> None:
    bundle = 'a(M("link[rel=alternate]")).pipe(x)'
    assert (
        disable_alternate_sitemaps(bundle) == 'a(M("link[rel=alternate][data-md-sitemap]")).pipe(x)'
    )


def test_disable_alternate_sitemaps_fails_when_material_changed() -> None:
    with pytest.raises(MaterialChanged, match="found it 0 times"):
        disable_alternate_sitemaps("no selector here")


def test_retarget_search_rewrites_only_the_config_island() -> None:
    config = {"base": "../..", "search": "../../assets/javascripts/workers/search.abc.min.js"}
    html = (
        '<p>"base"</p><script id="__config" type="application/json">'
        + json.dumps(config)
        + "</script><p>after</p>"
    )
    out = retarget_search(html, "../../en/", "search-i18n.js")
    island = out.split('application/json">')[1].split("</script>")[0]
    assert json.loads(island) == {
        "base": "../../en/",
        "search": "../../assets/javascripts/workers/search-i18n.js",
    }
    assert out.startswith('<p>"base"</p>') and out.endswith("<p>after</p>")


def test_retarget_search_fails_without_config() -> None:
    with pytest.raises(MaterialChanged):
        retarget_search("<html></html>", ".", "w.js")


@pytest.mark.parametrize(
    ("base_url", "prefix", "expected"),
    [(".", "", "./"), ("..", "", "../"), ("../..", "en", "../../en/"), (".", "en", "./en/")],
)
def test_language_root(base_url: str, prefix: str, expected: str) -> None:
    assert language_root(base_url, prefix) == expected


def test_label_tables_have_the_same_keys() -> None:
    assert LABELS["nl"].keys() == LABELS["en"].keys()


def test_languages_plugin_without_i18n_says_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - patientsite/languages\n")
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    with pytest.raises(PluginError, match=r"needs the 'i18n' plugin in mkdocs\.yml"):
        config.plugins["patientsite/languages"].on_config(config)
