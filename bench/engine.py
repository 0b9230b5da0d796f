#!/usr/bin/env python3
"""Engine benchmark: full 2015 games per second with the baseline agents, and the
median time to resolve one year of the full 2015 world.

Prints one JSON object on its last line:
{"bench": "engine", "games_per_s": ..., "games_per_s_greedy": ..., "year_ms": ...}
Goals (2-core machine): year_ms < 5, games_per_s >= 10 per core.
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ai.baseline import GreedyAgent, RandomAgent  # noqa: E402
from game import engine  # noqa: E402
from game.model.ops import evolve  # noqa: E402
from game.scenario.loader import load  # noqa: E402
from game.sim import play  # noqa: E402


def games_per_second(world, make_agent, games: int) -> float:
    """Whole games played per second, one process."""
    start = time.perf_counter()
    for seed in range(games):
        play(world, {p: make_agent() for p in world.order}, seed)
    return games / (time.perf_counter() - start)


def year_ms(world, samples: int = 200) -> float:
    """Median milliseconds to resolve a year: resolution, end of year, events and income."""
    results = play(world, {p: GreedyAgent() for p in world.order}, 3)
    w = evolve(results.final, status="playing", year=world.start_year + 3, end_year=world.end_year, phase="resolution")
    times = []
    for _ in range(samples):
        t = time.perf_counter()
        engine.advance(w)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    world = load("2015").world
    figures = {
        "bench": "engine",
        "games_per_s": round(games_per_second(world, RandomAgent, 20), 2),
        "games_per_s_greedy": round(games_per_second(world, GreedyAgent, 10), 2),
        "year_ms": round(year_ms(world), 3),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
