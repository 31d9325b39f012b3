"""Rendering the warning signs: the checklist per country, the chart and the page markers."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest

from patientsite.warning_signs import render
from patientsite.warning_signs.render import (
    MarkerError,
    chart_markdown,
    chart_steps,
    chart_svg,
    checklist_markdown,
    expand,
    poster_checklist_html,
)
from patientsite.warning_signs.source import WarningSigns, parse_warning_signs
from tests.warning_signs.test_source import VALID

SVG = "{http://www.w3.org/2000/svg}"
CALL_112 = '<a href="tel:112">112</a>'


@pytest.fixture
def signs() -> WarningSigns:
    return parse_warning_signs(VALID, "en.yml", "en")


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["md_in_html", "attr_list"])


def test_checklist_shows_three_tiers_fastest_first(signs: WarningSigns) -> None:
    page = html(checklist_markdown(signs, ""))
    root = ET.fromstring(f"<root>{page}</root>")
    tiers = root.findall("./div/div")
    assert [tier.get("class") for tier in tiers] == [
        "red-flags__tier red-flags__tier--now",
        "red-flags__tier red-flags__tier--today",
        "red-flags__tier red-flags__tier--appointment",
    ]
    assert [tier.findtext("h3") for tier in tiers] == [
        "Call 112 now",
        "Call your GP today",
        "Make an appointment",
    ]
    assert ["".join(item.itertext()) for item in tiers[0].iter("li")] == [
        "Numbness around the anus [@chou2011].",
        "Chest pain [@nhs].",
    ]


def test_without_a_country_every_route_is_labelled(signs: WarningSigns) -> None:
    page = html(checklist_markdown(signs, ""))
    assert (
        '<p class="red-flags__route"><strong>In Belgium:</strong> Call\u00a0'
        f"{CALL_112} (spoed).</p>" in page
    )
    assert (
        '<p class="red-flags__route"><strong>In the Netherlands:</strong> Call\u00a0'
        f"{CALL_112} (SEH).</p>" in page
    )
    # The same route in both countries is said once, without a label.
    assert '<p class="red-flags__route">Your GP.</p>' in page
    assert page.count("Your GP.") == 1
    assert '<p class="red-flags__note"><strong>Do not drive yourself.</strong></p>' in page


@pytest.mark.parametrize(
    ("country", "shown", "hidden"),
    [
        ("BE", f"Call\u00a0{CALL_112} (spoed).", "(SEH)"),
        ("NL", f"Call\u00a0{CALL_112} (SEH).", "1733"),
    ],
)
def test_a_clinic_country_shows_only_its_routes(
    signs: WarningSigns, country: str, shown: str, hidden: str
) -> None:
    page = html(checklist_markdown(signs, country))
    assert f'<p class="red-flags__route">{shown}</p>' in page
    assert hidden not in page
    assert "In Belgium" not in page and "In the Netherlands" not in page


def test_phone_numbers_in_notes_and_routes_are_links_that_call(signs: WarningSigns) -> None:
    text = VALID.replace("note: Do not drive yourself.", "note: Do not drive yourself, call 112.")
    page = html(checklist_markdown(parse_warning_signs(text, "en.yml", "en"), "BE"))
    assert f"<strong>Do not drive yourself, call\u00a0{CALL_112}.</strong>" in page
    assert (
        '<p class="red-flags__route">Call your GP, or\u00a0<a href="tel:1733">1733</a>.</p>' in page
    )
    # Headings are not links (the heading's 112 is what the route below it says to call).
    assert "<h3>Call 112 now</h3>" in page
    assert page.count('href="tel:') == 3


def test_without_phone_numbers_nothing_is_a_link() -> None:
    text = VALID.replace('phone_numbers: ["112", "1733"]', "phone_numbers: []")
    page = html(checklist_markdown(parse_warning_signs(text, "en.yml", "en"), ""))
    assert "<a" not in page
    assert "Call 112 (spoed)." in page


def test_a_number_in_groups_calls_without_spaces(signs: WarningSigns) -> None:
    text = VALID.replace("Call your GP, or 1733.", "Call your GP, or 0900 1515.").replace(
        '["112", "1733"]', '["0900 1515"]'
    )
    page = html(checklist_markdown(parse_warning_signs(text, "en.yml", "en"), "BE"))
    assert '<a href="tel:09001515">0900 1515</a>' in page


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Bel je huisarts. 's Avonds, 's nachts: bel op 1733.",
            "Bel je huisarts. 's\u00a0Avonds, 's\u00a0nachts: bel op\u00a01733.",
        ),
        ("Call 112, or your GP's number.", "Call\u00a0112, or your GP's number."),  # a possessive
        ("Room 1120, or 2112 minutes.", "Room 1120, or 2112 minutes."),  # not a number to call
    ],
)
def test_no_line_break_after_s_or_before_a_number_to_call(
    signs: WarningSigns, text: str, kept: str
) -> None:
    assert render.keep_together(signs, text) == kept


def test_the_lists_and_the_poster_keep_a_number_with_the_word_before_it(
    signs: WarningSigns,
) -> None:
    assert "or\u00a0[1733](tel:1733)." in checklist_markdown(signs, "BE")
    assert "or\u00a01733." in poster_checklist_html(signs, "BE")


def test_chart_is_valid_accessible_svg_with_separate_exits(signs: WarningSigns) -> None:
    svg = ET.fromstring(chart_svg(signs))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "decision-title-en decision-desc-en"
    assert svg.findtext(f"{SVG}title") == "What should I do?"
    assert svg.findtext(f"{SVG}desc") == " ".join(chart_steps(signs))
    boxes = [rect.get("class") for rect in svg.iter(f"{SVG}rect")]
    # The emergency and the GP-today exits are separate boxes, each in its tier's colour.
    assert boxes.count("decision__box decision__box--now") == 1
    assert boxes.count("decision__box decision__box--today") == 1
    # One question per tier, so a sign of the slowest tier has its own exit too.
    assert boxes.count("decision__box decision__box--question") == 4
    texts = " ".join(text.text or "" for text in svg.iter(f"{SVG}text"))
    for words in ("Call 112", "GP today", "Appointment", "No scan", "See your GP."):
        assert words in texts


def test_chart_boxes_never_overlap(signs: WarningSigns) -> None:
    svg = ET.fromstring(chart_svg(signs))
    rects = [
        tuple(float(rect.get(name) or 0) for name in ("x", "y", "width", "height"))
        for rect in svg.iter(f"{SVG}rect")
    ]
    for index, (x, y, w, h) in enumerate(rects):
        for other_x, other_y, other_w, other_h in rects[index + 1 :]:
            apart = (
                x + w <= other_x
                or other_x + other_w <= x
                or y + h <= other_y
                or other_y + other_h <= y
            )
            assert apart
    _, _, width, height = (float(v) for v in (svg.get("viewBox") or "").split())
    assert all(x + w <= width and y + h <= height for x, y, w, h in rects)


def test_chart_in_words_follows_the_chart(signs: WarningSigns) -> None:
    page = html(chart_markdown(signs))
    steps = page[page.index("<ol>") : page.index("</ol>")]
    assert [line for line in steps.split("\n") if line.startswith("<li>")] == [
        f"<li>{step}</li>" for step in chart_steps(signs)
    ]
    assert chart_steps(signs)[0] == "An emergency sign? Call 112."


def test_expand_replaces_markers_outside_code_only(signs: WarningSigns) -> None:
    page = "# T\n\n[[warning-signs]]\n\n```md\n[[warning-signs]]\n```\n\n[[decision-chart]]\n"
    result = expand(page, signs, "BE", "docs/en/t.md", "en.yml")
    assert result.count('<div class="red-flags" markdown>') == 1
    assert "```md\n[[warning-signs]]\n```" in result
    assert result.count('<figure class="decision" markdown>') == 1


def test_a_hand_written_tier_is_refused_with_file_and_line(signs: WarningSigns) -> None:
    page = '# T\n\n<div class="red-flags__tier red-flags__tier--now" markdown>\n- x\n</div>\n'
    with pytest.raises(MarkerError) as error:
        expand(page, signs, "", "docs/en/t.md", "includes/warning-signs/en.yml")
    assert str(error.value).startswith(
        "docs/en/t.md:3: this page writes a warning-sign tier by hand. The warning signs come "
        "from includes/warning-signs/en.yml only"
    )


def test_a_marker_without_a_file_is_an_error() -> None:
    with pytest.raises(MarkerError, match=r"^docs/nl/t.md:2: \[\[decision-chart\]\] shows"):
        expand("# T\n[[decision-chart]]\n", None, "", "docs/nl/t.md", "nl.yml")
    assert expand("# T\nNo markers.\n", None, "", "docs/nl/t.md", "nl.yml") == "# T\nNo markers.\n"


def test_poster_prints_short_forms_without_citations(signs: WarningSigns) -> None:
    text = VALID.replace(
        "      - Chest pain [@nhs].\n",
        "      - text: You have chest pain as well [@nhs].\n        short: Chest pain\n",
    )
    with_short = parse_warning_signs(text, "en.yml", "en")
    html = poster_checklist_html(with_short, "NL")
    root = ET.fromstring(html)
    assert [li.text for li in root.iter("li")] == [
        "Numbness around the anus.",  # no short form: the text without its citation
        "Chest pain",
        "Fever.",
        "Not better after 6 weeks.",
    ]
    assert [p.text for p in root.iter("p") if p.get("class") == "red-flags__route"] == [
        "Call\u00a0112 (SEH).",
        "Call your GP, or the huisartsenpost.",
        "Your GP.",
    ]
    assert "[" not in html


def test_lists_and_chart_give_each_urgency_the_same_colours() -> None:
    # A reader who sees yellow in the chart must find the yellow list, not a green one.
    css = (Path(__file__).resolve().parents[2] / "overrides" / "assets" / "site.css").read_text(
        encoding="utf-8"
    )
    light = css[: css.index("@media")]
    for kind, name in (("now", "now"), ("today", "today"), ("appointment", "later")):
        accent = re.search(rf"--red-flag-{name}: (#[0-9a-f]+);", light)
        background = re.search(rf"--red-flag-{name}-bg: (#[0-9a-f]+);", light)
        assert accent and background, name
        assert (background[1], accent[1]) == render.BOX_COLOURS[kind], kind
