# The two commands of the quick start: `make play` and `make test`.
# Each creates the virtual environment in .venv when it is missing.
# `make dist` builds the one-file executable dist/heartland; `make dist-check` also tests it.
# `make test` runs the suite on every core (pytest-xdist); `make test WORKERS=0` runs it in one process.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DIST_STAMP := $(VENV)/.installed-dist
WORKERS ?= auto

.PHONY: play test bench simulate dist dist-check clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

play: $(STAMP)
	$(PY) run_game.py $(ARGS)

test: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m pytest -n $(WORKERS) $(ARGS)

bench: $(STAMP)
	for b in bench/*.py; do SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) $$b || exit 1; done

simulate: $(STAMP)
	$(PY) run_game.py simulate $(ARGS)

$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,dist]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller tools/heartland.spec

dist-check: dist
	$(PY) tools/check_dist.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
