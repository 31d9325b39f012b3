"""Bad settings and failures: a message naming the setting, exit 1, and no half-written PDF."""

import os
import shutil
from pathlib import Path

import pytest
import yaml

from patientsite.pdf import render, sources
from patientsite.pdf.settings import (
    FONT_FILES,
    FONTS_DIR,
    Clinic,
    Language,
    Settings,
    SettingsError,
    check_site_url,
    load_settings,
)
from tests.pdf.support import CONFIG, FIXTURE, run_module


def config_with(tmp_path: Path, **changes: object) -> Path:
    """A copy of the fixture's mkdocs.yml with some settings changed (extra.clinic.* by
    'logo', 'name', ...; top-level ones by their own name)."""
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if key in config["extra"]["clinic"]:
            config["extra"]["clinic"][key] = value
        else:
            config[key] = value
    config["docs_dir"] = str(FIXTURE / "docs")
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def pdfs_and_parts(site: Path) -> list[Path]:
    return sorted(site.rglob("*.pdf")) + sorted(site.rglob("*.part"))


@pytest.mark.parametrize(
    "value", ["/rug/", "kliniek.example.org", "ftp://kliniek.example.org/", "", None]
)
def test_site_url_must_be_absolute_http(value: object) -> None:
    shown = repr(value) if value else "empty"
    with pytest.raises(SettingsError) as error:
        check_site_url(value)
    assert str(error.value) == (
        "site_url in mkdocs.yml must be the site's full web address starting with https:// "
        f"(or http://), like https://rugpijn.example.be/; it is {shown}. QR codes and e-mail "
        "links need it."
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [("https://a.example/x", "https://a.example/x/"), ("http://a.example/", "http://a.example/")],
)
def test_site_url_accepted(value: str, expected: str) -> None:
    assert check_site_url(value) == expected


def test_missing_logo_names_the_setting(site_copy: Path, tmp_path: Path) -> None:
    config = config_with(tmp_path, logo="assets/ontbreekt.png")
    with pytest.raises(SettingsError) as error:
        load_settings(config, site_copy)
    assert str(error.value) == (
        "extra.clinic.logo in mkdocs.yml: the logo 'assets/ontbreekt.png' is not in the built "
        f"site (looked for {site_copy / 'assets' / 'ontbreekt.png'}). Put the file in docs/ "
        "(e.g. docs/assets/logo.png) and set the path relative to docs/."
    )


def test_unreadable_logo_names_the_setting(site_copy: Path, tmp_path: Path) -> None:
    (site_copy / "assets" / "kapot.png").write_bytes(b"not an image")
    config = config_with(tmp_path, logo="assets/kapot.png")
    with pytest.raises(SettingsError) as error:
        load_settings(config, site_copy)
    assert str(error.value).startswith(
        "extra.clinic.logo in mkdocs.yml: the logo 'assets/kapot.png' cannot be read as an "
        "image (PNG, JPEG or SVG): "
    )


def test_logo_web_address_is_refused(site_copy: Path, tmp_path: Path) -> None:
    config = config_with(tmp_path, logo="https://kliniek.example.org/logo.png")
    with pytest.raises(SettingsError) as error:
        load_settings(config, site_copy)
    assert str(error.value) == (
        "extra.clinic.logo in mkdocs.yml is a web address (https://kliniek.example.org/logo.png)."
        " The PDFs are made without going online: put the logo file in docs/assets/ and set "
        "logo: assets/logo.png."
    )


def test_missing_font_names_the_font(site_copy: Path, tmp_path: Path) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    with pytest.raises(SettingsError) as error:
        load_settings(CONFIG, site_copy, fonts)
    assert str(error.value) == (
        "The PDF font 'Atkinson Hyperlegible' is missing: "
        f"{fonts / 'AtkinsonHyperlegible-Regular.ttf'} was not found or cannot be read. "
        "Restore it with 'git checkout -- src/patientsite/pdf/fonts'."
    )


def test_no_logo_and_no_clinic_name_is_fine(site_copy: Path, tmp_path: Path) -> None:
    settings = load_settings(config_with(tmp_path, logo="", name="", author=""), site_copy)
    assert settings.logo is None
    assert settings.clinic.name == ""


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"site_url": "/rug/"}, "site_url in mkdocs.yml"),
        ({"logo": "assets/ontbreekt.png"}, "extra.clinic.logo in mkdocs.yml"),
    ],
)
def test_cli_fails_with_the_message_and_writes_no_pdf(
    site_copy: Path, tmp_path: Path, change: dict[str, str], named: str
) -> None:
    result = run_module(
        "patientsite.pdf", "--site", site_copy, "--config", config_with(tmp_path, **change)
    )
    assert result.returncode == 1
    assert f"PDF step failed: {named}" in result.stderr
    assert pdfs_and_parts(site_copy) == []


def test_cli_fails_on_a_missing_font(site_copy: Path, tmp_path: Path) -> None:
    result = run_module(
        "patientsite.pdf", "--site", site_copy, "--config", CONFIG, "--fonts", tmp_path
    )
    assert result.returncode == 1
    assert "The PDF font 'Atkinson Hyperlegible' is missing" in result.stderr
    assert pdfs_and_parts(site_copy) == []


def test_a_failure_during_layout_leaves_no_pdf_of_that_language(site_copy: Path) -> None:
    # A page that needs a file the site lacks: WeasyPrint would leave a hole; we stop.
    page = site_copy / "scan" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</h1>", '</h1><img src="ontbreekt.png" alt="">', 1), "utf-8")
    result = run_module("patientsite.pdf", "--site", site_copy, "--config", CONFIG)
    assert result.returncode == 1
    assert "The full article PDF (nl, article.pdf): a file it needs cannot be read" in result.stderr
    assert "ontbreekt.png" in result.stderr
    assert str(site_copy) not in result.stderr  # never the (temporary) build folder
    assert not (site_copy / "pdf" / "article.pdf").exists()
    assert list(site_copy.rglob("*.part")) == []


def test_write_atomically_leaves_the_old_file_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pdf" / "article.pdf"

    def fail(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="No space left"):
        render.write_atomically(target, b"%PDF-1.7 half")
    assert list(target.parent.iterdir()) == []

    monkeypatch.undo()
    render.write_atomically(target, b"%PDF old")
    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="No space left"):
        render.write_atomically(target, b"%PDF new")
    assert target.read_bytes() == b"%PDF old"
    assert list(target.parent.iterdir()) == [target]


def test_the_package_fonts_are_present_with_their_licences() -> None:
    assert sorted(path.name for path in FONTS_DIR.glob("*.ttf")) == sorted(
        font.name for font in FONT_FILES
    )
    assert (FONTS_DIR / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") == 1
    dejavu = (FONTS_DIR / "DejaVu-LICENSE.txt").read_text(encoding="utf-8")
    assert "License: bitstream-vera" in dejavu
    assert "DejaVu changes are in public domain" in dejavu
    symbola = (FONTS_DIR / "Symbola-LICENSE.txt").read_text(encoding="utf-8")
    assert "Fonts are free for any use" in symbola


def test_missing_harfbuzz_subsetter_is_no_reason_to_stop(caplog: pytest.LogCaptureFixture) -> None:
    """Without libharfbuzz-subset0 WeasyPrint falls back to fontTools and says so: same PDF."""
    import logging

    with render._strict("test PDF"):
        logging.getLogger("weasyprint").warning(
            'Using fontTools instead of HarfBuzz-Subset for font "Atkinson Hyperlegible".'
        )
    with pytest.raises(render.PdfError, match="Image not found"), render._strict("test PDF"):
        logging.getLogger("weasyprint").warning("Image not found")


def test_a_character_no_font_has_names_the_page_line_and_character(
    site_copy: Path, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE / "docs", docs)
    source = docs / "en" / "scan.md"
    lines = source.read_text(encoding="utf-8").splitlines()
    lines.insert(9, "The sign \u6f22 and \u16a0 print nowhere.")
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = site_copy / "en" / "scan" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</h1>", "</h1><p>The sign \u6f22 and \u16a0.</p>", 1), "utf-8")
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs)
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")

    result = run_module("patientsite.pdf", "--site", site_copy, "--config", config_file)

    assert result.returncode == 1
    assert "Some characters (en) cannot be printed: none of the PDF fonts has them." in (
        result.stderr
    )
    assert "docs/en/scan.md, line 10: \u201c\u6f22\u201d (U+6F22 CJK UNIFIED IDEOGRAPH-6F22)" in (
        result.stderr
    )
    assert "docs/en/scan.md, line 10: \u201c\u16a0\u201d (U+16A0 RUNIC LETTER FEHU FEOH FE F)" in (
        result.stderr
    )
    assert str(site_copy) not in result.stderr
    assert not (site_copy / "en" / "pdf" / "article.pdf").exists()


def test_a_character_from_the_bibliography_names_the_entry(tmp_path: Path) -> None:
    bib = tmp_path / "references.bib"
    bib.write_text(
        "@article{chou2009,\n  author = {Chou, Roger},\n  title = {Imaging \u6f22},\n}\n",
        encoding="utf-8",
    )
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "sources.md").write_text("# References\n", encoding="utf-8")
    settings = Settings(
        site_url="https://x.example/",
        languages=(Language("en", "Site", "", ""),),
        clinic=Clinic(),
        logo=None,
        site_dir=tmp_path / "site",
        fonts_dir=FONTS_DIR,
        config_file=tmp_path / "mkdocs.yml",
        docs_dir=tmp_path / "docs",
        bib_file=bib,
    )
    places = sources.find(settings, settings.languages[0], "sources/", ["\u6f22"])
    assert [str(place) for place in places] == ["references.bib, line 3 (entry chou2009)"]
