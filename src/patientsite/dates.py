"""Dates in words, in a page's language, by Babel from the Unicode CLDR data.

How each language writes a date is a pattern in its words file (src/patientsite/words/): d is the
day, MMMM the month's name, y the year.
"""

from datetime import date

from babel.dates import format_date, get_month_names

# Any leap year: a day and month without a year (29 February too) is written as in this year.
_LEAP_YEAR = 2000


def in_words(day: date, pattern: str, language: str) -> str:
    """A date written with a CLDR pattern: "d MMMM y" gives 23 november 2026 in Dutch and
    23 November 2026 in English; "MMMM d, y" gives November 23, 2026."""
    return format_date(day, pattern, locale=language)


def day_and_month(month: int, day: int, pattern: str, language: str) -> str:
    """A day of a month with a pattern without the year: "MMMM d" gives March 3."""
    return in_words(date(_LEAP_YEAR, month, day), pattern, language)


def month_name(month: int, language: str) -> str:
    """A month's name (January is 1) as written inside a sentence: maart, March."""
    # Babel's locale data is typed loosely (Any); the month names are strings.
    return str(get_month_names("wide", "format", locale=language)[month])
