"""The new-page command: a page in every language from a template, added to the navigation."""

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from patientsite.authoring.navigation import NavigationError
from patientsite.authoring.scaffold import ScaffoldError, create_page, page_text
from patientsite.pages.review import ReviewDates, read_review_dates
from patientsite.settings import load_settings
from tests.authoring.helpers import ROOT, SCRIPTS, copy_fixture, load_script, snapshot
from tests.support import build_site

DAY = date(2026, 3, 4)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_fixture("scaffold", tmp_path)


def test_creates_the_page_in_both_languages_and_the_nav(project: Path) -> None:
    page = create_page(load_settings(project / "mkdocs.yml"), "pijn-bij-zitten", today=DAY)

    assert page.files == (
        project / "docs/nl/pijn-bij-zitten.md",
        project / "docs/en/pijn-bij-zitten.md",
    )
    assert page.nav_added
    assert (project / "docs/nl/pijn-bij-zitten.md").read_text(encoding="utf-8") == (
        "---\n"
        "title: Pijn bij zitten\n"
        "description: Schrijf hier in één of twee zinnen waar deze pagina over gaat.\n"
        "published: 2026-03-04\n"
        "# reviewed: the day a healthcare professional checked this page against its sources\n"
        "# (YYYY-MM-DD, the same in both languages); next_review: within a year after that.\n"
        "# Until then the page shows that it is a draft, and make check will not pass.\n"
        "reviewed:\n"
        "next_review:\n"
        "---\n\n"
        "# Pijn bij zitten\n\n"
        "Schrijf hier in een paar korte zinnen het belangrijkste.\n\n"
        "## Eerste deel\n\n"
        "Schrijf hier de uitleg. Gebruik korte zinnen en gewone woorden.\n"
    )
    english = (project / "docs/en/pijn-bij-zitten.md").read_text(encoding="utf-8")
    assert "description: Write here in one or two sentences what this page is about.\n" in english
    assert "\n## First part\n" in english
    assert "  - index.md\n  - tips.md\n  - pijn-bij-zitten.md\n\nmarkdown_extensions:" in (
        project / "mkdocs.yml"
    ).read_text(encoding="utf-8")


def test_the_new_page_builds_and_shows_in_both_languages_menus(
    project: Path, tmp_path: Path
) -> None:
    create_page(
        load_settings(project / "mkdocs.yml"),
        "zitten",
        today=DAY,
        titles={"nl": "Pijn bij zitten", "en": "Pain when sitting"},
        after="index",
    )
    site = tmp_path / "site"
    result = build_site(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr

    def menu(page: Path) -> list[str]:
        html = page.read_text(encoding="utf-8")
        return re.findall(
            r'class="md-ellipsis">\s*([^<]+?)\s*<', html.split('class="md-nav__list"')[1]
        )

    assert menu(site / "index.html")[:3] == ["Rugpijn", "Pijn bij zitten", "Wat kun je zelf doen?"]
    assert menu(site / "en/index.html")[:3] == [
        "Back pain",
        "Pain when sitting",
        "What can you do yourself?",
    ]
    # Nobody has reviewed the new page: it says so, and claims no review date.
    for page, title in (
        (
            site / "zitten/index.html",
            "Let op: deze tekst is nog niet nagekeken door een zorgverlener",
        ),
        (
            site / "en/zitten/index.html",
            "Please note: no healthcare professional has checked this text yet",
        ),
    ):
        html = page.read_text(encoding="utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        notice = article.index('<div class="admonition warning page-draft">')
        assert article.index("</h1>") < notice < article.index("<h2")
        assert f'<p class="admonition-title">{title}</p>' in article
        assert "page-review" not in article
    assert "draft (no 'reviewed' date)" in result.stderr


def test_the_template_has_the_front_matter_the_site_needs() -> None:
    text = page_text("nl", "Pijn: wat nu? #1", DAY)
    body, meta = get_data(text)
    assert meta["title"] == "Pijn: wat nu? #1"
    assert meta["description"]
    # A new page is a draft: only a person who has checked it writes a review date.
    assert meta["reviewed"] is None and meta["next_review"] is None
    assert read_review_dates(meta, body) == ReviewDates(DAY, None, None)


def test_without_a_nav_only_the_pages_are_made(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("nav:\n  # The home page first.\n  - index.md\n  - tips.md\n", "")
    )
    before = config.read_bytes()

    page = create_page(load_settings(config), "zitten", today=DAY)

    assert not page.nav_added
    assert config.read_bytes() == before
    assert all(path.is_file() for path in page.files)


SLUG_MESSAGE = (
    "): it becomes the page's web address, so use only lowercase letters a-z, digits and single "
    "hyphens between words, like 'pijn-bij-zitten'"
)


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("Pijn", f"'Pijn' cannot be used as a page name (it holds P{SLUG_MESSAGE}"),
        (
            "pijn bij zitten",
            f"'pijn bij zitten' cannot be used as a page name (it holds a space{SLUG_MESSAGE}",
        ),
        (
            "pijn_bij_zitten",
            f"'pijn_bij_zitten' cannot be used as a page name (it holds _{SLUG_MESSAGE}",
        ),
        (
            "-pijn",
            f"'-pijn' cannot be used as a page name (it starts or ends with a hyphen{SLUG_MESSAGE}",
        ),
        (
            "pijn--zitten",
            "'pijn--zitten' cannot be used as a page name (it has two hyphens in a row"
            + SLUG_MESSAGE,
        ),
        ("café", f"'café' cannot be used as a page name (it holds é{SLUG_MESSAGE}"),
        ("../evil", f"'../evil' cannot be used as a page name (it holds . /{SLUG_MESSAGE}"),
        ("x$(pwd)", f"'x$(pwd)' cannot be used as a page name (it holds $ ( ){SLUG_MESSAGE}"),
        ("", f"'' cannot be used as a page name (it is empty{SLUG_MESSAGE}"),
        ("en", "'en' cannot be used as a page name: the site already uses /en/ for something else"),
        ("assets", "the site already uses /assets/ for something else"),
        ("search", "the site already uses /search/ for something else"),
        ("pdf", "the site already uses /pdf/ for something else"),
        (
            "tips",
            "a page named 'tips' already exists (docs/nl/tips.md, docs/en/tips.md). "
            "Edit that page, or choose another name.",
        ),
    ],
)
def test_unsafe_or_existing_slugs_are_refused_and_nothing_is_written(
    project: Path, slug: str, message: str
) -> None:
    before = snapshot(project)
    with pytest.raises(ScaffoldError) as error:
        create_page(load_settings(project / "mkdocs.yml"), slug, today=DAY)
    assert message in str(error.value)
    assert snapshot(project) == before


def test_a_page_that_exists_in_one_language_is_refused(project: Path) -> None:
    (project / "docs/en/oefeningen.md").write_text("# Exercises\n")
    with pytest.raises(ScaffoldError, match=r"\(docs/en/oefeningen.md\)"):
        create_page(load_settings(project / "mkdocs.yml"), "oefeningen", today=DAY)
    assert not (project / "docs/nl/oefeningen.md").exists()


def test_an_unknown_place_in_the_nav_is_refused_and_nothing_is_written(project: Path) -> None:
    before = snapshot(project)
    with pytest.raises(NavigationError, match="'tip' is not in the navigation"):
        create_page(load_settings(project / "mkdocs.yml"), "zitten", today=DAY, after="tip")
    assert snapshot(project) == before


def test_a_title_for_an_unknown_language_is_refused(project: Path) -> None:
    with pytest.raises(ScaffoldError, match="a title was given for fr, but the site's languages"):
        create_page(load_settings(project / "mkdocs.yml"), "zitten", today=DAY, titles={"fr": "x"})


# -- the command ---------------------------------------------------------------------------


def test_command_creates_the_page(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new_page = load_script("new_page")
    code = new_page.main(["-f", str(project / "mkdocs.yml"), "zitten", "--title", "en=Sitting"])
    assert code == 0
    assert capsys.readouterr().out.splitlines()[:3] == [
        "Created docs/nl/zitten.md",
        "Created docs/en/zitten.md",
        "Added 'zitten.md' to the navigation in mkdocs.yml.",
    ]
    assert "title: Sitting\n" in (project / "docs/en/zitten.md").read_text(encoding="utf-8")


def test_command_refuses_with_a_message_and_exit_1(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / "new_page.py"), "-f", str(project / "mkdocs.yml"), "Zitten"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"No page created: 'Zitten' cannot be used as a page name (it holds Z{SLUG_MESSAGE}"
    )
    assert not (project / "docs/nl/Zitten.md").exists()


def test_command_without_mkdocs_yml_says_where_it_looked(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / "new_page.py"), "-f", str(tmp_path / "mkdocs.yml"), "x"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    config = tmp_path / "mkdocs.yml"
    assert (
        result.stderr == f"No page created: {config} not found: run this from the site's folder.\n"
    )


# -- make page ------------------------------------------------------------------------------


def _make_page(**variables: str) -> subprocess.CompletedProcess[str]:
    """`make page` in the real project; -o: never reinstall the venv from a test."""
    env = {key: value for key, value in os.environ.items() if key not in ("SLUG", "AFTER")}
    arguments = [f"{name}={value}" for name, value in variables.items()]
    return subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "page", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_make_page_without_a_slug_says_how() -> None:
    result = _make_page()
    assert result.returncode != 0
    assert "Give the page a name: make page SLUG=pijn-bij-zitten" in result.stderr


def test_make_page_passes_the_slug_safely_and_the_script_refuses_it() -> None:
    result = _make_page(SLUG='x"; touch pwned; "')
    assert result.returncode != 0
    assert "No page created: 'x\"; touch pwned; \"' cannot be used as a page name" in result.stderr
    assert not (ROOT / "pwned").exists()
    assert not list((ROOT / "docs").rglob('x"*'))


@pytest.mark.parametrize(
    "value",
    [
        "x$(shell touch pwned)",
        "x$$(touch pwned)",
        "x${PWD}",
        "x`touch pwned`",
        "x'; touch pwned; '",
    ],
)
def test_make_page_never_lets_make_or_the_shell_run_a_value(value: str) -> None:
    """Make expands $(...) in a variable it hands to a command: the value must reach the
    script as typed, and be refused there."""
    for name in ("SLUG", "AFTER"):
        arguments = {"SLUG": value} if name == "SLUG" else {"SLUG": "nieuw-x", "AFTER": value}
        result = _make_page(**arguments)
        assert result.returncode != 0
        assert not (ROOT / "pwned").exists()
        assert not list((ROOT / "docs").rglob("nieuw-x*"))
        if name == "SLUG":
            assert f"No page created: '{value}' cannot be used as a page name (it holds " in (
                result.stderr
            )


def test_make_page_names_the_problem_of_a_slug_starting_with_a_hyphen() -> None:
    result = _make_page(SLUG="-x")
    assert result.returncode != 0
    assert (
        "No page created: '-x' cannot be used as a page name (it starts or ends with a hyphen)"
        in (result.stderr)
    )
