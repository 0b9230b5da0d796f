"""What really happened: the reference series of `scenarios/history/<scenario>.toml`, and the
game's value of each series in a year of its history (`game.history` rows).

compare = "trade" (a great power's trade with the C5, or with `state`, US$ bn),
"flow" (a corridor's yearly volume), "share" (a power's influence share in `state` among the great
powers, the outside holder `others` left out; the reference is its share of the state's trade with
the great powers, a proxy: the outside influence stands for the USA, the EU and Turkey, whose trade
the game does not model), "gdp" (a state's GDP, US$ bn),
"remittances" (money a state's migrants send home from `power`, or from every power, US$ bn).
A file's `[i18n.<lang>]` tables give its `title`, `notes` and series labels
(`series.<id>.label`) in other languages, shown through the translation layer.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from attrs import frozen

from game.fileio import is_plain_id
from game.model.world import OTHERS
from game.paths import scenario_dir
from game.text import LANGUAGES, content, register_texts, render

HISTORY_DIR = scenario_dir() / "history"
COMPARES = ("trade", "flow", "share", "gdp", "remittances")


@frozen
class RefSeries:
    """One reference series from a scenario's history file."""

    id: str
    label: str
    compare: str  # one of COMPARES
    values: tuple[tuple[int, float], ...]
    power: str = ""
    state: str = ""
    corridor: str = ""
    unit: str = ""


@frozen
class Reference:
    """What really happened in a scenario's years: a title, notes and reference series."""

    scenario: str
    title: str
    notes: str
    series: tuple[RefSeries, ...]

    def text(self, field: str) -> str:
        """The title or the notes in the reader's language (as the file gives them when untranslated)."""
        return render(content(text_key(self.scenario, field), getattr(self, field)))

    def label(self, s: RefSeries) -> str:
        """A series' label in the reader's language."""
        return render(content(text_key(self.scenario, "series", s.id, "label"), s.label))


def text_key(scenario: str, *path: str) -> str:
    """The catalogue key of a history file's text: `history.<scenario>.<path>`."""
    return ".".join(("history", scenario, *path))


def _texts(i18n, scenario: str, series: tuple[RefSeries, ...]) -> dict[str, dict[str, str]]:
    """The [i18n.<lang>] tables as catalogue keys -> text (the title, the notes, the series' labels)."""
    known = {("title",), ("notes",)} | {("series", s.id, "label") for s in series}
    out: dict[str, dict[str, str]] = {}
    for lang, table in (i18n.items() if isinstance(i18n, dict) else ()):
        if lang in LANGUAGES and isinstance(table, dict):
            out[lang] = {text_key(scenario, *path): " ".join(v.split()) for path, v in _leaves(table)
                         if path in known and isinstance(v, str)}
    return out


def _leaves(table: dict, path: tuple[str, ...] = ()):
    """(path, value) for every leaf of nested tables."""
    for k, v in table.items():
        yield from _leaves(v, (*path, k)) if isinstance(v, dict) else (((*path, k), v),)


def load_reference(scenario_id: str, folder: Path = HISTORY_DIR) -> Reference | None:
    """The history file of `scenario_id`, or None when there is none."""
    if not is_plain_id(scenario_id):  # an id from a save never becomes a path outside the folder
        return None
    path = folder / f"{scenario_id}.toml"
    if not path.is_file():
        return None
    data = tomllib.loads(path.read_text("utf-8"))
    series = tuple(
        RefSeries(s["id"], s.get("label", s["id"]), s["compare"],
                  tuple(sorted((int(y), float(v)) for y, v in s.get("values", {}).items())),
                  s.get("power", ""), s.get("state", ""), s.get("corridor", ""), s.get("unit", ""))
        for s in data.get("series", []))
    ref = Reference(str(data.get("scenario", scenario_id)), data.get("title", ""),
                    " ".join(data.get("notes", "").split()), series)
    register_texts(_texts(data.get("i18n"), ref.scenario, series))
    return ref


def _row_sum(row: dict, key: str) -> float:
    """`row[key]` when a key is named, else the sum of the row."""
    return row.get(key, 0.0) if key else sum(row.values())


def among_great_powers(shares: dict, power: str) -> float:
    """`power`'s part of the influence the great powers hold together (the outside holder left out)."""
    held = sum(v for h, v in shares.items() if h != OTHERS)
    return shares.get(power, 0.0) / held if held > 0 else 0.0


def game_value(row: dict, ref: RefSeries) -> float:
    """The game's value of `ref` in one history row (one finished year)."""
    if ref.compare == "trade":
        return _row_sum(row.get("trade", {}).get(ref.power, {}), ref.state)
    if ref.compare == "flow":
        return row.get("flows", {}).get(ref.corridor, 0.0)
    if ref.compare == "share":
        return among_great_powers(row.get("influence", {}).get(ref.state, {}), ref.power)
    state = row.get("states", {}).get(ref.state, {})
    if ref.compare == "gdp":
        return state.get("gdp", 0.0)
    if ref.compare == "remittances":
        return _row_sum(state.get("remittances", {}), ref.power)
    raise ValueError(f"unknown compare '{ref.compare}' in series '{ref.id}'")
