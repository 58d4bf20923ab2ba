# Two commands a new machine needs: `make run` and `make test`.
# Only Python 3.11+ and make are assumed; everything else goes in .venv.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test bench crash-test fuzz screenshots dist clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-app

run: $(VENV)/.installed-app
	$(BIN)/theodoi gui

# The whole suite on SQLite, and every database test again on PostgreSQL
# when THEODOI_TEST_PG names a server; the last line says which ran.
test: $(VENV)/.installed-test
	@rm -f $(VENV)/backends-tested
	QT_QPA_PLATFORM=offscreen THEODOI_BACKENDS_FILE=$(VENV)/backends-tested $(BIN)/python -m pytest -q; \
	status=$$?; cat $(VENV)/backends-tested 2>/dev/null; exit $$status

# Each line: Theo dõi's figure, the bare libraries' in the same run, the
# ratio; the unit-list and province lines on PostgreSQL too when
# THEODOI_BENCH_PG or THEODOI_TEST_PG names a server.
bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_units.py
	$(BIN)/python scripts/bench_documents.py
	$(BIN)/python scripts/bench_packages.py
	$(BIN)/python scripts/bench_province.py
	$(BIN)/python scripts/bench_intake.py
	$(BIN)/python scripts/bench_forms.py

crash-test: $(VENV)/.installed-test
	$(BIN)/python scripts/crash_test.py

# The exchange fuzzer with many more seeds than the suite runs:
# `make fuzz FUZZ_CASES=20000 FUZZ_FIRST=0`.
FUZZ_CASES ?= 5000
FUZZ_FIRST ?= 0
fuzz: $(VENV)/.installed-test
	FUZZ_CASES=$(FUZZ_CASES) FUZZ_FIRST=$(FUZZ_FIRST) QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -q tests/exchange/test_fuzz.py

screenshots: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots_dialogs.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots_report_draft.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots_exchange.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots_forms.py
	$(BIN)/python scripts/screenshots_report_tables.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

# A one-folder bundle of this machine's kind in dist/theodoi, and on Linux a
# .tar.gz with a .desktop file and the icon; then the smoke test on it.
dist: $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	$(BIN)/python packaging/prepare.py
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/theodoi.spec
	cp packaging/linux/theodoi.desktop packaging/linux/install.sh dist/theodoi/ 2>/dev/null || true
	tar -C dist -czf dist/theodoi-linux.tar.gz theodoi
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/smoke_test.py dist/theodoi
	$(BIN)/python scripts/bench_dist.py dist/theodoi
