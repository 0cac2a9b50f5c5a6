# The commands a newcomer needs: `make run` and `make test`; `make serve` runs the
# tracker as production does.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: run serve test lint format demo migrate clean bench backup load translations messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# The catalogues' .mo files, from the .po files in locale/ (only those changed; pure Python).
translations: $(VENV)/.installed
	$(BIN)/python manage.py compile_translations

# For translators: the code's marked strings into locale/*/LC_MESSAGES/django.po (needs GNU
# gettext: apt-get install gettext); then translate, and `make test` checks the catalogues.
messages: $(VENV)/.installed
	$(BIN)/python manage.py update_catalogues

migrate: $(VENV)/.installed translations
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	@echo
	@echo "UPR Tracker is starting at http://$(HOST):$(PORT)/ (Ctrl-C stops it)."
	@echo "Log in with one of the demo logins above; the admin is at http://$(HOST):$(PORT)/admin/"
	@echo "A worker runs the background jobs (large imports, status report documents) beside it."
	@echo
	DEBUG=true scripts/with-worker.sh $(BIN)/python manage.py runserver $(HOST):$(PORT)

# gunicorn with production settings (DEBUG off) on PostgreSQL: DATABASE_URL, or a
# throwaway local server with the demo (scripts/serve.sh says more).
serve: $(VENV)/.installed translations
	HOST=$(HOST) PORT=$(PORT) scripts/serve.sh

# The database and the evidence files in backups/ (README: Backups).
backup: $(VENV)/.installed
	$(BIN)/python manage.py backup

test: $(VENV)/.installed translations
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Time every page and endpoint against its floor on PostgreSQL (a throwaway server, or
# BENCH_DATABASE_URL) at 10,000 and 100,000 recommendations; BENCH_MILLION=1 adds 1,000,000.
# Writes benchmarks/RESULTS.md.
BENCH_SIZES ?= 10000,100000
bench: $(VENV)/.installed
	$(BIN)/python -m bench.run --sizes $(BENCH_SIZES) $(if $(BENCH_MILLION),--million)
	$(BIN)/python -m bench.import_upr_info

# A bounded load test on loopback: gunicorn (production settings) on a throwaway PostgreSQL,
# 32 simulated people for 60 s; the figures go to benchmarks/RESULTS.md (scripts/load.sh).
load: $(VENV)/.installed translations
	scripts/load.sh

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -f locale/*/LC_MESSAGES/*.mo
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .mypy_cache bench.sqlite3 bench.sqlite3.size bench-import.sqlite3
