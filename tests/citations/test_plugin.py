"""Glue details of the MkDocs plugin that no fixture site shows."""

import gc
import weakref

from patientsite.citations.bibliography import parse_bibliography
from patientsite.citations.catalogue import Catalogue
from patientsite.citations.plugin import CitationsPlugin, _kept_for_the_build


def test_the_bibliography_is_kept_away_from_the_garbage_collector_until_unfrozen() -> None:
    before = gc.get_freeze_count()
    try:
        with _kept_for_the_build():
            assert not gc.isenabled()  # reading makes no garbage worth collecting
            kept = [[index] for index in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        gc.unfreeze()  # what on_post_build does
    assert gc.get_freeze_count() == 0


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    try:
        with _kept_for_the_build():
            pass
        assert not gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


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
