"""Replays: the action log re-run from scenario and seed reaches the saved World, in any process."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ai.baseline import GreedyAgent, RandomAgent
from game import engine, save
from game.errors import SaveError
from game.replay import replay_file, rerun
from game.rules.actions import parse
from game.scenario.loader import load as load_scenario
from game.session import Seat, Session

ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def scenario():
    return load_scenario("2015")


def finished(seed: int, agent=lambda w, s: RandomAgent(0.3)) -> Session:
    sc = scenario()
    s = Session.start(sc.world, {p: Seat(p, False) for p in sc.world.order}, seed, make_agent=agent,
                      scenario_raw=sc.raw)
    s.run_ai()
    return s


def cli(*args, seed="0") -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "run_game.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000))
def test_every_logged_action_reads_back_exactly(seed):
    """The text form is lossless: offers keep their sides, numbers keep every digit."""
    chosen = []

    class Recording(RandomAgent):
        def choose(self, view, legal, rng):
            decision = super().choose(view, legal, rng)
            chosen.append(decision.action)
            return decision
    s = finished(seed, lambda w, seat: Recording(0.3))
    assert len(chosen) == len(s.actions)
    for action, text in zip(chosen, s.actions):
        assert parse(text) == action


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000))
def test_replay_of_a_saved_game_reaches_every_year(seed, tmp_path_factory):
    path = tmp_path_factory.mktemp("rp") / "g.json"
    s = finished(seed)
    save.save(s, path)
    run = replay_file(path)
    assert not run.diverged, run.message
    assert engine.world_hash(run.final) == engine.world_hash(s.world)
    assert [engine.world_hash(w) for w in run.worlds[1:]] == [m.hash for m in s.year_marks]


def test_replay_mid_game_save(tmp_path):
    sc = scenario()
    s = Session.start(sc.world, {p: Seat(p, False) for p in sc.world.order}, 3,
                      make_agent=lambda w, seat: GreedyAgent(), scenario_raw=sc.raw)
    for _ in range(90):
        s.ai_step()
    save.save(s, tmp_path / "mid.json")
    assert not replay_file(tmp_path / "mid.json").diverged


def tampered(path: Path, edit) -> Path:
    doc = json.loads(path.read_text())
    edit(doc["body"])
    out = path.with_name("tampered.json")
    out.write_text(save.seal(doc["body"]))
    return out


def test_replay_names_the_first_year_that_diverges(tmp_path):
    s = finished(31, lambda w, seat: GreedyAgent())
    save.save(s, tmp_path / "g.json")
    third = s.year_marks[2]

    def forge(body):
        body["years"][2][2] = "0" * 64
    run = replay_file(tampered(tmp_path / "g.json", forge))
    assert run.diverged and run.year == third.year
    assert str(third.year) in str(run.message)


def test_replay_reports_an_action_the_scenario_does_not_allow(tmp_path):
    s = finished(32)
    save.save(s, tmp_path / "g.json")
    k = next(i for i, a in enumerate(s.actions) if not a.startswith("end"))

    def forge(body):
        body["actions"].insert(k, "build japan no_such_corridor")
    run = replay_file(tampered(tmp_path / "g.json", forge))
    assert run.diverged and "not legal" in str(run.message) and run.year == s.world.start_year


def test_replay_detects_a_changed_scenario(tmp_path):
    s = finished(33)
    save.save(s, tmp_path / "g.json")

    def forge(body):
        body["scenario"]["raw"]["powers"]["japan"]["treasury"] += 5
    run = replay_file(tampered(tmp_path / "g.json", forge))
    assert run.diverged and "different opening World" in str(run.message) and run.year == s.world.start_year


def test_replay_command_exit_codes_across_processes(tmp_path):
    """Exit 0 in fresh processes with different hash seeds; 1 naming a year; 2 for an unreadable file."""
    s = finished(40)
    path = tmp_path / "g.json"
    save.save(s, path)
    for hashseed in ("1", "12345"):
        out = cli("replay", str(path), seed=hashseed)
        assert out.returncode == 0, out.stderr
        assert "reaches the saved World" in out.stdout
    year = s.year_marks[4].year

    def forge(body):
        body["years"][4][2] = "f" * 64
    out = cli("replay", str(tampered(path, forge)))
    assert out.returncode == 1 and f"diverges in {year}" in out.stderr
    (tmp_path / "junk.json").write_text("{")
    out = cli("replay", str(tmp_path / "junk.json"))
    assert out.returncode == 2 and "junk.json" in out.stderr and "Traceback" not in out.stderr


def test_simulate_save_writes_replayable_games_in_another_process(tmp_path):
    out = cli("simulate", "--games", "2", "--seed", "7", "--agent", "greedy", "--save", str(tmp_path / "out"), seed="99")
    assert out.returncode == 0, out.stderr
    files = sorted((tmp_path / "out").glob("*.json"))
    assert [f.name for f in files] == ["2015-seed7.json", "2015-seed8.json"]
    sc = scenario()
    agents = {p: GreedyAgent() for p in sc.world.order}
    from game.sim import play
    here = play(sc.world, agents, 7)
    loaded = save.load(files[0])
    assert engine.world_hash(loaded.world) == engine.world_hash(here.final)
    assert loaded.actions == list(here.actions)
    assert not rerun(loaded).diverged


def test_year_worlds_refuses_a_diverging_log(tmp_path):
    s = finished(50)
    save.save(s, tmp_path / "g.json")

    def forge(body):
        body["years"][0][2] = "1" * 64
    loaded = save.load(tampered(tmp_path / "g.json", forge))
    with pytest.raises(SaveError, match="diverges"):
        save.year_worlds(loaded)
