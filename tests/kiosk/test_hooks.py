"""The kiosk build's MkDocs hook, run in-process on a page MkDocs renders from Markdown.

The kiosk build loads kiosk_hooks.py by its file path in a subprocess (tests/kiosk/test_build.py);
the coverage summary does not count that run, so this test is what covers the hook.
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from patientsite.mkdocs.kiosk_hooks import on_page_content

PAGES = ["index.md", "scan.md", "alarm.md", "en/index.md", "en/scan.md", "en/alarm.md"]
MARKDOWN = """\
See <a href="../alarm/#call">warning signs</a> and [the start page](index.md).

Do you work in a clinic? <a href="../share/">Share this site</a>.
{ .staff-only }

<a href="../../">Nederlands</a>
"""


def test_staff_paragraphs_go_and_html_links_point_at_page_files(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    # As the kiosk configuration: page addresses end in .html (kiosk_config).
    config.load_dict(
        {
            "site_name": "Kiosk",
            "docs_dir": str(tmp_path / "docs"),
            "site_dir": str(tmp_path / "site"),
            "use_directory_urls": False,
            "markdown_extensions": ["attr_list"],
        }
    )
    assert config.validate() == ([], [])
    files = Files([File(path, config.docs_dir, config.site_dir, False) for path in PAGES])
    file = files.get_file_from_path("en/scan.md")
    assert file is not None
    page = Page(None, file, config)
    page.markdown = MARKDOWN
    page.render(config, files)
    assert page.content is not None
    assert 'class="staff-only"' in page.content  # what the hook gets from MkDocs

    html = on_page_content(page.content, page=page, config=config, files=files)

    assert html == (
        '<p>See <a href="alarm.html#call">warning signs</a> and '
        '<a href="index.html">the start page</a>.</p>\n'
        '<p><a href="../index.html">Nederlands</a></p>'
    )
