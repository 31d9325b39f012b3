# Two commands on a fresh machine: `make site` and `make test`.
# Everything runs from a local .venv built from the pinned versions in
# pyproject.toml and constraints.txt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Silence the MkDocs-2 banners that Material and a plugin print on every build.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: site serve test lint clean page report check share kiosk

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c constraints.txt -e '.[test]'
	touch $(STAMP)

# Build the site and the PDFs into site/ (replaced only when everything succeeded).
site: $(STAMP)
	$(BIN)/python scripts/build_site.py

# Only the share kit (links, QR codes, e-mail snippets per page) into the existing site/share/;
# `make site` makes it too.
share: $(STAMP)
	@test -f site/index.html || { echo "No site/ yet: run make site first." >&2; exit 2; }
	$(BIN)/python scripts/share.py --site site --config mkdocs.yml

# The offline kiosk: the whole site, both languages, search and PDFs, in kiosk/, to open from a
# tablet or USB stick without network (see README, "Offline kiosk").
kiosk: $(STAMP)
	$(BIN)/python scripts/kiosk.py

# Live preview on http://127.0.0.1:8000 while you edit.
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Lint and type-check, then every test (unit, build and browser) with a coverage summary at the
# end; coverage follows the MkDocs builds the tests start (see [tool.coverage.run]).
test: lint
	$(BIN)/python -m pytest --cov --cov-report=term

# ruff (rules and formatting), and mypy (strict) over src/ as configured in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy

# A new page in every language, added to the menu: make page SLUG=pijn-bij-zitten [AFTER=tips]
# Make itself would run a $(...) in SLUG or AFTER when it hands them to a command, so they are
# not handed on (unexport): $(value ...) reads them as typed, `quote` puts them in single quotes
# for the shell, and the script refuses a name with $ or any other sign a web address cannot hold.
unexport SLUG AFTER
quote = '$(subst ','\'',$(value $(1)))'
page: $(STAMP)
	@$(if $(value SLUG),,echo "Give the page a name: make page SLUG=pijn-bij-zitten" >&2; exit 2;) \
	$(BIN)/python scripts/new_page.py $(if $(value AFTER),--after=$(call quote,AFTER)) \
		-- $(call quote,SLUG)

# Does every page match its translation (sections, citations, red flags, review dates)?
report: $(STAMP)
	$(BIN)/python scripts/translation_report.py

# Everything before publishing: the strict build with PDFs and the link check (make site), the
# translation report, the readability check and the release check (no placeholder text, every
# page reviewed and not overdue, the clinic's author, reviewer and contact filled in). Runs all
# four, then fails if any failed; the release check comes last, so its list ends the output.
check: $(STAMP)
	@status=0; \
	$(BIN)/python scripts/build_site.py || status=1; \
	$(BIN)/python scripts/translation_report.py || status=1; \
	$(BIN)/python scripts/readability.py || status=1; \
	$(BIN)/python scripts/check_release.py || status=1; \
	exit $$status

clean:
	rm -rf site .site-build-* .cache kiosk .kiosk-build-* .kiosk-config-*.yml
