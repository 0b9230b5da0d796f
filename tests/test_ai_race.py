"""The AI plays to win the objectives: its yardstick is the points it projects to win (ai.race)."""
import pytest
from attrs import evolve

from ai import race
from game.model import Objective
from game.model.ops import with_power
from game.rules import objectives as O
from tests.ai_fixtures import scenario, with_share

RANK = Objective("influence_gain", "influence_gain", O.RANK, (4.0, 2.0, 0.0))


def world_with(objs: dict):
    """The 2015 World with the given objectives for some powers (the others keep theirs)."""
    w = scenario().world
    for p, o in objs.items():
        w = with_power(w, p, objectives=o)
    return evolve(w, start_measures=O.measures(w))


def test_soft_rank_is_the_rank_pay_when_sure_and_between_places_when_close():
    vals = {"a": 0.5, "b": 0.3, "c": 0.1}
    assert abs(race.soft_rank(vals, "a", (4, 2, 0), 0.001) - 4.0) < 1e-6
    assert abs(race.soft_rank(vals, "b", (4, 2, 0), 0.001) - 2.0) < 1e-6
    tied = {"a": 0.5, "b": 0.5, "c": 0.1}
    assert abs(race.soft_rank(tied, "a", (4, 2, 0), 0.001) - O.rank_pay(tied, "a", (4, 2, 0))) < 1e-6
    close = race.soft_rank({"a": 0.31, "b": 0.3, "c": 0.1}, "a", (4, 2, 0), 0.05)
    assert 2.0 < close < 4.0


def test_own_gain_and_a_rivals_loss_both_raise_the_projection():
    """Influence gained in Kazakhstan raises Japan's projected points; China's loss there does too."""
    w = world_with({"japan": (RANK,)})
    base = race.value(w, "japan")
    mine = race.value(with_share(w, "kazakhstan", "japan", w.influence["kazakhstan"]["japan"] / sum(
        w.influence["kazakhstan"].values()) + 0.05), "japan")
    assert mine > base
    china_now = w.influence["kazakhstan"]["china"] / sum(w.influence["kazakhstan"].values())
    rival_down = race.value(with_share(w, "kazakhstan", "china", china_now - 0.05), "japan")
    assert rival_down > base


def test_no_term_rewards_hoarding():
    """Money kept moves the projection only when an objective reads the treasury."""
    w = world_with({"japan": (RANK,)})
    rich = with_power(w, "japan", treasury=w.powers["japan"].treasury + 50)
    assert race.value(rich, "japan") == race.value(w, "japan")
    keeper = Objective("treasury", "treasury", O.THRESHOLD, (1.0,), at=(0.5,))
    w2 = world_with({"japan": (keeper,)})
    rich2 = with_power(w2, "japan", treasury=w2.powers["japan"].treasury + 50)
    assert race.value(rich2, "japan") > race.value(w2, "japan")


def test_nothing_left_to_win_after_the_last_round():
    w = world_with({"japan": (RANK,)})
    done = evolve(w, scored=tuple({} for _ in O.rounds(w)))
    assert race.value(done, "japan") == 0.0
    assert race.value(w, "japan") > 0.0


def test_a_build_is_worth_only_the_rounds_it_is_on_stream_for():
    """`race.on_time`: a move that acts at once counts for every round left; one due in `years` only for the
    rounds in or after its year; one due after the last round for none (2025 short: rounds 2026, 2028, 2029).
    The historical style's national agenda (race 0) counts it in full."""
    from game.scenario.loader import load
    w = load("2025", short=True).world
    assert [y - w.year for y in O.rounds(w)] == [1, 3, 4]
    assert race.on_time(w, 0) == 1.0 and race.on_time(w, 1) == 1.0
    assert race.on_time(w, 2) == pytest.approx(2 / 3) and race.on_time(w, 4) == pytest.approx(1 / 3)
    assert race.on_time(w, 5) == 0.0 and race.on_time(w, 5, race=0.0) == 1.0
    last = evolve(w, year=2029, scored=({}, {}))
    assert race.on_time(last, 2) == 0.0


def test_a_nearer_round_is_surer():
    """With a lead, the projection of one round is closer to first place when the round is this year."""
    w = world_with({"japan": (RANK,)})
    ahead = with_share(w, "kazakhstan", "japan", 0.6)
    one = evolve(ahead, rounds=(ahead.year,), round_weights=(), end_year=ahead.year)
    later = evolve(ahead, rounds=(ahead.year + 3,), round_weights=(), end_year=ahead.year + 3)
    assert race.expected(one, "japan")["influence_gain"] > race.expected(later, "japan")["influence_gain"]


DIVERSITY = Objective("export_diversity_gained", "export_diversity_gain", O.RANK, (6.0, 4.5, 3.0, 1.5, 0.0),
                      bonus=3.0, clear=0.14)


def gas_to_china(price: float):
    """2015 with Turkmenistan dealt the export-diversity race, and China offering to buy 4 bcm of its gas a year
    for 5 years on the Central Asia-China pipeline at `price` x the world price."""
    from game.rules.legal import contract_item
    from tests.ai_fixtures import pending
    w = world_with({"turkmenistan": (DIVERSITY,)})
    item = evolve(contract_item(w, "turkmenistan", "china", "gas", "cac_china_gas"), amount=4.0, price_factor=price)
    return pending(w, "china", "turkmenistan", (), (item,))


def test_a_c5_seat_refuses_a_contract_that_costs_it_its_race_unless_the_money_makes_up_for_it():
    """Selling more gas down China's pipeline drops Turkmenistan's export diversity below Uzbekistan's: at 1.5x the
    price the valuation rule alone would sign (money above hedging), but the race part says no and names the fall;
    at 2x the money makes up for it and it signs (`PersonalityAgent.race_judgement`)."""
    from ai import projection as P
    from game.rules import actions as A
    from game.rules import valuation
    from game.text import render
    from tests.ai_fixtures import decide
    w = gas_to_china(1.5)
    _, _, after = P.great_answer(w, "turkmenistan", "o900", life=True)
    now, then = (race.values_for(x, "turkmenistan", DIVERSITY) for x in (P.settle_goods(w), after))
    assert now["turkmenistan"] > now["uzbekistan"] > then["turkmenistan"]  # it falls below a rival
    assert valuation.appraise(w, "turkmenistan", w.offers["o900"]).total > 0  # the money alone would sign
    d = decide(w, "turkmenistan")
    assert d.action == A.Reject("turkmenistan", "o900"), render(d.reason)
    assert d.terms["race"] < 0 and "export routes would fall" in render(d.reason)
    d2 = decide(gas_to_china(2.0), "turkmenistan")
    assert d2.action == A.Accept("turkmenistan", "o900"), render(d2.reason)


def test_a_contract_is_judged_over_its_life_with_room_for_its_volume():
    """`projection.in_full`: a new contract the pipeline has no room for now gets that room over its life (the
    buyer makes it) and ships its whole volume; a World whose new contracts ship in full is left as it is."""
    from ai import projection as P
    from game.model import LOAD, Contract
    from game.model.ops import put, with_corridor
    from game.rules import geography, trade
    w = world_with({})
    k = w.corridors["cac_china_gas"]
    ahead = sum(c.volume for c in w.contracts.values() if c.corridor == k.id)  # the contracts that ship first
    w = P.settle_goods(with_corridor(w, k.id, capacity=trade.cargo(k) + (ahead + 0.5) * LOAD["gas"]))
    new = Contract("c900", "turkmenistan", "china", "gas", 1.0, 1.0, 5, k.id)  # room for half of it
    signed = P.settle_goods(evolve(w, contracts=put(w.contracts, "c900", new)))
    assert geography.resolve(signed).shipped["c900"] == pytest.approx(0.5)
    life = P.in_full(signed, w)
    assert geography.resolve(life).shipped["c900"] == pytest.approx(new.volume)
    assert life.exports["turkmenistan"][k.id] > signed.exports["turkmenistan"][k.id]
    assert P.in_full(w, w) is w


def test_a_tender_is_projected_as_won_by_the_bid_expected_to_win():
    """Opening a tender is judged on the World where the expected winner (`projection.expected_bid`) holds the
    concession: the new mine's whole volume goes under contract to it, not wherever the host would sell it."""
    from ai import projection as P
    from game.rules import actions as A
    from game.rules import tender
    from game.rules.play import apply
    w0 = world_with({})
    w = evolve(w0, phase="actions", turn=w0.order.index("turkmenistan"), ap_left={p: 3 for p in w0.order})
    bid = P.expected_bid(w, "turkmenistan", "gas")
    assert bid is not None
    opened, _ = apply(w, A.Tender("turkmenistan", "gas"))
    won = P.tendered(opened, A.Tender("turkmenistan", "gas"))
    new = [c for cid, c in won.contracts.items() if cid not in opened.contracts]
    assert [(c.seller, c.buyer, c.resource, c.volume) for c in new] == [
        ("turkmenistan", bid.sender, "gas", tender.volume(w, "turkmenistan", "gas"))]
    assert won.economies["turkmenistan"].production["gas"] > w.economies["turkmenistan"].production["gas"]


def test_a_c5_seat_does_not_counter_for_more_on_a_deal_that_still_costs_it_its_race():
    """China's US$ 1 bn grant for Kazakhstan's statement against Japan costs Kazakhstan autonomy in its race. Its
    standard counter (more aid) is worth having by the valuation rule alone, but as it would judge the deal
    (`counter_judgement`: its race too) it would still lose, so it declines instead of asking for a little more."""
    from game.model import Item
    from game.rules import actions as A
    from game.rules import valuation
    from game.rules.legal import legal_actions
    from game.text import render
    from tests.ai_fixtures import aid, decide, pending
    w = pending(scenario().world, "china", "kazakhstan", [aid("grant", 1.0), Item("statement", against="japan")],
                [Item("statement", against="japan")])
    counter = next(a for a in legal_actions(w, "kazakhstan") if isinstance(a, A.Counter))
    mine = w.offers["o900"].__class__("?", "kazakhstan", "china", counter.gives, counter.asks, w.year)
    assert valuation.appraise(w, "kazakhstan", mine).total > 0  # the money alone would ask for more
    d = decide(w, "kazakhstan")
    assert d.action == A.Reject("kazakhstan", "o900"), render(d.reason)
    assert d.terms["race"] < 0 and "autonomy would fall" in render(d.reason)


def test_a_c5_seat_offers_the_sale_its_race_needs_past_a_new_gatekeeper():
    """Kazakhstan dealt export diversity (its exports pass China and Russia only, 0.50): of the sales it weighs
    (`sell_ladder`: each good on the cheapest route behind each gatekeeper, at 0.8, 1.0 and 1.25x, the standard
    volume and all its unsold output) it offers one on a route neither China nor Russia can cut, which the buyer
    takes; the menu's standard sales (the three cheapest routes, none past a new gatekeeper) could not raise it."""
    from ai.agent import SELL_PRICES, sell_ladder
    from game.rules import actions as A
    from game.rules import geography
    from game.text import render
    from tests.ai_fixtures import decide
    kz = Objective("export_diversity_gained", "export_diversity_gain", O.RANK, (8.0, 6.0, 4.0, 2.0, 0.0),
                   bonus=4.0, clear=0.0063)
    w0 = world_with({"kazakhstan": (kz,)})
    w = evolve(w0, phase="diplomacy", turn=w0.order.index("kazakhstan"), ap_left={p: 3 for p in w0.order})
    ladder = sell_ladder(w, "kazakhstan", "japan")
    keepers = {geography.gatekeeper(w, w.corridors[a.gives[0].corridor], "kazakhstan") for a in ladder}
    assert {"china", "russia"} < keepers  # one route behind each gatekeeper, and more than the two it has
    assert {a.gives[0].price_factor for a in ladder} == set(SELL_PRICES)
    d = decide(w, "kazakhstan")
    assert isinstance(d.action, A.Propose) and d.action.gives[0].kind == "contract", render(d.reason)
    sold = w.corridors[d.action.gives[0].corridor]
    assert geography.gatekeeper(w, sold, "kazakhstan") not in ("china", "russia"), d.action
    assert d.terms["chance"] > 0 and d.terms["delta"] > 0


def test_a_hard_c5_seller_haggles_its_price_down():
    """Hard sweetens an offer the buyer would refuse: a sale it gives comes 0.1 cheaper a step (it used to come
    dearer, which no buyer takes). Turkmen gas to Russia at 1.3x is refused; three steps down, at 1.0x, it is not."""
    from ai import projection as P
    from ai.factory import make_agent
    from game.rules import actions as A
    from game.rules.legal import contract_item
    w0 = world_with({})
    w = evolve(w0, phase="diplomacy", turn=w0.order.index("turkmenistan"), ap_left={p: 3 for p in w0.order})
    agent = make_agent(w, "turkmenistan", "hard", scenario().personalities)
    base = P.settle_goods(w)
    dear = A.Propose("turkmenistan", "russia", (contract_item(w, "turkmenistan", "russia", "gas", "cac_gas", 1.3),), ())
    assert agent.project(w, "turkmenistan", dear, base).chance == 0.0
    better = agent.haggle(w, "turkmenistan", dear, base)
    assert better is not None and better.gives[0].price_factor == pytest.approx(1.0)
    assert agent.project(w, "turkmenistan", better, base).chance >= 0.5 * (1 - agent.level.unseen)
