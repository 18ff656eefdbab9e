# Set-up happens on first use: every target below creates the pinned
# environment in .venv when it is missing or when requirements.lock changed.

PYTHON ?= python3
# Zensical, Material's successor, builds the export (it ignores hooks). It lives in its own
# environment: its pins differ from ours, and it is not what the site is built with yet.
ZENSICAL := .venv-zensical
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM := /usr/bin/chromium
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve site test test-fast lint check new new-bron bronnen-apart export zensical bench clean

# While previewing, PDFs of records are made (and cached) but not the whole
# handbook, which takes seconds; `HANDBOOK_PDF=0 make serve` makes none.
serve: $(STAMP)  ## preview the handbook on http://127.0.0.1:8000, reloading on every change
	HANDBOOK_PDF=$${HANDBOOK_PDF:-records} $(BIN)/properdocs serve -f mkdocs.yml --watch-theme --dev-addr 127.0.0.1:8000

site: $(STAMP)  ## build the handbook into site/
	$(BIN)/properdocs build -f mkdocs.yml --strict

test: lint $(STAMP) $(CHROMIUM) $(ZENSICAL)/.installed  ## lint, then every test, browser tests and Zensical's build included
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## the unit tier only: no site build, no PDF, no browser (a test that makes one fails)
	$(BIN)/python -m pytest -m "not slow and not browser" -q

lint: $(STAMP)  ## ruff (lint and format) and mypy, as configured in pyproject.toml
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

check: $(STAMP)  ## check every record in werkvormen/ and list every problem
	$(BIN)/python -m handbook check $(CHECK_ARGS)

# The title reaches Python through the environment, unexpanded ($(value ...)): never inside the
# recipe's text, where the shell would run a backtick, $(...) or a closing quote in it. TITEL itself
# is not exported: make would expand it for the environment, running a $(shell ...) in it.
unexport TITEL
new new-bron: export HANDBOOK_TITEL = $(value TITEL)

new: $(STAMP)  ## start a new werkvorm: make new TITEL="Naam van de werkvorm"
	$(BIN)/python -m handbook new

new-bron: $(STAMP)  ## start a new source: make new-bron TITEL="Titel van de bron"
	$(BIN)/python -m handbook new-bron

bronnen-apart: $(STAMP)  ## move sources that the form put inside a record (nieuwe_bronnen) to werkvormen/bronnen/
	$(BIN)/python -m handbook bronnen-apart

export: $(STAMP)  ## write the whole site source to export/, buildable without hooks (updated in place)
	$(BIN)/python -m handbook export export

zensical: export $(ZENSICAL)/.installed  ## build export/ with Zensical into export/site/ (its config: export/zensical.yml)
	cd export && ../$(ZENSICAL)/bin/zensical build --clean --strict -f zensical.yml

$(ZENSICAL)/.installed: requirements-zensical.lock
	$(PYTHON) -m venv $(ZENSICAL)
	$(ZENSICAL)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.lock
	touch $@

bench: $(STAMP) $(CHROMIUM) $(ZENSICAL)/.installed  ## measure build speed, size, PDF cost and search quality (~15 min; not in make test)
	$(BIN)/python bench/search_eval.py
	cd bench && ../$(BIN)/python search_zensical.py
	$(BIN)/python bench/pdf_cost.py
	$(BIN)/python bench/bench.py
	$(BIN)/python bench/cache_worth.py

# Playwright drives Debian's Chromium: its own browser download does not work on these machines.
$(CHROMIUM):
	$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium

clean:
	rm -rf site export $(VENV) $(ZENSICAL)

# Debian packages: pango for WeasyPrint's PDFs; python3-venv where Debian's Python lacks it.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
	  echo "Installing python3-venv (Debian)"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv; }
	@ldconfig -p | grep -q 'libpangoft2-1.0' || { \
	  echo "Installing pango for the PDFs (Debian)"; $(SUDO) apt-get update -qq && \
	  $(SUDO) apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)
