# Two commands on a fresh machine: `make site` and `make test`.
# Everything runs from a local .venv built from the pinned versions in
# pyproject.toml and constraints.txt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site serve test lint clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c constraints.txt -e '.[test]'
	touch $(STAMP)

# Build the site and the PDFs into site/ (replaced only when everything succeeded).
site: $(STAMP)
	$(BIN)/python scripts/build_site.py

# Live preview on http://127.0.0.1:8000 while you edit.
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Lint, then every test: unit, build and browser.
test: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

clean:
	rm -rf site .site-build-*
