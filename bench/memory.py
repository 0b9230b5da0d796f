#!/usr/bin/env python3
"""Memory benchmark: resident memory (RSS) at the main menu, in play, at the debrief (every
tab drawn) and over a long headless simulate, in one process under the dummy video driver.

RSS is read from /proc/self/status (VmRSS now, VmHWM the peak). Goal (issue 16): the
peak at the debrief within 1.5x the RSS at the main menu plus the charts (the bytes of the chart
surfaces the debrief keeps, `charts_mb`: `goal_debrief_mb`, `goal_met`); the text cache
bounded by bytes (`theme.TEXT_CACHE_BYTES`), so it cannot grow with the game.
Usage: bench/memory.py [--games N] (random-agent games of the simulate part; default 200)
Prints one JSON object on its last line.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SIZE = (1280, 720)


def rss_mb(field: str = "VmRSS") -> float:
    """This process's resident memory (or its peak, `VmHWM`), MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def frames(app, n: int = 3) -> None:
    """Draw `n` frames."""
    for _ in range(n):
        app.dirty = True
        app.step(1 / 60, [])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=200)
    ns = parser.parse_args()
    import pygame
    from ai.baseline import RandomAgent
    from game.scenario.loader import load
    from game.session import Seat, Session
    from game.sim import play
    from game.ui import theme
    from game.ui.app import App, Settings
    from game.ui.debrief import TABS, DebriefScene
    from game.ui.game import GameScene
    from game.ui.menu import MainMenuScene
    pygame.init()
    out = {"bench": "memory", "start_mb": rss_mb()}
    app = App(pygame.Surface(SIZE), Settings(*SIZE), Path(os.devnull))
    app.manager.push(MainMenuScene())
    frames(app)
    out["menu_mb"] = rss_mb()
    world = load("2015").world
    session = Session.start(world, {p: Seat(p, p == "japan") for p in world.order}, 3)
    session.run_ai()
    game = GameScene(session)
    app.manager.push(game)
    frames(app, 10)
    out["play_mb"] = rss_mb()
    done = Session.start(world, {p: Seat(p, False) for p in world.order}, 3)
    done.run_ai()
    scene = DebriefScene(done)
    app.manager.push(scene)
    for i in range(len(TABS)):
        scene.tab = i
        frames(app)
    out["debrief_mb"] = rss_mb()
    out["debrief_peak_mb"] = rss_mb("VmHWM")
    out["charts_mb"] = round(sum(s.get_width() * s.get_height() * s.get_bytesize() for s in scene._cache.values())
                             / 2 ** 20, 2)  # the debrief's chart surfaces, drawn once and kept
    out["goal_debrief_mb"] = round(1.5 * out["menu_mb"] + out["charts_mb"], 1)
    out["goal_met"] = out["debrief_peak_mb"] <= out["goal_debrief_mb"]
    out["text_cache_mb"] = round(theme._cache.bytes / 2 ** 20, 2)
    out["text_cache_limit_mb"] = round(theme.TEXT_CACHE_BYTES / 2 ** 20, 2)
    for seed in range(ns.games):
        play(world, {p: RandomAgent() for p in world.order}, seed)
    out["simulate_games"] = ns.games
    out["simulate_mb"] = rss_mb()
    out["peak_mb"] = rss_mb("VmHWM")
    out["debrief_over_menu"] = round(out["debrief_peak_mb"] / out["menu_mb"], 2)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
