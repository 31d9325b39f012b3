"""Glue in one place: only patientsite.mkdocs may import MkDocs, Material or static-i18n."""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "patientsite"
GLUE = PACKAGE / "mkdocs"
# The site generator and its theme and plugins; the day we move, only the glue changes.
GENERATOR_PACKAGES = ("mkdocs", "material", "mkdocs_static_i18n", "mkdocs_redirects")


def imported_modules(source: Path) -> list[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def test_only_the_glue_imports_the_site_generator() -> None:
    offenders = [
        f"{source.relative_to(PACKAGE.parent)} imports {name}"
        for source in sorted(PACKAGE.rglob("*.py"))
        if not source.is_relative_to(GLUE)
        for name in imported_modules(source)
        if name.split(".")[0] in GENERATOR_PACKAGES
    ]
    assert offenders == []


def test_the_glue_is_where_the_plugins_are() -> None:
    plugins = sorted(path.parent.name for path in GLUE.glob("*/plugin.py"))
    assert plugins == ["citations", "languages", "pages", "preview"]
    for name in plugins:
        assert (GLUE / name / "config.py").is_file()
    # The check above would pass vacuously if the glue imported nothing either.
    assert "mkdocs.plugins" in imported_modules(GLUE / "pages" / "plugin.py")


def test_only_the_glue_knows_materials_class_names() -> None:
    # The steps after the build read the theme's markup from the build record (the glue writes
    # it), so a Material class name outside the glue would break silently with a new theme.
    # Material's CSS custom properties (--md-...) are not class names.
    class_name = re.compile(r"(?<![\w-])md-[a-z]")
    offenders = [
        f"{source.relative_to(PACKAGE.parent)}:{number}: {line.strip()}"
        for source in sorted(PACKAGE.rglob("*.py"))
        if not source.is_relative_to(GLUE)
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1)
        if class_name.search(line.replace("--md-", "").replace("data-md-", ""))
    ]
    assert offenders == []
    assert class_name.search((GLUE / "theme.py").read_text(encoding="utf-8"))
