"""Options of the citations plugin, checked when mkdocs.yml is read."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CitationsConfig(Config):
    """The plugin's options in mkdocs.yml."""

    # Turn the plugin off without taking it out of mkdocs.yml.
    enabled = c.Type(bool, default=True)

    # The BibTeX file with every work the site cites, relative to mkdocs.yml.
    bib_file = c.File(exists=True, default="references.bib")

    # How citations look in the text: numeric "[6]" or APA author-date "(Chou et al., 2009)".
    style = c.Choice(("numeric", "author-date"), default="numeric")

    # Where a page's reference list goes: "end" puts it at the [[references]] marker, or at
    # the end of the page when there is none; "marker" only at the marker, and warns about a
    # page that cites without one.
    references_placement = c.Choice(("end", "marker"), default="end")

    # A folder, relative to mkdocs.yml, where formatted references are kept between builds,
    # so that a build with an unchanged references.bib need not read it again; "" (the
    # default) keeps nothing. The folder can be deleted at any time.
    cache_dir = c.Type(str, default="")
