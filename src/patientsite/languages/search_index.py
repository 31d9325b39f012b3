"""Split static-i18n's combined search index into one index per language.

static-i18n writes a single ``search/search_index.json`` holding every language, so a
Dutch search shows English pages too, and lunr would stem every word with both stemmers.
One index per language, each declaring only its own language, fixes both.
"""

from copy import deepcopy
from typing import Any

SearchIndex = dict[str, Any]


def split_search_index(
    combined: SearchIndex, languages: list[str], default_language: str
) -> dict[str, SearchIndex]:
    """Return one search index per language.

    Entries of a non-default language live under ``<lang>/``; their locations are made
    relative to that language's root, because each index is read with the language root
    as base URL.
    """
    indexes: dict[str, SearchIndex] = {}
    others = [lang for lang in languages if lang != default_language]
    for lang in languages:
        config = deepcopy(combined.get("config", {}))
        config["lang"] = [lang]
        indexes[lang] = {**deepcopy(combined), "config": config, "docs": []}

    for doc in combined.get("docs", []):
        location: str = doc["location"]
        lang = next((o for o in others if _is_under(location, o)), default_language)
        if lang != default_language:
            location = location[len(lang) :].lstrip("/")
        indexes[lang]["docs"].append({**doc, "location": location})
    return indexes


def _is_under(location: str, lang: str) -> bool:
    return location == lang or location.startswith(f"{lang}/") or location.startswith(f"{lang}#")


# Search scores of pages listed under `search_lower` are multiplied by this: they still
# come up for their own words, but below the content pages that share a word.
LOWER_BOOST = 0.1


def page_slug(location: str) -> str:
    """The page a search entry belongs to, as its file name without ``.md``.

    ``about/#who`` -> ``about``, ``""`` -> ``index``, ``tips.html`` -> ``tips``.
    """
    path = location.split("#", 1)[0].rstrip("/").removesuffix(".html")
    if path == "index" or path.endswith("/index"):
        path = path.removesuffix("index").rstrip("/")
    return path or "index"


def add_search_extras(
    index: SearchIndex, synonyms: dict[str, list[str]], lower: list[str]
) -> SearchIndex:
    """Add what our search worker reads: the language's synonyms and lowered pages.

    ``lower`` lists page files (``sources.md``) whose entries get a lower search score.
    """
    lowered = {name.removesuffix(".md") for name in lower}
    docs = [
        {**doc, "boost": LOWER_BOOST} if page_slug(doc["location"]) in lowered else doc
        for doc in index.get("docs", [])
    ]
    config = {**index.get("config", {}), "synonyms": synonyms}
    return {**index, "config": config, "docs": docs}
