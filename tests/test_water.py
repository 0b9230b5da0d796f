"""Rule `water`: upstream states hold rivers for winter power; downstream states buy releases."""
from __future__ import annotations

import pytest

from game.model import Item, River
from game.model.ops import evolve
from game.rules import actions as A
from game.rules import valuation, water
from game.rules.legal import legal_actions
from game.rules.play import apply, checked_apply, validate
from tests.worlds import at_turn, tiny


def river_world(**kw):
    """Tiny with one river: Kyrgyzstan upstream, Kazakhstan and Tajikistan downstream."""
    r = River("syr", "Syr Darya", ("kyrgyzstan",), 0.15, {"kazakhstan": 0.01, "tajikistan": 0.02}, **kw)
    return evolve(tiny(), rivers={"syr": r})


def test_water_1_holding_shifts_output_upstream():
    """A held river adds `hydro` to the upstream GDP and takes `farm_loss x GDP` from each downstream state."""
    w = river_world(held=("kyrgyzstan",))
    after = water.flow(w)
    assert after.economies["kyrgyzstan"].gdp == pytest.approx(w.economies["kyrgyzstan"].gdp + 0.15)
    assert after.economies["kazakhstan"].gdp == pytest.approx(w.economies["kazakhstan"].gdp * 0.99)
    again = water.flow(after)  # a level, not a yearly gain: a second year held moves no GDP
    assert {c: e.gdp for c, e in again.economies.items()} == {c: e.gdp for c, e in after.economies.items()}
    assert after.economies["tajikistan"].stability == pytest.approx(
        w.economies["tajikistan"].stability - w.param("water.farm_stability"))
    assert after.economies["kyrgyzstan"].stability == pytest.approx(
        w.economies["kyrgyzstan"].stability + w.param("water.power_stability"))
    assert water.flow(river_world()) == river_world()  # released: nothing moves


def test_water_2_the_upstream_state_chooses():
    """Kyrgyzstan may hold the river (an action costing a point); a downstream state may not."""
    w = at_turn(river_world(), "kyrgyzstan", "actions")
    assert A.Water("kyrgyzstan", "syr", True) in legal_actions(w, "kyrgyzstan")
    w2, _ = checked_apply(w, A.Water("kyrgyzstan", "syr", True))
    assert w2.rivers["syr"].held == ("kyrgyzstan",)
    assert "no dam" in str(validate(at_turn(w, "kazakhstan", "actions"), A.Water("kazakhstan", "syr", True))[0])
    assert "already holds" in str(validate(w2, A.Water("kyrgyzstan", "syr", True))[0])


def test_water_3_a_release_bought_with_winter_energy():
    """Kazakhstan pays winter energy for a 2-year release: the water flows, the money moves, holding is barred."""
    w = at_turn(river_world(held=("kyrgyzstan",)), "kazakhstan", "diplomacy")
    deal = A.Propose("kazakhstan", "kyrgyzstan", (Item("energy", amount=0.4),), (Item("water", corridor="syr", years=2),))
    assert validate(w, deal) == []
    w, _ = apply(w, deal)
    oid = next(iter(w.offers))
    offer = w.offers[oid]
    assert valuation.appraise(w, "kyrgyzstan", offer).total > 0  # 0.4 of energy beats 2 x 0.15 of power
    assert valuation.appraise(w, "kazakhstan", offer).total > 0
    before = w
    w, _ = apply(at_turn(w, "kyrgyzstan", "answers"), A.Accept("kyrgyzstan", oid))
    assert w.rivers["syr"].held == () and w.rivers["syr"].promises["kyrgyzstan"] == w.year + 1
    assert w.powers["kyrgyzstan"].treasury == pytest.approx(before.powers["kyrgyzstan"].treasury + 0.4)
    assert "promised to release" in str(validate(at_turn(w, "kyrgyzstan", "actions"), A.Water("kyrgyzstan", "syr", True))[0])


def test_water_4_a_promise_already_given_is_worth_nothing_again():
    """Years already promised add no value: a second buyer would pay for nothing."""
    w = river_world(promises={"kyrgyzstan": 2026})  # tiny starts in 2025
    assert water.release_worth(w, "syr", "tajikistan", 2, "kyrgyzstan") == 0.0
    assert water.release_worth(w, "syr", "tajikistan", 3, "kyrgyzstan") == pytest.approx(0.02 * 8.0)
    assert water.release_worth(w, "syr", "kyrgyzstan", 3, "kyrgyzstan") == pytest.approx(-0.15)


def test_water_5_bad_items_are_refused():
    """Only an upstream state promises water, only to a state downstream; energy moves between C5 states."""
    w = at_turn(river_world(), "kazakhstan", "diplomacy")
    wrong = A.Propose("kazakhstan", "kyrgyzstan", (Item("water", corridor="syr", years=2),), ())
    assert "not upstream" in str(validate(w, wrong)[0])
    wj = at_turn(w, "japan", "diplomacy")
    assert validate(wj, A.Propose("japan", "kyrgyzstan", (Item("energy", amount=0.2),), ()))
    assert "runs 1 to" in str(validate(at_turn(w, "kyrgyzstan", "diplomacy"), A.Propose(
        "kyrgyzstan", "kazakhstan", (Item("water", corridor="syr", years=9),), ()))[0])


def test_water_6_text_forms_round_trip():
    """Water actions and water/energy items read back from their text."""
    for a in (A.Water("tajikistan", "amu_darya", True),
              A.Propose("uzbekistan", "tajikistan", (Item("energy", amount=0.5),),
                        (Item("water", corridor="amu_darya", years=2),))):
        assert A.parse(str(a)) == a


def test_water_7_the_ai_uses_the_rivers():
    """Over three years of the 2015 game the AI holds a river or strikes a water deal."""
    from ai.factory import agents_for
    from game.scenario.loader import load
    from game.sim import play
    sc = load("2015")
    world = evolve(sc.world, end_year=sc.world.start_year + 2)
    res = play(world, agents_for(world, "normal", sc.personalities), 3)
    assert [a for a in res.actions if a.startswith("water") or "water/" in a]


def grow_all(world):
    """A year of plain growth for every C5 economy (no exports)."""
    from game.rules import economy
    for c in world.economies:
        world = economy.grow(world, c, 0.0)
    return world


def test_water_8_a_hold_then_a_release_leaves_gdp_as_never_held():
    """Held three years with growth between, then released: every GDP is where a never-held river leaves it,
    and while held the upstream GDP is `hydro` (grown) higher, each downstream one `farm_loss` lower."""
    held, free = river_world(held=("kyrgyzstan",)), river_world()
    for _ in range(3):
        held, free = grow_all(water.flow(held)), grow_all(water.flow(free))
    grown = free.economies["kyrgyzstan"].gdp / river_world().economies["kyrgyzstan"].gdp
    assert held.economies["kyrgyzstan"].gdp == pytest.approx(free.economies["kyrgyzstan"].gdp + 0.15 * grown)
    assert held.economies["tajikistan"].gdp == pytest.approx(free.economies["tajikistan"].gdp * 0.98)
    released = water.flow(water.set_hold(held, "syr", "kyrgyzstan", False))
    for c, e in free.economies.items():
        assert released.economies[c].gdp == pytest.approx(e.gdp, rel=1e-12), c
    assert released.rivers["syr"].applied == {}
