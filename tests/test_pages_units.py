"""The logic of the patientsite/pages plugin, without MkDocs: dates, glossary, clinic details."""

import fnmatch
from datetime import date, datetime
from pathlib import Path

import pytest

from patientsite.pages.glossary import (
    GlossaryError,
    append_glossary,
    first_use_only,
    load_glossary,
    parse_glossary,
)
from patientsite.pages.labels import LABELS
from patientsite.pages.review import (
    FrontMatterError,
    ReviewDates,
    draft_html,
    format_date,
    insert_after_h1,
    is_stale,
    not_utf8,
    parse_date,
    read_review_dates,
    review_html,
    today,
)
from patientsite.pages.siteinfo import (
    Clinic,
    ClinicConfigError,
    clinic_from_extra,
    replace_marker,
    site_info_html,
)

META = {"published": date(2026, 1, 15), "reviewed": date(2026, 11, 23), "next_review": "2027-11-23"}
DATES = ReviewDates(date(2026, 1, 15), date(2026, 11, 23), date(2027, 11, 23))

# -- review dates ----------------------------------------------------------------------


def test_read_review_dates_accepts_dates_and_quoted_strings() -> None:
    assert read_review_dates(META) == DATES


def test_datetime_counts_as_its_day() -> None:
    assert parse_date("reviewed", datetime(2026, 11, 23, 9, 30)) == date(2026, 11, 23)


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        (
            {**META, "next_review": None},
            "the front matter has a 'reviewed' date but no 'next_review' date. Add a line like "
            "'next_review: 2026-11-23': when the page must be checked again (usually a year "
            "after 'reviewed').",
        ),
        (
            {k: v for k, v in META.items() if k != "published"},
            "the front matter has no 'published' date. Add a line like 'published: 2026-11-23'.",
        ),
        (
            {**META, "reviewed": "23-11-2026"},
            "'reviewed: 23-11-2026' is not a date written as YYYY-MM-DD, "
            "like 'reviewed: 2026-11-23'.",
        ),
        (
            {**META, "reviewed": "2026-02-30"},
            "'reviewed: 2026-02-30' is not a real date (day is out of range for month).",
        ),
        (
            {**META, "reviewed": date(2025, 1, 1)},
            "'reviewed' (2025-01-01) is before 'published' (2026-01-15).",
        ),
        (
            {**META, "next_review": date(2026, 11, 23)},
            "'next_review' (2026-11-23) must come after 'reviewed' (2026-11-23).",
        ),
    ],
)
def test_bad_review_dates_are_explained(meta: dict[str, object], message: str) -> None:
    with pytest.raises(FrontMatterError) as error:
        read_review_dates(meta)
    assert str(error.value) == message


@pytest.mark.parametrize("empty", [None, "", "  "])
def test_a_page_without_reviewed_is_a_draft(empty: object) -> None:
    dates = read_review_dates({"published": date(2026, 1, 15), "reviewed": empty})
    assert dates == ReviewDates(date(2026, 1, 15), None, None)
    assert dates.is_draft
    assert not DATES.is_draft


def test_a_draft_keeps_a_next_review_date_but_it_must_be_a_date() -> None:
    meta = {"published": date(2026, 1, 15), "reviewed": None, "next_review": "2027-01-15"}
    assert read_review_dates(meta) == ReviewDates(date(2026, 1, 15), None, date(2027, 1, 15))
    with pytest.raises(FrontMatterError, match=r"^'next_review: soon' is not a date"):
        read_review_dates({**meta, "next_review": "soon"})


def test_a_draft_still_needs_its_published_date() -> None:
    with pytest.raises(FrontMatterError, match=r"^the front matter has no 'published' date"):
        read_review_dates({"reviewed": None, "next_review": None})


def test_unreadable_front_matter_with_empty_review_dates_names_the_real_cause() -> None:
    # The empty review dates of a draft (with make page's comment) are not what is wrong.
    markdown = (
        "---\npublished: 2026-01-15\n# a comment\nreviewed:\nnext_review:   # later\n"
        "title: Rugpijn: wat nu\n---\n\n# Titel\n"
    )
    with pytest.raises(FrontMatterError, match=r"^the front matter is not valid YAML") as error:
        read_review_dates({}, markdown)
    assert error.value.line == 6


def test_unreadable_front_matter_names_the_field() -> None:
    # MkDocs reads no metadata at all when YAML fails on an impossible date, and leaves the
    # front matter on the page.
    markdown = "---\npublished: 2026-01-15\nreviewed: 2026-02-30\n---\n\n# Titel\n"
    with pytest.raises(FrontMatterError, match=r"^'reviewed: 2026-02-30' is not a real date"):
        read_review_dates({}, markdown)


def test_unreadable_front_matter_other_yaml_error() -> None:
    markdown = "---\ntitle: [unclosed\n---\n\n# Titel\n"
    with pytest.raises(FrontMatterError, match=r"^the front matter is not valid YAML \("):
        read_review_dates({}, markdown)


@pytest.mark.parametrize(
    ("markdown", "line", "message"),
    [
        pytest.param(
            "---\npublished: 2026-01-15\nreviewed: 2026-02-30\n---\n\n# Titel\n",
            3,
            "'reviewed: 2026-02-30' is not a real date (day is out of range for month).",
            id="impossible date",
        ),
        pytest.param(
            "---\npublished: 2026-01-15\ntitle: Rugpijn: wat nu\nreviewed: 2026-02-03\n---\n",
            3,
            "the front matter is not valid YAML (mapping values are not allowed *). Write "
            "each field on a line of its own as 'name: value'; put a value that holds ': ' or "
            "starts with [ { # & * in quotes.",
            id="colon in a value",
        ),
        pytest.param(
            "---\npublished: 2026-01-15\n  reviewed: 2026-02-03\n---\n",
            3,
            "the front matter is not valid YAML (mapping values are not allowed *). Write "
            "each field on a line of its own as 'name: value'; put a value that holds ': ' or "
            "starts with [ { # & * in quotes.",
            id="indented field",
        ),
        pytest.param(
            "---\npublished: 2026-01-15\nreviewed: 2026-02-03\n\n# Titel\n",
            1,
            "the front matter that starts here with --- has no closing --- line, so none of it "
            "could be read. Add a line with only --- after its last field.",
            id="no closing line",
        ),
    ],
)
def test_front_matter_errors_name_the_line_of_the_page(
    markdown: str, line: int, message: str
) -> None:
    """YAML's own words (in brackets) differ between its C and Python parsers: * stands for
    what follows its first words."""
    with pytest.raises(FrontMatterError) as error:
        read_review_dates({}, markdown)
    assert error.value.line == line
    assert fnmatch.fnmatchcase(str(error.value), message.replace("[", "[[]"))


def test_a_page_not_in_utf8_names_the_line() -> None:
    data = "---\ntitle: x\n---\n\n# Rugpijn\n\nCaf\u00e9.\n".encode("latin-1")
    with pytest.raises(UnicodeDecodeError) as error:
        data.decode("utf-8")
    assert not_utf8(data, error.value) == (
        "7: this page is not saved as UTF-8 (a character on this line, such as é, is stored "
        "differently). Save it again with the encoding UTF-8 (most editors offer this under "
        "'Save as')."
    )


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"SOURCE_DATE_EPOCH": "1796083200"}, date(2026, 12, 1)),
        ({"SOURCE_DATE_EPOCH": "0"}, date(1970, 1, 1)),
    ],
)
def test_today_from_source_date_epoch(environ: dict[str, str], expected: date) -> None:
    assert today(environ) == expected


def test_today_without_source_date_epoch_is_today() -> None:
    assert today({}) == date.today()


def test_bad_source_date_epoch_is_an_error() -> None:
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH must be a number of seconds"):
        today({"SOURCE_DATE_EPOCH": "yesterday"})


def test_stale_only_after_next_review() -> None:
    assert not is_stale(DATES, date(2027, 11, 23))
    assert is_stale(DATES, date(2027, 11, 24))


def test_a_draft_is_never_stale() -> None:
    # It was never reviewed, and its notice says so; the release check refuses it anyway.
    draft = ReviewDates(date(2026, 1, 15), None, date(2026, 6, 1))
    assert not is_stale(draft, date(2030, 1, 1))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("nl", "23 november 2026"), ("en", "23 November 2026")],
)
def test_format_date(lang: str, expected: str) -> None:
    assert format_date(date(2026, 11, 23), LABELS[lang]) == expected


def test_review_html() -> None:
    assert review_html(DATES, LABELS["nl"]) == (
        '<p class="page-review">Laatst nagekeken: '
        '<time datetime="2026-11-23">23 november 2026</time> · Volgende herziening: '
        '<time datetime="2027-11-23">23 november 2027</time></p>'
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_draft_shows_the_notice_instead_of_review_dates(lang: str) -> None:
    draft = ReviewDates(date(2026, 1, 15), None, None)
    labels = LABELS[lang]
    notice = review_html(draft, labels)
    assert notice == draft_html(labels)
    assert notice == (
        '<div class="admonition warning page-draft">\n'
        f'<p class="admonition-title">{labels.draft_title}</p>\n'
        f"<p>{labels.draft_text}</p>\n</div>"
    )
    assert "page-review" not in notice and "<time" not in notice


def test_draft_notice_words() -> None:
    assert (
        LABELS["nl"].draft_title == "Let op: deze tekst is nog niet nagekeken door een zorgverlener"
    )
    assert (
        LABELS["en"].draft_title
        == "Please note: no healthcare professional has checked this text yet"
    )


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ('<h1 id="t">T</h1>\n<p>x</p>', '<h1 id="t">T</h1>\n<B>\n<p>x</p>'),
        ("<p>x</p>", "<B>\n<p>x</p>"),
    ],
)
def test_insert_after_h1(page: str, expected: str) -> None:
    assert insert_after_h1(page, "<B>") == expected


# -- glossary --------------------------------------------------------------------------


def test_parse_glossary_keeps_definitions_only() -> None:
    text = "<!-- Woordenlijst\n     één per regel -->\n\n*[MRI]: Een scan\n*[CT]: Een röntgenscan\n"
    assert parse_glossary(text, "nl.md") == ["*[MRI]: Een scan", "*[CT]: Een röntgenscan"]


def test_parse_glossary_rejects_other_lines() -> None:
    text = "<!-- uitleg -->\n# Woordenlijst\n*[MRI]: Een scan\n"
    with pytest.raises(GlossaryError, match=r"^nl\.md, line 2: '# Woordenlijst' is not a glossary"):
        parse_glossary(text, "nl.md")


def test_load_glossary_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match=r"^Glossary file not found: includes/glossary/en\.md"):
        load_glossary(tmp_path, "includes/glossary/en.md")


def test_append_glossary() -> None:
    assert (
        append_glossary("# T\n\nTekst.\n\n", ["*[MRI]: Scan"]) == "# T\n\nTekst.\n\n*[MRI]: Scan\n"
    )
    assert append_glossary("Tekst.", []) == "Tekst."


# -- clinic details --------------------------------------------------------------------


def test_clinic_from_extra() -> None:
    extra = {"clinic": {"name": " Praktijk Zuid ", "author": None, "reviewer": ""}}
    assert clinic_from_extra(extra) == Clinic(name="Praktijk Zuid")
    assert clinic_from_extra({}) == Clinic()


@pytest.mark.parametrize(
    ("clinic", "message"),
    [
        ({"reviewr": "x"}, "extra.clinic.reviewr in mkdocs.yml is not a setting we know."),
        ({"contact": 93331234}, "extra.clinic.contact in mkdocs.yml must be text"),
        ("Praktijk", "extra.clinic in mkdocs.yml must hold settings"),
    ],
)
def test_clinic_settings_are_checked(clinic: object, message: str) -> None:
    with pytest.raises(ClinicConfigError, match="^" + message.replace(".", r"\.")):
        clinic_from_extra({"clinic": clinic})


def test_site_info_says_plainly_what_is_not_filled_in() -> None:
    assert site_info_html(Clinic(), LABELS["nl"]) == (
        '<div class="site-info">\n<dl>\n'
        "<dt>Geschreven door</dt>\n<dd>Nog niet ingevuld door de praktijk</dd>\n"
        "<dt>Nagekeken door</dt>\n<dd>Nog niet ingevuld door de praktijk</dd>\n"
        "<dt>Financiering</dt>\n<dd>Nog niet ingevuld door de praktijk</dd>\n"
        "<dt>Belangenconflicten</dt>\n<dd>Nog niet ingevuld door de praktijk</dd>\n"
        "<dt>Licentie</dt>\n<dd>Nog niet ingevuld door de praktijk</dd>\n"
        "</dl>\n</div>"
    )


def test_site_info_shows_what_is_set_escaped() -> None:
    clinic = Clinic(
        name="Zuid & <Co>",
        logo="assets/logo.png",
        author="Dr. A",
        reviewer='B "<script>"',
        contact="https://example.org/contact?a=1&b=2",
        conflicts="Geen",
        licence="CC BY 4.0",
    )
    assert site_info_html(clinic, LABELS["en"], "../assets/logo.png") == (
        '<div class="site-info">\n'
        '<p class="site-info__logo"><img src="../assets/logo.png" '
        'alt="Logo of Zuid &amp; &lt;Co&gt;"></p>\n<dl>\n'
        "<dt>Clinic</dt>\n<dd>Zuid &amp; &lt;Co&gt;</dd>\n"
        "<dt>Written by</dt>\n<dd>Dr. A</dd>\n"
        "<dt>Reviewed by</dt>\n<dd>B &quot;&lt;script&gt;&quot;</dd>\n"
        "<dt>Funding</dt>\n<dd>Not filled in by the clinic yet</dd>\n"
        "<dt>Conflicts of interest</dt>\n<dd>Geen</dd>\n"
        "<dt>Licence</dt>\n<dd>CC BY 4.0</dd>\n"
        '<dt>Contact</dt>\n<dd><a href="https://example.org/contact?a=1&amp;b=2">'
        "https://example.org/contact?a=1&amp;b=2</a></dd>\n"
        "</dl>\n</div>"
    )


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        ("info@example.org", '<a href="mailto:info@example.org">info@example.org</a>'),
        ("09 333 12 34", "09 333 12 34"),
    ],
)
def test_site_info_contact(contact: str, expected: str) -> None:
    assert f"<dd>{expected}</dd>" in site_info_html(Clinic(contact=contact), LABELS["nl"])


def test_replace_marker_only_as_a_paragraph_of_its_own() -> None:
    page = "<p>[[site-info]]</p>\n<p>Zie <code>[[site-info]]</code>.</p>\n<p>[[site-info]] x</p>"
    assert replace_marker(page, "<B>") == (
        "<B>\n<p>Zie <code>[[site-info]]</code>.</p>\n<p>[[site-info]] x</p>"
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p><abbr title="A scan">MRI</abbr> and <abbr title="A scan">MRI</abbr></p>',
            '<p><abbr title="A scan">MRI</abbr> and MRI</p>',
        ),
        # Each term once, whatever its case; other terms keep their own first explanation.
        (
            '<h1><abbr title="x">MRI</abbr></h1><p><abbr title="x">mri</abbr> '
            '<abbr title="y">CT</abbr> <abbr title="y">CT</abbr></p>',
            '<h1><abbr title="x">MRI</abbr></h1><p>mri <abbr title="y">CT</abbr> CT</p>',
        ),
        # A term's text may hold markup; it stays.
        (
            '<abbr title="z"><em>hernia</em></abbr>, <abbr title="z"><em>hernia</em></abbr>',
            '<abbr title="z"><em>hernia</em></abbr>, <em>hernia</em>',
        ),
        ("<p>No terms.</p>", "<p>No terms.</p>"),
    ],
)
def test_glossary_explains_a_term_on_its_first_use_only(html: str, expected: str) -> None:
    assert first_use_only(html) == expected
