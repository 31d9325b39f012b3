"""The site's settings: mkdocs.yml read once, into one typed model every tool shares.

The build (MkDocs) reads mkdocs.yml itself; the steps around it (PDFs, share kit, link check,
translation report, readability, `make page`, `make check`) read it here, without importing
MkDocs, so they agree on what a setting means and name it the same way when it is wrong.
"""

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from patientsite.pages.siteinfo import Clinic, ClinicConfigError, clinic_from_extra


class SettingsError(ValueError):
    """A setting in mkdocs.yml that cannot be used; the message names the setting."""


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str  # as in the HTML lang attribute and the docs/ folder name: "nl"
    site_name: str  # the site's title in this language
    site_description: str  # the site's one-line description in this language, or ""
    root: str  # where its pages start below site_url: "" for the default language, "en/"


@dataclass(frozen=True)
class SiteSettings:
    """What the tools around the build need from mkdocs.yml."""

    config_file: Path  # the mkdocs.yml read
    docs_dir: Path  # the folder holding one folder of pages per language
    site_url: str  # the address the site is published at, as written ("" when not set)
    languages: tuple[Language, ...]  # default language first
    clinic: Clinic  # extra.clinic; empty strings where nothing was filled in
    nav: tuple[str, ...] = ()  # the page files of `nav`, in reading order
    markdown_extensions: tuple[tuple[str, Mapping[str, Any]], ...] = ()  # with their options
    plugins: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # options by name

    @property
    def root(self) -> Path:
        """The folder holding mkdocs.yml, from which messages name files."""
        return self.config_file.parent

    @property
    def language_codes(self) -> tuple[str, ...]:
        """The languages' codes, default first."""
        return tuple(language.code for language in self.languages)

    def name(self, path: Path) -> str:
        """How messages name a file: docs/nl/scan.md."""
        if path.is_relative_to(self.root):
            return path.relative_to(self.root).as_posix()
        return str(path)

    def plugin(self, name: str) -> Mapping[str, Any] | None:
        """A plugin's options, or None when mkdocs.yml does not use the plugin."""
        return self.plugins.get(name)

    def project_file(self, plugin: str, option: str) -> Path | None:
        """A file a plugin option names, relative to mkdocs.yml; None when not set."""
        value = (self.plugin(plugin) or {}).get(option)
        return self.root / value if isinstance(value, str) and value else None


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as data: `!ENV` read from the environment; other tags (such as
    `!!python/name:` for Markdown extensions) kept as their text, since no tool here needs
    the object they would build."""


def _environment_value(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`, as MkDocs reads it."""
    if isinstance(node, yaml.ScalarNode):
        names: list[Any] = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        names = list(loader.construct_sequence(node))
    else:
        raise SettingsError(f"line {node.start_mark.line + 1}: !ENV needs a variable name.")
    default = names.pop() if len(names) > 1 else None
    for name in names:
        if str(name) in os.environ:
            return yaml.safe_load(os.environ[str(name)])
    return default


def _as_text(loader: yaml.SafeLoader, tag: str, node: yaml.Node) -> object:
    """A tagged value as its text; `!!python/name:module.thing` as "module.thing"."""
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node) or tag.rpartition("python/name:")[2]
    return None


_Loader.add_constructor("!ENV", _environment_value)
_Loader.add_multi_constructor("", _as_text)


def read_yaml(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as a mapping, with an `INHERIT:` parent merged under it."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise SettingsError(f"{config_file} not found: run this from the site's folder.") from error
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"Cannot read the settings file {config_file}: {error}") from error
    try:
        loaded = yaml.load(text, _Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f", line {mark.line + 1}" if mark else ""
        raise SettingsError(
            f"{config_file.name}{where}: not valid YAML ({error.problem or error.context})."
        ) from error
    except yaml.YAMLError as error:
        raise SettingsError(f"{config_file.name}: not valid YAML ({error}).") from error
    data: dict[str, Any] = loaded if isinstance(loaded, dict) else {}
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str):
        data = _merge(read_yaml(config_file.parent / parent), data)
    return data


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Mappings merged key by key, as MkDocs merges an inherited file; other values replace."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged


def _plugins(config: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Every plugin's options by name; `plugins` may be a list or a mapping."""
    entries = config.get("plugins") or []
    items: list[tuple[object, object]] = []
    if isinstance(entries, Mapping):
        items = list(entries.items())
    elif isinstance(entries, Sequence):
        for entry in entries:
            items.extend(entry.items() if isinstance(entry, Mapping) else [(entry, {})])
    return {str(name): (opts if isinstance(opts, Mapping) else {}) for name, opts in items}


def _languages(config: Mapping[str, Any], plugins: Mapping[str, Any]) -> tuple[Language, ...]:
    """The languages static-i18n builds, default first."""
    site_name = str(config.get("site_name") or "")
    description = str(config.get("site_description") or "")
    i18n = plugins.get("i18n")
    if i18n is None:
        raise SettingsError(
            "mkdocs.yml lists no languages: the tools expect the 'i18n' plugin with "
            "'languages' (one folder per language under docs/)."
        )
    entries = i18n.get("languages") or []
    languages = []
    for entry in entries if isinstance(entries, Sequence) else []:
        if not isinstance(entry, Mapping) or not entry.get("locale"):
            continue
        if entry.get("build") is False:
            continue
        code = str(entry["locale"])
        languages.append(
            Language(
                code,
                str(entry.get("site_name") or site_name),
                str(entry.get("site_description") or description),
                root="" if entry.get("default") else f"{code}/",
            )
        )
    if not languages:
        raise SettingsError(
            "mkdocs.yml lists no languages: the tools expect the 'i18n' plugin with "
            "'languages' (one folder per language under docs/)."
        )
    if not any(language.root == "" for language in languages):
        first = languages[0]
        languages[0] = Language(first.code, first.site_name, first.site_description, root="")
    languages.sort(key=lambda language: language.root != "")
    return tuple(languages)


def _nav_files(nav: object) -> tuple[str, ...]:
    """The Markdown files of `nav`, depth first, in the order readers meet them."""
    files: list[str] = []
    items = nav if isinstance(nav, list) else []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, Mapping) and item else item
        if isinstance(value, str):
            if value.endswith(".md"):
                files.append(value)
        else:
            files.extend(_nav_files(value))
    return tuple(files)


def _markdown_extensions(config: Mapping[str, Any]) -> tuple[tuple[str, Mapping[str, Any]], ...]:
    found: list[tuple[str, Mapping[str, Any]]] = []
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, Mapping):
            found.extend((str(name), opts or {}) for name, opts in item.items())
        else:
            found.append((str(item), {}))
    return tuple(found)


def load_settings(config_file: Path) -> SiteSettings:
    """Read and check mkdocs.yml."""
    config_file = config_file.resolve()
    config = read_yaml(config_file)
    plugins = _plugins(config)
    extra = config.get("extra") or {}
    try:
        clinic = clinic_from_extra(extra if isinstance(extra, Mapping) else {})
    except ClinicConfigError as error:
        raise SettingsError(str(error)) from error
    return SiteSettings(
        config_file=config_file,
        docs_dir=config_file.parent / str(config.get("docs_dir") or "docs"),
        site_url=str(config.get("site_url") or "").strip(),
        languages=_languages(config, plugins),
        clinic=clinic,
        nav=_nav_files(config.get("nav")),
        markdown_extensions=_markdown_extensions(config),
        plugins=plugins,
    )
