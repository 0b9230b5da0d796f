"""The screen's door to the translation layer (game/text.py): `tr(key, **values)` and the language."""
from __future__ import annotations

from game.text import (CATALOGUE_DIR, LANGUAGE_NAMES, LANGUAGES, catalogue, language, moment, number, render,  # noqa: F401
                       set_language, system_language, tr)
