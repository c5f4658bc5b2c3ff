# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.tacitus-installed

.PHONY: run test install eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Reinstall only when the project's dependency list changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## make run: install, ingest the bundled sample articles into the default SQLite store, show the events
run: $(STAMP)
	$(BIN)/tacitus ingest src/tacitus/samples
	$(BIN)/tacitus events

## make test: install with the test extras and run the whole suite (evaluation gate included)
test: $(STAMP)
	$(BIN)/python -m pytest

## make eval: the dev-set figures (same numbers as ../shared/eval/score.py)
eval: $(STAMP)
	for f in seeds wiki_incidents case2021_subtypes; do $(BIN)/tacitus eval --gold ../shared/eval/dev/$$f.jsonl; done

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
