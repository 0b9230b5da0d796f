"""Multi-party deals: one pact binds several powers, takes effect only if all accept, and each sees its part."""
from __future__ import annotations

from game.model import Item
from game.model.ops import evolve, put
from game.rules import actions as A
from game.rules.legal import legal_actions
from game.rules.play import apply, validate
from game import engine
from tests.worlds import at_turn, tiny


def consortium_world():
    """Tiny with a planned line from Kazakhstan through Kyrgyzstan and Tajikistan to China, no consents yet."""
    w = tiny()
    line = evolve(w.corridors["planned_line"], path=("kazakhstan", "kyrgyzstan", "tajikistan", "china"), consents=(),
                  build_cost=3.0)
    return evolve(w, corridors=put(w.corridors, "planned_line", line))


def pact(grant=0.4):
    """China asks the three transit states' consent, a grant to each."""
    return A.Pact("china", tuple(
        A.Part(c, (Item("aid", aid_kind="grant", amount=grant),), (Item("transit", corridor="planned_line", amount=0.005),))
        for c in ("kazakhstan", "kyrgyzstan", "tajikistan")))


def sent():
    w, _ = apply(at_turn(consortium_world(), "china", "diplomacy"), pact())
    return w


def test_pact_1_each_party_gets_its_own_part():
    """A pact makes one offer per party, each naming the others; it counts as one offer made."""
    w = sent()
    parts = list(w.offers.values())
    assert [o.receiver for o in parts] == ["kazakhstan", "kyrgyzstan", "tajikistan"]
    assert len({o.pact for o in parts}) == 1
    assert parts[1].partners == ("kazakhstan", "tajikistan")
    from game.rules.play import offers_made
    assert offers_made(w, "china") == 1
    assert A.parse(str(pact())) == pact()


def test_pact_2_nothing_happens_until_all_accept_then_all_at_once():
    """Two parties agree: no consent yet; the third agrees: every consent and grant takes effect; China can build."""
    w = sent()
    ids = list(w.offers)
    for c, oid in zip(("kazakhstan", "kyrgyzstan"), ids):
        w, _ = apply(at_turn(w, c, "answers"), A.Accept(c, oid))
    assert w.corridors["planned_line"].consents == ()
    assert not w.pledges
    w, _ = apply(at_turn(w, "tajikistan", "answers"), A.Accept("tajikistan", ids[2]))
    assert set(w.corridors["planned_line"].consents) == {"kazakhstan", "kyrgyzstan", "tajikistan"}
    assert len(w.pledges) == 3 and all(o.status == "accepted" for o in w.offers.values())
    assert validate(at_turn(w, "china", "actions"), A.Build("china", "planned_line")) == []


def test_pact_3_one_refusal_fails_the_whole_deal():
    """A party declines: the parts already agreed fail and nothing takes effect."""
    w = sent()
    ids = list(w.offers)
    w, _ = apply(at_turn(w, "kazakhstan", "answers"), A.Accept("kazakhstan", ids[0]))
    w, _ = apply(at_turn(w, "kyrgyzstan", "answers"), A.Reject("kyrgyzstan", ids[1]))
    assert [o.status for o in w.offers.values()] == ["failed", "rejected", "failed"]
    assert w.corridors["planned_line"].consents == ()


def test_pact_4_a_lapse_fails_it_too_and_parts_cannot_be_countered():
    """A part left unanswered at the end of a turn lapses and fails the pact; no counter to a part."""
    w = sent()
    ids = list(w.offers)
    wa = at_turn(w, "kazakhstan", "answers")
    assert not [a for a in legal_actions(wa, "kazakhstan") if isinstance(a, A.Counter)]
    w, _ = engine.close_answers(w, "tajikistan")
    assert w.offers[ids[2]].status == "lapsed" and w.offers[ids[0]].status == "failed"


def test_pact_5_needs_two_parties_and_the_money_for_all_parts():
    """A pact with one party is refused, and so is one whose grants together exceed the proposer's funds."""
    w = at_turn(consortium_world(), "china", "diplomacy")
    one = A.Pact("china", pact().parts[:1])
    assert "at least two" in str(validate(w, one)[0])
    assert any("free" in str(r) for r in validate(w, pact(grant=2.0)))


def test_pact_6_the_ai_proposes_and_answers_a_consortium():
    """The menu offers China a consortium pact; the transit states' AI accepts a paid part."""
    import random

    from ai.factory import make_agent
    w = at_turn(consortium_world(), "china", "diplomacy")
    pacts = [a for a in legal_actions(w, "china") if isinstance(a, A.Pact)]
    assert pacts and {p.party for p in pacts[0].parts} == {"kazakhstan", "kyrgyzstan", "tajikistan"}
    w, _ = apply(w, pacts[0])
    oid = next(o.id for o in w.offers.values() if o.receiver == "kyrgyzstan")
    wk = at_turn(w, "kyrgyzstan", "answers")
    agent = make_agent(wk, "kyrgyzstan", "normal")
    d = agent.choose(wk, legal_actions(wk, "kyrgyzstan"), random.Random(1))
    assert d.action == A.Accept("kyrgyzstan", oid), d.reason


def test_pact_7_the_ai_sends_one_pact_a_year_to_the_same_parties():
    """With its consortium pending, China's AI considers no second pact (nor offer) to the same states."""
    import random

    from ai.factory import make_agent
    w = at_turn(consortium_world(), "china", "diplomacy")
    agent = make_agent(w, "china", "normal")
    legal = legal_actions(w, "china")
    assert any(isinstance(a, A.Pact) for a in agent.options(w, "china", legal, random.Random(1)))
    w, _ = apply(w, pact())
    legal = legal_actions(w, "china")
    assert any(isinstance(a, A.Pact) for a in legal)  # the rules still allow it ...
    considered = agent.options(w, "china", legal, random.Random(1))
    assert not [a for a in considered if isinstance(a, A.Pact)]  # ... but the AI does not repeat itself
    assert not [a for a in considered if isinstance(a, A.Propose) and a.target in ("kazakhstan", "kyrgyzstan")]
