# Everything runs from a bootstrapped tool chain: python3 -> uv -> backend/.venv (from uv.lock).
PYTHON ?= python3
UV_VERSION := 0.13.9
BACKEND := backend
TOOLS := $(BACKEND)/.tools
UV := $(abspath $(TOOLS))/bin/uv
VENV_BIN := .venv/bin
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := $(PYTHON)

.PHONY: install run test lint token migrate bench mutate

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

install: $(UV)
	cd $(BACKEND) && $(UV) sync --frozen --quiet

run: install
	cd $(BACKEND) && $(VENV_BIN)/python -m app.cli serve

lint: install
	cd $(BACKEND) && $(VENV_BIN)/ruff check . && $(VENV_BIN)/ruff format --check . && $(VENV_BIN)/mypy .

test: lint
	cd $(BACKEND) && $(VENV_BIN)/pytest -n auto --dist loadfile --cov --cov-report=term-missing

token: install
	@cd $(BACKEND) && $(VENV_BIN)/python -m app.cli token

migrate: install
	cd $(BACKEND) && $(VENV_BIN)/python -m app.cli migrate

# The load generator is wrk (Debian's package); installed here when missing and possible.
bench: install
	@command -v wrk > /dev/null || apt-get install -y -qq wrk > /dev/null 2>&1 || \
		{ apt-get update -qq && apt-get install -y -qq wrk > /dev/null; } || \
		{ echo "make bench needs wrk: install it (apt-get install wrk / brew install wrk)"; exit 1; }
	cd $(BACKEND) && $(VENV_BIN)/python -m bench

# Mutation testing of the services and token verification: minutes, so not in `make test`.
mutate: install
	cd $(BACKEND) && $(VENV_BIN)/python -m tests.mutate
