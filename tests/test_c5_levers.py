"""Rules `caucus`, `debt` and `migration`: the consultative meeting, debt restructuring, labour migration."""
from __future__ import annotations

import pytest

from ai.factory import agents_for
from ai import projection as P
from game import engine
from game.model import Forum, Item
from game.model.ops import evolve, put, with_economy
from game.rules import actions as A
from game.rules import agenda, caucus, debt, economy, migration, valuation
from game.rules.influence import share
from game.rules.legal import legal_actions
from game.rules.play import apply, checked_apply, validate
from game.scenario.loader import load
from tests.worlds import STATES, at_turn, tiny


def said(reasons) -> str:
    """Refusal messages rendered as one text."""
    return " ".join(str(m) for m in reasons)


def caucus_world(**kw):
    """Tiny with a founded C5-only meeting of its three states."""
    f = Forum("c5", "C5 meeting", "", STATES, 2, 2024, caucus=True, **kw)
    return evolve(tiny(), forums={**tiny().forums, "c5": f})


def convened(w, *members):
    """The world after each of `members` convenes the meeting in the actions phase."""
    for c in members:
        w, _ = checked_apply(at_turn(w, c, "actions"), A.Convene(c, "c5"))
    return w


# --- rule caucus -------------------------------------------------------------------------------

def test_caucus_1_a_quorum_meets_and_sheds_the_dominant_power():
    """Two members convene (paying caucus.cost): the meeting cuts each one's dominant great power by
    `rebalance x n / N` of its influence and adds stability; the members are bound by the stance."""
    w = caucus_world()
    before = w
    w = convened(w, "kyrgyzstan", "tajikistan")
    assert w.powers["kyrgyzstan"].treasury == pytest.approx(before.powers["kyrgyzstan"].treasury - w.param("caucus.cost"))
    met, log = engine.hold_caucuses(w)
    cut = w.param("caucus.rebalance") * 2 / 3
    assert met.influence["kyrgyzstan"]["china"] == pytest.approx(before.influence["kyrgyzstan"]["china"] * (1 - cut))
    assert met.influence["tajikistan"]["china"] == pytest.approx(before.influence["tajikistan"]["china"] * (1 - cut))
    assert met.influence["kazakhstan"] == before.influence["kazakhstan"]  # it did not come
    assert met.economies["kyrgyzstan"].stability == before.economies["kyrgyzstan"].stability + w.param("caucus.stability")
    assert agenda.own_autonomy(met, "kyrgyzstan") > agenda.own_autonomy(before, "kyrgyzstan")
    assert met.forums["c5"].united == ("kyrgyzstan", "tajikistan") and met.forums["c5"].convened == ()
    assert len(log) == 1 and log[0].rule == "caucus"


def test_caucus_2_one_member_alone_is_no_meeting():
    """Below the quorum nothing happens, and the convened list is cleared for next year."""
    w = convened(caucus_world(), "kyrgyzstan")
    met, log = engine.hold_caucuses(w)
    assert met.influence == w.influence and log == [] and met.forums["c5"].convened == ()


def test_caucus_3_the_common_floor_price_binds_members():
    """A member bound by the last meeting may not sell a great power below `caucus.floor`; a non-member may."""
    w = evolve(caucus_world(), forums=put(caucus_world().forums, "c5",
                                          evolve(caucus_world().forums["c5"], united=("kazakhstan",), last_met=2025)))
    w = at_turn(w, "kazakhstan", "diplomacy")
    cheap = A.Propose("kazakhstan", "china", (Item("contract", resource="oil", amount=5.0, price_factor=1.0, years=5),), ())
    dear = A.Propose("kazakhstan", "china", (Item("contract", resource="oil", amount=5.0, price_factor=1.2, years=5),), ())
    assert "floor price" in said(validate(w, cheap))
    assert validate(w, dear) == []
    later = evolve(w, year=2027)  # the stance of 2025 has lapsed
    assert validate(later, cheap) == []


def test_caucus_4_only_founded_forums_and_members():
    """Convening needs a founded caucus and membership; a great power may not join it; 2015 founds it in 2018, 1992 has none."""
    w = caucus_world()
    assert A.Convene("kyrgyzstan", "c5") in legal_actions(at_turn(w, "kyrgyzstan", "actions"), "kyrgyzstan")
    dormant = evolve(w, forums=put(w.forums, "c5", evolve(w.forums["c5"], level=0)))
    assert "not been founded" in said(validate(at_turn(dormant, "kyrgyzstan", "actions"), A.Convene("kyrgyzstan", "c5")))
    assert "Only Central Asian" in said(validate(at_turn(w, "china", "actions"), A.Join("china", "c5")))
    assert "not a caucus" not in said(validate(at_turn(w, "kyrgyzstan", "actions"), A.Convene("kyrgyzstan", "sco")))
    assert validate(at_turn(w, "kyrgyzstan", "actions"), A.Convene("kyrgyzstan", "sco"))
    assert not caucus.caucuses(load("1992").world)
    fifteen = load("2015").world
    assert [f.level for f in caucus.caucuses(fifteen)] == [0]
    assert any(e.id == "c5_meeting_founded" and e.year == 2018 for e in fifteen.events)
    assert [f.level for f in caucus.caucuses(load("2025").world)] == [2]


def test_caucus_5_the_ai_sees_the_meeting_pay():
    """A Central Asian seat's projection of convening counts the meeting's stance: its autonomy rises."""
    w = at_turn(caucus_world(), "kyrgyzstan", "actions")
    base = P.settle_goods(w)
    out = P.project(w, "kyrgyzstan", A.Convene("kyrgyzstan", "c5"), base)
    assert agenda.own_autonomy(out.world, "kyrgyzstan") > agenda.own_autonomy(base, "kyrgyzstan")


# --- rule debt -------------------------------------------------------------------------------------

def debt_world():
    """Tiny with Tajikistan owing China US$ 1.2bn."""
    return with_economy(tiny(), "tajikistan", debt={"china": 1.2})


def test_debt_1_a_write_down_granted():
    """China writes off 0.3: the debt falls, China wins goodwill influence and trust, the debt ratio improves."""
    w = at_turn(debt_world(), "tajikistan", "diplomacy")
    ask = A.Propose("tajikistan", "china", (), (Item("writedown", amount=0.3),))
    assert ask in legal_actions(w, "tajikistan")
    w, _ = checked_apply(w, ask)
    oid = next(iter(w.offers))
    before = w
    w, _ = checked_apply(at_turn(w, "china", "answers"), A.Accept("china", oid))
    assert w.economies["tajikistan"].debt["china"] == pytest.approx(0.9)
    assert w.trust["tajikistan"]["china"] == pytest.approx(before.trust["tajikistan"]["china"] + w.param("debt.trust_gain"))
    assert share(w, "tajikistan", "china") > share(before, "tajikistan", "china")
    assert agenda.debt_safe(w, "tajikistan") > agenda.debt_safe(before, "tajikistan")
    assert valuation.appraise(before, "china", before.offers[oid]).terms["paid"] == pytest.approx(0.3)


def test_debt_2_a_grace_stops_the_service():
    """A 2-year grace: no interest or principal is paid to China in those years, and service resumes after."""
    w = with_economy(debt_world(), "tajikistan", grace={"china": 2026})
    served = economy.service_debt(w, "tajikistan")
    assert served.economies["tajikistan"].debt == w.economies["tajikistan"].debt
    assert served.powers["tajikistan"].treasury == w.powers["tajikistan"].treasury
    after = economy.service_debt(evolve(w, year=2027), "tajikistan")
    assert after.powers["tajikistan"].treasury < w.powers["tajikistan"].treasury
    granted = debt.grant(debt_world(), "china", "tajikistan", Item("grace", years=2))
    assert granted.economies["tajikistan"].grace == {"china": 2026}


def test_debt_3_limits():
    """Relief only from a creditor, at most what is owed, grace within debt.max_grace."""
    w = at_turn(debt_world(), "tajikistan", "diplomacy")
    too_much = A.Propose("tajikistan", "china", (), (Item("writedown", amount=2.0),))
    assert "at most" in said(validate(w, too_much))
    assert "owes" in said(validate(w, A.Propose("tajikistan", "japan", (), (Item("writedown", amount=0.1),))))
    assert "grace" in said(validate(w, A.Propose("tajikistan", "china", (), (Item("grace", years=99),)))).lower()
    assert A.parse(str(too_much)) == too_much


# --- rule migration ----------------------------------------------------------------------------

def migrant_world():
    """Tiny with Tajik migrants in Russia sending US$ 2.4bn a year (30% of GDP, as in the 2010s)."""
    return with_economy(tiny(), "tajikistan", remittances={"russia": 2.4})


def test_migration_1_a_host_tightens_entry():
    """Russia tightens entry a step: remittances fall in proportion, GDP by `spend` times that, trust falls."""
    w = at_turn(migrant_world(), "russia", "actions")
    step = w.param("migration.step")
    tighten = A.Entry("russia", "tajikistan", round(1 - step, 6))
    assert tighten in legal_actions(w, "russia")
    after, log = checked_apply(w, tighten)
    lost = 2.4 * step
    assert after.economies["tajikistan"].remittances["russia"] == pytest.approx(2.4 - lost)
    assert after.economies["tajikistan"].gdp == pytest.approx(8.0 - w.param("migration.spend") * lost)
    assert after.trust["tajikistan"]["russia"] == pytest.approx(0.6 - w.param("migration.trust"))
    assert log[0].rule == "migration" and log[0].msg.key == "log.entry_tightens"
    assert "no migrant workers" in said(validate(at_turn(w, "russia", "actions"), A.Entry("russia", "kyrgyzstan", 0.8)))


def test_migration_2_a_quota_negotiated():
    """Tajikistan asks for a quota a step up: it values the remittances; Russia grants it and they rise."""
    w = at_turn(migrant_world(), "tajikistan", "diplomacy")
    up = round(1 + w.param("migration.step"), 6)
    ask = A.Propose("tajikistan", "russia", (Item("statement"),), (Item("quota", amount=up),))
    assert ask in legal_actions(w, "tajikistan")
    w, _ = checked_apply(w, ask)
    oid = next(iter(w.offers))
    assert valuation.appraise(w, "tajikistan", w.offers[oid]).terms["money"] > 0
    w, _ = checked_apply(at_turn(w, "russia", "answers"), A.Accept("russia", oid))
    assert migration.level(w, "tajikistan", "russia") == up
    assert w.economies["tajikistan"].remittances["russia"] == pytest.approx(2.4 * up)
    high = w.param("migration.max_entry")
    assert "between" in said(validate(at_turn(w, "russia", "actions"), A.Entry("russia", "tajikistan", high + 1)))


def test_levers_in_a_short_game():
    """In a short 2025 game the normal AI convenes the meeting and negotiates migrant quotas."""
    from game.sim import play_session
    sc = load("2025", short=True)
    w = evolve(sc.world, end_year=sc.world.start_year + 1)
    s = play_session(w, agents_for(w, "normal", sc.personalities), 1)
    verbs = [str(a).split()[0] for a in s.actions]
    assert "convene" in verbs
    assert any("quota/" in str(a) for a in s.actions)
    assert any(e.msg.key == "log.caucus_meets" for e in s.log)
