"""Event effects from a closed vocabulary: checked when validated, kept in range when applied,
and the World's invariants hold after every event and every year."""
from __future__ import annotations

import math
import random
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from game.rules import events, invariants
from game.scenario.loader import load, validate
from tests.scenario_helpers import changed

ROOT_EVENT = 'effects = ["scale prices.oil 0.6"'  # the first effect list in 2015.toml


@lru_cache(maxsize=1)
def start():
    return load("2015").world


def errors_for(tmp_path, effect: str) -> list[str]:
    path = tmp_path / "e.toml"
    text = changed(ROOT_EVENT, f'effects = ["{effect}", "scale prices.oil 0.6"')
    path.write_text(text)
    return [e.describe() for e in validate(str(path)) if "effects" in e.key]


@pytest.mark.parametrize("effect, needle", [
    ("set economies.kazakhstan.gdp 0", "outside"),
    ("set economies.kazakhstan.gdp -5", "outside"),
    ("set tension.china|japan 100", "outside"),
    ("add powers.japan.treasury inf", "finite"),
    ("set prices.oil nan", "finite"),
    ("set end_year 999999", "outside"),
    ("set powers.japan.transit_income 5", "not a field events may change"),
    ("set powers.japan.name Nippon", "not a field events may change"),
    ("set year 2030", "not a field events may change"),
    ("add economies.kazakhstan.stability 500", "whole range"),
    ("scale prices.gas 1e9", "plausible"),
    ("set forums.sco.level 1.5", "whole number"),
    ("add corridors.cpc.status 1", "only set"),
    ("set corridors.cpc.status open", "not one of"),
])
def test_effects_outside_the_vocabulary_or_range_are_refused(tmp_path, effect, needle):
    found = errors_for(tmp_path, effect)
    assert any(needle in e for e in found), found
    assert all(":" in e.split(" ")[0] for e in found)  # file:line first


def test_the_shipped_effects_stay_valid(tmp_path):
    assert errors_for(tmp_path, "add economies.kazakhstan.stability -5") == []


@pytest.mark.parametrize("eff, path, low, high", [
    (("scale", "economies.kazakhstan.gdp", "-1"), "economies.kazakhstan.gdp", 0.01, 1e6),
    (("set", "economies.kazakhstan.gdp", "0"), "economies.kazakhstan.gdp", 0.01, 1e6),
    (("add", "tension.china|japan", "0.95"), "tension.china|japan", 0, 1),
    (("set", "end_year", "999999"), "end_year", 2015, 2075),
    (("add", "powers.japan.treasury", "-1e9"), "powers.japan.treasury", 0, 1e6),
])
def test_applied_effects_stay_within_range(eff, path, low, high):
    w = events.effect(start(), eff)
    value = events.get_path(w, path)
    assert low <= value <= high
    assert invariants.problems(w) == []


def test_an_effect_outside_the_vocabulary_changes_nothing_when_applied():
    """An edited save could carry one: it is ignored, never a crash."""
    for eff in (("set", "powers.japan.name", "x"), ("add", "prices.oil", "nan"), ("scale", "nowhere.x", "2"),
                ("set", "corridors.cpc.status", "gone")):
        assert engine.world_hash(events.effect(start(), eff)) == engine.world_hash(start())


EVENT_FIELDS = [f for f in invariants.FIELDS if f.event]
NUMBER_TEXT = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(repr),
                        st.sampled_from(["nan", "inf", "-inf", "1e308", "-1e308", "0", "-0"]))


@given(st.lists(st.tuples(st.sampled_from(["set", "add", "scale"]), st.integers(0, 10**6), NUMBER_TEXT),
                min_size=1, max_size=8))
@settings(max_examples=150, deadline=None)
def test_any_sequence_of_effects_keeps_every_invariant(steps):
    w = start()
    for verb, pick, value in steps:
        f = EVENT_FIELDS[pick % len(EVENT_FIELDS)]
        paths = [p for p, _ in invariants.expand(w, f.path)]
        if not paths:
            continue
        w = events.effect(w, (verb, paths[pick % len(paths)], value))
    assert invariants.problems(w) == []


def test_invariants_hold_after_every_event_and_every_year(monkeypatch):
    """Seeded random games of every scenario, checked after each event and at each year's end."""
    from ai.baseline import RandomAgent
    from game.session import Seat, Session
    broken, years = [], []
    real_fire = events.fire

    def checked_fire(world, ev):
        after = real_fire(world, ev)
        broken.extend(f"{ev.id}: {p}" for p in invariants.problems(after))
        return after
    monkeypatch.setattr(events, "fire", checked_fire)
    for sid, seed in (("1992", 3), ("2015", 4), ("2025", 5)):
        sc = load(sid)
        seats = {p: Seat(p, False) for p in sc.world.order}
        session = Session.start(sc.world, seats, seed, make_agent=lambda w, seat: RandomAgent(0.3))
        session.on_year_end.append(lambda s: (years.append(s.world.year), broken.extend(invariants.problems(s.world))))
        session.run_ai()
        assert all(math.isfinite(v) for v in session.world.scores.values())
    assert broken == [] and len(years) >= 30


def test_stakes_stay_shares_after_many_upgrades():
    from game.rules.play import add_stake
    owners = {}
    rng = random.Random(1)
    for _ in range(200):
        owners = add_stake(owners, rng.choice(["china", "russia", "japan"]), rng.uniform(0, 1.5))
        assert sum(owners.values()) <= 1 + 1e-9 and all(v >= 0 for v in owners.values())


def test_every_event_field_is_documented():
    from pathlib import Path
    doc = (Path(__file__).resolve().parents[1] / "docs" / "scenarios.md").read_text()
    for f in EVENT_FIELDS:
        assert f"`{f.path.replace('*', 'ID')}`" in doc, f.path


def test_a_small_seeded_soak_finds_nothing():
    """bench/soak.py in miniature: every agent kind once, checked after each event and year."""
    import importlib.util
    from pathlib import Path
    spec = importlib.util.spec_from_file_location("soak", Path(__file__).resolve().parents[1] / "bench" / "soak.py")
    soak = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(soak)
    jobs = [("caspian_crisis", "random", 1), ("caspian_crisis", "greedy", 2)]
    results = [soak.soak_one(j) for j in jobs]
    assert [r["error"] for r in results] == ["", ""]
    assert [r["n_breaks"] for r in results] == [0, 0]
    assert len(soak.plan(60)) == 60 and {a for _, a, _ in soak.plan(60)} == set(soak.AGENTS)


def test_the_soak_fills_seats_with_every_kind_of_agent():
    """Scripted games put one scripted policy in one seat; mixed games draw any kind per seat, the same for a seed."""
    import importlib.util
    from pathlib import Path
    from ai.scripted import POLICIES
    spec = importlib.util.spec_from_file_location("soak", Path(__file__).resolve().parents[1] / "bench" / "soak.py")
    soak = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(soak)
    assert set(soak.SCRIPTED) == set(POLICIES)
    sc = soak.scenario("caspian_crisis")
    assert soak.scenario("caspian_crisis") is sc  # loaded once in a process
    kinds = soak.seat_kinds(sc, "scripted", 7)
    assert sum(k in soak.SCRIPTED for k in kinds.values()) == 1 and list(kinds.values()).count("normal") == 7
    drawn = [soak.seat_kinds(sc, "mixed", seed) for seed in range(30)]
    assert drawn[3] == soak.seat_kinds(sc, "mixed", 3)
    assert {k for d in drawn for k in d.values()} == set(soak.SEAT_KINDS)
    for power, kind in drawn[0].items():
        agent = soak.seat_agent(sc, power, kind)
        assert hasattr(agent, "choose")


def test_an_optional_event_is_checked_like_the_others_but_left_out_of_the_world(tmp_path):
    """`optional = true`: a bad effect is refused as in any event; a sound one loads into `optional_events`, not
    the World's events, and `world_with` switches it on (after the others) only when named."""
    bad = tmp_path / "bad.toml"
    bad.write_text(changed('effects = ["close tm_iran_gas 10",', 'effects = ["close nowhere 10",'))
    assert any("iran_gas_cut" in e.key for e in validate(str(bad)))
    sound = tmp_path / "sound.toml"
    sound.write_text(changed(ROOT_EVENT, 'optional = true\n' + ROOT_EVENT))
    sc = load(str(sound))
    ids = [ev.id for ev in sc.world.events]
    spare = [ev.id for ev in sc.optional_events]
    assert len(spare) == 2 and "iran_gas_cut" in spare and not set(spare) & set(ids)
    assert sc.world_with(()) is sc.world and sc.world_with(["nothing"]) is sc.world
    assert [ev.id for ev in sc.world_with(spare[:1]).events] == ids + spare[:1]
