"""The real site as `make site` builds it, served by Debian's nginx with deploy/nginx.conf, in
Chromium: no Content-Security-Policy violations, no console errors, every file readable with
the right type and headers, and the site still works (search, language switch, popovers)."""

import gzip
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from patientsite.headers import CACHE_OTHER, SECURITY_HEADERS, cache_control
from tests.authoring.helpers import load_script
from tests.publishing.nginx import NGINX, Server, fetch, nginx
from tests.support import ROOT

pytestmark = pytest.mark.browser

# Every kind of file the site holds, with the Content-Type it must be served with. A new kind
# fails test_every_file_is_served_with_its_type until it is added here (and to the recipe).
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".png": "image/png",
    ".pdf": "application/pdf",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "text/xml; charset=utf-8",
    ".gz": "application/gzip",
    ".webmanifest": "application/manifest+json; charset=utf-8",
}

# Records Content-Security-Policy violations before any of the page's own scripts run (an
# init script is not subject to the page's policy).
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`
    + ` (${e.sourceFile}:${e.lineNumber})`);
});
"""


@pytest.fixture(scope="module")
def published_site() -> Iterator[Path]:
    """The real site built exactly as `make site` does (all steps, permissions included), in a
    folder other users may enter, so nginx's unprivileged workers can reach it."""
    assert NGINX.exists(), "Debian's nginx is needed (apt-get install nginx; .ci/run does it)"
    folder = Path(tempfile.mkdtemp(prefix="patientsite-published-"))
    try:
        folder.chmod(0o755)
        site = folder / "site"
        assert load_script("build_site").build(site, ROOT / "mkdocs.yml") == 0
        # The recipe's type for .webmanifest, which the site does not have (yet).
        (site / "manifest.webmanifest").write_text("{}", encoding="utf-8")
        (site / "manifest.webmanifest").chmod(0o644)
        yield site
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def server(published_site: Path) -> Iterator[Server]:
    with nginx(published_site) as running:
        yield running


@pytest.fixture(scope="module")
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH_VIOLATIONS)
    yield context
    context.close()


def page_paths(site: Path) -> list[str]:
    """Every HTML page a reader can open, in both languages, and the share kit's page."""
    return sorted(
        "" if page.parent == site else page.parent.relative_to(site).as_posix() + "/"
        for page in site.rglob("index.html")
    )


def assert_security_headers(headers: Any, where: str) -> None:
    """Every security header, with its value (names in any case)."""
    sent = {name.lower(): value for name, value in headers.items()}
    for name, value in SECURITY_HEADERS:
        assert sent.get(name.lower()) == value, f"{where}: {name}"


class Watched:
    """A page with its console errors, failed requests and CSP violations recorded."""

    def __init__(self, context: Any) -> None:
        self.page = context.new_page()
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.missing: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("response", lambda r: self.missing.append(r.url) if r.status >= 400 else None)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} ({message.location.get('url')})")

    def violations(self) -> list[str]:
        return list(self.page.evaluate("window.__violations"))

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def watched(context: Any) -> Iterator[Watched]:
    watched = Watched(context)
    yield watched
    watched.close()


def test_every_page_loads_without_violations_or_errors(
    context: Any, server: Server, published_site: Path
) -> None:
    paths = page_paths(published_site)
    assert "en/" in paths and "scan/" in paths and "en/scan/" in paths and "share/" in paths
    for path in paths:
        # A page of its own for each address: nothing reported late is blamed on the next.
        watched = Watched(context)
        response = watched.page.goto(server.url + path)
        watched.page.wait_for_load_state("networkidle")
        assert response is not None and response.status == 200, path
        assert_security_headers(response.all_headers(), path)
        assert response.header_value("cache-control") == CACHE_OTHER, path
        assert watched.violations() == [], path
        assert watched.missing == [], path
        assert watched.errors == [], path
        assert watched.failed == [], path
        watched.close()


@pytest.mark.parametrize(("path", "lang"), [("bestaat/niet/", "nl"), ("en/does/not/exist/", "en")])
def test_missing_page_gets_the_404_page_of_its_language(
    watched: Watched, server: Server, path: str, lang: str
) -> None:
    response = watched.page.goto(server.url + path)
    watched.page.wait_for_load_state("networkidle")
    assert response is not None and response.status == 404
    assert_security_headers(response.all_headers(), path)
    assert watched.page.locator("html").get_attribute("lang") == lang
    assert watched.violations() == []
    # The only error is the browser's note that the address itself answered 404.
    assert watched.errors == [
        "Failed to load resource: the server responded with a status of 404 (Not Found) "
        f"({server.url}{path})"
    ]


@pytest.mark.parametrize(("start", "query"), [("", "hernia"), ("en/", "sciatica")])
def test_search_finds_pages_under_the_policy(
    watched: Watched, server: Server, start: str, query: str
) -> None:
    page = watched.page
    page.goto(server.url + start)
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").press_sequentially(query)
    results = page.locator(".md-search-result__list a.md-search-result__link")
    results.first.wait_for(state="visible")
    paths = results.evaluate_all("els => els.map(e => new URL(e.href).pathname)")
    assert paths
    # Each language searches its own pages.
    assert all(path.startswith("/en/") == (start == "en/") for path in paths), paths
    assert watched.violations() == []
    assert watched.errors == []


def test_language_switch_leads_to_the_other_language(watched: Watched, server: Server) -> None:
    page = watched.page
    page.goto(server.url + "scan/")
    page.locator('.lang-switch a[hreflang="en"]').click()
    page.wait_for_load_state("networkidle")
    assert page.url == server.url + "en/scan/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert watched.violations() == []


@pytest.mark.parametrize(("path", "other"), [("niet/hier/", "en/"), ("en/not/here/", "")])
def test_language_switch_on_a_404_page_leads_to_the_other_home_page(
    watched: Watched, server: Server, path: str, other: str
) -> None:
    page = watched.page
    page.goto(server.url + path)
    lang = "nl" if other == "" else "en"
    page.locator(f'.lang-switch a[hreflang="{lang}"]').click()
    page.wait_for_load_state("networkidle")
    assert page.url == server.url + other
    assert page.locator("html").get_attribute("lang") == lang


def test_citation_popover_opens(watched: Watched, server: Server) -> None:
    page = watched.page
    page.goto(server.url + "en/scan/")
    page.locator("a.citation-link").first.hover()
    popover = page.locator("#citation-popover")
    popover.wait_for(state="visible")
    assert popover.inner_text().strip() != ""
    assert watched.violations() == []


def test_decision_chart_is_drawn_at_its_size(watched: Watched, server: Server) -> None:
    page = watched.page
    page.goto(server.url)
    page.wait_for_load_state("networkidle")
    box = page.locator("figure.decision svg.decision__svg").evaluate(
        """svg => {
          const r = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
          return {width: r.width, height: r.height, ratio: vb.height / vb.width,
                  max: parseFloat(getComputedStyle(svg).maxWidth),
                  room: svg.parentElement.clientWidth};
        }"""
    )
    # site.css (not an inline style) gives its size: as wide as it may be, in proportion.
    assert box["width"] == pytest.approx(min(box["max"], box["room"]), abs=1)
    assert box["height"] == pytest.approx(box["width"] * box["ratio"], abs=1)
    assert watched.violations() == []


def test_admonition_icons_load_from_files(watched: Watched, server: Server) -> None:
    """Material's icons (notes, warnings, details) show under img-src 'self'. No page has a
    note box yet, so the test adds one of each kind Material styles."""
    page = watched.page
    page.goto(server.url + "en/")
    page.wait_for_load_state("networkidle")
    kinds = [
        "note",
        "abstract",
        "info",
        "tip",
        "success",
        "question",
        "warning",
        "failure",
        "danger",
        "bug",
        "example",
        "quote",
    ]
    loaded = page.evaluate(
        """async kinds => {
          const article = document.querySelector("article");
          for (const kind of kinds) {
            const box = document.createElement("div");
            box.className = `admonition ${kind}`;
            box.innerHTML = `<p class="admonition-title">${kind}</p><p>Text</p>`;
            article.prepend(box);
          }
          const details = document.createElement("details");
          details.innerHTML = "<summary>More</summary><p>Text</p>";
          article.prepend(details);
          const masks = [...article.querySelectorAll(".admonition-title, summary")]
            .map(el => getComputedStyle(el, "::before").maskImage);
          await new Promise(resolve => setTimeout(resolve, 500));
          const icons = performance.getEntriesByType("resource")
            .filter(e => e.name.includes("/assets/icons/"))
            .map(e => [new URL(e.name).pathname, e.responseStatus]);
          return {masks, icons};
        }""",
        kinds,
    )
    assert len(loaded["masks"]) == len(kinds) + 1
    assert all(mask.startswith('url("https://') for mask in loaded["masks"]), loaded["masks"]
    statuses = dict(loaded["icons"])
    for kind in kinds:
        assert statuses.get(f"/assets/icons/admonition-icon--{kind}.svg") == 200, kind
    assert statuses.get("/assets/icons/details-icon.svg") == 200
    assert watched.violations() == []
    assert watched.errors == []


def test_every_file_is_served_with_its_type(server: Server, published_site: Path) -> None:
    """Every file, as the build's permissions left it: nginx's workers run as nobody."""
    files = sorted(p for p in published_site.rglob("*") if p.is_file() and p.name != "_headers")
    kinds = {p.suffix for p in files}
    assert {".pdf", ".png", ".svg", ".txt"} <= kinds
    assert {f.suffix for f in files if f.relative_to(published_site).parts[0] == "share"} >= {
        ".png",
        ".svg",
        ".txt",
        ".html",
    }
    assert kinds <= set(CONTENT_TYPES), f"add a type for {kinds - set(CONTENT_TYPES)}"
    for file in files:
        path = file.relative_to(published_site).as_posix()
        response = fetch(server.url + path)
        assert response.status == 200, f"{path}: {response.status}"
        assert response.headers["Content-Type"] == CONTENT_TYPES[file.suffix], path
        assert response.body == file.read_bytes(), path
        assert_security_headers(response.headers, path)
        assert response.headers["Cache-Control"] == cache_control("/" + path), path


def test_fingerprinted_files_are_kept_a_year(server: Server, published_site: Path) -> None:
    bundles = sorted(published_site.glob("assets/javascripts/bundle.*.min.js"))
    assert len(bundles) == 1
    response = fetch(server.url + bundles[0].relative_to(published_site).as_posix())
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_build_leaves_files_readable_by_others(published_site: Path) -> None:
    for path in [published_site, *published_site.rglob("*")]:
        needed = 0o005 if path.is_dir() else 0o004
        assert path.stat().st_mode & needed == needed, f"{path}: others cannot read it"


def test_text_is_compressed(server: Server) -> None:
    response = fetch(server.url + "en/scan/", {"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert b"<html" in gzip.decompress(response.body)
    assert response.headers["Vary"] == "Accept-Encoding"


def test_plain_http_is_sent_to_https(server: Server) -> None:
    response = fetch(server.http_url + "en/scan/")
    assert response.status == 301
    assert response.headers["Location"].startswith("https://")
    assert response.headers["Location"].endswith("/en/scan/")


def test_headers_file_is_not_served(server: Server, published_site: Path) -> None:
    assert (published_site / "_headers").is_file()
    response = fetch(server.url + "_headers")
    assert response.status == 404
    assert b"Pagina niet gevonden" in response.body


def test_workers_run_as_an_unprivileged_user(server: Server) -> None:
    """So the 200s above prove that others may read the files, also when tests run as root."""
    uids = server.worker_uids()
    assert uids, "nginx has worker processes"
    assert all(uid != 0 for uid in uids)
    if os.geteuid() != 0:
        assert uids == [os.geteuid()]


def test_colour_scheme_is_remembered_under_the_policy(browser: Any, server: Server) -> None:
    """Material's storage helpers and scheme restore run from files (no inline scripts)."""
    context = browser.new_context(ignore_https_errors=True, color_scheme="light")
    context.add_init_script(WATCH_VIOLATIONS)
    watched = Watched(context)
    page = watched.page
    page.goto(server.url + "en/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("form[data-md-component=palette] label:visible").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.goto(server.url + "en/scan/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert watched.violations() == []
    assert watched.errors == []
    context.close()
