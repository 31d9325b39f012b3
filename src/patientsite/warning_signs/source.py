"""The warning signs of one language, read from its data file and checked.

Every page, the handout and the decision chart show the warning signs from this one file per
language (``includes/warning-signs/nl.yml``), so the copies can never drift apart. A mistake in
the file is a `WarningSignsError` naming the file and the line, in words an author understands.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from patientsite.citations.syntax import cited_keys

# The three tiers, fastest first: each has one action, and the order is the order of urgency.
TIER_IDS: tuple[str, ...] = ("now", "today", "appointment")
# Where each language's file is, relative to mkdocs.yml; {lang} is the language.
DEFAULT_FILE = "includes/warning-signs/{lang}.yml"
# The countries whose routes (phone numbers, services) the file must give.
COUNTRIES: tuple[str, ...] = ("BE", "NL")
# A phone number as the file writes it: digits, in groups separated by one space ("0900 1515").
_PHONE_NUMBER_RE = re.compile(r"\d+(?: \d+)*")


class WarningSignsError(ValueError):
    """The warning-signs file is missing, malformed or does not match the other language."""


@dataclass(frozen=True)
class Sign:
    text: str  # one sign in Markdown, with its citations: "Fever [@chou2011]."
    line: int  # where it is in the file, for messages
    short: str = ""  # the same sign in a few words, for the poster: "Fever"; "" for none

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(cited_keys(self.text))


@dataclass(frozen=True)
class ChartStep:
    """One box of the decision chart and the same step in words."""

    box: str  # the box's short text: a question or a step
    answer: str  # for a question: the box its "yes" leads to; empty for a step
    in_words: str  # the step as a full sentence, for the chart's text version


@dataclass(frozen=True)
class Tier:
    id: str  # "now", "today" or "appointment"
    heading: str  # the one action: "Call 112 now"
    note: str  # said for every country, e.g. "Do not drive yourself."
    routes: Mapping[str, str]  # where to go, per country code
    signs: tuple[Sign, ...]
    chart: ChartStep


@dataclass(frozen=True)
class WarningSigns:
    """Everything the file of one language holds."""

    language: str
    file: str  # as authors know it: includes/warning-signs/en.yml
    countries: Mapping[str, str]  # how a route is labelled per country: "In Belgium"
    phone_numbers: tuple[str, ...]  # numbers a reader can tap to call in the notes and routes
    tiers: tuple[Tier, ...]
    chart_title: str
    chart_caption: str
    chart_yes: str
    chart_no: str
    keep_moving: ChartStep  # the step after "no warning sign"
    better: ChartStep  # "better after a few weeks?" and its "yes" answer
    not_better: ChartStep  # the chart's last box: what to do when not better

    def tier(self, tier_id: str) -> Tier:
        return next(tier for tier in self.tiers if tier.id == tier_id)


def phone_number_re(numbers: Iterable[str]) -> re.Pattern[str] | None:
    """Finds the numbers as whole numbers: "112", but not the 112 in "1120" or "a112"."""
    alternatives = "|".join(re.escape(number) for number in sorted(numbers, key=len, reverse=True))
    return re.compile(rf"(?<![\w/.:@-])(?:{alternatives})(?![\w/])") if alternatives else None


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _Reader:
    """Walks the YAML nodes so that every message can give the line."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, node: yaml.Node, problem: str) -> WarningSignsError:
        return WarningSignsError(f"{self.file}:{_line(node)}: {problem}")

    def mapping(self, node: yaml.Node, what: str, keys: Iterable[str]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must hold settings like 'name: value'.")
        allowed = list(keys)
        found: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            key = str(key_node.value)
            if key not in allowed:
                raise self.fail(
                    key_node, f"'{key}' is not known in {what}. Known: {', '.join(allowed)}."
                )
            if key in found:
                raise self.fail(key_node, f"'{key}' appears twice in {what}.")
            found[key] = value
        for key in allowed:
            if key not in found:
                raise self.fail(node, f"'{key}' is missing in {what}.")
        return found

    def text(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            raise self.fail(node, f"{what} must be a text, and it is empty or not a text.")
        return " ".join(str(node.value).split())

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            raise self.fail(node, f"{what} must be a list with at least one item ('- ...').")
        return list(node.value)

    def chart_step(self, node: yaml.Node, what: str, *, question: bool) -> ChartStep:
        keys = ("box", "answer", "in_words") if question else ("box", "in_words")
        values = self.mapping(node, what, keys)
        return ChartStep(
            box=self.text(values["box"], f"{what}: box"),
            answer=self.text(values["answer"], f"{what}: answer") if question else "",
            in_words=self.text(values["in_words"], f"{what}: in_words"),
        )

    def phone_numbers(self, node: yaml.Node, tiers: Sequence[Tier]) -> tuple[str, ...]:
        """The numbers to call, each checked: written as a number, and said in a note or a
        route (a number nobody reads there is most likely mistyped)."""
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(
                node, '\'phone_numbers\' must be a list like ["112", "1733"] (or [] for none).'
            )
        said = " ".join(text for tier in tiers for text in (tier.note, *tier.routes.values()))
        numbers = []
        for item in node.value:
            number = self.text(item, "a phone number")
            if not _PHONE_NUMBER_RE.fullmatch(number):
                raise self.fail(
                    item,
                    f"'{number}' is not a phone number: write its digits, like \"1733\" or "
                    '"0900 1515".',
                )
            pattern = phone_number_re([number])
            if pattern is None or not pattern.search(said):
                raise self.fail(
                    item,
                    f"the phone number {number} is in no note or route of this file. Correct "
                    "the number, or write it in the route that tells the reader to call it.",
                )
            numbers.append(number)
        return tuple(numbers)

    def tier(self, node: yaml.Node, expected: str, countries: Sequence[str]) -> Tier:
        values = self.mapping(node, "a tier", ("id", "heading", "note", "routes", "signs", "chart"))
        tier_id = self.text(values["id"], "the tier's id")
        if tier_id != expected:
            raise self.fail(
                values["id"],
                f"the tier here must be '{expected}' (the tiers are {', '.join(TIER_IDS)}, "
                f"in this order, each once), not '{tier_id}'.",
            )
        what = f"tier '{tier_id}'"
        route_nodes = self.mapping(values["routes"], f"the routes of {what}", countries)
        signs = []
        for sign_node in self.sequence(values["signs"], f"the signs of {what}"):
            # A sign is its text, or its text and the few words the poster prints instead.
            short = ""
            if isinstance(sign_node, yaml.MappingNode):
                parts = self.mapping(sign_node, f"a sign of {what}", ("text", "short"))
                text = self.text(parts["text"], f"a sign of {what}")
                short = self.text(parts["short"], f"the short form of a sign of {what}")
                if cited_keys(short):
                    raise self.fail(
                        parts["short"],
                        f"the short form '{short}' holds a citation; the poster prints no "
                        "citations, so cite the sign's text only.",
                    )
            else:
                text = self.text(sign_node, f"a sign of {what}")
            if not cited_keys(text):
                raise self.fail(
                    sign_node,
                    f"the sign '{text}' has no citation. Add the source that gives this sign, "
                    "like [@chou2011].",
                )
            signs.append(Sign(text, _line(sign_node), short))
        note = values["note"]
        if not isinstance(note, yaml.ScalarNode):
            raise self.fail(note, f'the note of {what} must be a text (or "" for none).')
        return Tier(
            id=tier_id,
            heading=self.text(values["heading"], f"the heading of {what}"),
            note=" ".join(str(note.value).split()),  # empty: not every tier needs a note
            routes={code: self.text(route_nodes[code], f"{what}, {code}") for code in countries},
            signs=tuple(signs),
            chart=self.chart_step(values["chart"], f"the chart box of {what}", question=True),
        )


def parse_warning_signs(text: str, file: str, language: str) -> WarningSigns:
    """The warning signs in one file's text; `file` names it in messages."""
    reader = _Reader(file)
    try:
        root = yaml.compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        raise WarningSignsError(
            f"{file}{line}: this is not valid YAML ({error.problem}). Check the indentation and "
            "put a text holding ': ' or starting with a quote or [ in quotes."
        ) from error
    if root is None:
        raise WarningSignsError(f"{file}: the file is empty.")
    top = reader.mapping(root, "the file", ("countries", "phone_numbers", "tiers", "chart"))
    country_nodes = reader.mapping(top["countries"], "'countries'", COUNTRIES)
    countries = {code: reader.text(country_nodes[code], f"country {code}") for code in COUNTRIES}
    tier_nodes = reader.sequence(top["tiers"], "'tiers'")
    if len(tier_nodes) != len(TIER_IDS):
        raise reader.fail(
            top["tiers"],
            f"there must be {len(TIER_IDS)} tiers ({', '.join(TIER_IDS)}), not {len(tier_nodes)}.",
        )
    tiers = tuple(
        reader.tier(node, expected, COUNTRIES)
        for node, expected in zip(tier_nodes, TIER_IDS, strict=True)
    )
    chart = reader.mapping(
        top["chart"],
        "'chart'",
        ("title", "caption", "yes", "no", "keep_moving", "better", "not_better"),
    )
    return WarningSigns(
        language=language,
        file=file,
        countries=countries,
        phone_numbers=reader.phone_numbers(top["phone_numbers"], tiers),
        tiers=tiers,
        chart_title=reader.text(chart["title"], "the chart's title"),
        chart_caption=reader.text(chart["caption"], "the chart's caption"),
        chart_yes=reader.text(chart["yes"], "the chart's word for yes"),
        chart_no=reader.text(chart["no"], "the chart's word for no"),
        keep_moving=reader.chart_step(chart["keep_moving"], "'keep_moving'", question=False),
        better=reader.chart_step(chart["better"], "'better'", question=True),
        not_better=reader.chart_step(chart["not_better"], "'not_better'", question=False),
    )


def load_warning_signs(base_dir: Path, pattern: str, language: str) -> WarningSigns:
    """Read and check one language's file; `pattern` is relative to `base_dir`, with {lang}."""
    name = pattern.format(lang=language)
    path = base_dir / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise WarningSignsError(
            f"{name}: the warning signs of language '{language}' are missing. Every language "
            "needs this file; copy the file of another language and translate it."
        ) from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise WarningSignsError(
            f"{name}:{line}: the file is not saved as UTF-8. Save it as UTF-8 in your editor."
        ) from None
    return parse_warning_signs(text, name, language)


def load_all(base_dir: Path, pattern: str, languages: Sequence[str]) -> dict[str, WarningSigns]:
    """Every language's warning signs, checked against each other.

    A site without any warning-signs file has none (empty); once one language has the file,
    every language needs it, so no language silently goes without the warning signs.
    """
    present = [lang for lang in languages if (base_dir / pattern.format(lang=lang)).is_file()]
    if not present:
        return {}
    all_signs = {lang: load_warning_signs(base_dir, pattern, lang) for lang in languages}
    check_languages(list(all_signs.values()))
    return all_signs


def differences(first: WarningSigns, other: WarningSigns) -> list[str]:
    """Where two languages' warning signs differ in shape: tiers, signs and their citations.

    The words differ between languages; the number of signs per tier and the works each sign
    cites must not, so both languages give the same advice on the same grounds.
    """
    found = []
    if set(first.phone_numbers) != set(other.phone_numbers):
        found.append(
            f"phone_numbers is {', '.join(first.phone_numbers) or 'empty'} in {first.file} and "
            f"{', '.join(other.phone_numbers) or 'empty'} in {other.file}"
        )
    for tier, other_tier in zip(first.tiers, other.tiers, strict=True):
        if len(tier.signs) != len(other_tier.signs):
            found.append(
                f"tier '{tier.id}' has {len(tier.signs)} signs in {first.file} and "
                f"{len(other_tier.signs)} in {other.file}"
            )
            continue
        for number, (sign, other_sign) in enumerate(
            zip(tier.signs, other_tier.signs, strict=True), 1
        ):
            if sign.keys != other_sign.keys:
                found.append(
                    f"tier '{tier.id}', sign {number}: {first.file}:{sign.line} cites "
                    f"{', '.join(sorted(sign.keys))}, but {other.file}:{other_sign.line} cites "
                    f"{', '.join(sorted(other_sign.keys))}"
                )
    return found


def check_languages(all_signs: Sequence[WarningSigns]) -> None:
    """Every language has the same tiers, the same number of signs and the same citations."""
    problems = [problem for other in all_signs[1:] for problem in differences(all_signs[0], other)]
    if problems:
        raise WarningSignsError(
            "The warning signs differ between the languages; both must give the same signs in "
            "the same order, citing the same works:\n  " + "\n  ".join(problems)
        )


def check_country(value: str) -> str:
    """The clinic's country code, checked: 'BE', 'NL' or empty (show every country)."""
    code = value.strip().upper()
    if code and code not in COUNTRIES:
        raise WarningSignsError(
            f"extra.clinic.country in mkdocs.yml is '{value}', which we have no routes for. "
            f"Use one of {', '.join(COUNTRIES)}, or leave it empty to show every country."
        )
    return code
