"""In-text citations and reference lists as HTML, numeric and author-date, in nl and en."""

import pytest

from patientsite.citations import render
from patientsite.citations.bibliography import parse_bibliography
from patientsite.citations.catalogue import format_catalogue
from patientsite.citations.locale import TERMS
from patientsite.citations.syntax import parse_citation

ND = "\u2013"  # en dash

BIB = r"""
@article{chou2009, author = {Chou, R. and Fu, R. and Deyo, R. A.}, title = {Imaging},
         journal = {Lancet}, year = {2009}}
@article{chou2011, author = {Chou, R. and Qaseem, A. and Owens, D.}, title = {Diagnostic},
         journal = {Ann}, year = {2011}}
@article{hall2021, author = {Hall, A. M. and Maher, C. G.}, title = {Do not}, journal = {BMJ},
         year = {2021}}
@article{jarvik2002, author = {Jarvik, J. G. and Deyo, R. A.}, title = {Evaluation},
         journal = {Ann}, year = {2002}}
@techreport{nice2016, author = {{National Institute for Health and Care Excellence}},
            title = {Low back pain}, year = {2016}}
@misc{leaflet, title = {Back pain leaflet}}
@article{wang2018, author = {W{\'a}ng, Y.}, title = {Review}, journal = {JOT}, year = {2018}}
@article{doe2020a, author = {Doe, J.}, title = {A}, journal = {J}, year = {2020}}
@article{doe2020b, author = {Doe, J.}, title = {B}, journal = {J}, year = {2020}}
"""
# APA order: leaflet 1, chou2009 2, chou2011 3, doe2020a 4, doe2020b 5, hall2021 6,
# jarvik2002 7, nice2016 8, wang2018 9.


def cite(text: str, language: str, numeric: bool) -> str:
    catalogue = format_catalogue(parse_bibliography(BIB, "refs.bib"), year_suffixes=not numeric)
    citation = parse_citation(text)
    cited, unknown = [], []
    for item in citation.items:
        work = catalogue.work(item.key)
        if work is None:
            unknown.append(item.key)
        else:
            cited.append(render.Cited(item=item, work=work))
    return render.in_text(citation, cited, unknown, "cite-1", TERMS[language], numeric)


def link(key: str, text: str, label: str | None = None) -> str:
    aria = f' aria-label="{label}"' if label else ""
    return f'<a class="citation-link" href="#ref-{key}"{aria}>{text}</a>'


def span(body: str) -> str:
    return f'<span class="citation citation--numeric" id="cite-1">{body}</span>'


CHOU_EN = link("chou2009", "2", "Source 2: Chou et al., 2009")
CHOU_NL = link("chou2009", "2", "Bron 2: Chou e.a., 2009")
HALL_EN = link("hall2021", "6", "Source 6: Hall and Maher, 2021")
HALL_NL = link("hall2021", "6", "Bron 6: Hall en Maher, 2021")

NUMERIC = [
    ("one work", "[@chou2009]", span(f"[{CHOU_EN}]"), span(f"[{CHOU_NL}]")),
    (
        "several works, in number order",
        "[@hall2021; @chou2009]",
        span(f"[{CHOU_EN}, {HALL_EN}]"),
        span(f"[{CHOU_NL}, {HALL_NL}]"),
    ),
    (
        "three consecutive numbers become a range; the middle one is read out",
        "[@doe2020a; @chou2009; @chou2011; @hall2021]",
        span(
            f'[{CHOU_EN}<span aria-hidden="true">{ND}</span><span class="citation-sr-only">, '
            "Source 3: Chou et al., 2011, </span>"
            f"{link('doe2020a', '4', 'Source 4: Doe, 2020')}, {HALL_EN}]"
        ),
        span(
            f'[{CHOU_NL}<span aria-hidden="true">{ND}</span><span class="citation-sr-only">, '
            "Bron 3: Chou e.a., 2011, </span>"
            f"{link('doe2020a', '4', 'Bron 4: Doe, 2020')}, {HALL_NL}]"
        ),
    ),
    (
        "locators: items separated by semicolons",
        "[@chou2009, p. 465; @hall2021]",
        span(f"[{CHOU_EN}, p. 465; {HALL_EN}]"),
        span(f"[{CHOU_NL}, p. 465; {HALL_NL}]"),
    ),
    (
        "narrative",
        "[+@hall2021]",
        span(f"Hall and Maher [{HALL_EN}]"),
        span(f"Hall en Maher [{HALL_NL}]"),
    ),
    (
        "narrative keeps et al. in Dutch",
        "[+@chou2009, p. 4]",
        span(f"Chou et al. [{CHOU_EN}, p. 4]"),
        span(f"Chou et al. [{CHOU_NL}, p. 4]"),
    ),
    (
        "year-only form is just the number",
        "[-@hall2021]",
        span(f"[{HALL_EN}]"),
        span(f"[{HALL_NL}]"),
    ),
    (
        "a work cited twice in one citation counts once",
        "[@chou2009; @chou2009]",
        span(f"[{CHOU_EN}]"),
        span(f"[{CHOU_NL}]"),
    ),
    (
        "unknown key stays visible",
        "[@chou2009; @zzz]",
        span(f'[{CHOU_EN}, <span class="citation-unknown" title="Unknown source">?zzz</span>]'),
        span(f'[{CHOU_NL}, <span class="citation-unknown" title="Onbekende bron">?zzz</span>]'),
    ),
]

AUTHOR_DATE = [
    (
        "three or more authors: et al. in both languages",
        "[@chou2009]",
        span(f"({link('chou2009', 'Chou et al., 2009')})"),
        None,
    ),
    (
        "two authors joined by &, works in list order",
        "[@hall2021; @chou2009]",
        span(
            f"({link('chou2009', 'Chou et al., 2009')}; "
            f"{link('hall2021', 'Hall &amp; Maher, 2021')})"
        ),
        None,
    ),
    (
        "same authors share one name",
        "[@chou2011; @chou2009]",
        span(
            f"({link('chou2009', 'Chou et al., 2009')}, "
            f"{link('chou2011', '2011', 'Chou et al., 2011')})"
        ),
        None,
    ),
    (
        "same author, same year: 2020a and 2020b",
        "[@doe2020b; @doe2020a]",
        span(f"({link('doe2020a', 'Doe, 2020a')}, {link('doe2020b', '2020b', 'Doe, 2020b')})"),
        None,
    ),
    (
        "locator",
        "[@chou2009, p. 465]",
        span(f"({link('chou2009', 'Chou et al., 2009, p. 465')})"),
        None,
    ),
    (
        "narrative: 'and' written out",
        "[+@hall2021]",
        span(link("hall2021", "Hall and Maher (2021)")),
        span(link("hall2021", "Hall en Maher (2021)")),
    ),
    (
        "narrative with a locator",
        "[+@chou2009, p. 4]",
        span(link("chou2009", "Chou et al. (2009, p. 4)")),
        None,
    ),
    ("year only", "[-@hall2021]", span(f"({link('hall2021', '2021')})"), None),
    (
        "group author named in full",
        "[@nice2016]",
        span(f"({link('nice2016', 'National Institute for Health and Care Excellence, 2016')})"),
        None,
    ),
    (
        "no author: italic title; no date",
        "[@leaflet]",
        span(f"({link('leaflet', '<em>Back pain leaflet</em>, n.d.')})"),
        span(f"({link('leaflet', '<em>Back pain leaflet</em>, z.d.')})"),
    ),
    (
        "accents",
        "[@wang2018]",
        span(f"({link('wang2018', 'Wáng, 2018')})"),
        None,
    ),
]


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(
    ("text", "english", "dutch"), [c[1:] for c in NUMERIC], ids=[c[0] for c in NUMERIC]
)
def test_numeric(text: str, english: str, dutch: str | None, language: str) -> None:
    expected = english if language == "en" or dutch is None else dutch
    assert cite(text, language, numeric=True) == expected


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(
    ("text", "english", "dutch"), [c[1:] for c in AUTHOR_DATE], ids=[c[0] for c in AUTHOR_DATE]
)
def test_author_date(text: str, english: str, dutch: str | None, language: str) -> None:
    expected = english if language == "en" or dutch is None else dutch
    # Only numeric citations are kept on one line (citation--numeric); these may wrap.
    expected = expected.replace('class="citation citation--numeric"', 'class="citation"')
    assert cite(text, language, numeric=False) == expected


def test_page_list_numeric_with_backlinks_to_every_place() -> None:
    catalogue = format_catalogue(parse_bibliography(BIB, "refs.bib"), year_suffixes=False)
    work = catalogue.work("hall2021")
    assert work is not None
    entry = render.PageEntry(work=work, reference="REF", citation_ids=("cite-2", "cite-5"))
    assert render.page_list([entry], TERMS["nl"], numeric=True) == (
        '<ol class="citations-list citations-numeric"><li id="ref-hall2021" value="6">'
        '<span class="citation-reference">REF</span> <span class="citation-backlinks">'
        '<a class="citation-backlink" href="#cite-2" '
        'aria-label="Terug naar vermelding 1 in de tekst">\u21a9\ufe0e1</a> '
        '<a class="citation-backlink" href="#cite-5" '
        'aria-label="Terug naar vermelding 2 in de tekst">\u21a9\ufe0e2</a></span></li></ol>'
    )


def test_page_list_author_date_with_one_backlink() -> None:
    catalogue = format_catalogue(parse_bibliography(BIB, "refs.bib"), year_suffixes=True)
    work = catalogue.work("hall2021")
    assert work is not None
    entry = render.PageEntry(work=work, reference="REF", citation_ids=("cite-1",))
    assert render.page_list([entry], TERMS["en"], numeric=False) == (
        '<ul class="citations-list citations-author-date"><li id="ref-hall2021">'
        '<span class="citation-reference">REF</span> <span class="citation-backlinks">'
        '<a class="citation-backlink" href="#cite-1" aria-label="Back to the text">'
        "\u21a9\ufe0e</a></span></li></ul>"
    )


def test_full_list_links_the_pages_that_cite() -> None:
    catalogue = format_catalogue(parse_bibliography(BIB, "refs.bib"), year_suffixes=False)
    hall, wang = catalogue.work("hall2021"), catalogue.work("wang2018")
    assert hall is not None
    assert wang is not None
    entries = [
        render.FullEntry(
            work=hall,
            reference="HALL",
            cited_on=(("Alarm & signs", "../alarm/#ref-hall2021"), ("Scans", "../#ref-hall2021")),
        ),
        render.FullEntry(work=wang, reference="WANG", cited_on=()),
    ]
    assert render.full_list(entries, TERMS["en"]) == (
        '<ol class="citations-list citations-bibliography"><li id="bib-hall2021">'
        '<span class="citation-reference">HALL</span> <span class="citation-cited-on">Cited on: '
        '<a href="../alarm/#ref-hall2021">Alarm &amp; signs</a>, '
        '<a href="../#ref-hall2021">Scans</a></span></li>'
        '<li id="bib-wang2018"><span class="citation-reference">WANG</span></li></ol>'
    )


def test_unreadable_citation_shown_as_written() -> None:
    assert render.unreadable("[@a <b>]", TERMS["nl"]) == (
        '<span class="citation-unknown" title="Onbekende bron">[@a &lt;b&gt;]</span>'
    )


def test_keys_with_colons_dots_and_slashes_keep_them_in_links() -> None:
    bib = "@article{doi:10.1/x.y, author = {Doe, J.}, title = {A}, journal = {J}, year = {2020}}"
    catalogue = format_catalogue(parse_bibliography(bib, "refs.bib"), year_suffixes=False)
    citation = parse_citation("[@doi:10.1/x.y]")
    work = catalogue.work("doi:10.1/x.y")
    assert work is not None
    html = render.in_text(
        citation, [render.Cited(citation.items[0], work)], [], "cite-1", TERMS["en"], True
    )
    assert 'href="#ref-doi:10.1/x.y"' in html
