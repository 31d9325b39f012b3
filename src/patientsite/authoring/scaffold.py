"""Create a new page in every language from a template, and add it to the navigation.

The slug becomes the page's file name (docs/nl/SLUG.md, docs/en/SLUG.md) and its web address
(/SLUG/, /en/SLUG/), so only lowercase letters, digits and hyphens are allowed.
"""

import json
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from patientsite.authoring.navigation import add_to_nav
from patientsite.authoring.placeholders import REVIEW_COMMENT, TEMPLATES
from patientsite.settings import SiteSettings

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Folders the built site already uses at its top level (the theme's assets, the search index,
# the 404 page, the PDFs, the share kit): a page there would clash with them.
RESERVED = frozenset({"assets", "search", "404", "pdf", "share"})
_EXAMPLE = "pijn-bij-zitten"


class ScaffoldError(Exception):
    """The page cannot be created; the message says why and what to do instead."""


@dataclass(frozen=True)
class NewPage:
    """What creating a page did."""

    files: tuple[Path, ...]  # the pages written, one per language
    nav_added: bool  # whether mkdocs.yml's nav got the page (False: the site has no nav)


def _what_is_wrong(slug: str) -> str:
    """The first thing that keeps a name from being a slug, in words."""
    signs = sorted({char for char in slug if not re.fullmatch(r"[a-z0-9-]", char)})
    if signs:
        shown = " ".join("a space" if sign == " " else sign for sign in signs)
        return f"it holds {shown}"
    if not slug:
        return "it is empty"
    if slug.startswith("-") or slug.endswith("-"):
        return "it starts or ends with a hyphen"
    return "it has two hyphens in a row"


def check_slug(slug: str, project: SiteSettings) -> None:
    """Refuse a slug that is not a safe web address or that names a page that already exists."""
    if not SLUG.fullmatch(slug):
        raise ScaffoldError(
            f"'{slug}' cannot be used as a page name ({_what_is_wrong(slug)}): it becomes the "
            "page's web address, so use "
            f"only lowercase letters a-z, digits and single hyphens between words, like "
            f"'{_EXAMPLE}' (no spaces, capitals, accents or other signs)."
        )
    if slug in RESERVED or slug in project.language_codes:
        raise ScaffoldError(
            f"'{slug}' cannot be used as a page name: the site already uses /{slug}/ for "
            f"something else. Choose another name, like '{_EXAMPLE}'."
        )
    existing = [
        project.name(path)
        for lang in project.language_codes
        for path in (project.docs_dir / lang / f"{slug}.md", project.docs_dir / lang / slug)
        if path.exists()
    ]
    if existing:
        raise ScaffoldError(
            f"a page named '{slug}' already exists ({', '.join(existing)}). Edit that page, or "
            "choose another name."
        )


def _yaml_text(text: str) -> str:
    """A front matter value as written by hand when that is safe, else double-quoted."""
    try:
        plain = yaml.safe_load(f"key: {text}") == {"key": text}
    except yaml.YAMLError:
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def page_text(lang: str, title: str, today: date) -> str:
    """The Markdown of a new page: front matter, a title and one section of placeholder text.

    The review dates stay empty: a new page is a draft until a person has checked it, and must
    not claim a review nobody did.
    """
    template = TEMPLATES.get(lang, TEMPLATES["en"])
    return (
        "---\n"
        f"title: {_yaml_text(title)}\n"
        f"description: {_yaml_text(template.description)}\n"
        f"published: {today.isoformat()}\n"
        f"{REVIEW_COMMENT}"
        "reviewed:\n"
        "next_review:\n"
        "---\n\n"
        f"# {title}\n\n"
        f"{template.intro}\n\n"
        f"## {template.section}\n\n"
        f"{template.text}\n"
    )


def default_title(slug: str) -> str:
    """A first title made from the slug ("pijn-bij-zitten" -> "Pijn bij zitten")."""
    return slug.replace("-", " ").capitalize()


def create_page(
    project: SiteSettings,
    slug: str,
    *,
    today: date,
    titles: dict[str, str] | None = None,
    after: str | None = None,
) -> NewPage:
    """Write docs/<lang>/<slug>.md for every language and add the page to the navigation.

    ``titles`` gives a title per language (the slug's words otherwise); ``after`` is the slug of
    the page the new one follows in the navigation (at the end otherwise). Nothing is written
    when any check fails.
    """
    check_slug(slug, project)
    titles = titles or {}
    unknown = sorted(set(titles) - set(project.language_codes))
    if unknown:
        raise ScaffoldError(
            f"a title was given for {', '.join(unknown)}, but the site's languages are "
            f"{', '.join(project.language_codes)}."
        )
    for lang, title in titles.items():
        if not title.strip() or "\n" in title:
            raise ScaffoldError(f"the {lang} title must be one line of text.")
    config_text = project.config_file.read_text(encoding="utf-8")
    new_config = add_to_nav(config_text, f"{slug}.md", f"{after}.md" if after else None)
    files = tuple(project.docs_dir / lang / f"{slug}.md" for lang in project.language_codes)
    for lang, path in zip(project.language_codes, files, strict=True):
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as stream:  # "x": never overwrite a page
            stream.write(page_text(lang, titles.get(lang, default_title(slug)).strip(), today))
    if new_config is not None and new_config != config_text:
        # Through a temporary file, so mkdocs.yml is never left half-written.
        temporary = project.config_file.with_name(f".{project.config_file.name}.{os.getpid()}")
        temporary.write_text(new_config, encoding="utf-8")
        temporary.replace(project.config_file)
    return NewPage(files=files, nav_added=new_config is not None)
