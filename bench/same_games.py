#!/usr/bin/env python3
"""The same-games check of a speed change: final hashes, winners and action counts of seeded games.

A speed-up must leave every game as it was: run this before and after a change, under two hash
seeds, and compare the lines (docs/speed.md):

    PYTHONHASHSEED=1 .venv/bin/python bench/same_games.py > before.json   # on the old code
    PYTHONHASHSEED=4242 .venv/bin/python bench/same_games.py > after.json  # on the new code
    cmp before.json after.json

Plays three random-agent 2015 games (seeds 0-2), a 3-year normal-AI game (seed 5) and a 2-year
hard-AI game (seed 7), eight AI seats. With `--instructions-only N` it plays only N random-agent
games (or, with `--level`, one 3-year game at that level) and prints nothing else: the script to run
under `valgrind --tool=callgrind` for instruction counts (less the same run with N = 0).
Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--instructions-only", type=int, default=None, metavar="N",
                        help="play N games only (for callgrind)")
    parser.add_argument("--level", default="", help="with --instructions-only: AI games at this level")
    ns = parser.parse_args()
    from attrs import evolve

    from ai.baseline import RandomAgent
    from ai.factory import agents_for
    from game import engine
    from game.scenario.loader import load
    from game.sim import play
    sc = load("2015")
    w = sc.world

    def ai_game(level: str, years: int, seed: int):
        short = evolve(w, end_year=w.start_year + years - 1)
        return play(short, agents_for(short, level, sc.personalities), seed)

    if ns.instructions_only is not None:
        for seed in range(ns.instructions_only):
            if ns.level:
                ai_game(ns.level, 3, 5 + seed)
            else:
                play(w, {p: RandomAgent() for p in w.order}, seed)
        return
    out = {}
    for seed in range(3):
        r = play(w, {p: RandomAgent() for p in w.order}, seed)
        out[f"random{seed}"] = [engine.world_hash(r.final)[:16], r.winner, len(r.actions)]
    for level, years, seed in (("normal", 3, 5), ("hard", 2, 7)):
        r = ai_game(level, years, seed)
        out[f"{level}{seed}"] = [engine.world_hash(r.final)[:16], r.winner, len(r.actions)]
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
