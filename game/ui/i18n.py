"""One translation function for every user-facing string, with catalogues as data.

`tr("menu.new_game")` looks the key up in the active language's catalogue
(assets/i18n/<lang>.json plus every <lang>_*.json beside it, so each part of the
game keeps its own file), falling back to English and then to the key itself.
`tr(key, **values)` fills `{name}` placeholders. Japanese and Chinese catalogues can be
added as files without touching code.
"""
from __future__ import annotations

import json

from game.paths import asset

CATALOGUE_DIR = asset("i18n")
_cache: dict[str, dict[str, str]] = {}
_language = ["en"]


def catalogue(lang: str) -> dict[str, str]:
    """The catalogue of `lang`, loaded on first use ({} when there is none)."""
    if lang not in _cache:
        merged: dict[str, str] = {}
        paths = [CATALOGUE_DIR / f"{lang}.json", *sorted(CATALOGUE_DIR.glob(f"{lang}_*.json"))]
        for path in paths:
            if path.is_file():
                merged.update(json.loads(path.read_text("utf-8")))
        _cache[lang] = merged
    return _cache[lang]


def set_language(lang: str) -> None:
    """Choose the language of every later `tr` call."""
    _language[0] = lang


def tr(key: str, **values) -> str:
    """The text for `key` in the active language, with placeholders filled."""
    text = catalogue(_language[0]).get(key) or catalogue("en").get(key) or key
    return text.format(**values) if values else text
