"""Month names and the long date format, shared by pages, PDFs and citations."""

from collections.abc import Sequence
from datetime import date

# Month names, January first, as written inside a sentence.
MONTHS: dict[str, tuple[str, ...]] = {
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def long_date(day: date, months: Sequence[str]) -> str:
    """A date as readers write it in running text: 23 november 2026 / 23 November 2026."""
    return f"{day.day} {months[day.month - 1]} {day.year}"
