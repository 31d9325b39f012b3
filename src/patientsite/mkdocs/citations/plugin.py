"""MkDocs glue: read the bibliography once, hand each page to the Markdown extension in the
page's language, and fill in the full reference list once every page's citations are known.

The catalogue (every work numbered and formatted) is read in on_config, so a page's citations
go in as soon as the page is converted (on_page_content), and the search plugin indexes them as
a reader sees them ("Chou et al. [6]"). The reference lists go in when the page is written
(on_post_page): the full list needs every page of the build, and neither list belongs in the
search index, whose HTML parser would otherwise read them only to leave them out. static-i18n
builds each language in a nested build that reuses this plugin instance: the bibliography is
read once; what pages cite is per build, i.e. per language.
"""

import logging
import os
import shutil
from pathlib import Path
from typing import cast

from markdown.extensions import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from patientsite.citations import render
from patientsite.citations.bibliography import BibliographyError
from patientsite.citations.cache import load_catalogue
from patientsite.citations.catalogue import Catalogue
from patientsite.citations.locale import TERMS, Terms, terms_for
from patientsite.citations.page import BIBLIOGRAPHY_PLACEHOLDER, PageCitations
from patientsite.citations.syntax import (
    BIBLIOGRAPHY_MARKER,
    CITATION_RE,
    REFERENCES_MARKER,
    CitationsExtension,
)
from patientsite.mkdocs.builds import build_language, is_outermost, language_root
from patientsite.mkdocs.citations.config import CitationsConfig
from patientsite.record import CitedWork, LanguageCitations, citations_section, write_section

log = logging.getLogger("mkdocs.plugins.patientsite.citations")

ASSETS = Path(__file__).parents[2] / "citations" / "assets"
# Where the popover's script and style go in the built site.
SITE_ASSETS = "assets/patientsite-citations"


class CitationsPlugin(BasePlugin[CitationsConfig]):
    """Citations from a BibTeX file, formatted in APA 7 in the page's language."""

    def __init__(self) -> None:
        self.catalogue: Catalogue | None = None
        self._read: tuple[object, ...] | None = None
        """The file and options the catalogue was read with; see on_config."""
        self.extension = CitationsExtension()
        self._page: PageCitations | None = None
        """The page being converted; the extension sees it only as a CitationHandler."""
        self._pages: dict[str, tuple[Page, PageCitations]] = {}
        self._recorded: dict[str, LanguageCitations] = {}
        """Each language's citations for the build record, written once all are built."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # static-i18n calls on_config again for every language with this same plugin: read the
        # file again only if it or the options changed.
        bib_file = Path(self.config.bib_file)
        stat = bib_file.stat()
        cache = Path(_config_dir(config), self.config.cache_dir) if self.config.cache_dir else None
        read = (bib_file, stat.st_mtime_ns, stat.st_size, self.config.style, cache)
        if read != self._read:
            self._read = self.catalogue = None  # a bad file is read (and reported) again
            try:
                self.catalogue = load_catalogue(
                    bib_file,
                    os.path.relpath(bib_file, _config_dir(config)),
                    year_suffixes=self.config.style == "author-date",
                    cache=cache,
                )
            except BibliographyError as error:
                raise PluginError(f"{error} Nothing was built.") from error
            self._read = read
            for message in self.catalogue.warnings:
                log.warning(message)
        # MkDocs types the list as extension names, but hands it to Markdown, which takes
        # Extension instances too; ours is an instance, as it carries the page's handler.
        extensions = cast("list[str | Extension]", config.markdown_extensions)
        if self.extension not in extensions:
            extensions.append(self.extension)
        return config

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            server.watch(self.config.bib_file)
        return server

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        # What pages cite is per build: static-i18n builds each language on its own.
        self._pages = {}

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        if self.catalogue is None:
            raise PluginError("patientsite/citations: on_config did not run before the pages.")
        source_name = os.path.relpath(page.file.abs_src_path or "", _config_dir(config))
        terms = self._terms(page, config, markdown, source_name)
        self._page = None
        if terms is not None:
            self._page = PageCitations(
                self.catalogue,
                terms,
                numeric=self.config.style == "numeric",
                append_references=self.config.references_placement == "end",
                source_name=source_name,
                read_source=lambda: page.file.content_string,
            )
        self.extension.handler = self._page
        return markdown

    # After the other plugins' on_page_content: patientsite/pages parses each page's HTML for
    # its privacy check, and our markup needs none.
    @event_priority(-50)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return html
        handler, self._page = self._page, None
        self.extension.handler = None
        if handler is None:
            return html
        self._pages[page.file.src_uri] = (page, handler)
        return handler.fill_in_citations(html)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        _, handler = self._pages.get(page.file.src_uri, (None, None))
        if handler is None or not (handler.cited or handler.has_bibliography):
            return output
        output = handler.fill_in_references(output)
        if handler.has_bibliography and self.catalogue is not None:
            # Every page of this build has been converted by now (MkDocs converts them all
            # before it writes any), so we know which pages cite which work.
            full_list = self._full_list(self.catalogue, page, handler.terms)
            output = output.replace(BIBLIOGRAPHY_PLACEHOLDER, full_list, 1)
        css = get_relative_url(f"{SITE_ASSETS}/citations.css", page.url)
        script = get_relative_url(f"{SITE_ASSETS}/citations.js", page.url)
        tags = f'<link rel="stylesheet" href="{css}">\n<script src="{script}" defer></script>\n'
        return output.replace("</head>", f"{tags}</head>", 1)

    def _finish_language(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.catalogue is None:
            return
        target = Path(config.site_dir) / SITE_ASSETS
        target.mkdir(parents=True, exist_ok=True)
        for name in ("citations.css", "citations.js"):
            shutil.copyfile(ASSETS / name, target / name)
        self._report_uncited(self.catalogue)
        language, _ = build_language(config)
        self._recorded[language] = self._language_citations(language, language_root(config))

    # Last: after static-i18n (-100) has built the other languages inside this build.
    @event_priority(-200)
    def _write_record(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or not is_outermost(config):
            return
        _, default = build_language(config)
        languages = sorted(self._recorded.values(), key=lambda language: language.code != default)
        write_section(Path(config.site_dir), "citations", citations_section(languages))
        self._recorded = {}

    on_post_build = CombinedEvent(_finish_language, _write_record)

    def _language_citations(self, language: str, root: str) -> LanguageCitations:
        """This build's citations as the steps after the build need them (the PDF leaves
        citations out of the handout by these anchors, and puts the full list last)."""
        full_list = next(
            (
                page.url.removeprefix(root)
                for page, handler in self._pages.values()
                if handler.has_bibliography
            ),
            None,
        )
        cited = {
            page.url.removeprefix(root): tuple(
                CitedWork(work.key, work.number, render.reference_id(work))
                for work in handler.cited_works()
            )
            for page, handler in self._pages.values()
            if handler.has_references
        }
        return LanguageCitations(language, full_list, cited)

    def _terms(
        self, page: Page, config: MkDocsConfig, markdown: str, source_name: str
    ) -> Terms | None:
        """The page's words; an error only if a page in another language uses citations."""
        language = getattr(page.file, "locale", None) or config.theme.get("language") or "en"
        terms = terms_for(language)
        # Only a page in a language without terms is searched for citations beforehand.
        if terms is None and (
            REFERENCES_MARKER in markdown
            or BIBLIOGRAPHY_MARKER in markdown
            or CITATION_RE.search(markdown)
        ):
            raise PluginError(
                f"{source_name}: this page is in '{language}', and citations can be written in "
                f"{' and '.join(TERMS)} only. Remove the citations from this page, or ask a "
                "developer to add src/patientsite/words/<language>.yml and the language's ordinal "
                "numbers to citations/locale.py."
            )
        return terms

    def _full_list(self, catalogue: Catalogue, page: Page, terms: Terms) -> str:
        cited_on: dict[str, list[tuple[str, str]]] = {}
        for citing_page, handler in self._pages.values():
            url = get_relative_url(citing_page.url, page.url)
            # MkDocs writes the way up to a directory index as ".."; we want "../".
            if citing_page.url.endswith("/") or not citing_page.url:
                url = url.rstrip("/") + "/"
            title = citing_page.title or citing_page.file.name
            for work in handler.cited_works():
                fragment = render.reference_id(work)
                cited_on.setdefault(work.key.lower(), []).append((title, f"{url}#{fragment}"))
        entries = [
            render.FullEntry(
                work=work,
                reference=catalogue.reference_html(work, terms),
                cited_on=tuple(cited_on.get(work.key.lower(), [])),
            )
            for work in catalogue.works
        ]
        return render.full_list(entries, terms)

    def _report_uncited(self, catalogue: Catalogue) -> None:
        cited = {key for _, handler in self._pages.values() for key in handler.cited}
        uncited = [work.key for work in catalogue.works if work.key.lower() not in cited]
        languages = sorted({handler.terms.language for _, handler in self._pages.values()})
        if uncited and languages:
            log.info(
                f"{len(uncited)} entries of {catalogue.source} are cited on "
                f"no page in {', '.join(languages)} (the full reference list still shows "
                f"them): {', '.join(uncited)}"
            )


def _config_dir(config: MkDocsConfig) -> str:
    return os.path.dirname(config.config_file_path or "")
