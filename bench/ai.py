"""Benchmark: the AI's speed. Time per AI decision and per year with seven AI seats (a solo
player's game) at each difficulty, and whole normal-AI games (eight AI seats, as a balance
sweep plays them) per second per core.

One seat (the first in order) stands in for the person and just ends its turns; the other
seven are personality agents. Times are CPU seconds of this process (`time.process_time`),
so a busy shared machine does not inflate them; wall seconds are given beside them. Each
figure is measured twice in the same run: with the memo tables (`game.model.memo`: goods
flows, route networks and security tables reused for worlds that share their inputs) and
with them off (everything worked out afresh, as before they existed); both runs must end in
the same world hash and winner. Goals: normal under 0.5 s a year, hard under 2 s a year, a
1,000-game normal sweep on 2 cores under 2 minutes (4.2 games/s per core).
Usage: bench/ai.py [--games N] [--levels easy,normal,hard,historical] [--quick]
Prints one JSON object on its last line.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # this file is named ai.py: let `ai` be the package

GOAL_S_PER_YEAR = {"normal": 0.5, "hard": 2.0}
SWEEP_GAMES, SWEEP_CORES, SWEEP_SECONDS = 1000, 2, 120.0


class Idle:
    """The stand-in for the human seat: ends every turn (answers are left to lapse)."""

    def choose(self, view, legal, rng):
        """End the turn."""
        from ai.base import Decision
        return Decision(legal[-1])


def solo(sc, level: str, seed: int = 1) -> dict:
    """Play the scenario with seven AI seats at `level`; CPU times per decision and per year."""
    from ai.factory import make_agent
    from game import engine
    from game.rules.legal import legal_actions, view_for
    world, _ = engine.start(sc.world)
    human = world.order[0]
    agents = {p: (Idle() if p == human else make_agent(world, p, level, sc.personalities)) for p in world.order}
    decisions, years, ai_time, year_start = [], [], 0.0, world.year
    wall = time.perf_counter()
    while world.status == "playing":
        p = world.current()
        legal = legal_actions(world, p)
        t0 = time.process_time()
        choice = agents[p].choose(view_for(world, p), legal, random.Random(len(decisions)))
        dt = time.process_time() - t0
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
            "s_per_year": round(statistics.mean(years), 3), "s_max_year": round(max(years), 3),
            "wall_s": round(time.perf_counter() - wall, 1), "hash": engine.world_hash(world)[:16],
            "winner": engine.winner(world)}


def sweep(sc, games: int, level: str = "normal") -> dict:
    """Whole games with eight AI seats at `level`, one process: games per CPU second, and the
    minutes a 1,000-game sweep would take on 2 cores at that rate."""
    from ai.factory import agents_for
    from game import engine
    from game.sim import play
    cpu, wall, hashes = time.process_time(), time.perf_counter(), []
    for seed in range(games):
        r = play(sc.world, agents_for(sc.world, level, sc.personalities), seed)
        hashes.append(engine.world_hash(r.final)[:16] + ":" + r.winner)
    rate = games / (time.process_time() - cpu)
    return {"games": games, "games_per_s_per_core": round(rate, 3),
            "sweep_1000_on_2_cores_min": round(SWEEP_GAMES / (SWEEP_CORES * rate) / 60, 1),
            "wall_s": round(time.perf_counter() - wall, 1), "results": hashes}


def measure(fn, *args) -> tuple[dict, dict]:
    """`fn(*args)` with the memo tables and then afresh (tables off and emptied)."""
    from game.model import memo
    memo.clear()
    with memo.off():
        fresh = fn(*args)
    memo.clear()
    return fn(*args), fresh


def main() -> None:
    """Time each difficulty and the normal sweep, with and without the memo tables; JSON last."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=4, help="normal-AI games in the sweep measure")
    parser.add_argument("--levels", default="easy,normal,hard,historical")
    parser.add_argument("--quick", action="store_true", help="the short form of the scenario")
    ns = parser.parse_args()
    from game.scenario.loader import load
    sc = load("2015", short=ns.quick)
    out: dict = {"bench": "ai", "scenario": "2015", "short": ns.quick, "ai_seats": 7, "clock": "process_time",
                 "goal_s_per_year": GOAL_S_PER_YEAR}
    same = True
    for level in ns.levels.split(","):
        memo_run, fresh = measure(solo, sc, level)
        same &= (memo_run["hash"], memo_run["winner"]) == (fresh["hash"], fresh["winner"])
        out[level] = {"memo": memo_run, "fresh": fresh,
                      "speedup": round(fresh["s_per_year"] / max(memo_run["s_per_year"], 1e-9), 2)}
        print(level, out[level])
    memo_sweep, fresh_sweep = measure(sweep, sc, ns.games)
    same &= memo_sweep.pop("results") == fresh_sweep.pop("results")
    out["sweep_normal"] = {"memo": memo_sweep, "fresh": fresh_sweep,
                           "goal_games_per_s_per_core": round(SWEEP_GAMES / (SWEEP_CORES * SWEEP_SECONDS), 2)}
    print("sweep", out["sweep_normal"])
    out["identical"] = same
    out["goal_met"] = {lv: out[lv]["memo"]["s_per_year"] < goal for lv, goal in GOAL_S_PER_YEAR.items() if lv in out}
    out["goal_met"]["sweep"] = memo_sweep["sweep_1000_on_2_cores_min"] * 60 < SWEEP_SECONDS
    print(json.dumps(out))


if __name__ == "__main__":
    main()
