# The commands a newcomer needs: `make run` and `make test`; `make serve` runs the
# tracker as production does.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: run serve test lint format demo migrate clean bench backup load

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

migrate: $(VENV)/.installed
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	@echo
	@echo "UPR Tracker is starting at http://$(HOST):$(PORT)/ (Ctrl-C stops it)."
	@echo "Log in with one of the demo logins above; the admin is at http://$(HOST):$(PORT)/admin/"
	@echo
	DEBUG=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

# gunicorn with production settings (DEBUG off) on PostgreSQL: DATABASE_URL, or a
# throwaway local server with the demo (scripts/serve.sh says more).
serve: $(VENV)/.installed
	HOST=$(HOST) PORT=$(PORT) scripts/serve.sh

# The database and the evidence files in backups/ (README: Backups).
backup: $(VENV)/.installed
	$(BIN)/python manage.py backup

test: $(VENV)/.installed
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Time the pages on a large generated data set (its own bench.sqlite3, or BENCH_DATABASE_URL),
# then the import of a whole UPR Info export (its own bench-import.sqlite3).
BENCH_RECOMMENDATIONS ?= 100000
bench: $(VENV)/.installed
	$(BIN)/python -m bench.run --recommendations $(BENCH_RECOMMENDATIONS)
	$(BIN)/python -m bench.import_upr_info

# A bounded load test on loopback: gunicorn (production settings) on a throwaway PostgreSQL,
# 32 simulated people for 60 s; the figures go to benchmarks/RESULTS.md (scripts/load.sh).
load: $(VENV)/.installed
	scripts/load.sh

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .mypy_cache bench.sqlite3 bench.sqlite3.size bench-import.sqlite3
