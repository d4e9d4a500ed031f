# Two entry points for a fresh machine: `make run` (set up, then the demo learner's status and
# dashboard until Ctrl-C) and `make test` (the whole suite).
VENV ?= .venv
PORT ?= 8000
PY := $(VENV)/bin/python
PYTHON ?= python3

.PHONY: run test install lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

install: $(VENV)/.installed

run: install
	$(VENV)/bin/hireable demo
	$(VENV)/bin/hireable serve --demo --port $(PORT)

test: install
	$(PY) -m pytest

lint: install
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m mypy src/hireable

bench: install
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
