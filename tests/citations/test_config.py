"""The plugin's options are checked when mkdocs.yml is read."""

from pathlib import Path

import pytest

from patientsite.mkdocs.citations.plugin import CitationsPlugin


def load(tmp_path: Path, options: dict) -> tuple[list, list]:
    (tmp_path / "refs.bib").write_text("@misc{a, author = {Doe, J.}, title = {A}}\n")
    plugin = CitationsPlugin()
    return plugin.load_config(options, str(tmp_path / "mkdocs.yml"))


def test_defaults(tmp_path: Path) -> None:
    (tmp_path / "references.bib").write_text("")
    plugin = CitationsPlugin()
    errors, warnings = plugin.load_config({}, str(tmp_path / "mkdocs.yml"))
    assert (errors, warnings) == ([], [])
    assert plugin.config.enabled is True
    assert plugin.config.style == "numeric"
    assert plugin.config.references_placement == "end"
    assert plugin.config.bib_file == str(tmp_path / "references.bib")


def test_bib_file_relative_to_mkdocs_yml(tmp_path: Path) -> None:
    errors, _ = load(tmp_path, {"bib_file": "refs.bib", "style": "author-date"})
    assert errors == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"bib_file": "missing.bib"}, "The path '{tmp}/missing.bib' isn't an existing file."),
        (
            {"bib_file": "refs.bib", "style": "apa"},
            "Expected one of: ('numeric', 'author-date') but received: 'apa'",
        ),
        (
            {"bib_file": "refs.bib", "references_placement": "top"},
            "Expected one of: ('end', 'marker') but received: 'top'",
        ),
        (
            {"bib_file": "refs.bib", "enabled": "yes"},
            "Expected type: <class 'bool'> but received: <class 'str'>",
        ),
    ],
)
def test_invalid_options(tmp_path: Path, options: dict, message: str) -> None:
    errors, _ = load(tmp_path, options)
    assert [str(error) for _, error in errors] == [message.format(tmp=tmp_path)]
