"""Build tests: fixture sites and the real site through ``mkdocs build --strict``."""

import json
import re
from pathlib import Path

import pytest

from tests.support import FIXTURES, build_site

SEARCH_SITE = FIXTURES / "platform" / "search" / "mkdocs.yml"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("search-site")
    result = build_site(SEARCH_SITE, site)
    assert result.returncode == 0, result.stderr
    return site


def test_real_site_builds_strictly(built_site: Path) -> None:
    assert (built_site / "index.html").exists()
    assert (built_site / "en" / "index.html").exists()


def test_page_missing_its_translation_fails_the_build(tmp_path: Path) -> None:
    result = build_site(FIXTURES / "platform" / "missing-translation" / "mkdocs.yml", tmp_path)
    assert result.returncode != 0
    assert "docs/nl/extra.md has no translation: create docs/en/extra.md" in result.stderr


def test_html_lang_per_language(fixture_site: Path) -> None:
    assert '<html lang="nl"' in (fixture_site / "kanaal" / "index.html").read_text()
    assert '<html lang="en"' in (fixture_site / "en" / "kanaal" / "index.html").read_text()


def test_404_page_in_each_language(fixture_site: Path) -> None:
    dutch = (fixture_site / "404.html").read_text()
    english = (fixture_site / "en" / "404.html").read_text()
    assert '<html lang="nl"' in dutch and "Pagina niet gevonden" in dutch
    assert '<html lang="en"' in english and "Page not found" in english
    # The 404 page is served at any depth: its search must use absolute paths.
    assert '"base":"/zoek/en/"' in english
    assert '"base":"/zoek/"' in dutch


def test_head_alternates_are_absolute_with_x_default(fixture_site: Path) -> None:
    html = (fixture_site / "en" / "kanaal" / "index.html").read_text()
    links = re.findall(r'<link rel="alternate"[^>]*>', html)
    assert '<link rel="alternate" href="https://example.org/zoek/kanaal/" hreflang="nl">' in links
    assert (
        '<link rel="alternate" href="https://example.org/zoek/en/kanaal/" hreflang="en">' in links
    )
    assert (
        '<link rel="alternate" hreflang="x-default" href="https://example.org/zoek/kanaal/">'
        in links
    )
    assert '<link rel="canonical" href="https://example.org/zoek/en/kanaal/">' in html


def test_language_switcher_links_to_same_page(fixture_site: Path) -> None:
    html = (fixture_site / "en" / "kanaal" / "index.html").read_text()
    assert 'href="../../kanaal/" hreflang="nl"' in html


def test_open_graph_in_page_language(fixture_site: Path) -> None:
    html = (fixture_site / "en" / "zenuw" / "index.html").read_text()
    assert '<meta property="og:locale" content="en_GB">' in html
    assert '<meta property="og:url" content="https://example.org/zoek/en/zenuw/">' in html
    assert '<meta property="og:title" content="Pressure">' in html
    assert (
        '<meta property="og:image" content="https://example.org/zoek/assets/images/og-image.png">'
        in html
    )
    assert (fixture_site / "assets" / "images" / "og-image.png").exists()


def test_sitemap_has_all_alternates_and_x_default(fixture_site: Path) -> None:
    sitemap = (fixture_site / "sitemap.xml").read_text()
    entry = sitemap.split("<loc>https://example.org/zoek/en/kanaal/</loc>")[1].split("</url>")[0]
    assert 'hreflang="nl" href="https://example.org/zoek/kanaal/"' in entry
    assert 'hreflang="en" href="https://example.org/zoek/en/kanaal/"' in entry
    assert 'hreflang="x-default" href="https://example.org/zoek/kanaal/"' in entry
    assert sitemap.count("<url>") == 6


def test_one_search_index_per_language(fixture_site: Path) -> None:
    dutch = json.loads((fixture_site / "search" / "search_index.json").read_text())
    english = json.loads((fixture_site / "en" / "search" / "search_index.json").read_text())
    assert dutch["config"]["lang"] == ["nl"]
    assert english["config"]["lang"] == ["en"]
    assert dutch["config"]["pipeline"] == ["stemmer", "stopWordFilter", "trimmer"]
    assert all(not doc["location"].startswith("en/") for doc in dutch["docs"])
    assert any("wervelkanaal" in doc["text"] for doc in dutch["docs"])
    assert not any("wervelkanaal" in doc["text"] for doc in english["docs"])
    assert any(doc["location"] == "kanaal/" for doc in english["docs"])


def test_search_worker_and_bundle_patch(fixture_site: Path) -> None:
    workers = fixture_site / "assets" / "javascripts" / "workers"
    wrapper = (workers / "search-i18n.js").read_text()
    material_worker = next(workers.glob("search.*.min.js"))
    assert f'importScripts(new URL("{material_worker.name}", here).href)' in wrapper
    bundle = next((fixture_site / "assets" / "javascripts").glob("bundle.*.min.js")).read_text()
    assert '"link[rel=alternate][data-md-sitemap]"' in bundle
    html = (fixture_site / "en" / "zenuw" / "index.html").read_text()
    assert '"search":"../../assets/javascripts/workers/search-i18n.js"' in html
    assert '"base":"../../en/"' in html


def test_nothing_loaded_from_other_hosts(fixture_site: Path) -> None:
    # Only what a browser loads by itself counts here (links a reader may click do not).
    loaded = re.compile(
        r'<(?:script|img|iframe)[^>]*\ssrc="(https?:)?//'
        r'|<link[^>]*rel="(?:stylesheet|preconnect|dns-prefetch|icon|preload|modulepreload)"'
        r'[^>]*href="(https?:)?//'
    )
    for page in fixture_site.rglob("*.html"):
        assert not loaded.search(page.read_text()), page
