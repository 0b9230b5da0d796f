#!/usr/bin/env python3
"""Scaling benchmark: how the cost of a year, of `legal_actions` and of a normal AI decision
grows in worlds with 1x-8x the corridors, contracts and pledges of the 2015 scenario.

The world is grown by copying every corridor (same path, goods and capacity), every contract
and every pledge under new ids, `m - 1` times. Each figure is the median CPU time of a few
runs at m = 1, 2, 4, 8; the growth exponent is the slope of log(time) against log(m) (1 is
linear, 2 quadratic). Goal (issue 16): nothing grows faster than linearly (exponent <= 1.1).
Prints one JSON object on its last line.
"""
from __future__ import annotations

import json
import math
import random
import statistics
import sys
import time
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # let `ai` be the package, not bench/ai.py

from ai.factory import make_agent  # noqa: E402
from game import engine  # noqa: E402
from game.model.ops import evolve  # noqa: E402
from game.rules.legal import legal_actions, view_for  # noqa: E402
from game.scenario.loader import load  # noqa: E402

SCALES = (1, 2, 4, 8)
GOAL_EXPONENT = 1.1


def copies(table: dict, m: int) -> dict:
    """`table` with each record copied `m - 1` times under new ids (`<id>~<n>`)."""
    out = dict(table)
    for n in range(1, m):
        for key, rec in table.items():
            out[f"{key}~{n}"] = evolve(rec, id=f"{key}~{n}")
    return out


def grown(world, m: int):
    """The world with m times the corridors, contracts and pledges."""
    return evolve(world, corridors=copies(world.corridors, m), contracts=copies(world.contracts, m),
                  pledges=copies(world.pledges, m))


def median_cpu(fn, runs: int) -> float:
    """Median CPU seconds of `fn()` over `runs` runs."""
    times = []
    for _ in range(runs):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return statistics.median(times)


def exponent(times: list[float]) -> float:
    """Least-squares slope of log(time) against log(scale)."""
    xs = [math.log(m) for m in SCALES]
    ys = [math.log(max(t, 1e-9)) for t in times]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def measure(world, m: int) -> dict:
    """CPU seconds of a year's resolution, of legal_actions and of a normal AI decision at scale m."""
    from game.model import memo
    w = grown(world, m)
    first, _ = engine.start(w)
    p = first.current()
    agent = make_agent(first, p, "normal")
    year = evolve(first, phase="resolution", turn=-1)
    with memo.off():  # a cost, not a reuse
        return {"year": median_cpu(lambda: engine.advance(year), 3),
                "legal_actions": median_cpu(lambda: legal_actions(first, p), 5),
                "ai_decision": median_cpu(lambda: agent.choose(view_for(first, p), legal_actions(first, p),
                                                               random.Random(1)), 3)}


def main() -> None:
    world = load("2015").world
    rows = {m: measure(world, m) for m in SCALES}
    out = {"bench": "scaling", "scales": list(SCALES), "goal_exponent": GOAL_EXPONENT}
    for what in ("year", "legal_actions", "ai_decision"):
        times = [rows[m][what] for m in SCALES]
        out[what] = {"ms": [round(1000 * t, 3) for t in times], "exponent": round(exponent(times), 2)}
        print(what, out[what])
    out["goal_met"] = all(out[w]["exponent"] <= GOAL_EXPONENT for w in ("year", "legal_actions", "ai_decision"))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
