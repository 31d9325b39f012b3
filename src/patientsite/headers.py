"""The HTTP headers the published site is served with: one list for every host.

``python -m patientsite.headers --site site`` (a step of `make site`) writes ``site/_headers``,
the file Netlify and Cloudflare Pages read, and turns the icons Material puts into its CSS as
``data:`` addresses into files (see ``patientsite.icons``), so the strict Content-Security-
Policy below needs no ``data:``. ``deploy/nginx.conf`` sends the same headers; a test checks
that it matches this module.
"""

import argparse
import re
import sys
from pathlib import Path

from patientsite.icons import IconError, write_icon_files

HEADERS_FILE = "_headers"

# Everything from the site itself, nothing inline: no inline scripts or styles (ours and
# Material's are files), no data: images (the icons are files), no plugins, no framing.
# The search runs in a web worker from the site (worker-src), which fetches the index
# (connect-src).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# Sent with every response, pages and files alike, in this order.
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    # Browsers come back only over HTTPS for a year. Not for subdomains: a clinic's other
    # subdomains may not have HTTPS yet.
    ("Strict-Transport-Security", "max-age=31536000"),
    ("X-Content-Type-Options", "nosniff"),
    # Which page a patient reads is health information: links to sources send no address.
    ("Referrer-Policy", "no-referrer"),
    # The site needs none of these; an injected or framed script cannot ask for them either.
    (
        "Permissions-Policy",
        "accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), "
        "magnetometer=(), microphone=(), payment=(), usb=()",
    ),
    # frame-ancestors 'none' for browsers older than CSP level 2.
    ("X-Frame-Options", "DENY"),
)

# Material's assets carry a hash of their content in their name (bundle.a5f9d56c.min.js): a
# new version gets a new name, so browsers may keep them for a year without asking again.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
CACHE_FINGERPRINTED = "public, max-age=31536000, immutable"
# Everything else (pages, site.css, PDFs, the search index) keeps its name when it changes:
# browsers ask each time and get a short "not modified" when nothing changed, so an updated
# warning sign is seen at once. Netlify and Cloudflare Pages send this by default.
CACHE_OTHER = "public, max-age=0, must-revalidate"


def cache_control(url_path: str) -> str:
    """The Cache-Control value for a file of the site, by its address (``/assets/...``)."""
    return CACHE_FINGERPRINTED if FINGERPRINTED.search(url_path) else CACHE_OTHER


def fingerprinted_paths(site: Path) -> list[str]:
    """The addresses (``/assets/...``) of the site's fingerprinted files, sorted."""
    return sorted(
        "/" + path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and FINGERPRINTED.search(path.name)
    )


def headers_file(fingerprinted: list[str]) -> str:
    """The text of ``_headers`` (Netlify and Cloudflare Pages): the security headers for every
    address, a year's cache for each fingerprinted file.

    Cache-Control is set only per fingerprinted file, never for ``/*``: Cloudflare Pages
    joins the values of every rule that matches (two Cache-Control values in one header), and
    both hosts already send CACHE_OTHER for the rest.
    """
    lines = [
        "# Written by `make site`: change src/patientsite/headers.py, not this file.",
        "/*",
        *(f"  {name}: {value}" for name, value in SECURITY_HEADERS),
    ]
    for path in fingerprinted:
        lines += [path, f"  Cache-Control: {CACHE_FINGERPRINTED}"]
    return "\n".join(lines) + "\n"


def write_headers(site: Path) -> Path:
    """Write ``site/_headers``; returns its path."""
    target = site / HEADERS_FILE
    target.write_text(headers_file(fingerprinted_paths(site)), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m patientsite.headers",
        description="Write site/_headers and Material's icons as files (after mkdocs build).",
    )
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site folder")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"Headers step: {args.site}/ holds no built site (no index.html).", file=sys.stderr)
        return 2
    try:
        icons = write_icon_files(args.site)
    except IconError as error:
        print(f"Headers step failed: {error}", file=sys.stderr)
        return 1
    write_headers(args.site)
    print(f"Wrote {HEADERS_FILE} (for Netlify and Cloudflare Pages) and {len(icons)} icon files.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
