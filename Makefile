# The two commands of the quick start: `make play` and `make test`.
# Each creates the virtual environment in .venv when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: play test bench simulate clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

play: $(STAMP)
	$(PY) run_game.py $(ARGS)

test: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m pytest $(ARGS)

bench: $(STAMP)
	for b in bench/*.py; do SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) $$b || exit 1; done

simulate: $(STAMP)
	$(PY) run_game.py simulate $(ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
