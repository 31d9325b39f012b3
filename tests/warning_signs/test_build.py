"""The warning signs in real builds: one source, every rendering the same, routes per country.

A fixture site renders the real warning-signs files with the real bibliography for each
`extra.clinic.country`; the real site shows them on the home, warning-signs and tips pages and
in the handout PDF, which must hold the same tiers and signs in the same order.
"""

import re
from pathlib import Path

import pypdf
import pytest
import yaml

from patientsite.citations.syntax import CITATION_RE
from patientsite.pdf import htmltree
from patientsite.warning_signs.render import chart_steps
from patientsite.warning_signs.source import DEFAULT_FILE, WarningSigns, load_all
from tests.support import FIXTURES, ROOT, build_site

FIXTURE = FIXTURES / "warning_signs" / "site"
SIGNS = load_all(ROOT, DEFAULT_FILE, ["nl", "en"])
HOME = {"nl": "index.html", "en": "en/index.html"}
PAGES_WITH_SIGNS = ("", "alarm/", "tips/")
_NUMBERS = re.compile(r"\s*\[[\d,\s\u2013-]+\]")  # a rendered numeric citation: " [8, 18]"
_SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """Text without citations and with single spaces, to compare source and output."""
    text = CITATION_RE.sub("", text)
    return _SPACE.sub(" ", _NUMBERS.sub("", text)).replace(" .", ".").strip()


def expected(signs: WarningSigns) -> list[tuple[str, str, list[str]]]:
    return [
        (tier.id, tier.heading, [plain(sign.text) for sign in tier.signs]) for tier in signs.tiers
    ]


def rendered(html: str) -> list[tuple[str, str, list[str]]]:
    """The tiers of the first warning-signs list of a page, as (id, heading, signs)."""
    root = htmltree.parse(html)
    checklist = htmltree.query(root, "div.red-flags")
    assert checklist is not None, "the page shows no warning signs"
    tiers = []
    for tier in htmltree.query_all(checklist, "div.red-flags__tier"):
        tier_id = next(
            name.removeprefix("red-flags__tier--")
            for name in htmltree.classes(tier)
            if name.startswith("red-flags__tier--")
        )
        heading = htmltree.query(tier, "h3")
        assert heading is not None
        signs = [plain(htmltree.text_of(item)) for item in htmltree.query_all(tier, "li")]
        # Without the heading's permalink sign, which only shows on hover.
        tiers.append((tier_id, plain(htmltree.text_of(heading)).removesuffix("¶"), signs))
    return tiers


def routes(html: str) -> list[str]:
    root = htmltree.parse(html)
    return [plain(htmltree.text_of(p)) for p in htmltree.query_all(root, "p.red-flags__route")]


def config_with_country(tmp_path: Path, country: str) -> Path:
    config = yaml.safe_load((FIXTURE / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["clinic"]["country"] = country
    config["docs_dir"] = str(FIXTURE / "docs")
    config["plugins"][1]["patientsite/citations"]["bib_file"] = str(ROOT / "references.bib")
    pages = config["plugins"][2]["patientsite/pages"]
    pages["glossary"] = str(ROOT / "includes" / "glossary" / "{lang}.md")
    pages["warning_signs"] = str(ROOT / DEFAULT_FILE)
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=["", "BE", "NL"], ids=["unset", "BE", "NL"])
def country_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp(f"warning-signs-{request.param or 'unset'}")
    result = build_site(config_with_country(folder, request.param), folder / "site")
    assert result.returncode == 0, result.stderr
    return request.param, folder / "site"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_fixture_shows_the_tiers_of_the_source(country_site: tuple[str, Path], lang: str) -> None:
    _country, site = country_site
    html = (site / HOME[lang]).read_text(encoding="utf-8")
    assert rendered(html) == expected(SIGNS[lang])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_routes_follow_the_clinic_country(country_site: tuple[str, Path], lang: str) -> None:
    country, site = country_site
    signs = SIGNS[lang]
    shown = routes((site / HOME[lang]).read_text(encoding="utf-8"))
    if country:
        assert shown == [tier.routes[country] for tier in signs.tiers]
    else:
        # Each country labelled; a route the same in both is said once, without a label.
        assert shown == [
            route
            for tier in signs.tiers
            for route in (
                [tier.routes["BE"]]
                if tier.routes["BE"] == tier.routes["NL"]
                else [f"{signs.countries[code]}: {tier.routes[code]}" for code in ("BE", "NL")]
            )
        ]
    text = " ".join(shown)
    assert ("1733" in text) == (country != "NL")
    assert ("huisartsenpost" in text) == (country != "BE")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_numbers_to_call_are_links_that_call_them(
    country_site: tuple[str, Path], lang: str
) -> None:
    # A worried reader on a phone calls 112 or the GP on duty (1733) with one tap.
    country, site = country_site
    checklist = htmltree.query(
        htmltree.parse((site / HOME[lang]).read_text(encoding="utf-8")), "div.red-flags"
    )
    assert checklist is not None
    calls = [
        (link.get("href"), htmltree.text_of(link))
        for link in htmltree.query_all(checklist, "a")
        if link.get("href", "").startswith("tel:")
    ]
    expected_numbers = {"112"} if country == "NL" else {"112", "1733"}
    assert {href for href, _text in calls} == {f"tel:{number}" for number in expected_numbers}
    assert all(href == f"tel:{text}" for href, text in calls)
    # Every 112 and 1733 in a note or route is a link; no heading is.
    said = [
        htmltree.text_of(p)
        for p in htmltree.query_all(checklist, "p")
        if {"red-flags__route", "red-flags__note"} & set(htmltree.classes(p))
    ]
    spoken = sum(len(re.findall(r"\b(?:112|1733)\b", text)) for text in said)
    assert len(calls) == spoken
    assert not htmltree.query_all(checklist, "h3 a[href^='tel:']")


def test_an_unknown_country_fails_the_build_naming_the_setting(tmp_path: Path) -> None:
    result = build_site(config_with_country(tmp_path, "FR"), tmp_path / "site")
    assert result.returncode != 0
    assert "extra.clinic.country in mkdocs.yml is 'FR', which we have no routes for" in (
        result.stderr
    )


# -- the real site ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("page", PAGES_WITH_SIGNS)
def test_every_page_shows_the_same_tiers(built_site: Path, lang: str, page: str) -> None:
    root = "" if lang == "nl" else "en/"
    html = (built_site / root / page / "index.html").read_text(encoding="utf-8")
    assert rendered(html) == expected(SIGNS[lang])


def test_both_languages_have_the_same_tiers_and_number_of_signs() -> None:
    nl, en = (expected(SIGNS[lang]) for lang in ("nl", "en"))
    assert [(tier_id, len(signs)) for tier_id, _h, signs in nl] == [
        (tier_id, len(signs)) for tier_id, _h, signs in en
    ]
    assert [tier_id for tier_id, _h, _s in nl] == ["now", "today", "appointment"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_chart_in_words_equals_the_source(built_site: Path, lang: str) -> None:
    root = htmltree.parse((built_site / HOME[lang]).read_text(encoding="utf-8"))
    steps = htmltree.query(root, "div.decision__steps")
    assert steps is not None
    assert [plain(htmltree.text_of(li)) for li in htmltree.query_all(steps, "li")] == [
        plain(step) for step in chart_steps(SIGNS[lang])
    ]
    svg_text = " ".join(htmltree.text_of(text) for text in htmltree.query_all(root, "text"))
    for tier_id in ("now", "today"):
        assert SIGNS[lang].tier(tier_id).chart.answer in _SPACE.sub(" ", svg_text)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_handout_holds_the_same_tiers_item_by_item(real_site: Path, lang: str) -> None:
    root = "" if lang == "nl" else "en/"
    reader = pypdf.PdfReader(real_site / root / "pdf" / "handout.pdf")
    text = _SPACE.sub(" ", " ".join(page.extract_text() for page in reader.pages))
    position = 0
    for _tier_id, heading, signs in expected(SIGNS[lang]):
        for item in (heading, *signs):
            found = text.find(item, position)
            assert found >= 0, f"not in the handout after position {position}: {item!r}"
            position = found + len(item)
    # No sign of the site is missing, and no stray sign is printed between them.
    all_signs = [sign for _t, _h, signs in expected(SIGNS[lang]) for sign in signs]
    assert sum(text.count(sign) for sign in all_signs) == len(all_signs)
    # A number to call is printed once, as the number: paper cannot be tapped.
    assert "tel:" not in text


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("pdf", ["article.pdf", "handout.pdf"])
def test_no_sign_starts_with_a_word_alone_on_its_line(real_site: Path, lang: str, pdf: str) -> None:
    # WeasyPrint once broke "You | have a lump ... [18]." after the first word, when the
    # citation did not fit at the end of the line.
    root = "" if lang == "nl" else "en/"
    reader = pypdf.PdfReader(real_site / root / "pdf" / pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for _tier_id, _heading, signs in expected(SIGNS[lang]):
        for sign in signs:
            first, second = sign.split()[:2]
            assert f"{first} {second}" in text, sign
            assert f"\n{first}\n{second} " not in text, sign
