# Resultaatwijzer. The two commands a new machine needs:
#   make serve   install into .venv, build site + index, serve on http://$(HOST):$(PORT)
#   make test    install what the tests need (incl. Debian's Chromium) and run every test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
WORKERS ?= 2
CHROMIUM := /usr/bin/chromium
NGINX    := /usr/sbin/nginx

.PHONY: serve dev build check test bench install install-test browser lock clean

serve: install build
	@# Settings (no access log, request limits, no X-Forwarded-* trust) in deploy/gunicorn.conf.py.
	$(BIN)/gunicorn -c deploy/gunicorn.conf.py 'server:create_app()' --bind $(HOST):$(PORT) --workers $(WORKERS)

# Flask's development server with reload; never for production.
dev: install build
	$(BIN)/flask --app server run --debug --host $(HOST) --port $(PORT)

# SITE_URL (the public address, e.g. https://resultaatwijzer.example.nl/) also publishes a sitemap.
build: install
	$(BIN)/kb build . $(if $(SITE_URL),--site-url $(SITE_URL))

check: install
	$(BIN)/kb check .

# TEST_WORKERS: pytest-xdist processes (the suite is CPU-bound: one per core); an idle one takes
# queued tests from the other (worksteal), so a long test at the end does not leave a core idle.
TEST_WORKERS ?= 2
test: install-test browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal

# Heavier measurements, written to BENCHMARKS.md (wrk from Debian's packages drives the load).
bench: install-test browser
	@command -v wrk >/dev/null || { SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python -m tests.bench

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

# Browser tests drive Debian's Chromium through Playwright; no browser is downloaded.
# The proxy test (tests/test_proxy.py) runs Debian's nginx in front of gunicorn.
browser:
	@test -x $(CHROMIUM) || { \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@test -x $(NGINX) || { \
		echo "Installing Debian's nginx-light for the proxy test"; \
		SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx-light >/dev/null; }

# Re-pin every dependency after changing pyproject.toml.
lock:
	rm -rf /tmp/rw-lock && $(PYTHON) -m venv /tmp/rw-lock
	/tmp/rw-lock/bin/pip install --quiet -e '.[test]'
	{ echo "# Exact versions for a reproducible install: pip install -c constraints.txt -e '.[test]'"; \
	  echo "# Regenerate with: make lock"; \
	  /tmp/rw-lock/bin/pip freeze --exclude-editable | grep -iv '^resultaatwijzer'; } > constraints.txt

clean:
	rm -rf build site .pytest_cache

# --- standards (issue 15): a preview for editors, drafts included, never the published build ---
.PHONY: preview ledger
preview: install
	$(BIN)/kb build . --preview
	RESULTAATWIJZER_BUILD_DIR=build-preview $(BIN)/flask --app server run --debug --host $(HOST) --port $(PORT)

ledger: install
	$(BIN)/kb ledger .
