"""MkDocs glue: review dates, glossary tooltips, the clinic's details and the warning signs.

The logic lives in plain modules (review, glossary, siteinfo, labels here; the warning signs in
patientsite.warning_signs); these hooks only pass page data between MkDocs, static-i18n and them.
"""

import logging
import os
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from patientsite import frontmatter
from patientsite.mkdocs.builds import build_language, is_outermost, language_root
from patientsite.mkdocs.pages.config import PagesConfig
from patientsite.mkdocs.theme import MATERIAL
from patientsite.pages.glossary import (
    GlossaryError,
    append_glossary,
    first_use_only,
    load_glossary,
)
from patientsite.pages.labels import LABELS, Labels
from patientsite.pages.review import (
    FrontMatterError,
    ReviewDates,
    insert_after_h1,
    is_stale,
    not_utf8,
    read_review_dates,
    review_html,
    today,
)
from patientsite.pages.siteinfo import (
    Clinic,
    ClinicConfigError,
    clinic_from_extra,
    replace_marker,
    site_info_html,
)
from patientsite.privacy import privacy_problems
from patientsite.record import (
    LanguageRecord,
    PageRecord,
    pages_section,
    theme_section,
    write_section,
)
from patientsite.warning_signs.render import CHECKLIST_OPENING, MarkerError, expand
from patientsite.warning_signs.source import (
    WarningSigns,
    WarningSignsError,
    check_country,
    load_all,
)

log = logging.getLogger("mkdocs.plugins.patientsite.pages")


class PagesPlugin(BasePlugin[PagesConfig]):
    def __init__(self) -> None:
        self.today = date.today()
        self.clinic = Clinic()
        self.glossaries: dict[str, list[str]] = {}  # definitions per language, read once a build
        self.dates: dict[str, ReviewDates] = {}  # per page source path, for on_page_content
        self.warning_signs: dict[str, WarningSigns] = {}  # per language, read once a build
        self.country = ""  # the clinic's country: only its routes are shown; "" shows all
        # For the build record: each language's pages in reading order, and what each page is.
        self.reading_order: dict[str, list[str]] = {}
        self.recorded: dict[str, dict[str, PageRecord]] = {}
        self.with_warning_signs: set[str] = set()  # pages that show the lists of warning signs

    # -- helpers ----------------------------------------------------------------------

    def _language(self, page: Page, config: MkDocsConfig) -> str:
        lang = getattr(page.file, "locale", None)
        if lang is None and (i18n := config.plugins.get("i18n")) is not None:
            lang = getattr(i18n, "current_language", None)
        if lang not in LABELS:
            raise PluginError(
                f"{page.file.src_path}: patientsite/pages has no words for language {lang!r} "
                f"(it knows {', '.join(LABELS)}: one file each in src/patientsite/words/)."
            )
        return str(lang)

    def _source(self, page: Page, config: MkDocsConfig) -> str:
        """The page's file as authors know it: docs/nl/alarm.md."""
        base_dir = Path(config.config_file_path).resolve().parent
        if page.file.abs_src_path and Path(page.file.abs_src_path).is_relative_to(base_dir):
            return Path(page.file.abs_src_path).relative_to(base_dir).as_posix()
        return page.file.src_uri

    def _labels(self, page: Page, config: MkDocsConfig) -> Labels:
        return LABELS[self._language(page, config)]

    def _glossary(self, lang: str, config: MkDocsConfig) -> list[str]:
        if lang not in self.glossaries:
            base_dir = Path(config.config_file_path).resolve().parent
            try:
                self.glossaries[lang] = load_glossary(
                    base_dir, self.config.glossary.format(lang=lang)
                )
            except GlossaryError as error:
                raise PluginError(str(error)) from error
        return self.glossaries[lang]

    def _load_warning_signs(self, config: MkDocsConfig) -> None:
        """Every language's warning signs, checked against each other and the clinic's country."""
        base_dir = Path(config.config_file_path).resolve().parent
        i18n = config.plugins.get("i18n")
        languages = (
            [lang.locale for lang in i18n.config.languages]
            if i18n
            else [config.theme.get("language") or "en"]
        )
        try:
            self.country = check_country(self.clinic.country)
            self.warning_signs = load_all(base_dir, self.config.warning_signs, languages)
        except WarningSignsError as error:
            raise PluginError(str(error)) from error

    # -- hooks ------------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # static-i18n runs a whole build per language, each starting here: start afresh.
        self.glossaries.clear()
        self.dates.clear()
        self.with_warning_signs.clear()
        language, default = build_language(config)
        if language == default:  # the first language of a new build
            self.reading_order.clear()
            self.recorded.clear()
        try:
            self.config.glossary.format(lang="nl")
        except (KeyError, IndexError, ValueError) as error:
            raise PluginError(
                f"patientsite/pages: the 'glossary' option {self.config.glossary!r} may only "
                "contain {lang} as a placeholder."
            ) from error
        try:
            self.today = today(os.environ)
            self.clinic = clinic_from_extra(config.extra)
        except (ValueError, ClinicConfigError) as error:
            raise PluginError(str(error)) from error
        self._load_warning_signs(config)
        return config

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        # MkDocs reads the page the same way, but answers a page in another encoding than
        # UTF-8 with a traceback; this says which line and what to do.
        try:
            return page.file.content_string
        except UnicodeDecodeError as error:
            src = self._source(page, config)
            raise PluginError(f"{src}:{not_utf8(page.file.content_bytes, error)}") from error

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        src = self._source(page, config)
        try:
            dates = read_review_dates(page.meta, markdown)
        except FrontMatterError as error:
            where = f"{src}:{error.line}" if error.line else src
            raise PluginError(f"{where}: {error}") from error
        if dates.is_draft:
            # Info, not a warning: the strict build must still make a preview of a draft.
            log.info(
                f"{src}: a draft (no 'reviewed' date): the page shows that nobody has reviewed "
                "it yet; make check refuses to publish it until someone has."
            )
        elif is_stale(dates, self.today):
            log.warning(
                f"{src}: the next review was due on {dates.next_review} (today is {self.today}). "
                "Check the page against its sources, then update 'reviewed' and 'next_review' "
                "in its front matter."
            )
        self.dates[page.file.src_uri] = dates
        language = self._language(page, config)
        try:
            expanded = expand(
                markdown,
                self.warning_signs.get(language),
                self.country,
                src,
                self.config.warning_signs.format(lang=language),
            )
        except MarkerError as error:
            raise PluginError(str(error)) from error
        # For the build record: the share kit's e-mails point at a page with the lists.
        if expanded.count(CHECKLIST_OPENING) > markdown.count(CHECKLIST_OPENING):
            self.with_warning_signs.add(page.file.src_uri)
        markdown = expanded
        return append_glossary(markdown, self._glossary(language, config))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if self.config.enabled:
            language, _ = build_language(config)
            self.reading_order[language] = [page.file.src_uri for page in nav.pages]
        return None

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        self._record(page, config)
        # Raw HTML in Markdown must not make the reader's browser call another host.
        if problems := privacy_problems(html, page.file.content_string, self._source(page, config)):
            raise PluginError("\n".join(problems))
        labels = self._labels(page, config)
        html = first_use_only(html)
        html = insert_after_h1(html, review_html(self.dates[page.file.src_uri], labels))
        if "[[site-info]]" in html:
            logo_url = normalize_url(self.clinic.logo, page) if self.clinic.logo else ""
            html = replace_marker(html, site_info_html(self.clinic, labels, logo_url))
        return html

    def _record(self, page: Page, config: MkDocsConfig) -> None:
        """What the steps after the build need to know about this page."""
        language, _ = build_language(config)
        root = language_root(config)
        dates = self.dates[page.file.src_uri]
        share = page.meta.get("share", True)
        if not isinstance(share, bool):
            line = frontmatter.line_of(page.file.content_string, "share")
            raise PluginError(
                f"{self._source(page, config)}:{line}: 'share: {share}' in the front matter "
                "must be true or false (false: the clinic's share page leaves this page out)."
            )
        self.recorded.setdefault(language, {})[page.file.src_uri] = PageRecord(
            url=page.url.removeprefix(root),
            source=self._source(page, config),
            title=str(page.title or ""),
            description=str(page.meta.get("description") or ""),
            reviewed=dates.reviewed,
            next_review=dates.next_review,
            share=share,
            warning_signs=page.file.src_uri in self.with_warning_signs,
        )

    # Last: after static-i18n (-100) has built the other languages inside this build.
    @event_priority(-200)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or not is_outermost(config):
            return
        _, default = build_language(config)
        languages = [
            LanguageRecord(
                code=language,
                root="" if language == default else f"{language}/",
                pages=tuple(
                    pages[source]
                    for source in self.reading_order.get(language, [])
                    if source in pages
                ),
            )
            for language, pages in sorted(
                self.recorded.items(), key=lambda item: item[0] != default
            )
        ]
        write_section(Path(config.site_dir), "pages", pages_section(languages))
        write_section(Path(config.site_dir), "theme", theme_section(MATERIAL))
