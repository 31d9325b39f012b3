"""One settings model: mkdocs.yml read once, the same way MkDocs reads it, without MkDocs."""

from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from patientsite import frontmatter, settings
from tests.support import ROOT


def test_the_real_site_settings() -> None:
    site = settings.load_settings(ROOT / "mkdocs.yml")
    assert site.language_codes == ("nl", "en")
    assert [language.root for language in site.languages] == ["", "en/"]
    assert site.languages[1].site_name == "Low back pain and scans"
    assert site.nav[0] == "index.md" and "sources.md" in site.nav
    assert site.project_file("patientsite/citations", "bib_file") == ROOT / "references.bib"
    assert site.plugin("redirects") is not None
    assert site.plugin("no-such-plugin") is None
    assert ("toc", {"permalink": True}) in site.markdown_extensions
    assert site.name(ROOT / "docs" / "nl" / "scan.md") == "docs/nl/scan.md"


def test_reads_the_same_data_as_mkdocs(tmp_path: Path) -> None:
    with (ROOT / "mkdocs.yml").open("rb") as stream:
        theirs = yaml_load(stream)
    ours = settings.read_yaml(ROOT / "mkdocs.yml")
    assert ours == theirs


def test_env_tags_inherit_and_python_tags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "base.yml").write_text(
        "site_name: Base\nextra:\n  clinic:\n    name: Praktijk\n    country: BE\n",
        encoding="utf-8",
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "INHERIT: base.yml\n"
        "site_url: !ENV [SITE_URL_FOR_TEST, 'https://fallback.example/']\n"
        "extra:\n  clinic:\n    contact: !ENV CONTACT_FOR_TEST\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - i18n:\n      languages:\n        - locale: en\n          default: true\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("CONTACT_FOR_TEST", "info@example.be")
    monkeypatch.delenv("SITE_URL_FOR_TEST", raising=False)
    site = settings.load_settings(config)
    assert site.site_url == "https://fallback.example/"
    assert site.clinic.name == "Praktijk" and site.clinic.country == "BE"
    assert site.clinic.contact == "info@example.be"
    emoji = dict(site.markdown_extensions)["pymdownx.emoji"]
    assert emoji["emoji_index"] == "material.extensions.emoji.twemoji"


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("site_name: [unclosed\n", "line 2"),
        ("extra:\n  clinic:\n    phone: '0471'\n", "extra.clinic.phone"),
        ("extra:\n  clinic: Praktijk\n", "extra.clinic in mkdocs.yml must hold settings"),
        ("plugins:\n  - i18n:\n      languages: []\n", "lists no languages"),
        ("site_name: no i18n plugin\n", "expect the 'i18n' plugin"),
    ],
)
def test_errors_name_the_setting(tmp_path: Path, text: str, cause: str) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(settings.SettingsError, match=cause.replace(".", r"\.")):
        settings.load_settings(config)


def test_missing_file_says_where_to_run(tmp_path: Path) -> None:
    with pytest.raises(settings.SettingsError, match="run this from the site's folder"):
        settings.load_settings(tmp_path / "mkdocs.yml")


PAGES = sorted((ROOT / "docs").rglob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(ROOT).as_posix())
def test_front_matter_split_as_mkdocs_splits_it(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert frontmatter.split(text) == get_data(text)


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Rug\n---\n\nTekst\n",
        "---\ntitle: Rug\n...\nTekst\n",
        "---\n- a list\n---\nTekst\n",  # not a mapping: stays part of the page
        "---\ntitle: [broken\n---\nTekst\n",  # invalid YAML: stays part of the page
        "---\nreviewed: 2026-02-30\n---\nTekst\n",  # an impossible date: YAML cannot read it
        "No front matter\n---\n",
        "---\ntitle: no closing line\n",
    ],
)
def test_front_matter_edge_cases_as_mkdocs(text: str) -> None:
    assert frontmatter.split(text) == get_data(text)


def test_the_default_language_comes_first_and_names_fall_back(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Rug\nsite_description: Over rugpijn\nplugins:\n  - search\n  - i18n:\n"
        "      languages:\n        - locale: en\n          site_name: Back\n"
        "        - locale: nl\n          default: true\n"
        "        - locale: fr\n          build: false\n",
        encoding="utf-8",
    )
    assert settings.load_settings(config).languages == (
        settings.Language("nl", "Rug", "Over rugpijn", ""),
        settings.Language("en", "Back", "Over rugpijn", "en/"),
    )


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: A\nshare: nee\n---\n# A\n", 3),
        ("---\nshare : 1\n---\n", 2),
        ("---\ntitle: A\n---\nshared: not the field\n", 2),
    ],
)
def test_line_of_a_front_matter_field(text: str, line: int) -> None:
    assert frontmatter.line_of(text, "share") == line
