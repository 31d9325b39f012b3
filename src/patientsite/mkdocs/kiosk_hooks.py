"""MkDocs hooks of the kiosk build only (kiosk_config adds this file to the configuration)."""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from patientsite.kiosk import file_links, without_staff_only


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    pages = {file.url for file in files.documentation_pages()}
    return file_links(without_staff_only(html), page.url, pages)
