"""Glue details of the MkDocs plugin that no fixture site shows."""

import gc
import os
import shutil
import weakref
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from patientsite.citations.bibliography import parse_bibliography
from patientsite.citations.catalogue import Catalogue
from patientsite.citations.plugin import CitationsPlugin
from tests.support import FIXTURES


def test_the_plugin_lets_go_of_the_bibliography_when_mkdocs_shuts_down() -> None:
    plugin = CitationsPlugin()
    plugin.catalogue = Catalogue(
        parse_bibliography("@misc{a, author = {A, B.}, title = {T}, year = {2020}}", "x.bib"),
        year_suffixes=False,
    )
    catalogue = weakref.ref(plugin.catalogue)
    plugin.on_shutdown()
    gc.collect()
    assert catalogue() is None


def test_a_plugin_kept_for_the_next_build_reads_a_changed_file_again(tmp_path: Path) -> None:
    # static-i18n (per language) and `mkdocs serve` (per rebuild) reuse the plugin object.
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "citations" / "numeric", project)
    bib = project / "refs.bib"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["patientsite/citations"]
    assert isinstance(plugin, CitationsPlugin)

    plugin.on_config(config)
    first = plugin._wait_for_catalogue()
    plugin.on_config(config)  # the next language: the same file, read once
    assert plugin._wait_for_catalogue() is first

    def edit(text: str) -> None:
        before = bib.stat().st_mtime_ns
        bib.write_text(text, encoding="utf-8")
        os.utime(bib, ns=(before + 10**9, before + 10**9))

    original = bib.read_text(encoding="utf-8")
    edit(original + "\n@misc{added2024, author = {Added, A.}, title = {New}, year = {2024}}\n")
    plugin.on_config(config)
    assert plugin._wait_for_catalogue().work("added2024") is not None

    edit(original + "\n@misc{broken, title = {No end}\n")
    plugin.on_config(config)
    with pytest.raises(
        PluginError, match=r"refs\.bib:[0-9]+: the entry 'broken' could not be read"
    ):
        plugin._wait_for_catalogue()
    plugin.on_config(config)  # the same broken file: the next build reports it again
    with pytest.raises(PluginError, match="the entry 'broken' could not be read"):
        plugin._wait_for_catalogue()

    edit(original)
    plugin.on_config(config)
    assert plugin._wait_for_catalogue().work("added2024") is None
