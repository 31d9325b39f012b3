"""Finding citations and markers with Python-Markdown: code and links are never touched."""

from html import escape

import markdown
import pytest

from patientsite.citations.syntax import (
    Citation,
    CitationItem,
    CitationLines,
    CitationsExtension,
    CitationSyntaxError,
    ReferenceSection,
    parse_citation,
)


class RecordingHandler:
    """Writes each citation as <cite>text</cite> and remembers what it was given."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self.problems: list[str] = []
        self.extra_markers = 0
        self.markers_seen: list[bool] = []

    def cite(self, citation: Citation) -> str:
        self.citations.append(citation)
        return f"<cite>{escape(citation.text)}</cite>"

    def unreadable(self, text: str, problem: str) -> str:
        self.problems.append(problem)
        return f"<mark>{escape(text)}</mark>"

    def references(self, has_marker: bool) -> ReferenceSection | None:
        self.markers_seen.append(has_marker)
        if not self.citations:
            return None
        return ReferenceSection(heading="Bronnen", anchor="bronnen", html="<ol><li>list</li></ol>")

    def bibliography(self) -> str:
        return "<ol><li>everything</li></ol>"

    def extra_marker(self) -> None:
        self.extra_markers += 1


def convert(
    text: str, extensions: tuple = ("pymdownx.superfences",)
) -> tuple[str, RecordingHandler]:
    extension = CitationsExtension()
    handler = RecordingHandler()
    extension.handler = handler
    html = markdown.markdown(text, extensions=[*extensions, "toc", extension])
    return html, handler


@pytest.mark.parametrize(
    ("text", "items", "narrative"),
    [
        ("[@chou2009]", [CitationItem("chou2009", "", False)], False),
        ("[ @chou2009 ]", [CitationItem("chou2009", "", False)], False),
        (
            "[@chou2009; @hall2021]",
            [CitationItem("chou2009", "", False), CitationItem("hall2021", "", False)],
            False,
        ),
        ("[@chou2009, p. 465]", [CitationItem("chou2009", "p. 465", False)], False),
        ("[@chou2009,pp. 4-5 ]", [CitationItem("chou2009", "pp. 4-5", False)], False),
        ("[+@chou2009]", [CitationItem("chou2009", "", False)], True),
        ("[+@chou2009, p. 4]", [CitationItem("chou2009", "p. 4", False)], True),
        ("[-@chou2009]", [CitationItem("chou2009", "", True)], False),
        ("[@doi:10.1000/x.y_z-1]", [CitationItem("doi:10.1000/x.y_z-1", "", False)], False),
        ("[@Müller2020]", [CitationItem("Müller2020", "", False)], False),
    ],
)
def test_parse_citation(text: str, items: list[CitationItem], narrative: bool) -> None:
    assert parse_citation(text) == Citation(text=text, items=tuple(items), narrative=narrative)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "[@chou2009 and more]",
            "'@chou2009 and more' is not a work to cite. Write [@key], [@key, p. 4] or "
            "[@key1; @key2]; keys hold letters, digits and _ - : . / only",
        ),
        (
            "[@chou2009; hall2021]",
            "'hall2021' is not a work to cite. Write [@key], [@key, p. 4] or [@key1; @key2]; "
            "keys hold letters, digits and _ - : . / only",
        ),
        (
            "[+@chou2009; @hall2021]",
            "the narrative form [+@key] names one work. Write [+@key1] and [+@key2] separately",
        ),
    ],
)
def test_unreadable_citation_says_what_to_write(text: str, problem: str) -> None:
    with pytest.raises(CitationSyntaxError) as raised:
        parse_citation(text)
    assert str(raised.value) == problem
    html, handler = convert(f"See {text}.")
    assert handler.problems == [problem]
    assert f"<mark>{escape(text)}</mark>" in html


@pytest.mark.parametrize(
    "text",
    [
        "Code `[@chou2009]` stays.",
        "Code ``a [@chou2009] b`` stays.",
        "```\n[@chou2009]\n```",
        "~~~python\nx = '[@chou2009]'\n~~~",
        "    [@chou2009] indented code",
        "- item\n\n        [@chou2009] code in a list",
        r"Escaped \[@chou2009] is text.",
        "Mail jan@example.com or [jan@example.com] or @chou2009.",
        "A link [@chou2009](https://example.org) is a link.",
        "<div>[@chou2009]</div>",
    ],
)
def test_code_escapes_mail_links_and_html_are_never_citations(text: str) -> None:
    _, handler = convert(text)
    assert handler.citations == []


def test_fenced_code_with_the_builtin_extension_too() -> None:
    _, handler = convert("```\n[@chou2009]\n```", extensions=("fenced_code",))
    assert handler.citations == []


@pytest.mark.parametrize(
    "text",
    [
        "In a paragraph [@chou2009].",
        "- In a list [@chou2009]",
        "> In a quote [@chou2009]",
        "| A | B |\n|---|---|\n| in a table | [@chou2009] |",
        "## In a heading [@chou2009]",
        "*Emphasis [@chou2009]*",
        "Across a line break [@chou2009;\n@hall2021].",
    ],
)
def test_citations_anywhere_in_text(text: str) -> None:
    html, handler = convert(text, extensions=("pymdownx.superfences", "tables"))
    assert len(handler.citations) == 1
    assert "<cite>" in html


def test_references_marker_replaced_by_heading_and_list() -> None:
    html, handler = convert("# Page\n\nText [@a].\n\n[[references]]\n\n## After\n\nMore.")
    assert handler.markers_seen == [True]
    assert html == (
        '<h1 id="page">Page</h1>\n<p>Text <cite>[@a]</cite>.</p>\n'
        '<h2 data-search-exclude="" id="bronnen">Bronnen</h2>\n<ol><li>list</li></ol>\n'
        '<h2 id="after">After</h2>\n<p>More.</p>'
    )


def test_list_appended_when_there_is_no_marker() -> None:
    html, handler = convert("Text [@a].\n\n## Last\n\nEnd.")
    assert handler.markers_seen == [False]
    assert html.endswith(
        '<p>End.</p>\n<h2 data-search-exclude="" id="bronnen">Bronnen</h2>\n<ol><li>list</li></ol>'
    )


def test_heading_is_in_the_table_of_contents() -> None:
    extension = CitationsExtension()
    extension.handler = RecordingHandler()
    md = markdown.Markdown(extensions=["toc", extension])
    md.convert("Text [@a].")
    assert [token["id"] for token in md.toc_tokens] == ["bronnen"]


def test_page_without_citations_gets_no_list_and_loses_the_marker() -> None:
    html, _ = convert("No citations.\n\n[[references]]\n")
    assert html == "<p>No citations.</p>"


def test_marker_inside_text_or_code_is_not_a_marker() -> None:
    html, handler = convert("See [[references]] here.\n\n`[[references]]`\n\n    [[references]]\n")
    assert handler.markers_seen == [False]
    assert html.count("[[references]]") == 3


def test_second_references_marker_is_reported_and_removed() -> None:
    html, handler = convert("Text [@a].\n\n[[references]]\n\nMore.\n\n[[references]]\n")
    assert handler.extra_markers == 1
    assert html.count('<h2 data-search-exclude="" id="bronnen">') == 1
    assert "[[references]]" not in html


def test_bibliography_marker() -> None:
    html, _ = convert("# Bronnen\n\n[[bibliography]]\n")
    assert html == '<h1 id="bronnen">Bronnen</h1>\n<ol><li>everything</li></ol>'


def test_without_a_handler_citations_stay_text_and_markers_go() -> None:
    extension = CitationsExtension()
    html = markdown.markdown("Text [@a].\n\n[[references]]\n", extensions=[extension])
    assert html == "<p>Text [@a].</p>"


def test_citation_lines_skip_code_and_count_repeats() -> None:
    source = (
        "---\ntitle: x\n---\n"  # lines 1-3: front matter
        "A [@a] and `[@b]`.\n"  # 4
        "```\n[@b]\n```\n"  # 5-7
        "B [@b] and [@a].\n"  # 8
        "C [@a;\n@c].\n"  # 9-10
    )
    lines = CitationLines(lambda: source)
    assert [lines.line("[@a]", n) for n in range(3)] == [4, 8, 8]
    assert lines.line("[@b]", 0) == 8
    assert lines.line("[@a;\n@c]", 0) == 9
    assert lines.line("[@zzz]", 0) is None
    assert [lines.count("[@a]"), lines.count("[@a]"), lines.count("[@b]")] == [0, 1, 0]
