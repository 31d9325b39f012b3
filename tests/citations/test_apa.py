"""APA 7 reference list entries, rule by rule, with the exact HTML in Dutch and English."""

import pytest
from pybtex.richtext import Text

from patientsite.citations.apa import ApaStyle, sentence_case
from patientsite.citations.bibliography import parse_bibliography
from patientsite.citations.locale import TERMS

ND = "\u2013"  # en dash
DOI = "https://doi.org/10.1136/bmj.n291"

TWENTY = (
    "One, A. and Two, A. and Three, A. and Four, A. and Five, A. and Six, A. and Seven, A. and "
    "Eight, A. and Nine, A. and Ten, A. and Eleven, A. and Twelve, A. and Thirteen, A. and "
    "Fourteen, A. and Fifteen, A. and Sixteen, A. and Seventeen, A. and Eighteen, A. and "
    "Nineteen, A. and Twenty, A."
)
NINETEEN_LISTED = (
    "One, A., Two, A., Three, A., Four, A., Five, A., Six, A., Seven, A., Eight, A., Nine, A., "
    "Ten, A., Eleven, A., Twelve, A., Thirteen, A., Fourteen, A., Fifteen, A., Sixteen, A., "
    "Seventeen, A., Eighteen, A., Nineteen, A."
)


def reference(bib: str, language: str, year_suffix: str = "") -> str:
    """The single entry of `bib` formatted in `language`."""
    bibliography = parse_bibliography(bib, "refs.bib")
    (entry,) = bibliography.entries.values()
    style = ApaStyle(TERMS[language], {entry.key.lower(): year_suffix})
    return style.format_html(entry)


# (rule, .bib entry, expected English, expected Dutch or None when the same)
CASES = [
    (
        "article, one author, issue, page range, DOI",
        r"""@article{jarvik2003, author = {Jarvik, Jeffrey G.},
            title = {Imaging of adults with low back pain}, journal = {JAMA},
            volume = {289}, number = {21}, pages = {2810--2818}, year = {2003},
            doi = {10.1001/jama.289.21.2810}}""",
        f"Jarvik, J. G. (2003). Imaging of adults with low back pain. <em>JAMA</em>, "
        f"<em>289</em>(21), 2810{ND}2818. "
        '<a href="https://doi.org/10.1001/jama.289.21.2810">'
        "https://doi.org/10.1001/jama.289.21.2810</a>",
        None,
    ),
    (
        "two authors with a comma before &, article number",
        r"""@article{hall2021, author = {Hall, Alison M. and Maher, Chris G.},
            title = {Do not routinely offer imaging}, journal = {BMJ}, volume = {372},
            pages = {n291}, year = {2021}, doi = {10.1136/bmj.n291}}""",
        "Hall, A. M., &amp; Maher, C. G. (2021). Do not routinely offer imaging. "
        f'<em>BMJ</em>, <em>372</em>, Article n291. <a href="{DOI}">{DOI}</a>',
        "Hall, A. M., &amp; Maher, C. G. (2021). Do not routinely offer imaging. "
        f'<em>BMJ</em>, <em>372</em>, Artikel n291. <a href="{DOI}">{DOI}</a>',
    ),
    (
        "three authors, article number in eid, DOI written as a URL",
        r"""@article{sharma2020, author = {Sharma, S. and Traeger, A. C. and Reed, B.},
            title = {Clinician beliefs}, journal = {BMJ Open}, volume = {10}, number = {8},
            eid = {e037820}, year = {2020}, doi = {https://doi.org/10.1136/bmj.n291}}""",
        "Sharma, S., Traeger, A. C., &amp; Reed, B. (2020). Clinician beliefs. "
        f'<em>BMJ Open</em>, <em>10</em>(8), Article e037820. <a href="{DOI}">{DOI}</a>',
        "Sharma, S., Traeger, A. C., &amp; Reed, B. (2020). Clinician beliefs. "
        f'<em>BMJ Open</em>, <em>10</em>(8), Artikel e037820. <a href="{DOI}">{DOI}</a>',
    ),
    (
        "twenty authors are all listed",
        f"@article{{many, author = {{{TWENTY}}}, title = {{Many}}, journal = {{J}}, year = 2020}}",
        f"{NINETEEN_LISTED}, &amp; Twenty, A. (2020). Many. <em>J</em>.",
        None,
    ),
    (
        "twenty-one authors: the first nineteen, an ellipsis, the last",
        f"@article{{many, author = {{{TWENTY} and Last, Z.}}, title = {{Many}}, journal = {{J}}, "
        "year = 2020}",
        f"{NINETEEN_LISTED}, \u2026 Last, Z. (2020). Many. <em>J</em>.",
        None,
    ),
    (
        "an author list ending in 'and others'",
        r"""@article{vw, author = {Van Wambeke, P. and Desomer, A. and others},
            title = {Low back pain}, journal = {J}, year = {2017}}""",
        "Van Wambeke, P., Desomer, A., et al. (2017). Low back pain. <em>J</em>.",
        None,
    ),
    (
        "group author kept whole, guideline with number, URL with access date",
        r"""@techreport{nice2016,
            author = {{National Institute for Health and Care Excellence}},
            title = {Low back pain and sciatica in over 16s: assessment and management},
            institution = {National Institute for Health and Care Excellence},
            type = {NICE guideline}, number = {NG59}, year = {2016},
            url = {https://www.nice.org.uk/guidance/ng59}, urldate = {2025-03-03}}""",
        "National Institute for Health and Care Excellence. (2016). <em>Low back pain and "
        "sciatica in over 16s: Assessment and management</em> (NICE guideline NG59). "
        'Retrieved March 3, 2025, from <a href="https://www.nice.org.uk/guidance/ng59">'
        "https://www.nice.org.uk/guidance/ng59</a>",
        "National Institute for Health and Care Excellence. (2016). <em>Low back pain and "
        "sciatica in over 16s: Assessment and management</em> (NICE guideline NG59). "
        'Geraadpleegd op 3 maart 2025, van <a href="https://www.nice.org.uk/guidance/ng59">'
        "https://www.nice.org.uk/guidance/ng59</a>",
    ),
    (
        "report series and number, publisher, URL without access date",
        r"""@techreport{kce, author = {Van Wambeke, P.}, title = {Low back pain},
            institution = {Belgian Health Care Knowledge Centre ({KCE})}, type = {KCE Reports},
            number = {287}, year = {2017}, url = {https://kce.fgov.be/en/287}}""",
        "Van Wambeke, P. (2017). <em>Low back pain</em> (KCE Reports 287). Belgian Health Care "
        'Knowledge Centre (KCE). <a href="https://kce.fgov.be/en/287">https://kce.fgov.be/en/287</a>',
        None,
    ),
    (
        "report number without a type",
        "@report{r, author = {Doe, J.}, title = {Back care}, number = {12}, year = {2019}}",
        "Doe, J. (2019). <em>Back care</em> (Report No. 12).",
        "Doe, J. (2019). <em>Back care</em> (Rapport nr. 12).",
    ),
    (
        "book with edition and publisher",
        r"""@book{waddell, author = {Waddell, Gordon}, title = {The back pain revolution},
            edition = {2}, publisher = {Churchill Livingstone}, year = {2004}}""",
        "Waddell, G. (2004). <em>The back pain revolution</em> (2nd ed.). Churchill Livingstone.",
        "Waddell, G. (2004). <em>The back pain revolution</em> (2e dr.). Churchill Livingstone.",
    ),
    (
        "edited book: the editor in the author position",
        r"""@book{koes, editor = {Koes, Bart W.}, title = {Back pain}, publisher = {Springer},
            year = {2010}}""",
        "Koes, B. W. (Ed.). (2010). <em>Back pain</em>. Springer.",
        "Koes, B. W. (red.). (2010). <em>Back pain</em>. Springer.",
    ),
    (
        "edited book with two editors",
        r"""@book{koes, editor = {Koes, Bart W. and van Tulder, Maurits}, title = {Back pain},
            publisher = {Springer}, year = {2010}}""",
        "Koes, B. W., &amp; van Tulder, M. (Eds.). (2010). <em>Back pain</em>. Springer.",
        "Koes, B. W., &amp; van Tulder, M. (red.). (2010). <em>Back pain</em>. Springer.",
    ),
    (
        "chapter in an edited book",
        r"""@incollection{ch, author = {Deyo, Richard A.}, title = {Imaging: when and why},
            editor = {van Tulder, Maurits W. and Koes, Bart W.},
            booktitle = {Evidence-based back care}, edition = {3}, pages = {45--67},
            publisher = {Springer}, year = {2011}}""",
        "Deyo, R. A. (2011). Imaging: When and why. In M. W. van Tulder &amp; B. W. Koes (Eds.), "
        f"<em>Evidence-based back care</em> (3rd ed., pp. 45{ND}67). Springer.",
        "Deyo, R. A. (2011). Imaging: When and why. In M. W. van Tulder &amp; B. W. Koes (red.), "
        f"<em>Evidence-based back care</em> (3e dr., pp. 45{ND}67). Springer.",
    ),
    (
        "chapter with one editor and a single page",
        r"""@incollection{ch, author = {Deyo, R. A.}, title = {Imaging}, editor = {Koes, B.},
            booktitle = {Back care}, pages = {45}, publisher = {Springer}, year = {2011}}""",
        "Deyo, R. A. (2011). Imaging. In B. Koes (Ed.), <em>Back care</em> (p. 45). Springer.",
        "Deyo, R. A. (2011). Imaging. In B. Koes (red.), <em>Back care</em> (p. 45). Springer.",
    ),
    (
        "web page: full date, site name, access date",
        r"""@online{web, author = {Smith, Jane}, title = {What is low back pain?},
            organization = {Back Pain Foundation}, date = {2021-03-03},
            url = {https://example.org/back}, urldate = {2025-03-03}}""",
        "Smith, J. (2021, March 3). <em>What is low back pain?</em> Back Pain Foundation. "
        'Retrieved March 3, 2025, from <a href="https://example.org/back">'
        "https://example.org/back</a>",
        "Smith, J. (2021, 3 maart). <em>What is low back pain?</em> Back Pain Foundation. "
        'Geraadpleegd op 3 maart 2025, van <a href="https://example.org/back">'
        "https://example.org/back</a>",
    ),
    (
        "web page by an organisation: the site name is not repeated; month from a macro",
        r"""@misc{web, author = {{Back Pain Foundation}}, title = {Exercise},
            organization = {Back Pain Foundation}, year = {2022}, month = oct,
            url = {https://example.org/exercise}}""",
        "Back Pain Foundation. (2022, October). <em>Exercise</em>. "
        '<a href="https://example.org/exercise">https://example.org/exercise</a>',
        "Back Pain Foundation. (2022, oktober). <em>Exercise</em>. "
        '<a href="https://example.org/exercise">https://example.org/exercise</a>',
    ),
    (
        "no date",
        "@misc{nd, author = {Doe, J.}, title = {Back pain leaflet}}",
        "Doe, J. (n.d.). <em>Back pain leaflet</em>.",
        "Doe, J. (z.d.). <em>Back pain leaflet</em>.",
    ),
    (
        "no author: the title takes the author's place",
        "@misc{anon, title = {Back pain leaflet}, year = {2020}, publisher = {NHS}}",
        "<em>Back pain leaflet</em>. (2020). NHS.",
        None,
    ),
    (
        "LaTeX accents, escaped ampersand and double hyphen decoded",
        r"""@article{wang2018, author = {W{\'a}ng, Y. X. J. and M{\"u}ller, K.},
            title = {Pain \& imaging in {\"O}sterreich}, journal = {J. Orthop. Transl.},
            volume = {15}, pages = {21--34}, year = {2018}}""",
        f"Wáng, Y. X. J., &amp; Müller, K. (2018). Pain &amp; imaging in Österreich. "
        f"<em>J. Orthop. Transl.</em>, <em>15</em>, 21{ND}34.",
        None,
    ),
    (
        "particles and multi-word surnames kept as written",
        r"""@article{graaf, author = {van der Graaf, J. W. and {Ruiz Santiago}, F. and
            Ruiz Santiago, Fernando and de Vries, Anne-Marie}, title = {Names},
            journal = {J}, year = {2023}}""",
        "van der Graaf, J. W., Ruiz Santiago, F., Ruiz Santiago, F., &amp; de Vries, A.-M. "
        "(2023). Names. <em>J</em>.",
        None,
    ),
    (
        "hyphenated and run-together initials, generational suffix",
        r"""@article{names, author = {Chenot, Jean-Fran{\c{c}}ois and Lin, C.-W. C. and
            Smith, Jr., John M.}, title = {Names}, journal = {J}, year = {2018}}""",
        "Chenot, J.-F., Lin, C.-W. C., &amp; Smith, J. M., Jr. (2018). Names. <em>J</em>.",
        None,
    ),
    (
        "sentence case: capital after a colon, braced words and acronyms kept",
        r"""@article{sc, author = {Doe, J.},
            title = {Low Back Pain: What the {American College of Physicians} Says About {MRI}
            and COVID-19}, journal = {Annals of Internal Medicine}, year = {2020}}""",
        "Doe, J. (2020). Low back pain: What the American College of Physicians says about MRI "
        "and COVID-19. <em>Annals of Internal Medicine</em>.",
        None,
    ),
    (
        "a title ending in a question mark gets no period",
        "@article{q, author = {Lateef, H.}, title = {Is imaging needed?}, journal = {J}, "
        "year = {2009}}",
        "Lateef, H. (2009). Is imaging needed? <em>J</em>.",
        None,
    ),
    (
        "non-English title kept as written",
        r"""@techreport{nhg, author = {{Nederlands Huisartsen Genootschap}},
            title = {{NHG}-Standaard Aspecifieke lagerugpijn}, langid = {dutch},
            institution = {Nederlands Huisartsen Genootschap}, year = {2017}}""",
        "Nederlands Huisartsen Genootschap. (2017). "
        "<em>NHG-Standaard Aspecifieke lagerugpijn</em>.",
        None,
    ),
    (
        "non-English title with its translation in brackets",
        r"""@article{jutzi2020, author = {Jutzi, R.},
            title = {Bildgebung bei R{\"u}ckenschmerzen: ein Erfahrungsbericht},
            translatedtitle = {Imaging for low back pain: a survey}, langid = {german},
            journal = {Praxis}, volume = {109}, number = {6}, pages = {425--432}, year = {2020}}""",
        "Jutzi, R. (2020). Bildgebung bei Rückenschmerzen: ein Erfahrungsbericht "
        f"[Imaging for low back pain: A survey]. <em>Praxis</em>, <em>109</em>(6), 425{ND}432.",
        None,
    ),
    (
        "Icelandic names and title; italic report title with translation",
        r"""@techreport{sv, author = {Ingvarsson, {\TH}.}, title = {Segul{\'o}mun},
            translatedtitle = {{MRI}}, langid = {icelandic}, year = {2017}}""",
        "Ingvarsson, Þ. (2017). <em>Segulómun</em> [MRI].",
        None,
    ),
    (
        "markup in a field is text, and only web addresses become links",
        r"""@misc{x, author = {Doe, J.}, title = {<script>alert(1)</script>}, year = {2020},
            url = {javascript:alert(1)}}""",
        "Doe, J. (2020). <em>&lt;Script&gt;alert(1)&lt;/script&gt;</em>. javascript:alert(1)",
        None,
    ),
    (
        "quotes in a URL cannot leave the link's attribute",
        r"""@misc{x, author = {Doe, J.}, title = {Page}, year = {2020},
            url = {https://example.org/?a="b"&c=<d>}}""",
        "Doe, J. (2020). <em>Page</em>. "
        '<a href="https://example.org/?a=&quot;b&quot;&amp;c=&lt;d&gt;">'
        'https://example.org/?a="b"&amp;c=&lt;d&gt;</a>',
        None,
    ),
    (
        "a type without a template of its own is formatted as misc",
        r"""@phdthesis{t, author = {Doe, J.}, title = {Back pain}, year = {2015},
            institution = {Maastricht University}}""",
        "Doe, J. (2015). <em>Back pain</em>. Maastricht University.",
        None,
    ),
]


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(
    ("bib", "english", "dutch"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_apa_rule(bib: str, english: str, dutch: str | None, language: str) -> None:
    expected = english if language == "en" or dutch is None else dutch
    assert reference(bib, language) == expected


@pytest.mark.parametrize(
    ("language", "bib", "suffix", "expected"),
    [
        ("en", "@misc{a, author = {Doe, J.}, title = {A}, year = {2020}}", "b", "(2020b)."),
        ("nl", "@misc{a, author = {Doe, J.}, title = {A}}", "a", "(z.d.-a)."),
        ("en", "@misc{a, author = {Doe, J.}, title = {A}}", "a", "(n.d.-a)."),
    ],
)
def test_year_suffix_in_the_reference(language: str, bib: str, suffix: str, expected: str) -> None:
    assert expected in reference(bib, language, year_suffix=suffix)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Imaging Strategies For Low-Back Pain", "Imaging strategies for low-back pain"),
        ("{MRI} findings: A Systematic Review", "MRI findings: A systematic review"),
        ("the {UTE} disc sign on MRI", "The UTE disc sign on MRI"),
        ("Pain? Yes! Imaging", "Pain? Yes! Imaging"),
        ("Pain — an Overview", "Pain — An overview"),
        ("McKenzie and iPhone Use", "McKenzie and iPhone use"),
        ("{\\'E}tude in {Paris}", "Étude in Paris"),
    ],
)
def test_sentence_case(title: str, expected: str) -> None:
    assert str(sentence_case(Text.from_latex(title))) == expected
