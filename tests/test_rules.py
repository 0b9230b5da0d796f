"""One numbered case per behaviour of each of the nine balancing rules (DATC style).

Every case builds a small world from tests/worlds.py and states its expectation in its
docstring. Parameters are set explicitly where a case depends on their values.
"""
from __future__ import annotations

import random

import pytest

from game import engine
from game.model import Item, Offer, Pledge
from game.model.ops import evolve, put
from game.rules import (
    backlash, credibility, dependence, dilution, energy, geography, hedging, institutions, refining, valuation,
)
from game.rules import actions as A
from game.rules.influence import share
from game.rules.play import apply, validate
from tests.worlds import at_turn, tiny, with_contract


def with_params(world, **params):
    """The world with some rule parameters changed (names use __ for dots)."""
    rules = dict(world.rules)
    rules.update({k.replace("__", "."): v for k, v in params.items()})
    return evolve(world, rules=rules)


def grant_offer(sender: str, receiver: str, amount: float) -> Offer:
    return Offer("o1", sender, receiver, (Item("aid", aid_kind="grant", amount=amount),), (), 2025)


# --- 1. hedging -------------------------------------------------------------------

def test_hedging_1_no_penalty_below_tolerance():
    """A small grant that leaves China below Kyrgyzstan's tolerance carries no hedging term."""
    w = tiny()
    judged = valuation.appraise_c5(w, grant_offer("china", "kyrgyzstan", 0.1))
    assert judged.terms["share_after"] < w.economies["kyrgyzstan"].tolerance
    assert judged.terms["hedging"] == 0


def test_hedging_2_penalty_past_tolerance_needs_premium():
    """A grant pushing China past 55% in Kyrgyzstan costs penalty x excess, so it is worth less than Japan's."""
    w = with_params(tiny(), hedging__penalty=10.0)
    china = valuation.appraise_c5(w, grant_offer("china", "kyrgyzstan", 1.5))
    japan = valuation.appraise_c5(w, grant_offer("japan", "kyrgyzstan", 1.5))
    excess = china.terms["share_after"] - 0.55
    assert excess > 0
    assert china.terms["hedging"] == pytest.approx(-10.0 * excess)
    assert japan.terms["hedging"] == 0
    assert china.total < japan.total


def test_hedging_3_refusal_reason_names_the_shares():
    """When the penalty outweighs the grant, Kyrgyzstan declines and says why in a sentence."""
    w = with_params(tiny(), hedging__penalty=40.0)
    judged = valuation.appraise_c5(w, grant_offer("china", "kyrgyzstan", 1.5))
    assert judged.total < 0
    assert str(judged.reason).startswith("Kyrgyzstan declines: China's share of its influence would rise from 48%")
    assert "above the 55% it tolerates" in str(judged.reason)


def test_hedging_4_rivals_gain_faster_while_one_dominates():
    """With China above tolerance in Tajikistan, Japan's aid wins influence x (1 + bonus x excess)."""
    w = tiny()
    w = evolve(w, influence=put(w.influence, "tajikistan", {"japan": 0.05, "china": 0.70, "russia": 0.15, "others": 0.10}))
    mult = hedging.rival_multiplier(w, "tajikistan", "japan")
    assert mult == pytest.approx(1 + 2.0 * (0.70 - 0.60))
    assert hedging.rival_multiplier(w, "tajikistan", "china") == 1.0


def test_hedging_5_no_bloc_against_china():
    """Kazakhstan will not sign a joint statement aimed at China, whatever comes with it."""
    w = at_turn(tiny(), "japan")
    offer = A.Propose("japan", "kazakhstan", (Item("aid", aid_kind="grant", amount=1.0), Item("statement", against="china")), ())
    reasons = validate(w, offer)
    assert any(r.key == "illegal.no_bloc" and r.args["against"].id == "china" for r in reasons)
    assert any("joins no bloc aimed at China" in str(r) for r in reasons)  # and the English says so


def test_hedging_5b_refused_statements_are_listed_by_state_then_item():
    """Both sides of an offer refusing statements: the reasons name the sender's refusals first (its items in order,
    gives before asks), then the receiver's, after every item's own reasons."""
    from game.rules.play import check_offer_items
    w = tiny()
    w = evolve(w, economies={c: evolve(e, never_against=("china", "russia")) for c, e in w.economies.items()})
    gives = (Item("statement", against="china"), Item("aid", aid_kind="nothing", amount=1.0))
    asks = (Item("statement", against="russia"),)
    reasons = check_offer_items(w, "kazakhstan", "tajikistan", gives, asks)
    blocs = [(r.args["actor"].id, r.args["against"].id) for r in reasons if r.key == "illegal.no_bloc"]
    assert blocs == [("kazakhstan", "china"), ("kazakhstan", "russia"), ("tajikistan", "china"), ("tajikistan", "russia")]
    assert reasons[-4:] == [r for r in reasons if r.key == "illegal.no_bloc"] and len(reasons) > 4


# --- 2. geography -------------------------------------------------------------------

def test_geography_1_cheapest_open_route_first():
    """Uncontracted oil fills the cheapest route (east), then the next (north); the dear west route stays empty."""
    w = tiny()
    out = geography.output(w, "kazakhstan", "oil")
    flows = geography.resolve(w).flows
    assert flows["east"]["oil"] == pytest.approx(50.0)
    assert flows["north"]["oil"] == pytest.approx(out - 50.0)
    assert "oil" not in flows.get("west", {})


def test_geography_2_contract_names_dearer_route():
    """A contract naming the west route ships there though the east is cheaper."""
    w = with_contract(tiny(), "c1", "kazakhstan", "japan", "oil", 4.0, corridor="west")
    flows = geography.resolve(w)
    assert flows.flows["west"]["oil"] == pytest.approx(4.0)
    assert flows.shipped["c1"] == pytest.approx(4.0)


def test_geography_3_cut_route_diverts_exports_and_raises_wish_to_diversify():
    """China cuts the east route: oil goes north then west, and Kazakhstan wants to diversify more."""
    w = at_turn(tiny(), "china", "actions")
    before = w.economies["kazakhstan"].diversify
    w, _ = apply(w, A.Policy("china", "transit_pressure", corridor="east"))
    flows = geography.resolve(w).flows
    assert "east" not in flows
    assert flows["north"]["oil"] == pytest.approx(30.0)
    assert flows["west"]["oil"] == pytest.approx(5.0)
    assert w.economies["kazakhstan"].diversify > before


def test_geography_4_export_diversity():
    """One gatekeeper gives diversity 0; two equal gatekeepers give 0.5."""
    w = tiny(exports={"kazakhstan": {"east": 10.0}})
    assert geography.export_diversity(w, "kazakhstan") == 0
    w = tiny(exports={"kazakhstan": {"east": 10.0, "north": 10.0}})
    assert geography.export_diversity(w, "kazakhstan") == pytest.approx(0.5)


def test_geography_5_distance_costs_what_the_cost_scale_says():
    """`geography.cost_scale` multiplies every corridor's transport cost: a state's netback falls as it rises, and
    at 0 a unit earns its price on every route alike (what the ablation switches off)."""
    from attrs import evolve as _evolve

    def scaled(x: float):
        return _evolve(tiny(), rules={**tiny().rules, "geography.cost_scale": x})
    revenue = [geography.resolve(scaled(x)).revenue["kazakhstan"] for x in (2.0, 1.0, 0.0)]
    assert revenue[0] < revenue[1] < revenue[2]
    free = scaled(0.0)
    nets = {k.id: geography.netback(free, "kazakhstan", "oil", k) for k in geography.routes(free, "kazakhstan", "oil")}
    assert len(nets) >= 2 and len({round(v, 9) for v in nets.values()}) == 1, nets


# --- 3. backlash ----------------------------------------------------------------------

def tense(tension: float):
    w = tiny(tension={"china|japan": tension, "japan|russia": 0.2, "china|russia": 0.1},
             exports={"kazakhstan": {"east": 10.0, "north": 8.0, "west": 4.0}},
             trade={"kazakhstan": {"china": 10.0, "russia": 8.0, "japan": 4.0},
                    "tajikistan": {"china": 0.9, "russia": 0.1}})
    return w


def test_backlash_1_tokyo_summit_under_high_tension():
    """China-Japan tension 0.8: diversified Kazakhstan attends Japan's summit; China-dependent Tajikistan stays away."""
    w = tense(0.8)
    assert backlash.summit_choice(w, "kazakhstan", "japan", 2).attends
    assert not backlash.summit_choice(w, "tajikistan", "japan", 2).attends


def test_backlash_2_low_tension_everyone_attends():
    """With low tension Tajikistan attends too."""
    w = tense(0.2)
    assert backlash.summit_choice(w, "tajikistan", "japan", 2).attends


def test_backlash_3_dealing_displeases_rivals():
    """Kazakhstan accepting Japan's deal costs China influence there by trust_loss x X x dep."""
    w = tense(0.8)
    before = w.influence["kazakhstan"]["china"]
    after = backlash.displease(w, "kazakhstan", "japan").influence["kazakhstan"]["china"]
    expected = before * (1 - 0.1 * 0.8 * backlash.dep(w, "kazakhstan", "china"))
    assert after == pytest.approx(expected)
    assert after < before


def test_backlash_4_going_ahead_cools_the_displeased_rival():
    """Going ahead with Japan at China-Japan tension 0.8 costs Kazakhstan's trust in China trust_cut x X x dep;
    with no tension, or the cut at 0, nothing."""
    w = tense(0.8)
    before = w.trust["kazakhstan"]["china"]
    after = backlash.displease(w, "kazakhstan", "japan").trust["kazakhstan"]["china"]
    assert after == pytest.approx(before - 0.05 * 0.8 * backlash.dep(w, "kazakhstan", "china"))
    assert after < before
    calm = tense(0.0)
    assert backlash.displease(calm, "kazakhstan", "japan").trust["kazakhstan"]["china"] == before
    off = with_params(w, backlash__trust_cut=0.0)
    assert backlash.displease(off, "kazakhstan", "japan").trust["kazakhstan"]["china"] == before


# --- 4. credibility -------------------------------------------------------------------------

def pledged(credibility_base: float):
    w = tiny()
    w = evolve(w, powers=put(w.powers, "japan", evolve(w.powers["japan"], credibility=credibility_base)),
               pledges={"p1": Pledge("p1", "japan", "tajikistan", "grant", 0.5, 2025)}, phase="income")
    return w


def test_credibility_1_undelivered_pledge_lowers_trust():
    """A pledge that slips costs trust_loss and moves a year."""
    w, log = engine.deliver_pledges(with_params(pledged(0.0), credibility__followup=0.0))
    assert w.trust["tajikistan"]["japan"] == pytest.approx(0.6 - 0.08)
    assert w.pledges["p1"].due_year == 2026 and w.pledges["p1"].slips == 1
    assert "slips a year" in log[0].text


def test_credibility_2_delivered_pledge_raises_trust_and_pays():
    """A delivered grant raises trust and moves the money."""
    w = with_params(pledged(1.0), credibility__cap=1.0)
    before = w.powers["tajikistan"].treasury
    w, _ = engine.deliver_pledges(w)
    assert w.trust["tajikistan"]["japan"] == pytest.approx(0.64)
    assert w.powers["tajikistan"].treasury == pytest.approx(before + 0.5)
    assert "p1" not in w.pledges


def test_credibility_3_abandoned_after_max_slips():
    """After max_slips the pledge is dropped."""
    w = with_params(pledged(0.0), credibility__followup=0.0, credibility__max_slips=0)
    w, _ = engine.deliver_pledges(w)
    assert "p1" not in w.pledges


def test_credibility_4_offers_discounted_by_trust():
    """The same grant is worth less from a power the state distrusts."""
    w = tiny()
    low = evolve(w, trust=put(w.trust, "kyrgyzstan", {"japan": 0.1, "china": 0.6, "russia": 0.6}))
    assert valuation.appraise_c5(low, grant_offer("japan", "kyrgyzstan", 0.2)).terms["money"] < \
        valuation.appraise_c5(w, grant_offer("japan", "kyrgyzstan", 0.2)).terms["money"]
    assert credibility.value_factor(low, "kyrgyzstan", "japan") == pytest.approx(0.55)


# --- 5. latecomer dilution ------------------------------------------------------------------

def test_dilution_1_others_grow_and_great_powers_erode():
    """Each year others gain rate x total; without renewal Japan's share falls."""
    w = tiny()
    before = share(w, "kazakhstan", "japan")
    total = sum(w.influence["kazakhstan"].values())
    once = dilution.dilute(w)
    assert once.influence["kazakhstan"]["others"] == pytest.approx(0.15 + 0.012 * total)
    for _ in range(10):
        w = dilution.dilute(w)
    assert share(w, "kazakhstan", "japan") < before


# --- 6. weaponised dependence ------------------------------------------------------------

def controls_on(world):
    w = at_turn(world, "china", "actions")
    return apply(w, A.Policy("china", "export_controls", "japan", "rare_earths"))[0]


def test_dependence_1_controls_hurt_in_proportion_to_chinese_share():
    """Japan's rare-earth security falls by its China share x (control strength - tension)."""
    w = tiny()
    before = energy.security(w, "japan", "rare_earths")
    after = energy.security(controls_on(w), "japan", "rare_earths")
    assert before - after == pytest.approx(0.7 * (0.8 - 0.2))
    half = evolve(w, powers=put(w.powers, "japan", evolve(w.powers["japan"], sources={"rare_earths": {"china": 0.35}})))
    loss_half = energy.security(half, "japan", "rare_earths") - energy.security(controls_on(half), "japan", "rare_earths")
    assert loss_half == pytest.approx((before - after) / 2)


def test_dependence_2_controls_cost_china_trust_everywhere():
    """Coercion costs China coercion_trust in every C5 state and drains influence to others."""
    w = tiny()
    after = controls_on(w)
    for c in w.economies:
        assert after.trust[c]["china"] == pytest.approx(w.trust[c]["china"] - 0.06)
        assert after.influence[c]["others"] > w.influence[c]["others"]


def test_dependence_3_controls_cut_deliveries_over_chinese_routes_only():
    """Rare earths to Japan over the east route are cut by 80%; over the west route they pass."""
    w = with_contract(tiny(), "c1", "kazakhstan", "japan", "rare_earths", 1.0, corridor="east")
    w = with_contract(w, "c2", "kazakhstan", "japan", "rare_earths", 1.0, corridor="west")
    shipped = geography.resolve(controls_on(w)).shipped
    assert shipped["c1"] == pytest.approx(0.2)
    assert shipped["c2"] == pytest.approx(1.0)


def test_dependence_4_alternatives_take_years():
    """A deep-sea programme yields nothing for 10 years; recycling nothing before 2030."""
    w = at_turn(tiny(), "japan", "actions")
    w, _ = apply(w, A.Policy("japan", "deep_sea", resource="rare_earths"))
    assert dependence.alternative_share(w, "japan", "rare_earths") == 0
    assert dependence.alternative_share(evolve(w, year=2035), "japan", "rare_earths") == pytest.approx(0.15)
    w = at_turn(tiny(), "japan", "actions")
    w, _ = apply(w, A.Policy("japan", "recycling", resource="rare_earths"))
    assert dependence.alternative_share(evolve(w, year=2029), "japan", "rare_earths") == 0
    assert dependence.alternative_share(evolve(w, year=2030), "japan", "rare_earths") == pytest.approx(0.15)


# --- 7. refining bottleneck -------------------------------------------------------------------

def test_refining_1_ore_is_worth_little_unrefined():
    """Without refining a unit of rare earths is worth ore_ratio of the price; refined at home, all of it."""
    w = tiny()
    assert refining.grade(w, "kazakhstan", "rare_earths") == pytest.approx(0.1)
    refined = evolve(w, economies=put(w.economies, "kazakhstan", evolve(w.economies["kazakhstan"], refining=2.0)))
    assert refining.grade(refined, "kazakhstan", "rare_earths") == pytest.approx(1.0)
    assert refining.secure_share(w, "kazakhstan", "rare_earths") == 0
    assert refining.grade(w, "kazakhstan", "oil") == 1.0


def with_outside_source(world, share: float = 0.2):
    """Japan buys rare earths from Australia (a source that is not a great power) as well as from China."""
    japan = evolve(world.powers["japan"], sources={**world.powers["japan"].sources,
                                                    "rare_earths": {"china": 0.7, "australia": share}})
    return evolve(world, powers=put(world.powers, "japan", japan), risks={**world.risks, "australia": 0.0})


def test_refining_3_outside_ore_passes_chinese_refiners():
    """Half of Japan's Australian rare earths pass Chinese refineries, so China's export controls cut them too:
    controls cost Japan (0.7 + 0.2 x gate x outside_ore) x (strength - tension) of security; with the
    refining bottleneck switched off (gate 0) only its Chinese share."""
    w = with_outside_source(tiny())
    loss = energy.security(w, "japan", "rare_earths") - energy.security(controls_on(w), "japan", "rare_earths")
    assert loss == pytest.approx((0.7 + 0.2 * 1.0 * 0.5) * (0.8 - 0.2))
    off = with_params(w, refining__gate=0.0)
    loss_off = energy.security(off, "japan", "rare_earths") - energy.security(controls_on(off), "japan", "rare_earths")
    assert loss_off == pytest.approx(0.7 * (0.8 - 0.2))
    assert energy.security(w, "japan", "oil") == energy.security(off, "japan", "oil")  # oil needs no refining


def test_refining_2_building_refining_takes_years():
    """A refining build adds capacity only after refining.years."""
    w = at_turn(tiny(), "kazakhstan", "actions")
    w, _ = apply(w, A.Refine("kazakhstan", "kazakhstan"))
    from game.rules.economy import finish_projects
    assert finish_projects(evolve(w, year=2027)).economies["kazakhstan"].refining == 0
    assert finish_projects(evolve(w, year=2028)).economies["kazakhstan"].refining == pytest.approx(2.0)


# --- 8. institutions -----------------------------------------------------------------------

def test_institutions_1_summit_adds_host_influence_per_level():
    """A leaders' meeting adds forum_bonus x 2 x (1 + standing) to the host in each attending member."""
    w = tiny()
    after = institutions.meet(w, "ca_japan", ("kazakhstan", "tajikistan"))
    assert after.influence["kazakhstan"]["japan"] == pytest.approx(0.10 + 0.02 * 2)
    assert after.influence["kyrgyzstan"]["japan"] == pytest.approx(0.07)
    assert after.forums["ca_japan"].standing == pytest.approx(0.04)
    again = institutions.meet(after, "ca_japan", ("kazakhstan",))
    assert again.influence["kazakhstan"]["japan"] == pytest.approx(0.14 + 0.04 * 1.04)


def test_institutions_2_dormant_forum_drops_a_level():
    """A forum that has not met for dormant_years falls from leaders to ministers; standing decays."""
    w = tiny()
    w = evolve(w, forums=put(w.forums, "ca_japan", evolve(w.forums["ca_japan"], standing=0.1, last_met=2022)))
    aged = institutions.age(w)
    assert aged.forums["ca_japan"].level == 1
    assert aged.forums["ca_japan"].standing == pytest.approx(0.09)
    assert aged.forums["sco"].level == 2


# --- 9. energy security ----------------------------------------------------------------------

def test_energy_1_japan_oil_security_formula():
    """S = 1 - 0.73 x risk_ME - 0.8 x risk_Malacca with no Central Asian oil."""
    w = tiny()
    assert energy.security(w, "japan", "oil") == pytest.approx(1 - 0.73 * 0.3 - 0.8 * 0.1)


def test_energy_2_c5_supply_covers_exposure():
    """Central Asian oil covering 20% of demand scales the exposure by 0.8."""
    w = tiny(received={"japan": {"oil": 20.0}})
    assert energy.security(w, "japan", "oil") == pytest.approx(1 - 0.8 * (0.73 * 0.3 + 0.8 * 0.1))


def test_energy_3_middle_east_risk_raises_value_of_c5_oil():
    """A Gulf crisis lowers Japan's security and raises what it pays for Central Asian oil."""
    calm, crisis = tiny(), tiny(risks={"middle_east": 0.6, "malacca": 0.1})
    assert energy.security(crisis, "japan", "oil") < energy.security(calm, "japan", "oil")
    assert energy.value_factor(crisis, "japan", "oil") == pytest.approx(1 + 0.6 * 0.73 + 0.1 * 0.8)
    assert energy.value_factor(crisis, "japan", "oil") > energy.value_factor(calm, "japan", "oil")


def test_rng_is_derived_from_seed_year_phase():
    """The same (seed, year, phase) gives the same draws; another phase gives others."""
    w = tiny()
    a = [engine.rng(w, "events").random() for _ in range(2)]
    assert a[0] == engine.rng(w, "events").random()
    assert engine.rng(w, "pledges").random() != a[0]
    assert isinstance(engine.rng(w, "x"), random.Random)


def test_no_building_through_a_war_zone():
    """A corridor cannot be built through a country whose risk is above play.build_risk_limit."""
    w = at_turn(tiny(), "china", "actions")
    assert validate(w, A.Build("china", "planned_line")) == []
    war = evolve(w, risks={**w.risks, "tajikistan": 0.9})
    assert [r.key for r in validate(war, A.Build("china", "planned_line"))] == ["illegal.war_zone"]


def test_hedging_6_no_channel_pushes_past_tolerance_for_free():
    """A summit bonus that would lift China past Kyrgyzstan's tolerance counts only `over_keep` past it,
    and costs China trust there; Japan's same gain counts in full."""
    from game.rules import institutions
    w = with_params(tiny(), hedging__over_keep=0.25)
    room = hedging.room(w, "kyrgyzstan", "china")
    big = room + 0.4
    after = hedging.win(w, "kyrgyzstan", "china", big)
    assert after.influence["kyrgyzstan"]["china"] == pytest.approx(0.48 + room + 0.25 * 0.4)
    assert after.trust["kyrgyzstan"]["china"] < w.trust["kyrgyzstan"]["china"]
    japan = hedging.win(w, "kyrgyzstan", "japan", 0.1)
    assert japan.influence["kyrgyzstan"]["japan"] == pytest.approx(0.17)
    assert japan.trust["kyrgyzstan"]["japan"] == w.trust["kyrgyzstan"]["japan"]
    met = institutions.meet(evolve(w, forums=put(w.forums, "sco", evolve(w.forums["sco"], level=2, standing=20.0))),
                            "sco", ("kyrgyzstan",))
    assert share(met, "kyrgyzstan", "china") < hedging.share_after(w, "kyrgyzstan", "china", 0.04 * 21)


def test_credibility_5_aid_is_offered_not_imposed():
    """The aid action makes an offer, not a pledge; declined, no money moves; the offer outlives the year's end."""
    w = at_turn(tiny(), "japan", "actions")
    w, _ = apply(w, A.Aid("japan", "kyrgyzstan", "grant", 0.4))
    assert not w.pledges
    (oid, offer), = w.offers.items()
    assert offer.receiver == "kyrgyzstan" and offer.status == "pending"
    assert oid in engine.standing_offers(w)
    declined, _ = apply(at_turn(w, "kyrgyzstan"), A.Reject("kyrgyzstan", oid))
    assert not declined.pledges and declined.powers["kyrgyzstan"].treasury == w.powers["kyrgyzstan"].treasury
    accepted, _ = apply(at_turn(w, "kyrgyzstan"), A.Accept("kyrgyzstan", oid))
    (pl,) = accepted.pledges.values()
    assert (pl.donor, pl.recipient, pl.amount) == ("japan", "kyrgyzstan", 0.4)


def test_refining_3_a_deposit_path_big_enough_to_matter_in_2025():
    """In "Rare Earth Crunch" one development of Kazakhstan's rare earths adds over a fifth of Japan's
    demand, but unrefined it is neither worth much nor secure: it needs refining builds that take years."""
    from game.rules.play import develop_amount
    from game.scenario.loader import load
    w = load("2025").world
    added = develop_amount(w, "kazakhstan", "rare_earths")
    assert added >= 0.2 * w.powers["japan"].demand["rare_earths"]
    grown = evolve(w, economies=put(w.economies, "kazakhstan", evolve(
        w.economies["kazakhstan"], production={**w.economies["kazakhstan"].production, "rare_earths": 1.0 + added})))
    assert refining.secure_share(grown, "kazakhstan", "rare_earths") == 0
    builds = added / w.param("refining.step")
    assert builds > 2 and w.param("refining.years") >= 3


def test_refining_4_neutralised_gate_lets_ore_count_as_secure():
    """With refining.gate 0 and ore_ratio 1 the bottleneck is gone: ore is full value and secure."""
    w = with_params(tiny(), refining__gate=0.0, refining__ore_ratio=1.0)
    assert refining.secure_share(w, "kazakhstan", "rare_earths") == 1.0
    assert refining.grade(w, "kazakhstan", "rare_earths") == 1.0


def test_energy_4_risk_weight_zero_makes_sea_lanes_safe():
    """With energy.risk_weight 0 the Gulf and Malacca no longer lower Japan's security; export controls still do."""
    w = with_params(tiny(), energy__risk_weight=0.0)
    assert energy.security(w, "japan", "oil") == pytest.approx(1.0)
    assert energy.security(w, "japan", "rare_earths") == energy.security(tiny(), "japan", "rare_earths")


def test_geography_5_costs_are_per_unit_of_capacity():
    """A kt of rare earths pays a thousandth of the route's per-Mt cost, so refined exports earn money."""
    w = evolve(tiny(), economies=put(tiny().economies, "kazakhstan",
                                     evolve(tiny().economies["kazakhstan"], refining=2.0)))
    k = w.corridors["west"]
    assert geography.netback(w, "kazakhstan", "rare_earths", k) == pytest.approx(0.02 - 0.001 * 0.08)
    assert geography.netback(w, "kazakhstan", "rare_earths", k) > 0


def test_refining_5_developing_rare_earths_abroad_brings_offtake():
    """Japan developing Kazakh rare earths gets the new output under contract; unrefined it adds no
    security, refined at home it does."""
    from game.rules.play import develop_amount
    w = at_turn(with_params(tiny(), refining__deposit_share=0.0), "japan", "actions")
    added = develop_amount(w, "kazakhstan", "rare_earths")
    w, _ = apply(w, A.Develop("japan", "kazakhstan", "rare_earths"))
    (con,) = w.contracts.values()
    assert (con.seller, con.buyer, con.resource, con.volume) == ("kazakhstan", "japan", "rare_earths", added)
    assert geography.resolve(w).received.get("japan", {}).get("rare_earths", 0.0) == 0.0
    refined = evolve(w, economies=put(w.economies, "kazakhstan", evolve(w.economies["kazakhstan"], refining=5.0)))
    assert geography.resolve(refined).received["japan"]["rare_earths"] == pytest.approx(added)


def test_economy_a_development_costs_years_of_what_it_will_sell():
    """Kazakhstan developing its oil pays `develop_payback` years of the added output at the world price
    (far above the least cost); a rare-earth development, worth little a year, pays the least cost; with
    the payback at 0 every development costs the least cost; a treasury short of the price is refused."""
    from game.rules.play import develop_amount, develop_cost
    w = at_turn(tiny(), "kazakhstan", "actions")
    w = evolve(w, powers=put(w.powers, "kazakhstan", evolve(w.powers["kazakhstan"], treasury=100.0)))
    added = develop_amount(w, "kazakhstan", "oil")
    oil = w.param("economy.develop_payback") * added * w.prices["oil"]
    assert oil > w.param("economy.develop_cost")
    assert develop_cost(w, "kazakhstan", "oil") == pytest.approx(oil)
    after, _ = apply(w, A.Develop("kazakhstan", "kazakhstan", "oil"))
    assert after.powers["kazakhstan"].treasury == pytest.approx(100.0 - oil)
    assert develop_cost(w, "kazakhstan", "rare_earths") == pytest.approx(w.param("economy.develop_cost"))
    assert develop_cost(with_params(w, economy__develop_payback=0.0), "kazakhstan", "oil") == pytest.approx(
        w.param("economy.develop_cost"))
    poor = evolve(w, powers=put(w.powers, "kazakhstan", evolve(w.powers["kazakhstan"], treasury=oil / 2)))
    assert validate(poor, A.Develop("kazakhstan", "kazakhstan", "oil"))
    assert not validate(with_params(poor, economy__develop_payback=0.0), A.Develop("kazakhstan", "kazakhstan", "oil"))
