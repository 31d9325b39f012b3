"""The privacy guard: a page whose HTML loads anything from another host fails the build."""

import shutil
from pathlib import Path

import pytest

from patientsite.privacy import external_loads, is_other_host, privacy_problems
from tests.support import FIXTURES, build_site


@pytest.mark.parametrize(
    ("html", "found"),
    [
        (
            '<script src="https://cdn.example.com/x.js"></script>',
            [("script", "https://cdn.example.com/x.js")],
        ),
        (
            '<iframe src="//video.example.com/embed/1"></iframe>',
            [("iframe", "//video.example.com/embed/1")],
        ),
        (
            '<img src="http://img.example.com/a.png" alt="">',
            [("img", "http://img.example.com/a.png")],
        ),
        (
            '<img src="a.png" srcset="a2.png 2x, https://cdn.example.com/a3.png 3x" alt="">',
            [("img", "https://cdn.example.com/a3.png")],
        ),
        (
            '<link rel="stylesheet" href="https://fonts.example.com/css">',
            [("link", "https://fonts.example.com/css")],
        ),
        (
            "<p style=\"background: url('https://t.example.com/p.gif')\">x</p>",
            [("p", "https://t.example.com/p.gif")],
        ),
        (
            "<style>@import 'https://fonts.example.com/a.css';</style>",
            [("style", "https://fonts.example.com/a.css")],
        ),
        (
            '<svg><image href="https://x.example.com/i.png"/></svg>',
            [("image", "https://x.example.com/i.png")],
        ),
        (
            '<object data="https://x.example.com/f.pdf"></object>',
            [("object", "https://x.example.com/f.pdf")],
        ),
        # Allowed: links the reader chooses, our own files, alternate links, data we ship.
        ('<a href="https://www.nhs.uk/">NHS</a>', []),
        ('<img src="../assets/logo.png" alt=""><script src="/assets/x.js"></script>', []),
        ('<link rel="alternate" hreflang="en" href="https://example.org/en/">', []),
        ('<link rel="canonical" href="https://example.org/">', []),
        ("<p>See https://example.org/ for more.</p>", []),
    ],
)
def test_external_loads_are_found(html: str, found: list[tuple[str, str]]) -> None:
    assert [(load.tag, load.address) for load in external_loads(html)] == found


@pytest.mark.parametrize(
    ("address", "other"),
    [
        ("https://a.example", True),
        ("HTTP://a.example", True),
        ("//a.example/x", True),
        ("/assets/x.js", False),
        ("../x.png", False),
        ("data:image/png;base64,AA", False),
        ("#top", False),
    ],
)
def test_other_hosts(address: str, other: bool) -> None:
    assert is_other_host(address) is other


def test_problem_names_the_file_and_line() -> None:
    source = '# T\n\nText.\n\n<iframe src="https://video.example.com/1"></iframe>\n'
    html = '<h1>T</h1><p>Text.</p><iframe src="https://video.example.com/1"></iframe>'
    [problem] = privacy_problems(html, source, "docs/en/t.md")
    assert problem.startswith(
        "docs/en/t.md:5: <iframe> loads https://video.example.com/1 from another host."
    )


def test_a_page_loading_from_another_host_fails_the_build(tmp_path: Path) -> None:
    fixture = FIXTURES / "pages" / "happy"
    site = tmp_path / "fixture"
    shutil.copytree(fixture, site)
    page = site / "docs" / "en" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + '\n<img src="https://tracker.example.com/pixel.gif" alt="">\n',
        encoding="utf-8",
    )
    result = build_site(site / "mkdocs.yml", tmp_path / "out", {"SOURCE_DATE_EPOCH": "1796083200"})
    assert result.returncode != 0
    line = (
        page.read_text(encoding="utf-8")
        .splitlines()
        .index('<img src="https://tracker.example.com/pixel.gif" alt="">')
        + 1
    )
    assert (
        f"docs/en/index.md:{line}: <img> loads https://tracker.example.com/pixel.gif from "
        "another host." in result.stderr
    )
