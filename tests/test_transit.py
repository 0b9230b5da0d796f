"""Rule `transit`: consent and fees for corridors that cross a Central Asian state."""
from __future__ import annotations

import pytest

from game.model import Item
from game.model.ops import evolve, with_corridor
from game.rules import actions as A
from game.rules import geography, transit, valuation
from game.rules.legal import legal_actions
from game.rules.play import apply, checked_apply, validate
from tests.worlds import at_turn, corridor, tiny


def transit_world(**kw):
    """Tiny, with Kazakhstan's oil to China only over a rail line through Kyrgyzstan (base fee 0.01)."""
    w = tiny()
    line = corridor("kg_line", ("kazakhstan", "kyrgyzstan", "china"), ("china",), 0.02, ("china",), cap=100.0,
                    fee=0.01, **kw)
    return evolve(w, corridors={"kg_line": line, "planned_line": w.corridors["planned_line"]})


def test_transit_1_state_downstream_earns_its_fee():
    """A C5 state on the path downstream of the exporter is paid its fee on every unit, like a controller."""
    w = transit_world()
    flows = geography.resolve(w)
    units = flows.flows["kg_line"]["oil"]
    assert units > 0
    assert flows.fees["kyrgyzstan"] == pytest.approx(units * 0.01)
    assert flows.fees["china"] == pytest.approx(units * 0.01)
    assert "kazakhstan" not in flows.fees  # the exporter pays, it does not charge itself


def test_transit_2_a_tariff_raises_the_fee_and_the_income():
    """With traffic deaf to fees (elasticity 0), Kyrgyzstan doubles its fee: its income doubles and the
    exporter's netback falls by the difference."""
    w = transit_world()
    w = at_turn(evolve(w, rules={**w.rules, "transit.elasticity": 0.0}), "kyrgyzstan", "actions")
    before = geography.resolve(w)
    w2, _ = checked_apply(w, A.Tariff("kyrgyzstan", "kg_line", 0.02))
    after = geography.resolve(w2)
    assert after.fees["kyrgyzstan"] == pytest.approx(2 * before.fees["kyrgyzstan"])
    units = after.flows["kg_line"]["oil"]
    assert before.revenue["kazakhstan"] - after.revenue["kazakhstan"] == pytest.approx(units * 0.01)
    assert w2.ap_left["kyrgyzstan"] == w.ap_left["kyrgyzstan"] - 1


def test_transit_2b_a_dear_fee_drives_traffic_away():
    """Rule `transit.elasticity`: at twice the base fee the exporter sends `1 - e` of its goods; the fee
    income peaks between the base and the cap, and at the cap it is below the best fee's."""
    w = at_turn(transit_world(), "kyrgyzstan", "actions")
    e = w.param("transit.elasticity")
    assert 0 < e < 1
    units = geography.resolve(w).flows["kg_line"]["oil"]
    income = {}
    for fee in (0.01, 0.015, 0.02, 0.03):
        wf = with_corridor(w, "kg_line", transit={"kyrgyzstan": fee})
        k = wf.corridors["kg_line"]
        assert transit.throughput(wf, k, "kazakhstan") == pytest.approx(max(0.0, 1 - e * (fee / 0.01 - 1)))
        assert transit.throughput(wf, k, "kyrgyzstan") == 1.0  # its own goods pay no fee to itself
        flows = geography.resolve(wf)
        assert flows.flows.get("kg_line", {}).get("oil", 0.0) == pytest.approx(units * transit.throughput(wf, k, "kazakhstan"))
        income[fee] = flows.fees.get("kyrgyzstan", 0.0)
    best = 0.01 * (1 + e) / (2 * e)
    assert 0.01 < best < transit.fee_cap(w, w.corridors["kg_line"])
    assert income[0.015] > income[0.01] and income[0.015] > income[0.03]


def test_transit_3_tariff_limits():
    """A fee above the cap, a state no exporter crosses, or an unchanged fee are refused with a reason."""
    w = at_turn(transit_world(), "kyrgyzstan", "actions")
    cap = transit.fee_cap(w, w.corridors["kg_line"])
    assert cap == pytest.approx(w.param("transit.max_multiple") * 0.01)
    assert "between 0 and" in str(validate(w, A.Tariff("kyrgyzstan", "kg_line", cap + 0.001))[0])
    assert "already charges" in str(validate(w, A.Tariff("kyrgyzstan", "kg_line", 0.01))[0])
    wk = at_turn(w, "kazakhstan", "actions")
    assert "no transit fee to set" in str(validate(wk, A.Tariff("kazakhstan", "kg_line", 0.02))[0])


def test_transit_4_the_menu_offers_a_step_up_and_down():
    """legal_actions gives a transit state its fee a step up and a step down; others get none."""
    w = at_turn(transit_world(), "kyrgyzstan", "actions")
    step = w.param("transit.step")
    fees = sorted(a.fee for a in legal_actions(w, "kyrgyzstan") if isinstance(a, A.Tariff))
    assert fees == pytest.approx([0.01 - step, 0.01 + step])
    assert not [a for a in legal_actions(at_turn(w, "kazakhstan", "actions"), "kazakhstan") if isinstance(a, A.Tariff)]


def test_transit_5_no_building_without_consent():
    """A planned corridor crossing a state that has not consented cannot be built; consent given by offer opens it."""
    w = transit_world()
    w = with_corridor(w, "planned_line", consents=())
    wc = at_turn(w, "china", "actions")
    assert "has not consented" in str(validate(wc, A.Build("china", "planned_line"))[0])
    # China asks Tajikistan's consent at a fee of 0.008 for a grant; Tajikistan accepts
    wd = at_turn(w, "china", "diplomacy")
    offer = A.Propose("china", "tajikistan", (Item("aid", aid_kind="grant", amount=0.2),),
                      (Item("transit", corridor="planned_line", amount=0.008),))
    assert validate(wd, offer) == []
    wd, _ = apply(wd, offer)
    oid = next(iter(wd.offers))
    wd, _ = apply(at_turn(wd, "tajikistan", "answers"), A.Accept("tajikistan", oid))
    k = wd.corridors["planned_line"]
    assert k.consents == ("tajikistan",) and k.transit["tajikistan"] == 0.008
    assert validate(at_turn(wd, "china", "actions"), A.Build("china", "planned_line")) == []
    # consent once given cannot be given again
    again = A.Propose("china", "tajikistan", (), (Item("transit", corridor="planned_line", amount=0.008),))
    assert "not open" in str(validate(at_turn(wd, "china", "diplomacy"), again)[0])


def test_transit_6_consent_price_formula():
    """price = holdout x build_cost / n - fee x capacity x expected_use x horizon, at least 0."""
    w = transit_world()
    k = evolve(w.corridors["planned_line"], build_cost=4.0, capacity=10.0)
    p = w.rules
    expect = p["transit.holdout"] * 4.0 / 1 - 0.005 * 10.0 * p["transit.expected_use"] * p["transit.horizon"]
    assert transit.consent_price(w, "tajikistan", k, 0.005) == pytest.approx(expect)
    assert transit.consent_price(w, "tajikistan", k, 10.0) == 0.0
    higher = transit.consent_price(w, "tajikistan", k, 0.01)
    assert higher < transit.consent_price(w, "tajikistan", k, 0.005)  # a higher fee lowers the up-front price


def test_transit_7_a_hold_out_needs_paying():
    """A state refuses to give its consent for nothing, and accepts once the grant covers its price."""
    w = with_corridor(transit_world(), "planned_line", consents=())
    ask = (Item("transit", corridor="planned_line", amount=0.005),)
    free = A.Propose("china", "tajikistan", (), ask)
    w1, _ = apply(at_turn(w, "china", "diplomacy"), free)
    assert valuation.appraise(w1, "tajikistan", next(iter(w1.offers.values()))).total < 0
    paid = A.Propose("china", "tajikistan", (Item("aid", aid_kind="grant", amount=1.0),), ask)
    w2, _ = apply(at_turn(w, "china", "diplomacy"), paid)
    judged = valuation.appraise(w2, "tajikistan", next(iter(w2.offers.values())))
    assert judged.total > 0
    great = valuation.appraise(w2, "china", next(iter(w2.offers.values())))
    assert great.terms["consent"] == pytest.approx(w.param("transit.builder_value") * w.param("transit.holdout") * 2.0)


def test_transit_8_text_forms_round_trip():
    """Tariff actions and transit items read back from their text."""
    for a in (A.Tariff("kyrgyzstan", "china_rail", 0.012),
              A.Propose("tajikistan", "china", (Item("transit", corridor="line_d", amount=0.006),),
                        (Item("aid", aid_kind="grant", amount=0.2),))):
        assert A.parse(str(a)) == a


def test_transit_9_the_ai_pulls_the_lever():
    """In two years of the 2015 game the AI's Central Asian seats set fees or sell their consent."""
    from ai.factory import agents_for
    from game.scenario.loader import load
    from game.sim import play
    sc = load("2015")
    world = evolve(sc.world, end_year=sc.world.start_year + 1)
    res = play(world, agents_for(world, "normal", sc.personalities), 7)
    c5 = set(world.c5())
    moves = [a for a in res.actions if a.split()[1] in c5 and (a.startswith("tariff") or "transit/" in a)]
    assert moves, res.actions
