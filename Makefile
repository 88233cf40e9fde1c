PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= khabar.db

.PHONY: demo test lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

## make demo: set up, ingest the bundled founding articles into khabar.db, show what was found
demo: $(VENV)/.installed
	$(BIN)/khabar --db $(DB) ingest examples/seeds
	$(BIN)/khabar --db $(DB) stats
	$(BIN)/khabar --db $(DB) stories
	$(BIN)/khabar --db $(DB) events
	$(BIN)/khabar --db $(DB) articles

## make test: install the dev extras, lint, type-check, run the whole test suite
test: $(VENV)/.dev-installed
	@command -v chromium >/dev/null || (apt-get install -y chromium >/dev/null 2>&1 || echo "chromium not installed: the browser test will be skipped")
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

format: $(VENV)/.dev-installed
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: $(VENV)/.dev-installed
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
