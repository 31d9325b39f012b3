"""The checks of `make check` on the real site, so `make test` gates on them too.

The strict build and the link check over the built site (HTML and PDFs) run in
test_reproducible.py through `make site`'s own build; readability has tests/test_readability.py.
The release check fails on the site as shipped (the clinic's details are empty until a clinic
fills them in): test_gate.py checks that it fails on those and on nothing else.
"""

from patientsite.authoring.translation_report import format_report, translation_report
from patientsite.settings import load_settings
from tests.authoring.helpers import ROOT


def test_every_page_matches_its_translation() -> None:
    reports = translation_report(load_settings(ROOT / "mkdocs.yml"))
    assert reports, "no pages found under docs/"
    assert not any(report.problems for report in reports), format_report(reports)
