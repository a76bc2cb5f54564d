# careerpath — `make run` serves the demo site, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
export UV_PROJECT_ENVIRONMENT := $(VENV)
BENCHMARKS := $(sort $(filter-out benchmarks/_%,$(wildcard benchmarks/*.py)))

.DEFAULT_GOAL := help
.PHONY: help run test check lint typecheck architecture fmt migrate bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.synced: $(BIN)/uv pyproject.toml uv.lock
	$(BIN)/uv sync --frozen --quiet
	@touch $@

run: $(VENV)/.synced ## Set everything up and serve the demo site on http://127.0.0.1:8000
	$(BIN)/careerpath init
	$(BIN)/careerpath demo
	$(BIN)/careerpath serve

test: $(VENV)/.synced ## Run the test suite (SQLite; PostgreSQL, Redis, Chromium when configured)
	$(BIN)/pytest

check: lint typecheck architecture ## Lint, type-check, check import contracts and migrations
	CAREERPATH_DATABASE_URL=sqlite+aiosqlite:///$(CURDIR)/var/check.db $(BIN)/careerpath db upgrade
	CAREERPATH_DATABASE_URL=sqlite+aiosqlite:///$(CURDIR)/var/check.db $(BIN)/careerpath db check
	@rm -f var/check.db var/check.db-*

lint: $(VENV)/.synced ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.synced ## mypy --strict
	$(BIN)/mypy

architecture: $(VENV)/.synced ## import-linter: layers, and routes modules imported by nothing
	$(BIN)/lint-imports

fmt: $(VENV)/.synced ## Format and auto-fix
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrate: $(VENV)/.synced ## Migrate the configured database to the newest schema
	$(BIN)/careerpath db upgrade

bench: $(VENV)/.synced ## Run every benchmark under benchmarks/ and print figures and ratios
	$(BIN)/uv sync --frozen --quiet --group bench
	@for script in $(BENCHMARKS); do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean: ## Remove the environment and local data
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
