"""Reading and checking the warning-signs files: every mistake names the file and the line."""

from pathlib import Path

import pytest

from patientsite.warning_signs.source import (
    COUNTRIES,
    DEFAULT_FILE,
    TIER_IDS,
    WarningSignsError,
    check_country,
    check_languages,
    load_all,
    load_warning_signs,
    parse_warning_signs,
    phone_number_re,
)

ROOT = Path(__file__).resolve().parents[2]
VALID = """\
countries:
  BE: In Belgium
  NL: In the Netherlands
tiers:
  - id: now
    heading: Call 112 now
    note: Do not drive yourself.
    routes:
      BE: Call 112 (spoed).
      NL: Call 112 (SEH).
    signs:
      - Numbness around the anus [@chou2011].
      - Chest pain [@nhs].
    chart:
      box: Emergency sign?
      answer: Call 112
      in_words: An emergency sign? Call 112.
  - id: today
    heading: Call your GP today
    note: ""
    routes:
      BE: Call your GP, or 1733.
      NL: Call your GP, or the huisartsenpost.
    signs:
      - Fever [@chou2011; @nhs].
    chart:
      box: Sign for today?
      answer: GP today
      in_words: A sign for today? Call your GP.
  - id: appointment
    heading: Make an appointment
    note: ""
    routes:
      BE: Your GP.
      NL: Your GP.
    signs:
      - Not better after 6 weeks [@wang2018].
    chart:
      box: Sign for an appointment?
      answer: Appointment
      in_words: A sign for an appointment? Make one.
chart:
  title: What should I do?
  caption: The chart.
  "yes": "yes"
  "no": "no"
  keep_moving:
    box: Keep moving.
    in_words: Keep moving.
  better:
    box: Better after 6 weeks?
    answer: No scan
    in_words: Better? No scan.
  not_better:
    box: See your GP.
    in_words: Not better? See your GP.
phone_numbers: ["112", "1733"]
"""


def parse(text: str = VALID, language: str = "en") -> object:
    return parse_warning_signs(text, f"includes/warning-signs/{language}.yml", language)


def test_valid_file_gives_three_tiers_with_signs_routes_and_chart() -> None:
    signs = parse_warning_signs(VALID, "en.yml", "en")
    assert [tier.id for tier in signs.tiers] == list(TIER_IDS)
    now = signs.tier("now")
    assert [sign.text for sign in now.signs] == [
        "Numbness around the anus [@chou2011].",
        "Chest pain [@nhs].",
    ]
    assert [sign.line for sign in now.signs] == [12, 13]
    assert now.signs[0].keys == {"chou2011"}
    assert dict(now.routes) == {"BE": "Call 112 (spoed).", "NL": "Call 112 (SEH)."}
    assert now.note == "Do not drive yourself."
    assert signs.tier("today").note == ""
    assert signs.tier("appointment").chart.answer == "Appointment"
    assert signs.not_better.answer == ""  # a step, not a question
    assert signs.better.answer == "No scan"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("    signs:\n      - Fever [@chou2011; @nhs].\n", "    signs: []\n"),
            "includes/warning-signs/en.yml:24: the signs of tier 'today' must be a list with at "
            "least one item",
        ),
        (
            ("Chest pain [@nhs].", "Chest pain."),
            "includes/warning-signs/en.yml:13: the sign 'Chest pain.' has no citation",
        ),
        (
            ("  - id: today", "  - id: soon"),
            "includes/warning-signs/en.yml:18: the tier here must be 'today'",
        ),
        (
            ("      NL: Call your GP, or the huisartsenpost.\n", ""),
            "includes/warning-signs/en.yml:22: 'NL' is missing in the routes of tier 'today'",
        ),
        (
            ("    heading: Call 112 now\n", "    heading: Call 112 now\n    colour: red\n"),
            "includes/warning-signs/en.yml:7: 'colour' is not known in a tier",
        ),
        (
            ("    heading: Call your GP today", "    heading: ''"),
            "includes/warning-signs/en.yml:19: the heading of tier 'today' must be a text",
        ),
        (
            ("  - id: now", "  - id: now\n  id: broken"),
            "includes/warning-signs/en.yml:6: this is not valid YAML",
        ),
    ],
)
def test_mistakes_name_the_file_the_line_and_the_cause(
    change: tuple[str, str], message: str
) -> None:
    text = VALID.replace(*change)
    assert text != VALID
    with pytest.raises(WarningSignsError) as error:
        parse(text)
    assert str(error.value).startswith(message), str(error.value)


def test_a_missing_tier_is_named() -> None:
    text = VALID[: VALID.index("  - id: appointment")] + VALID[VALID.index("chart:\n  title") :]
    with pytest.raises(WarningSignsError, match=r"en.yml:5: there must be 3 tiers .* not 2"):
        parse(text)


def test_an_empty_file_is_named() -> None:
    with pytest.raises(WarningSignsError, match=r"^includes/warning-signs/en.yml: the file is"):
        parse("# nothing yet\n")


def test_languages_must_match_in_signs_and_citations() -> None:
    english = parse_warning_signs(VALID, "en.yml", "en")
    dutch_fewer = parse_warning_signs(
        VALID.replace("      - Chest pain [@nhs].\n", ""), "nl.yml", "nl"
    )
    with pytest.raises(WarningSignsError) as error:
        check_languages([dutch_fewer, english])
    assert "tier 'now' has 1 signs in nl.yml and 2 in en.yml" in str(error.value)

    dutch_other_source = parse_warning_signs(
        VALID.replace("Chest pain [@nhs]", "Pijn op de borst [@nice2016]"), "nl.yml", "nl"
    )
    with pytest.raises(WarningSignsError) as error:
        check_languages([dutch_other_source, english])
    assert "tier 'now', sign 2: nl.yml:13 cites nice2016, but en.yml:13 cites nhs" in str(
        error.value
    )
    check_languages([parse_warning_signs(VALID, "nl.yml", "nl"), english])  # same shape: fine


PHONE_LINE = VALID.splitlines().index('phone_numbers: ["112", "1733"]') + 1


def test_phone_numbers_are_read_in_their_order() -> None:
    assert parse_warning_signs(VALID, "en.yml", "en").phone_numbers == ("112", "1733")
    none = VALID.replace('phone_numbers: ["112", "1733"]', "phone_numbers: []")
    assert parse_warning_signs(none, "en.yml", "en").phone_numbers == ()


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        # A typo: no note or route says 1734, so no reader would see the link.
        ('["112", "1734"]', "the phone number 1734 is in no note or route of this file"),
        # 11 is only part of 112 and 1733: a number counts as a whole number.
        ('["11"]', "the phone number 11 is in no note or route of this file"),
        ('["112a"]', "'112a' is not a phone number"),
        ('["+32 112"]', "'+32 112' is not a phone number"),
        ("112", "'phone_numbers' must be a list"),
    ],
)
def test_a_wrong_phone_number_names_the_line(value: str, problem: str) -> None:
    text = VALID.replace('phone_numbers: ["112", "1733"]', f"phone_numbers: {value}")
    with pytest.raises(WarningSignsError) as error:
        parse(text)
    assert str(error.value).startswith(f"includes/warning-signs/en.yml:{PHONE_LINE}: {problem}")


def test_a_number_in_groups_is_a_phone_number() -> None:
    text = VALID.replace("Call your GP, or 1733.", "Call your GP, or 0900 1515.").replace(
        '["112", "1733"]', '["112", "0900 1515"]'
    )
    assert parse_warning_signs(text, "en.yml", "en").phone_numbers == ("112", "0900 1515")


def test_phone_numbers_match_whole_numbers_only() -> None:
    pattern = phone_number_re(["112", "1733"])
    assert pattern is not None
    assert pattern.findall("Call 112, or 1733. Not 1120, 2112, a112, 112b or /112/.") == [
        "112",
        "1733",
    ]
    assert phone_number_re([]) is None


def test_languages_must_give_the_same_phone_numbers() -> None:
    english = parse_warning_signs(VALID, "en.yml", "en")
    dutch = parse_warning_signs(VALID.replace('["112", "1733"]', '["112"]'), "nl.yml", "nl")
    with pytest.raises(WarningSignsError) as error:
        check_languages([dutch, english])
    assert "phone_numbers is 112 in nl.yml and 112, 1733 in en.yml" in str(error.value)


@pytest.mark.parametrize(("value", "code"), [("BE", "BE"), ("nl", "NL"), (" ", ""), ("", "")])
def test_known_countries(value: str, code: str) -> None:
    assert check_country(value) == code


def test_unknown_country_names_the_setting() -> None:
    with pytest.raises(WarningSignsError) as error:
        check_country("FR")
    assert str(error.value) == (
        "extra.clinic.country in mkdocs.yml is 'FR', which we have no routes for. "
        f"Use one of {', '.join(COUNTRIES)}, or leave it empty to show every country."
    )


def test_a_site_without_files_has_no_warning_signs(tmp_path: Path) -> None:
    assert load_all(tmp_path, DEFAULT_FILE, ["nl", "en"]) == {}


def test_one_language_without_its_file_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "includes" / "warning-signs"
    folder.mkdir(parents=True)
    (folder / "nl.yml").write_text(VALID, encoding="utf-8")
    with pytest.raises(WarningSignsError, match=r"^includes/warning-signs/en.yml: the warning"):
        load_all(tmp_path, DEFAULT_FILE, ["nl", "en"])


def test_a_file_not_in_utf8_names_the_line(tmp_path: Path) -> None:
    folder = tmp_path / "includes" / "warning-signs"
    folder.mkdir(parents=True)
    (folder / "nl.yml").write_bytes(VALID.replace("Fever", "Koorts \u00e9").encode("latin-1"))
    with pytest.raises(WarningSignsError, match=r"nl.yml:25: the file is not saved as UTF-8"):
        load_warning_signs(tmp_path, DEFAULT_FILE, "nl")


def test_the_real_files_match_and_every_sign_is_cited() -> None:
    signs = load_all(ROOT, DEFAULT_FILE, ["nl", "en"])
    assert set(signs) == {"nl", "en"}
    for language in signs.values():
        assert [tier.id for tier in language.tiers] == list(TIER_IDS)
        assert all(sign.keys for tier in language.tiers for sign in tier.signs)
    # Every cited work is in the bibliography.
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    for language in signs.values():
        for tier in language.tiers:
            for sign in tier.signs:
                for key in sign.keys:
                    assert "{" + key + "," in bib, f"{language.file}:{sign.line}: {key}"


def test_a_sign_may_have_a_short_form_without_citations() -> None:
    text = VALID.replace(
        "      - Chest pain [@nhs].\n",
        "      - text: Chest pain [@nhs].\n        short: Chest pain\n",
    )
    signs = parse_warning_signs(text, "en.yml", "en")
    assert [(sign.text, sign.short) for sign in signs.tier("now").signs] == [
        ("Numbness around the anus [@chou2011].", ""),
        ("Chest pain [@nhs].", "Chest pain"),
    ]
    with pytest.raises(WarningSignsError, match=r"en.yml:14: the short form 'Pain \[@nhs\]'"):
        parse(text.replace("short: Chest pain", "short: Pain [@nhs]"))
