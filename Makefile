# Two entry points, each doing its own set-up: `make report` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# the compiled build (setup.py): its own environment, so that no compiled module ever shadows an edited source
CVENV  ?= .venv-compiled
CBIN   := $(CVENV)/bin
MYPY   := mypy==2.4.1

.PHONY: report test check schema bench compiled test-compiled bench-compiled clean

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

bench: $(STAMP)  ## extraction speed, pure Python
	$(BIN)/python benchmarks/extraction.py --repeat 5

compiled:  ## build the package with its hot path compiled by mypyc into $(CVENV) (about 90 s)
	rm -rf build  # setuptools keeps what an earlier build compiled there, and would ship it again
	$(PYTHON) -m venv $(CVENV)
	$(CBIN)/python -m pip install --quiet --upgrade pip
	$(CBIN)/python -m pip install --quiet "$(MYPY)" "setuptools>=77"
	$(CBIN)/python -m pip install --quiet '.[test]'  # the dependencies first: mypy reads their types
	CLAIMCHECK_MYPYC=1 $(CBIN)/python -m pip install --quiet --no-build-isolation --no-deps --force-reinstall .

test-compiled: compiled  ## the whole test suite against the compiled build
	CLAIMCHECK_EXPECT_COMPILED=1 $(CBIN)/python -m pytest -p no:cacheprovider

bench-compiled: compiled  ## extraction speed, compiled build
	$(CBIN)/python benchmarks/extraction.py --repeat 5

clean:
	rm -rf $(VENV) $(CVENV) build .claimcheck-cache .pytest_cache
