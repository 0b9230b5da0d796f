"""Soak: play many full games across every scenario and agent; count exceptions and invariant breaks.

Every game is checked with `game.rules.invariants.problems` after every event and at the end of
every year; any exception is counted with its first line. Goal: 0 and 0 in 10,000 games
(`python bench/soak.py --games 10000 --jobs 2`, outside CI). Prints one JSON object on its last line.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SCENARIOS = ("1992", "2015", "2025", "caspian_crisis", "japan_first")
AGENTS = ("random", "greedy", "easy", "normal", "hard", "historical")


def plan(n: int, first_seed: int = 1) -> list[tuple[str, str, int]]:
    """The games to play: (scenario, agent, seed), cycling through every scenario and agent."""
    combos = [(s, a) for a in AGENTS for s in SCENARIOS]
    return [(*combos[i % len(combos)], first_seed + i) for i in range(n)]


def agents_for(sc, kind: str) -> dict:
    """One agent per seat: a baseline, or the personalities at a difficulty."""
    if kind in ("random", "greedy"):
        from ai.baseline import GreedyAgent, RandomAgent
        make = {"random": lambda: RandomAgent(0.3), "greedy": GreedyAgent}[kind]
        return {p: make() for p in sc.world.order}
    from ai.factory import agents_for as personalities
    return personalities(sc.world, kind, sc.personalities)


def soak_one(job: tuple[str, str, int]) -> dict:
    """Play one game; the invariant breaks seen after events and years, and any exception."""
    from game.rules import events, invariants
    from game.scenario.loader import load
    from game.session import Seat, Session
    scenario, kind, seed = job
    breaks: list[str] = []
    real_fire = events.fire

    def checked_fire(world, ev):
        after = real_fire(world, ev)
        breaks.extend(f"after event {ev.id} in {world.year}: {p}" for p in invariants.problems(after))
        return after
    events.fire = checked_fire
    try:
        sc = load(scenario)
        agents = agents_for(sc, kind)
        seats = {p: Seat(p, False) for p in sc.world.order}
        session = Session.start(sc.world, seats, seed, make_agent=lambda w, seat: agents[seat.power])
        session.on_year_end.append(
            lambda s: breaks.extend(f"end of {s.world.year}: {p}" for p in invariants.problems(s.world)))
        session.run_ai()
        breaks.extend(f"final: {p}" for p in invariants.problems(session.world))
        error = "" if session.world.status != "playing" else "the game stopped before its end"
    except Exception as e:  # counted and reported, never fatal to the soak
        error = f"{type(e).__name__}: {e} ({traceback.extract_tb(e.__traceback__)[-1].name})"
    finally:
        events.fire = real_fire
    return {"job": list(job), "breaks": breaks[:5], "n_breaks": len(breaks), "error": error}


def soak(n: int, jobs: int = 1, first_seed: int = 1) -> dict:
    """Play `n` games (in `jobs` processes) and summarise exceptions and invariant breaks."""
    started = time.perf_counter()
    todo = plan(n, first_seed)
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(soak_one, todo, chunksize=4))
    else:
        results = [soak_one(j) for j in todo]
    bad = [r for r in results if r["error"] or r["n_breaks"]]
    return {"games": len(results), "exceptions": sum(1 for r in results if r["error"]),
            "invariant_breaks": sum(r["n_breaks"] for r in results), "first_problems": bad[:5],
            "seconds": round(time.perf_counter() - started, 1),
            "games_per_second": round(len(results) / max(1e-9, time.perf_counter() - started), 2)}


def main(argv: list[str] | None = None) -> int:
    """Run the soak; exit 1 when anything broke."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--games", type=int, default=30)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ns = ap.parse_args(argv)
    out = soak(max(1, ns.games), max(1, ns.jobs), ns.seed)
    print(json.dumps(out))
    return 1 if out["exceptions"] or out["invariant_breaks"] else 0


if __name__ == "__main__":
    sys.exit(main())
