# One entry point for every routine task. Everything runs inside .venv, which `install` builds,
# except `demo`, which runs in .venv-demo: the SDK and its local server alone, as users get them.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
DEMO_VENV := .venv-demo
NEED_PYTHON_311 = @$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is required, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'

.PHONY: install generate check-generated lint format test test-versions demo bench bench-micro reliability docs clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(NEED_PYTHON_311)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,ray]'
	@touch $@

generate: install  ## regenerate generated/ from openapi/zaguan-corex.yaml
	$(PY) scripts/generate.py

check-generated: install  ## fail, with the diff, if generated/ is not what the contract produces
	$(PY) scripts/generate.py --check

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/openapi-spec-validator openapi/zaguan-corex.yaml
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# tests/ray_data on its own, in one process: each xdist worker would start a local Ray of its
# own (two CPUs, ~13 s), and two of them on a two-core machine starve each other.
test: check-generated lint  ## the whole gate: drift check, lint, tests
	$(BIN)/pytest --ignore=tests/ray_data
	$(BIN)/pytest -n 0 tests/ray_data

# The other supported versions: pytest alone (lint and drift do not depend on the version), in
# .venv-3.12 and .venv-3.13, with interpreters from PATH or pyenv. A missing one fails loudly.
# Ray Data is tested on 3.11 only (`make test`): its install (79 MB) and a local Ray cost about
# two minutes a Python, and the stage holds no code that differs between versions.
OTHER_PYTHONS ?= 3.12 3.13

test-versions:
	@for v in $(OTHER_PYTHONS); do \
	  py=$$(ls -d "$$(pyenv root 2>/dev/null)"/versions/$$v.*/bin/python 2>/dev/null | tail -n 1); \
	  [ -n "$$py" ] || py=$$(command -v python$$v); \
	  if [ -z "$$py" ] || ! $$py -c '' 2>/dev/null; then echo "Python $$v not found (pyenv or PATH)"; exit 1; fi; \
	  echo "== Python $$v: $$py"; \
	  [ -x .venv-$$v/bin/python ] || $$py -m venv .venv-$$v || exit 1; \
	  .venv-$$v/bin/python -m pip install --quiet --upgrade pip && \
	  .venv-$$v/bin/python -m pip install --quiet -e '.[dev]' && \
	  .venv-$$v/bin/pytest -q --ignore=tests/ray_data || exit 1; \
	done

# The peers (openai, zaguan-sdk, mistralai, httpx2, matplotlib) come with the `bench` extra,
# installed here only, so that `make test` never pulls them.
bench: install  ## side by side with raw httpx and the peers; writes docs/benchmarks.md and .png
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	$(PY) scripts/bench.py
	$(PY) scripts/bench_bulk.py

bench-micro: install  ## the micro-benchmarks: SSE decoder, request validation, decoding
	$(PY) scripts/bench_sse.py
	$(PY) scripts/bench_validate.py
	$(PY) scripts/bench_decode.py

# The site's tools come from the `docs` extra, added to .venv only here: `make test` does not need
# them. --strict: a broken link, a missing page or an unresolved reference fails the build.
# NO_MKDOCS_2_WARNING: silences Material's end-of-life banner, which is not about this site.
$(VENV)/.docs-installed: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[docs]'
	@touch $@

docs: $(VENV)/.docs-installed  ## the documentation site, from docs/ and the docstrings, into site/
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site
	$(PY) scripts/check_reference.py site

reliability: install  ## idempotency under random faults and load (5,000 async streams, 32 threads), then the deadline and close() bounds; long
	$(PY) scripts/reliability.py
	$(PY) scripts/reliability_bounds.py

# The demo needs `zaguan` and `zaguan.testing` only: the `testing` extra, not the tools of [dev].
# Editable, so the tour shows the code of this checkout.
$(DEMO_VENV)/.installed: pyproject.toml
	$(NEED_PYTHON_311)
	$(PYTHON) -m venv $(DEMO_VENV)
	$(DEMO_VENV)/bin/python -m pip install --quiet -e '.[testing]'
	@touch $@

demo: $(DEMO_VENV)/.installed  ## a tour of the SDK against the embedded local CoreX server
	$(DEMO_VENV)/bin/python scripts/demo.py

clean:
	rm -rf $(VENV) $(DEMO_VENV) .venv-3.* build dist site .pytest_cache .mypy_cache .ruff_cache
