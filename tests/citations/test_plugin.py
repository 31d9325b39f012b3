"""Glue details of the MkDocs plugin that no fixture site shows."""

import gc
import weakref

from patientsite.citations.bibliography import parse_bibliography
from patientsite.citations.catalogue import Catalogue
from patientsite.citations.plugin import CitationsPlugin


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
