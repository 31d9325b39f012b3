"""The share kit's logic: e-mail texts, snippet files and the share page's HTML."""

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from patientsite import record
from patientsite.mkdocs.theme import MATERIAL
from patientsite.pdf.collect import CollectError
from patientsite.pdf.settings import Clinic, Language, Settings
from patientsite.share.kit import (
    ShareLink,
    email_html,
    email_subject,
    email_text,
    html_file,
    page_file,
    share_links,
    text_file,
)
from patientsite.share.page import PageError, share_page

NL = Language("nl", "Lage rugpijn en scans", "", "")
EN = Language("en", "Low back pain and scans", "", "en/")
BODY = '<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="teal" x="y">'


def settings(site_dir: Path, name: str = "") -> Settings:
    return Settings(
        site_url="https://x.example/",
        languages=(NL, EN),
        clinic=Clinic(name=name),
        logo=None,
        site_dir=site_dir,
        fonts_dir=Path("."),
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """What the share page takes from a built site: the homes, with the stylesheets they link."""
    (tmp_path / "en").mkdir()
    for home, up in ((tmp_path / "index.html", ""), (tmp_path / "en" / "index.html", "../")):
        head = (
            f'<head><link rel="icon" href="{up}assets/images/favicon.png">'
            f'<link rel="stylesheet" href="{up}assets/stylesheets/main.1234abcd.min.css">'
            f'<link rel="stylesheet" href="{up}assets/site.css">'
            '<link rel="stylesheet" href="https://elsewhere.example/skipped.css"></head>'
        )
        home.write_text(f"<html>{head}{BODY}</body></html>", "utf-8")
    return tmp_path


LINK = ShareLink(
    lang="nl",
    slug="scan",
    title="Waarom „geen” scan?",
    url="https://x.example/scan/",
    warning_url="https://x.example/alarm/",
)


def test_dutch_email_says_je_like_the_site(tmp_path: Path) -> None:
    text = email_text(LINK, settings(tmp_path, "De Rug"))
    assert text == (
        "Voor je afspraak bij De Rug: lees hier vooraf „Waarom „geen” scan?”:\n"
        "https://x.example/scan/\n\n"
        "Sommige klachten kunnen niet wachten tot je afspraak. Lees hier welke, en of je dan 112 "
        "of je huisarts belt:\nhttps://x.example/alarm/\n"
    )
    assert email_subject(LINK) == "Waarom „geen” scan? \u2013 voor je afspraak"
    assert not re.search(r"\buw\b", text + email_html(LINK, settings(tmp_path)))


@pytest.mark.parametrize(
    ("lang", "subject"),
    [
        ("nl", "Alarmsignalen: wanneer hulp zoeken \u2013 voor je afspraak"),
        ("en", "Warning signs: when to get help \u2013 before your appointment"),
    ],
)
def test_a_title_with_a_colon_gives_a_subject_with_one(lang: str, subject: str) -> None:
    # "Voor je afspraak: Alarmsignalen: wanneer hulp zoeken" read as two headings.
    title = subject.rsplit(" \u2013 ", 1)[0]
    link = ShareLink(lang, "alarm", title, "https://x.example/alarm/")
    assert email_subject(link) == subject


def test_text_file_starts_with_a_byte_order_mark(tmp_path: Path) -> None:
    data = text_file(LINK, settings(tmp_path)).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == email_text(LINK, settings(tmp_path))


def test_html_file_declares_utf8_and_its_language(tmp_path: Path) -> None:
    html = html_file(LINK, settings(tmp_path))
    assert html.startswith('<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">')
    assert email_html(LINK, settings(tmp_path)) in html
    assert "<title>Waarom „geen” scan? \u2013 voor je afspraak</title>" in html


def test_pages_go_under_each_language_root(tmp_path: Path) -> None:
    assert page_file(tmp_path, NL) == tmp_path / "share" / "index.html"
    assert page_file(tmp_path, EN) == tmp_path / "en" / "share" / "index.html"


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of the whole page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def parse(html: str) -> Elements:
    elements = Elements()
    elements.feed(html)
    return elements


def entry(link: ShareLink, site: Path) -> tuple[ShareLink, str, str, str]:
    s = settings(site)
    return (link, email_subject(link), email_text(link, s), email_html(link, s))


@pytest.mark.parametrize(("language", "root"), [(NL, "../"), (EN, "../../")])
def test_share_page_uses_the_sites_styles_and_files_from_its_depth(
    site: Path, language: Language, root: str
) -> None:
    link = ShareLink(language.code, "scan", "Scan", f"https://x.example/{language.root}scan/")
    page = parse(share_page(settings(site), language, [entry(link, site)], MATERIAL))
    assert page.all("html")[0]["lang"] == language.code
    styles = [attrs["href"] for attrs in page.all("link") if attrs.get("rel") == "stylesheet"]
    icons = [attrs["href"] for attrs in page.all("link") if attrs.get("rel") == "icon"]
    assert icons == [f"{root}assets/images/favicon.png"]
    assert styles == [
        f"{root}assets/stylesheets/main.1234abcd.min.css",
        f"{root}assets/site.css",
        f"{root}share/share.css",
    ]
    # The header's colours come from the built home page.
    body = page.all("body")[0]
    assert body["data-md-color-primary"] == "teal"
    assert body["data-md-color-scheme"] == "default"
    images = [attrs["src"] for attrs in page.all("img")]
    assert images == [f"{root}share/{language.code}/scan-qr.svg"]
    hrefs = [attrs["href"] for attrs in page.all("a")]
    for pdf in ("handout", "poster-a3", "poster-a4", "article"):
        assert f"{root}{language.root}pdf/{pdf}.pdf" in hrefs
    assert f"{root}share/{language.code}/scan-qr.png" in hrefs


def test_share_page_wears_the_frame_the_build_record_gives(site: Path) -> None:
    plain = record.ThemeRecord(
        article="main",
        chrome="",
        button="btn",
        primary_button="btn btn-main",
        frame='<a href="#c">$skip</a><header>$title<nav aria-label="$switch_label"><ul>'
        '$switch_items</ul></nav></header><main id="c" class="$name">$content</main>',
    )
    html = share_page(settings(site), NL, [entry(LINK, site)], plain)
    assert "md-" not in html.replace("data-md-color", "")
    page = parse(html)
    assert page.all("main")[0]["class"] == "share"
    # The e-mail text (the main button) first, then the subject, then the HTML code.
    assert [(a.get("data-copy"), a.get("class")) for a in page.all("button")] == [
        ("scan-text", "btn btn-main share-copy"),
        ("scan-subject", "btn share-copy"),
        ("scan-html", "btn share-copy"),
    ]
    assert [a["hreflang"] for a in page.all("a") if "hreflang" in a] == ["nl", "en"]


def test_each_pdf_link_says_how_many_pages_it_has(site: Path) -> None:
    documents = {"en/pdf/article.pdf": 49, "en/pdf/poster-a4.pdf": 1}
    html = share_page(settings(site), EN, [], MATERIAL, documents)
    assert 'article.pdf">Full text (PDF)</a>, 49 pages</li>' in html
    assert 'poster-a4.pdf">Poster A4 (PDF)</a>, 1 page</li>' in html
    # Before the PDF step has run, the links stand alone.
    assert 'handout.pdf">Handout (PDF, both sides)</a></li>' in html


def test_language_switch_leads_to_the_other_share_page(site: Path) -> None:
    page = parse(share_page(settings(site), EN, [], MATERIAL))
    switch = [attrs for attrs in page.all("a") if "lang-switch__link" in (attrs.get("class") or "")]
    assert [(a["href"], a["hreflang"], a.get("aria-current")) for a in switch] == [
        ("../../share/", "nl", None),
        ("../../en/share/", "en", "page"),
    ]


def test_no_inline_script_or_style_and_every_box_labelled(site: Path) -> None:
    html = share_page(settings(site), NL, [entry(LINK, site)], MATERIAL)
    page = parse(html)
    scripts = page.all("script")
    assert scripts == [{"src": "../share/share.js", "defer": None}]
    assert "<style" not in html
    assert not [
        attrs
        for _, attrs in page.tags
        if "style" in attrs or any(name.startswith("on") for name in attrs)
    ]
    boxes = [attrs["id"] for attrs in page.all("textarea")]
    assert boxes == ["scan-text", "scan-subject", "scan-html"]
    assert sorted(attrs["for"] for attrs in page.all("label")) == sorted(boxes)
    buttons = page.all("button")
    assert [b["data-copy"] for b in buttons] == boxes
    # Without JavaScript there is nothing to click: the buttons wait for share.js.
    assert all("hidden" in b for b in buttons)


def test_page_text_is_escaped_and_in_one_language(site: Path) -> None:
    html = share_page(settings(site), NL, [entry(LINK, site)], MATERIAL)
    assert "Waarom „geen” scan? \u2013 voor je afspraak</textarea>" in html
    assert "&lt;a href=&quot;https://x.example/scan/&quot;&gt;" in html
    text = " ".join(parse(html).text)
    for english in ("Copy", "appointment", "Download the", "Web address"):
        assert english not in text


def test_a_site_without_a_built_home_page_or_stylesheet_is_named(tmp_path: Path) -> None:
    with pytest.raises(PageError, match="needs the built home page"):
        share_page(settings(tmp_path), NL, [], MATERIAL)
    (tmp_path / "index.html").write_text(f"<html><head></head>{BODY}</body></html>", "utf-8")
    with pytest.raises(PageError, match="no stylesheet on the built home page of 'nl'"):
        share_page(settings(tmp_path), NL, [], MATERIAL)


def test_the_pages_to_share_come_from_the_build_record(tmp_path: Path) -> None:
    with pytest.raises(CollectError, match=r"build-record\.json is missing"):
        share_links(settings(tmp_path), NL)
    pages = (
        record.PageRecord("scan/", "docs/nl/scan.md", "Waarom geen scan?", "", None, None),
        record.PageRecord("", "docs/nl/index.md", "Rugpijn", "", None, None),
        record.PageRecord("sources/", "docs/nl/sources.md", "Bronnen", "", None, None, share=False),
    )
    languages = [record.LanguageRecord("nl", "", pages)]
    record.write_section(tmp_path, "pages", record.pages_section(languages))
    record.write_section(tmp_path, "theme", record.theme_section(MATERIAL))
    assert share_links(settings(tmp_path), NL) == [
        ShareLink("nl", "index", "Rugpijn", "https://x.example/"),
        ShareLink("nl", "scan", "Waarom geen scan?", "https://x.example/scan/"),
    ]


def test_the_html_code_is_not_for_an_email(site: Path) -> None:
    page = parse(share_page(settings(site), NL, [entry(LINK, site)], MATERIAL))
    copied = {attrs["data-copy"]: attrs["data-copied"] for attrs in page.all("button")}
    assert copied["scan-text"] == "Gekopieerd. Plak het nu in je e-mail."
    assert (
        copied["scan-html"] == "Gekopieerd. Plak het nu in de HTML van je website of nieuwsbrief."
    )


def test_a_downloaded_qr_code_is_named_after_its_language_and_page(site: Path) -> None:
    page = parse(share_page(settings(site), NL, [entry(LINK, site)], MATERIAL))
    names = [attrs["download"] for attrs in page.all("a") if "download" in attrs]
    assert names == ["qr-nl-waarom-geen-scan.png", "qr-nl-waarom-geen-scan.svg"]


def test_emails_send_urgent_symptoms_to_the_page_about_warning_signs(tmp_path: Path) -> None:
    def pages(*flagged: str) -> None:
        entries = tuple(
            record.PageRecord(url, f"docs/nl/{url or 'index'}.md", url, "", None, None)
            for url in ("", "scan/", "tips/", "alarm/")
        )
        shown = tuple(replace(page, warning_signs=page.url in flagged) for page in entries)
        languages = [record.LanguageRecord("nl", "", shown)]
        record.write_section(tmp_path, "pages", record.pages_section(languages))
        record.write_section(tmp_path, "theme", record.theme_section(MATERIAL))

    pages("", "tips/", "alarm/")  # the first page after the home page that lists them
    warnings = {link.slug: link.warning_url for link in share_links(settings(tmp_path), NL)}
    # The e-mail about that page itself does not give its address a second time.
    assert warnings == {
        "index": "https://x.example/tips/",
        "scan": "https://x.example/tips/",
        "tips": "",
        "alarm": "https://x.example/tips/",
    }
    pages("", "alarm/")
    links = share_links(settings(tmp_path), NL)
    assert [link.warning_url for link in links] == ["https://x.example/alarm/"] * 3 + [""]
    assert email_text(links[-1], settings(tmp_path)).count("https://x.example/alarm/") == 1
    pages("")  # only the home page lists them
    assert [link.warning_url for link in share_links(settings(tmp_path), NL)] == [
        "",
        *["https://x.example/"] * 3,
    ]
    pages()
    assert share_links(settings(tmp_path), NL)[0].warning_url == ""
