"""Save and load times and file size of a finished 2015 game. Goal: save and load each under 50 ms.

Run: PYTHONPATH=. python3 bench/saves.py  (prints a table, then one JSON object on the last line)
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ai.baseline import GreedyAgent, RandomAgent  # noqa: E402
from game import engine, save  # noqa: E402
from game.replay import rerun  # noqa: E402
from game.scenario.loader import load as load_scenario  # noqa: E402
from game.session import Seat, Session  # noqa: E402

GOAL_MS = 50.0
REPEAT = 15


def finished_game(make_agent, seed: int) -> Session:
    """A whole 2015 game played by agents."""
    sc = load_scenario("2015")
    seats = {p: Seat(p, human=False) for p in sc.world.order}
    s = Session.start(sc.world, seats, seed, make_agent=make_agent, scenario_raw=sc.raw)
    s.run_ai()
    return s


def timed(fn) -> float:
    """The median wall time of `fn` in milliseconds."""
    runs = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)


def measure(name: str, session: Session, folder: Path) -> dict:
    """Save, load and replay figures for one game."""
    path = folder / f"{name}.json"
    save_ms = timed(lambda: save.save(session, path))
    load_ms = timed(lambda: save.load(path))
    loaded = save.load(path)
    assert engine.world_hash(loaded.world) == engine.world_hash(session.world)
    t = time.perf_counter()
    ok = not rerun(loaded).diverged
    replay_ms = (time.perf_counter() - t) * 1000
    return {"actions": len(session.actions), "log_entries": len(session.log), "bytes": path.stat().st_size,
            "save_ms": round(save_ms, 2), "load_ms": round(load_ms, 2), "replay_ms": round(replay_ms, 1),
            "replay_ok": ok}


def main() -> int:
    """Measure a long game (about 1000 actions) and a greedy one; print the figures."""
    games = {
        "long": finished_game(lambda w, s: RandomAgent(0.05), 4),
        "greedy": finished_game(lambda w, s: GreedyAgent(), 1),
    }
    with tempfile.TemporaryDirectory() as tmp:
        save.save(games["greedy"], Path(tmp) / "warm.json")  # first-call costs (caches) out of the figures
        save.load(Path(tmp) / "warm.json")
        figures = {name: measure(name, g, Path(tmp)) for name, g in games.items()}
    for name, f in figures.items():
        print(f"{name:>7}: {f['actions']:5d} actions, {f['bytes'] / 1024:7.1f} KiB, save {f['save_ms']:6.2f} ms, "
              f"load {f['load_ms']:6.2f} ms, replay {f['replay_ms']:7.1f} ms ({'ok' if f['replay_ok'] else 'DIVERGED'})")
    worst = max(max(f["save_ms"], f["load_ms"]) for f in figures.values())
    out = {"bench": "saves", "goal_ms": GOAL_MS, "meets_goal": worst < GOAL_MS, **{
        f"{name}_{k}": v for name, f in figures.items() for k, v in f.items()}}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
