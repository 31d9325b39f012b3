"""MkDocs glue: read the bibliography once, hand each page to the Markdown extension in the
page's language, and fill in the full reference list once every page's citations are known.

static-i18n builds each language in a nested build that reuses this plugin instance, and
`mkdocs serve` reuses it for every rebuild (MkDocs keeps a plugin that has on_shutdown), so the
bibliography and the formatted references (catalogue.py) outlive a single build until the file
changes; what pages cite is per build, i.e. per language.

The bibliography is read, numbered and formatted in a worker process (background.py) from
on_config on. Converting a page only notes its citations, so no page waits for the file; on_env,
once every page is converted, waits for the numbered catalogue (or stops the build if the file
is bad) and looks up every page's citations before the search plugin indexes the pages.
"""

import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from patientsite.citations import render
from patientsite.citations.background import catalogue_in_background
from patientsite.citations.bibliography import BibliographyError
from patientsite.citations.catalogue import Catalogue
from patientsite.citations.config import CitationsConfig
from patientsite.citations.locale import TERMS, Terms, terms_for
from patientsite.citations.page import BIBLIOGRAPHY_PLACEHOLDER, PageCitations
from patientsite.citations.syntax import (
    BIBLIOGRAPHY_MARKER,
    CITATION_RE,
    REFERENCES_MARKER,
    CitationsExtension,
)

log = logging.getLogger("mkdocs.plugins.patientsite.citations")

ASSETS = Path(__file__).parent / "assets"
# Where the popover's script and style go in the built site.
SITE_ASSETS = "assets/patientsite-citations"


class CitationsPlugin(BasePlugin[CitationsConfig]):
    """Citations from a BibTeX file, formatted in APA 7 in the page's language."""

    def __init__(self) -> None:
        self.catalogue: Catalogue | None = None
        self._catalogue_ready: Callable[[], Catalogue] | None = None
        """Waits for the catalogue being read in the background (see on_env)."""
        self._read: tuple[object, ...] | None = None
        """The file and options the catalogue is (being) read with; see on_config."""
        self.extension = CitationsExtension()
        self._pages: dict[str, tuple[Page, PageCitations]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # static-i18n calls on_config again for every language, and `mkdocs serve` for every
        # rebuild, with this same plugin: read the file again only if it or the options changed.
        bib_file = Path(self.config.bib_file)
        stat = bib_file.stat()
        cache = Path(_config_dir(config), self.config.cache_dir) if self.config.cache_dir else None
        read = (bib_file, stat.st_mtime_ns, stat.st_size, self.config.style, cache)
        if read != self._read:
            self._read = read
            self.catalogue = None
            self._catalogue_ready = catalogue_in_background(
                bib_file,
                os.path.relpath(bib_file, _config_dir(config)),
                year_suffixes=self.config.style == "author-date",
                cache=cache,
            )
        if self.extension not in config.markdown_extensions:
            config.markdown_extensions.append(self.extension)
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
        source_name = os.path.relpath(page.file.abs_src_path or "", _config_dir(config))
        terms = self._terms(page, config, markdown, source_name)
        self.extension.handler = None
        if terms is not None:
            self.extension.handler = PageCitations(
                terms,
                numeric=self.config.style == "numeric",
                append_references=self.config.references_placement == "end",
                source_name=source_name,
                read_source=lambda: page.file.content_string,
            )
        return markdown

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return html
        handler, self.extension.handler = self.extension.handler, None
        if handler is not None:
            self._pages[page.file.src_uri] = (page, handler)
        return html

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        if not self.config.enabled:
            return env
        # Every page is converted and nothing is written yet.
        catalogue = self._wait_for_catalogue()
        for page, handler in self._pages.values():
            had_references = handler.has_references
            page.content = handler.resolve(catalogue, page.content or "")
            if had_references and not handler.has_references and page.toc:
                _remove_from_toc(page.toc.items, handler.terms.references_id)
        return env

    # After the search plugin (priority 0) has indexed page.content, which holds placeholders
    # for the citations' markup and the lists: every page's list would otherwise make each
    # cited title a search hit on every page citing it.
    @event_priority(-50)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if not self.config.enabled:
            return context
        _, handler = self._pages.get(page.file.src_uri, (None, None))
        if handler is None or page.content is None:
            return context
        content = handler.fill_in(page.content)
        if handler.has_bibliography and self.catalogue is not None:
            # Every page of this build has been converted by now (MkDocs converts them all
            # before it renders any), so we know which pages cite which work.
            full_list = self._full_list(self.catalogue, page, handler.terms)
            content = content.replace(BIBLIOGRAPHY_PLACEHOLDER, full_list)
        page.content = content
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        _, handler = self._pages.get(page.file.src_uri, (None, None))
        if handler is None or not (handler.cited or handler.has_bibliography):
            return output
        css = get_relative_url(f"{SITE_ASSETS}/citations.css", page.url)
        script = get_relative_url(f"{SITE_ASSETS}/citations.js", page.url)
        tags = f'<link rel="stylesheet" href="{css}">\n<script src="{script}" defer></script>\n'
        return output.replace("</head>", f"{tags}</head>", 1)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.catalogue is None:
            return
        target = Path(config.site_dir) / SITE_ASSETS
        target.mkdir(parents=True, exist_ok=True)
        for name in ("citations.css", "citations.js"):
            shutil.copyfile(ASSETS / name, target / name)
        self._report_uncited(self.catalogue)

    def on_shutdown(self) -> None:
        # Freed here, the bibliography and every page's citations take a few hundredths of a
        # second; left to Python's own shutdown, 0.05-0.2 s more (scripts/bench_citations.py).
        self.catalogue = None
        self._pages = {}

    def _wait_for_catalogue(self) -> Catalogue:
        """The catalogue; the first time, waits for it and reports what the file lacks."""
        if self.catalogue is None:
            if self._catalogue_ready is None:
                raise PluginError("patientsite/citations: on_config did not run before on_env.")
            try:
                self.catalogue = self._catalogue_ready()
            except BibliographyError as error:
                self._read = self._catalogue_ready = None  # the next build reads it again
                raise PluginError(f"{error} Nothing was built.") from error
            for message in self.catalogue.warnings:
                log.warning(message)
        return self.catalogue

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
                "developer to add the words for this language to citations/locale.py."
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
        return render.narrow(render.full_list(entries, terms))

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


def _remove_from_toc(items: list[AnchorLink], anchor: str) -> bool:
    """Remove the entry linking to `anchor` from a page's table of contents; returns whether
    there was one."""
    for index, item in enumerate(items):
        if item.id == anchor:
            del items[index]
            return True
        if _remove_from_toc(item.children, anchor):
            return True
    return False


def _config_dir(config: MkDocsConfig) -> str:
    return os.path.dirname(config.config_file_path or "")
