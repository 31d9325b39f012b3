"""A worried reader on a phone finds the warning signs in the first screen of the home page."""

from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    ("path", "label", "target", "first_list"),
    [
        (
            "",
            "Alarmsignalen: wanneer snel hulp zoeken",
            "alarm/#welke-alarmsignalen-moet-je-kennen",
            "Bel meteen 112",
        ),
        (
            "en/",
            "Warning signs: when to get help fast",
            "en/alarm/#which-warning-signs-should-you-know",
            "Call 112 now",
        ),
    ],
)
def test_the_link_to_the_warning_signs_is_in_the_first_screen(
    phone: Any, site_url: str, path: str, label: str, target: str, first_list: str
) -> None:
    phone.goto(site_url + path)
    link = phone.get_by_role("link", name=label)
    box = link.bounding_box()
    assert box is not None
    # Wholly inside the first screen, below Material's header, and big enough to tap.
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    assert box["height"] >= 24 and box["width"] >= 24
    link.tap()
    phone.wait_for_url(site_url + target)
    heading = phone.locator("h1").inner_text()
    assert heading.startswith(label.split(":")[0])
    # The tap lands on the lists, not on the reassurance above them: the list that says to
    # call 112 starts in the first screen.
    list_heading = phone.get_by_role("heading", name=first_list).first.bounding_box()
    assert list_heading is not None
    assert 0 <= list_heading["y"] < PHONE["height"] - 2 * list_heading["height"]


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("alarm/", "Alarmsignalen: wanneer hulp zoeken"),
        ("en/alarm/", "Warning signs: when to get help"),
    ],
)
def test_the_menu_names_the_page_for_what_it_holds(
    phone: Any, site_url: str, path: str, title: str
) -> None:
    phone.goto(site_url + path)
    assert phone.title().startswith(title)
    phone.locator("label.md-header__button[for='__drawer']").tap()
    assert phone.locator("nav.md-nav--primary").get_by_text(title, exact=True).first.is_visible()
