"""Rule `tender`: a Central Asian state puts a concession up for tender and great powers bid against each other."""
from __future__ import annotations

import random

import pytest

from game.model import Item
from game.model.ops import evolve, with_economy
from game.rules import actions as A
from game.rules import tender, valuation
from game.rules.legal import legal_actions
from game.rules.play import apply, checked_apply, validate
from tests.worlds import at_turn, tiny


def opened(world=None):
    """Tiny, Kazakhstan having put a rare-earth concession up for tender last year; bidding is open now."""
    w = at_turn(world or tiny(), "kazakhstan", "actions")
    w, _ = checked_apply(w, A.Tender("kazakhstan", "rare_earths"))
    return evolve(w, year=w.year + 1, ap_left={p: 3 for p in w.order})


def bid(w, bidder, bonus, price=1.0):
    """`bidder` bids `bonus` US$ bn and `price` x the world price for the open rare-earth concession."""
    t = next(iter(w.tenders.values()))
    a = A.Propose(bidder, "kazakhstan", (Item("aid", aid_kind="grant", amount=bonus),), (tender.concession(w, t, price),))
    w, _ = checked_apply(at_turn(w, bidder, "diplomacy"), a)
    return w, next(o for o in reversed(list(w.offers.values())) if o.sender == bidder)


def test_tender_1_opening_sizes_the_concession_and_costs_an_action():
    """The concession is `tender.output_share` of current output (or `tender.reserve_share` of reserves not yet
    mined); opening it costs an action point and a second tender on the same resource is refused."""
    w = at_turn(tiny(), "kazakhstan", "actions")
    assert tender.volume(w, "kazakhstan", "rare_earths") == pytest.approx(w.param("tender.output_share") * 2.0)
    wr = with_economy(w, "kyrgyzstan", reserves={"rare_earths": 50.0})
    assert tender.volume(wr, "kyrgyzstan", "rare_earths") == pytest.approx(w.param("tender.reserve_share") * 50.0)
    assert tender.tenderable(w, "kyrgyzstan") == ()
    assert A.Tender("kazakhstan", "rare_earths") in legal_actions(w, "kazakhstan")
    w2, log = checked_apply(w, A.Tender("kazakhstan", "rare_earths"))
    assert w2.ap_left["kazakhstan"] == w.ap_left["kazakhstan"] - 1 and log[0].key == "log.tender_opens"
    assert "under way" in str(validate(w2, A.Tender("kazakhstan", "rare_earths"))[0])
    assert A.parse(str(A.Tender("kazakhstan", "rare_earths"))) == A.Tender("kazakhstan", "rare_earths")


def test_tender_2_great_powers_bid_the_year_after():
    """No bid in the opening year; next year every great power's menu holds bids at rising bonuses, once each."""
    w = at_turn(tiny(), "kazakhstan", "actions")
    w, _ = checked_apply(w, A.Tender("kazakhstan", "rare_earths"))
    t = next(iter(w.tenders.values()))
    early = A.Propose("japan", "kazakhstan", (Item("aid", aid_kind="grant", amount=0.2),), (tender.concession(w, t, 1.0),))
    assert validate(at_turn(w, "japan", "diplomacy"), early)
    w = opened()
    bids = [a for a in legal_actions(at_turn(w, "japan", "diplomacy"), "japan")
            if isinstance(a, A.Propose) and tender.is_bid(A_offer(a))]
    assert [sum(i.amount for i in b.gives) for b in bids] == pytest.approx([0.0, 0.2, 0.4, 0.8])
    assert bids[0].asks[0].price_factor == pytest.approx(1 + w.param("tender.premium"))
    w, _ = bid(w, "japan", 0.4)
    assert any("already bid" in str(r) for r in validate(at_turn(w, "japan", "diplomacy"), bids[0]))


def A_offer(a: A.Propose):
    """The offer a Propose would make (for `tender.is_bid`)."""
    from game.model import Offer
    return Offer("?", a.actor, a.target, a.gives, a.asks, 0)


def test_tender_3_the_host_picks_one_bid_the_rest_fail():
    """Accepting Japan's bid opens the mine, signs Japan's contract and fails China's bid; the tender is closed."""
    w = opened()
    w, japan = bid(w, "japan", 0.8)
    w, china = bid(w, "china", 0.2)
    made = w.economies["kazakhstan"].production["rare_earths"]
    w, log = checked_apply(at_turn(w, "kazakhstan", "answers"), A.Accept("kazakhstan", japan.id))
    assert w.economies["kazakhstan"].production["rare_earths"] == pytest.approx(made + japan.asks[0].amount)
    con = next(c for c in w.contracts.values())
    assert (con.seller, con.buyer, con.volume, con.years_left) == ("kazakhstan", "japan", japan.asks[0].amount,
                                                             int(w.param("tender.years")))
    assert w.offers[china.id].status == "failed" and log[-1].key == "log.tender_won"
    assert next(iter(w.tenders.values())).winner == "japan"
    assert validate(at_turn(w, "kazakhstan", "actions"), A.Tender("kazakhstan", "rare_earths"))  # one a term


def test_tender_4_the_host_ai_takes_the_bid_it_values_most():
    """The host's AI rejects the smaller bonus and accepts the larger, by the valuation rule; a bid cannot be countered."""
    from ai.factory import make_agent
    w = opened()
    w, low = bid(w, "china", 0.2)
    w, high = bid(w, "japan", 0.8)
    wa = at_turn(w, "kazakhstan", "answers")
    assert valuation.appraise(wa, "kazakhstan", high).total > valuation.appraise(wa, "kazakhstan", low).total
    assert not [a for a in legal_actions(wa, "kazakhstan") if isinstance(a, A.Counter)]
    agent = make_agent(wa, "kazakhstan", "normal")
    d = agent.choose(wa, legal_actions(wa, "kazakhstan"), random.Random(1))
    assert d.action == A.Reject("kazakhstan", low.id)
    wa, _ = apply(wa, d.action)
    d = agent.choose(wa, legal_actions(wa, "kazakhstan"), random.Random(1))
    assert d.action == A.Accept("kazakhstan", high.id), d.reason


def test_tender_5_a_concession_is_worth_its_whole_new_output():
    """The host values a concession at `A(n) x volume x (netback - lock_in x price)`, more at a higher price."""
    w = opened()
    t = next(iter(w.tenders.values()))
    at1, at12 = (tender.worth(w, "kazakhstan", "japan", tender.concession(w, t, p)) for p in (1.0, 1.2))
    assert 0 < at1 < at12
    assert tender.worth(w, "kazakhstan", "russia", tender.concession(w, t, 1.0)) == 0.0  # no rare-earth route to Russia


def test_tender_6_the_ai_opens_tenders_and_bids():
    """A seeded short game: the C5 AIs open tenders and great powers bid in them."""
    from ai.factory import agents_for
    from game.scenario.loader import load
    from game.sim import play
    sc = load("2015")
    world = evolve(sc.world, end_year=sc.world.start_year + 2)
    res = play(world, agents_for(world, "normal", sc.personalities), 3)
    verbs = [a.split()[0] for a in res.actions]
    assert "tender" in verbs
    assert any(a.startswith("propose") and "concession/" in a for a in res.actions)


def test_tender_7_a_tender_nobody_won_waits_before_a_retry():
    """No bid accepted: the tender lapses after its bidding year; the host may try again only
    `tender.retry_years` after it opened."""
    w = opened()
    t = next(iter(w.tenders.values()))
    assert tender.bidding(w, t)
    retry = int(w.param("tender.retry_years"))
    for later in range(1, retry + 1):
        wl = at_turn(evolve(w, year=t.year + later), "kazakhstan", "actions")
        assert tender.bidding(wl, t) == (later == 1)  # bids only in the year after it opened
        assert "under way" in str(validate(wl, A.Tender("kazakhstan", "rare_earths"))[0])
    wl = at_turn(evolve(w, year=t.year + retry + 1), "kazakhstan", "actions")
    assert validate(wl, A.Tender("kazakhstan", "rare_earths")) == []


def test_tender_8_hard_expects_the_rivals_bids():
    """Hard (`rivals`) counts its bid won only as often as the host would value it above the rival great powers'
    bids: a rival bid in view that the host values more leaves it no chance, a larger bonus than the rival's
    wins, and with no rival bid in view the chance is the share of the rivals' expected standard bids it beats
    (`projection.outbid_chance`); without `rivals` the receiver's own answer is all it weighs."""
    from ai import projection as P
    from ai.personality import level
    assert 0 < level("hard").rivals < 1 and not level("normal").rivals and not level("easy").rivals
    w = opened()
    w, high = bid(w, "japan", 0.8)
    w, low = bid(w, "china", 0.2)
    assert P.outbid_chance(w, low) == 0.0 and P.outbid_chance(w, high) == 1.0
    assert P.acceptance(w, low.id, True) == 1.0 and P.acceptance(w, low.id, True, rivals=0.5) == 0.0
    from game.scenario.loader import load
    w = load("2015", short=True).world
    w = evolve(w, ap_left={p: 3 for p in w.order})
    w, _ = checked_apply(at_turn(w, "kazakhstan", "actions"), A.Tender("kazakhstan", "oil"))
    w = evolve(w, year=w.year + 1, ap_left={p: 3 for p in w.order})
    t = next(iter(w.tenders.values()))
    (_, premium), (bonus, plain) = tender.standard_bids(w, t, "russia")[:2]
    w1, _ = checked_apply(at_turn(w, "russia", "diplomacy"), A.Propose("russia", "kazakhstan", (), premium))
    w2, _ = checked_apply(at_turn(w, "russia", "diplomacy"), A.Propose("russia", "kazakhstan", bonus, plain))
    dear, cheap = (next(o for o in x.offers.values() if o.sender == "russia") for x in (w1, w2))
    assert 0.0 < P.outbid_chance(w1, dear) < 1.0  # it beats some of Japan's and China's expected bids
    assert P.outbid_chance(w2, cheap) < P.outbid_chance(w1, dear)
    assert P.outbid_chance(w1, dear) < P.outbid_chance(w1, dear, bids=0.5) < 1.0  # rivals that may not bid at all
