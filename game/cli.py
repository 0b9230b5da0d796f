"""The command line: play, simulate, validate. Bad input gets one sentence and exit code 2."""
from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor

from game.errors import HeartlandError, ScenarioErrors

EXIT_BAD_INPUT = 2


def _agents(world, kind: str) -> dict:
    from ai.baseline import GreedyAgent, RandomAgent
    make = {"random": RandomAgent, "greedy": GreedyAgent}[kind]
    return {p: make() for p in world.order}


def _one_game(args: tuple) -> dict:
    scenario, seed, agent_kind, history = args
    from game.scenario.loader import load
    from game.sim import play
    sc = load(scenario)
    result = play(sc.world, _agents(sc.world, agent_kind), seed)
    out = {"seed": seed, "winner": result.winner, "status": result.status, "scores": result.scores}
    if history:
        out["history"] = list(result.history)
    return out


def simulate(ns: argparse.Namespace) -> int:
    """Play whole games headless and print winners and mean agenda scores."""
    from game.scenario.loader import load
    sc = load(ns.scenario)
    jobs = [(ns.scenario, ns.seed + i, ns.agent, ns.history) for i in range(ns.games)]
    if ns.jobs > 1:
        with ProcessPoolExecutor(ns.jobs) as pool:
            games = list(pool.map(_one_game, jobs))
    else:
        games = [_one_game(j) for j in jobs]
    names = {p: sc.world.powers[p].name for p in sc.world.order}
    wins = {names[p]: sum(1 for g in games if g["winner"] == p) for p in sc.world.order}
    mean = {names[p]: round(sum(g["scores"].get(p, 0) for g in games) / len(games), 2) for p in sc.world.order}
    print(f"{'game':>5} {'seed':>6}  {'winner':<13} " + " ".join(f"{names[p][:6]:>7}" for p in sc.world.order))
    for i, g in enumerate(games):
        row = " ".join(f"{g['scores'].get(p, 0):7.1f}" for p in sc.world.order)
        print(f"{i + 1:>5} {g['seed']:>6}  {names.get(g['winner'], g['status']):<13} {row}")
    print(f"{'mean':>5} {'':>6}  {'':<13} " + " ".join(f"{mean[names[p]]:7.1f}" for p in sc.world.order))
    print("wins: " + ", ".join(f"{n} {k}" for n, k in wins.items()))
    if ns.json:
        out = {"games": len(games), "wins": wins, "mean_score": mean}
        if ns.history:
            out["history"] = [{"seed": g["seed"], "years": g["history"]} for g in games]
        print(json.dumps(out))
    return 0


def validate(ns: argparse.Namespace) -> int:
    """Check scenario files; print every problem as file:line: key: sentence."""
    from game.scenario.loader import load
    bad = 0
    for name in ns.files:
        try:
            load(name)
            print(f"{name}: ok")
        except ScenarioErrors as e:
            bad += 1
            for err in e.errors:
                print(err.describe())
    return EXIT_BAD_INPUT if bad else 0


def play_game(ns: argparse.Namespace) -> int:
    """Open the game window (or play headless when no screen is available)."""
    try:
        from game.ui.app import run
    except ImportError:
        print("The game window is not built yet; try: python run_game.py simulate --scenario 2015")
        return 0
    import pygame
    pygame.init()
    try:
        return run(ns)
    finally:
        pygame.quit()


def parser() -> argparse.ArgumentParser:
    """The command-line grammar."""
    ap = argparse.ArgumentParser(prog="run_game.py", description="Heartland: the contest for Central Asia.")
    sub = ap.add_subparsers(dest="command")
    sim = sub.add_parser("simulate", help="play whole games headless")
    sim.add_argument("--scenario", default="2015")
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--games", type=int, default=20)
    sim.add_argument("--jobs", type=int, default=1)
    sim.add_argument("--agent", choices=("random", "greedy"), default="greedy")
    sim.add_argument("--json", action="store_true", help="print one JSON object on the last line")
    sim.add_argument("--history", action="store_true", help="add each game's year-by-year series")
    sim.set_defaults(func=simulate)
    val = sub.add_parser("validate", help="check scenario files")
    val.add_argument("files", nargs="+")
    val.set_defaults(func=validate)
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run the command; bad input gives one sentence and exit code 2, never a traceback."""
    ns = parser().parse_args(argv)
    try:
        if ns.command is None:
            return play_game(ns)
        return ns.func(ns)
    except ScenarioErrors as e:
        for err in e.errors:
            print(err.describe(), file=sys.stderr)
        return EXIT_BAD_INPUT
    except HeartlandError as e:
        print(str(e), file=sys.stderr)
        return EXIT_BAD_INPUT
