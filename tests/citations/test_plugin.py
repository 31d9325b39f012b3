"""Glue details of the MkDocs plugin that no fixture site shows."""

import os
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from patientsite.mkdocs.citations.plugin import CitationsPlugin
from tests.support import FIXTURES


def test_a_plugin_kept_for_the_next_build_reads_a_changed_file_again(tmp_path: Path) -> None:
    # static-i18n (per language) and `mkdocs serve` (per rebuild) reuse the plugin object.
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "citations" / "numeric", project)
    bib = project / "refs.bib"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["patientsite/citations"]
    assert isinstance(plugin, CitationsPlugin)

    plugin.on_config(config)
    first = plugin.catalogue
    assert first is not None
    plugin.on_config(config)  # the next language: the same file, read once
    assert plugin.catalogue is first

    def edit(text: str) -> None:
        before = bib.stat().st_mtime_ns
        bib.write_text(text, encoding="utf-8")
        os.utime(bib, ns=(before + 10**9, before + 10**9))

    original = bib.read_text(encoding="utf-8")
    edit(original + "\n@misc{added2024, author = {Added, A.}, title = {New}, year = {2024}}\n")
    plugin.on_config(config)
    assert plugin.catalogue is not None and plugin.catalogue.work("added2024") is not None

    edit(original + "\n@misc{broken, title = {No end}\n")
    with pytest.raises(
        PluginError, match=r"refs\.bib:[0-9]+: the entry 'broken' could not be read"
    ):
        plugin.on_config(config)
    # the same broken file: the next build reports it again
    with pytest.raises(PluginError, match="the entry 'broken' could not be read"):
        plugin.on_config(config)

    edit(original)
    plugin.on_config(config)
    assert plugin.catalogue is not None and plugin.catalogue.work("added2024") is None
