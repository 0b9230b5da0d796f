"""Calibrating par: play AI-vs-AI games and report each power's mean, spread and suggested par.

    python -m ai.calibrate --scenario 2015 --games 60 --jobs 2

Prints one JSON object on its last line: {power: {"mean", "sd", "par"}}. Par is the mean
score at normal difficulty, rounded to a tenth (docs/balance.md).
"""
from __future__ import annotations

import argparse
import json
import statistics
from concurrent.futures import ProcessPoolExecutor


def _game(args: tuple) -> dict:
    """Scores of one seeded game."""
    scenario, seed, difficulty = args
    from ai.factory import agents_for
    from game.scenario.loader import load
    from game.sim import play
    sc = load(scenario)
    return dict(play(sc.world, agents_for(sc.world, difficulty, sc.personalities), seed).scores)


def main(argv: list[str] | None = None) -> int:
    """Play the games and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scenario", default="2015")
    ap.add_argument("--games", type=int, default=60)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1000)
    ap.add_argument("--difficulty", default="normal")
    ns = ap.parse_args(argv)
    jobs = [(ns.scenario, ns.seed + i, ns.difficulty) for i in range(ns.games)]
    with ProcessPoolExecutor(ns.jobs) as pool:
        games = list(pool.map(_game, jobs))
    out = {}
    for p in games[0]:
        xs = [g[p] for g in games]
        out[p] = {"mean": round(statistics.mean(xs), 2), "sd": round(statistics.pstdev(xs), 2),
                  "par": round(statistics.mean(xs), 1)}
        print(f"{p:<13} mean {out[p]['mean']:6.2f}  sd {out[p]['sd']:5.2f}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
