"""Soak: play many full games across every scenario and agent; count exceptions and invariant breaks.

Every game is checked with `game.rules.invariants.problems` after every event and at the end of every
year; any exception is counted with its place. Games run in worker processes (`--jobs`), each loading
every scenario once and playing its share of the plan. Goal: 0 and 0 in 10,000 games
(`nice -n 19 python bench/soak.py --games 10000 --jobs 2`, outside CI). Prints one JSON object on its
last line; `--progress N` prints a line every N games before it.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SCENARIOS = ("1992", "2015", "2025", "caspian_crisis", "japan_first")
LEVELS = ("easy", "normal", "hard", "historical")
SCRIPTED = ("nothing", "summits", "aid", "accept", "sell2x")  # ai/scripted.py POLICIES
SEAT_KINDS = ("random", "greedy", *LEVELS, *SCRIPTED)
AGENTS = ("random", "greedy", *LEVELS, "scripted", "mixed")  # how a game's seats are filled
_LOADED: dict = {}  # scenario id -> Scenario, loaded once in each worker process


def plan(n: int, first_seed: int = 1) -> list[tuple[str, str, int]]:
    """The games to play: (scenario, agent, seed), cycling through every scenario and agent."""
    combos = [(s, a) for a in AGENTS for s in SCENARIOS]
    return [(*combos[i % len(combos)], first_seed + i) for i in range(n)]


def scenario(sid: str):
    """A scenario, loaded once in this process."""
    if sid not in _LOADED:
        from game.scenario.loader import load
        _LOADED[sid] = load(sid)
    return _LOADED[sid]


def seat_agent(sc, power: str, kind: str):
    """One seat's agent: a baseline, a personality at a difficulty, or a scripted policy."""
    if kind in ("random", "greedy"):
        from ai.baseline import GreedyAgent, RandomAgent
        return RandomAgent(0.3) if kind == "random" else GreedyAgent()
    if kind in SCRIPTED:
        from ai.scripted import POLICIES
        return POLICIES[kind]()
    from ai.factory import make_agent
    return make_agent(sc.world, power, kind, sc.personalities)


def seat_kinds(sc, kind: str, seed: int) -> dict[str, str]:
    """What plays each seat: one kind for all; `scripted`: one seat scripted, the rest normal; `mixed`: any."""
    order, rng = sc.world.order, random.Random(seed)
    if kind == "mixed":
        return {p: rng.choice(SEAT_KINDS) for p in order}
    if kind == "scripted":
        odd = order[seed % len(order)]
        return {p: SCRIPTED[seed % len(SCRIPTED)] if p == odd else "normal" for p in order}
    return {p: kind for p in order}


def soak_one(job: tuple[str, str, int]) -> dict:
    """Play one game; the invariant breaks seen after events and years, and any exception."""
    from game.rules import events, invariants
    from game.session import Seat, Session
    sid, kind, seed = job
    breaks: list[str] = []
    real_fire = events.fire

    def checked_fire(world, ev):
        after = real_fire(world, ev)
        breaks.extend(f"after event {ev.id} in {world.year}: {p}" for p in invariants.problems(after))
        return after
    events.fire = checked_fire
    years = 0
    try:
        from attrs import evolve

        from ai.factory import game_world
        sc = scenario(sid)
        kinds = seat_kinds(sc, kind, seed)
        sc = evolve(sc, world=game_world(sc, kinds))  # with the events a historical seat switches on
        agents = {p: seat_agent(sc, p, k) for p, k in kinds.items()}
        seats = {p: Seat(p, False) for p in sc.world.order}
        session = Session.start(sc.world, seats, seed, make_agent=lambda w, seat: agents[seat.power])
        session.on_year_end.append(
            lambda s: breaks.extend(f"end of {s.world.year}: {p}" for p in invariants.problems(s.world)))
        session.run_ai()
        years = session.world.year - sc.world.start_year + 1
        breaks.extend(f"final: {p}" for p in invariants.problems(session.world))
        error = "" if session.world.status != "playing" else "the game stopped before its end"
    except Exception as e:  # counted and reported, never fatal to the soak
        where = traceback.extract_tb(e.__traceback__)[-1]
        error = f"{type(e).__name__}: {str(e)[:300]} ({Path(where.filename).name}:{where.lineno} {where.name})"
    finally:
        events.fire = real_fire
    return {"job": list(job), "breaks": breaks[:5], "n_breaks": len(breaks), "error": error, "years": years}


def results(todo: list, jobs: int):
    """Each game's result as it finishes (in worker processes when jobs > 1)."""
    if jobs <= 1:
        yield from map(soak_one, todo)
        return
    import multiprocessing
    with multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn").Pool(jobs) as pool:
        yield from pool.imap_unordered(soak_one, todo, chunksize=max(1, min(16, len(todo) // (jobs * 8))))


def soak(n: int, jobs: int = 1, first_seed: int = 1, progress: int = 0) -> dict:
    """Play `n` games (in `jobs` processes) and summarise exceptions and invariant breaks."""
    started = time.perf_counter()
    done, bad, errors, breaks, years = 0, [], Counter(), 0, 0
    by_kind = Counter()
    for r in results(plan(n, first_seed), jobs):
        done += 1
        years += r["years"]
        breaks += r["n_breaks"]
        by_kind[f"{r['job'][0]}/{r['job'][1]}"] += 1
        if r["error"]:
            errors[r["error"]] += 1
        if r["error"] or r["n_breaks"]:
            bad.append(r)
        if progress and done % progress == 0:
            print(f"{done} games, {sum(errors.values())} exceptions, {breaks} invariant breaks, "
                  f"{time.perf_counter() - started:.0f} s", flush=True)
    seconds = time.perf_counter() - started
    bad.sort(key=lambda r: r["job"][2])
    return {"games": done, "exceptions": sum(errors.values()), "invariant_breaks": breaks,
            "distinct_errors": dict(errors.most_common(5)), "first_problems": bad[:5], "years_played": years,
            "scenarios": len(SCENARIOS), "agents": list(AGENTS), "combinations": len(by_kind), "jobs": jobs,
            "first_seed": first_seed, "seconds": round(seconds, 1), "games_per_second": round(done / max(1e-9, seconds), 3)}


def positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return value


def main(argv: list[str] | None = None) -> int:
    """Run the soak; exit 1 when anything broke."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--games", type=positive, default=30)
    ap.add_argument("--jobs", type=positive, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--progress", type=int, default=0, help="print a line every N games")
    ns = ap.parse_args(argv)
    out = soak(ns.games, ns.jobs, ns.seed, ns.progress)
    print(json.dumps(out))
    return 1 if out["exceptions"] or out["invariant_breaks"] else 0


if __name__ == "__main__":
    sys.exit(main())
