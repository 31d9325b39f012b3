"""Small, checked adjustments to the pinned Material theme's output.

Each function fails loudly when Material's output no longer looks as expected, so an
upgrade of Material cannot silently undo a fix.
"""

import json
import re

# Material fetches ``sitemap.xml`` beside every ``<link rel="alternate">`` to map pages
# between languages. Our hreflang links are absolute (search engines require it), so that
# would request the production host from a local preview, and it 404s everywhere else. The
# language switcher already links straight to the same page in the other language, so we
# narrow the selector to links carrying a marker attribute that no page uses.
ALTERNATE_SELECTOR = '"link[rel=alternate]"'
NARROWED_SELECTOR = '"link[rel=alternate][data-md-sitemap]"'

CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL
)


class MaterialChanged(RuntimeError):
    """Material's output differs from what this module was written against."""


def disable_alternate_sitemaps(bundle_js: str) -> str:
    """Stop Material's bundle from fetching a sitemap next to each hreflang link."""
    count = bundle_js.count(ALTERNATE_SELECTOR)
    if count != 1:
        raise MaterialChanged(
            f"expected {ALTERNATE_SELECTOR} once in Material's bundle, found it {count} times"
        )
    return bundle_js.replace(ALTERNATE_SELECTOR, NARROWED_SELECTOR)


def retarget_search(html: str, base: str, worker_name: str) -> str:
    """Point Material's search at the page language's own index and at our worker.

    ``base`` is where search fetches ``search/search_index.json`` and resolves result
    links: the root of the page's language. ``worker_name`` replaces the file name of
    Material's search worker (same folder, so the worker still finds lunr's stemmers).
    """
    match = CONFIG_SCRIPT.search(html)
    if match is None:
        raise MaterialChanged('the page has no <script id="__config"> block')
    config = json.loads(match.group(2))
    config["base"] = base
    folder, _, _ = config["search"].rpartition("/")
    config["search"] = f"{folder}/{worker_name}" if folder else worker_name
    island = json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return html[: match.start(2)] + island + html[match.end(2) :]


def language_root(base_url: str, language_prefix: str) -> str:
    """The relative URL of a language's root, from a page whose site root is ``base_url``."""
    root = base_url.rstrip("/") or "."
    return f"{root}/{language_prefix}/" if language_prefix else f"{root}/"
