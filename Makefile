# Two commands matter: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test test-bundle lint sysdeps bench screenshots wheel-check clean translations

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

sysdeps:
	@bash scripts/ensure-system-deps.sh

run: sysdeps $(STAMP)
	$(PY) -m cemassess.ui.app

lint: $(STAMP)
	$(PY) -m ruff check cemassess tests bench scripts packaging

test: sysdeps $(STAMP)
	$(PY) -m ruff check cemassess tests bench scripts packaging
	QT_QPA_PLATFORM=offscreen PYTHONFAULTHANDLER=1 $(PY) -m pytest -q
	bash scripts/wheel-check.sh

# Builds the one-folder bundle from a clean venv and runs its self-test, CLI and installer.
test-bundle: sysdeps $(STAMP)
	CEMASSESS_TEST_BUNDLE=1 QT_QPA_PLATFORM=offscreen PYTHONFAULTHANDLER=1 $(PY) -m pytest -q -ra tests/test_packaging.py

# Extract the product's strings (moving any (en, ru, uk) tuple still in the source dicts into
# the catalogues), update every resources/locale/<lang>/LC_MESSAGES/cemassess.po, compile .mo.
translations: $(STAMP)
	$(PY) scripts/translations.py

wheel-check: $(STAMP)
	bash scripts/wheel-check.sh

bench: $(STAMP)
	@for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

screenshots: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
