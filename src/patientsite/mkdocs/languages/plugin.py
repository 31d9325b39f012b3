"""MkDocs glue: per-language search, a 404 page per language, absolute hreflang, checks.

The logic lives in plain modules next to this one; these hooks only move data between
MkDocs, static-i18n and those modules.
"""

import json
import logging
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from patientsite.languages.alternates import absolute_url, home_pages, page_alternates
from patientsite.languages.counterparts import find_missing_counterparts
from patientsite.languages.labels import labels_for
from patientsite.languages.search_index import add_search_extras, split_search_index
from patientsite.languages.synonyms import (
    Synonym,
    SynonymError,
    load_synonyms,
    missing_words,
    to_index,
)
from patientsite.mkdocs import builds
from patientsite.mkdocs.languages.config import LanguagesConfig
from patientsite.mkdocs.languages.material import (
    disable_alternate_sitemaps,
    language_root,
    retarget_search,
)

log = logging.getLogger("mkdocs.plugins.patientsite.languages")

WORKER_NAME = "search-i18n.js"
WORKER_SOURCE = Path(__file__).parents[2] / "languages" / "assets" / "search-worker.js"


class LanguagesPlugin(BasePlugin[LanguagesConfig]):
    def __init__(self) -> None:
        self.default_404: bytes | None = None
        self.synonyms: dict[str, list[Synonym]] = {}
        self.synonym_files: dict[str, str] = {}

    # -- helpers around static-i18n ---------------------------------------------------

    def _i18n(self, config: MkDocsConfig) -> Any:
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError("patientsite/languages needs the 'i18n' plugin in mkdocs.yml.")
        return i18n

    def _languages(self, config: MkDocsConfig) -> list[str]:
        return [lang.locale for lang in self._i18n(config).config.languages]

    def _default_language(self, config: MkDocsConfig) -> str:
        return builds.build_language(config)[1]

    def _current_language(self, config: MkDocsConfig) -> str:
        return builds.build_language(config)[0]

    def _prefix(self, config: MkDocsConfig) -> str:
        """The folder of the language being built: "" for the default language, "en"."""
        return builds.language_root(config).rstrip("/")

    # -- hooks ------------------------------------------------------------------------

    # After static-i18n's on_config (-100), which switches the config to the build's language.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self._i18n(config)  # this plugin has nothing to do on a site of one language
        # The heading anchor's tooltip would otherwise stay English on Dutch pages.
        toc = config.mdx_configs.setdefault("toc", {})
        toc["permalink_title"] = labels_for(self._current_language(config))["permalink"]
        if self.config.split_search and builds.is_outermost(config):
            self._load_synonyms(config)
        return config

    def _load_synonyms(self, config: MkDocsConfig) -> None:
        """Read every language's synonyms file now, so a mistake stops the build early."""
        self.synonyms, self.synonym_files = {}, {}
        if not self.config.search_synonyms:
            return
        if not self.config.split_search:
            raise PluginError(
                "patientsite/languages: 'search_synonyms' needs 'split_search: true' "
                "(the synonyms go into each language's own search index)."
            )
        root = Path(config.config_file_path).parent
        folder = Path(self.config.search_synonyms)
        for lang in self._languages(config):
            name = (folder / f"{lang}.yml").as_posix()
            try:
                self.synonyms[lang] = load_synonyms(root / name, name)
            except SynonymError as error:
                raise PluginError(str(error)) from None
            self.synonym_files[lang] = name

    # Before static-i18n's on_files (-100), while files still sit in their language folders.
    @event_priority(0)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        missing = find_missing_counterparts(
            (file.src_uri for file in files.documentation_pages()), self._languages(config)
        )
        if missing:
            lines = "\n".join(
                f"  docs/{m.source} has no translation: create docs/{m.expected}" for m in missing
            )
            raise PluginError(
                "Every page must exist in every language (same file name in each folder).\n" + lines
            )
        pages = {file.src_uri for file in files.documentation_pages()}
        lang = self._default_language(config)
        unknown = [name for name in self.config.search_lower if f"{lang}/{name}" not in pages]
        if unknown:
            raise PluginError(
                f"mkdocs.yml: search_lower names {', '.join(unknown)}, but docs/{lang}/ has no "
                "such page. Write the page's file name, e.g. sources.md."
            )
        return files

    # After static-i18n's on_page_context (50), which fills in the per-page alternates.
    @event_priority(0)
    def on_page_context(
        self,
        template_context: TemplateContext,
        *,
        page: Page,
        config: MkDocsConfig,
        nav: Navigation,
    ) -> TemplateContext:
        if not self.config.enabled:
            return template_context
        context = _open(template_context)
        language = self._current_language(config)
        site_url = config.site_url or ""
        urls = {lang: file.url for lang, file in getattr(page.file, "alternates", {}).items()}
        context["site_alternates"] = page_alternates(
            site_url, urls, self._languages(config), self._default_language(config)
        )
        # Material prints config.extra.alternate as the head's hreflang links: make those
        # absolute, and keep the relative link for our language switcher partial.
        for alt in getattr(config.extra, "alternate", None) or []:
            if alt.get("lang") in urls:
                alt["relative"] = urls[alt["lang"]]
                alt["link"] = absolute_url(site_url, urls[alt["lang"]])
        context["site_labels"] = labels_for(language)
        context["og"] = {
            "locale": self.config.og_locales.get(language, language),
            "alternate_locales": [
                self.config.og_locales.get(lang, lang)
                for lang in self._languages(config)
                if lang != language
            ],
            "url": page.canonical_url or absolute_url(site_url, page.url),
            "image": absolute_url(site_url, self.config.og_image),
        }
        return template_context

    def on_template_context(
        self, template_context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        if self.config.enabled:
            context = _open(template_context)
            context["site_labels"] = labels_for(self._current_language(config))
            if template_name == "404.html":
                self._not_found_alternates(context, config)
        return template_context

    def _not_found_alternates(self, context: dict[str, Any], config: MkDocsConfig) -> None:
        """A "not found" page has no counterpart in another language: its language switch
        leads to each language's home page, and it has no hreflang links (main.html drops
        Material's when ``site_alternates`` is empty). Without this, it would show the
        alternates of whichever page was rendered last."""
        site_url = config.site_url or ""
        site_path = _site_path(site_url)
        homes = home_pages(self._languages(config), self._default_language(config))
        for alt in getattr(config.extra, "alternate", None) or []:
            if alt.get("lang") in homes:
                # From the site's root: the 404 page is served at any depth.
                alt["relative"] = site_path + homes[alt["lang"]]
                alt["link"] = absolute_url(site_url, homes[alt["lang"]])
        context["site_alternates"] = []

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled or not self.config.split_search:
            return output
        base = language_root(_base_url(page), self._prefix(config))
        return retarget_search(output, base, WORKER_NAME)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # The 404 page is served at any depth, so it uses absolute paths from the site root.
        if not self.config.enabled or not self.config.split_search or template_name != "404.html":
            return output_content
        site_path = _site_path(config.site_url)
        base = f"{site_path}{self._prefix(config)}/" if self._prefix(config) else site_path
        return retarget_search(output_content, base, WORKER_NAME)

    # Before static-i18n's on_post_build (-100), which runs the other languages' builds.
    @event_priority(100)
    def _move_404(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        site = Path(config.site_dir)
        if not self._prefix(config):
            self.default_404 = _read_if_exists(site / "404.html")
            return
        # Inside static-i18n's build of another language: its 404 page just overwrote the
        # default language's one (static-i18n #326). Move it under the language prefix and
        # put the default one back.
        prefix = self._prefix(config)
        english_404 = site / "404.html"
        if english_404.exists():
            (site / prefix).mkdir(parents=True, exist_ok=True)
            english_404.replace(site / prefix / "404.html")
        if self.default_404 is not None:
            (site / "404.html").write_bytes(self.default_404)

    # After static-i18n's on_post_build (-100), once every language and the combined search
    # index are written.
    @event_priority(-200)
    def _finish_site(self, *, config: MkDocsConfig) -> None:
        # static-i18n sets ``building`` while it runs the other languages' builds; only the
        # outermost build, which ends last, sees the whole site.
        if not self.config.enabled or not builds.is_outermost(config):
            return
        site = Path(config.site_dir)
        _patch_bundle(site)
        if self.config.split_search:
            _write_worker(site)
            indexes = _split_index(
                site,
                self._languages(config),
                self._default_language(config),
                self.synonyms,
                self.config.search_lower,
            )
            self._check_synonyms(indexes)

    def _check_synonyms(self, indexes: dict[str, dict[str, Any]]) -> None:
        """Warn (which fails a strict build) about synonyms pointing at no page's word."""
        for lang, synonyms in self.synonyms.items():
            texts = [
                f"{doc.get('title', '')} {doc.get('text', '')}"
                for doc in indexes.get(lang, {}).get("docs", [])
            ]
            for missing in missing_words(synonyms, texts):
                log.warning(
                    "%s:%d: the search synonym '%s' points at '%s', a word no %s page "
                    "contains. Use a word that appears on a page, or add it to a page.",
                    self.synonym_files[lang],
                    missing.synonym.line,
                    missing.synonym.typed,
                    missing.word,
                    lang,
                )

    on_post_build = CombinedEvent(_move_404, _finish_site)


def _open(context: TemplateContext) -> dict[str, Any]:
    """The context as what it is, a dict the templates read: MkDocs' type lists only MkDocs' own
    keys, and we add ours (site_alternates, site_labels, og) for our templates."""
    return cast("dict[str, Any]", context)


def _base_url(page: Page) -> str:
    """Relative URL from the page to the site root, as MkDocs computes ``base_url``."""
    depth = page.url.count("/") if page.url else 0
    return "/".join([".."] * depth) or "."


def _site_path(site_url: str | None) -> str:
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else f"{path}/"


def _read_if_exists(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def _single(site: Path, pattern: str) -> Path:
    matches = sorted(site.glob(pattern))
    if len(matches) != 1:
        raise PluginError(
            f"Expected one file matching {pattern} in the built site, found {matches}"
        )
    return matches[0]


def _patch_bundle(site: Path) -> None:
    bundle = _single(site, "assets/javascripts/bundle.*.min.js")
    bundle.write_text(disable_alternate_sitemaps(bundle.read_text("utf-8")), "utf-8")


def _write_worker(site: Path) -> None:
    material_worker = _single(site, "assets/javascripts/workers/search.*.min.js")
    source = WORKER_SOURCE.read_text("utf-8").replace("__MATERIAL_WORKER__", material_worker.name)
    (material_worker.parent / WORKER_NAME).write_text(source, "utf-8")


def _split_index(
    site: Path,
    languages: list[str],
    default_language: str,
    synonyms: dict[str, list[Synonym]],
    lower: list[str],
) -> dict[str, dict[str, Any]]:
    combined_path = site / "search" / "search_index.json"
    if not combined_path.exists():
        raise PluginError(
            "patientsite/languages splits the search index per language, but the build wrote "
            "none: add the 'search' plugin to mkdocs.yml, or set 'split_search: false'."
        )
    combined = json.loads(combined_path.read_text("utf-8"))
    indexes = split_search_index(combined, languages, default_language)
    for lang, index in indexes.items():
        index = add_search_extras(index, to_index(synonyms.get(lang, [])), lower)
        folder = site if lang == default_language else site / lang
        target = folder / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
        log.debug("search index for '%s': %d entries", lang, len(index["docs"]))
    return indexes
