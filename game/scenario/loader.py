"""TOML scenario -> validated World. Every problem becomes `file:line: key: sentence`.

`load(name_or_path)` returns a `Scenario`; `ScenarioErrors` lists every problem found.
`validate(name)` returns the problems as a list. No code in a scenario is ever evaluated.
"""
from __future__ import annotations

import difflib
import functools
import json
from pathlib import Path
from typing import Any

from attrs import frozen

from game.errors import ScenarioError, ScenarioErrors, ScenarioWarning
from game.fileio import is_plain_id, safe_stem  # noqa: F401  (safe_stem re-exported)
from game.model import (
    C5, GREAT, OTHERS, RESOURCES, Contract, Corridor, CrisisDef, Economy, EventDef, Forum, Pledge, Policy, Power, River,
    World,
)
from game.model.ops import evolve
from game.paths import asset
from game.rules import events as event_rules
from game.rules import invariants
from game.rules import objectives, phases
from game.rules.agenda import TERMS
from game.rules.params import PARAMS, defaults
from game.rules.play import CARDS
from game.scenario import schema
from game.scenario.schema import FORMAT_VERSION, REQUIRED, Spec
from game.scenario.series import Taken, applied, taken
from game.scenario.series import shipped as shipped_series
from game.text import LANGUAGES, Msg, catalogue, msg, register_texts
from game.scenario.source import (  # noqa: F401  (re-exported for callers)
    MAX_BYTES, SCENARIO_DIR, Locator, Merged, Source, find, huge_number, parse_toml, read_text, resolve, shown,
    user_dir,
)

MAP_FILE = asset("map", "heartland_map.json")
TOP_LEVEL = ("format_version", "scenario", "world", "rules", "powers", "economies", "influence", "trust",
             "corridors", "contracts", "pledges", "policies", "forums", "events", "extends", "remove",
             "personalities", "rivers", "i18n", "short", "crises")
NUMERIC_OPS = ("<", "<=", ">", ">=")
MAX_ERRORS = 200  # problems listed for one scenario; more are counted
MAX_ITEMS = 400  # entries in one table ([events.*], [corridors.*], ...): far above any real scenario
LIST_OPS = ("has", "lacks")
ID_TABLES = ("powers", "corridors", "contracts", "pledges", "policies", "forums", "rivers", "events", "crises")  # keys are ids


@frozen
class Scenario:
    """A loaded scenario: its metadata, the starting World and the AI seat settings."""

    id: str
    title: str
    description: str
    teaching_notes: str
    path: str
    world: World
    personalities: dict
    raw: dict  # the merged data, embedded in saves
    files: tuple[str, ...] = ()  # the file and every base it extends, base first
    warnings: tuple[ScenarioWarning, ...] = ()  # plausible but probably wrong (see `plausibility`)
    series: tuple[Taken, ...] = ()  # figures a later start takes from the yearly series (game/scenario/series.py)
    optional_events: tuple[EventDef, ...] = ()  # `optional = true`: out of `world.events` unless a game switches them on

    def world_with(self, ids) -> World:
        """The starting World with the optional events `ids` switched on (after the others, in the file's order);
        the World itself when none is named. An id that is not an optional event of this scenario is ignored."""
        on = tuple(ev for ev in self.optional_events if ev.id in set(ids))
        return evolve(self.world, events=self.world.events + on) if on else self.world


def load(name: str, short: bool = False) -> Scenario:
    """Load and validate a scenario by id or path (its short form when `short`); ScenarioErrors lists every problem."""
    return build(resolve(name), short)


def warnings(name: str) -> list[ScenarioWarning]:
    """The plausibility warnings of a scenario that loads ([] when it does not load or has none)."""
    try:
        return list(load(name).warnings)
    except ScenarioErrors:
        return []


def validate(name: str) -> list[ScenarioError]:
    """Every problem in a scenario (an empty list when it is fine)."""
    try:
        load(name)
    except ScenarioErrors as e:
        return e.errors
    return []


@functools.cache
def map_places() -> frozenset[str]:
    """Ids of the places in the map asset, which corridor waypoints name."""
    try:
        return frozenset(json.loads(MAP_FILE.read_text(encoding="utf-8"))["places"])
    except (OSError, ValueError, KeyError):
        return frozenset()


class Checker:
    """Collects problems while a scenario is read; each names the file that set the key."""

    def __init__(self, merged: Merged):
        self.merged, self.errors, self.warnings = merged, [], []
        self.dropped = 0  # problems beyond MAX_ERRORS, counted but not listed

    def full(self) -> bool:
        """Whether MAX_ERRORS problems are listed already (the rest are only counted, so time stays bounded)."""
        return len(self.errors) >= MAX_ERRORS

    def warn(self, key: str, message: Msg, item: Any = None) -> None:
        """Record something plausible but probably wrong at `key` (never blocking)."""
        path, line = self.merged.where(key)
        if item is not None and isinstance(item, str):
            line = self.merged.source(key).locator.item_line(key, item) or line
        self.warnings.append(ScenarioWarning(path, line, _key_shown(key), message))

    def fail(self, key: str, message: Msg, item: Any = None) -> None:
        """Record one problem at `key` (at the line of one list `item`, when given)."""
        if self.full():
            self.dropped += 1
            return
        path, line = self.merged.where(key)
        if item is not None and isinstance(item, str):
            line = self.merged.source(key).locator.item_line(key, item) or line
        self.errors.append(ScenarioError(path, line, _key_shown(key), message))

    def unknown(self, table: dict, allowed, key: str) -> None:
        """Report keys not in `allowed`, with a suggestion."""
        for name in table:
            if name in allowed:
                continue
            if self.full():
                self.dropped += 1
            elif key and name in TOP_LEVEL:
                self.fail(f"{key}.{name}", msg("scenario.err.top_level_key", name=name, table=key))
            else:
                self.fail(f"{key}.{name}" if key else str(name),
                          msg("scenario.err.unknown_key", name=name, hint=_hint(name, allowed)))

    def read(self, table: Any, specs: dict[str, Spec], key: str) -> dict:
        """Typed values of a table, defaults filled in; problems recorded."""
        if not isinstance(table, dict):
            self.fail(key, msg("scenario.err.not_table", value=_describe(table)))
            table = {}
        self.unknown(table, specs, key)
        out = {}
        for name, spec in specs.items():
            if name not in table:
                if spec.default is REQUIRED and not self.full() and not self._misspelt(name, table, specs):
                    self.fail(f"{key}.{name}", msg("scenario.err.missing", meaning=spec.meaning))
                out[name] = spec.default if spec.default is not REQUIRED else _empty(spec)
                continue
            out[name] = self.value(table[name], spec, f"{key}.{name}")
        return out

    @staticmethod
    def _misspelt(name: str, table: dict, specs: dict) -> bool:
        """Whether an unknown key of `table` looks like a misspelling of `name` (its hint names it)."""
        return any(n not in specs and _near(n, specs) == name for n in table)

    def value(self, value: Any, spec: Spec, key: str) -> Any:
        """One typed value; problems recorded and a safe default returned."""
        kind = spec.kind
        ok = {"str": isinstance(value, str), "choice": isinstance(value, str), "bool": isinstance(value, bool),
              "list": isinstance(value, list), "table": isinstance(value, dict), "numlist": isinstance(value, list),
              "int": isinstance(value, int) and not isinstance(value, bool),
              "float": isinstance(value, (int, float)) and not isinstance(value, bool)}[kind]
        if not ok:
            self.fail(key, msg("scenario.err.wrong_kind", kind=msg(f"scenario.kind.{kind}"), value=_describe(value)))
            return _empty(spec)
        if kind == "choice" and value not in spec.choices:
            self.fail(key, msg("scenario.err.not_choice", value=value, choices=spec.choices, hint=_hint(value, spec.choices)))
            return spec.choices[0]
        if kind in ("int", "float"):
            if value != value or (spec.low is not None and value < spec.low) or (spec.high is not None and value > spec.high):
                self.fail(key, msg("scenario.err.out_of_range", value=str(value), low=spec.low, high=spec.high))
                return float(spec.low or 0) if kind == "float" else int(spec.low or 0)
            return float(value) if kind == "float" else value
        if kind == "list":
            return [v for v in value if self._listed(v, key)]
        if kind == "numlist":
            return [self.value(v, Spec("float", low=spec.low, high=spec.high), key) for v in value]
        return value

    def _listed(self, v: Any, key: str) -> bool:
        """Whether a list entry is text, as every list in a scenario holds."""
        if isinstance(v, str):
            return True
        self.fail(key, msg("scenario.err.list_entry", value=_describe(v)))
        return False

    def numbers(self, table: Any, key: str, low: float = 0.0, high: float = 1e6, allowed=None) -> dict[str, float]:
        """A table of names to numbers within a range."""
        if not isinstance(table, dict):
            self.fail(key, msg("scenario.err.not_numbers", value=_describe(table)))
            return {}
        out = {}
        for name, v in table.items():
            if allowed is not None and name not in allowed:
                self.fail(f"{key}.{name}", msg("scenario.err.not_known_here", name=name, allowed=tuple(allowed),
                                                hint=_hint(name, allowed)))
                continue
            out[name] = self.value(v, Spec("float", low=low, high=high), f"{key}.{name}")
        return out

    def names(self, values: list, key: str, allowed, what: str) -> None:
        """Each entry of a list must be one of `allowed` (`what` they are: a `scenario.what.*` key), and appear once."""
        seen = set()
        for v in values:
            if v not in allowed:
                self.fail(key, msg("scenario.err.not_a", value=v, what=msg(f"scenario.what.{what}"),
                                   hint=_hint(v, allowed)), item=v)
            elif v in seen:
                self.fail(key, msg("scenario.err.listed_twice", value=v), item=v)
            seen.add(v)


def _key_shown(key: str) -> str:
    """A key as a sentence names it: printable, at most 120 characters (a hostile key cannot break the line)."""
    key = "".join(ch if ch.isprintable() else "?" for ch in key[:121])
    return key if len(key) <= 120 else key[:117] + "..."


def _near(name: Any, allowed) -> str:
    """The allowed name closest to a misspelt one ("" when none is close)."""
    near = difflib.get_close_matches(str(name), [str(a) for a in allowed], n=1)
    return near[0] if near else ""


def _hint(name: Any, allowed) -> Msg | str:
    """' Did you mean ...?' for a misspelt name, as a message ("" when nothing is close)."""
    near = _near(name, allowed)
    return msg("scenario.hint", name=near) if near else ""


def _not_a(value: Any, what: str, allowed=()) -> Msg:
    """'x' is not <what> (a `scenario.what.*` key), with a hint from `allowed`."""
    return msg("scenario.err.not_a", value=value, what=msg(f"scenario.what.{what}"), hint=_hint(value, allowed))


def _not_resource(value: Any, hint: bool = True) -> Msg:
    """'x' is not a resource; the resources listed (with a hint when asked)."""
    return msg("scenario.err.not_resource", value=value, resources=RESOURCES, hint=_hint(value, RESOURCES) if hint else "")


def _not_card(value: Any, hint: bool = True) -> Msg:
    """'x' is not a policy card; the cards listed (with a hint when asked)."""
    return msg("scenario.err.not_card", value=value, cards=tuple(CARDS), hint=_hint(value, CARDS) if hint else "")


def _quoted(text: str, problem: Msg | str) -> Msg:
    """`'text': problem`, for a problem in one condition or effect."""
    return msg("scenario.err.quoted", text=text, problem=problem)


def _empty(spec: Spec) -> Any:
    return {"str": "", "choice": spec.choices[0] if spec.choices else "", "bool": False, "list": [], "table": {},
            "int": 0, "float": 0.0, "numlist": []}[spec.kind]


def _describe(value: Any) -> Msg:
    """What a value from a file is, as a message ("a whole number", "the text 'x'", ...)."""
    if isinstance(value, bool):
        return msg("scenario.value.bool")
    if isinstance(value, str):
        return msg("scenario.value.the_text", text=repr(value)) if len(value) < 40 else msg("scenario.value.text")
    kind = {int: "int", float: "float", list: "list", dict: "table"}.get(type(value), "date")
    return msg(f"scenario.value.{kind}")


# --- the scenario -------------------------------------------------------------------

def from_raw(raw: dict, where: str) -> Scenario:
    """A scenario from already-merged data (as embedded in a save); ScenarioErrors if it does not build."""
    if (big := huge_number(raw)) is not None:
        raise ScenarioErrors([ScenarioError(where, None, _key_shown(big), "a whole number is too large (beyond 64 bits).")])
    src = Source(where, Locator(""), raw)
    return build(Merged(raw, {}, (src,), src))


def build(merged: Merged, short: bool = False) -> Scenario:
    """Turn merged scenario data into a Scenario (its short form when `short`), collecting every problem."""
    raw = merged.raw
    chk = Checker(merged)
    raw = _without_stale_short(raw, merged, chk)
    if short:
        raw = short_form(raw, chk)
    figures = from_series(raw, merged, chk)
    raw = applied(raw, figures)
    chk.unknown(raw, TOP_LEVEL, "")
    for src in merged.chain:
        if src.raw.get("format_version") != FORMAT_VERSION:
            where = src.locator.line("format_version")
            said = src.raw.get("format_version")
            problem = (msg("scenario.err.version_wrong", version=FORMAT_VERSION, said=repr(said)) if "format_version" in src.raw
                       else msg("scenario.err.version_missing", version=FORMAT_VERSION))
            chk.errors.append(ScenarioError(src.path, where, "format_version", problem))
    meta = chk.read(raw.get("scenario", {}), schema.SCENARIO, "scenario")
    _check_meta(merged, meta, chk)
    if "short" in raw and not short:
        _read_short(raw["short"], meta, chk)
    world = _world(raw, meta, chk)
    personalities = _personalities(raw.get("personalities", {}), world, chk)
    texts = _texts(raw.get("i18n", {}), meta["id"], world, chk, merged.top.raw.get("i18n", {}), _inherits_short(merged))
    if chk.errors:
        listed = _ordered(chk.errors)
        if chk.dropped:
            listed.append(ScenarioError(merged.top.path, None, "", msg("scenario.err.more_problems", n=chk.dropped,
                                                                       listed=len(listed))))
        raise ScenarioErrors(listed)
    plausibility(merged, world, chk, {t.key for t in figures})
    register_texts(texts)
    optional = {k for k, t in _tables(raw, "events", chk).items() if t.get("optional") is True}
    spare = tuple(ev for ev in world.events if ev.id in optional)
    world = evolve(world, events=tuple(ev for ev in world.events if ev.id not in optional)) if spare else world
    return Scenario(meta["id"], own_title(merged, meta), meta["description"], meta["teaching_notes"], merged.top.path, world,
                    personalities, raw, tuple(s.path for s in merged.chain), tuple(_ordered(chk.warnings)), tuple(figures),
                    spare)


TEXT_FIELDS = {"powers": ("name", "name.power"), "corridors": ("name", "name.corridor"), "forums": ("name", "name.forum"),
               "rivers": ("name", "name.river")}


def _inherits_short(merged: Merged) -> bool:
    """Whether the scenario shows the short form's description of a scenario it extends (its own file writes none)."""
    own = merged.top.raw.get("short")
    return len(merged.chain) > 1 and not (isinstance(own, dict) and "description" in own)


def _texts(table: Any, sid: str, world: World, chk: Checker, own: Any = None,
           inherit_short: bool = False) -> dict[str, dict[str, str]]:
    """The [i18n.<lang>] tables: an author's text in other languages, as catalogue keys -> text.

    A scenario's own title, description and notes come only from its own file (`own`), never from the
    scenario it extends; so does its short form's description, unless it shows the base's (`inherit_short`:
    its file writes no `[short] description`), which then keeps the base's translations too. Names and
    events are inherited with the rest of the data (those of items it removes are dropped)."""
    if not isinstance(table, dict):
        chk.fail("i18n", msg("scenario.err.i18n_not_table", value=_describe(table)))
        return {}
    out: dict[str, dict[str, str]] = {}
    for lang, entries in table.items():
        if lang not in LANGUAGES:
            chk.fail(f"i18n.{lang}", msg("scenario.err.i18n_language", lang=lang, languages=LANGUAGES,
                                         hint=_hint(lang, LANGUAGES)))
            continue
        if not isinstance(entries, dict):
            chk.fail(f"i18n.{lang}", msg("scenario.err.i18n_texts", value=_describe(entries)))
            continue
        out[lang] = {}
        mine = dict(_flat(own.get(lang, {}))) if isinstance(own, dict) and isinstance(own.get(lang), dict) else {}
        for path, value in _flat(entries):
            base_only = ("scenario.",) if inherit_short else ("scenario.", "short.")
            if path not in mine and (path.startswith(base_only) or _text_key(path, sid, world) is None):
                continue  # the base's own title or short form, or a text of something this scenario removed
            key = _text_key(path, sid, world)
            where = f"i18n.{lang}.{path}"
            if key is None:
                chk.fail(where, msg("scenario.err.i18n_no_text"))
            elif not isinstance(value, str) or not value.strip():
                chk.fail(where, msg("scenario.err.not_quoted", value=_describe(value)))
            else:
                out[lang][key] = value.strip()
    return out


def _flat(table: dict, prefix: str = ""):
    """(dotted path, value) for every leaf of nested tables."""
    for k, v in table.items():
        path = f"{prefix}.{k}" if prefix else str(k)
        if isinstance(v, dict):
            yield from _flat(v, path)
        else:
            yield path, v


def _text_key(path: str, sid: str, world: World) -> str | None:
    """The catalogue key an [i18n] path stands for, or None when it names nothing in this scenario."""
    parts = path.split(".")
    if len(parts) == 2 and parts[0] == "scenario" and parts[1] in ("title", "description", "teaching_notes"):
        return f"scenario.{sid}.{parts[1]}"
    if parts == ["short", "description"]:
        return f"scenario.{sid}.short_description"
    if len(parts) != 3:
        return None
    table, item, field = parts
    if table == "events" and field in ("title", "note", "source") and any(e.id == item for e in world.events):
        return f"event.{item}.{field}"
    records = {"powers": world.powers, "corridors": world.corridors, "forums": world.forums,
               "rivers": world.rivers}.get(table, {})
    if table in TEXT_FIELDS and field == TEXT_FIELDS[table][0] and item in records:
        return f"{TEXT_FIELDS[table][1]}.{item}"
    return None


def default_short_end(meta: dict) -> int:
    """The last year of a short form the scenario does not describe: five years, or the whole game."""
    return min(meta["end_year"], meta["start_year"] + 4)


def _read_short(table: Any, meta: dict, chk: Checker) -> dict:
    """The [short] table, checked against the game's years (a short form past the game's end is the whole game)."""
    v = chk.read(table, schema.SHORT, "short")
    if v["end_year"] and v["end_year"] < meta["start_year"]:
        chk.fail("short.end_year", msg("scenario.err.short_before_start", end=str(v["end_year"]), start=str(meta["start_year"])))
    elif v["end_year"] and v["end_year"] <= meta["end_year"]:
        _check_rounds(v["rounds"], v["round_weights"], meta["start_year"], v["end_year"], "short", chk)
    return v


def _without_stale_short(raw: dict, merged: Merged, chk: Checker) -> dict:
    """An inherited [short] table that ends before this (later) start is dropped, with a warning."""
    meta, table = raw.get("scenario"), raw.get("short")
    if "short" in merged.top.raw or not isinstance(meta, dict) or not isinstance(table, dict):
        return raw
    start, end = meta.get("start_year"), table.get("end_year")
    if not (isinstance(start, int) and isinstance(end, int)):
        return raw
    rounds = table.get("rounds") if isinstance(table.get("rounds"), list) else []
    early = [y for y in rounds if isinstance(y, int) and not isinstance(y, bool) and y < start]
    if end < start:
        chk.warn("scenario.start_year", msg("scenario.warn.stale_short", end=str(end), start=str(start)))
    elif early:
        chk.warn("scenario.start_year", msg("scenario.warn.stale_short_rounds", rounds=", ".join(map(str, early)),
                                             start=str(start)))
    else:
        return raw
    return {k: v for k, v in raw.items() if k != "short"}


def short_form(raw: dict, chk: Checker) -> dict:
    """The scenario data of the short form: [scenario] takes the [short] table's years and rounds."""
    meta_raw = raw.get("scenario", {})
    if not isinstance(meta_raw, dict) or not isinstance(meta_raw.get("start_year"), int):
        return raw
    given = raw.get("short", {})
    v = chk.read(given, schema.SHORT, "short") if "short" in raw else {"end_year": 0, "rounds": [], "round_weights": []}
    start = meta_raw["start_year"]
    last = meta_raw.get("end_year", start) if isinstance(meta_raw.get("end_year"), int) else start
    end = min(v["end_year"] or start + 4, last)
    rounds = [int(y) for y in v["rounds"] if y <= end]
    weights = v["round_weights"] if len(rounds) == len(v["rounds"]) else []
    if rounds and rounds[-1] != end:  # cut short by the game's end: its last year is the last round
        rounds, weights = [*rounds, end], []
    scenario = {**meta_raw, "end_year": end, "rounds": rounds, "round_weights": weights}
    if v.get("description"):
        scenario["description"] = v["description"]
    out = {**{k: val for k, val in raw.items() if k != "short"}, "scenario": scenario}
    if isinstance(raw.get("events"), dict):  # events dated after the short form's end never come
        out["events"] = {k: e for k, e in raw["events"].items()
                         if not (isinstance(e, dict) and isinstance(e.get("year"), int) and e["year"] > end)}
        out["i18n"] = _texts_of_events(raw.get("i18n"), out["events"])
    return out


def _texts_of_events(i18n: Any, kept: dict) -> Any:
    """The [i18n] tables without the texts of events the short form drops."""
    if not isinstance(i18n, dict):
        return i18n
    out = {}
    for lang, table in i18n.items():
        if isinstance(table, dict) and isinstance(table.get("events"), dict):
            table = {**table, "events": {k: v for k, v in table["events"].items() if k in kept}}
        out[lang] = table
    return out


def _check_rounds(rounds: list, weights: list, start: int, end: int, key: str, chk: Checker) -> None:
    """Scoring rounds: whole years within the game, ascending, the last at its end; one weight each."""
    if not rounds:
        if weights:
            chk.fail(f"{key}.round_weights", msg("scenario.err.weights_without_rounds"))
        return
    if any(int(y) != y or not start <= y <= end for y in rounds):
        chk.fail(f"{key}.rounds", msg("scenario.err.round_years", start=str(start), end=str(end)))
    elif list(rounds) != sorted(set(rounds)):
        chk.fail(f"{key}.rounds", msg("scenario.err.rounds_ascending"))
    elif rounds[-1] != end:
        chk.fail(f"{key}.rounds", msg("scenario.err.last_round", end=str(end)))
    if weights and len(weights) != len(rounds):
        chk.fail(f"{key}.round_weights", msg("scenario.err.round_weights", n=len(weights), rounds=len(rounds)))


def _ordered(errors: list[ScenarioError]) -> list[ScenarioError]:
    """Problems by file and line, each once."""
    seen, out = set(), []
    for e in errors:
        if e.describe() not in seen:
            seen.add(e.describe())
            out.append(e)
    return sorted(out, key=lambda e: (e.path, e.line or 0))


def _check_meta(merged: Merged, meta: dict, chk: Checker) -> None:
    """Years in order; the id is a plain identifier; an extending scenario has its own id."""
    given = merged.raw.get("scenario")
    if not is_plain_id(meta["id"]) and isinstance(given, dict) and isinstance(given.get("id"), str):
        chk.fail("scenario.id", msg("scenario.err.id_not_plain", id=shown(meta["id"])))
    own = merged.top.raw.get("scenario") if len(merged.chain) > 1 else None
    if meta["end_year"] < meta["start_year"] and isinstance(own, dict) and "start_year" in own and "end_year" not in own:
        chk.fail("scenario.start_year", msg("scenario.err.start_after_base_end", start=str(meta["start_year"]),
                                            end=str(meta["end_year"])))  # the author moved the start past the base's end
    elif meta["end_year"] < meta["start_year"]:
        chk.fail("scenario.end_year", msg("scenario.err.end_before_start", end=str(meta["end_year"]),
                                          start=str(meta["start_year"])))
    if meta["end_year"] - meta["start_year"] > 60:
        chk.fail("scenario.end_year", msg("scenario.err.too_long", n=60))
    _check_rounds(meta["rounds"], meta["round_weights"], meta["start_year"], meta["end_year"], "scenario", chk)
    if len(merged.chain) > 1:
        own = merged.top.raw.get("scenario", {})
        base_id = merged.chain[-2].raw.get("scenario", {}).get("id")
        if not isinstance(own, dict) or "id" not in own:
            chk.fail("extends", msg("scenario.err.extends_needs_id"))
        elif own["id"] == base_id:
            chk.fail("scenario.id", msg("scenario.err.id_of_base", id=own["id"]))
        elif "title" not in own:
            chk.warn("scenario", msg("scenario.warn.no_title", id=own["id"], base=str(meta["title"])))


def own_title(merged: Merged, meta: dict) -> str:
    """The title to show: the file's own, or its id when it extends another without one (never the base's)."""
    own = merged.top.raw.get("scenario")
    if len(merged.chain) > 1 and isinstance(own, dict) and "title" not in own:
        return meta["id"]
    return meta["title"]


def _world(raw: dict, meta: dict, chk: Checker) -> World:
    powers = {str(pid): _power(str(pid), t, chk) for pid, t in _tables(raw, "powers", chk).items()}
    c5 = [p for p, pw in powers.items() if pw.kind == C5]
    greats = [p for p, pw in powers.items() if pw.kind == GREAT]
    if not greats or not c5:
        chk.fail("powers", msg("scenario.err.powers_needed"))
    economies = {c: _economy(c, t, powers, chk) for c, t in _tables(raw, "economies", chk).items()}
    for c in c5:
        if c not in economies:
            chk.fail(f"powers.{c}", msg("scenario.err.no_economy", id=c))
    for c in list(economies):
        if c not in c5:
            chk.fail(f"economies.{c}", msg("scenario.err.not_c5_power", id=c, hint=_hint(c, c5)))
            del economies[c]
    order = _order(meta["order"], powers, chk)
    w = chk.read(raw.get("world", {}), schema.WORLD, "world")
    prices = chk.numbers(w["prices"], "world.prices", 0, 100, RESOURCES)
    for r in RESOURCES:
        if r not in prices:
            chk.fail("world.prices", msg("scenario.err.no_price", resource=r))
            prices[r] = 0.0
    risks = chk.numbers(w["risks"], "world.risks", 0, 1)
    tension = _tension(w["tension"], greats, chk)
    influence, trust = _shares(raw, c5, greats, chk)
    corridors = {str(k): _corridor(str(k), t, powers, chk) for k, t in _tables(raw, "corridors", chk).items()}
    contracts = {str(k): _contract(str(k), t, powers, economies, corridors, chk)
                 for k, t in _tables(raw, "contracts", chk).items()}
    pledges = {str(k): _pledge(str(k), t, powers, meta, chk) for k, t in _tables(raw, "pledges", chk).items()}
    policies = {str(k): _policy(str(k), t, powers, corridors, meta, chk) for k, t in _tables(raw, "policies", chk).items()}
    forums = {str(k): _forum(str(k), t, powers, meta, chk) for k, t in _tables(raw, "forums", chk).items()}
    rivers = {str(k): _river(str(k), t, c5, chk) for k, t in _tables(raw, "rivers", chk).items()}
    rules = _rules(raw.get("rules", {}), chk)
    powers = _with_objectives(powers, raw, rules, chk)
    for p in powers.values():
        _check_sources(p, powers, risks, chk)
    evs = tuple(_event(str(k), t, meta, chk) for k, t in _tables(raw, "events", chk).items())
    crises = tuple(_crisis(str(k), t, chk) for k, t in _tables(raw, "crises", chk).items())
    world = World(
        scenario_id=meta["id"], title=meta["title"], seed=0, year=meta["start_year"],
        start_year=meta["start_year"], end_year=meta["end_year"], phase=phases.FIRST, turn=-1, order=tuple(order),
        powers=powers, economies=economies, influence=influence, trust=trust, tension=tension,
        corridors=corridors, contracts=contracts, pledges=pledges, forums=forums, offers={}, policies=policies,
        prices=prices, risks=risks, rules=rules, events=evs,
        serial=len(pledges) + len(policies), rivers=rivers,
        rounds=tuple(int(y) for y in meta["rounds"]) or objectives.default_rounds(
            meta["start_year"], meta["end_year"], int(rules["objectives.default_rounds"])),
        round_weights=tuple(meta["round_weights"]), crises=crises,
    )
    _check_events(world, chk)
    _check_crises(world, chk)
    return world


def _tables(raw: dict, name: str, chk: Checker) -> dict:
    """A set of tables keyed by id; each entry must itself be a table."""
    value = raw.get(name, {})
    if not isinstance(value, dict):
        chk.fail(name, msg("scenario.err.not_tables", table=name))
        return {}
    if len(value) > MAX_ITEMS:
        chk.fail(name, msg("scenario.err.too_many", n=len(value), most=MAX_ITEMS))
        value = dict(list(value.items())[:MAX_ITEMS])
    out = {}
    for k, v in value.items():
        if name in ID_TABLES and not is_plain_id(k):
            chk.fail(f"{name}.{k}", f"'{shown(str(k))}' is not a plain id; use letters, digits, _ and - "
                     "(at most 64, starting with a letter or digit).")
            continue  # not read further: every later sentence would repeat the unplain id
        if not isinstance(v, dict):
            chk.fail(f"{name}.{k}", msg("scenario.err.entry_not_table", table=f"{name}.{k}", value=_describe(v)))
            continue
        out[k] = v
    return out


def _order(order: list, powers: dict, chk: Checker) -> list[str]:
    """The seat order: every power exactly once."""
    chk.names(order, "scenario.order", powers, "listed_power")
    missing = [p for p in powers if p not in order]
    if missing:
        chk.fail("scenario.order", msg("scenario.err.order_missing", missing=tuple(missing)))
    return [p for p in dict.fromkeys(order) if p in powers] + missing


def _tension(table: Any, greats: list[str], chk: Checker) -> dict[str, float]:
    """Tension between great powers, keyed by the sorted pair."""
    out: dict[str, float] = {}
    for key, v in chk.numbers(table, "world.tension", 0, 1).items():
        pair = key.split("|")
        if len(pair) != 2 or any(p not in greats for p in pair) or pair[0] == pair[1]:
            chk.fail(f"world.tension.{key}", msg("scenario.err.tension_pair"))
            continue
        norm = "|".join(sorted(pair))
        if norm in out:
            chk.fail(f"world.tension.{key}", msg("scenario.err.tension_twice", a=pair[0], b=pair[1]))
        out[norm] = v
    return out


def _shares(raw: dict, c5: list[str], greats: list[str], chk: Checker) -> tuple[dict, dict]:
    """Influence and trust in every C5 state."""
    holders = greats + [OTHERS]
    inf_raw, trust_raw = _tables(raw, "influence", chk), _tables(raw, "trust", chk)
    for name, table in (("influence", inf_raw), ("trust", trust_raw)):
        for c in table:
            if c not in c5:
                chk.fail(f"{name}.{c}", msg("scenario.err.not_c5_power", id=c, hint=_hint(c, c5)))
    influence = {c: chk.numbers(inf_raw.get(c, {}), f"influence.{c}", 0, 100, holders) for c in c5}
    trust = {c: chk.numbers(trust_raw.get(c, {}), f"trust.{c}", 0, 1, greats) for c in c5}
    for c in c5:
        influence[c] = {h: influence[c].get(h, 0.0) for h in holders}
        trust[c] = {g: trust[c].get(g, 0.5) for g in greats}
        if sum(influence[c].values()) <= 0:
            chk.fail(f"influence.{c}", msg("scenario.err.no_influence", id=c))
    return influence, trust


def _power(pid: str, t: dict, chk: Checker) -> Power:
    key = f"powers.{pid}"
    v = chk.read(t, schema.POWER, key)
    agenda = chk.numbers(v["agenda"], f"{key}.agenda", 0, 100, TERMS)
    if isinstance(v["agenda"], dict) and sum(agenda.values()) <= 0:
        chk.fail(f"{key}.agenda", msg("scenario.err.agenda_empty"))
    demand = chk.numbers(v["demand"], f"{key}.demand", 0, 1e6, RESOURCES)
    sources = {}
    for r, s in v["sources"].items():
        if r not in RESOURCES:
            chk.fail(f"{key}.sources.{r}", _not_resource(r))
            continue
        sources[r] = chk.numbers(s, f"{key}.sources.{r}", 0, 1)
    for card in v["cards"]:
        if card not in CARDS:
            chk.fail(f"{key}.cards", _not_card(card), item=card)
    if len(set(v["cards"])) != len(v["cards"]):
        chk.fail(f"{key}.cards", msg("scenario.err.card_twice"))
    color = v["color"]
    if not (isinstance(color, str) and len(color) == 7 and color[0] == "#" and _hex(color[1:])):
        chk.fail(f"{key}.color", msg("scenario.err.colour", value=str(color)))
        color = "#888888"
    return Power(pid, v["name"], v["kind"], v["treasury"], v["income"], v["action_points"], agenda,
                 v["credibility"], demand, sources, cards=tuple(v["cards"]), color=color,
                 trade_drive=v["trade_drive"])


def _with_objectives(powers: dict[str, Power], raw: dict, rules: dict, chk: Checker) -> dict[str, Power]:
    """Each power with its objectives: the scenario's, or the defaults read from its agenda."""
    from attrs import evolve
    tables = raw.get("powers", {}) if isinstance(raw.get("powers"), dict) else {}
    out = {}
    for pid, pw in powers.items():
        given = tables.get(pid, {}).get("objectives", {}) if isinstance(tables.get(pid), dict) else {}
        key = f"powers.{pid}.objectives"
        if not isinstance(given, dict):
            given = {}  # reported by chk.read as the wrong kind of value
        objs = tuple(_objective(str(oid), t, f"{key}.{oid}", powers, chk) for oid, t in given.items())
        peers = sum(1 for q in powers.values() if q.kind == pw.kind)
        out[pid] = evolve(pw, objectives=objs or objectives.default_objectives(
            pw.agenda, peers, rules["objectives.default_points"]))
    return out


def _objective(oid: str, t: Any, key: str, powers: dict, chk: Checker) -> objectives.Objective:
    """One [powers.ID.objectives.OBJ] table, checked."""
    v = chk.read(t, schema.OBJECTIVE, key)
    if v["measure"] and not objectives.known_measure(v["measure"]):
        names = list(TERMS) + [f"{t}{objectives.GAIN}" for t in TERMS]
        chk.fail(f"{key}.measure", msg("scenario.err.not_measure", value=v["measure"], terms=tuple(TERMS),
                                       gain=objectives.GAIN, hint=_hint(v["measure"], names)))
    for q in v["among"]:
        if q not in powers:
            chk.fail(f"{key}.among", _not_a(q, "power", list(powers)), item=q)
    if v["kind"] == "threshold":
        if len(v["at"]) != len(v["points"]):
            chk.fail(f"{key}.at", msg("scenario.err.steps_points", n=len(v["at"]), points=len(v["points"])))
        elif list(v["at"]) != sorted(v["at"]):
            chk.fail(f"{key}.at", msg("scenario.err.steps_ascending"))
        for extra in ("bonus", "clear"):
            if v[extra]:
                chk.fail(f"{key}.{extra}", msg("scenario.err.rank_only", name=extra))
    elif v["at"]:
        chk.fail(f"{key}.at", msg("scenario.err.rank_steps"))
    if not v["points"]:
        chk.fail(f"{key}.points", msg("scenario.err.no_points"))
    return objectives.Objective(oid, v["measure"], v["kind"], tuple(v["points"]), tuple(v["among"]), tuple(v["at"]),
                                float(v["bonus"]), float(v["clear"]), bool(v["standing"]))


def _hex(text: str) -> bool:
    return all(ch in "0123456789abcdefABCDEF" for ch in text)


def _check_sources(p: Power, powers: dict, risks: dict, chk: Checker) -> None:
    """Each supply source is a power or a named risk in [world] risks."""
    known = [q for q in powers if q != p.id] + list(risks)
    for r, table in p.sources.items():
        for src in table:
            if src not in known:
                chk.fail(f"powers.{p.id}.sources.{r}.{src}", msg("scenario.err.unknown_source", id=src,
                                                                  hint=_hint(src, known)))


def _economy(c: str, t: dict, powers: dict, chk: Checker) -> Economy:
    key = f"economies.{c}"
    v = chk.read(t, schema.ECONOMY, key)
    prod = chk.numbers(v["production"], f"{key}.production", 0, 1e6, RESOURCES)
    reserves = chk.numbers(v["reserves"], f"{key}.reserves", 0, 1e9, RESOURCES)
    debt = chk.numbers(v["debt"], f"{key}.debt", 0, 1e5, list(powers) + [OTHERS])
    greats = [p for p, pw in powers.items() if pw.kind == GREAT]
    chk.names(v["never_against"], f"{key}.never_against", greats, "great_power")
    goods = chk.numbers(v["goods"], f"{key}.goods", 0, 1e5, greats)
    remittances = chk.numbers(v["remittances"], f"{key}.remittances", 0, 1e5, greats)
    return Economy(v["gdp"], v["gdp"], v["stability"], prod, reserves, v["refining"], debt, v["tolerance"],
                   never_against=tuple(v["never_against"]), goods=goods, remittances=remittances,
                   reexport=v["reexport"])


def _corridor(kid: str, t: dict, powers: dict, chk: Checker) -> Corridor:
    key = f"corridors.{kid}"
    v = chk.read(t, schema.CORRIDOR, key)
    countries = list(dict.fromkeys(list(powers) + list(schema.COUNTRIES)))
    chk.names(v["path"], f"{key}.path", countries, "country")
    chk.names(v["controllers"], f"{key}.controllers", countries, "country")
    chk.names(v["goods"], f"{key}.goods", RESOURCES, "resource")
    greats = [p for p, pw in powers.items() if pw.kind == GREAT]
    chk.names(v["markets"], f"{key}.markets", greats + ["world"], "market")
    places = map_places()
    if places:
        chk.names(v["waypoints"], f"{key}.waypoints", sorted(places), "place")
    if not v["markets"] and "markets" in t:
        chk.fail(f"{key}.markets", msg("scenario.err.no_market"))
    if len(v["path"]) < 2 and "path" in t:
        chk.fail(f"{key}.path", msg("scenario.err.short_path"))
    elif "path" in t and not any(p in powers and powers[p].kind == C5 for p in v["path"][:-1]):
        chk.fail(f"{key}.path", msg("scenario.err.path_start"))
    if v["status"] == "building" and v["build_years"] <= 0:
        chk.fail(f"{key}.build_years", msg("scenario.err.build_years"))
    if v["progress"] > v["build_years"] and v["status"] in ("planned", "building"):
        chk.fail(f"{key}.progress", msg("scenario.err.progress", done=v["progress"], years=v["build_years"]))
    owners = chk.numbers(v["owners"], f"{key}.owners", 0, 1, list(powers))
    if sum(owners.values()) > 1 + 1e-9:
        chk.fail(f"{key}.owners", msg("scenario.err.stakes"))
    crossed = [c for c in v["path"] if c in powers and powers[c].kind == C5]
    fees = chk.numbers(v["transit"], f"{key}.transit", 0, 10, crossed)
    chk.names(v["consents"], f"{key}.consents", crossed, "crossed_state")
    return Corridor(kid, v["name"], v["mode"], tuple(v["path"]), tuple(v["waypoints"]), tuple(v["goods"]),
                    tuple(v["markets"]) or ("world",), v["capacity"], v["unit_cost"], v["fee"],
                    tuple(v["controllers"]), v["status"], v["build_cost"], v["build_years"], v["progress"],
                    v["upgrade_step"], owners=owners, disrupted_years=v["disrupted_years"],
                    upgrade_cost=v["upgrade_cost"], upgrade_years=v["upgrade_years"], cargo=v["cargo"],
                    transit=fees, consents=tuple(v["consents"]))


def _contract(cid: str, t: dict, powers: dict, economies: dict, corridors: dict, chk: Checker) -> Contract:
    key = f"contracts.{cid}"
    v = chk.read(t, schema.CONTRACT, key)
    if v["seller"] not in economies:
        chk.fail(f"{key}.seller", _not_a(v["seller"], "c5_state", economies))
    if v["buyer"] not in powers:
        chk.fail(f"{key}.buyer", _not_a(v["buyer"], "power", powers))
    if v["resource"] not in RESOURCES:
        chk.fail(f"{key}.resource", _not_resource(v["resource"], hint=False))
    k = corridors.get(v["corridor"]) if v["corridor"] else None
    if v["corridor"] and k is None:
        chk.fail(f"{key}.corridor", msg("scenario.err.no_corridor", id=v["corridor"], hint=_hint(v["corridor"], corridors)))
    if k is not None:
        if v["resource"] in RESOURCES and v["resource"] not in k.goods:
            chk.fail(f"{key}.corridor", msg("scenario.err.corridor_goods", id=k.id, resource=v["resource"]))
        if v["seller"] in economies and v["seller"] not in k.path[:-1]:
            chk.fail(f"{key}.corridor", msg("scenario.err.corridor_seller", id=k.id, seller=v["seller"]))
        if v["buyer"] not in k.markets and "world" not in k.markets:
            chk.fail(f"{key}.corridor", msg("scenario.err.corridor_buyer", id=k.id, buyer=v["buyer"], markets=k.markets))
    return Contract(cid, v["seller"], v["buyer"], v["resource"], v["volume"], v["price_factor"],
                    v["years_left"], v["corridor"])


def _pledge(pid: str, t: dict, powers: dict, meta: dict, chk: Checker) -> Pledge:
    key = f"pledges.{pid}"
    v = chk.read(t, schema.PLEDGE, key)
    if v["donor"] not in powers or powers[v["donor"]].kind != GREAT:
        chk.fail(f"{key}.donor", _not_a(v["donor"], "great_power"))
    if v["recipient"] not in powers or powers[v["recipient"]].kind != C5:
        chk.fail(f"{key}.recipient", _not_a(v["recipient"], "c5_state"))
    if "due_year" in t and not meta["start_year"] <= v["due_year"] <= meta["end_year"]:
        chk.fail(f"{key}.due_year", msg("scenario.err.outside_years", year=str(v["due_year"]),
                                        start=str(meta["start_year"]), end=str(meta["end_year"])))
    return Pledge(pid, v["donor"], v["recipient"], v["kind"], v["amount"], v["due_year"])


def _policy(pid: str, t: dict, powers: dict, corridors: dict, meta: dict, chk: Checker) -> Policy:
    key = f"policies.{pid}"
    v = chk.read(t, schema.POLICY, key)
    card = CARDS.get(v["card"])
    if card is None:
        chk.fail(f"{key}.card", _not_card(v["card"]))
    if v["actor"] not in powers:
        chk.fail(f"{key}.actor", _not_a(v["actor"], "power", powers))
    needs = card.needs if card else ()
    if "target" in needs and v["target"] not in powers:
        chk.fail(f"{key}.target", msg("scenario.err.needs_target", id=v["target"], card=v["card"]))
    if ("resource" in needs or v["resource"]) and v["resource"] not in RESOURCES:
        chk.fail(f"{key}.resource", _not_resource(v["resource"], hint=False))
    if ("corridor" in needs or v["corridor"]) and v["corridor"] not in corridors:
        chk.fail(f"{key}.corridor", msg("scenario.err.no_corridor", id=v["corridor"], hint=""))
    started = v["started"] or meta["start_year"]
    return Policy(pid, v["card"], v["actor"], v["target"], v["resource"], v["corridor"], started, v["years_left"])


def _forum(fid: str, t: dict, powers: dict, meta: dict, chk: Checker) -> Forum:
    key = f"forums.{fid}"
    v = chk.read(t, schema.FORUM, key)
    if v["caucus"]:
        if v["host"]:
            chk.fail(f"{key}.host", msg("scenario.err.caucus_host"))
        for m in v["members"]:
            if m in powers and powers[m].kind == GREAT:
                chk.fail(f"{key}.members", _not_a(m, "c5_state", [p for p in powers if powers[p].kind != GREAT]), item=m)
    elif v["host"] not in powers or powers[v["host"]].kind != GREAT:
        chk.fail(f"{key}.host", _not_a(v["host"], "great_power", powers))
    chk.names(v["members"], f"{key}.members", powers, "power")
    if v["against"] and v["against"] not in powers:
        chk.fail(f"{key}.against", _not_a(v["against"], "power"))
    if v["last_met"] > meta["start_year"]:
        chk.fail(f"{key}.last_met", msg("scenario.err.last_met", year=str(v["last_met"]), start=str(meta["start_year"])))
    return Forum(fid, v["name"], v["host"], tuple(v["members"]), v["level"], v["last_met"], against=v["against"],
                 market=v["market"], caucus=v["caucus"])


def _river(rid: str, t: dict, c5: list, chk: Checker) -> River:
    key = f"rivers.{rid}"
    v = chk.read(t, schema.RIVER, key)
    chk.names(v["upstream"], f"{key}.upstream", c5, "c5_state")
    farms = chk.numbers(v["farm_loss"], f"{key}.farm_loss", 0, 0.5, [c for c in c5 if c not in v["upstream"]])
    if not farms and "farm_loss" in t:
        chk.fail(f"{key}.farm_loss", msg("scenario.err.no_downstream"))
    chk.names(v["held"], f"{key}.held", v["upstream"], "upstream_state")
    return River(rid, v["name"], tuple(v["upstream"]), v["hydro"], farms, held=tuple(v["held"]))


def _rules(table: Any, chk: Checker) -> dict[str, float]:
    rules = defaults()
    if not isinstance(table, dict):
        chk.fail("rules", msg("scenario.err.rules_table"))
        return rules
    for group, values in table.items():
        if not isinstance(values, dict):
            chk.fail(f"rules.{group}", msg("scenario.err.rules_group"))
            continue
        for name, value in values.items():
            full = f"{group}.{name}"
            p = PARAMS.get(full)
            if p is None:
                chk.fail(f"rules.{full}", msg("scenario.err.not_param", hint=_hint(full, PARAMS)))
                continue
            rules[full] = chk.value(value, Spec("float", low=p.low, high=p.high), f"rules.{full}")
    return rules


def _personalities(table: Any, world: World, chk: Checker) -> dict:
    """The AI settings per seat, passed through; each key must name a power (see docs/ai.md)."""
    if not isinstance(table, dict):
        chk.fail("personalities", msg("scenario.err.personalities_table"))
        return {}
    out = {}
    for pid, settings in table.items():
        if pid not in world.powers:
            chk.fail(f"personalities.{pid}", msg("scenario.err.not_scenario_power", id=pid, hint=_hint(pid, world.powers)))
        elif not isinstance(settings, dict):
            chk.fail(f"personalities.{pid}", msg("scenario.err.personality_table"))
        else:
            out[pid] = dict(settings)
    return out


# --- events ---------------------------------------------------------------------------

def _event(eid: str, t: dict, meta: dict, chk: Checker) -> EventDef:
    key = f"events.{eid}"
    v = chk.read(t, schema.EVENT, key)
    if v["year"] and not meta["start_year"] <= v["year"] <= meta["end_year"] and _own_year(chk.merged, key):
        chk.fail(f"{key}.year", msg("scenario.err.event_year", year=str(v["year"]), start=str(meta["start_year"]),
                                    end=str(meta["end_year"]), event=key))
    if not (v["year"] or v["when"] or v["weight"] > 0):
        chk.fail(key, msg("scenario.err.never_fires"))
    if v["after"] == eid:
        chk.fail(f"{key}.after", msg("scenario.err.waits_for_itself"))
    when = tuple(c for c in (_condition(s, f"{key}.when", chk) for s in v["when"]) if c)
    effects = tuple(e for e in (_effect(s, f"{key}.effects", chk) for s in v["effects"]) if e)
    return EventDef(eid, v["title"], v["note"], v["source"], v["year"], when, v["after"], v["weight"], effects, v["once"])


def _crisis(cid: str, t: dict, chk: Checker) -> CrisisDef:
    """A crisis card of the deck: a text key, one threshold (tension track or stability) and effects."""
    key = f"crises.{cid}"
    v = chk.read(t, schema.CRISIS, key)
    if (v["tension"] > 0) == (v["stability"] > 0):
        chk.fail(key, msg("scenario.err.crisis_threshold"))
    if v["text"] and f"crisis.{v['text']}.title" not in catalogue("en"):
        chk.fail(f"{key}.text", msg("scenario.err.crisis_text", text=v["text"]))
    effects = tuple(e for e in (_effect(s, f"{key}.effects", chk) for s in v["effects"]) if e)
    return CrisisDef(cid, v["text"], v["source"], v["tension"], v["stability"], v["weight"], effects, v["once"])


def _check_crises(world: World, chk: Checker) -> None:
    """A crisis card's effects must work in the starting World and its id must not be an event's."""
    events = {ev.id for ev in world.events}
    for card in world.crises:
        key = f"crises.{card.id}"
        if card.id in events:
            chk.fail(key, msg("scenario.err.crisis_id", id=card.id))
        for eff in card.effects:
            problem = _effect_problem(world, eff)
            if problem:
                chk.fail(f"{key}.effects", _quoted(" ".join(eff), problem), item=" ".join(eff))


def _own_year(merged: Merged, key: str) -> bool:
    """Whether an event's year was written with the scenario's years (an inherited event
    that falls outside years changed by a later file is simply never played)."""
    src = merged.source(f"{key}.year")
    return src is merged.top or (src is merged.source("scenario.start_year") and src is merged.source("scenario.end_year"))


def _scalar(text: str) -> Any:
    try:
        return float(text)
    except ValueError:
        return text


def _number(text: str) -> bool:
    try:
        return float(text) == float(text) and abs(float(text)) != float("inf")
    except ValueError:
        return False


def _condition(text: str, key: str, chk: Checker) -> tuple | None:
    parts = text.split()
    if len(parts) != 3 or parts[1] not in event_rules.OPS:
        chk.fail(key, msg("scenario.err.not_condition", text=text, ops=" ".join(event_rules.OPS)), item=text)
        return None
    return parts[0], parts[1], _scalar(parts[2])


def _effect(text: str, key: str, chk: Checker) -> tuple | None:
    parts = text.split()
    if not parts or parts[0] not in event_rules.EFFECT_ARGS:
        verb = parts[0] if parts else ""
        chk.fail(key, msg("scenario.err.not_effect", text=text, effects=tuple(event_rules.EFFECT_ARGS),
                          hint=_hint(verb, event_rules.EFFECT_ARGS)), item=text)
        return None
    n = event_rules.EFFECT_ARGS[parts[0]]
    if len(parts) - 1 != n:
        chk.fail(key, msg("scenario.err.effect_args", text=text, verb=parts[0], n=n, form=EFFECT_FORMS[parts[0]]), item=text)
        return None
    return tuple(parts)


EFFECT_FORMS = {
    "set": "set PATH VALUE", "add": "add PATH NUMBER", "scale": "scale PATH FACTOR", "open": "open CORRIDOR",
    "close": "close CORRIDOR YEARS", "damage": "damage CORRIDOR FRACTION", "found": "found FORUM",
    "join": "join FORUM POWER", "leave": "leave FORUM POWER", "influence": "influence STATE|* HOLDER AMOUNT",
    "trust": "trust STATE|* POWER AMOUNT", "policy": "policy CARD ACTOR TARGET RESOURCE",
}


def _check_events(world: World, chk: Checker) -> None:
    """Every id and path an event names must exist in the starting World."""
    ids = [ev.id for ev in world.events]
    by_id = {ev.id: ev for ev in world.events}
    for ev in world.events:
        key = f"events.{ev.id}"
        for cond in ev.when:
            _check_condition(world, cond, ids, f"{key}.when", chk)
        for eff in ev.effects:
            problem = _effect_problem(world, eff)
            if problem:
                chk.fail(f"{key}.effects", _quoted(" ".join(eff), problem), item=" ".join(eff))
        if ev.after and ev.after != ev.id and ev.after not in ids:
            chk.fail(f"{key}.after", msg("scenario.err.no_event", id=ev.after, hint=_hint(ev.after, ids)))
        first = by_id.get(ev.after)
        if first and ev.year and not ev.when and ev.weight <= 0 and first.year > ev.year and not first.when:
            chk.fail(f"{key}.after", msg("scenario.err.after_later", id=ev.after, fires=str(first.year), year=str(ev.year)))
    _check_after_cycles(world, chk)


def _check_after_cycles(world: World, chk: Checker) -> None:
    """Events waiting for each other in a circle would never fire."""
    after = {ev.id: ev.after for ev in world.events if ev.after}
    done: set[str] = set()  # every event is walked once: linear in the number of events
    for start in after:
        path, on_path, cur = [], set(), start
        while cur in after and cur not in done and cur not in on_path:
            path.append(cur)
            on_path.add(cur)
            cur = after[cur]
        if cur in on_path:
            loop = path[path.index(cur):]
            if len(loop) > 1:
                first = min(loop)
                loop = loop[loop.index(first):] + loop[:loop.index(first)]
                chk.fail(f"events.{first}.after", msg("scenario.err.after_circle", loop=" -> ".join(loop + [first])))
        done.update(path)


def _lookup(world: World, path: str) -> tuple[bool, Any]:
    """(found, value) of a dotted path in the World."""
    try:
        return True, event_rules.get_path(world, path)
    except (KeyError, AttributeError, TypeError, IndexError):
        return False, None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_condition(world: World, cond: tuple, ids: list[str], key: str, chk: Checker) -> None:
    path, op, value = cond
    text = f"{path} {op} {value if not isinstance(value, float) else repr(value)}"
    found, current = _lookup(world, path)
    item = f"{path} {op}"
    if not found:
        chk.fail(key, msg("scenario.err.no_path_docs", path=path), item=item)
        return
    if op in NUMERIC_OPS and not _is_number(current):
        chk.fail(key, _quoted(text, msg("scenario.err.compares_numbers", op=op, path=path, value=_describe(current))), item=item)
    elif op in NUMERIC_OPS and not isinstance(value, float):
        chk.fail(key, _quoted(text, msg("scenario.err.not_number", value=str(value))), item=item)
    elif op in LIST_OPS and not isinstance(current, (tuple, list, dict)):
        chk.fail(key, _quoted(text, msg("scenario.err.checks_list", op=op, path=path)), item=item)
    elif op in LIST_OPS and path == "fired" and value not in ids:
        chk.fail(key, _quoted(text, msg("scenario.err.no_event", id=value, hint=_hint(value, ids))), item=item)
    elif op in ("==", "!=") and _is_number(current) != isinstance(value, float):
        chk.fail(key, _quoted(text, msg("scenario.err.compare_with_number" if _is_number(current) else "scenario.err.compare_with_word",
                                        path=path, value=_describe(current))), item=item)


MAX_FACTOR = 1000.0  # the largest scale factor an event may use


def _field_problem(world: World, verb: str, path: str, text: str) -> Msg | str:
    """Why `verb PATH VALUE` cannot work: an unknown or unchangeable field, a value out of range ("" when fine)."""
    if not _lookup(world, path)[0]:
        return msg("scenario.err.no_path", path=path)
    choices = invariants.choices_for(path)
    if choices:
        if verb != "set":
            return msg("scenario.err.word_field", path=path, choices=tuple(choices))
        return "" if text in choices else msg("scenario.err.not_choice", value=text, choices=tuple(choices), hint="")
    f = invariants.field_for(path)
    if f is None or not f.event:
        return msg("scenario.err.not_event_field", path=path)
    if not _number(text):
        return msg("scenario.err.not_finite", value=text)
    value, (low, high) = float(text), invariants.limits(f, world)
    if verb == "set" and not low <= value <= high:
        return msg("scenario.err.set_range", value=value, path=path, low=low, high=high, unit=f.unit)
    if verb == "set" and f.whole and value != int(value):
        return msg("scenario.err.whole", path=path, value=value)
    if verb == "add" and abs(value) > high - low:
        return msg("scenario.err.add_range", value=value, path=path, low=low, high=high, unit=f.unit)
    if verb == "scale" and abs(value) > MAX_FACTOR:
        return msg("scenario.err.factor", value=value, most=MAX_FACTOR)
    return ""


def _effect_problem(world: World, eff: tuple) -> Msg | str:
    """Why an effect cannot work in this world ("" when it can)."""
    verb, *args = eff
    if verb in ("set", "add", "scale"):
        return _field_problem(world, verb, args[0], args[1])
    if verb in ("open", "close", "damage"):
        if args[0] not in world.corridors:
            return msg("scenario.err.no_corridor", id=args[0], hint=_hint(args[0], world.corridors))
        if verb == "close" and not (args[1].isdigit() and 0 <= int(args[1]) <= 30):
            return msg("scenario.err.not_years", value=args[1])
        if verb == "damage" and not (_number(args[1]) and 0 <= float(args[1]) <= 1):
            return msg("scenario.err.not_fraction", value=args[1])
        return ""
    if verb in ("found", "join", "leave"):
        if args[0] not in world.forums:
            return msg("scenario.err.no_forum", id=args[0], hint=_hint(args[0], world.forums))
        if verb != "found" and args[1] not in world.powers:
            return _not_a(args[1], "power", world.powers)
        return ""
    if verb in ("influence", "trust"):
        states = list(world.economies)
        if args[0] != "*" and args[0] not in states:
            return msg("scenario.err.not_state_or_all", id=args[0], hint=_hint(args[0], states))
        who = [p for p in world.powers if world.powers[p].kind == GREAT] + ([OTHERS] if verb == "influence" else [])
        if args[1] not in who:
            return msg("scenario.err.not_choice", value=args[1], choices=tuple(who), hint=_hint(args[1], who))
        return "" if _number(args[2]) and abs(float(args[2])) <= 1 else msg("scenario.err.not_amount", value=args[2])
    if verb == "policy":
        card, actor, target, resource = args
        if card not in CARDS:
            return _not_card(card, hint=False)
        for who in (actor, target):
            if who not in world.powers:
                return _not_a(who, "power", world.powers)
        if resource not in RESOURCES:
            return _not_resource(resource, hint=False)
    return ""


# --- plausibility: warnings, never blocking ---------------------------------------------------

SHIPPED = ("1992", "2015", "2025")
FAR = 10.0  # a value more than this factor outside every shipped scenario's range is suspicious
ENTITY_TABLES = ("powers", "economies", "corridors", "contracts", "pledges", "policies", "forums", "events",
                 "influence", "trust", "personalities")
NAMED_CHILDREN = ("sources", "debt", "owners", "tension", "risks")


def generic_key(key: str) -> str:
    """A dotted key with its ids replaced by * (`economies.kazakhstan.stability` -> `economies.*.stability`)."""
    parts = key.split(".")
    out = []
    for i, part in enumerate(parts):
        ided = (i == 1 and parts[0] in ENTITY_TABLES) or (i == 2 and parts[0] in ("influence", "trust")) \
            or (i > 0 and parts[i - 1] in NAMED_CHILDREN) or (i > 1 and parts[i - 2] == "sources")
        out.append("*" if ided else part)
    return ".".join(out)


def _numbers(value: Any, key: str = "") -> list[tuple[str, float]]:
    """Every number in plain scenario data with its dotted key."""
    if isinstance(value, dict):
        return [pair for k, v in value.items() for pair in _numbers(v, f"{key}.{k}" if key else str(k))]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [(key, float(value))]
    return []


@functools.cache
def shipped_ranges() -> dict[str, tuple[float, float]]:
    """For every generic key, the lowest and highest value any shipped scenario gives it."""
    out: dict[str, tuple[float, float]] = {}
    for sid in SHIPPED:
        try:
            raw = resolve(sid).raw
        except ScenarioErrors:
            continue
        for key, v in _numbers(raw):
            g = generic_key(key)
            lo, hi = out.get(g, (v, v))
            out[g] = (min(lo, v), max(hi, v))
    return out


def plausibility(merged: Merged, world: World, chk: Checker, taken_keys: set[str] = frozenset()) -> None:
    """Warnings for a scenario that loads: far-off values, corridors between strangers, negative scale
    factors, dropped events others wait for, base figures a later start keeps (`taken_keys`: those it took
    from the yearly series), an id another file already uses."""
    _far_values(merged, chk)
    for k in world.corridors.values():
        for a, b in zip(k.path, k.path[1:]):
            if not schema.neighbours(a, b):
                chk.warn(f"corridors.{k.id}.path", msg("scenario.warn.no_border", a=a, b=b), item=b)
    for ev in world.events:
        for eff in ev.effects:
            if eff[0] == "scale" and _number(eff[2]) and float(eff[2]) < 0:
                chk.warn(f"events.{ev.id}.effects", _quoted(" ".join(eff), msg("scenario.warn.negative_factor", path=eff[1])),
                         item=" ".join(eff))
    for pol in world.policies.values():
        _card_holder(world, pol.card, pol.actor, pol.target, f"policies.{pol.id}.actor", chk)
    for ev in world.events:
        for eff in ev.effects:
            if eff[0] == "policy":
                _card_holder(world, eff[1], eff[2], eff[3], f"events.{ev.id}.effects", chk, " ".join(eff))
    _dropped_events(merged, world, chk)
    _waits_on_optional(merged, world, chk)
    _later_start(merged, world, chk, taken_keys)
    clash = id_clash(world.scenario_id, merged.top.path)
    if clash:
        chk.warn("scenario.id", clash)


def _card_holder(world: World, card: str, actor: str, target: str, key: str, chk: Checker, item: Any = None) -> None:
    """A policy whose actor does not hold its card (often actor and target swapped)."""
    holder = world.powers.get(actor)
    if holder is None or card in holder.cards:
        return
    owners = [p for p, pw in world.powers.items() if card in pw.cards]
    swapped = target in owners
    holders = tuple(owners) if owners else msg("scenario.warn.nobody")
    chk.warn(key, msg("scenario.warn.card_swapped" if swapped else "scenario.warn.card_holder", actor=actor, card=card,
                      holders=holders), item=item)


def _far_values(merged: Merged, chk: Checker) -> None:
    """Numbers far outside what every shipped scenario uses for the same key (a unit slip: 0.75 for 75)."""
    ranges = shipped_ranges()
    for key, v in _numbers(merged.raw):
        if key.startswith(("rules.", "personalities.")) or key in ("format_version",):
            continue
        known = ranges.get(generic_key(key))
        if known is None:
            continue
        lo, hi = known
        if hi <= 0:
            continue
        low_bar = lo / FAR if lo > 0 else None
        if v > hi * FAR or (low_bar is not None and 0 <= v < low_bar):
            chk.warn(key, msg("scenario.warn.far_value", value=v, field=generic_key(key), low=lo, high=hi))


def _dropped_events(merged: Merged, world: World, chk: Checker) -> None:
    """Inherited events that fall outside the years (and so never fire) while another event waits for them."""
    dropped = {ev.id: ev.year for ev in world.events
               if ev.year and not world.start_year <= ev.year <= world.end_year and not ev.when}
    years = "scenario.start_year" if any(y < world.start_year for y in dropped.values()) else "scenario.end_year"
    for ev in world.events:
        waits = [ev.after] if ev.after else []
        waits += [c[2] for c in ev.when if c[0] == "fired" and c[1] == "has"]
        for gone in waits:
            if gone in dropped and ev.id not in dropped:
                chk.warn(years, msg("scenario.warn.dropped_event", start=str(world.start_year), end=str(world.end_year),
                                    gone=gone, year=str(dropped[gone]), id=ev.id))


def _waits_on_optional(merged: Merged, world: World, chk: Checker) -> None:
    """An event that waits for an optional one (`optional = true`) and is not optional itself: in a game that does not
    switch the optional event on (every game but those whose script names it), it never fires."""
    events = merged.raw.get("events")
    optional = {k for k, t in events.items() if isinstance(t, dict) and t.get("optional") is True} \
        if isinstance(events, dict) else set()
    for ev in world.events:
        if ev.id in optional:
            continue
        waits = [("after", ev.after)] if ev.after else []
        waits += [("when", c[2]) for c in ev.when if c[0] == "fired" and c[1] == "has"]
        for field, gone in waits:
            if gone in optional:
                chk.warn(f"events.{ev.id}.{field}", msg("scenario.warn.waits_on_optional", id=ev.id, gone=gone))


YEARLY_FIGURES = ("world.prices.", "economies.*.gdp", "economies.*.stability", "powers.*.treasury")  # a start year's own
SHOWN_FIGURES = 6  # carried figures named in the warning; the rest are counted


def start_of(src: Source) -> int | None:
    """The start year one file sets (None when it sets none)."""
    table = src.raw.get("scenario")
    year = table.get("start_year") if isinstance(table, dict) else None
    return year if isinstance(year, int) and not isinstance(year, bool) else None


def carried_figures(merged: Merged) -> list[str]:
    """The yearly figures (prices, GDP, stability, treasury) a file takes unchanged from the files it extends."""
    return [key for key, _ in _numbers(merged.raw)
            if any(generic_key(key).startswith(f) for f in YEARLY_FIGURES) and merged.source(key) is not merged.top]


def figure_years(merged: Merged) -> dict[str, int]:
    """Each carried yearly figure with the year it is of: the start year of the file that set it (or of the
    nearest file it extends that sets one)."""
    chain = merged.chain
    out = {}
    for key in carried_figures(merged):
        src = merged.source(key)
        at = next((i for i, s in enumerate(chain) if s is src), len(chain) - 1)
        year = next((y for s in reversed(chain[:at + 1]) if (y := start_of(s)) is not None), None)
        if year is not None:
            out[key] = year
    return out


def _start(raw: dict) -> int | None:
    """The merged start year, when it is a whole number."""
    meta = raw.get("scenario")
    year = meta.get("start_year") if isinstance(meta, dict) else None
    return year if isinstance(year, int) and not isinstance(year, bool) else None


def from_series(raw: dict, merged: Merged, chk: Checker) -> list[Taken]:
    """The figures of an earlier year a scenario carries from the files it extends that it takes from the yearly
    series instead ([] when it starts no later than they do)."""
    start = _start(raw)
    years = {k: y for k, y in figure_years(merged).items() if start is not None and y < start}
    if not years:
        return []
    try:
        series = shipped_series()
    except ScenarioErrors as e:
        chk.errors.extend(e.errors)
        return []
    return taken(raw, years, start, series)


def _later_start(merged: Merged, world: World, chk: Checker, taken_keys: set[str] = frozenset()) -> None:
    """A scenario that starts later than its base but keeps base start-year figures no yearly series gives."""
    stale = {k: y for k, y in figure_years(merged).items() if y < world.start_year and k not in taken_keys}
    if stale:
        carried = list(stale)
        more = max(0, len(carried) - SHOWN_FIGURES)
        chk.warn("scenario.start_year", msg("scenario.warn.later_start_more" if more else "scenario.warn.later_start",
                                            start=world.start_year, base=min(stale.values()), n=len(carried),
                                            figures=tuple(carried[:SHOWN_FIGURES]), more=more))


def id_clash(scenario_id: str, path: str) -> Msg | str:
    """A message when loading `scenario_id` by id finds another file than `path` ("" when it finds this one)."""
    from game.scenario.index import twin
    other = twin(scenario_id, path)
    if other is None:
        return ""
    return msg("scenario.warn.id_clash", id=scenario_id, other=str(other))
