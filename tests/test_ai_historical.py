"""The historical style: the script's holds keep a move the real powers had not made out of its choices."""
from __future__ import annotations

import random

from ai.factory import holds, make_agent
from game.model.ops import evolve
from game.rules.actions import Build, EndTurn
from game.scenario.loader import load


def offered(agent, world, legal) -> list:
    """The choices the agent's move weighs (its `move` replaced by one that returns them)."""
    seen = []
    agent.move = lambda view, me, options, rng: seen.extend(options) or options[-1]
    agent.choose(world, legal, random.Random(0))
    return seen


def test_a_held_move_is_left_out_until_its_year_and_only_by_the_historical_style():
    w = load("1992").world
    build = Build("kazakhstan", "kz_china_oil")
    assert (2004, build) in holds("1992")
    legal = [build, EndTurn("kazakhstan")]
    at = {year: evolve(w, year=year, phase="actions", turn=w.order.index("kazakhstan")) for year in (2002, 2004)}
    assert at[2002].current() == "kazakhstan"
    historical = make_agent(w, "kazakhstan", "historical")
    assert offered(historical, at[2002], legal) == [EndTurn("kazakhstan")]
    assert offered(historical, at[2004], legal) == legal
    assert offered(make_agent(w, "kazakhstan", "normal"), at[2002], legal) == legal


def test_the_1992_pipeline_to_china_waits_for_its_real_year():
    """Without the holds the historical Kazakhstan builds the China pipeline in 2002 of this game (seed 1) as its
    oil grows; with them it is still planned at the end of 2003, when the real work had not begun."""
    from ai.factory import agents_for
    from game.sim import play
    sc = load("1992")
    w = evolve(sc.world, end_year=2003)
    rows = play(w, agents_for(w, "historical", sc.personalities), 1).history
    assert rows[-1]["year"] == 2003 and rows[-1]["corridors"]["kz_china_oil"]["status"] == "planned"


def test_the_2015_kazakh_oil_goes_to_no_japanese_concession():
    """Without its hold the historical Kazakhstan tenders new oil (15 Mt a year) and, on seed 3, Japan wins it in
    2020: Japan-Kazakhstan trade 8.7 in 2022 against a real 1.9; with it no oil concession is tendered and Japan's
    trade with Kazakhstan in 2022 stays near the record."""
    from ai.factory import agents_for
    from game.rules.actions import Tender
    from game.sim import play
    sc = load("2015")
    assert (2026, Tender("kazakhstan", "oil")) in holds("2015")
    w = sc.world  # the whole game: the AI's horizon is the game's end
    agents, unheld = (agents_for(w, "historical", sc.personalities) for _ in range(2))
    unheld["kazakhstan"].holds = ()

    def oil_winners(result) -> list[str]:
        won = [e.msg.args for e in result.log if e.msg.key == "log.tender_won"]
        return [a["winner"].id for a in won if a["host"].id == "kazakhstan" and a["resource"].id == "oil"]

    def japan_kazakhstan_2022(result) -> float:
        return next(r for r in result.history if r["year"] == 2022)["trade"]["japan"]["kazakhstan"]

    held, free = play(w, agents, 3), play(w, unheld, 3)
    assert oil_winners(free) == ["japan"] and japan_kazakhstan_2022(free) > 6.0
    assert oil_winners(held) == [] and "tender kazakhstan oil" not in held.actions
    assert japan_kazakhstan_2022(held) < 3.8


def test_the_historical_great_power_buys_at_no_premium_the_others_weigh():
    """`accept_price` 1.1: the historical Japan declines Turkmen oil at 1.2x the world price, whatever its route is
    worth to it, and says why; at 1.0x, and at the normal level at 1.2x, the price is no bar."""
    from ai.agent import DEAR_POINTS, bought_above
    from ai.factory import make_agent
    from game.rules.actions import parse
    from game.rules.play import apply
    w = load("2015").world

    def judged(level: str, price: float):
        deal = f"propose turkmenistan japan give contract/oil/0.6/{price}/5/middle_corridor ask aid/grant/0.2"
        after, _ = apply(evolve(w, phase="diplomacy", turn=w.order.index("turkmenistan")), parse(deal))
        offer = next(o for oid, o in after.offers.items() if oid not in w.offers)
        return offer, make_agent(w, "japan", level).great_judgement(after, "japan", offer)

    dear, plain = judged("historical", 1.2), judged("historical", 1.0)
    assert bought_above(dear[0], "japan", 1.0) == 1.2 and bought_above(plain[0], "japan", 1.0) == 0.0
    assert bought_above(dear[0], "turkmenistan", 1.0) == 0.0  # the seller buys nothing
    assert dear[1].total < -DEAR_POINTS / 2 < plain[1].total
    assert dear[1].reason.args["body"].key == "ai.great.dear"
    normal = judged("normal", 1.2)[1]
    assert normal.total > -DEAR_POINTS / 2 and normal.reason.args["body"].key != "ai.great.dear"
