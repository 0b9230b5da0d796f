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
    scenario, seed, agent_kind, history, *rest = args
    from game.scenario.loader import load
    from game.sim import play
    sc = load(scenario)
    if rest and rest[0]:
        result = _saved_game(sc, _agents(sc.world, agent_kind), seed, rest[0])
    else:
        result = play(sc.world, _agents(sc.world, agent_kind), seed)
    out = {"seed": seed, "winner": result.winner, "status": result.status, "scores": result.scores}
    if history:
        out["history"] = list(result.history)
    return out


def _saved_game(sc, agents: dict, seed: int, folder: str):
    """Play one game like `sim.play` and write its save as FOLDER/<scenario>-seed<seed>.json."""
    from pathlib import Path
    from game import engine
    from game.save import save
    from game.session import Seat, Session
    from game.sim import GameResult
    seats = {p: Seat(p, human=False) for p in sc.world.order}
    session = Session.start(sc.world, seats, seed, make_agent=lambda w, seat: agents[seat.power],
                            scenario_raw=sc.raw)
    session.run_ai()
    save(session, Path(folder) / f"{sc.id}-seed{seed}.json")
    w = session.world
    return GameResult(seed, engine.winner(w), w.status, dict(w.scores), tuple(session.actions),
                      tuple(session.log), tuple(session.history), w)


def simulate(ns: argparse.Namespace) -> int:
    """Play whole games headless and print winners and mean agenda scores."""
    from game.scenario.loader import load
    sc = load(ns.scenario)
    jobs = [(ns.scenario, ns.seed + i, ns.agent, ns.history, ns.save) for i in range(ns.games)]
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


def replay(ns: argparse.Namespace) -> int:
    """Re-run a save's action log: 0 when it reaches the saved World, 1 naming the first diverging year."""
    from game.replay import replay_file
    result = replay_file(ns.save)
    if result.diverged:
        print(f"{ns.save}: {result.message}.", file=sys.stderr)
        return 1
    years = len(result.worlds) - 1
    print(f"{ns.save}: the replay reaches the saved World ({years} years, {result.final.year}).")
    return 0


HEADLESS_DRIVERS = ("offscreen", "dummy")


def play_game(ns: argparse.Namespace) -> int:
    """Open the game window; without a screen, say so in one sentence (exit 2)."""
    import os

    import pygame
    from game.ui.app import run
    pygame.display.init()  # the game has no sound: audio is never started
    pygame.font.init()
    try:
        driver = pygame.display.get_driver()
        if driver in HEADLESS_DRIVERS and not os.environ.get("SDL_VIDEODRIVER"):
            print(f"No screen was found (SDL chose the '{driver}' video driver); run the game on a desktop, "
                  "or play headless with: python run_game.py simulate --scenario 2015", file=sys.stderr)
            return EXIT_BAD_INPUT
        return run(ns)
    finally:
        pygame.quit()


def demo(ns: argparse.Namespace) -> int:
    """Play AI-only years on screen, opening every kind of scene, saving screenshots."""
    from game.ui.demo import main as demo_main
    return demo_main(ns)


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
    sim.add_argument("--save", metavar="DIR", default="", help="write each finished game's save into DIR")
    sim.set_defaults(func=simulate)
    rep = sub.add_parser("replay", help="re-run a save's actions and check they reach its World")
    rep.add_argument("save", metavar="SAVE")
    rep.set_defaults(func=replay)
    val = sub.add_parser("validate", help="check scenario files")
    val.add_argument("files", nargs="+")
    val.set_defaults(func=validate)
    dem = sub.add_parser("demo", help="AI-only years on screen with a screenshot of every scene")
    dem.add_argument("--scenario", default="2015")
    dem.add_argument("--years", type=int, default=3)
    dem.add_argument("--seed", type=int, default=1)
    dem.add_argument("--size", default="1280x720", help="window size, WIDTHxHEIGHT")
    dem.add_argument("--screenshots", default="demo-screenshots", help="folder for the PNG files")
    dem.set_defaults(func=demo)
    ap.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)  # bench/frame.py
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run the command; bad input gives one sentence and exit code 2, never a traceback."""
    ns = parser().parse_args(argv)
    try:
        if ns.startup_probe:
            from game.ui.demo import startup_probe
            return startup_probe()
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
