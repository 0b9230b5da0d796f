"""Fit the objectives' points so that every seat wins about one game in eight, on stored games.

    python bench/agency.py --scenario 2015 --short --seeds 16 --redraws 0 --policies "" --raw games.jsonl
    python bench/fit_points.py --scenario 2015 --short games.jsonl [more.jsonl ...]
    python bench/fit_points.py --scenario 2015 --short --seeds 2      # no files: play that many seeds first

With one objective dealt to each power, a seat's points are its dealt objective's pay in each
round, and the computer plays a race the same way whatever its points are multiplied by
(`ai.race` values the points still to win as a share of all its objectives can pay). So the
points of each objective can be scaled without replaying: for every objective `o` of seat `p`
and every stored game, `p`'s total had it been dealt `o` is compared with the best total of the
others as dealt (its *counterfactual* chance to win that game, softened by a logistic of width
`--tau` points so that a sample of a few dozen games gives a smooth target). Each objective's
multiplier is moved (geometrically, half-way each sweep) to the one whose chance is closest to
one in eight; the multipliers' geometric mean is kept at 1, so the scale players see stays put.
A second stage with a narrower width sharpens the fit. An objective whose holder usually leads
its race gets fewer points for each place; one it usually trails, more. Prints, per objective,
the multiplier, the new points (rounded to quarters) and its chance, and the win counts on the
games before and after; JSON on the last line.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET = 0.125  # one game in eight: a fair share among eight seats
GRID = tuple(round(0.2 * 1.1 ** k, 4) for k in range(32))  # multipliers tried, 0.2 .. 3.8
TIES = 0.01  # points a tie is worth to the power the rule gives it (`objectives.first`)


def pays(game: dict, world) -> dict:
    """The game's dealt objectives, what every objective of every power would have paid it in total, and
    the power's lead in it when the last round was scored (the tie-break)."""
    from attrs import evolve
    from game import engine
    from game.rules import objectives as O
    order, kinds = world.order, O.kinds_of(world)
    seeded = evolve(world, seed=game["seed"])
    dealt = O.deal(seeded, engine.rng(seeded, "objectives"))
    rounds = [y for y in O.rounds(world) if str(y) in game["years"]]
    total = {p: {o.id: sum(O.round_weight(world, y) * O.pay(o, p, game["years"][str(y)], game["start"], order, kinds)
                           for y in rounds) for o in world.powers[p].objectives} for p in order}
    last = game["years"][str(rounds[-1])] if rounds else game["start"]
    lead = {p: {o.id: round(O.lead(o, p, last, game["start"], order, kinds), 6) for o in world.powers[p].objectives}
            for p in order}
    return {"dealt": {p: [o.id for o in dealt.powers[p].objectives] for p in order}, "total": total, "lead": lead}


def points_of(row: dict, mult: dict, p: str) -> float:
    """p's points in a stored game under the multipliers."""
    return sum(mult[p][oid] * row["total"][p][oid] for oid in row["dealt"][p])


def lead_of(row: dict, p: str) -> float:
    """p's lead in its dealt objectives (one dealt: that objective's lead)."""
    ids = row["dealt"][p]
    return sum(row["lead"][p][oid] for oid in ids) / max(1, len(ids))


def chance(rows: list[dict], best: list[tuple], p: str, i: int, oid: str, m: float, tau: float) -> float:
    """p's mean chance to win the games had it been dealt `oid` at multiplier m (tau 0: whole wins)."""
    won = 0.0
    for row, (top, top_lead, j) in zip(rows, best):
        ahead = (row["lead"][p][oid], -i) > (top_lead, -j)
        gap = m * row["total"][p][oid] - top + (TIES if ahead else -TIES)
        won += (gap > 0) if tau <= 0 else 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, gap / tau))))
    return won / max(1, len(rows))


def best_others(rows: list[dict], mult: dict, order: tuple, p: str) -> list[tuple]:
    """In each game, the highest total of the powers other than p, that power's lead and its seat."""
    out = []
    for row in rows:
        top = max((round(points_of(row, mult, q), 4), lead_of(row, q), -order.index(q)) for q in order if q != p)
        out.append((top[0], top[1], -top[2]))
    return out


def sweep(rows: list[dict], mult: dict, order: tuple, tau: float, damp: float = 0.5) -> dict:
    """One pass over every objective: move its multiplier towards the one giving it a fair chance."""
    for i, p in enumerate(order):
        best = best_others(rows, mult, order, p)
        for oid in mult[p]:
            errs = [(abs(chance(rows, best, p, i, oid, m, tau) - TARGET), m) for m in GRID]
            low = min(e for e, _ in errs)
            near = [m for e, m in errs if e == low]
            goal = math.sqrt(near[0] * near[-1])
            mult[p][oid] = math.exp((1 - damp) * math.log(mult[p][oid]) + damp * math.log(goal))
    logs = [math.log(v) for p in order for v in mult[p].values()]
    shift = math.exp(sum(logs) / len(logs))
    return {p: {k: v / shift for k, v in mult[p].items()} for p in order}


def fit(rows: list[dict], world, tau: float = 0.75, sharp: float = 0.3, sweeps: int = 6) -> dict:
    """Multipliers per power and objective: `sweeps` passes at width tau, then half as many at `sharp`."""
    order = world.order
    mult = {p: {o.id: 1.0 for o in world.powers[p].objectives} for p in order}
    for width, n in ((tau, sweeps), (sharp, max(1, sweeps // 2))):
        for _ in range(n):
            mult = sweep(rows, mult, order, width)
    return mult


def wins(rows: list[dict], mult: dict, order: tuple) -> dict[str, int]:
    """Games won by each power under the multipliers (ties as `objectives.first`)."""
    from game.rules.objectives import first
    out = {p: 0 for p in order}
    for row in rows:
        out[first({p: points_of(row, mult, p) for p in order}, {p: lead_of(row, p) for p in order}, order)] += 1
    return out


def with_points(world, points: dict):
    """The world with each objective paying `points[power][objective]`."""
    from attrs import evolve
    from game.model.ops import with_power
    for p in world.order:
        objs = tuple(evolve(o, points=tuple(points[p][o.id])) for o in world.powers[p].objectives)
        world = with_power(world, p, objectives=objs)
    return world


def quarter(x: float) -> float:
    """x rounded to the nearest quarter point."""
    return round(x * 4) / 4


def main(argv: list[str] | None = None) -> dict:
    """Fit the points on the stored games and print them; JSON on the last line."""
    from bench.agency import AI, jobs_for, read_games, run
    from game.scenario.loader import load
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("games", nargs="*", help="stored games (JSON lines from bench/agency.py --raw)")
    ap.add_argument("--seeds", type=int, default=2, help="seeds to play first when no stored games are given")
    ap.add_argument("--scenario", default="2015")
    ap.add_argument("--short", action="store_true")
    ap.add_argument("--tau", type=float, default=0.75)
    ap.add_argument("--sharp", type=float, default=0.3)
    ap.add_argument("--sweeps", type=int, default=6)
    ns = ap.parse_args(argv)
    t0 = time.perf_counter()
    world = load(ns.scenario, short=ns.short).world
    played = [g for path in ns.games for g in read_games(path)] or run(
        jobs_for(ns.scenario, ns.short, world.order, list(range(1, ns.seeds + 1)), 0, [], []), 1)
    games = [g for g in played if g.get("policy", AI) == AI and g["status"] != "collapsed"]
    rows = [pays(g, world) for g in games]
    one = {p: {o.id: 1.0 for o in world.powers[p].objectives} for p in world.order}
    mult = fit(rows, world, ns.tau, ns.sharp, ns.sweeps)
    points = {p: {o.id: [quarter(mult[p][o.id] * x) for x in o.points] for o in world.powers[p].objectives}
              for p in world.order}
    for p in world.order:
        for o in world.powers[p].objectives:
            print(f"{p:<13} {o.id:<26} x{mult[p][o.id]:.2f} points = {points[p][o.id]}")
    out = {"scenario": ns.scenario, "short": ns.short, "games": len(rows), "wins_before": wins(rows, one, world.order),
           "wins_fitted": wins(rows, mult, world.order),
           "wins_after": wins([pays(g, with_points(world, points)) for g in games], one, world.order),
           "multipliers": {p: {k: round(v, 3) for k, v in m.items()} for p, m in mult.items()}, "points": points,
           "seconds": round(time.perf_counter() - t0, 1)}
    print(f"wins before {out['wins_before']}\nwins fitted {out['wins_fitted']}\n"
          f"wins after  {out['wins_after']} (the points rounded to quarters)")
    print(json.dumps(out))
    return out


if __name__ == "__main__":
    main()
