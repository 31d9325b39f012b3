"""What must match between the Dutch and English version of a page: its outline.

The outline is read from the Markdown source: `##` sections, citation keys, and where the page
shows the warning signs and the decision chart (the `[[warning-signs]]` and `[[decision-chart]]`
markers; the signs themselves come from one file per language, whose languages are compared by
patientsite.warning_signs). Code spans and fenced code are ignored, so an example of the syntax
never counts.
"""

import re
from dataclasses import dataclass

from patientsite import frontmatter
from patientsite.citations.syntax import cited_keys, code_free_lines

_SECTION = re.compile(r"^##\s")
_MARKER = re.compile(r"^\s*(\[\[(?:warning-signs|decision-chart)\]\])\s*$")


@dataclass(frozen=True)
class Outline:
    """The parts of a page that both languages must share."""

    sections: int  # number of `##` headings
    citation_keys: frozenset[str]  # every key cited on the page
    warning_signs: tuple[str, ...]  # the warning-sign markers, in page order


def _code_free_lines(markdown: str) -> list[str]:
    """The page's lines without front matter, with fenced code blanked and code spans removed."""
    body, _meta = frontmatter.split(markdown)
    return code_free_lines(body)


def outline(markdown: str) -> Outline:
    """The outline of one page's Markdown source."""
    lines = _code_free_lines(markdown)
    return Outline(
        sections=sum(1 for line in lines if _SECTION.match(line)),
        citation_keys=frozenset(cited_keys("\n".join(lines))),
        warning_signs=tuple(match.group(1) for line in lines if (match := _MARKER.match(line))),
    )


def warning_sign_differences(first: Outline, second: Outline) -> list[str]:
    """Where two pages show the warning signs differently, in plain words (empty when alike)."""
    if first.warning_signs == second.warning_signs:
        return []
    shown = [", ".join(outline.warning_signs) or "none" for outline in (first, second)]
    return [f"warning signs and chart shown: {shown[0]} vs {shown[1]}"]
