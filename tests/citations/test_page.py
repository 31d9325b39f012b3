"""One page's citations: warnings name file, line and key; lists only when something is cited."""

import logging
import re

import markdown
import pytest

from patientsite.citations.bibliography import parse_bibliography
from patientsite.citations.catalogue import Catalogue, format_catalogue
from patientsite.citations.locale import TERMS
from patientsite.citations.page import BIBLIOGRAPHY_PLACEHOLDER, PageCitations
from patientsite.citations.syntax import CitationsExtension

LOGGER = "mkdocs.plugins.patientsite.citations"
BIB = r"""
@article{chou2009, author = {Chou, R. and Fu, R. and Deyo, R. A.}, title = {Imaging},
         journal = {Lancet}, year = {2009}}
@article{hall2021, author = {Hall, A. M. and Maher, C. G.}, title = {Do not}, journal = {BMJ},
         year = {2021}}
"""


def catalogue() -> Catalogue:
    return format_catalogue(parse_bibliography(BIB, "references.bib"), year_suffixes=False)


def converter(
    source: str, language: str = "nl", append_references: bool = True
) -> tuple[markdown.Markdown, PageCitations]:
    """A Markdown converter with the citations extension, and the page's handler."""
    handler = PageCitations(
        catalogue(),
        TERMS[language],
        numeric=True,
        append_references=append_references,
        source_name="docs/nl/alarm.md",
        read_source=lambda: source,
    )
    extension = CitationsExtension()
    extension.handler = handler
    return markdown.Markdown(extensions=["toc", extension]), handler


def render_page(
    source: str, language: str = "nl", append_references: bool = True
) -> tuple[str, PageCitations]:
    md, handler = converter(source, language, append_references)
    return handler.finish(md.convert(source)), handler


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOGGER and r.levelname == "WARNING"]


def test_unknown_key_warns_with_file_line_and_closest_key(caplog: pytest.LogCaptureFixture) -> None:
    source = "# Alarm\n\nFine [@chou2009].\n\n`[@chuo2009]` in code.\n\nTypo [@chuo2009].\n"
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        html, _ = render_page(source)
    assert warnings(caplog) == [
        "docs/nl/alarm.md:7: unknown citation key 'chuo2009' in [@chuo2009]: references.bib has "
        "no such entry. Did you mean 'chou2009'? Correct the key, or add the work to "
        "references.bib."
    ]
    assert '[<span class="citation-unknown" title="Onbekende bron">?chuo2009</span>]' in html


def test_unknown_key_without_a_similar_one(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        render_page("A [@chou2009; @xyz].\n\nB [@xyz].\n")
    assert warnings(caplog) == [
        "docs/nl/alarm.md:1: unknown citation key 'xyz' in [@chou2009; @xyz]: references.bib "
        "has no such entry. No key there looks like it. Correct the key, or add the work to "
        "references.bib.",
        "docs/nl/alarm.md:3: unknown citation key 'xyz' in [@xyz]: references.bib has no such "
        "entry. No key there looks like it. Correct the key, or add the work to references.bib.",
    ]


def test_unreadable_citation_warns(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        render_page("Intro.\n\nSee [+@chou2009; @hall2021].\n")
    assert warnings(caplog) == [
        "docs/nl/alarm.md:3: cannot read the citation [+@chou2009; @hall2021]: the narrative "
        "form [+@key] names one work. Write [+@key1] and [+@key2] separately."
    ]


def test_keys_match_whatever_their_case(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        html, handler = render_page("See [@Chou2009].")
    assert warnings(caplog) == []
    assert list(handler.cited) == ["chou2009"]
    assert 'href="#ref-chou2009"' in html


def test_list_holds_cited_works_in_number_order_with_every_place() -> None:
    html, handler = render_page("A [@hall2021].\n\nB [@chou2009; @hall2021].\n\nC [@hall2021].")
    assert handler.cited == {"hall2021": ["cite-1", "cite-2", "cite-3"], "chou2009": ["cite-2"]}
    assert [work.key for work in handler.cited_works()] == ["chou2009", "hall2021"]
    assert html.index('id="ref-chou2009"') < html.index('id="ref-hall2021"')
    assert '<h2 data-search-exclude="" id="bronnen">Bronnen</h2>' in html


def test_english_heading() -> None:
    html, _ = render_page("A [@hall2021].", language="en")
    assert '<h2 data-search-exclude="" id="references">References</h2>' in html


def test_marker_placement_warns_about_a_page_without_marker(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        html, _ = render_page("A [@hall2021].", append_references=False)
    assert warnings(caplog) == [
        "docs/nl/alarm.md: this page cites works but has no [[references]] marker, so its "
        "reference list is missing. Add a paragraph with only [[references]] where the list "
        "should go."
    ]
    assert "<h2" not in html


def test_marker_placement_with_marker(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        html, _ = render_page("A [@hall2021].\n\n[[references]]\n\nEnd.", append_references=False)
    assert warnings(caplog) == []
    assert html.index('<h2 data-search-exclude="" id="bronnen">') < html.index("<p>End.</p>")


def test_second_marker_warns(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        render_page("A [@hall2021].\n\n[[references]]\n\n[[references]]\n")
    assert warnings(caplog) == [
        "docs/nl/alarm.md: [[references]] appears more than once; the list goes where the first "
        "one is. Remove the others."
    ]


def test_bibliography_marker_leaves_a_placeholder_for_the_plugin() -> None:
    html, handler = render_page("# Bronnen\n\n[[bibliography]]\n")
    assert handler.has_bibliography
    assert html == f'<h1 id="bronnen">Bronnen</h1>\n{BIBLIOGRAPHY_PLACEHOLDER}'


TYPO = (
    '<p>Typo <span class="citation citation--numeric" id="cite-1">[<span class="citation-unknown" '
    'title="Onbekende bron">?chuo2009</span>]</span>.</p>'
)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Typo [@chuo2009].", TYPO),
        ("Typo [@chuo2009].\n\n[[references]]\n\nEnd.", f"{TYPO}\n<p>End.</p>"),
    ],
    ids=["list at the end", "list at the marker"],
)
def test_a_page_citing_only_unknown_keys_has_no_reference_list(source: str, expected: str) -> None:
    html, handler = render_page(source)
    assert html == expected
    assert not handler.has_references
    assert handler.cited == {}


def test_a_page_citing_only_unknown_keys_needs_no_marker(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        render_page("Typo [@chuo2009].", append_references=False)
    assert [message.split(": ")[1] for message in warnings(caplog)] == [
        "unknown citation key 'chuo2009' in [@chuo2009]"
    ]


def test_an_unreadable_citation_gets_no_id_and_the_next_one_is_cite_1() -> None:
    html, handler = render_page("Bad [+@chou2009; @hall2021]. Good [@hall2021].")
    assert (
        '<span class="citation-unknown" title="Onbekende bron">[+@chou2009; @hall2021]</span>'
        in html
    )
    assert '<span class="citation citation--numeric" id="cite-1">' in html
    assert 'href="#cite-1"' in html
    assert handler.cited == {"hall2021": ["cite-1"]}


def test_a_citation_in_a_heading_is_shown_but_not_in_its_id_or_contents_entry() -> None:
    # Numbers change when references.bib does: links to a heading should not.
    source = "# Scans [@chou2009]\n\n## Why [@hall2021] not\n\nText.\n"
    md, handler = converter(source, "en")
    html = handler.finish(md.convert(source))
    assert html.startswith(
        '<h1 id="scans">Scans <span class="citation citation--numeric" id="cite-1">[<a '
    )
    assert '<h2 id="why-not">Why <span class="citation citation--numeric" id="cite-2">' in html
    titles = [(token["id"], token["name"]) for token in md.toc_tokens[0]["children"]]
    assert md.toc_tokens[0]["name"] == "Scans"
    assert titles == [("why-not", "Why not"), ("references", "References")]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_citation_inside_a_link_is_plain_text_in_that_link(language: str) -> None:
    html, _ = render_page(
        "# Scan\n\n[see [@chou2009] here](scan.md) and [@hall2021].\n\n[[references]]\n",
        language,
    )
    link = re.search(r'<a href="scan.md">(.*?)</a>', html)
    assert link is not None
    assert link[1] == 'see <span class="citation citation--numeric" id="cite-1">[1]</span> here'
    # The citation outside the link keeps its link; the reference list still links back.
    assert '<a class="citation-link" href="#ref-hall2021"' in html
    assert 'href="#cite-1"' in html
