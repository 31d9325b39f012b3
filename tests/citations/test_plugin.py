"""Glue details of the MkDocs plugin that no fixture site shows."""

import gc

from patientsite.citations.plugin import _kept_for_the_build


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
