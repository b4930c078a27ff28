# Two entry points, each doing its own set-up: `make report` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: report test check schema bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

report: $(STAMP)  ## check seeds/ and write every report format into reports/
	$(BIN)/claimcheck report seeds --out reports

test: $(STAMP)  ## the whole test suite
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/claimcheck check seeds

schema: $(STAMP)
	$(BIN)/claimcheck schema --write

bench: $(STAMP)
	$(BIN)/python benchmarks/extraction.py

clean:
	rm -rf $(VENV) .claimcheck-cache .pytest_cache
