from mkdocs.config import base
from mkdocs.config import config_options as c


class LanguagesConfig(base.Config):
    enabled = c.Type(bool, default=True)

    # Open Graph: the image shown in link previews (a path inside the built site), and the
    # og:locale per language, so a link pasted in a chat previews in the page's language.
    og_image = c.Type(str, default="assets/images/og-image.png")
    og_locales = c.Type(dict, default={"nl": "nl_BE", "en": "en_GB"})

    # Split the combined search index into one index per language, each with its own stemmer.
    split_search = c.Type(bool, default=True)

    # Search synonyms: a folder (relative to mkdocs.yml) with one file per language,
    # <lang>.yml, mapping words patients type to words the pages use. "" means none.
    search_synonyms = c.Type(str, default="")
    # Pages (file names, e.g. sources.md) shown below content pages that share a word.
    search_lower = c.ListOfItems(c.Type(str), default=[])
