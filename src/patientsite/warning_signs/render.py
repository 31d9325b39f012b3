"""The warning signs as Markdown for a page: the checklist and the decision chart.

Pages hold a marker on a line of its own, ``[[warning-signs]]`` or ``[[decision-chart]]``, and
`expand` puts the rendering in its place before Python-Markdown converts the page, so the
citations in the signs are numbered and linked like any other. The chart is an SVG drawn from
the same tiers, followed by the same steps in words for readers who cannot see it.
"""

import re
import textwrap
from dataclasses import dataclass
from html import escape

from patientsite.citations.syntax import CITATION_RE
from patientsite.warning_signs.source import Sign, Tier, WarningSigns, phone_number_re

CHECKLIST_MARKER = "[[warning-signs]]"
CHART_MARKER = "[[decision-chart]]"
# The first line of the checklist in a page's Markdown (a page that shows it holds this line).
CHECKLIST_OPENING = '<div class="red-flags" markdown>'
_MARKER_LINE = re.compile(r"^[ \t]*(\[\[(?:warning-signs|decision-chart)\]\])[ \t]*$")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# A hand-written tier, as the pages held before the one source: refused, so no copy drifts.
HAND_WRITTEN_TIER = re.compile(r'<div\b[^>]*class="[^"]*\bred-flags__tier\b')


def routes(signs: WarningSigns, tier: Tier, country: str) -> list[tuple[str, str]]:
    """Where to go, as (label, route): the clinic's country only, unlabelled; else every
    country with its label, or one unlabelled route when it is the same in every country."""
    if country:
        return [("", tier.routes[country])]
    texts = list(tier.routes.values())
    if all(text == texts[0] for text in texts):
        return [("", texts[0])]
    return [(signs.countries[code], text) for code, text in tier.routes.items()]


def routes_markdown(signs: WarningSigns, tier: Tier, country: str) -> list[str]:
    return [
        f"**{label}:** {_route(signs, text)}" if label else _route(signs, text)
        for label, text in routes(signs, tier, country)
    ]


def _route(signs: WarningSigns, text: str) -> str:
    return call_links(signs, keep_together(signs, text))


# A Dutch "'s" (not a possessive: nothing before it) is read with the word after it.
_SHORT_S = re.compile(r"(?<!\w)(['\u2019]s) ")


def keep_together(signs: WarningSigns, text: str) -> str:
    """The text with no line break after a Dutch "'s" ("'s avonds") or before a number to
    call ("op 1733"): "'s" at the end of a line, or "1733." alone at the start of the next,
    sends the reader back to find what it belongs to."""
    text = _SHORT_S.sub("\\1\u00a0", text)
    numbers = phone_number_re(signs.phone_numbers)
    return re.sub(rf" (?={numbers.pattern})", "\u00a0", text) if numbers else text


def call_links(signs: WarningSigns, markdown: str) -> str:
    """The text with each of the file's phone numbers a link that calls it: someone reading
    on a phone, worried, can call the GP on duty or 112 with one tap."""
    pattern = phone_number_re(signs.phone_numbers)
    if pattern is None:
        return markdown
    return pattern.sub(lambda match: f"[{match[0]}](tel:{match[0].replace(' ', '')})", markdown)


def tier_markdown(signs: WarningSigns, tier: Tier, country: str) -> str:
    lines = [
        f'<div class="red-flags__tier red-flags__tier--{tier.id}" markdown>',
        "",
        f"### {tier.heading}",
        "",
        *(f"- {keep_together(signs, sign.text)}" for sign in tier.signs),
        "",
    ]
    if tier.note:
        lines += [f"**{_route(signs, tier.note)}**", "{: .red-flags__note }", ""]
    for route in routes_markdown(signs, tier, country):
        lines += [route, "{: .red-flags__route }", ""]
    lines.append("</div>")
    return "\n".join(lines)


def checklist_markdown(signs: WarningSigns, country: str) -> str:
    """The three tiers, fastest first, as Markdown inside HTML blocks (md_in_html)."""
    tiers = "\n\n".join(tier_markdown(signs, tier, country) for tier in signs.tiers)
    return f"{CHECKLIST_OPENING}\n\n{tiers}\n\n</div>"


def _poster_sign(sign: Sign) -> str:
    if sign.short:
        return sign.short
    return " ".join(CITATION_RE.sub("", sign.text).split()).replace(" .", ".")


def poster_checklist_html(signs: WarningSigns, country: str) -> str:
    """The three tiers as HTML for print at a distance: each sign's short form, no citations
    (the poster points to the site for them), the same note and routes as the pages."""
    parts = ['<div class="red-flags">']
    for tier in signs.tiers:
        parts.append(f'<div class="red-flags__tier red-flags__tier--{tier.id}">')
        parts.append(f"<h3>{escape(tier.heading)}</h3>")
        parts.append("<ul>")
        parts.extend(
            f"<li>{escape(keep_together(signs, _poster_sign(sign)))}</li>" for sign in tier.signs
        )
        parts.append("</ul>")
        if tier.note:
            note = escape(keep_together(signs, tier.note))
            parts.append(f'<p class="red-flags__note"><strong>{note}</strong></p>')
        for label, text in routes(signs, tier, country):
            route = escape(keep_together(signs, text))
            parts.append(
                f'<p class="red-flags__route"><strong>{escape(label)}:</strong> {route}</p>'
                if label
                else f'<p class="red-flags__route">{route}</p>'
            )
        parts.append("</div>")
    parts.append("</div>")
    return "\n".join(parts)


# -- the decision chart ------------------------------------------------------------------

_WIDTH = 410
_LEFT_X, _LEFT_W = 10, 220  # questions and steps
_RIGHT_X, _RIGHT_W = 272, 128  # where a "yes" leads
_LINE = 20  # text line height at font-size 16
_PAD = 12  # space above and below a box's text
_GAP = 40  # vertical room for a "no" arrow between rows
_CHAR = 9.4  # average width of a bold letter at font-size 16, to wrap lines
_DARK = "#1a1a1a"
# Fill and border per kind of box; the CSS may restyle them (class names) e.g. in dark mode.
# The three urgencies are those of the lists of warning signs (--red-flag-* in site.css), so a
# colour means the same urgency in the lists and in the chart (a test checks it).
BOX_COLOURS = {
    "question": ("#e8eefc", _DARK),
    "step": ("#e6f4ea", _DARK),
    "now": ("#fdecea", "#b71c1c"),
    "today": ("#fff4e0", "#8a4b00"),
    "appointment": ("#fff8c5", "#6b5900"),
    "fine": ("#e6f4ea", "#1b5e20"),
}


@dataclass(frozen=True)
class _Box:
    x: int
    width: int
    lines: tuple[str, ...]
    kind: str

    @property
    def height(self) -> int:
        return len(self.lines) * _LINE + 2 * _PAD


def _box(text: str, x: int, width: int, kind: str) -> _Box:
    per_line = max(8, int((width - 16) / _CHAR))
    return _Box(x, width, tuple(textwrap.wrap(text, per_line, break_long_words=False)), kind)


def _draw_box(box: _Box, top: int, height: int) -> list[str]:
    fill, stroke = BOX_COLOURS[box.kind]
    width_attr = 3 if box.kind in ("now", "today") else 2
    parts = [
        f'<rect class="decision__box decision__box--{box.kind}" x="{box.x}" y="{top}" '
        f'width="{box.width}" height="{height}" rx="10" fill="{fill}" stroke="{stroke}" '
        f'stroke-width="{width_attr}"/>'
    ]
    first = top + (height - len(box.lines) * _LINE) / 2 + 15
    for number, line in enumerate(box.lines):
        parts.append(
            f'<text class="decision__text" x="{box.x + box.width / 2:g}" '
            f'y="{first + number * _LINE:g}" text-anchor="middle" fill="{_DARK}" '
            f'font-weight="bold">{escape(line)}</text>'
        )
    return parts


def _arrow(x1: float, y1: float, x2: float, y2: float, marker: str) -> str:
    return (
        f'<line class="decision__arrow" x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}" '
        f'stroke="{_DARK}" stroke-width="2.5" marker-end="url(#{marker})"/>'
    )


def _label(x: float, y: float, text: str) -> str:
    return f'<text class="decision__label" x="{x:g}" y="{y:g}" fill="{_DARK}">{escape(text)}</text>'


def chart_rows(signs: WarningSigns) -> list[tuple[_Box, _Box | None]]:
    """The chart's rows: a question or step on the left, where its "yes" leads on the right.

    One question per tier, fastest first, so every sign has its own exit; then the steps for
    a reader without any warning sign.
    """
    rows: list[tuple[_Box, _Box | None]] = [
        (
            _box(tier.chart.box, _LEFT_X, _LEFT_W, "question"),
            _box(tier.chart.answer, _RIGHT_X, _RIGHT_W, tier.id),
        )
        for tier in signs.tiers
    ]
    return [
        *rows,
        (_box(signs.keep_moving.box, _LEFT_X, _LEFT_W, "step"), None),
        (
            _box(signs.better.box, _LEFT_X, _LEFT_W, "question"),
            _box(signs.better.answer, _RIGHT_X, _RIGHT_W, "fine"),
        ),
        (_box(signs.not_better.box, _LEFT_X, _LEFT_W, "appointment"), None),
    ]


def chart_svg(signs: WarningSigns) -> str:
    """The decision chart as an accessible inline SVG (title, description) in the language."""
    lang = signs.language
    marker = f"decision-arrow-{lang}"
    rows = chart_rows(signs)
    body: list[str] = []
    top = 4
    for index, (left, right) in enumerate(rows):
        height = max(left.height, right.height if right else 0)
        body += _draw_box(left, top, height)
        middle = top + height / 2
        if right is not None:
            body += _draw_box(right, top, height)
            body.append(_arrow(left.x + left.width, middle, right.x - 4, middle, marker))
            body.append(_label(left.x + left.width + 8, middle - 8, signs.chart_yes))
        bottom = top + height
        if index < len(rows) - 1:
            x = _LEFT_X + _LEFT_W / 2
            body.append(_arrow(x, bottom, x, bottom + _GAP - 4, marker))
            # Only after a question is the way down a "no"; after a step it is simply next.
            if right is not None:
                body.append(_label(x + 10, bottom + _GAP / 2 + 6, signs.chart_no))
        top = bottom + _GAP
    total = top - _GAP + 4
    steps = " ".join(chart_steps(signs))
    return "\n".join(
        [
            f'<svg class="decision__svg" viewBox="0 0 {_WIDTH} {total:g}" '
            f'role="img" aria-labelledby="decision-title-{lang} decision-desc-{lang}" '
            'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, -apple-system, '
            '\'Segoe UI\', Roboto, Arial, sans-serif" font-size="16">',
            f'<title id="decision-title-{lang}">{escape(signs.chart_title)}</title>',
            f'<desc id="decision-desc-{lang}">{escape(steps)}</desc>',
            f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="8" refY="5" '
            'markerWidth="6" markerHeight="6" orient="auto-start-reverse">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{_DARK}"/></marker></defs>',
            *body,
            "</svg>",
        ]
    )


def chart_steps(signs: WarningSigns) -> list[str]:
    """The chart in words, one sentence per step, in the chart's order."""
    return [
        *(tier.chart.in_words for tier in signs.tiers),
        signs.keep_moving.in_words,
        signs.better.in_words,
        signs.not_better.in_words,
    ]


def chart_markdown(signs: WarningSigns) -> str:
    """The chart as a figure, then the same steps as a numbered list."""
    steps = "\n".join(f"{number}. {step}" for number, step in enumerate(chart_steps(signs), 1))
    return "\n".join(
        [
            '<figure class="decision" markdown>',
            '<div class="decision__diagram">',
            chart_svg(signs),
            "</div>",
            "<figcaption markdown>",
            signs.chart_caption,
            "</figcaption>",
            "</figure>",
            "",
            '<div class="decision__steps" markdown>',
            "",
            steps,
            "",
            "</div>",
        ]
    )


class MarkerError(ValueError):
    """A page holds a hand-written warning tier, which the one source replaces."""


def expand(
    markdown: str, signs: WarningSigns | None, country: str, source_name: str, file: str
) -> str:
    """Replace the markers by the checklist and the chart; code blocks are left alone.

    `signs` is None when the language has no warning-signs file; `file` names that file.
    """
    out: list[str] = []
    fence = ""
    for number, line in enumerate(markdown.split("\n"), 1):
        if match := _FENCE.match(line):
            if not fence:
                fence = match.group(1)
            elif match.group(1).startswith(fence[0] * len(fence)):
                fence = ""
            out.append(line)
            continue
        if fence:
            out.append(line)
            continue
        # A site with the one source may not hold copies; a site without it writes its own.
        if signs is not None and HAND_WRITTEN_TIER.search(line):
            raise MarkerError(
                f"{source_name}:{number}: this page writes a warning-sign tier by hand. The "
                f"warning signs come from {file} only: put {CHECKLIST_MARKER} on a line "
                "of its own where the list should go."
            )
        if match := _MARKER_LINE.match(line):
            marker = match.group(1)
            if signs is None:
                raise MarkerError(
                    f"{source_name}:{number}: {marker} shows the warning signs from {file}, "
                    "but that file does not exist. Create it (copy it from another site or "
                    "language), or remove the marker."
                )
            out.append(
                checklist_markdown(signs, country)
                if marker == CHECKLIST_MARKER
                else chart_markdown(signs)
            )
            continue
        out.append(line)
    return "\n".join(out)
