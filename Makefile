# The two commands of the README: `make run` and `make test`.
PYTHON ?= /usr/bin/python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# The suite runs twice: today, then (but for the tests that drive Chromium) with the
# clock moved CLOCK_AHEAD_DAYS ahead, so that no test depends on the day it runs.
CLOCK_AHEAD_DAYS ?= 400

.PHONY: run test test-today test-ahead lint system test-system deps test-deps db demo serve \
	bench clean

run: system deps db demo serve  ## install everything, migrate, load demo data, serve

test: test-system test-deps  ## install what the tests need and run them all, twice
	scripts/ensure-postgres.sh
	$(MAKE) -s lint test-today test-ahead

lint: test-deps  ## ruff (lint and format) and mypy, configured in pyproject.toml
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test-today:
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-ahead:
	scripts/clock-ahead/run.sh $(CLOCK_AHEAD_DAYS) $(BIN)/python -m pytest -m "not browser" \
		-p no:cacheprovider $(PYTEST_ARGS)

system:
	scripts/install-system.sh run

test-system:
	scripts/install-system.sh test

# --system-site-packages: LibreOffice's Python bridge (uno) comes from Debian's python3-uno.
$(BIN)/python:
	$(PYTHON) -m venv --system-site-packages $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

deps: $(BIN)/python
	$(BIN)/pip install -q -e .

test-deps: $(BIN)/python
	$(BIN)/pip install -q -e '.[test,lint]'

db:
	$(BIN)/filing-service init-db

demo:
	$(BIN)/filing-service seed-demo
	$(BIN)/filing-service signing-demo  # Cluj signs at B-B with TEST-ONLY PKCS#12 files

serve:  ## CONVERTER_WARM_START: each worker starts its LibreOffice pool with the app
	CONVERTER_WARM_START=1 $(BIN)/gunicorn -c gunicorn.conf.py --bind $(HOST):$(PORT) wsgi:app

bench: test-deps
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) instance .pytest_cache
