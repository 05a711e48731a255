# infoshare: `make serve` sets up and serves the app; `make test` sets up and runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# The lock (`make lock` writes it from pyproject.toml): the whole dependency tree, pinned, with
# hashes. runtime.txt is what `infoshare serve` needs; lab.txt adds JupyterLab (`make lab`);
# test.txt adds the test tools and JupyterLab (the tests start it); build.txt is pyproject.toml's
# build-system.requires (setuptools, wheel).
LOCK := requirements
PORT ?= 8866
CHROMIUM ?= /usr/bin/chromium
# Test files run in two processes, each with its own servers and browser: the browser tests
# mostly wait on kernels and pages, so two halve the wait even on two cores.
TEST_WORKERS ?= 2
# The server and browser tier: three processes measured no faster than two here (12 min 4 s
# against 12 min 14 s on a clean clone: it is bound by the two cores), and slowed each page more.
# Measured again after its CPU halved (issue 21), on one clean clone: two processes 6 min 56 s
# and 8 min 15 s, three 7 min 29 s; this shared machine's noise is larger than the difference.
# And once the presenter view, the room's results and the author area had joined (261 tests):
# two 8 min 45 s, three 8 min 5 s, one run each; still within the noise, so two stay.
SLOW_WORKERS ?= 2

.PHONY: install install-test install-lab lock serve lab test test-fast test-newest lint validate \
	chromium postgresql nginx clean bench node-tools front-end

# The runtime set from the lock (every file's hash checked), then the app itself without
# dependencies (editable: it serves content/ and notebooks/ from this folder), built by the
# locked setuptools (build.txt), not the newest one. Re-running is cheap: each stamp is newer
# than its lock file unless the lock changed.
install: $(VENV)/.installed

$(VENV)/.installed: $(LOCK)/runtime.txt $(LOCK)/build.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install python3.11 (or run make PYTHON=/path/to/python3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)/build.txt -r $(LOCK)/runtime.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# `make test` adds the test set to the same venv; `make lab` adds JupyterLab.
install-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed $(LOCK)/test.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)/test.txt
	touch $@

install-lab: $(VENV)/.installed-lab

$(VENV)/.installed-lab: $(VENV)/.installed $(LOCK)/lab.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)/lab.txt
	touch $@

# Run after changing a dependency in pyproject.toml: writes the lock files again for
# Python 3.11 on Linux, keeping every other pin; `make lock LOCK_FLAGS=--upgrade` also moves
# the packages nobody pins to their newest releases. uv, pinned, comes from PyPI into .tools.
UV_VERSION := 0.13.9
UV := .tools/bin/uv
LOCK_FLAGS ?=
UV_COMPILE = UV_CUSTOM_COMPILE_COMMAND="make lock" $(UV) pip compile pyproject.toml --quiet \
	--generate-hashes --python-version 3.11 --python-platform linux $(LOCK_FLAGS)

.tools/.uv-$(UV_VERSION):
	test -x .tools/bin/python || $(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet uv==$(UV_VERSION)
	touch $@

lock: .tools/.uv-$(UV_VERSION)
	mkdir -p $(LOCK)
	$(UV_COMPILE) -o $(LOCK)/runtime.txt
	$(UV_COMPILE) --extra lab -c $(LOCK)/runtime.txt -o $(LOCK)/lab.txt
	$(UV_COMPILE) --extra test --extra lab -c $(LOCK)/runtime.txt -o $(LOCK)/test.txt
	$(PYTHON) -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"]))' \
		| $(subst pyproject.toml,-,$(UV_COMPILE)) -c $(LOCK)/runtime.txt -o $(LOCK)/build.txt

serve: install
	$(BIN)/infoshare serve --port $(PORT)

# JupyterLab on 127.0.0.1 with the content and notebooks; "Render with Voila" previews a page
# with our template and settings.
LAB_PORT ?= 8888
lab: install-lab
	$(BIN)/infoshare lab --port $(LAB_PORT)

validate: install
	$(BIN)/infoshare validate

# The browser tests need Debian's Chromium; install it when we can, otherwise say exactly what to do.
chromium:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium at $(CHROMIUM)."; \
		echo "Install it with:  sudo apt-get update && sudo apt-get install -y chromium"; \
		echo "(or run make test CHROMIUM=/path/to/chromium)"; exit 1; \
	fi
	@test -x $(CHROMIUM) || { echo "Chromium is still missing at $(CHROMIUM)"; exit 1; }

# The room tests run on SQLite and on a real PostgreSQL (Debian's package, started on loopback by
# the tests as an ordinary user): installed when we can; otherwise those tests skip and say why.
postgresql:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's postgresql for the room tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	else \
		echo "The room tests on PostgreSQL will be skipped: PostgreSQL's server is not installed."; \
		echo "Install it with:  sudo apt-get update && sudo apt-get install -y postgresql"; \
	fi

# The proxy tests (issue 16) start Debian's nginx on loopback in front of the app; same approach.
NGINX ?= /usr/sbin/nginx
nginx:
	@if [ -x $(NGINX) ] || command -v nginx >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's nginx for the proxy tests (they run their own nginx on loopback)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	else \
		echo "The proxy tests need nginx (they skip without it)."; \
		echo "Install it with:  sudo apt-get update && sudo apt-get install -y nginx"; \
	fi

# The lint of our browser code (issue 22): ESLint, pinned with every dependency in
# package-lock.json, installed by `npm ci` into node_modules/ for the tests only; serving the app
# needs no Node (the widgets' ES modules are served as they are, infoshare_widgets/frontend.py).
# tests/test_frontend_lint.py runs it with `node --check` on every module.
NPM ?= npm
node-tools: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	@command -v $(NPM) >/dev/null || { echo "The front-end lint needs Node.js 20 and npm:"; \
		echo "  sudo apt-get update && sudo apt-get install -y nodejs npm"; exit 1; }
	$(NPM) ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# The page's front end (infoshare_widgets/app/front_end/, issue 26): ipywidgets' widget manager,
# JupyterLab's kernel connection and anywidget in one bundle, built with esbuild (pinned in
# package-lock.json) into the page template's static/page.js and page.css, which are committed:
# serving needs no Node. tests/test_page_front_end.py checks they are this build's.
front-end: node-tools
	node infoshare_widgets/app/front_end/build.mjs

lint: install-test node-tools
	$(BIN)/ruff check infoshare_widgets tests
	node_modules/.bin/eslint .

# --- the two test tiers (issue 21) --------------------------------------------------------------
# A test is in the slow tier when it uses a fixture that starts a server process or Chromium: the
# server and browser marks come from its fixtures (tests/_tiers.py), never from a hand mark.
FAST_TESTS := -m "not server and not browser"
SLOW_TESTS := -m "server or browser"
# What the tests need installed: the runtime set and the test set, both from the lock.
TEST_INSTALL := install-test
# pytest keeps each test module's rewritten asserts in __pycache__ (git ignores it), unless
# PYTHONDONTWRITEBYTECODE is set, when every process of every run rewrites every module again:
# 5 to 8 CPU seconds of collection per process here, and each tier's two processes collect all.
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest
# nbval (the notebooks' run only) imports nbformat, so jsonschema, before tests/conftest.py has
# left jsonschema's IRI parsers out (infoshare_widgets/app/jsonschema_iri.py: ~1.7 CPU-s a process).
TIERS := -p no:nbval

# The fast tier, for work in progress: lint, content, and every test without a browser or a server
# process (about a minute on two quiet cores). It installs the JavaScript lint too (node-tools):
# tests/test_frontend_lint.py runs it.
test-fast: $(TEST_INSTALL) node-tools
	$(BIN)/ruff check infoshare_widgets tests
	$(BIN)/infoshare validate
	$(PYTEST) $(TIERS) -q -n $(TEST_WORKERS) $(FAST_TESTS)
	$(PYTEST) -q -p no:cacheprovider --nbval-lax notebooks/

# Everything (CI runs it): the fast tier first, so a broken model fails in a minute, then the
# server and browser tests. --dist loadgroup: each special server (the hostile-visitor server, the
# three deploy servers with nginx and PostgreSQL, JupyterLab) is started by one process only, and
# every other file's tests stay together (tests/_tiers.py). Every notebook is run by nbval in the
# fast tier (about 20 s), in-process by test_app_pages.py and served by Voila in Chromium.
test: test-fast chromium postgresql nginx
	INFOSHARE_CHROMIUM=$(CHROMIUM) $(PYTEST) $(TIERS) -q -rs -n $(SLOW_WORKERS) --dist loadgroup --durations=15 $(SLOW_TESTS)
# --- end of the test tiers -----------------------------------------------------------------------

# Not in CI: the fast tier against the newest release of every dependency (pyproject.toml's
# names without their pins, no lock), in a scratch venv in a temporary folder that goes
# afterwards. Before moving a pin: run it and read what fails.
UPGRADE_WATCH := tornado|jupyter.server|voila|nbclient|nbconvert|traitlets|ipywidgets|ipykernel|jinja2|pydantic
test-newest:
	@scratch=$$(mktemp -d) && trap 'rm -rf "$$scratch"' EXIT && set -e && \
	$(PYTHON) -m venv "$$scratch/venv" && \
	$(PYTHON) -c 'import re, tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
		print("\n".join(re.sub(r"==.*", "", r) for r in p["dependencies"] \
		+ p["optional-dependencies"]["test"] + p["optional-dependencies"]["lab"]))' \
		> "$$scratch/newest.txt" && \
	echo "Installing the newest releases of:" $$(cat "$$scratch/newest.txt") && \
	"$$scratch/venv/bin/python" -m pip install --quiet --upgrade pip && \
	"$$scratch/venv/bin/python" -m pip install --quiet --upgrade -r "$$scratch/newest.txt" && \
	"$$scratch/venv/bin/python" -m pip install --quiet --no-deps -e . && \
	echo "Newest releases installed (some):" && \
	"$$scratch/venv/bin/python" -m pip list --format=freeze | grep -iE '^($(UPGRADE_WATCH))==' && \
	"$$scratch/venv/bin/python" -m pytest $(FAST_TESTS) -q

# Benchmarks (issue 15): real servers on 127.0.0.1, ours against plain voila; writes
# docs/performance.md and docs/performance.png. Takes a quarter of an hour or more on 2 cores.
# The app's own install is make install's (locked setuptools, no build isolation): an isolated
# build left an infoshare.egg-info here that, once stale, hid the fork provisioner's entry point.
$(VENV)/.bench: $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet --no-build-isolation -e '.[bench]'
	touch $@

bench: install chromium $(VENV)/.bench
	INFOSHARE_CHROMIUM=$(CHROMIUM) nice -n 5 $(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .tools build *.egg-info node_modules
