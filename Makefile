# Two commands do all set-up on a fresh machine:
#   make run   - embedded broker + worker + web + bundled sample reports
#   make test  - lint, types, and the whole test suite (unit, agents, integration, deploy, browser)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
# mypyc build of the pure normalizer, gazetteer, detectors and aggregates (optional; scripts/build_native.py)
NATIVE := build/native.stamp

.PHONY: run test lint unit integration schemas system-deps bench clean native

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	@touch $(STAMP)

$(NATIVE): $(STAMP) $(wildcard stream/normalize/*.py stream/regions/*.py stream/detect/*.py stream/aggregate/*.py) stream/_native.py scripts/build_native.py
	$(PY) scripts/build_native.py
	@mkdir -p build && touch $(NATIVE)

native: $(NATIVE)

system-deps:
	@if [ "$$(id -u)" = "0" ]; then bash scripts/install-system-deps.sh; \
	else echo "system-deps: not root, skipping Debian packages (prometheus, chromium)"; fi

run: $(STAMP) $(NATIVE)
	$(PY) -m stream run

lint: $(STAMP)
	$(VENV)/bin/ruff check stream tests benchmarks scripts
	$(VENV)/bin/mypy

unit: $(STAMP) $(NATIVE)
	$(VENV)/bin/pytest -q tests/unit

integration: $(STAMP) $(NATIVE)
	$(VENV)/bin/pytest -q tests/integration

test: $(STAMP) $(NATIVE) system-deps lint
	$(VENV)/bin/pytest -q

schemas: $(STAMP)
	$(PY) -m stream schemas --write

bench: $(STAMP) $(NATIVE)
	$(PY) benchmarks/run_all.py

clean:
	-$(PY) scripts/build_native.py --clean
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache data tests/artifacts
