"""Which language static-i18n is building, for plugins that keep something per language.

static-i18n builds the default language first; its on_post_build (priority -100) then builds
every other language inside that build, with the same plugin instances. A plugin that writes
one thing for the whole site does so after that, in the outermost build only. Without
static-i18n the site has one language: the theme's.
"""

from mkdocs.config.defaults import MkDocsConfig


def build_language(config: MkDocsConfig) -> tuple[str, str]:
    """The language being built now, and the default language."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        language = str(config.theme.get("language") or "en")
        return language, language
    default = str(i18n.default_language)
    return str(i18n.current_language or default), default


def language_root(config: MkDocsConfig) -> str:
    """Where the pages of the language being built start: "" for the default, "en/"."""
    language, default = build_language(config)
    return "" if language == default else f"{language}/"


def is_outermost(config: MkDocsConfig) -> bool:
    """Whether this build is the whole site's (not static-i18n's build of one more language)."""
    i18n = config.plugins.get("i18n")
    return i18n is None or not i18n.building
