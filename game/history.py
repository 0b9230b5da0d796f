"""The year-by-year series a debrief draws: trade, corridor flows, influence shares, scores, points."""
from __future__ import annotations

from game.model import World
from game.rules import objectives
from game.rules.influence import shares


def snapshot(world: World, year: int) -> dict:
    """The series after `year` resolved."""
    greats = world.great_powers()
    return {
        "year": year,
        "trade": {g: {c: round(world.trade.get(c, {}).get(g, 0.0), 4) for c in world.economies} for g in greats},
        "flows": {k: round(sum(v.values()), 4) for k, v in world.flows.items()},
        "influence": {c: {h: round(s, 4) for h, s in shares(world, c).items()} for c in world.economies},
        "scores": {p: round(s, 3) for p, s in world.scores.items()},
        "points": objectives.totals(world),
        "next_round": {st.power: st.projected for st in objectives.standings(world)},
    }
