"""The AI's develop-then-refine plan (rule 7): a rare-earth development is valued with the refining
it needs, a refinery with the deposits under way but judged only on what it adds, and with the
refining dynamic neutralised no plan needs refining."""
from __future__ import annotations

import pytest
from attrs import evolve

from ai import projection as P
from ai import race
from ai.factory import make_agent
from game.model.ops import put
from game.rules import actions as A
from game.rules import agenda, refining
from game.rules.legal import view_for
from game.rules.play import develop_cost
from game.scenario.loader import load

NEUTRAL = {"refining.ore_ratio": 1.0, "refining.gate": 0.0}


def at_actions(world, me: str):
    """The world in the actions phase at `me`'s turn, with action points for everyone."""
    return evolve(world, phase="actions", turn=world.order.index(me), ap_left={p: 3 for p in world.order})


def world_2025(neutral: bool = False, me: str = "japan"):
    """The 2025 scenario at `me`'s action turn, optionally with the refining dynamic switched off."""
    w = load("2025").world
    if neutral:
        w = evolve(w, rules={**w.rules, **NEUTRAL})
    return at_actions(w, me)


def spent(view, me: str, action) -> tuple[float, P.Outcome]:
    """US$ bn of `me`'s free funds the projected action uses, and the projection."""
    base = P.settle_goods(view)
    out = P.project(view, me, action, base)
    return view.powers[me].treasury - out.world.powers[me].treasury, out


def test_builds_needed_counts_capacity_and_refineries_under_way():
    """Kazakhstan makes 1 kt and refines nothing: one 2 kt build; with a build under way, none."""
    w = load("2025").world
    assert refining.builds_needed(w, "kazakhstan") == 1
    eco = w.economies["kazakhstan"]
    busy = evolve(w, economies=put(w.economies, "kazakhstan", evolve(eco, projects=(("refining", 2.0, 2030),))))
    assert refining.builds_needed(busy, "kazakhstan") == 0
    assert refining.needs_refining(w) and not refining.needs_refining(evolve(w, rules={**w.rules, **NEUTRAL}))


def test_rare_earth_development_is_valued_with_the_refining_it_needs():
    """Japan developing Kuirektykol (4.5 kt more): with the gate, the plan it weighs refines 4 of the 5.5 kt,
    the two 0.4 bn builds its two action points left this year can start (the third would come a year later),
    beside the development (play.develop_cost); with refining neutralised, only the development."""
    w = world_2025()
    act = A.Develop("japan", "kazakhstan", "rare_earths")
    cost, out = spent(w, "japan", act)
    plan_cost = develop_cost(w, "kazakhstan", "rare_earths") + 2 * w.param("refining.cost")
    eco = out.world.economies["kazakhstan"]
    if cost == pytest.approx(plan_cost):  # the plan scored better than the bare step: two builds this year
        assert eco.refining == pytest.approx(2 * w.param("refining.step"))
        assert eco.refining < eco.production["rare_earths"]
        assert out.years == w.param("refining.years")
    else:  # the bare step: unrefined ore adds no security to Japan
        assert cost == pytest.approx(develop_cost(w, "kazakhstan", "rare_earths"))
        assert out.world.powers["japan"].security["rare_earths"] == pytest.approx(
            P.settle_goods(w).powers["japan"].security["rare_earths"])
    n = world_2025(neutral=True)
    n_cost, n_out = spent(n, "japan", act)
    assert n_cost == pytest.approx(develop_cost(n, "kazakhstan", "rare_earths"))
    assert n_out.world.powers["japan"].security["rare_earths"] > P.settle_goods(n).powers["japan"].security["rare_earths"]


def test_plan_is_taken_when_it_scores_better():
    """With China-Japan tension at 1, the refined kt are worth more to Japan than the plan's extra
    US$0.8bn, so the development is weighed as the plan: it pays the two builds its action points allow
    this year and wins security; with no action point left after it, there is no plan (the bare step)."""
    w = world_2025()
    w = evolve(w, tension={**w.tension, "china|japan": 1.0})
    act = A.Develop("japan", "kazakhstan", "rare_earths")
    cost, out = spent(w, "japan", act)
    assert cost == pytest.approx(develop_cost(w, "kazakhstan", "rare_earths") + 2 * w.param("refining.cost"))
    assert out.world.powers["japan"].security["rare_earths"] > P.settle_goods(w).powers["japan"].security["rare_earths"]
    last = evolve(w, ap_left={**w.ap_left, "japan": 1})
    cost, out = spent(last, "japan", act)
    assert cost == pytest.approx(develop_cost(w, "kazakhstan", "rare_earths")) and out.years == w.param("economy.develop_years")


def test_refinery_is_judged_on_what_it_adds_to_deposits_under_way():
    """A deposit under development counts done in a refinery's projection, but its points are owed to
    the deposit: with refining neutralised a refinery adds nothing, so its expected gain is not positive."""
    w = world_2025(neutral=True)
    eco = w.economies["kazakhstan"]
    w = evolve(w, economies=put(w.economies, "kazakhstan",
                                evolve(eco, projects=(("rare_earths", 4.5, w.year + 2),))))
    base = P.settle_goods(w)
    out = P.project(w, "kazakhstan", A.Refine("kazakhstan", "kazakhstan"), base)
    assert out.credit > 0  # the deposit's own gain
    assert P.expected_delta(out, "kazakhstan", agenda.score(base, "kazakhstan")) <= 1e-9


def test_the_gate_makes_development_a_worse_move_for_the_ai():
    """The AI Japan's value of developing Kuirektykol (its whole move value, money priced) is higher by
    at least the refining plan's money when refining is neutralised: the bottleneck changes its choice."""
    def worth(world):
        agent = make_agent(world, "japan", "normal", load("2025").personalities)
        view = view_for(world, "japan")
        base = P.settle_goods(view)
        before, score = race.parts(base, "japan"), race.value(base, "japan")
        return agent.value(view, "japan", A.Develop("japan", "kazakhstan", "rare_earths"), base, before, score)[0]
    gated, free = worth(world_2025()), worth(world_2025(neutral=True))
    assert free - gated > 0.3


def _rare_earth_moves(neutral: bool) -> list[str]:
    """The rare-earth developments and refineries of the 2025 short game, normal AI, seed 5003 (Japan is dealt
    supply security), with or without the refining dynamic."""
    from ai.factory import agents_for
    from game.sim import play
    sc = load("2025", short=True)
    w = evolve(sc.world, rules={**sc.world.rules, **NEUTRAL}) if neutral else sc.world
    res = play(w, agents_for(w, "normal", sc.personalities), 5003)
    return [str(a) for a in res.actions if str(a).startswith(("develop", "refine"))
            and (str(a).startswith("refine") or str(a).endswith("rare_earths"))]


def test_a_seeded_2025_game_develops_and_refines_rare_earths_and_not_refines_without_the_gate():
    """Japan, racing for supply security under China's controls, develops Kuirektykol and builds the
    refineries it needs (the plan); with refining neutralised it still develops, but never refines."""
    moves = _rare_earth_moves(neutral=False)
    assert "develop japan kazakhstan rare_earths" in moves
    assert "refine japan kazakhstan" in moves
    free = _rare_earth_moves(neutral=True)
    assert "develop japan kazakhstan rare_earths" in free
    assert not any(m.startswith("refine") for m in free)


def test_japan_weighs_a_rare_earth_development_as_its_refining_in_2025():
    """The 2025 scenario's data (003: Japan develops abroad to escape the dependence) gives Japan's AI the
    same weight on a development as on the refining it needs; elsewhere it keeps its donor's 0.5."""
    from ai.personality import resolve
    assert resolve("japan", load("2025").personalities.get("japan")).weight("develop") == \
        resolve("japan").weight("refine") == 1.0
    assert resolve("japan").weight("develop") == 0.5


def test_a_development_due_after_the_last_round_is_worth_nothing_to_the_race():
    """`race.on_time`: in 2029, the 2025 short form's last round, a Kuirektykol development (due 2031) gains
    Japan nothing however much security it would bring, so its value is only its cost; in 2025 the same move,
    due in 2027 and refined by 2028, counts for the rounds of 2028 and 2029."""
    w = at_actions(load("2025", short=True).world, "japan")
    w = evolve(w, tension={**w.tension, "china|japan": 1.0})
    last = evolve(w, year=2029, scored=({}, {}))
    agent = make_agent(w, "japan", "normal", load("2025").personalities)
    act = A.Develop("japan", "kazakhstan", "rare_earths")

    def value(world):
        view = view_for(world, "japan")
        base = P.settle_goods(view)
        return agent.value(view, "japan", act, base, race.parts(base, "japan"), race.value(base, "japan"))
    late, terms = value(last)
    assert terms["delta"] > 0 and late < 0  # the projection sees the security, the race cannot be paid it
    assert value(w)[0] > late
