"""The placeholder text `make page` writes into a new page, in one place: the scaffold writes
it, the release check (patientsite.authoring.gate) finds what is left of it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    """The placeholder text of a new page in one language."""

    description: str  # the front matter's description, for search engines and link previews
    intro: str  # the first paragraph
    section: str  # the first `##` heading
    text: str  # the paragraph under it

    @property
    def sentences(self) -> tuple[str, ...]:
        """The placeholder sentences: no real page holds them."""
        return (self.description, self.intro, self.text)


TEMPLATES = {
    "nl": Template(
        description="Schrijf hier in één of twee zinnen waar deze pagina over gaat.",
        intro="Schrijf hier in een paar korte zinnen het belangrijkste.",
        section="Eerste deel",
        text="Schrijf hier de uitleg. Gebruik korte zinnen en gewone woorden.",
    ),
    "en": Template(
        description="Write here in one or two sentences what this page is about.",
        intro="Write the main points here in a few short sentences.",
        section="First part",
        text="Write the explanation here. Use short sentences and everyday words.",
    ),
}

# The comment above the empty review dates of a new page. Only a person who has checked the
# page fills them in: until then the page shows a "not yet reviewed" notice.
REVIEW_COMMENT = (
    "# reviewed: the day a healthcare professional checked this page against its sources\n"
    "# (YYYY-MM-DD, the same in both languages); next_review: within a year after that.\n"
    "# Until then the page shows that it is a draft, and make check will not pass.\n"
)
