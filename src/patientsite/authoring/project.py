"""What the authoring tools need to know about a site: read once from its mkdocs.yml."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load


class ProjectError(Exception):
    """A site whose mkdocs.yml the authoring tools cannot use; the message says why."""


@dataclass(frozen=True)
class Project:
    """A bilingual MkDocs site in the static-i18n folder layout."""

    config_file: Path  # its mkdocs.yml
    docs_dir: Path  # the folder holding one folder per language
    languages: tuple[str, ...]  # the language folders, the default language first
    site_url: str  # the absolute address the site is published at ("" when not set)
    clinic: Mapping[str, object] = field(default_factory=dict)  # `extra.clinic`, as written

    @property
    def root(self) -> Path:
        """The folder holding mkdocs.yml, from which messages name files."""
        return self.config_file.parent

    def name(self, path: Path) -> str:
        """How messages name a file: docs/nl/scan.md."""
        if path.is_relative_to(self.root):
            return path.relative_to(self.root).as_posix()
        return str(path)


def _i18n_options(config: dict[str, Any]) -> dict[str, Any]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"] or {}
    return {}


def _clinic(config: dict[str, Any]) -> Mapping[str, object]:
    extra = config.get("extra")
    clinic = extra.get("clinic") if isinstance(extra, dict) else None
    return clinic if isinstance(clinic, dict) else {}


def load_project(config_file: Path) -> Project:
    """Read what the tools need from a site's mkdocs.yml."""
    try:
        with config_file.open(encoding="utf-8") as stream:
            config = yaml_load(stream)
    except FileNotFoundError as error:
        raise ProjectError(f"{config_file} not found: run this from the site's folder.") from error
    except ConfigurationError as error:
        raise ProjectError(f"{config_file.name} could not be read: {error}") from error
    entries = _i18n_options(config).get("languages") or []
    locales = [
        entry["locale"] for entry in entries if isinstance(entry, dict) and entry.get("locale")
    ]
    if not locales:
        raise ProjectError(
            f"{config_file.name} lists no languages: the tools expect the 'i18n' plugin with "
            "'languages' (one folder per language under docs/)."
        )
    default = next((entry["locale"] for entry in entries if entry.get("default")), locales[0])
    languages = (default, *(locale for locale in locales if locale != default))
    return Project(
        config_file=config_file,
        docs_dir=config_file.parent / str(config.get("docs_dir") or "docs"),
        languages=languages,
        site_url=str(config.get("site_url") or ""),
        clinic=_clinic(config),
    )
