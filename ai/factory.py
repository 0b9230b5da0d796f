"""Building agents for seats: personality + difficulty + the scenario's overrides and script."""
from __future__ import annotations

import fnmatch
import functools
import tomllib
from pathlib import Path
from typing import Mapping

from attrs import frozen

from ai.agent import PersonalityAgent
from ai.personality import LEVELS, level, resolve
from game.fileio import is_plain_id
from game.model import World
from game.paths import ai_data
from game.rules.actions import Action, parse

HISTORICAL = ai_data("historical")


@functools.lru_cache(maxsize=16)
def _scenario_table(path: str, mtime: float) -> dict:
    """The [personalities] table of a scenario file (read once per file version)."""
    try:
        return dict(tomllib.loads(Path(path).read_text(encoding="utf-8")).get("personalities", {}))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}


def scenario_overrides(world: World) -> dict:
    """The scenario's `[personalities]` table, found from the World's scenario id ({} if none)."""
    from game.scenario.loader import find
    path = find(world.scenario_id) if is_plain_id(world.scenario_id) else None
    if path is None or not path.is_file():
        return {}
    return _scenario_table(str(path), path.stat().st_mtime)


@functools.lru_cache(maxsize=16)
def historical(scenario_id: str) -> dict:
    """The historical script file of a scenario as read ({} when there is none)."""
    if not is_plain_id(scenario_id):
        return {}
    path = HISTORICAL / f"{scenario_id}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def script(scenario_id: str) -> tuple:
    """The historical script of a scenario: ((year, action, note), ...), () when there is none."""
    return tuple((int(m["year"]), parse(m["do"]), f"{m.get('note', '').rstrip('.')} ({m.get('source', 'public record')}).")
                 for m in historical(scenario_id).get("move", []))


@frozen
class Pattern:
    """A held kind of move: a text form with `*` for any words (`propose kazakhstan japan give contract/oil/*`),
    matched against each legal action's text form; `actor` is the mover it names."""

    actor: str
    text: str

    def matches(self, action: Action) -> bool:
        """Whether `action` is of this kind."""
        return fnmatch.fnmatchcase(str(action), self.text)


def held_move(text: str) -> "Action | Pattern":
    """A hold's `do`: the action it names, or a Pattern when it has a `*`."""
    if "*" in text:
        words = text.split()
        if len(words) < 3:
            raise ValueError(f"a held pattern names its verb and actor and something more: {text!r}")
        return Pattern(words[1], text)
    return parse(text)


def holds(scenario_id: str) -> tuple:
    """The moves the real powers did not make before a year: ((until, action or Pattern), ...); the historical
    style leaves each out of its choices until that year (a pipeline agreed but shelved, a step not yet taken,
    a kind of deal the real powers never made)."""
    return tuple((int(h["until"]), held_move(h["do"])) for h in historical(scenario_id).get("hold", []))


def level_of(world: World, power: str, difficulty: str | None = None, overrides: Mapping | None = None):
    """The difficulty level `power` plays at: the one asked for, else the scenario's, else normal."""
    table = (overrides if overrides is not None else scenario_overrides(world)).get(power, {})
    return level(difficulty or table.get("difficulty") or "normal")


def switched_events(world: World, difficulties: Mapping[str, str | None], overrides: Mapping | None = None) -> tuple:
    """The optional scenario events a game switches on: each `[[event]]` of the historical script whose `seat`
    is an AI seat playing a level with the script (`difficulties`: AI seat -> its difficulty, None for the
    scenario's own; a seat left out, or given something else than a level, plays no script)."""
    return tuple(str(e["id"]) for e in historical(world.scenario_id).get("event", [])
                 if e.get("seat") in difficulties and (difficulties[e["seat"]] in LEVELS or difficulties[e["seat"]] is None)
                 and level_of(world, e["seat"], difficulties[e["seat"]], overrides).script)


def game_world(sc, difficulties: Mapping[str, str | None]):
    """The scenario `sc`'s starting World for a game whose AI seats play at `difficulties` (seat -> difficulty):
    its World with the optional events their historical script switches on (docs/scenarios.md, "Optional
    events"); the scenario's World itself in every game without a historical seat."""
    return sc.world_with(switched_events(sc.world, difficulties, sc.personalities))


def make_agent(world: World, power: str, difficulty: str | None = None, overrides: Mapping | None = None):
    """The agent for `power`: its personality (with the scenario's overrides) at a difficulty."""
    table = dict((overrides if overrides is not None else scenario_overrides(world)).get(power, {}))
    lv = level_of(world, power, difficulty, overrides)
    moves = tuple(m for m in script(world.scenario_id) if m[1].actor == power) if lv.script else ()
    held = tuple(h for h in holds(world.scenario_id) if h[1].actor == power) if lv.script else ()
    return PersonalityAgent(power, resolve(power, table), lv, moves, held)


def agents_for(world: World, difficulty: str | None = None, overrides: Mapping | None = None) -> dict:
    """An agent for every power of the World."""
    return {p: make_agent(world, p, difficulty, overrides) for p in world.order}
