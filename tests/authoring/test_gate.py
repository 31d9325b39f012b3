"""The release check of `make check`: placeholder text, review dates and the clinic's details,
every problem listed with where it is and what to do."""

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from patientsite.authoring.gate import (
    PageSource,
    Problem,
    address_problems,
    clinic_problems,
    format_problems,
    placeholder_problems,
    release_problems,
    review_problems,
)
from patientsite.authoring.placeholders import TEMPLATES
from patientsite.authoring.scaffold import create_page, page_text
from patientsite.pages.siteinfo import Clinic
from patientsite.settings import load_settings
from tests.authoring.helpers import ROOT, SCRIPTS, copy_fixture, load_script

TODAY = date(2026, 3, 4)
CLINIC_SETTINGS = {
    "name": "Praktijk De Rug",
    "author": "Dr. A. Peeters, huisarts",
    "reviewer": "B. Janssens, kinesitherapeut",
    "contact": "info@praktijkderug.be",
}
CLINIC = Clinic(**CLINIC_SETTINGS)
CLINIC_URL = "https://rugpijn.praktijkderug.be/"
REVIEWED = (
    "---\ntitle: Rugpijn\ndescription: Over rugpijn.\npublished: 2026-01-05\n"
    "reviewed: 2026-01-05\nnext_review: 2027-01-05\n---\n\n# Rugpijn\n\nEen echte tekst.\n"
)
REVIEWED_META = {
    "title": "Rugpijn",
    "published": date(2026, 1, 5),
    "reviewed": date(2026, 1, 5),
    "next_review": date(2027, 1, 5),
}


def page(text: str = REVIEWED, meta: dict[str, object] | None = None) -> PageSource:
    return PageSource("docs/nl/rug.md", text, REVIEWED_META if meta is None else meta)


# -- the clinic's details ----------------------------------------------------------------


def test_a_filled_in_clinic_has_no_problems() -> None:
    assert clinic_problems(CLINIC) == []


def test_every_empty_clinic_setting_is_named() -> None:
    clinic = replace(CLINIC, author="", reviewer="   ", contact="")
    problems = clinic_problems(clinic)
    assert [problem.where for problem in problems] == [
        "extra.clinic.author in mkdocs.yml",
        "extra.clinic.reviewer in mkdocs.yml",
        "extra.clinic.contact in mkdocs.yml",
    ]
    assert str(problems[1]) == (
        "extra.clinic.reviewer in mkdocs.yml: is empty. Fill in the healthcare professional who "
        'checked the pages medically, with their profession, in quotes, like reviewer: "B. '
        'Janssens, kinesitherapeut". Readers see it on the About page and in the PDFs.'
    )


def test_no_clinic_settings_at_all_names_all_three() -> None:
    assert len(clinic_problems(Clinic())) == 3


# -- placeholder text ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_placeholder_of_a_new_page_is_found_with_its_line(lang: str) -> None:
    text = page_text(lang, "Zitten", TODAY)
    problems = placeholder_problems(PageSource(f"docs/{lang}/zitten.md", text, {}))
    template = TEMPLATES[lang]
    lines = text.splitlines()
    assert [str(problem) for problem in problems] == [
        f'docs/{lang}/zitten.md:3: still holds the placeholder text "{template.description}" '
        "from make page. Replace it with your own words for this page.",
        f"docs/{lang}/zitten.md:{lines.index(template.intro) + 1}: still holds the placeholder "
        f'text "{template.intro}" from make page. Replace it with your own words for this page.',
        f"docs/{lang}/zitten.md:{lines.index('## ' + template.section) + 1}: still has the "
        f'placeholder heading "## {template.section}" from make page. Replace it with your own '
        "words for this page.",
        f"docs/{lang}/zitten.md:{lines.index(template.text) + 1}: still holds the placeholder "
        f'text "{template.text}" from make page. Replace it with your own words for this page.',
    ]


def test_a_placeholder_wrapped_over_two_lines_or_in_the_other_language_is_found() -> None:
    text = (
        "# Zitten\n\nEen eigen zin.\n\nWrite the explanation here. Use short sentences\n"
        "and everyday words.\n"
    )
    problems = placeholder_problems(PageSource("docs/nl/zitten.md", text, {}))
    assert [problem.where for problem in problems] == ["docs/nl/zitten.md:5"]
    assert "Write the explanation here." in problems[0].what


def test_own_text_is_not_a_placeholder() -> None:
    text = "# Zitten\n\nSchrijf hier niets over.\n\n## Eerste deel van de oefening\n\nTekst.\n"
    assert placeholder_problems(PageSource("docs/nl/zitten.md", text, {})) == []


# -- review dates --------------------------------------------------------------------------


def test_a_reviewed_page_that_is_not_due_has_no_problems() -> None:
    assert review_problems(page(), TODAY) == []
    assert review_problems(page(), date(2027, 1, 5)) == []  # due today is not yet overdue


@pytest.mark.parametrize("reviewed", [None, "", "  "])
def test_a_page_without_reviewed_is_not_ready(reviewed: object) -> None:
    text = REVIEWED.replace("reviewed: 2026-01-05\n", "reviewed:\n")
    problems = review_problems(page(text, {**REVIEWED_META, "reviewed": reviewed}), TODAY)
    assert [str(problem) for problem in problems] == [
        "docs/nl/rug.md:5: has no 'reviewed' date: nobody has checked this page yet, so it "
        "shows a 'not yet reviewed' notice. Have a healthcare professional check it against its "
        "sources; then write the day they did in 'reviewed' and a day within a year after it in "
        "'next_review', the same in both languages."
    ]


def test_a_missing_reviewed_line_points_at_the_front_matter() -> None:
    meta = {key: value for key, value in REVIEWED_META.items() if key != "reviewed"}
    text = REVIEWED.replace("reviewed: 2026-01-05\n", "")
    assert [problem.where for problem in review_problems(page(text, meta), TODAY)] == [
        "docs/nl/rug.md:1"
    ]


def test_an_overdue_page_says_when_it_was_due() -> None:
    problems = review_problems(page(), date(2027, 1, 6))
    assert [str(problem) for problem in problems] == [
        "docs/nl/rug.md:6: the next review was due on 2027-01-05 (today is 2027-01-06). Have "
        "the page checked against its sources again; then write that day in 'reviewed' and a "
        "new 'next_review' within a year after it, the same in both languages."
    ]


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (
            {"reviewed": date(2026, 3, 5)},
            ["docs/nl/rug.md:5: 'reviewed' (2026-03-05) is after today (2026-03-04)."],
        ),
        (
            {"reviewed": "05-01-2026"},
            ["docs/nl/rug.md:5: 'reviewed: 05-01-2026' is not a real date written as YYYY-MM-DD"],
        ),
        (
            {"next_review": "2027-02-30"},
            ["docs/nl/rug.md:6: 'next_review: 2027-02-30' is not a real date written as"],
        ),
        (
            {"next_review": None},
            ["docs/nl/rug.md:6: has a 'reviewed' date but no 'next_review' date."],
        ),
        ({"reviewed": "2026-01-05", "next_review": "2027-01-05"}, []),
    ],
)
def test_review_dates_that_claim_too_much_or_cannot_be_read(
    meta: dict[str, object], expected: list[str]
) -> None:
    problems = review_problems(page(meta={**REVIEWED_META, **meta}), TODAY)
    assert len(problems) == len(expected)
    for problem, start in zip(problems, expected, strict=True):
        assert str(problem).startswith(start)


# -- everything at once ----------------------------------------------------------------------


def test_every_problem_is_listed_not_only_the_first() -> None:
    draft = PageSource("docs/en/zitten.md", page_text("en", "Sitting", TODAY), {})
    overdue = page()
    problems = release_problems(
        [draft, overdue], replace(CLINIC, contact=""), date(2027, 2, 1), site_url=CLINIC_URL
    )
    assert [problem.where for problem in problems] == [
        "extra.clinic.contact in mkdocs.yml",
        "docs/en/zitten.md:3",
        "docs/en/zitten.md:14",
        "docs/en/zitten.md:16",
        "docs/en/zitten.md:18",
        "docs/en/zitten.md:8",
        "docs/nl/rug.md:6",
    ]


@pytest.mark.parametrize(
    "site_url",
    [
        "",
        "https://rugpijn.example.be/",
        "https://example.org/site/",
        "http://localhost:8000/",
        "http://127.0.0.1:8000/",
        "https://rug.test/",
    ],
)
def test_an_example_or_missing_address_keeps_the_site_back(site_url: str) -> None:
    (problem,) = address_problems(site_url)
    assert problem.where == "site_url in mkdocs.yml"
    assert "QR codes, posters, PDFs and e-mail texts print this address" in problem.what
    assert ("is not set" if not site_url else f"is {site_url}, an example address") in problem.what


@pytest.mark.parametrize(
    "site_url", ["https://rugpijn.praktijkderug.be/", "https://www.voorbeeldpraktijk.nl/rug/"]
)
def test_a_real_address_is_fine(site_url: str) -> None:
    assert address_problems(site_url) == []


def test_the_address_comes_first_in_the_release_check() -> None:
    problems = release_problems([], CLINIC, TODAY, site_url="https://rugpijn.example.be/")
    assert [problem.where for problem in problems] == ["site_url in mkdocs.yml"]


def test_format_problems() -> None:
    problems = [Problem("a", "one."), Problem("b", "two.")]
    assert format_problems(problems) == (
        "Not ready to publish: 2 problem(s) to fix first.\n  - a: one.\n  - b: two."
    )
    assert format_problems([]).startswith("Ready to publish:")


# -- the script, on a copy of a small site ---------------------------------------------------


def fill_in_clinic(project: Path) -> None:
    """The clinic's details and its own address, as a clinic fills them in before publishing."""
    config = project / "mkdocs.yml"
    settings = "".join(f'    {key}: "{value}"\n' for key, value in CLINIC_SETTINGS.items())
    text = config.read_text(encoding="utf-8").replace(
        "site_url: https://example.org/", f"site_url: {CLINIC_URL}"
    )
    config.write_text(text + f"\nextra:\n  clinic:\n{settings}", encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = copy_fixture("scaffold", tmp_path)
    fill_in_clinic(folder)
    return folder


def run_check(project: Path, today: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            str(SCRIPTS / "check_release.py"),
            "-f",
            str(project / "mkdocs.yml"),
            "--today",
            today,
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_reviewed_site_with_its_clinic_filled_in_is_ready(project: Path) -> None:
    result = run_check(project, "2026-03-04")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("Ready to publish")


def test_a_new_page_and_an_empty_reviewer_stop_the_release(project: Path) -> None:
    create_page(load_settings(project / "mkdocs.yml"), "zitten", today=TODAY)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(f'"{CLINIC.reviewer}"', '""'),
        encoding="utf-8",
    )

    result = run_check(project, "2026-03-04")

    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "Not ready to publish: 11 problem(s) to fix first."
    where = [line.split(": ", 1)[0].removeprefix("  - ") for line in lines[1:]]
    assert where == [
        "extra.clinic.reviewer in mkdocs.yml",
        *[f"docs/nl/zitten.md:{line}" for line in (3, 14, 16, 18, 8)],
        *[f"docs/en/zitten.md:{line}" for line in (3, 14, 16, 18, 8)],
    ]


def test_an_overdue_page_stops_the_release(project: Path) -> None:
    result = run_check(project, "2099-01-06")
    assert result.returncode == 1
    assert "docs/nl/index.md:6: the next review was due on 2099-01-05" in result.stdout
    assert "docs/en/tips.md:6: the next review was due on 2099-01-05" in result.stdout


def test_an_unreadable_config_is_no_verdict(tmp_path: Path) -> None:
    module = load_script("check_release")
    assert module.main(["-f", str(tmp_path / "mkdocs.yml")]) == 2


def test_the_shipped_site_waits_only_for_the_clinic() -> None:
    """As shipped, the clinic's details are empty and its address an example, on purpose (a
    clinic fills them in), so the release check fails on those four, and on nothing else: no
    draft, placeholder or overdue page. `make test` therefore never expects `make check` to pass
    on the real site."""
    module = load_script("check_release")
    settings = load_settings(ROOT / "mkdocs.yml")
    problems = release_problems(
        module.read_pages(settings), settings.clinic, date.today(), site_url=settings.site_url
    )
    assert [problem.where for problem in problems] == [
        "site_url in mkdocs.yml",
        "extra.clinic.author in mkdocs.yml",
        "extra.clinic.reviewer in mkdocs.yml",
        "extra.clinic.contact in mkdocs.yml",
    ], format_problems(problems)


def test_make_check_runs_the_release_check_after_the_build() -> None:
    recipe = subprocess.run(
        ["make", "-n", "check"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "scripts/build_site.py" in recipe
    assert recipe.index("scripts/build_site.py") < recipe.index("scripts/check_release.py")
    assert "scripts/readability.py" in recipe and "scripts/translation_report.py" in recipe
