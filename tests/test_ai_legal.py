"""An AI never emits an illegal action: random worlds, seeds, difficulties and personalities."""
import random

from attrs import evolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ai.factory import make_agent
from ai.personality import LEVELS, check, check_file, resolve, shipped
from game import engine
from game.rules.legal import legal_actions, view_for
from game.rules.play import validate
from tests.ai_fixtures import scenario

PERSONAS = [k for k in shipped() if k not in ("format_version", "difficulty")]


def random_world(seed: int):
    """The 2015 World shaken: tension, treasuries and influence drawn at random; two years long."""
    r = random.Random(seed)
    w = scenario().world
    tension = {k: round(r.random(), 2) for k in w.tension}
    powers = {p: evolve(pw, treasury=round(pw.treasury * r.uniform(0.1, 2.0), 2)) for p, pw in w.powers.items()}
    influence = {c: {h: v * r.uniform(0.2, 3.0) for h, v in inf.items()} for c, inf in w.influence.items()}
    return evolve(w, tension=tension, powers=powers, influence=influence, end_year=w.start_year + 1, seed=seed)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), level=st.sampled_from(LEVELS), shuffle=st.integers(0, 10_000))
def test_every_ai_action_is_legal(seed, level, shuffle):
    world = random_world(seed)
    ids = list(PERSONAS)
    random.Random(shuffle).shuffle(ids)
    overrides = {p: {"personality": ids[i % len(ids)]} for i, p in enumerate(world.order)}
    agents = {p: make_agent(world, p, level, overrides) for p in world.order}
    world, _ = engine.start(world)
    steps = 0
    while world.status == "playing" and steps < 3000:
        p = world.current()
        legal = legal_actions(world, p)
        choice = agents[p].choose(view_for(world, p), legal, random.Random(steps))
        assert validate(world, choice.action) == [], (str(choice.action), choice.reason)
        assert choice.reason, str(choice.action)
        world, _ = engine.step(world, choice.action)
        steps += 1
    assert world.status != "playing"


def test_shipped_personalities_are_valid_and_every_power_has_one():
    assert check_file(shipped()) == []
    for p in scenario().world.order:
        assert p in shipped(), p


def test_check_reports_bad_keys_in_plain_sentences():
    problems = dict(check({"thrift": "lots", "weights": {"fly": 1.0}, "patience": 7.0, "bogus": 1,
                           "cards": {"export_controls": {"when": 1}}, "personality": "atlantis"}))
    assert "should be a number" in problems["thrift"]
    assert "is not one of" in problems["weights.fly"]
    assert "between 0 and 1" in problems["patience"]
    assert "not a personality key" in problems["bogus"]
    assert "not a card condition" in problems["cards.export_controls.when"]
    assert "not a personality" in problems["personality"]
    assert check({"closed_until": 2016, "difficulty": "hard"}) == []


def test_scenario_overrides_merge_over_the_shipped_table():
    over = scenario().personalities["uzbekistan"]
    persona = resolve("uzbekistan", over)
    assert persona.closed_until == 2016 and persona.closed(2015) and not persona.closed(2016)
    borrowed = resolve("kazakhstan", {"personality": "turkmenistan", "thrift": 0.9})
    assert borrowed.neutral and borrowed.thrift == 0.9


def test_no_power_is_named_in_the_ai_code():
    from pathlib import Path
    names = [p for p in scenario().world.order]
    for path in Path("ai").glob("*.py"):
        text = path.read_text().lower()
        for n in names:
            assert f'"{n}"' not in text and f"'{n}'" not in text, (path, n)
