"""Contracts and prices (rule 14), numbered cases: buyers pay, defaults, whole-life values."""
from __future__ import annotations

import pytest

from game import engine
from game.model import Item
from game.model.ops import evolve, with_power
from game.rules import agenda, contracts, geography
from game.rules.play import check_contract
from tests.test_rules import with_params
from tests.worlds import tiny, with_contract


def _resolved(world):
    """The world after goods move and money is paid for one year."""
    return engine.move_goods(world)


def test_contracts_1_buyer_pays_the_premium_seller_earns_it():
    """At 1.5x the world price, Japan's treasury carries 0.5 x volume x price; Kazakhstan earns the premium."""
    w = with_contract(tiny(), "c1", "kazakhstan", "japan", "oil", 4.0, corridor="west", price=1.5)
    flat = with_contract(tiny(), "c1", "kazakhstan", "japan", "oil", 4.0, corridor="west", price=1.0)
    after, log = _resolved(w)
    after_flat, _ = _resolved(flat)
    premium = 4.0 * 0.4 * 0.5
    assert after.powers["japan"].treasury == pytest.approx(w.powers["japan"].treasury - premium)
    assert after_flat.powers["japan"].treasury == pytest.approx(w.powers["japan"].treasury)
    assert after.economies["kazakhstan"].revenue - after_flat.economies["kazakhstan"].revenue == pytest.approx(premium)
    assert not log


def test_contracts_2_without_resale_the_buyer_pays_the_whole_bill():
    """With `contracts.resale` 0 the buyer's treasury pays volume x price x factor."""
    w = with_params(with_contract(tiny(), "c1", "kazakhstan", "japan", "oil", 4.0, corridor="west", price=1.0),
                    contracts__resale=0.0)
    after, _ = _resolved(w)
    assert after.powers["japan"].treasury == pytest.approx(w.powers["japan"].treasury - 4.0 * 0.4)


def test_contracts_3_a_buyer_that_cannot_pay_defaults():
    """Japan with $0.1bn cannot pay a $0.8bn premium: it pays what it has, the contract is defaulted,
    Kazakhstan's trust in Japan falls and its revenue loses the unpaid part; the contract ships no more."""
    w = with_contract(tiny(), "c1", "kazakhstan", "japan", "oil", 4.0, corridor="west", price=1.5)
    w = with_power(w, "japan", treasury=0.1)
    after, log = _resolved(w)
    assert after.contracts["c1"].status == contracts.DEFAULTED
    assert after.powers["japan"].treasury == pytest.approx(0.0)
    assert after.trust["kazakhstan"]["japan"] == pytest.approx(0.6 - w.param("contracts.default_trust"))
    paid_in_full, _ = _resolved(with_power(w, "japan", treasury=5.0))
    short = 4.0 * 0.4 * 0.5 - 0.1
    assert paid_in_full.economies["kazakhstan"].revenue - after.economies["kazakhstan"].revenue == pytest.approx(short)
    assert log and log[0].rule == "contracts"
    assert "c1" not in geography.resolve(after).shipped


def test_contracts_4_annuity_discounts_later_years():
    """A(1) = 1, A(n) grows with n but less than n; with no discount A(n) = n."""
    w = tiny()
    assert contracts.annuity(w, 1) == pytest.approx(1.0)
    assert 1 < contracts.annuity(w, 5) < 5 < contracts.annuity(w, 30) < 30
    assert contracts.annuity(with_params(w, contracts__discount=0.0), 30) == pytest.approx(30.0)


def test_contracts_5_length_is_bounded():
    """A contract longer than `contracts.max_years` is refused by validation."""
    w = tiny()
    item = Item("contract", resource="oil", amount=1.0, years=31)
    assert [r.key for r in check_contract(w, "kazakhstan", "japan", item)] == ["illegal.contract_years"]
    assert any("at most 30 years" in str(r) for r in check_contract(w, "kazakhstan", "japan", item))
    assert not check_contract(w, "kazakhstan", "japan", evolve(item, years=30))


def test_contracts_6_defaulted_volume_frees_capacity():
    """A defaulted contract no longer counts against what the seller may still sell."""
    w = with_contract(tiny(), "c1", "kazakhstan", "japan", "oil", 60.0)
    item = Item("contract", resource="oil", amount=10.0, years=5)
    assert check_contract(w, "kazakhstan", "china", item)
    gone = evolve(w, contracts={"c1": evolve(w.contracts["c1"], status=contracts.DEFAULTED)})
    assert not check_contract(gone, "kazakhstan", "china", item)


# --- whole-life valuation ---------------------------------------------------------------

def _contract_offer(sender, receiver, volume, years, price, gives_aid=0.0, corridor=""):
    """An offer in which the C5 receiver sells a contract, maybe for a grant."""
    from game.model import Offer
    gives = (Item("aid", aid_kind="grant", amount=gives_aid),) if gives_aid else ()
    item = Item("contract", resource="oil", amount=volume, price_factor=price, years=years, corridor=corridor)
    return Offer("o1", sender, receiver, gives, (item,), 2025)


def test_contracts_7_an_absurd_offer_is_refused_a_fair_one_accepted():
    """51 Mt of oil a year for 30 years at the world price for a $0.21bn grant is refused by the seller;
    5 Mt for 5 years at 1.2x is accepted."""
    from game.rules import valuation
    w = tiny()
    absurd = valuation.appraise_c5(w, _contract_offer("japan", "kazakhstan", 51.0, 30, 1.0, 0.21))
    fair = valuation.appraise_c5(w, _contract_offer("japan", "kazakhstan", 5.0, 5, 1.2))
    assert absurd.total < 0 < fair.total


def test_contracts_8_length_matters_on_both_sides():
    """A 30-year contract at a premium is worth more to the seller and costs the buyer more than a 1-year one."""
    from game.rules import valuation
    w = tiny()
    short, long_ = (_contract_offer("japan", "kazakhstan", 5.0, n, 1.2) for n in (1, 30))
    assert valuation.appraise_c5(w, long_).terms["money"] > valuation.appraise_c5(w, short).terms["money"] > 0
    assert valuation.appraise_great(w, "japan", long_).terms["premium"] > \
        valuation.appraise_great(w, "japan", short).terms["premium"] > 0


def test_contracts_9_a_dear_route_needs_a_premium():
    """On the dear west route the seller loses against its best route (east) and wants more than on the east."""
    from game.rules import valuation
    w = tiny()
    west = valuation.seller_worth(w, "kazakhstan", "japan", Item("contract", resource="oil", amount=4.0,
                                                                  price_factor=1.0, years=5, corridor="west"))
    east = valuation.seller_worth(w, "kazakhstan", "japan", Item("contract", resource="oil", amount=4.0,
                                                                  price_factor=1.0, years=5, corridor="east"))
    assert west < east < 0


def test_contracts_10_supply_security_is_worth_more_when_the_middle_east_is_risky():
    """Japan's whole-life value of C5 oil rises with Middle East risk (rule 9) and is zero beyond its demand."""
    from game.rules import valuation
    w = tiny()
    item = Item("contract", resource="oil", amount=5.0, price_factor=1.0, years=5)
    calm = valuation.security_worth(evolve(w, risks={"middle_east": 0.0, "malacca": 0.1}), "japan", "kazakhstan", item)
    risky = valuation.security_worth(evolve(w, risks={"middle_east": 0.6, "malacca": 0.1}), "japan", "kazakhstan", item)
    assert risky > calm
    full = evolve(w, received={"japan": {"oil": 100.0}})
    assert valuation.security_worth(full, "japan", "kazakhstan", item) == 0.0


def test_contracts_11_a_buyer_refuses_what_it_could_not_pay():
    """Japan (income 1) refuses 20 Mt at 1.5x (a $4bn yearly premium): it would default; 2 Mt at 1.1x is fine."""
    from game.model import Offer
    from game.rules import valuation
    w = tiny()
    big = Offer("o1", "kazakhstan", "japan", (Item("contract", resource="oil", amount=20.0, price_factor=1.5, years=5),),
                (), 2025)
    small = Offer("o1", "kazakhstan", "japan", (Item("contract", resource="oil", amount=2.0, price_factor=1.1, years=5),),
                  (), 2025)
    judged = valuation.appraise_great(w, "japan", big)
    assert judged.total < 0 and judged.reason.key == "ai.great.unaffordable" and "would default" in str(judged.reason)
    assert not valuation.appraise_great(w, "japan", small).terms["unaffordable"]


def test_contracts_12_paying_dear_buys_no_more_trade():
    """Trade counts goods at the price paid but never above the world price (rule 2): at 2x Japan pays more and
    Kazakhstan's exports are worth more, but Japan's trade with Kazakhstan, and the influence and trade race it
    feeds, are the same as at 1x; at a discount the trade is worth less."""
    dear, _ = _resolved(with_contract(tiny(), "c1", "kazakhstan", "japan", "oil", 4.0, corridor="west", price=2.0))
    fair, _ = _resolved(with_contract(tiny(), "c1", "kazakhstan", "japan", "oil", 4.0, corridor="west", price=1.0))
    cheap, _ = _resolved(with_contract(tiny(), "c1", "kazakhstan", "japan", "oil", 4.0, corridor="west", price=0.8))
    assert fair.trade["kazakhstan"]["japan"] > 0
    assert cheap.trade["kazakhstan"]["japan"] == pytest.approx(0.8 * fair.trade["kazakhstan"]["japan"])
    assert dear.trade["kazakhstan"]["japan"] == pytest.approx(fair.trade["kazakhstan"]["japan"])
    assert agenda.trade(dear, "japan") == pytest.approx(agenda.trade(fair, "japan"))
    assert sum(dear.exports["kazakhstan"].values()) > sum(fair.exports["kazakhstan"].values())
    assert dear.powers["japan"].treasury < fair.powers["japan"].treasury
    won = {name: engine.trade_influence(w).influence["kazakhstan"]["japan"] - w.influence["kazakhstan"]["japan"]
           for name, w in (("dear", dear), ("fair", fair))}
    assert won["fair"] > 0
    assert won["dear"] == pytest.approx(won["fair"], rel=1e-3)  # only the GDP it is divided by differs a little


def test_contracts_13_the_ai_values_trade_as_the_rule_counts_it():
    """The influence a seller expects a buyer to win from a sale's trade (`valuation.trade_gain`, which its hedging
    weighs) counts the goods as rule 2 does: a 2x sale no more than a 1x one, a 0.8x sale 0.8 of it."""
    from game.rules import valuation
    w = tiny()

    def gain(price: float) -> float:
        return valuation.trade_gain(w, "kazakhstan", [Item("contract", resource="oil", amount=4.0, price_factor=price,
                                                           years=5, corridor="west")])
    assert gain(1.0) > 0
    assert gain(2.0) == pytest.approx(gain(1.0))
    assert gain(0.8) == pytest.approx(0.8 * gain(1.0))
