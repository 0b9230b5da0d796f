"""A process killed while it saves never damages the save already on disk."""
from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

from ai.baseline import RandomAgent
from game import engine, save
from game.scenario.loader import load as load_scenario
from game.session import Seat, Session

KILLS = 40  # kills at least
MAX_KILLS = 200  # on a loaded machine, go on until a kill has landed mid-write and both games were seen


def two_games() -> tuple[Session, Session]:
    """An early and a finished game, so the file on disk can be told apart."""
    sc = load_scenario("2015")
    seats = {p: Seat(p, False) for p in sc.world.order}
    early = Session.start(sc.world, seats, 8, make_agent=lambda w, s: RandomAgent(0.3), scenario_raw=sc.raw)
    late = Session.start(sc.world, seats, 8, make_agent=lambda w, s: RandomAgent(0.3), scenario_raw=sc.raw)
    late.run_ai()
    return early, late


def keep_saving(path: str, early: Session, late: Session, ready) -> None:
    """The child: save the two games in turn into the same path, forever."""
    save.save(early, path)
    ready.set()
    while True:
        save.save(late, path)
        save.save(early, path)


def save_cycle(late: Session, early: Session, path: Path) -> float:
    """Seconds one save of each game takes here (at least 0.03): how long after `ready` a kill may land."""
    t0 = time.perf_counter()
    save.save(late, path)
    save.save(early, path)
    return max(0.03, time.perf_counter() - t0)


def test_killing_a_saving_process_never_leaves_a_broken_save(tmp_path: Path):
    early, late = two_games()
    known = {engine.world_hash(early.world), engine.world_hash(late.world)}
    path = tmp_path / "slot.json"
    rng = random.Random(2024)
    ctx = multiprocessing.get_context("fork")
    window = save_cycle(late, early, tmp_path / "probe" / "probe.json")  # kills land anywhere in a save cycle
    seen = set()
    for n in range(MAX_KILLS):
        if n >= KILLS and seen == known and list(tmp_path.glob(".slot.json.*.tmp")):
            break
        ready = ctx.Event()
        child = ctx.Process(target=keep_saving, args=(str(path), early, late, ready), daemon=True)
        child.start()
        assert ready.wait(30)
        time.sleep(rng.uniform(0, window * (1 + n // KILLS)))  # a loaded machine saves slower: reach further
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
        assert child.exitcode == -signal.SIGKILL
        loaded = save.load(path)  # the old or the new game, whole, never a partial file
        h = engine.world_hash(loaded.world)
        assert h in known
        seen.add(h)
    leftovers = list(tmp_path.glob(".slot.json.*.tmp"))
    assert leftovers, "no kill landed in the middle of a write; the test proved nothing"
    assert seen == known
    assert [i.path.name for i in save.list_saves(tmp_path)] == ["slot.json"]  # temporaries are not listed


def test_a_plain_write_would_have_been_damaged(tmp_path: Path):
    """The control: cutting a save's text at a random point (what a kill mid-write leaves) never loads."""
    early, late = two_games()
    text = save.dumps(late)
    rng = random.Random(7)
    for _ in range(20):
        (tmp_path / "plain.json").write_text(text[:rng.randrange(len(text))])
        try:
            save.load(tmp_path / "plain.json")
        except save.SaveError:
            continue
        raise AssertionError("a partial file loaded")
