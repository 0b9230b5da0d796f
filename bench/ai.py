"""Benchmark: time per AI decision and per year with seven AI seats (a solo player's game).

One seat (the first in order) stands in for the person and just ends its turns; the
other seven are personality agents. Prints one JSON object on its last line. Goal: a
whole year of seven AI seats under 0.5 s at normal difficulty.
"""
from __future__ import annotations

import json
import random
import statistics
import time


class Idle:
    """The stand-in for the human seat: ends every turn (answers are left to lapse)."""

    def choose(self, view, legal, rng):
        """End the turn."""
        from ai.base import Decision
        return Decision(legal[-1])


def run(level: str, seed: int = 1) -> dict:
    """Play the 2015 scenario with seven AI seats at `level`; times per decision and per year."""
    from ai.factory import make_agent
    from game import engine
    from game.rules.legal import legal_actions, view_for
    from game.scenario.loader import load
    sc = load("2015")
    world, _ = engine.start(sc.world)
    human = world.order[0]
    agents = {p: (Idle() if p == human else make_agent(world, p, level, sc.personalities)) for p in world.order}
    decisions, years, ai_time, year_start = [], [], 0.0, world.year
    while world.status == "playing":
        p = world.current()
        legal = legal_actions(world, p)
        t0 = time.perf_counter()
        choice = agents[p].choose(view_for(world, p), legal, random.Random(len(decisions)))
        dt = time.perf_counter() - t0
        if p != human:
            decisions.append(dt)
            ai_time += dt
        world, _ = engine.step(world, choice.action)
        if world.year != year_start or world.status != "playing":
            years.append(ai_time)
            ai_time, year_start = 0.0, world.year
    decisions.sort()
    return {"decisions": len(decisions), "ms_per_decision": round(1000 * statistics.mean(decisions), 2),
            "ms_p95_decision": round(1000 * decisions[int(0.95 * len(decisions))], 2),
            "s_per_year": round(statistics.mean(years), 3), "s_max_year": round(max(years), 3)}


def main() -> None:
    """Time every difficulty and print the figures, the JSON object last."""
    import sys
    from pathlib import Path
    sys.path[0] = str(Path(__file__).resolve().parents[1])  # this file is named ai.py: let `ai` be the package
    out = {"scenario": "2015", "ai_seats": 7, "goal_s_per_year": 0.5}
    for level in ("easy", "normal", "hard", "historical"):
        out[level] = run(level)
        print(level, out[level])
    out["goal_met"] = out["normal"]["s_per_year"] < out["goal_s_per_year"]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
