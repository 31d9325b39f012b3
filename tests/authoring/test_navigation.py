"""Adding a page to mkdocs.yml's nav by editing its text (comments and layout kept)."""

import pytest
import yaml

from patientsite.authoring.navigation import NavigationError, add_to_nav


@pytest.mark.parametrize(
    ("before", "after_page", "expected"),
    [
        (
            "site_name: x\nnav:\n  - index.md\n  - tips.md\n",
            None,
            "site_name: x\nnav:\n  - index.md\n  - tips.md\n  - new.md\n",
        ),
        (
            "nav:\n  - index.md\n  - tips.md\n",
            "index.md",
            "nav:\n  - index.md\n  - new.md\n  - tips.md\n",
        ),
        (
            "nav:\n  # Home first.\n  - index.md\n\n# Extensions.\nmarkdown_extensions: []\n",
            None,
            "nav:\n  # Home first.\n  - index.md\n  - new.md\n\n"
            "# Extensions.\nmarkdown_extensions: []\n",
        ),
        (
            "nav:\n  - Home: index.md\n  - More:\n      - a.md\n      - b.md\nextra: {}\n",
            None,
            "nav:\n  - Home: index.md\n  - More:\n      - a.md\n      - b.md\n  - new.md\n"
            "extra: {}\n",
        ),
        (
            "nav:\n  - Home: index.md\n  - More:\n      - a.md\n",
            "index.md",
            "nav:\n  - Home: index.md\n  - new.md\n  - More:\n      - a.md\n",
        ),
        ("nav:\n- index.md\nextra: {}\n", None, "nav:\n- index.md\n- new.md\nextra: {}\n"),
        ("nav:\n  - index.md", None, "nav:\n  - index.md\n  - new.md\n"),
        ("nav:\r\n  - index.md\r\n", None, "nav:\r\n  - index.md\r\n  - new.md\r\n"),
        ("nav:\nextra: {}\n", None, "nav:\n  - new.md\nextra: {}\n"),
    ],
    ids=[
        "at the end",
        "after a page",
        "comments and the next key kept",
        "after a section",
        "titled entry",
        "list at column 0",
        "no final newline",
        "windows line ends",
        "empty nav",
    ],
)
def test_add_to_nav(before: str, after_page: str | None, expected: str) -> None:
    result = add_to_nav(before, "new.md", after_page)
    assert result == expected
    assert "new.md" in yaml.safe_load(result)["nav"]


def test_no_nav_means_nothing_to_edit() -> None:
    assert add_to_nav("site_name: x\n", "new.md") is None


def test_a_listed_page_is_not_added_twice() -> None:
    text = "nav:\n  - index.md\n  - new.md\n"
    assert add_to_nav(text, "new.md") == text


def test_a_nav_on_one_line_is_refused() -> None:
    with pytest.raises(NavigationError, match=r"written on one line; write it as a list"):
        add_to_nav("nav: [index.md, tips.md]\n", "new.md")


def test_an_unknown_after_page_is_refused_with_the_pages_listed() -> None:
    with pytest.raises(NavigationError) as error:
        add_to_nav("nav:\n  - index.md\n  - tips.md\n", "new.md", "tip.md")
    assert str(error.value) == (
        "'tip' is not in the navigation in mkdocs.yml; pages there: index, tips."
    )


def test_an_unreadable_nav_entry_names_its_line() -> None:
    with pytest.raises(
        NavigationError, match=r"mkdocs.yml line 3: this 'nav' entry could not be read"
    ):
        add_to_nav("nav:\n  - index.md\n  - [oops\n", "new.md")
