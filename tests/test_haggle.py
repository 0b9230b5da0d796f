"""Rule 25, haggling: counters back and forth up to `haggle.rounds`, each standard counter meeting the other side part-way."""
from __future__ import annotations

import random

import pytest

from game import engine
from game.errors import IllegalAction
from game.model import Item
from game.model.ops import evolve
from game.rules import actions as A
from game.rules import haggle
from game.rules.legal import contract_item, legal_actions, view_for
from game.scenario.loader import load

GRANT = 0.2


@pytest.fixture(scope="module")
def world2015():
    return load("2015").world


def _aid(offer) -> tuple[float, float]:
    """(aid the sender gives, aid it asks) in an offer."""
    return (sum(i.amount for i in offer.gives if i.kind == "aid"), sum(i.amount for i in offer.asks if i.kind == "aid"))


def _standard(w, seat):
    """The seat's standard counter on the menu (there is one pending offer to it)."""
    return next(a for a in legal_actions(w, seat) if isinstance(a, A.Counter))


def _to_answers(world):
    """China offers Kazakhstan a grant; Kazakhstan answers with its standard counter; everyone else ends the turn."""
    w, _ = engine.start(evolve(world, seed=3))
    w, _ = engine.step(w, A.EndTurn("japan"))
    w, _ = engine.step(w, A.Propose("china", "kazakhstan", (Item("aid", aid_kind="grant", amount=GRANT),), ()))
    for p in w.order[1:]:
        if p == "kazakhstan":
            w, _ = engine.step(w, _standard(w, p))
        w, _ = engine.step(w, A.EndTurn(p))
    assert w.phase == "answers"
    return w


def _newest(w):
    return max(w.offers.values(), key=lambda o: int(o.id.lstrip("o")))


def test_standard_counters_close_the_gap_round_by_round(world2015):
    """Kazakhstan asks one aid step more; each later standard counter moves half-way (haggle.meet) from the
    counterer's own last terms toward the terms it answers, until the chain holds haggle.rounds counters."""
    w = _to_answers(world2015)
    first = _newest(w)
    assert _aid(first) == (0.0, pytest.approx(GRANT + w.param("play.aid_step")))
    asked, offered, seat = _aid(first)[1], GRANT, "china"
    for n in range(2, int(w.param("haggle.rounds")) + 1):
        assert w.current() == seat
        w, _ = engine.step(w, _standard(w, seat))
        w, _ = engine.step(w, A.EndTurn(seat))
        mine, theirs = (offered, asked) if seat == "china" else (asked, offered)
        moved = mine + w.param("haggle.meet") * (theirs - mine)
        newest = _newest(w)
        assert haggle.counters_in(w, newest) == n
        assert _aid(newest)[0 if seat == "china" else 1] == pytest.approx(moved, abs=1e-3)
        assert min(mine, theirs) < moved < max(mine, theirs)  # strictly between: the gap shrinks
        if seat == "china":
            offered = moved
        else:
            asked = moved
        seat = "kazakhstan" if seat == "china" else "china"
    last = _newest(w)
    assert not any(isinstance(a, A.Counter) for a in legal_actions(w, seat))
    with pytest.raises(IllegalAction, match="countered 3 times"):
        engine.step(w, A.Counter(seat, last.id, last.asks, last.gives))
    w, _ = engine.step(w, A.Accept(seat, last.id))
    assert w.offers[last.id].status == "accepted"


def test_more_rounds_allow_longer_chains(world2015):
    """The limit is the rules table's: with haggle.rounds = 1 the first counter can only be accepted or declined."""
    short = evolve(world2015, rules={**world2015.rules, "haggle.rounds": 1})
    w = _to_answers(short)
    assert w.current() == "china"
    assert not any(isinstance(a, A.Counter) for a in legal_actions(w, "china"))
    longer = _to_answers(evolve(world2015, rules={**world2015.rules, "haggle.rounds": 2}))
    assert any(isinstance(a, A.Counter) for a in legal_actions(longer, "china"))


def test_meet_keeps_other_terms_and_refuses_different_ones(world2015):
    """Only aid amounts and contract prices move; different items make no midpoint (the first-counter step is used)."""
    a = (Item("aid", aid_kind="loan", amount=1.0), Item("contract", resource="oil", amount=2.0, price_factor=1.0, years=5))
    b = (Item("aid", aid_kind="loan", amount=2.0), Item("contract", resource="oil", amount=2.0, price_factor=1.4, years=5))
    met = haggle.meet(a, b, 0.25)
    assert met[0].amount == pytest.approx(1.25) and met[1].price_factor == pytest.approx(1.1)
    assert met[1].years == 5 and met[1].amount == 2.0
    assert haggle.meet(a, (Item("aid", aid_kind="grant", amount=2.0), b[1]), 0.5) is None
    assert haggle.meet(a, b[:1], 0.5) is None


def _kazakh_oil_offer(world, price):
    """Kazakhstan offers China a standard oil contract at `price`; the answers phase begins with China."""
    w, _ = engine.start(evolve(world, seed=3))
    for p in w.order:
        if p == "kazakhstan":
            w, _ = engine.step(w, A.Propose(p, "china", (contract_item(w, p, "china", "oil", price=price),), ()))
        w, _ = engine.step(w, A.EndTurn(p))
    assert w.current() == "china"
    return w


def _china_answers(w, agents):
    return agents["china"].choose(view_for(w, "china"), legal_actions(w, "china"), random.Random(1))


def test_ai_haggles_a_price_and_walks_away_from_an_absurd_one(world2015):
    """The normal AI buyer counters a price just above what it would pay with a lower one, takes Kazakhstan's
    standard counter back (half-way), and declines a price far above its walk-away point. Its walk-away is at about
    0.95 of the world price with session 12's points (offered 1.0 it counters 0.9 and declines the half-way 0.95 by
    0.0007), so Kazakhstan asks 0.97: China counters 0.87 and takes 0.92."""
    from ai.factory import agents_for
    agents = agents_for(world2015, "normal", load("2015").personalities)
    w = _kazakh_oil_offer(world2015, 0.97)
    first = _china_answers(w, agents)
    assert isinstance(first.action, A.Counter)
    asked = next(i for i in first.action.asks if i.kind == "contract").price_factor
    assert asked < 1.0
    w, _ = engine.step(w, first.action)
    w, _ = engine.step(w, A.EndTurn("china"))
    assert w.current() == "kazakhstan"
    back = _standard(w, "kazakhstan")
    met = next(i for i in back.gives if i.kind == "contract").price_factor
    assert asked < met < 1.0
    w, _ = engine.step(w, back)
    w, _ = engine.step(w, A.EndTurn("kazakhstan"))
    assert isinstance(_china_answers(w, agents).action, A.Accept)
    absurd = _china_answers(_kazakh_oil_offer(world2015, 2.0), agents)
    assert isinstance(absurd.action, A.Reject)
