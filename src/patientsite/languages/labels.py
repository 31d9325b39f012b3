"""Interface words of our own templates (overrides/), a table per language.

The words are in src/patientsite/words/<language>.yml (section `templates`), each with what it
is for; the templates read them as `site_labels.<key>`.
"""

from patientsite.words import SHARED, languages, section

# Words of the `shared` section the templates show too.
_SHARED = ("language_switch",)

LABELS: dict[str, dict[str, str]] = {
    language: {
        key: str(value)
        for key, value in (
            *section(language, "templates").items(),
            *((key, section(language, SHARED)[key]) for key in _SHARED),
        )
    }
    for language in languages()
}


def labels_for(language: str) -> dict[str, str]:
    """The label table for a language; unknown languages get English."""
    return LABELS.get(language, LABELS["en"])
