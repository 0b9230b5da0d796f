#!/usr/bin/env python3
"""Ray: `simulate --ray ADDRESS` plays the same games as a local run for the same seeds.

Plays `--games` seeded games of `--scenario` twice through the command line's own game runner
(`game.cli._run_games`): once locally, once as Ray tasks on the cluster at `--address`
("local" starts a private Ray instance on this machine; "auto" joins a running one). Compares
every game's winner, points and agenda scores, and times both. Needs the optional Ray package
(pip install ".[ray]"); without it, prints that Ray is unavailable. Never part of the default
test run. Prints one JSON object on its last line:
{"bench": "ray_sim", "games": ..., "identical": true, "local_s": ..., "ray_s": ...}
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.cli import Progress, _run_games  # noqa: E402


def jobs_for(scenario: str, games: int, seed: int, agent: str) -> list[tuple]:
    """The job tuples `simulate` builds for these games (no saves, no history, every seat by `agent`)."""
    return [(scenario, seed + i, agent, False, None, None, False, ()) for i in range(games)]


def summary(game: dict) -> tuple:
    """What a game's result must match across runs: seed, winner, status, points and agenda scores."""
    return game["seed"], game["winner"], game["status"], sorted(game["points"].items()), sorted(game["scores"].items())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--address", default="local")
    ap.add_argument("--scenario", default="2015")
    ap.add_argument("--games", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--agent", default="random", choices=("random", "greedy", "personality"))
    ns = ap.parse_args()
    try:
        import ray  # noqa: F401
    except ImportError:
        print(json.dumps({"bench": "ray_sim", "ray": "unavailable (pip install '.[ray]')"}))
        return
    jobs = jobs_for(ns.scenario, ns.games, ns.seed, ns.agent)
    t = time.perf_counter()
    local = _run_games(jobs, 1, Progress(len(jobs), "local"))
    local_s = time.perf_counter() - t
    t = time.perf_counter()
    remote = _run_games(jobs, 1, Progress(len(jobs), "ray"), ns.address)
    ray_s = time.perf_counter() - t
    print(json.dumps({"bench": "ray_sim", "address": ns.address, "scenario": ns.scenario, "games": len(jobs),
                      "identical": [summary(g) for g in local] == [summary(g) for g in remote],
                      "local_s": round(local_s, 2), "ray_s": round(ray_s, 2)}))


if __name__ == "__main__":
    main()
