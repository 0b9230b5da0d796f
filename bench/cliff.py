"""Cliff: how steeply a power's wins follow its points, on stored AI games (no replaying).

    python bench/agency.py --scenario 2015 --short --seeds 200 --first-seed 6001 --redraws 0 --policies "" --raw pool.jsonl
    python bench/cliff.py --scenario 2015 --short pool.jsonl [--power kazakhstan] [--scales 0.9,0.95,1.05,1.1]

For the stored games (collapsed ones left out) it prints how many powers were first in every scoring round of their
own dealt race (a *sweep*), how many games were won by less than one point, and each power's wins when its drawn
objectives' points and lead bonus are multiplied by each scale (standing objectives as they are), the others as
shipped. The AI plays a race the same way whatever its points are multiplied by (`ai.race` values the points still to
win as a share of what its objectives can pay), so rescoring stands in for replaying. JSON on the last line.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def scaled(world, p: str, s: float):
    """The world with p's drawn objectives paying s times their points and lead bonus."""
    from attrs import evolve
    from game.model.ops import with_power
    objs = tuple(o if o.standing else evolve(o, points=tuple(x * s for x in o.points), bonus=o.bonus * s)
                 for o in world.powers[p].objectives)
    return with_power(world, p, objectives=objs)


def outcomes(games: list[dict], world) -> tuple[dict[str, int], int]:
    """Wins per power under the world's points, and the games won by less than one point."""
    from bench.agency import rescore, winner_of
    wins, close = {p: 0 for p in world.order}, 0
    for g in games:
        s = rescore(g, world)
        wins[winner_of(s["final"], world.order, s["final_leads"])] += 1
        top = sorted(s["final"].values(), reverse=True)
        close += top[0] - top[1] < 1
    return wins, close


def sweeps(games: list[dict], world) -> dict[int, int]:
    """Games by the number of powers first in every scoring round of their own dealt race."""
    from attrs import evolve
    from game import engine
    from game.rules import objectives as O
    order, kinds, out = world.order, O.kinds_of(world), Counter()
    for g in games:
        seeded = evolve(world, seed=g["seed"])
        dealt = O.deal(seeded, engine.rng(seeded, "objectives"))
        years = [g["years"][str(y)] for y in O.rounds(world) if str(y) in g["years"]]
        out[sum(1 for p in order if any(
            o.kind == O.RANK and all(O.lead(o, p, now, g["start"], order, kinds) > 0 for now in years)
            for o in dealt.powers[p].objectives if not o.standing))] += 1
    return dict(sorted(out.items()))


def main(argv: list[str] | None = None) -> dict:
    """Print the cliff of the stored games; JSON on the last line."""
    from bench.agency import read_games
    from game.scenario.loader import load
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("games", nargs="+", help="stored games (JSON lines from bench/agency.py --raw)")
    ap.add_argument("--scenario", default="2015")
    ap.add_argument("--short", action="store_true")
    ap.add_argument("--power", default="", help="only this power's scales (default: every power)")
    ap.add_argument("--scales", default="0.9,0.95,1.05,1.1")
    ns = ap.parse_args(argv)
    world = load(ns.scenario, short=ns.short).world
    games = [g for path in ns.games for g in read_games(path) if g["status"] != "collapsed" and not g.get("salt")
             and g.get("policy", "ai") == "ai"]
    wins, close = outcomes(games, world)
    out = {"scenario": ns.scenario, "games": len(games), "wins": wins, "won_by_under_a_point": close,
           "sweepers": sweeps(games, world), "scaled": {}}
    print(f"{len(games)} games; won by less than a point: {close}; powers sweeping their race, per game: {out['sweepers']}")
    for p in [ns.power] if ns.power else world.order:
        row = {"1": wins[p]}
        for s in (float(x) for x in ns.scales.split(",")):
            row[f"{s:g}"] = outcomes(games, scaled(world, p, s))[0][p]
        out["scaled"][p] = dict(sorted(row.items(), key=lambda kv: float(kv[0])))
        print(f"{p:<13} wins at points x " + "  ".join(f"{k}: {v}" for k, v in out["scaled"][p].items()))
    print(json.dumps(out))
    return out


if __name__ == "__main__":
    main()
