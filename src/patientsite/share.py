"""The share kit: per page and language, what a clinic pastes into an appointment e-mail.

``python -m patientsite.share --site site`` writes into ``site/share/<lang>/``, for every page
of every language (in navigation order): the absolute address, a QR code (``<page>-qr.svg``,
``<page>-qr.png``) and an e-mail snippet (``<page>-email.txt``, ``<page>-email.html``), plus
``site/share/index.html`` showing it all. The clinic's name and the base address come from
mkdocs.yml; addresses carry no tracking parameters.
"""

import argparse
import shutil
import sys
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

from patientsite.pdf.collect import CollectError, collect
from patientsite.pdf.labels import Labels, labels_for
from patientsite.pdf.poster import SIZES, file_name
from patientsite.pdf.qr import qr_png, qr_svg
from patientsite.pdf.settings import FONTS_DIR, Language, Settings, SettingsError, load_settings
from patientsite.publish import make_readable

SHARE_DIR = "share"


@dataclass(frozen=True)
class ShareLink:
    """One page of one language, ready to share."""

    lang: str  # language code of the page
    slug: str  # short file name for the kit's files: "index", "scan"
    title: str  # the page's title (its first heading)
    url: str  # the page's absolute address, without tracking parameters


def share_links(settings: Settings, language: Language) -> list[ShareLink]:
    """The pages of a language in navigation order, with their absolute addresses."""
    return [
        ShareLink(
            lang=language.code,
            slug=page.slug,
            title=page.title,
            url=settings.page_url(language, page.path),
        )
        for page in collect(settings, language)
    ]


def _sentence(link: ShareLink, settings: Settings, labels: Labels, title: str) -> str:
    name = settings.clinic.name
    clinic = labels.share_at_clinic.format(name=name) if name else ""
    return labels.share_line.format(clinic=clinic, title=title)


def email_text(link: ShareLink, settings: Settings, labels: Labels) -> str:
    """The plain-text snippet: one sentence and the address on its own line (mail programs
    make that clickable)."""
    return f"{_sentence(link, settings, labels, link.title)}:\n{link.url}\n"


def email_html(link: ShareLink, settings: Settings, labels: Labels) -> str:
    """The HTML snippet: the title is the link, and the address is shown for who prints it."""
    url = escape(link.url)
    title = f'<a href="{url}">{escape(link.title)}</a>'
    sentence = _sentence(link, settings, labels, "\0")
    before, _, after = sentence.partition("\0")
    return f'<p>{escape(before)}{title}{escape(after)}:<br>\n<a href="{url}">{url}</a></p>\n'


# The overview page's look: light or dark as the device prefers; the QR codes keep a white
# background so a phone can scan them from the screen in both; links big enough for a finger.
STYLE = """:root { color-scheme: light dark; background: #fff; color: #1a1a1a; }
a { color: #1a47b8; }
@media (prefers-color-scheme: dark) {
  :root { background: #17191f; color: #eceff4; }
  a { color: #9db4ff; }
}
body { max-width: 46rem; margin: 0 auto; padding: 1rem; font: 18px/1.6 system-ui, sans-serif; }
a { display: inline-block; min-height: 24px; padding: 2px 0; overflow-wrap: anywhere; }
img { padding: 8px; background: #fff; }
pre { white-space: pre-wrap; }
"""


def _overview(links: list[ShareLink], settings: Settings) -> str:
    """index.html: every page's QR code, address and snippets, to copy from a browser."""
    sections = []
    for link in links:
        labels = labels_for(link.lang)
        subject = labels.share_subject.format(title=link.title)
        sections.append(
            f'<section lang="{link.lang}">\n<h2>{escape(link.title)}</h2>\n'
            f'<p><a href="{escape(link.url)}">{escape(link.url)}</a></p>\n'
            f'<img src="{link.lang}/{link.slug}-qr.svg" width="160" height="160" '
            f'alt="{escape(labels.qr_alt.format(url=link.url))}">\n'
            f"<p><strong>{escape(subject)}</strong></p>\n"
            f"<h3>{escape(labels.share_plain)}</h3>\n"
            f"<pre>{escape(email_text(link, settings, labels))}</pre>\n"
            f"<h3>{escape(labels.share_html)}</h3>\n{email_html(link, settings, labels)}</section>"
        )
    for language in settings.languages:
        labels = labels_for(language.code)
        posters = " · ".join(
            f'<a href="../{language.root}{file_name(size)}">{escape(labels.poster)} '
            f"({size.name.upper()})</a>"
            for size in SIZES
        )
        sections.append(
            f'<section lang="{language.code}">\n<h2>{escape(labels.poster_heading)}</h2>\n'
            f"<p>{posters}</p>\n</section>"
        )
    first = labels_for(settings.languages[0].code)
    return (
        f'<!DOCTYPE html>\n<html lang="{settings.languages[0].code}">\n<head>\n'
        f'<meta charset="utf-8">\n<meta name="robots" content="noindex">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="stylesheet" href="share.css">\n'
        f"<title>{escape(first.share_index_title)}</title>\n</head>\n<body>\n"
        f"<h1>{escape(first.share_index_title)}</h1>\n"
        + "\n".join(sections)
        + "\n</body>\n</html>\n"
    )


def write_kit(settings: Settings) -> list[ShareLink]:
    """Write site/share/ whole: built beside it, then swapped in, so it is never half done."""
    links = [link for lang in settings.languages for link in share_links(settings, lang)]
    target = settings.site_dir / SHARE_DIR
    work = Path(tempfile.mkdtemp(dir=settings.site_dir, prefix=".share-"))
    try:
        for link in links:
            labels = labels_for(link.lang)
            folder = work / link.lang
            folder.mkdir(exist_ok=True)
            qr_title = labels.qr_alt.format(url=link.url)
            (folder / f"{link.slug}-qr.svg").write_text(qr_svg(link.url, qr_title), "utf-8")
            (folder / f"{link.slug}-qr.png").write_bytes(qr_png(link.url))
            text, html = email_text(link, settings, labels), email_html(link, settings, labels)
            (folder / f"{link.slug}-email.txt").write_text(text, "utf-8")
            (folder / f"{link.slug}-email.html").write_text(html, "utf-8")
        (work / "index.html").write_text(_overview(links, settings), "utf-8")
        (work / "share.css").write_text(STYLE, "utf-8")
        make_readable(work)  # `make share` writes into a published site/ without `make site`
        old = settings.site_dir / f".share-old-{work.name}"
        if target.exists():
            target.replace(old)
        work.replace(target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return links


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m patientsite.share",
        description="Write links, QR codes and e-mail snippets for every page to SITE/share/.",
    )
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site folder")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config, args.site, FONTS_DIR)
        links = write_kit(settings)
    except (SettingsError, CollectError, OSError) as error:
        print(f"Share kit failed: {error}", file=sys.stderr)
        return 1
    for link in links:
        print(f"{link.lang}  {link.url}")
    # The site's own folder name: a build writes into a temporary folder that is then renamed.
    print(f"Share kit written to site/{SHARE_DIR}/ ({len(links)} pages).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
