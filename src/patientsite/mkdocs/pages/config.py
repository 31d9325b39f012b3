from mkdocs.config import base
from mkdocs.config import config_options as c

from patientsite.warning_signs.source import DEFAULT_FILE


class PagesConfig(base.Config):
    enabled = c.Type(bool, default=True)

    # The abbreviation definitions (`*[MRI]: ...`) added to every page of a language, so the
    # `abbr` extension shows them as tooltips. Relative to mkdocs.yml; {lang} is the page language.
    glossary = c.Type(str, default="includes/glossary/{lang}.md")

    # The warning signs (red flags) of each language, shown where a page holds
    # [[warning-signs]] or [[decision-chart]]. Relative to mkdocs.yml; {lang} is the language.
    warning_signs = c.Type(str, default=DEFAULT_FILE)
