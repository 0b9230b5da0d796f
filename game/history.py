"""The year-by-year record a debrief and `simulate --history` show: what happened, in data.

Per finished year: trade (resource plus goods, with the parts), corridor flows, influence
shares, scores, prices, the events fired with each effect's value before and after,
corridors (status, capacity, flow, fee, owners), each state's GDP, growth, stability,
debt by creditor, remittances and forums, tension between great powers (and the tension track and
the crisis cards drawn), and each power's
treasury, transit income and trade with the region.
"""
from __future__ import annotations

from collections.abc import Mapping

from game.model import LOAD, World
from game.model.ops import evolve
from game.rules import objectives, tension
from game.rules import trade as goods_trade
from game.rules.influence import shares


def _r(x: float, nd: int = 4) -> float:
    return round(x, nd)


def events_of(world: World, year: int) -> list[dict]:
    """The events fired in `year`, each with the effects it applied (value before -> after)."""
    out: dict[str, dict] = {}
    titles = {ev.id: ev.title for ev in world.events}
    cards = {c.id for c in world.crises}  # crisis cards are listed apart (`crises`)
    for y, eid, eff, before, after in world.happened:
        if y != year or eid in cards:
            continue
        row = out.setdefault(eid, {"id": eid, "title": titles.get(eid, eid), "effects": []})
        if eff:
            row["effects"].append({"effect": eff, "before": before, "after": after})
    return list(out.values())


def carried(goods: dict) -> float:
    """What a corridor carried, in its capacity's unit (Mt, or bcm): units x `LOAD` of each good."""
    return sum(units * LOAD.get(r, 1.0) for r, units in goods.items())


def flow(world: World, k) -> float:
    """What corridor `k` carried last year: resources (by `LOAD`) plus general cargo."""
    return carried(world.flows.get(k.id, {})) + goods_trade.cargo(k)


def corridors(world: World) -> dict:
    """Each corridor's status, capacity, flow, fee per unit and owners."""
    return {k.id: {"status": k.status, "capacity": _r(k.capacity), "flow": _r(flow(world, k)), "cargo": _r(goods_trade.cargo(k)),
                   "fee": _r(k.fee), "controllers": list(k.controllers), "owners": {o: _r(v) for o, v in k.owners.items()}}
            for k in world.corridors.values()}


def states(world: World) -> dict:
    """Each C5 state's GDP, growth, stability, debt by creditor, remittances and forums."""
    return {c: {"gdp": _r(e.gdp, 3), "growth": _r(e.growth), "stability": _r(e.stability, 2),
                "debt": {k: _r(v) for k, v in e.debt.items()}, "remittances": {k: _r(v) for k, v in e.remittances.items()},
                "forums": [f.id for f in world.forums.values() if c in f.members and f.level > 0]}
            for c, e in world.economies.items()}


def powers(world: World) -> dict:
    """Each power's treasury, transit income and trade with the C5 (great powers)."""
    out = {}
    for p in world.order:
        pw = world.powers[p]
        row = {"treasury": _r(pw.treasury, 3), "transit_income": _r(pw.transit_income)}
        if pw.kind == "great":
            row["trade"] = _r(sum(goods_trade.total(world, c, p) for c in world.economies))
        out[p] = row
    return out


def snapshot(world: World, year: int) -> dict:
    """The series after `year` resolved."""
    greats = world.great_powers()
    return {
        "year": year,
        "trade": {g: {c: _r(goods_trade.total(world, c, g)) for c in world.economies} for g in greats},
        "resource_trade": {g: {c: _r(world.trade.get(c, {}).get(g, 0.0)) for c in world.economies} for g in greats},
        "goods_trade": {g: {c: _r(world.economies[c].goods.get(g, 0.0)) for c in world.economies} for g in greats},
        "flows": {k.id: _r(flow(world, k)) for k in world.corridors.values() if flow(world, k) > 0},
        "influence": {c: {h: _r(s) for h, s in shares(world, c).items()} for c in world.economies},
        "scores": {p: round(s, 3) for p, s in world.scores.items()},
        "prices": {r: _r(v, 5) for r, v in world.prices.items()},
        "events": events_of(world, year),
        "corridors": corridors(world),
        "states": states(world),
        "tension": {k: _r(v) for k, v in world.tension.items()},
        "track": _r(tension.track(world)),
        "crises": tension.fired_in(world, year),
        "powers": powers(world),
        "forums": {f.id: {"level": f.level, "members": list(f.members)} for f in world.forums.values()},
        "points": objectives.totals(world),
        "next_round": {st.power: st.projected for st in objectives.standings(world)},
    }


class Record(Mapping):
    """`snapshot(world, year)`, worked out when first read (a debrief, a save, a hash), not when the year ends:
    the worlds an AI plays out to judge a move finish many years whose figures no one reads. The world it keeps
    has no record of its own, so a record never holds the years before it alive."""

    __slots__ = ("_world", "_year", "_data")

    def __init__(self, world: World, year: int):
        self._world, self._year, self._data = evolve(world, record={}), year, None

    def _figures(self) -> dict:
        if self._data is None:
            self._data, self._world = snapshot(self._world, self._year), None
        return self._data

    def __getitem__(self, key):
        return self._figures()[key]

    def __iter__(self):
        return iter(self._figures())

    def __len__(self) -> int:
        return len(self._figures())

    def __reduce__(self):
        return dict, (self._figures(),)


def recorded(world: World, year: int) -> dict:
    """The figures of `year` as the engine recorded them when the year ended (else read now)."""
    rec = world.record
    return dict(rec) if rec.get("year") == year else snapshot(world, year)
