"""Fixture sites built with `mkdocs build --strict`: one scenario each, both languages."""

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.support import FIXTURES, MKDOCS, build_site

SITES = FIXTURES / "citations"
ND = "\u2013"  # en dash


def built(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    site = tmp_path_factory.mktemp(name)
    result = build_site(SITES / name / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


def article(site: Path, path: str) -> str:
    """The page's content: what the Markdown produced, without the theme around it."""
    html = (site / path).read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def link(key: str, number: int, label: str) -> str:
    return f'<a class="citation-link" href="#ref-{key}" aria-label="{label}">{number}</a>'


@pytest.fixture(scope="module")
def numeric(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory, "numeric")


@pytest.fixture(scope="module")
def author_date(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory, "author_date")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "index.html",
            '<span class="citation citation--numeric" id="cite-1">['
            + link("chou2009", 1, "Bron 1: Chou e.a., 2009")
            + "]</span>",
        ),
        (
            "en/index.html",
            '<span class="citation citation--numeric" id="cite-1">['
            + link("chou2009", 1, "Source 1: Chou et al., 2009")
            + "]</span>",
        ),
        (
            "index.html",
            'Volgens <span class="citation citation--numeric" id="cite-3">Jarvik en Deyo ['
            + link("jarvik2002", 5, "Bron 5: Jarvik en Deyo, 2002")
            + "]</span>",
        ),
        (
            "en/index.html",
            '<span class="citation citation--numeric" id="cite-4">['
            + link("hall2021", 4, "Source 4: Hall and Maher, 2021")
            + f'<span aria-hidden="true">{ND}</span><span class="citation-sr-only">, '
            "Source 5: Jarvik and Deyo, 2002, </span>"
            + link(
                "nice2016", 6, "Source 6: National Institute for Health and Care Excellence, 2016"
            )
            + "]</span>",
        ),
        (
            "alarm/index.html",
            "["
            + link("vandergraaf2023", 7, "Bron 7: van der Graaf e.a., 2023")
            + ", p. 1832; "
            + link("who:lbp.2023/v1", 8, "Bron 8: World Health Organization, 2023")
            + "]",
        ),
        ("index.html", "<code>[@chou2009]</code> en jan@example.com blijft een adres."),
        ("en/index.html", "<pre><span></span><code>[@hall2021]\n</code></pre>"),
    ],
)
def test_numeric_citations(numeric: Path, path: str, expected: str) -> None:
    assert expected in article(numeric, path)


def test_a_work_has_the_same_number_on_every_page_and_in_both_languages(numeric: Path) -> None:
    numbers: dict[str, set[str]] = {}
    for page in numeric.rglob("*.html"):
        for key, number in re.findall(
            r'href="#ref-([^"]+)" aria-label="\w+ (\d+):', page.read_text()
        ):
            numbers.setdefault(key, set()).add(number)
    assert numbers == {
        "chou2009": {"1"},
        "hall2021": {"4"},
        "jarvik2002": {"5"},
        "nice2016": {"6"},
        "vandergraaf2023": {"7"},
        "who:lbp.2023/v1": {"8"},
    }


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("index.html", '<h2 data-search-exclude="" id="bronnen">Bronnen'),
        ("en/index.html", '<h2 data-search-exclude="" id="references">References'),
    ],
)
def test_list_at_the_end_headed_and_in_the_table_of_contents(
    numeric: Path, path: str, heading: str
) -> None:
    content = article(numeric, path)
    assert content.index(heading) > content.index("<pre>")
    assert re.findall(r'<li id="ref-([^"]+)" value="(\d+)">', content) == [
        ("chou2009", "1"),
        ("hall2021", "4"),
        ("jarvik2002", "5"),
        ("nice2016", "6"),
    ]
    anchor = heading.split('id="')[1].split('"')[0]
    html = (numeric / path).read_text(encoding="utf-8")
    assert f'<a href="#{anchor}" class="md-nav__link">' in html


def test_backlinks_to_every_place_that_cites(numeric: Path) -> None:
    content = article(numeric, "en/index.html")
    entry = content[content.index('<li id="ref-hall2021"') :].split("</li>")[0]
    assert re.findall(r'href="#(cite-\d+)" aria-label="([^"]+)"', entry) == [
        ("cite-2", "Back to citation 1 in the text"),
        ("cite-4", "Back to citation 2 in the text"),
        ("cite-5", "Back to citation 3 in the text"),
    ]
    for anchor in ("cite-2", "cite-4", "cite-5"):
        assert f'id="{anchor}"' in content


def test_reference_lists_stay_out_of_the_search_index(numeric: Path) -> None:
    index = (numeric / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Een scan helpt zelden" in index
    assert "A scan rarely helps" in index
    # Titles of works appear on the pages only, never as hits of the site search.
    assert "Imaging strategies for low-back pain" not in index
    assert "#bronnen" not in index
    assert "#references" not in index


def test_search_index_reads_citations_as_the_page_shows_them(numeric: Path) -> None:
    # Each citation is indexed as the page shows it, and no placeholder (of a citation or a
    # list) is left behind.
    index = (numeric / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Volgens Jarvik en Deyo [5] is een scan alleen zinvol" in index
    assert "According to Jarvik and Deyo [5], a scan only makes sense" in index
    assert "Soms is een scan wel nodig [7, p. 1832; 8]." in index
    for page in ("index.html", "en/index.html", "alarm/index.html", "sources/index.html"):
        html = (numeric / page).read_text(encoding="utf-8")
        assert "<!--patientsite-citation" not in html
        assert "patientsite-citations:" not in html


def test_marker_places_the_list(numeric: Path) -> None:
    content = article(numeric, "alarm/index.html")
    assert content.index('<h2 data-search-exclude="" id="bronnen">') < content.index(
        '<h2 id="meer-weten">'
    )
    assert content.count('<h2 data-search-exclude="" id="bronnen">') == 1
    assert "[[references]]" not in content


NL_CITED_ON = {
    "chou2009": [("../#ref-chou2009", "Rugpijn"), ("../alarm/#ref-chou2009", "Alarmsignalen")],
    "nice2016": [("../#ref-nice2016", "Rugpijn")],
    "who:lbp.2023/v1": [("../alarm/#ref-who:lbp.2023/v1", "Alarmsignalen")],
    "uncited2020": [],
}
EN_CITED_ON = {
    "chou2009": [("../#ref-chou2009", "Back pain"), ("../alarm/#ref-chou2009", "Warning signs")],
    "uncited2020": [],
}


@pytest.mark.parametrize(
    ("path", "cited_on"),
    [("sources/index.html", NL_CITED_ON), ("en/sources/index.html", EN_CITED_ON)],
)
def test_full_list_numbers_every_entry_and_links_citing_pages(
    numeric: Path, path: str, cited_on: dict[str, list[tuple[str, str]]]
) -> None:
    content = article(numeric, path)
    assert re.findall(r'<li id="bib-([^"]+)">', content) == [
        "chou2009",
        "chou2011",
        "uncited2020",
        "hall2021",
        "jarvik2002",
        "nice2016",
        "vandergraaf2023",
        "who:lbp.2023/v1",
    ]
    assert '<ol class="citations-list citations-bibliography">' in content
    for key, links in cited_on.items():
        entry = content[content.index(f'<li id="bib-{key}">') :].split("</li>")[0]
        assert re.findall(r'<a href="(\.\./[^"]*)">([^<]+)</a>', entry) == links


def test_full_list_escapes_markup_from_the_bib(numeric: Path) -> None:
    content = article(numeric, "sources/index.html")
    assert "Never cited &lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<script>alert" not in content


def test_full_list_in_the_page_language(numeric: Path) -> None:
    assert "Geraadpleegd op 3 maart 2025, van" in article(numeric, "sources/index.html")
    assert "Retrieved March 3, 2025, from" in article(numeric, "en/sources/index.html")


def test_popover_assets_come_from_the_site_itself(numeric: Path) -> None:
    for name in ("citations.js", "citations.css"):
        assert (numeric / "assets" / "patientsite-citations" / name).is_file()
    en = (numeric / "en" / "alarm" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="stylesheet" href="../../assets/patientsite-citations/citations.css">' in en
    assert '<script src="../../assets/patientsite-citations/citations.js" defer></script>' in en


def test_uncited_entries_in_one_info_line(tmp_path: Path) -> None:
    result = build_site(SITES / "numeric" / "mkdocs.yml", tmp_path)
    lines = [line for line in result.stderr.splitlines() if "cited on no page" in line]
    assert lines == [
        "INFO    -  2 entries of refs.bib are cited on no page in nl (the full reference list "
        "still shows them): chou2011, uncited2020",
        "INFO    -  2 entries of refs.bib are cited on no page in en (the full reference list "
        "still shows them): chou2011, uncited2020",
    ]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "index.html",
            '<span class="citation" id="cite-1">(<a class="citation-link" href="#ref-chou2009">'
            "Chou et al., 2009</a>)</span>",
        ),
        (
            "index.html",
            '<span class="citation" id="cite-3"><a class="citation-link" href="#ref-jarvik2002">'
            "Jarvik en Deyo (2002)</a></span>",
        ),
        (
            "en/index.html",
            '<span class="citation" id="cite-3"><a class="citation-link" href="#ref-jarvik2002">'
            "Jarvik and Deyo (2002)</a></span>",
        ),
        (
            "en/index.html",
            '(<a class="citation-link" href="#ref-hall2021">Hall &amp; Maher, 2021</a>; '
            '<a class="citation-link" href="#ref-nice2016">National Institute for Health and '
            "Care Excellence, 2016</a>)",
        ),
        (
            "index.html",
            '(<a class="citation-link" href="#ref-doe2020a">Doe, 2020a</a>, '
            '<a class="citation-link" href="#ref-doe2020b" aria-label="Doe, 2020b">2020b</a>)',
        ),
        ("index.html", '(<a class="citation-link" href="#ref-chou2011">2011</a>)'),
        ("index.html", "Doe, J. (2020a). Acute back pain. <em>Back</em>."),
        ("en/sources/index.html", "Doe, J. (2020b). Back pain that lasts. <em>Back</em>."),
        ("index.html", '<ul class="citations-list citations-author-date"><li id="ref-chou2009">'),
    ],
)
def test_author_date(author_date: Path, path: str, expected: str) -> None:
    assert expected in article(author_date, path)


def test_placement_marker(tmp_path_factory: pytest.TempPathFactory) -> None:
    content = article(built(tmp_path_factory, "placement_marker"), "en/index.html")
    assert content.index("A scan rarely helps") < content.index(
        '<h2 data-search-exclude="" id="references">'
    )
    assert content.index('<h2 data-search-exclude="" id="references">') < content.index(
        '<h2 id="further">'
    )
    assert 'id="ref-hall2021" value="4"' in content


# Each bad input: the build fails with exactly this message.
BAD_INPUTS = [
    (
        "unknown_key",
        "WARNING -  docs/nl/index.md:4: unknown citation key 'chuo2009' in [@chuo2009]: refs.bib "
        "has no such entry. Did you mean 'chou2009'? Correct the key, or add the work to refs.bib.",
    ),
    (
        "malformed_bib",
        "ERROR   -  refs.bib:24: the entry 'hall2021' could not be read (line 28: '}' expected). "
        "Check this entry: every field looks like name = {value}, fields are separated by "
        "commas, and every { has a matching }. Nothing was built.",
    ),
    (
        "duplicate_keys",
        "ERROR   -  refs.bib:79: the key 'Hall2021' is already used on line 24 as 'hall2021' "
        "(BibTeX does not tell upper and lower case apart). Lines 24 and 79 need different keys: "
        "rename one, or delete the entry if it is the same work twice. Nothing was built.",
    ),
    (
        "missing_author",
        "WARNING -  refs.bib:79: entry 'leaflet' has no author. APA needs one: add author = "
        "{Surname, Given names}, or for an organisation author = {{Name of the organisation}}.",
    ),
    (
        "missing_marker",
        "WARNING -  docs/nl/index.md: this page cites works but has no [[references]] marker, so "
        "its reference list is missing. Add a paragraph with only [[references]] where the list "
        "should go.",
    ),
]


@pytest.mark.parametrize(("name", "message"), BAD_INPUTS, ids=[name for name, _ in BAD_INPUTS])
def test_bad_input_fails_the_strict_build_with_its_message(
    tmp_path: Path, name: str, message: str
) -> None:
    result = build_site(SITES / name / "mkdocs.yml", tmp_path)
    assert result.returncode == 1
    assert message in result.stderr.splitlines()


@pytest.mark.parametrize("name", ["malformed_bib", "duplicate_keys"])
def test_bad_bibliography_builds_nothing(tmp_path: Path, name: str) -> None:
    build_site(SITES / name / "mkdocs.yml", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_unknown_key_is_shown_on_the_page(tmp_path: Path) -> None:
    # Without --strict the build goes on, and the page shows the citation instead of nothing.
    # It cites nothing else, so it has no reference list, and no "Bronnen" in its contents.
    subprocess.run(
        [
            str(MKDOCS),
            "build",
            "-f",
            str(SITES / "unknown_key" / "mkdocs.yml"),
            "-d",
            str(tmp_path),
        ],
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    assert (
        '<span class="citation citation--numeric" id="cite-1">[<span class="citation-unknown" '
        'title="Onbekende bron">?chuo2009</span>]</span>'
    ) in article(tmp_path, "index.html")
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'id="bronnen"' not in page
    assert 'href="#bronnen"' not in page
