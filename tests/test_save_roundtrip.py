"""Saves round trip: World data, whole sessions, the saves folder, autosave and quick-save."""
from __future__ import annotations

import json
import math
from functools import lru_cache

import pytest
from attrs import evolve
from hypothesis import HealthCheck, given, settings, strategies as st

from ai.baseline import GreedyAgent, RandomAgent
from game import engine, paths, save
from game.errors import SaveError
from game.scenario.loader import load as load_scenario
from game.session import Seat, Session


@lru_cache(maxsize=1)
def scenario():
    return load_scenario("2015")


def random_agents(world, seat):
    return RandomAgent(0.3)


def new_session(seed: int, humans=(), make_agent=random_agents, raw=True) -> Session:
    sc = scenario()
    seats = {p: Seat(p, human=p in humans, difficulty="hard" if p in humans else "normal") for p in sc.world.order}
    return Session.start(sc.world, seats, seed, make_agent=make_agent, scenario_raw=sc.raw if raw else None)


def ai_steps(session: Session, n: int) -> None:
    for _ in range(n):
        if session.world.status != "playing" or session.human_to_move():
            return
        session.ai_step()


SLOW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(seed=st.integers(0, 10_000), steps=st.integers(0, 700))
def test_world_data_round_trip_is_exact(seed, steps):
    """from_data inverts to_data: same hash, same record types, same key order."""
    s = new_session(seed)
    ai_steps(s, steps)
    w = s.world
    back = save.world_from_data(json.loads(json.dumps(engine.to_data(w))))
    assert engine.world_hash(back) == engine.world_hash(w) == save.hash_data(engine.to_data(w))
    assert back == w or _nan_in(w)
    assert list(back.powers) == list(w.powers)
    assert type(back.events) is tuple and all(type(e.effects) is tuple for e in back.events)
    for a, b in zip(back.economies.values(), w.economies.values()):
        assert a.projects == b.projects and type(a.projects) is tuple


def _nan_in(w) -> bool:
    text = json.dumps(engine.to_data(w))
    return "NaN" in text or "null" in text


@SLOW
@given(seed=st.integers(0, 10_000), steps=st.integers(0, 500))
def test_save_load_continue_equals_continuing(seed, steps, tmp_path_factory):
    """Saving, loading and playing on reaches the same game as playing on without saving."""
    path = tmp_path_factory.mktemp("rt") / "game.json"
    s = new_session(seed)
    ai_steps(s, steps)
    save.save(s, path)
    loaded = save.load(path, make_agent=random_agents)
    assert engine.world_hash(loaded.world) == engine.world_hash(s.world)
    assert loaded.actions == s.actions and loaded.log == s.log and loaded.history == s.history
    s.run_ai()
    loaded.run_ai()
    assert loaded.actions == s.actions
    assert engine.world_hash(loaded.world) == engine.world_hash(s.world)
    assert loaded.year_marks == s.year_marks


def test_seats_survive_with_human_flag_and_difficulty(tmp_path):
    s = new_session(7, humans=("japan", "kazakhstan"))
    s.run_ai()
    save.save(s, tmp_path / "g.json")
    made = []
    loaded = save.load(tmp_path / "g.json", make_agent=lambda w, seat: made.append(seat) or GreedyAgent())
    assert loaded.seats == s.seats
    assert loaded.seats["japan"].human and loaded.seats["japan"].difficulty == "hard"
    assert {seat.power for seat in made} == set(s.world.order) - {"japan", "kazakhstan"}
    assert loaded.human_to_move() and loaded.current() == s.current()


def test_saved_file_is_plain_versioned_json(tmp_path):
    s = new_session(3)
    ai_steps(s, 50)
    save.save(s, tmp_path / "g.json")
    doc = json.loads((tmp_path / "g.json").read_text())
    assert doc["format"] == "heartland-save" and doc["format_version"] == save.FORMAT_VERSION
    assert doc["game_version"] and doc["checksum"].startswith("sha256:")
    body = doc["body"]
    assert body["seed"] == 3 and body["scenario"]["id"] == "2015"
    assert body["scenario"]["raw"]["scenario"]["id"] == "2015"
    assert body["scenario"]["hash"] == save.scenario_hash(scenario().raw)
    assert body["actions"] == s.actions and body["world_hash"] == engine.world_hash(s.world)


def test_save_without_scenario_data_embeds_the_opening_world(tmp_path):
    """A session started from a bare World still saves, loads and replays."""
    sc = scenario()
    w = evolve(sc.world, scenario_id="custom", title="Custom")
    s = Session.start(w, {p: Seat(p, False) for p in w.order}, 5, make_agent=random_agents)
    s.run_ai()
    save.save(s, tmp_path / "c.json")
    body = json.loads((tmp_path / "c.json").read_text())["body"]
    assert body["scenario"]["raw"] is None and body["scenario"]["start"]
    loaded = save.load(tmp_path / "c.json")
    from game.replay import rerun
    assert not rerun(loaded).diverged


def test_loading_a_save_does_not_need_the_scenario_files(tmp_path, monkeypatch):
    s = new_session(9)
    s.run_ai()
    save.save(s, tmp_path / "g.json")
    import game.scenario.loader as loader
    monkeypatch.setattr(loader, "SCENARIO_DIR", tmp_path / "nowhere")
    loaded = save.load(tmp_path / "g.json")
    worlds = save.year_worlds(loaded)
    assert engine.world_hash(worlds[-1]) == engine.world_hash(s.world)


def test_year_worlds_step_through_a_finished_game(tmp_path):
    s = new_session(11, make_agent=lambda w, seat: GreedyAgent())
    s.run_ai()
    live = save.year_worlds(s)
    years = s.world.end_year - s.world.start_year + 1
    assert s.world.status == "over" and len(live) == years + 1
    assert [m.year for m in s.year_marks] == list(range(s.world.start_year, s.world.end_year + 1))
    assert [w.year for w in live[1:-1]] == [m.year + 1 for m in s.year_marks[:-1]]
    assert live[0].year == s.world.start_year and live[0].phase == "diplomacy"
    save.save(s, tmp_path / "g.json")
    loaded = save.load(tmp_path / "g.json")
    assert loaded.year_worlds == []
    replayed = save.year_worlds(loaded)
    assert [engine.world_hash(w) for w in replayed] == [engine.world_hash(w) for w in live]


def test_autosave_keeps_the_last_few(tmp_path):
    s = new_session(2)
    save.enable_autosave(s, tmp_path, keep=3)
    s.run_ai()
    autos = sorted(tmp_path.glob("autosave-*.json"))
    assert len(autos) == 3
    years = sorted(save.load(p).world.year for p in autos)
    assert years[-1] == s.world.year
    assert engine.world_hash(save.load(autos[-1]).world) == engine.world_hash(s.world)


def test_autosave_failure_is_logged_not_fatal(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    s = new_session(2)
    save.enable_autosave(s, blocker / "saves")
    s.run_ai()
    assert s.world.status != "playing"
    assert any(e.text.startswith("Autosave failed") for e in s.log)


def test_default_folder_follows_heartland_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))
    assert save.saves_dir() == tmp_path / "saves"
    monkeypatch.delenv("HEARTLAND_HOME")
    assert save.saves_dir() == paths.saves_dir() != tmp_path / "saves"
    assert save.saves_dir(tmp_path / "x") == tmp_path / "x"


def test_quicksave_and_quickload(tmp_path):
    s = new_session(4, humans=("china",))
    s.run_ai()
    path = save.quicksave(s, tmp_path)
    assert path.name == "quicksave.json"
    back = save.quickload(tmp_path)
    assert engine.world_hash(back.world) == engine.world_hash(s.world)
    with pytest.raises(SaveError, match="no quick-save"):
        save.quickload(tmp_path / "empty")


def test_list_saves_lists_good_and_broken_files(tmp_path):
    s = new_session(6, humans=("japan",))
    s.run_ai()
    save.save(s, tmp_path / "mine.json")
    (tmp_path / "broken.json").write_text('{"format":"heartland-save","format_ver')
    (tmp_path / "notes.txt").write_text("ignored")
    infos = {i.path.name: i for i in save.list_saves(tmp_path)}
    assert set(infos) == {"mine.json", "broken.json"}
    good = infos["mine.json"]
    assert not good.error and good.year == s.world.year and good.scenario_title == s.world.title
    assert "Japan" in str(good.seats) and "7 AI" in str(good.seats) and good.saved_at
    assert "broken.json" in infos["broken.json"].error
    assert save.list_saves(tmp_path / "missing") == []


def test_nan_floats_come_back_as_nan():
    w = scenario().world
    p = next(iter(w.powers))
    odd = evolve(w, prices={**w.prices, "oil": math.nan})
    back = save.world_from_data(json.loads(json.dumps(engine.to_data(odd))))
    assert math.isnan(back.prices["oil"]) and engine.world_hash(back) == engine.world_hash(odd)
    assert back.powers[p] == w.powers[p]
