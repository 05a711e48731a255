# infoshare: `make serve` sets up and serves the app; `make test` sets up and runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8866
CHROMIUM ?= /usr/bin/chromium
# Test files run in two processes, each with its own servers and browser: the browser tests
# mostly wait on kernels and pages, so two halve the wait even on two cores.
TEST_WORKERS ?= 2

.PHONY: install serve lab test test-fast lint validate chromium postgresql nginx clean bench

# Re-running is cheap: the stamp is newer than pyproject.toml unless the dependencies changed.
install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install python3.11 (or run make PYTHON=/path/to/python3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

serve: install
	$(BIN)/infoshare serve --port $(PORT)

# JupyterLab on 127.0.0.1 with the content and notebooks; "Render with Voila" previews a page
# with our template and settings.
LAB_PORT ?= 8888
lab: install
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

lint: install
	$(BIN)/ruff check infoshare_widgets tests

# --- the two test tiers (issue 21) --------------------------------------------------------------
# A test is in the slow tier when it uses a fixture that starts a server process or Chromium: the
# server and browser marks come from its fixtures (tests/_tiers.py), never from a hand mark.
FAST_TESTS := -m "not server and not browser"
SLOW_TESTS := -m "server or browser"
# What the tests need installed (the lock of issue 21 item 1 may give the test set its own target).
TEST_INSTALL := install

# The fast tier, for work in progress: lint, content, and every test without a browser or a server
# process (about a minute on two quiet cores).
test-fast: $(TEST_INSTALL)
	$(BIN)/ruff check infoshare_widgets tests
	$(BIN)/infoshare validate
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) $(FAST_TESTS)

# Everything (CI runs it): the fast tier first, so a broken model fails in a minute, then the
# server and browser tests. --dist loadgroup: each special server (the hostile-visitor server, the
# three deploy servers with nginx and PostgreSQL, JupyterLab) is started by one process only, and
# every other file's tests stay together (tests/_tiers.py). No nbval step: every notebook is run
# in-process by the fast tier (test_app_pages.py) and served by Voila in Chromium
# (test_app_browser.py); a cell that raises fails both.
test: test-fast chromium postgresql nginx
	INFOSHARE_CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest -q -rs -n $(TEST_WORKERS) --dist loadgroup --durations=15 $(SLOW_TESTS)
# --- end of the test tiers -----------------------------------------------------------------------

# Benchmarks (issue 15): real servers on 127.0.0.1, ours against plain voila; writes
# docs/performance.md and docs/performance.png. Takes a quarter of an hour or more on 2 cores.
$(VENV)/.bench: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

bench: install chromium $(VENV)/.bench
	INFOSHARE_CHROMIUM=$(CHROMIUM) nice -n 5 $(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build *.egg-info
