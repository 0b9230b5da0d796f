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
