"""Reading comfort, in the system Chromium against the real site on 127.0.0.1: dark mode,
the labelled language switch, the print links, citation popovers on a phone, and the layout
at phone and desktop widths."""

import re
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.platform.test_browser import PATHS, WCAG_TAGS

pytestmark = pytest.mark.browser

WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
LAYOUT_WIDTHS = (320, 390, 1280)
SCHEMES = ("light", "dark")
LAYOUT_PROBLEMS = (Path(__file__).parent / "layout_problems.js").read_text("utf-8")
# Our own words for the header's controls, per language (src/patientsite/words/<lang>.yml).
PALETTE_NAMES = {"nl": ("Donkere weergave", "Lichte weergave"), "en": ("Dark mode", "Light mode")}
PRINT_NAMES = {"nl": "Printen of bewaren als PDF", "en": "Print or save as PDF"}


def language(path: str) -> str:
    return "en" if path.startswith("en/") else "nl"


def axe_violations(page: Any) -> Any:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return results.violations_count, results.generate_report()


# -- dark mode --------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PATHS)
def test_every_page_is_accessible_in_both_schemes(
    open_page: Any, site_url: str, path: str, width: str, scheme: str
) -> None:
    page = open_page(site_url + path, *WIDTHS[width], color_scheme=scheme)
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    count, report = axe_violations(page)
    assert count == 0, report


@pytest.mark.parametrize("path", ["", "en/"])
def test_dark_mode_darkens_the_page_the_warning_signs_and_the_chart(
    open_page: Any, site_url: str, path: str
) -> None:
    light = open_page(site_url + path, color_scheme="light")
    dark = open_page(site_url + path, color_scheme="dark")

    def colours(page: Any) -> dict[str, str]:
        return page.evaluate(
            """() => {
                const css = (selector, property) =>
                    getComputedStyle(document.querySelector(selector))[property];
                return {
                    page: css("body", "backgroundColor"),
                    tier: css(".red-flags__tier--now", "backgroundColor"),
                    box: css(".decision__box--now", "fill"),
                    text: css(".decision__text", "fill"),
                    arrow: css(".decision__arrow", "stroke"),
                };
            }"""
        )

    before, after = colours(light), colours(dark)
    for part in before:
        assert before[part] != after[part], part
    # Dark backgrounds, light chart text.
    assert luminance(after["page"]) < 0.05
    assert luminance(after["tier"]) < 0.05
    assert luminance(after["box"]) < 0.05
    assert luminance(after["text"]) > 0.8
    # Paper is printed in the light colours, whatever the screen showed.
    dark.emulate_media(media="print")
    printed = colours(dark)
    assert luminance(printed["tier"]) > 0.8
    assert luminance(printed["box"]) > 0.8
    assert luminance(printed["text"]) < 0.05


def luminance(css_colour: str) -> float:
    """Relative luminance (WCAG) of an rgb()/rgba() colour."""
    red, green, blue = (int(n) for n in re.findall(r"\d+", css_colour)[:3])

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


@pytest.mark.parametrize("path", ["", "en/"])
def test_the_toggle_switches_and_is_named_in_the_page_language(
    open_page: Any, site_url: str, path: str
) -> None:
    to_dark, to_light = PALETTE_NAMES[language(path)]
    page = open_page(site_url + path, color_scheme="light")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.get_by_title(to_dark).click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    # Remembered on the next page, whatever the device prefers.
    page.goto(site_url + path + "scan/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.get_by_title(to_light).click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    # For screen readers: each scheme a radio button named in the page's language.
    assert page.get_by_role("radio", name=to_light).is_checked()
    assert not page.get_by_role("radio", name=to_dark).is_checked()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_citation_popover_is_accessible_in_both_schemes(
    open_page: Any, site_url: str, scheme: str
) -> None:
    page = open_page(site_url + "alarm/", 390, 844, color_scheme=scheme, has_touch=True)
    page.locator(".red-flags__tier--now a.citation-link").first.tap()
    assert page.locator("#citation-popover").is_visible()
    count, report = axe_violations(page)
    assert count == 0, report


# -- language switch ---------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("path", "current", "other"), [("mri/", "nl", "en"), ("en/mri/", "en", "nl")]
)
def test_language_switch_is_labelled_and_marks_the_current_language(
    open_page: Any, site_url: str, path: str, current: str, other: str, width: str
) -> None:
    page = open_page(site_url + path, *WIDTHS[width])
    switch = page.locator(".md-header nav.lang-switch")
    assert switch.is_visible()
    here = switch.locator(f'a[hreflang="{current}"]')
    there = switch.locator(f'a[hreflang="{other}"]')
    # Visible labels, and names that start with them (WCAG 2.5.3) and say the language; the
    # language's name is for screen readers only (the header has little room on a phone).
    assert here.evaluate("a => a.firstChild.textContent") == current.upper()
    assert there.evaluate("a => a.firstChild.textContent") == other.upper()
    hidden_name = here.locator(".lang-switch__name").bounding_box()
    assert hidden_name["width"] <= 1 and hidden_name["height"] <= 1
    names = {"nl": "NL Nederlands", "en": "EN English"}
    assert (
        page.get_by_role("link", name=names[current], exact=True).get_attribute("aria-current")
        == "page"
    )
    assert there.get_attribute("aria-current") is None
    # Marked on screen too, not only for screen readers.
    decoration = here.evaluate("a => getComputedStyle(a).textDecorationLine")
    assert decoration == "underline"
    assert there.evaluate("a => getComputedStyle(a).textDecorationLine") == "none"

    # With the keyboard alone: Tab reaches the other language, Enter opens its version.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('hreflang')") == other:
            break
    assert page.evaluate("() => document.activeElement.getAttribute('hreflang')") == other
    assert there.evaluate("a => getComputedStyle(a).outlineStyle") != "none"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expected = path.removeprefix("en/") if current == "en" else f"en/{path}"
    assert page.url == site_url + expected
    assert page.locator("html").get_attribute("lang") == other


# -- print links -------------------------------------------------------------------------


@pytest.mark.parametrize("path", PATHS)
def test_print_links_sit_above_the_title(open_page: Any, site_url: str, path: str) -> None:
    lang = language(path)
    page = open_page(site_url + path, 390, 844)
    block = page.get_by_role("navigation", name=PRINT_NAMES[lang])
    assert block.is_visible()
    top = block.bounding_box()["y"]
    assert top < page.locator("article h1").bounding_box()["y"] < 300
    hrefs = block.locator("a").evaluate_all("links => links.map(a => a.pathname)")
    root = "/en/" if lang == "en" else "/"
    assert hrefs == [
        f"{root}pdf/{name}.pdf" for name in ("article", "handout", "poster-a3", "poster-a4")
    ]
    # Small next to the text it introduces.
    sizes = page.evaluate(
        "() => [document.querySelector('.pdf-links'), document.querySelector('article > p')]"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert sizes[0] < sizes[1]


@pytest.mark.parametrize("path", ["tips/", "en/tips/"])
def test_print_button_opens_the_browsers_print_and_print_hides_the_block(
    open_page: Any, site_url: str, path: str
) -> None:
    page = open_page(site_url + path)
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    name = {"nl": "Deze pagina printen", "en": "Print this page"}[language(path)]
    page.get_by_role("button", name=name).click()
    assert page.evaluate("() => window.printed") == 1
    page.emulate_media(media="print")
    assert not page.locator(".pdf-links").is_visible()


def test_print_button_stays_hidden_without_javascript(open_page: Any, site_url: str) -> None:
    page = open_page(site_url + "tips/", java_script_enabled=False)
    assert page.locator(".pdf-links a").count() == 4
    assert page.locator(".pdf-links a").first.is_visible()
    assert not page.locator(".pdf-links button").is_visible()


# -- citation popovers on a phone --------------------------------------------------------


@pytest.mark.parametrize("path", ["alarm/", "en/alarm/"])
def test_popover_on_a_phone_leaves_the_warning_sign_readable(
    open_page: Any, site_url: str, path: str
) -> None:
    page = open_page(site_url + path, 390, 844, has_touch=True, is_mobile=True)
    popover = page.locator("#citation-popover")
    for tier in ("now", "today"):
        items = page.locator(f".red-flags__tier--{tier} li:has(a.citation-link)")
        for index in (0, items.count() - 1):
            item = items.nth(index)
            item.locator("a.citation-link").first.tap()
            assert popover.is_visible()
            sheet, sign = popover.bounding_box(), item.bounding_box()
            # A sheet along the bottom edge, the whole width of the screen ...
            assert sheet["y"] + sheet["height"] == pytest.approx(844, abs=1)
            assert sheet["width"] == pytest.approx(390, abs=1)
            # ... below the warning sign that cites it, which stays on screen.
            assert sign["y"] + sign["height"] <= sheet["y"]
            assert sign["y"] >= page.locator(".md-header").bounding_box()["height"]
            page.keyboard.press("Escape")
            assert not popover.is_visible()

    # A tap anywhere else closes it too.
    page.locator(".red-flags__tier--now a.citation-link").first.tap()
    assert popover.is_visible()
    page.locator("article h1").tap()
    assert not popover.is_visible()


def test_popover_on_a_desktop_opens_below_the_citation(open_page: Any, site_url: str) -> None:
    page = open_page(site_url + "alarm/")
    link = page.locator(".red-flags__tier--now a.citation-link").first
    link.hover()
    popover = page.locator("#citation-popover")
    assert popover.is_visible()
    assert popover.bounding_box()["y"] >= link.bounding_box()["y"] + link.bounding_box()["height"]
    page.mouse.click(5, 400)
    assert not popover.is_visible()


# -- layout ------------------------------------------------------------------------------


@pytest.mark.parametrize("width", LAYOUT_WIDTHS)
@pytest.mark.parametrize("path", PATHS)
def test_no_empty_bands_or_cut_titles(open_page: Any, site_url: str, path: str, width: int) -> None:
    page = open_page(site_url + path, width, 844)
    assert page.evaluate(LAYOUT_PROBLEMS) == []


@pytest.mark.parametrize("path", PATHS)
def test_tab_title_names_the_site_once(open_page: Any, site_url: str, path: str) -> None:
    page = open_page(site_url + path)
    site_name = {"nl": "Lage rugpijn en scans", "en": "Low back pain and scans"}[language(path)]
    title = page.title()
    assert title.count(site_name) == 1
    assert title == site_name or title.endswith(f" - {site_name}")


@pytest.mark.parametrize(
    ("path", "name"), [("mri-report/", "Tabel 1."), ("en/mri-report/", "Table 1.")]
)
def test_a_wide_table_on_a_phone_scrolls_with_the_keyboard(
    open_page: Any, site_url: str, path: str, name: str
) -> None:
    page = open_page(site_url + path, *WIDTHS["phone"])
    region = page.locator(".md-typeset__scrollwrap").first
    assert region.evaluate("wrap => wrap.scrollWidth > wrap.clientWidth")
    assert region.get_attribute("role") == "region"
    label = region.get_attribute("aria-label") or ""
    assert label.startswith(name) and "[" not in label
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.md-typeset__scrollwrap').scrollLeft > 0")


@pytest.mark.parametrize("path", PATHS)
def test_no_two_labels_of_a_drawing_overlap(open_page: Any, site_url: str, path: str) -> None:
    # "Hoogstens 1 op 10:" once stood on top of "9 of meer op 10: ..." in the Dutch drawing.
    page = open_page(site_url + path, *WIDTHS["phone"])
    overlaps = page.evaluate(
        """() => {
            const found = []
            for (const svg of document.querySelectorAll("article svg")) {
                const boxes = [...svg.querySelectorAll("text")]
                    .map(text => [text.textContent.trim(), text.getBoundingClientRect()])
                    .filter(([words, box]) => words && box.width > 0)
                for (let i = 0; i < boxes.length; i++)
                    for (let j = i + 1; j < boxes.length; j++) {
                        const [a, p] = boxes[i], [b, q] = boxes[j]
                        // One pixel of slack: neighbouring lines may touch.
                        const x = Math.min(p.right, q.right) - Math.max(p.left, q.left)
                        const y = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top)
                        if (x > 1 && y > 1) found.push([a, b])
                    }
            }
            return found
        }"""
    )
    assert overlaps == []


@pytest.mark.parametrize("path", ["mri/", "en/mri/"])
def test_a_words_explanation_is_as_large_as_the_text(
    open_page: Any, site_url: str, path: str
) -> None:
    # Tapping an underlined word shows what it means; at 10 px bold no one read it on a phone.
    page = open_page(site_url + path, *WIDTHS["phone"], has_touch=True, is_mobile=True)
    term = page.locator("article abbr").first
    term.scroll_into_view_if_needed()
    term.tap()
    tooltip = page.locator(".md-tooltip2--active [class*=md-tooltip2__inner]")
    tooltip.wait_for()
    text_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)"
    )
    size = tooltip.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert size >= 16 and size >= 0.85 * text_size, (size, text_size)
    # Material moves the word's title into the tooltip: the explanation, a sentence.
    assert len(tooltip.inner_text().split()) >= 5
