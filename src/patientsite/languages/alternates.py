"""Absolute URLs for hreflang alternates, canonical links and Open Graph tags."""

from dataclasses import dataclass
from urllib.parse import urljoin


@dataclass(frozen=True)
class Alternate:
    """One language version of a page."""

    hreflang: str
    """Language code, or ``x-default`` for the version shown to other languages."""
    url: str
    """Absolute URL of that version."""


def absolute_url(site_url: str, page_url: str) -> str:
    """Join a page URL (``en/mri/``, ``./``) to the site's absolute base URL."""
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    return urljoin(base, "" if page_url in ("", "./", ".") else page_url)


def page_alternates(
    site_url: str, urls_by_language: dict[str, str], languages: list[str], default_language: str
) -> list[Alternate]:
    """hreflang alternates in language order, plus ``x-default`` pointing at the default."""
    alternates = [
        Alternate(lang, absolute_url(site_url, urls_by_language[lang]))
        for lang in languages
        if lang in urls_by_language
    ]
    if default_language in urls_by_language:
        alternates.append(
            Alternate("x-default", absolute_url(site_url, urls_by_language[default_language]))
        )
    return alternates


def home_pages(languages: list[str], default_language: str) -> dict[str, str]:
    """Each language's home page as a page URL: ``""`` for the default language, ``en/``."""
    return {lang: "" if lang == default_language else f"{lang}/" for lang in languages}
