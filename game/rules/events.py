"""Events as data: conditions on the World and effects from a small vocabulary.

A condition is `(path, op, value)`: `path` names a value in the World with dots
(`tension.china|japan`, `corridors.middle_corridor.status`, `forums.sco.members`), `op`
is one of `== != < <= > >= has lacks`. Effects are `(verb, args...)`:
`set|add|scale PATH VALUE`, `open CORRIDOR`, `close CORRIDOR YEARS`,
`damage CORRIDOR FRACTION`, `found FORUM`, `join FORUM POWER`, `leave FORUM POWER`,
`influence STATE|* HOLDER AMOUNT`, `trust STATE|* POWER AMOUNT`,
`policy CARD ACTOR TARGET RESOURCE`.
No code is ever evaluated.
"""
from __future__ import annotations

import operator
import random
from typing import Any

import attrs
from game.model.ops import evolve

from game.model import EventDef, World
from game.model.ops import put, with_corridor, with_forum
from game.rules import play
from game.rules.influence import add_influence, add_trust

OPS = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt,
       ">=": operator.ge, "has": lambda a, b: b in a, "lacks": lambda a, b: b not in a}
EFFECT_ARGS = {"set": 2, "add": 2, "scale": 2, "open": 1, "close": 2, "damage": 2, "found": 1, "join": 2,
               "leave": 2, "influence": 3, "trust": 3, "policy": 4}


def get_path(obj: Any, path: str) -> Any:
    """The value at a dotted path inside the World (KeyError/AttributeError if absent)."""
    for part in path.split("."):
        obj = obj[part] if isinstance(obj, dict) else getattr(obj, part)
    return obj


def set_path(obj: Any, path: str, value: Any) -> Any:
    """A copy of `obj` with the value at the dotted path replaced."""
    head, _, rest = path.partition(".")
    if attrs.has(type(obj)):
        inner = getattr(obj, head)
        return evolve(obj, **{head: set_path(inner, rest, value) if rest else value})
    return put(obj, head, set_path(obj[head], rest, value) if rest else value)


def holds(world: World, cond: tuple) -> bool:
    """Whether one condition is true now."""
    path, op, value = cond
    return OPS[op](get_path(world, path), value)


def eligible(world: World, ev: EventDef) -> bool:
    """Whether an event may fire this year."""
    if ev.once and ev.id in world.fired:
        return False
    if ev.after and ev.after not in world.fired:
        return False
    if ev.year and ev.year != world.year and not (ev.when and ev.year < world.year):
        return False
    return all(holds(world, c) for c in ev.when)


def _like(current: Any, text: str) -> Any:
    """`text` as the same type as the value it replaces."""
    if isinstance(current, bool):
        return text == "true"
    if isinstance(current, int):
        return int(float(text))
    if isinstance(current, float):
        return float(text)
    return text


def _each_state(world: World, c: str) -> list[str]:
    return list(world.economies) if c == "*" else [c]


def effect(world: World, eff: tuple) -> World:
    """The world after one effect."""
    verb, *args = eff
    if verb == "set":
        return set_path(world, args[0], _like(get_path(world, args[0]), args[1]))
    if verb == "add":
        return set_path(world, args[0], get_path(world, args[0]) + float(args[1]))
    if verb == "scale":
        return set_path(world, args[0], get_path(world, args[0]) * float(args[1]))
    if verb == "open":
        return with_corridor(world, args[0], status="operating", disrupted_years=0)
    if verb == "close":
        return with_corridor(world, args[0], status="disrupted", disrupted_years=int(args[1]))
    if verb == "damage":
        k = world.corridors[args[0]]
        return with_corridor(world, args[0], capacity=k.capacity * (1 - float(args[1])))
    if verb == "found":
        f = world.forums[args[0]]
        return with_forum(world, args[0], level=max(1, f.level), last_met=world.year)
    if verb in ("join", "leave"):
        f = world.forums[args[0]]
        members = tuple(m for m in f.members if m != args[1]) + ((args[1],) if verb == "join" else ())
        return with_forum(world, args[0], members=members)
    if verb == "influence":
        for c in _each_state(world, args[0]):
            world = add_influence(world, c, args[1], float(args[2]))
        return world
    if verb == "trust":
        for c in _each_state(world, args[0]):
            world = add_trust(world, c, args[1], float(args[2]))
        return world
    if verb == "policy":
        card, actor, target, resource = args
        return play.enact(world, actor, card, target if target != "-" else "", resource if resource != "-" else "")
    raise ValueError(f"unknown effect {verb}")


def _shown(value: Any) -> str:
    """A value as a short text for the record (numbers to 4 significant digits)."""
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, tuple):
        return " ".join(map(str, value))
    return str(value)


def touched(world: World, eff: tuple) -> str:
    """What an effect changes, read from `world` as text (so a record can show before and after)."""
    verb, *args = eff
    if verb in ("set", "add", "scale"):
        return _shown(get_path(world, args[0]))
    if verb in ("open", "close"):
        return world.corridors[args[0]].status
    if verb == "damage":
        return _shown(world.corridors[args[0]].capacity)
    if verb == "found":
        return f"level {world.forums[args[0]].level}"
    if verb in ("join", "leave"):
        return _shown(world.forums[args[0]].members)
    if verb in ("influence", "trust"):
        table = world.influence if verb == "influence" else world.trust
        return " ".join(f"{c}:{table[c].get(args[1], 0.0):.3f}" for c in _each_state(world, args[0]))
    if verb == "policy":
        return f"{sum(1 for pol in world.policies.values() if pol.card == args[0])} {args[0]} in force"
    return ""


def fire(world: World, ev: EventDef) -> World:
    """The world after an event's effects; it is marked fired, shown as a card, and each effect is
    recorded in `happened` as (year, event, effect, value before, value after)."""
    done = []
    for eff in ev.effects:
        before = touched(world, eff)
        world = effect(world, eff)
        done.append((world.year, ev.id, " ".join(eff), before, touched(world, eff)))
    if not done:
        done.append((world.year, ev.id, "", "", ""))  # a card with no effect on the World still happened
    return evolve(world, fired=world.fired + (ev.id,), news=world.news + (ev.id,),
                  happened=world.happened + tuple(done))


def scripted(world: World) -> list[EventDef]:
    """Scripted events due now, in scenario order."""
    return [ev for ev in world.events if ev.weight <= 0 and (ev.year or ev.when) and eligible(world, ev)]


def draw_random(world: World, rng: random.Random) -> EventDef | None:
    """Maybe one random event, drawn by weight from those eligible."""
    deck = [ev for ev in world.events if ev.weight > 0 and eligible(world, ev)]
    if not deck or rng.random() >= world.param("events.random_chance"):
        return None
    return rng.choices(deck, weights=[ev.weight for ev in deck])[0]
