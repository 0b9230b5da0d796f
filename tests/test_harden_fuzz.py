"""Seeded fuzzing (small and fast here; `bench/fuzz.py` runs thousands): mutated shipped scenarios and
event effects always get an answer in sentences within a second, what is accepted keeps every
invariant; saves with recomputed checksums are refused in a sentence or play on soundly; special
files named like scenarios or saves are refused at once by validate, load and replay."""
from __future__ import annotations

import json
import os
import random
import time
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from game import save
from game.errors import SaveError
from game.rules import invariants
from tests.fuzzing import (check_effects, check_rules_from, check_validation, effect_text, mutated_scenario,
                           shipped_text, sound_world_edits)
from tests.test_harden_files import cli
from tests.test_harden_saves import leaf_paths
from tests.test_save_bad import one_sentence_naming, write

SEEDED = settings(derandomize=True, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def seeded(examples: int) -> settings:
    """Hypothesis settings for a small run that gives the same examples every time."""
    return settings(SEEDED, max_examples=examples)


@seeded(60)
@given(mutated_scenario())
def test_mutated_shipped_scenarios_get_sentences_in_under_a_second(tmp_path, case):
    name, text = case
    path = tmp_path / os.path.basename(name)
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    assert check_validation(path) == []


@seeded(60)
@given(st.lists(effect_text(), min_size=1, max_size=3))
def test_fuzzed_event_effects_are_refused_or_keep_every_invariant(tmp_path, effects):
    assert check_effects(tmp_path / "effects.toml", effects) == []


def test_the_checks_can_fail(tmp_path):
    """The fuzz checks are not vacuous: a World that breaks an invariant and a raising validator are found."""
    from game.scenario import loader
    path = tmp_path / "w.toml"
    path.write_text(shipped_text("scenarios/2015.toml"), encoding="utf-8")
    assert check_validation(path) == []
    real = loader.validate
    try:
        loader.validate = lambda name: 1 / 0
        assert "raised ZeroDivisionError" in check_validation(path)[0]
    finally:
        loader.validate = real
    assert check_effects(tmp_path / "e.toml", ["set corridors.cpc.capacity 50"]) == []


# --- saves: a game in progress, edited with a recomputed checksum ----------------------------------

@lru_cache(maxsize=1)
def midgame_text() -> str:
    """A save of a 2015 game of computer seats, stopped in its third year."""
    from ai.baseline import RandomAgent
    from game.scenario.loader import load
    from game.session import Seat, Session
    sc = load("2015")
    s = Session.start(sc.world, {p: Seat(p, False) for p in sc.world.order}, 5,
                      make_agent=lambda w, seat: RandomAgent(0.3), scenario_raw=sc.raw)
    while s.world.year < sc.world.start_year + 2 and s.world.status == "playing":
        s.run_ai(limit=20)
    return save.dumps(s, saved_at="2026-01-01T00:00:00+00:00")


@lru_cache(maxsize=1)
def world_leaves() -> tuple:
    """Every leaf of the saved World (where an edit is most likely to load and play on)."""
    return tuple(("world",) + p for p in leaf_paths(json.loads(midgame_text())["body"]["world"]))


ODD = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=True),
                st.sampled_from(["", "x", "japan", "cpc", "operating", "../x"]), st.just([]), st.just({}),
                st.just(10**30), st.floats(0, 1), st.just("DROP"))  # DROP: the key is deleted


def resealed_midgame(edits) -> str:
    """The mid-game save with `edits` applied, its World hash and checksum recomputed."""
    doc = json.loads(midgame_text())
    body = doc["body"]
    for index, value in edits:
        path = world_leaves()[index % len(world_leaves())]
        table = body
        try:
            for part in path[:-1]:
                table = table[part]
            if value == "DROP":
                del table[path[-1]]
            else:
                table[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or replaced the way there
    body["world_hash"] = save.hash_data(body["world"])
    return save.seal(body)


def play_on(session, years: int = 2) -> list[str]:
    """Play a loaded game on for some years with random agents; the invariants broken at each year's end."""
    from ai.baseline import RandomAgent
    broken: list[str] = []
    session.agents = {p: RandomAgent(0.3) for p in session.world.order}
    session.on_year_end.append(lambda s: broken.extend(invariants.problems(s.world)))
    stop = session.world.year + years
    steps = 0
    while session.world.status == "playing" and session.world.year < stop and steps < 400:
        session.run_ai(limit=20)
        steps += 1
    return broken + invariants.problems(session.world)


@seeded(40)
@given(st.lists(st.tuples(st.integers(0, 10**9), ODD), min_size=1, max_size=3))
def test_fuzzed_midgame_saves_are_refused_in_a_sentence_or_play_on_soundly(tmp_path, edits):
    path = write(tmp_path, resealed_midgame(edits), name="fuzz.json")
    try:
        session = save.load(path)
    except SaveError as e:
        one_sentence_naming(e, path)
        return
    assert play_on(session) == []


def test_the_unedited_midgame_save_plays_on(tmp_path):
    session = save.load(write(tmp_path, midgame_text()))
    year = session.world.year
    assert session.world.status == "playing" and play_on(session) == [] and session.world.year > year


# --- special files named like scenarios and saves ------------------------------------------------

def _special(tmp_path, kind: str, name: str):
    path = tmp_path / name
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev_zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
        (path / "inside.json").write_text("{}")
    elif kind == "dangling":
        path.symlink_to(tmp_path / "nowhere")
    elif kind == "loop":
        path.symlink_to(path)
    return path


KINDS = ("fifo", "dev_zero", "folder", "dangling", "loop")


@pytest.mark.parametrize("kind", KINDS)
def test_special_files_are_refused_at_once_by_validate_load_and_the_load_list(tmp_path, kind):
    from game.scenario.loader import validate
    started = time.perf_counter()
    scenario = _special(tmp_path, kind, "odd.toml")
    errors = validate(str(scenario))
    assert len(errors) == 1 and errors[0].path == str(scenario) and "\n" not in errors[0].describe()
    saves = tmp_path / "saves"
    saves.mkdir()
    game = _special(saves, kind, "odd.json")
    with pytest.raises(SaveError) as e:
        save.load(game)
    one_sentence_naming(e.value, game)
    assert all(i.error for i in save.list_saves(saves))  # listed with its sentence, or left out
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", ["replay", "validate"])
def test_special_files_on_the_command_line_exit_2_at_once(tmp_path, kind, command):
    path = _special(tmp_path, kind, "odd.json" if command == "replay" else "odd.toml")
    out = cli(command, str(path), timeout=30)
    assert out.returncode == 2 and "Traceback" not in out.stderr + out.stdout
    said = (out.stderr + out.stdout).strip().splitlines()
    assert said and str(path) in said[0]


def test_a_random_tree_of_special_files_never_hangs_the_load_list(tmp_path):
    rng = random.Random(7)
    folder = tmp_path / "saves"
    folder.mkdir()
    (folder / "good.json").write_text(midgame_text())
    for i in range(12):
        _special(folder, rng.choice(KINDS), f"s{i}.json")
    started = time.perf_counter()
    listed = save.list_saves(folder)
    assert time.perf_counter() - started < 2.0
    assert [i.path.name for i in listed if not i.error] == ["good.json"]


def test_a_pipe_in_place_of_settings_or_an_exported_log_never_blocks(tmp_path):
    from game.ui.app import Settings, load_settings
    from game.ui.export import write_log_csv
    settings, log = tmp_path / "settings.json", tmp_path / "game_log.csv"
    os.mkfifo(settings)
    os.mkfifo(log)
    started = time.perf_counter()
    assert isinstance(load_settings(settings), Settings)  # the defaults
    with pytest.raises(OSError):
        write_log_csv([], log)
    assert time.perf_counter() - started < 2.0 and not list(tmp_path.glob(".*.tmp"))


# --- the shipped rules keep their own invariants from any sound World ----------------------------

@settings(seeded(12), phases=(Phase.explicit, Phase.generate))  # no shrinking: a failure names its case at once
@given(sound_world_edits())
def test_the_rules_keep_every_invariant_from_any_sound_world(case):
    """Risks stay within 0-1, stakes add up to at most 1, nothing goes NaN: from worlds set at the edges."""
    sid, edits = case
    assert check_rules_from(sid, edits) == []


@pytest.mark.parametrize("edit, clause", [
    (("risks.malacca", 1.5), "risks.malacca"),
    (("risks.middle_east", -0.1), "risks.middle_east"),
    (("corridors.cpc.owners", {"russia": 0.7, "china": 0.6}), "stakes in the corridor 'cpc'"),
])
def test_the_checker_names_a_risk_or_a_stake_out_of_bounds(edit, clause):
    from attrs import evolve
    from game.scenario.loader import load
    world = load("2015").world
    path, value = edit
    if path.startswith("risks."):
        world = evolve(world, risks={**world.risks, path.split(".")[1]: value})
    else:
        world = evolve(world, corridors={**world.corridors, "cpc": evolve(world.corridors["cpc"], owners=value)})
    assert any(clause in str(p) for p in invariants.problems(world))


def test_hostile_files_in_the_user_folder_never_stall_the_setup_list(tmp_path, monkeypatch):
    """The setup screen lists every scenario file: a slow-to-parse line, a pipe, a link to /dev/zero and a
    folder named like a scenario each become one listed error, and the list is ready within seconds."""
    from game.scenario.catalog import list_scenarios
    home = tmp_path / "home"
    folder = home / "scenarios"
    folder.mkdir(parents=True)
    monkeypatch.setenv("HEARTLAND_HOME", str(home))
    (folder / "bracket.toml").write_text("[" + " " * 2000 + "\n")
    for kind in ("fifo", "dev_zero", "folder"):
        _special(folder, kind, f"{kind}.toml")
    started = time.process_time()
    listed = list_scenarios()
    assert time.process_time() - started < 3.0
    odd = [i for i in listed if str(folder) in str(i.path)]
    assert len(odd) <= 4 and all(i.error for i in odd) and any("bracket" in str(i.path) for i in odd)


def test_a_loss_on_exports_never_overdraws_a_treasury():
    """Found by the fuzzing above: gas at price 0 sells under the cost of carrying it; Turkmenistan's
    revenue is a loss, and its treasury stops at 0 instead of going below."""
    from game import engine
    from game.rules import events
    from game.scenario.loader import load
    world = events.effect(load("1992").world, ("set", "prices.gas", "0"))
    world, _ = engine.run_events(world)
    world, _ = engine.run_income(world)
    world, _ = engine.move_goods(world)
    assert world.economies["turkmenistan"].revenue < 0
    assert world.powers["turkmenistan"].treasury == 0.0
    assert invariants.problems(world) == []


def test_a_corridor_opening_keeps_its_progress_within_its_build_years():
    """Found by the fuzzing above: progress beyond build_years (co-financing, an edited World) stops there."""
    from attrs import evolve
    from game import engine
    from game.rules.play import cofinance
    from game.scenario.loader import load
    world = load("2025").world
    k = next(k for k in world.corridors.values() if k.status == "planned" and k.build_years >= 2)
    world = evolve(world, corridors={**world.corridors, k.id: evolve(k, status="building", progress=k.build_years - 0.5)})
    world = cofinance(world, "china", k.path[0], k.id, k.build_cost)
    assert world.corridors[k.id].progress == k.build_years
    world, _ = engine.progress_corridors(world)
    assert world.corridors[k.id].status == "operating" and world.corridors[k.id].progress == k.build_years


def test_a_river_held_never_takes_a_gdp_below_its_floor():
    """Found by the fuzzing above: the farms' loss on a GDP at the floor, and undoing a hold on a small GDP."""
    from game.rules import events, water
    from game.scenario.loader import load
    world = load("2025").world
    river = next(iter(world.rivers.values()))
    up, down = river.upstream[0], river.downstream[0]
    world = events.effect(events.effect(world, ("set", f"economies.{down}.gdp", "0.01")),
                          ("set", f"economies.{up}.gdp", "0.01"))
    for sign in (1.0, -1.0):
        shifted = water.shift(world, river.id, up, sign)
        assert shifted.economies[down].gdp >= 0.01 and shifted.economies[up].gdp >= 0.01
        assert invariants.problems(shifted) == []


@pytest.mark.parametrize("change, clause", [
    (lambda w: {"rounds": (w.start_year - 1,)}, "scoring rounds are not"),
    (lambda w: {"rounds": w.rounds[::-1]}, "scoring rounds are not"),
    (lambda w: {"round_weights": (1.0,) * (len(w.rounds) + 1)}, "weights"),
    (lambda w: {"scored": ({"japan": float("nan")},)}, "paid points"),
    (lambda w: {"scored": ({"mars": 1.0},)}, "paid points"),
])
def test_the_checker_keeps_the_scoring_rounds_in_step(change, clause):
    from attrs import evolve
    from game.scenario.loader import load
    world = load("2015").world
    assert invariants.problems(world) == []
    assert any(clause in str(p) for p in invariants.problems(evolve(world, **change(world))))
