"""Calibrating par: play AI-vs-AI games and report each power's mean, spread and suggested par.

    python -m ai.calibrate --scenario 2015 --games 60 --jobs 2 [--raw scores.json]
    python -m ai.calibrate --scenario 2015 --check scores.json

Prints one JSON object on its last line: {power: {"mean", "sd", "par", "spread"}}. Par is
the mean score at normal difficulty, rounded to a tenth; spread is the standard deviation,
never below SPREAD_FLOOR (docs/balance.md). `--raw` also writes every game's scores;
`--check` reads such a file and prints the win rates the scenario's par and spread give
those games (no game is played), as `simulate` would count them.
"""
from __future__ import annotations

import argparse
import json
import statistics
from concurrent.futures import ProcessPoolExecutor

SPREAD_FLOOR = 1.0  # least spread written: below it one power's noise-level swings decide games


def _game(args: tuple) -> dict:
    """Scores of one seeded game."""
    scenario, seed, difficulty = args
    from ai.factory import agents_for
    from game.scenario.loader import load
    from game.sim import play
    sc = load(scenario)
    return dict(play(sc.world, agents_for(sc.world, difficulty, sc.personalities), seed).scores)


def figures(games: list[dict], floor: float = SPREAD_FLOOR) -> dict:
    """Each power's mean, sd, suggested par and spread over games' scores."""
    out = {}
    for p in games[0]:
        xs = [g[p] for g in games]
        mean, sd = statistics.mean(xs), statistics.pstdev(xs)
        out[p] = {"mean": round(mean, 2), "sd": round(sd, 2), "par": round(mean, 1),
                  "spread": round(max(floor, sd), 2)}
    return out


def wins(games: list[dict], par: dict, spread: dict) -> dict:
    """Wins per power when the winner is the one furthest above par, in spreads (engine.winner)."""
    order = list(games[0])
    out = {p: 0 for p in order}
    for g in games:
        out[max(order, key=lambda p: (g[p] - par[p]) / max(0.1, spread[p]))] += 1
    return out


def check(scenario: str, path: str) -> int:
    """Print the win rates the scenario's par and spread give the games stored in `path`."""
    from game.cli import wilson
    from game.scenario.loader import load
    world = load(scenario).world
    games = json.loads(open(path, encoding="utf-8").read())
    par = {p: world.powers[p].par for p in world.order}
    spread = {p: world.powers[p].spread for p in world.order}
    won = wins(games, par, spread)
    n = len(games)
    for p, k in won.items():
        lo, hi = wilson(k, n)
        mean = statistics.mean(g[p] for g in games)
        print(f"{p:<13} {k:>4} {k / n:6.1%}  {lo:5.1%}-{hi:5.1%}  mean {mean:5.1f}  par {par[p]:5.1f}  spread {spread[p]:4.2f}")
    print(json.dumps({"games": n, "wins": won, "max_rate": round(max(won.values()) / n, 4),
                      "every_power_wins": min(won.values()) > 0}))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Play the games and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scenario", default="2015")
    ap.add_argument("--games", type=int, default=60)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1000)
    ap.add_argument("--difficulty", default="normal")
    ap.add_argument("--floor", type=float, default=SPREAD_FLOOR)
    ap.add_argument("--raw", default="", help="write every game's scores to this JSON file")
    ap.add_argument("--check", default="", help="win rates of the games in this JSON file under the scenario's par")
    ns = ap.parse_args(argv)
    if ns.check:
        return check(ns.scenario, ns.check)
    jobs = [(ns.scenario, ns.seed + i, ns.difficulty) for i in range(ns.games)]
    if ns.jobs > 1:
        with ProcessPoolExecutor(ns.jobs) as pool:
            games = list(pool.map(_game, jobs))
    else:
        games = [_game(j) for j in jobs]
    if ns.raw:
        with open(ns.raw, "w", encoding="utf-8") as f:
            json.dump(games, f)
    out = figures(games, ns.floor)
    for p, f in out.items():
        print(f"{p:<13} mean {f['mean']:6.2f}  sd {f['sd']:5.2f}  spread {f['spread']:5.2f}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
