"""The published site's headers: site/_headers, deploy/nginx.conf and Material's icons as files."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from patientsite.headers import (
    CACHE_FINGERPRINTED,
    CACHE_OTHER,
    CONTENT_SECURITY_POLICY,
    FINGERPRINTED,
    SECURITY_HEADERS,
    cache_control,
    fingerprinted_paths,
    headers_file,
)
from patientsite.icons import IconError, extract_icons, write_icon_files
from patientsite.languages.alternates import home_pages
from tests.authoring.helpers import load_script
from tests.support import ROOT

RECIPE = ROOT / "deploy" / "nginx.conf"


def parse_headers_file(text: str) -> dict[str, list[tuple[str, str]]]:
    """``_headers`` as Netlify and Cloudflare Pages read it: address -> (name, value) pairs."""
    rules: dict[str, list[tuple[str, str]]] = {}
    current = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = line.strip()
            assert current.startswith("/"), f"a rule's address starts with /: {line!r}"
            assert current not in rules, f"{current} has two rules"
            rules[current] = []
            continue
        assert current is not None, f"a header before any address: {line!r}"
        name, sep, value = line.strip().partition(": ")
        assert sep and name and value, f"not 'Name: value': {line!r}"
        rules[current].append((name, value))
    return rules


def csp_directives(policy: str) -> dict[str, list[str]]:
    return {
        name: sources
        for name, *sources in (part.split() for part in policy.split(";") if part.strip())
    }


def test_the_policy_allows_nothing_inline_and_nothing_from_elsewhere() -> None:
    directives = csp_directives(CONTENT_SECURITY_POLICY)
    for name in ("default-src", "script-src", "style-src", "img-src", "worker-src"):
        assert directives[name] == ["'self'"], name
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "unsafe" not in CONTENT_SECURITY_POLICY
    assert "data:" not in CONTENT_SECURITY_POLICY
    assert "http" not in CONTENT_SECURITY_POLICY


def test_headers_file_sends_the_security_headers_everywhere() -> None:
    text = headers_file(["/assets/javascripts/bundle.a5f9d56c.min.js"])
    rules = parse_headers_file(text)
    assert rules["/*"] == list(SECURITY_HEADERS)
    names = [name for name, _ in rules["/*"]]
    for name in (
        "Content-Security-Policy",
        "Strict-Transport-Security",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
    ):
        assert name in names
    assert dict(rules["/*"])["X-Content-Type-Options"] == "nosniff"
    # Cloudflare Pages would join a Cache-Control for /* with the fingerprinted files' one.
    assert "Cache-Control" not in names


def test_headers_file_caches_each_fingerprinted_file_for_a_year() -> None:
    paths = [
        "/assets/javascripts/bundle.a5f9d56c.min.js",
        "/assets/stylesheets/main.57a0d79d.min.css",
    ]
    rules = parse_headers_file(headers_file(paths))
    assert list(rules) == ["/*", *paths]
    for path in paths:
        assert rules[path] == [("Cache-Control", "public, max-age=31536000, immutable")]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/assets/javascripts/bundle.a5f9d56c.min.js", CACHE_FINGERPRINTED),
        ("/assets/javascripts/workers/search.a7633da7.min.js", CACHE_FINGERPRINTED),
        ("/assets/stylesheets/main.57a0d79d.min.css", CACHE_FINGERPRINTED),
        ("/assets/stylesheets/main.57a0d79d.min.css.map", CACHE_OTHER),
        ("/assets/javascripts/workers/search-i18n.js", CACHE_OTHER),
        ("/assets/javascripts/lunr/min/lunr.nl.min.js", CACHE_OTHER),
        ("/assets/site.css", CACHE_OTHER),
        ("/", CACHE_OTHER),
        ("/en/scan/", CACHE_OTHER),
        ("/pdf/article.pdf", CACHE_OTHER),
    ],
)
def test_cache_control_by_address(path: str, expected: str) -> None:
    assert cache_control(path) == expected
    assert CACHE_OTHER == "public, max-age=0, must-revalidate"


def test_fingerprinted_paths_lists_only_hashed_files(tmp_path: Path) -> None:
    for name in [
        "assets/javascripts/bundle.a5f9d56c.min.js",
        "assets/javascripts/lunr/min/lunr.nl.min.js",
        "assets/site.js",
        "index.html",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert fingerprinted_paths(tmp_path) == ["/assets/javascripts/bundle.a5f9d56c.min.js"]


# -- deploy/nginx.conf sends the same headers ------------------------------------------------


def nginx_add_headers(text: str) -> list[tuple[str, str]]:
    return [
        (name, value)
        for name, value in re.findall(r'^\s*add_header\s+(\S+)\s+"?(.*?)"?\s+always;', text, re.M)
    ]


def test_nginx_recipe_sends_the_same_security_headers() -> None:
    text = RECIPE.read_text(encoding="utf-8")
    sent = nginx_add_headers(text)
    assert sent == [*SECURITY_HEADERS, ("Cache-Control", "$patientsite_cache_control")]
    # add_header inside a location would drop the server's headers there.
    assert len(re.findall(r"^\s*add_header\b", text, re.M)) == len(sent)


def test_nginx_recipe_caches_as_the_headers_file_does() -> None:
    text = RECIPE.read_text(encoding="utf-8")
    block = re.search(r"^map \$uri \$patientsite_cache_control \{$(.*?)^\}$", text, re.S | re.M)
    assert block is not None
    entries = re.findall(r'^\s*("?)(\S+)\1\s+"(.*)";', block.group(1), re.M)
    assert [(pattern, value) for _, pattern, value in entries] == [
        (f"~{FINGERPRINTED.pattern}", CACHE_FINGERPRINTED),
        ("default", CACHE_OTHER),
    ]


def test_nginx_recipe_knows_the_file_types_nginx_lacks() -> None:
    text = RECIPE.read_text(encoding="utf-8")
    assert "application/manifest+json webmanifest;" in text
    charset_types = re.search(r"charset_types([^;]*);", text)
    assert charset_types is not None
    for kind in ("text/plain", "text/css", "application/javascript", "application/json"):
        assert kind in charset_types.group(1).split()


# -- Material's icons as files ---------------------------------------------------------------

NOTE = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'><path d='M1 2%23'/></svg>"
CSS = (
    ':root{--md-admonition-icon--note:url("data:image/svg+xml;charset=utf-8,' + NOTE + '");'
    '--md-details-icon:url("data:image/svg+xml;charset=utf-8,<svg/>")}.a{color:red}'
)


def test_extract_icons_points_the_stylesheet_at_files() -> None:
    css, icons = extract_icons(CSS)
    assert css == (
        ':root{--md-admonition-icon--note:url("../icons/admonition-icon--note.svg");'
        '--md-details-icon:url("../icons/details-icon.svg")}.a{color:red}'
    )
    assert icons["admonition-icon--note"] == NOTE.replace("%23", "#")
    assert icons["details-icon"] == "<svg/>"


def test_extract_icons_refuses_to_leave_a_data_address() -> None:
    with pytest.raises(IconError, match="still holds a data: address"):
        extract_icons(CSS + ".b{background:url(data:image/png;base64,AAAA)}")


def test_extract_icons_refuses_a_stylesheet_without_icons() -> None:
    with pytest.raises(IconError, match="no inline icons"):
        extract_icons(".a{color:red}")


def test_write_icon_files_twice_changes_nothing(tmp_path: Path) -> None:
    sheet = tmp_path / "assets" / "stylesheets" / "main.57a0d79d.min.css"
    sheet.parent.mkdir(parents=True)
    sheet.write_text(CSS, encoding="utf-8")
    first = write_icon_files(tmp_path)
    snapshot = {path: path.read_bytes() for path in [sheet, *first]}
    second = write_icon_files(tmp_path)
    assert first == second
    assert {path: path.read_bytes() for path in [sheet, *second]} == snapshot
    assert "data:" not in sheet.read_text(encoding="utf-8")


def test_the_step_fails_with_a_message_on_a_folder_without_a_site(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "patientsite.headers", "--site", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "holds no built site" in result.stderr


def test_make_site_runs_the_headers_step_before_the_link_check() -> None:
    build_site = load_script("build_site")
    commands = [" ".join(step) for step in build_site.steps(Path("out"), Path("mkdocs.yml"))]
    headers = next(i for i, c in enumerate(commands) if "patientsite.headers" in c)
    links = next(i for i, c in enumerate(commands) if "check_links.py" in c)
    assert headers < links


# -- the 404 pages: no counterpart in the other language -------------------------------------


def test_home_pages_per_language() -> None:
    assert home_pages(["nl", "en"], "nl") == {"nl": "", "en": "en/"}


@pytest.mark.parametrize("page", ["404.html", "en/404.html"])
def test_not_found_pages_switch_to_the_home_pages(built_site: Path, page: str) -> None:
    html = (built_site / page).read_text(encoding="utf-8")
    switch = re.findall(r'<a href="([^"]*)" hreflang="(\w+)"[^>]*class="lang-switch__link"', html)
    assert switch == [("/", "nl"), ("/en/", "en")]
    # A 404 has no counterpart: no hreflang alternates (they pointed at the tips page).
    assert '<link rel="alternate"' not in html
