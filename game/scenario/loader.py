"""TOML scenario -> validated World. Every problem becomes `file:line: key: sentence`.

`load(name_or_path)` returns a `Scenario`; `ScenarioErrors` lists every problem found.
No code in a scenario is ever evaluated.
"""
from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path
from typing import Any

from attrs import frozen

from game.errors import ScenarioError, ScenarioErrors
from game.model import (
    C5, GREAT, OTHERS, RESOURCES, Contract, Corridor, Economy, EventDef, Forum, Power, World,
)
from game.rules import events as event_rules
from game.rules.agenda import TERMS
from game.rules.params import PARAMS, defaults
from game.rules.play import CARDS
from game.scenario import schema
from game.scenario.schema import FORMAT_VERSION, REQUIRED, Spec

ROOT = Path(__file__).resolve().parents[2]
SCENARIO_DIR = ROOT / "scenarios"
MAX_BYTES = 1_000_000
TOP_LEVEL = ("format_version", "scenario", "world", "rules", "powers", "economies", "influence", "trust",
             "corridors", "contracts", "forums", "events", "extends", "remove", "personalities")


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


def find(name: str) -> Path:
    """A shipped scenario id (`2015`) or a path to a TOML file."""
    p = Path(name)
    if p.suffix == ".toml" or p.exists():
        return p
    return SCENARIO_DIR / f"{name}.toml"


def read_text(path: Path) -> str:
    """The file's text; a ScenarioError in one sentence when it is missing, huge, binary or not UTF-8."""
    where = str(path)
    if not path.is_file():
        raise ScenarioErrors([ScenarioError(where, None, "", "no such scenario file.")])
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise ScenarioErrors([ScenarioError(where, None, "", f"the file is {len(data):,} bytes; a scenario may be at most {MAX_BYTES:,}.")])
    if b"\x00" in data:
        raise ScenarioErrors([ScenarioError(where, None, "", "this is a binary file, not a TOML scenario.")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise ScenarioErrors([ScenarioError(where, line, "", "the file is not UTF-8 text; save it as UTF-8.")]) from None


def parse_toml(text: str, where: str) -> dict:
    """Parse TOML; a syntax error names its line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        msg = re.sub(r"\s*\(at line.*\)", "", str(e)).rstrip(".")
        line = int(m.group(1)) if m else None
        raise ScenarioErrors([ScenarioError(where, line, "", f"TOML syntax error: {msg}.")]) from None


class Locator:
    """Finds the line of a dotted key in a TOML text (tables, dotted and quoted keys)."""

    HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
    KEY = re.compile(r'^\s*((?:"[^"]*"|\'[^\']*\'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:"[^"]*"|\'[^\']*\'|[A-Za-z0-9_\-]+))*)\s*=')

    def __init__(self, text: str):
        self.lines: dict[str, int] = {}
        table = ""
        for n, line in enumerate(text.splitlines(), 1):
            if m := self.HEADER.match(line):
                table = self._norm(m.group(1))
                self.lines.setdefault(table, n)
            elif m := self.KEY.match(line):
                key = self._norm(m.group(1))
                self.lines.setdefault(f"{table}.{key}" if table else key, n)

    @staticmethod
    def _norm(key: str) -> str:
        parts = re.findall(r'"[^"]*"|\'[^\']*\'|[^.\s]+', key)
        return ".".join(p.strip("\"'") for p in parts)

    def line(self, path: str) -> int | None:
        """The line of `path`, or of its nearest enclosing key or table."""
        parts = path.split(".")
        while parts:
            n = self.lines.get(".".join(parts))
            if n:
                return n
            parts.pop()
        return None


class Checker:
    """Collects problems while a scenario is read."""

    def __init__(self, where: str, locator: Locator):
        self.where, self.locator, self.errors = where, locator, []

    def fail(self, key: str, message: str) -> None:
        """Record one problem at `key`."""
        self.errors.append(ScenarioError(self.where, self.locator.line(key), key, message))

    def unknown(self, table: dict, allowed, key: str) -> None:
        """Report keys not in `allowed`, with a suggestion."""
        for name in table:
            if name not in allowed:
                near = difflib.get_close_matches(name, list(allowed), n=1)
                hint = f" Did you mean '{near[0]}'?" if near else ""
                self.fail(f"{key}.{name}" if key else name, f"'{name}' is not a known key here.{hint}")

    def read(self, table: Any, specs: dict[str, Spec], key: str) -> dict:
        """Typed values of a table, defaults filled in; problems recorded."""
        if not isinstance(table, dict):
            self.fail(key, "should be a table.")
            return {}
        self.unknown(table, specs, key)
        out = {}
        for name, spec in specs.items():
            if name not in table:
                if spec.default is REQUIRED:
                    self.fail(f"{key}.{name}", f"is missing: {spec.meaning}.")
                out[name] = spec.default if spec.default is not REQUIRED else _empty(spec)
                continue
            out[name] = self.value(table[name], spec, f"{key}.{name}")
        return out

    def value(self, value: Any, spec: Spec, key: str) -> Any:
        """One typed value; problems recorded and a safe default returned."""
        kind = spec.kind
        ok = {"str": isinstance(value, str), "choice": isinstance(value, str), "bool": isinstance(value, bool),
              "list": isinstance(value, list), "table": isinstance(value, dict),
              "int": isinstance(value, int) and not isinstance(value, bool),
              "float": isinstance(value, (int, float)) and not isinstance(value, bool)}[kind]
        if not ok:
            self.fail(key, f"should be {_article(kind)}, not {_describe(value)}.")
            return _empty(spec)
        if kind == "choice" and value not in spec.choices:
            self.fail(key, f"'{value}' is not one of {', '.join(spec.choices)}.")
            return spec.choices[0]
        if kind in ("int", "float"):
            if (spec.low is not None and value < spec.low) or (spec.high is not None and value > spec.high):
                self.fail(key, f"{value} is out of range; it must be between {spec.low:g} and {spec.high:g}.")
            return float(value) if kind == "float" else value
        return value

    def numbers(self, table: Any, key: str, low: float = 0.0, high: float = 1e6, allowed=None) -> dict[str, float]:
        """A table of names to numbers within a range."""
        if not isinstance(table, dict):
            self.fail(key, "should be a table of numbers.")
            return {}
        out = {}
        for name, v in table.items():
            if allowed is not None and name not in allowed:
                near = difflib.get_close_matches(name, list(allowed), n=1)
                self.fail(f"{key}.{name}", f"'{name}' is not known here." + (f" Did you mean '{near[0]}'?" if near else ""))
                continue
            out[name] = self.value(v, Spec("float", low=low, high=high), f"{key}.{name}")
        return out


def _empty(spec: Spec) -> Any:
    return {"str": "", "choice": "", "bool": False, "list": [], "table": {}, "int": 0, "float": 0.0}[spec.kind]


def _article(kind: str) -> str:
    return {"str": "text", "choice": "text", "bool": "true or false", "list": "a list [...]",
            "table": "a table", "int": "a whole number", "float": "a number"}[kind]


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {str: "text", int: "a whole number", float: "a number", list: "a list", dict: "a table"}.get(type(value), "something else")


def load(name: str) -> Scenario:
    """Load and validate a scenario by id or path; ScenarioErrors lists every problem."""
    path = find(name)
    text = read_text(path)
    raw = parse_toml(text, str(path))
    return build(raw, str(path), Locator(text))


def build(raw: dict, where: str, locator: Locator) -> Scenario:
    """Turn parsed scenario data into a Scenario, collecting every problem."""
    chk = Checker(where, locator)
    chk.unknown(raw, TOP_LEVEL, "")
    if raw.get("format_version") != FORMAT_VERSION:
        chk.fail("format_version", f"must be {FORMAT_VERSION}; this file says {raw.get('format_version')!r}.")
    meta = chk.read(raw.get("scenario", {}), schema.SCENARIO, "scenario")
    world = _world(raw, meta, chk)
    if chk.errors:
        raise ScenarioErrors(chk.errors)
    return Scenario(meta["id"], meta["title"], meta["description"], meta["teaching_notes"], where, world,
                    dict(raw.get("personalities", {})), raw)


def _world(raw: dict, meta: dict, chk: Checker) -> World | None:
    powers = {pid: _power(pid, t, chk) for pid, t in _tables(raw, "powers", chk).items()}
    c5 = [p for p, pw in powers.items() if pw and pw.kind == C5]
    greats = [p for p, pw in powers.items() if pw and pw.kind == GREAT]
    economies = {c: _economy(c, t, chk) for c, t in _tables(raw, "economies", chk).items()}
    for c in c5:
        if c not in economies:
            chk.fail(f"powers.{c}", f"'{c}' is a Central Asian state but has no [economies.{c}] table.")
    for c in economies:
        if c not in c5:
            chk.fail(f"economies.{c}", f"'{c}' is not a Central Asian state among [powers].")
    order = [str(p) for p in meta.get("order", [])]
    if sorted(order) != sorted(powers):
        chk.fail("scenario.order", f"must list every power once: {', '.join(powers)}.")
    if meta.get("end_year", 0) < meta.get("start_year", 0):
        chk.fail("scenario.end_year", "comes before start_year.")
    w = chk.read(raw.get("world", {}), schema.WORLD, "world")
    prices = chk.numbers(w["prices"], "world.prices", 0, 100, RESOURCES)
    for r in RESOURCES:
        if r not in prices:
            chk.fail("world.prices", f"needs a price for {r}.")
    tension = chk.numbers(w["tension"], "world.tension", 0, 1)
    for key in tension:
        pair = key.split("|")
        if len(pair) != 2 or any(p not in greats for p in pair):
            chk.fail(f"world.tension.{key}", "must name two great powers like \"china|japan\".")
    tension = {"|".join(sorted(k.split("|"))): v for k, v in tension.items()}
    holders = greats + [OTHERS]
    influence = {c: chk.numbers(_tables(raw, "influence", chk).get(c, {}), f"influence.{c}", 0, 100, holders) for c in c5}
    trust = {c: chk.numbers(_tables(raw, "trust", chk).get(c, {}), f"trust.{c}", 0, 1, greats) for c in c5}
    for c in c5:
        influence[c] = {h: influence[c].get(h, 0.0) for h in holders}
        trust[c] = {g: trust[c].get(g, 0.5) for g in greats}
        if sum(influence[c].values()) <= 0:
            chk.fail(f"influence.{c}", "needs some influence for at least one holder.")
    corridors = {k: _corridor(k, t, powers, chk) for k, t in _tables(raw, "corridors", chk).items()}
    contracts = {k: _contract(k, t, powers, economies, corridors, chk) for k, t in _tables(raw, "contracts", chk).items()}
    forums = {k: _forum(k, t, powers, chk) for k, t in _tables(raw, "forums", chk).items()}
    rules = _rules(raw.get("rules", {}), chk)
    evs = tuple(e for e in (_event(k, t, chk) for k, t in _tables(raw, "events", chk).items()) if e)
    if chk.errors:
        return None
    world = World(
        scenario_id=meta["id"], title=meta["title"], seed=0, year=meta["start_year"],
        start_year=meta["start_year"], end_year=meta["end_year"], phase="events", turn=-1, order=tuple(order),
        powers=powers, economies=economies, influence=influence, trust=trust, tension=tension,
        corridors=corridors, contracts=contracts, pledges={}, forums=forums, offers={}, policies={},
        prices=prices, risks=chk.numbers(w["risks"], "world.risks", 0, 1), rules=rules, events=evs,
    )
    _check_event_paths(world, chk)
    return world


def _tables(raw: dict, name: str, chk: Checker) -> dict:
    value = raw.get(name, {})
    if not isinstance(value, dict):
        chk.fail(name, "should be a set of tables keyed by id.")
        return {}
    return value


def _power(pid: str, t: dict, chk: Checker) -> Power | None:
    v = chk.read(t, schema.POWER, f"powers.{pid}")
    agenda = chk.numbers(v["agenda"], f"powers.{pid}.agenda", 0, 100, TERMS)
    demand = chk.numbers(v["demand"], f"powers.{pid}.demand", 0, 1e6, RESOURCES)
    sources = {r: chk.numbers(s, f"powers.{pid}.sources.{r}", 0, 1) for r, s in v["sources"].items()}
    for r in sources:
        if r not in RESOURCES:
            chk.fail(f"powers.{pid}.sources.{r}", f"'{r}' is not a resource.")
    for card in v["cards"]:
        if card not in CARDS:
            chk.fail(f"powers.{pid}.cards", f"'{card}' is not a policy card; cards are {', '.join(CARDS)}.")
    return Power(pid, v["name"], v["kind"], v["treasury"], v["income"], v["action_points"], agenda,
                 v["credibility"], demand, sources, cards=tuple(v["cards"]), color=v["color"])


def _economy(c: str, t: dict, chk: Checker) -> Economy:
    v = chk.read(t, schema.ECONOMY, f"economies.{c}")
    prod = chk.numbers(v["production"], f"economies.{c}.production", 0, 1e6, RESOURCES)
    reserves = chk.numbers(v["reserves"], f"economies.{c}.reserves", 0, 1e9, RESOURCES)
    debt = chk.numbers(v["debt"], f"economies.{c}.debt", 0, 1e5)
    return Economy(v["gdp"], v["gdp"], v["stability"], prod, reserves, v["refining"], debt, v["tolerance"],
                   never_against=tuple(v["never_against"]))


def _corridor(kid: str, t: dict, powers: dict, chk: Checker) -> Corridor:
    key = f"corridors.{kid}"
    v = chk.read(t, schema.CORRIDOR, key)
    for r in v["goods"]:
        if r not in RESOURCES:
            chk.fail(f"{key}.goods", f"'{r}' is not a resource; resources are {', '.join(RESOURCES)}.")
    for m in v["markets"]:
        if m != "world" and (m not in powers or powers[m] is None or powers[m].kind != GREAT):
            chk.fail(f"{key}.markets", f"'{m}' is not a great power or 'world'.")
    if not v["markets"]:
        chk.fail(f"{key}.markets", "needs at least one market.")
    if len(v["path"]) < 2:
        chk.fail(f"{key}.path", "needs at least two countries.")
    return Corridor(kid, v["name"], v["mode"], tuple(v["path"]), tuple(v["waypoints"]), tuple(v["goods"]),
                    tuple(v["markets"]) or ("world",), v["capacity"], v["unit_cost"], v["fee"],
                    tuple(v["controllers"]), v["status"], v["build_cost"], v["build_years"], v["progress"],
                    v["upgrade_step"])


def _contract(cid: str, t: dict, powers: dict, economies: dict, corridors: dict, chk: Checker) -> Contract:
    key = f"contracts.{cid}"
    v = chk.read(t, schema.CONTRACT, key)
    if v["seller"] not in economies:
        chk.fail(f"{key}.seller", f"'{v['seller']}' is not a Central Asian state.")
    if v["buyer"] not in powers:
        chk.fail(f"{key}.buyer", f"'{v['buyer']}' is not a power.")
    if v["resource"] not in RESOURCES:
        chk.fail(f"{key}.resource", f"'{v['resource']}' is not a resource.")
    if v["corridor"] and v["corridor"] not in corridors:
        chk.fail(f"{key}.corridor", f"there is no corridor '{v['corridor']}'.")
    return Contract(cid, v["seller"], v["buyer"], v["resource"], v["volume"], v["price_factor"],
                    v["years_left"], v["corridor"])


def _forum(fid: str, t: dict, powers: dict, chk: Checker) -> Forum:
    key = f"forums.{fid}"
    v = chk.read(t, schema.FORUM, key)
    for m in [v["host"], *v["members"]] + ([v["against"]] if v["against"] else []):
        if m not in powers:
            chk.fail(key, f"'{m}' is not a power.")
    return Forum(fid, v["name"], v["host"], tuple(v["members"]), v["level"], v["last_met"], against=v["against"])


def _rules(table: Any, chk: Checker) -> dict[str, float]:
    rules = defaults()
    if not isinstance(table, dict):
        chk.fail("rules", "should be a table like [rules.hedging].")
        return rules
    for group, values in table.items():
        if not isinstance(values, dict):
            chk.fail(f"rules.{group}", "should be a table like [rules.hedging] with parameters inside.")
            continue
        for name, value in values.items():
            full = f"{group}.{name}"
            p = PARAMS.get(full)
            if p is None:
                near = difflib.get_close_matches(full, list(PARAMS), n=1)
                chk.fail(f"rules.{full}", "is not a rule parameter." + (f" Did you mean '{near[0]}'?" if near else ""))
                continue
            rules[full] = chk.value(value, Spec("float", low=p.low, high=p.high), f"rules.{full}")
    return rules


def _event(eid: str, t: dict, chk: Checker) -> EventDef | None:
    key = f"events.{eid}"
    v = chk.read(t, schema.EVENT, key)
    when = tuple(c for c in (_condition(s, f"{key}.when", chk) for s in v["when"]) if c)
    effects = tuple(e for e in (_effect(s, f"{key}.effects", chk) for s in v["effects"]) if e)
    return EventDef(eid, v["title"], v["note"], v["source"], v["year"], when, v["after"], v["weight"], effects, v["once"])


def _scalar(text: str) -> Any:
    try:
        return float(text)
    except ValueError:
        return text


def _condition(text: Any, key: str, chk: Checker) -> tuple | None:
    parts = str(text).split()
    if len(parts) != 3 or parts[1] not in event_rules.OPS:
        chk.fail(key, f"'{text}' is not a condition; write \"path op value\" with op one of {' '.join(event_rules.OPS)}.")
        return None
    return parts[0], parts[1], _scalar(parts[2])


def _effect(text: Any, key: str, chk: Checker) -> tuple | None:
    parts = str(text).split()
    if not parts or parts[0] not in event_rules.EFFECT_ARGS:
        chk.fail(key, f"'{text}' is not an effect; effects are {', '.join(event_rules.EFFECT_ARGS)}.")
        return None
    if len(parts) - 1 != event_rules.EFFECT_ARGS[parts[0]]:
        chk.fail(key, f"'{text}': {parts[0]} takes {event_rules.EFFECT_ARGS[parts[0]]} arguments.")
        return None
    return tuple(parts)


def _check_event_paths(world: World, chk: Checker) -> None:
    """Every path an event reads or writes must exist in the starting World."""
    for ev in world.events:
        key = f"events.{ev.id}"
        for path, _, _ in ev.when:
            _check_path(world, path, f"{key}.when", chk)
        for eff in ev.effects:
            if eff[0] in ("set", "add", "scale"):
                _check_path(world, eff[1], f"{key}.effects", chk)
            elif eff[0] in ("open", "close", "damage") and eff[1] not in world.corridors:
                chk.fail(f"{key}.effects", f"there is no corridor '{eff[1]}'.")
            elif eff[0] in ("found", "join", "leave") and eff[1] not in world.forums:
                chk.fail(f"{key}.effects", f"there is no forum '{eff[1]}'.")
        if ev.after and ev.after not in {e.id for e in world.events}:
            chk.fail(f"{key}.after", f"there is no event '{ev.after}'.")


def _check_path(world: World, path: str, key: str, chk: Checker) -> None:
    try:
        event_rules.get_path(world, path)
    except (KeyError, AttributeError, TypeError):
        chk.fail(key, f"'{path}' does not name a value in the world.")
