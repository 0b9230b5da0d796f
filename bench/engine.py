#!/usr/bin/env python3
"""Engine benchmark: a played random-agent year, whole games per second with the baseline
agents, and the median time to resolve one year of the full 2015 world.

A random-agent game is played two ways in the same run, to the same final hash:
- `fast`: as `simulate` plays it now (game.sim.play): the legal actions worked out once per
  World, the chosen action not validated again, the world hash only when read, the
  scenario loaded once;
- `plain`: legal actions asked afresh, every chosen action validated by `engine.step`, the
  world hash taken every year and the scenario loaded for every game (as before).
Times are CPU seconds of this process. When the MILA Diplomacy engine (`diplomacy` on PyPI)
is installed, one of its phases is timed too (random orders), and the ratio is given;
otherwise it is reported as unavailable. `final_hashes` (the first 16 digits of each random-agent game's final
world hash, seeds 0-5) must not move with a speed change.

Prints one JSON object on its last line:
{"bench": "engine", "random_year_ms": ..., "random_year_ms_plain": ..., "final_hashes": [...], "games_per_s": ..., ...}
Goals (2-core machine): random_year_ms <= 1, year_ms < 5.
"""
from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ai.baseline import GreedyAgent, RandomAgent  # noqa: E402
from game import engine  # noqa: E402
from game.model.ops import evolve  # noqa: E402
from game.rules.legal import legal_actions, view_for  # noqa: E402
from game.scenario.loader import load  # noqa: E402
from game.sim import play  # noqa: E402

GOAL_YEAR_MS = 1.0


def fast_game(world, seed: int) -> tuple[str, int]:
    """One random-agent game as `simulate` plays it; (final hash, years played)."""
    r = play(world, {p: RandomAgent() for p in world.order}, seed)
    return engine.world_hash(r.final), r.final.year - world.start_year + 1


def plain_game(scenario: str, seed: int) -> tuple[str, int]:
    """The same game the plain way: scenario loaded, legal actions asked, every action validated, every year hashed."""
    import random as _random
    world = evolve(load(scenario).world, seed=seed)
    world, _ = engine.start(world)
    agents, n = {p: RandomAgent() for p in world.order}, 0
    while world.status == "playing":
        p, year = world.current(), world.year
        key = f"{world.seed}|{world.year}|{world.phase}|{n}"
        choice = agents[p].choose(view_for(world, p), legal_actions(world, p), _random.Random(key))
        world, _ = engine.step(world, choice.action)
        n += 1
        if world.year != year or world.status != "playing":
            engine.world_hash(world)
    return engine.world_hash(world), world.year - load(scenario).world.start_year + 1


def random_years(games: int) -> dict:
    """CPU ms per played random-agent year, both ways, and whether they end alike."""
    world = load("2015").world
    t = time.process_time()
    fast = [fast_game(world, seed) for seed in range(games)]
    fast_s = time.process_time() - t
    t = time.process_time()
    plain = [plain_game("2015", seed) for seed in range(games)]
    plain_s = time.process_time() - t
    years = sum(y for _, y in fast)
    return {"random_year_ms": round(1000 * fast_s / years, 3), "random_year_ms_plain": round(1000 * plain_s / years, 3),
            "random_games": games, "identical": [h for h, _ in fast] == [h for h, _ in plain],
            "final_hashes": [h[:16] for h, _ in fast]}


def games_per_second(world, make_agent, games: int) -> float:
    """Whole games played per CPU second, one process."""
    start = time.process_time()
    for seed in range(games):
        play(world, {p: make_agent() for p in world.order}, seed)
    return games / (time.process_time() - start)


def year_ms(world, samples: int = 200) -> float:
    """Median milliseconds to resolve a year: resolution, end of year, events and income."""
    results = play(world, {p: GreedyAgent() for p in world.order}, 3)
    w = evolve(results.final, status="playing", year=world.start_year + 3, end_year=world.end_year, phase="resolution")
    times = []
    for _ in range(samples):
        t = time.process_time()
        engine.advance(w)
        times.append(time.process_time() - t)
    return statistics.median(times) * 1000


def diplomacy_phase_ms(phases: int = 40) -> float | None:
    """CPU ms per phase of the MILA Diplomacy engine with random orders; None when it is not installed."""
    try:
        from diplomacy import Game
    except ImportError:
        return None
    rng, game, total, done = random.Random(1), Game(), 0.0, 0
    while done < phases:
        if game.is_game_done:
            game = Game()
        t = time.process_time()
        possible = game.get_all_possible_orders()
        for power in game.powers:
            orders = [rng.choice(possible[loc]) for loc in game.get_orderable_locations(power) if possible[loc]]
            game.set_orders(power, orders)
        game.process()
        total += time.process_time() - t
        done += 1
    return 1000 * total / phases


def main() -> None:
    world = load("2015").world
    figures = {"bench": "engine", "clock": "process_time", "goal_random_year_ms": GOAL_YEAR_MS, **random_years(6)}
    figures["games_per_s"] = round(games_per_second(world, RandomAgent, 20), 2)
    figures["games_per_s_greedy"] = round(games_per_second(world, GreedyAgent, 10), 2)
    figures["year_ms"] = round(year_ms(world), 3)
    dip = diplomacy_phase_ms()
    figures["diplomacy_phase_ms"] = round(dip, 3) if dip is not None else "unavailable (pip install diplomacy)"
    if dip is not None:
        figures["ratio_diplomacy_to_year"] = round(dip / figures["random_year_ms"], 2)
    figures["goal_met"] = figures["random_year_ms"] <= GOAL_YEAR_MS
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
