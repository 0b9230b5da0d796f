"""Copy-on-write helpers: each returns a new record or mapping, never mutating."""
from __future__ import annotations

from typing import Mapping

import attrs

from game.model.world import World

_FIELDS: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    """The attribute names of an attrs class, in order (cached)."""
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(a.name for a in attrs.fields(cls))
    return names


def evolve(obj, **changes):
    """A copy of an attrs record with some fields changed (a faster `attrs.evolve`).

    The rules make tens of thousands of copies a game; this skips attrs' per-call
    introspection by caching each class's field names.
    """
    cls = type(obj)
    if hasattr(obj, "__dict__"):  # records without slots: copy the attribute table directly
        new = object.__new__(cls)
        new.__dict__.update(obj.__dict__)
        new.__dict__.update(changes)
        return new
    return cls(*[changes[n] if n in changes else getattr(obj, n) for n in field_names(cls)])


def put(mapping: Mapping, key, value) -> dict:
    """A copy of `mapping` with `key` set to `value`."""
    new = dict(mapping)
    new[key] = value
    return new


def put2(mapping: Mapping, outer, inner, value) -> dict:
    """A copy of a two-level mapping with `mapping[outer][inner]` set to `value`."""
    return put(mapping, outer, put(mapping.get(outer, {}), inner, value))


def drop(mapping: Mapping, key) -> dict:
    """A copy of `mapping` without `key`."""
    return {k: v for k, v in mapping.items() if k != key}


def with_power(world: World, pid: str, **changes) -> World:
    """The world with one power's fields changed."""
    return evolve(world, powers=put(world.powers, pid, evolve(world.powers[pid], **changes)))


def with_powers(world: World, changes: Mapping[str, Mapping]) -> World:
    """The world with several powers' fields changed at once (`changes`: power -> fields); `world`
    itself when there are none. The same World as `with_power` one power at a time, copied once."""
    if not changes:
        return world
    powers = dict(world.powers)
    for pid, fields in changes.items():
        powers[pid] = evolve(powers[pid], **fields)
    return evolve(world, powers=powers)


def with_economy(world: World, cid: str, **changes) -> World:
    """The world with one C5 economy's fields changed."""
    return evolve(world, economies=put(world.economies, cid, evolve(world.economies[cid], **changes)))


def with_corridor(world: World, kid: str, **changes) -> World:
    """The world with one corridor's fields changed."""
    return evolve(world, corridors=put(world.corridors, kid, evolve(world.corridors[kid], **changes)))


def with_forum(world: World, fid: str, **changes) -> World:
    """The world with one forum's fields changed."""
    return evolve(world, forums=put(world.forums, fid, evolve(world.forums[fid], **changes)))


def add_treasury(world: World, pid: str, amount: float) -> World:
    """The world with `amount` (US$ bn) added to a power's treasury."""
    return with_power(world, pid, treasury=world.powers[pid].treasury + amount)


def next_id(world: World, prefix: str) -> tuple[World, str]:
    """A fresh id such as `o17`, and the world that has handed it out."""
    serial = world.serial + 1
    return evolve(world, serial=serial), f"{prefix}{serial}"


def clamp(x: float, low: float = 0.0, high: float = 1.0) -> float:
    """`x` limited to [low, high]."""
    return low if x < low else high if x > high else x
