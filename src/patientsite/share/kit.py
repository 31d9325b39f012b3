"""The share kit: per page and language, what a clinic pastes into an appointment e-mail.

``python -m patientsite.share --site site`` writes, for every page of every language (in
navigation order), the absolute address, a QR code (``<page>-qr.svg``, ``<page>-qr.png``) and
an e-mail snippet (``<page>-email.txt``, ``<page>-email.html``) into ``site/share/<lang>/``,
and the share page for clinic staff of each language: ``site/share/index.html`` for the default
language, ``site/en/share/index.html`` for English. The clinic's name and the base address
come from mkdocs.yml; addresses carry no tracking parameters.
"""

import argparse
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

from patientsite import record
from patientsite.pdf.collect import CollectError, slug_of
from patientsite.pdf.qr import qr_png, qr_svg
from patientsite.pdf.settings import FONTS_DIR, Language, Settings, SettingsError, load_settings
from patientsite.publish import make_readable
from patientsite.share.labels import ShareLabels, share_labels
from patientsite.share.page import ASSETS, SHARE_DIR, PageError, share_page

# A byte order mark makes every browser and text editor read a .txt file as UTF-8, also when
# opened from disk, where no web server says which encoding it has (without it, „…" turns
# into mojibake in some).
BOM = "\ufeff"


@dataclass(frozen=True)
class ShareLink:
    """One page of one language, ready to share."""

    lang: str  # language code of the page
    slug: str  # short file name for the kit's files: "index", "scan"
    title: str  # the page's title (its first heading)
    url: str  # the page's absolute address, without tracking parameters
    # The absolute address of the page that lists the warning signs, for the line that some
    # symptoms cannot wait for the appointment; "" when no page lists them, and in the e-mail
    # about that page itself, which would otherwise give its address twice.
    warning_url: str = ""


def read_record(settings: Settings) -> record.BuildRecord:
    try:
        return record.read(settings.site_dir)
    except record.RecordError as error:
        raise CollectError(str(error)) from error


def share_links(
    settings: Settings, language: Language, built: record.BuildRecord | None = None
) -> list[ShareLink]:
    """The pages of a language to send to patients (all but those marked `share: false`), in
    reading order (the home page first), with their absolute addresses, from the build record:
    the share kit needs no page's HTML."""
    try:
        recorded = (built or read_record(settings)).language(language.code)
    except record.RecordError as error:
        raise CollectError(str(error)) from error
    pages = recorded.pages
    warning_page = recorded.warning_signs_page()
    warning_url = settings.page_url(language, warning_page.url) if warning_page else ""
    return [
        ShareLink(
            lang=language.code,
            slug=slug_of(page.url),
            title=page.title,
            url=settings.page_url(language, page.url),
            warning_url="" if page is warning_page else warning_url,
        )
        for page in sorted(pages, key=lambda page: page.url != "")
        if page.share
    ]


def _sentence(settings: Settings, labels: ShareLabels, title: str) -> str:
    name = settings.clinic.name
    clinic = labels.at_clinic.format(name=name) if name else ""
    return labels.line.format(clinic=clinic, title=title)


def email_subject(link: ShareLink) -> str:
    return share_labels(link.lang).subject.format(title=link.title)


def email_text(link: ShareLink, settings: Settings) -> str:
    """The plain-text snippet: one sentence and the address on its own line (mail programs
    make that clickable), then that some symptoms cannot wait, with the address of the
    page that says which."""
    labels = share_labels(link.lang)
    text = f"{_sentence(settings, labels, link.title)}:\n{link.url}\n"
    if link.warning_url:
        text += f"\n{labels.safety}\n{link.warning_url}\n"
    return text


def email_html(link: ShareLink, settings: Settings) -> str:
    """The HTML snippet: the title is the link, and the address is shown for who prints it."""
    url = escape(link.url)
    title = f'<a href="{url}">{escape(link.title)}</a>'
    labels = share_labels(link.lang)
    before, _, after = _sentence(settings, labels, "\0").partition("\0")
    html = f'<p>{escape(before)}{title}{escape(after)}:<br>\n<a href="{url}">{url}</a></p>\n'
    if link.warning_url:
        warning = escape(link.warning_url)
        html += f'<p>{escape(labels.safety)}<br>\n<a href="{warning}">{warning}</a></p>\n'
    return html


def text_file(link: ShareLink, settings: Settings) -> str:
    """The .txt file: the snippet behind a byte order mark, so it opens as UTF-8 anywhere."""
    return BOM + email_text(link, settings)


def html_file(link: ShareLink, settings: Settings) -> str:
    """The .html file: the snippet in a small document that declares UTF-8 and its language."""
    return (
        f'<!DOCTYPE html>\n<html lang="{link.lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(email_subject(link))}</title>\n</head>\n<body>\n"
        f"{email_html(link, settings)}</body>\n</html>\n"
    )


def page_file(site_dir: Path, language: Language) -> Path:
    """Where a language's share page goes: share/index.html, en/share/index.html."""
    return site_dir / language.root / SHARE_DIR / "index.html"


def _write_files(folder: Path, links: list[ShareLink], settings: Settings) -> None:
    for link in links:
        lang_folder = folder / link.lang
        lang_folder.mkdir(exist_ok=True)
        qr_title = share_labels(link.lang).qr_alt.format(url=link.url)
        (lang_folder / f"{link.slug}-qr.svg").write_text(qr_svg(link.url, qr_title), "utf-8")
        (lang_folder / f"{link.slug}-qr.png").write_bytes(qr_png(link.url))
        (lang_folder / f"{link.slug}-email.txt").write_text(text_file(link, settings), "utf-8")
        (lang_folder / f"{link.slug}-email.html").write_text(html_file(link, settings), "utf-8")


def _page_html(
    settings: Settings, language: Language, links: list[ShareLink], built: record.BuildRecord
) -> str:
    return share_page(
        settings,
        language,
        [
            (link, email_subject(link), email_text(link, settings), email_html(link, settings))
            for link in links
        ],
        built.theme,
        built.documents,
    )


def write_kit(settings: Settings) -> list[ShareLink]:
    """Write site/share/ whole (built beside it, then swapped in, so it is never half done),
    then each other language's page."""
    built = read_record(settings)
    by_language = {lang.code: share_links(settings, lang, built) for lang in settings.languages}
    pages = {
        lang.code: _page_html(settings, lang, by_language[lang.code], built)
        for lang in settings.languages
    }
    target = settings.site_dir / SHARE_DIR
    work = Path(tempfile.mkdtemp(dir=settings.site_dir, prefix=".share-"))
    try:
        _write_files(work, [link for links in by_language.values() for link in links], settings)
        for asset in ASSETS:
            shutil.copyfile(asset, work / asset.name)
        # The default language's page lives in share/ itself; the others' in <lang>/share/.
        later = [language for language in settings.languages if language.root]
        for language in settings.languages:
            if not language.root:
                (work / "index.html").write_text(pages[language.code], "utf-8")
        make_readable(work)  # `make share` writes into a published site/ without `make site`
        old = settings.site_dir / f".share-old-{work.name}"
        if target.exists():
            target.replace(old)
        work.replace(target)
        shutil.rmtree(old, ignore_errors=True)
        for language in later:
            _replace(page_file(settings.site_dir, language), pages[language.code])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [link for links in by_language.values() for link in links]


def _replace(path: Path, text: str) -> None:
    """Write a file by renaming a finished copy over it: a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.parent.chmod(0o755)
    part = path.with_name(f".{path.name}.part")
    part.write_text(text, "utf-8")
    part.chmod(0o644)
    os.replace(part, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m patientsite.share",
        description="Write the share pages, links, QR codes and e-mail snippets to SITE/.",
    )
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site folder")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config, args.site, FONTS_DIR)
        links = write_kit(settings)
    except (SettingsError, CollectError, PageError, OSError) as error:
        print(f"Share kit failed: {error}", file=sys.stderr)
        return 1
    for link in links:
        print(f"{link.lang}  {link.url}")
    # The site's own folder name: a build writes into a temporary folder that is then renamed.
    shown = ", ".join(f"site/{lang.root}{SHARE_DIR}/" for lang in settings.languages)
    print(f"Share pages written to {shown} ({len(links)} pages to share).", file=sys.stderr)
    return 0
