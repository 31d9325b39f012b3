"""The live preview's build-error notice, without MkDocs."""

import pytest

from patientsite.preview.overlay import OVERLAY_ID, WORDS, insert_overlay, notice_language

PAGE = (
    b'<!doctype html><html lang="nl" class="no-js"><head></head>'
    b'<body dir="ltr"><p>Oud</p></body></html>'
)


def test_no_error_leaves_the_page_as_it_is() -> None:
    assert insert_overlay(PAGE, []) == PAGE


def test_the_notice_comes_first_in_the_body_in_the_page_language() -> None:
    page = insert_overlay(PAGE, ["docs/nl/scan.md, line 3: <b> unknown key 'x'"]).decode()
    body = page.index('<body dir="ltr">') + len('<body dir="ltr">')
    assert page[body:].startswith("<style>")
    assert page.index(f'<div id="{OVERLAY_ID}" role="alert" lang="nl">') < page.index("<p>Oud</p>")
    assert WORDS["nl"].title in page
    # The build's message is shown as text, never as markup.
    assert "line 3: &lt;b&gt; unknown key &#x27;x&#x27;" in page


def test_every_message_is_shown() -> None:
    page = insert_overlay(PAGE, ["first warning", "Aborted with 2 warnings"]).decode()
    assert "first warning\n\nAborted with 2 warnings" in page


@pytest.mark.parametrize(
    ("page_language", "expected"), [("nl", "nl"), ("nl-BE", "nl"), ("EN", "en"), ("fr", "en")]
)
def test_notice_language(page_language: str, expected: str) -> None:
    assert notice_language(page_language) == expected


def test_a_page_without_body_or_lang_gets_the_english_notice_first() -> None:
    page = insert_overlay(b"<p>fragment</p>", ["broken"]).decode()
    assert page.startswith("<style>")
    assert WORDS["en"].title in page
