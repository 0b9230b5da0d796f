"""The memo tables (game.model.memo) reuse results and never change them: a seeded AI game
ends in the same world, hash and winner with the tables on and off, under two hash seeds."""

import pytest
from attrs import evolve

from game.model import memo
from game.model.ops import with_corridor, with_economy
from game.rules import energy, geography
from game.scenario.loader import load

from tests.scenario_helpers import last_json_under_hash_seeds

GAME_SCRIPT = """
import json
import pytest
from attrs import evolve
from ai.factory import agents_for
from game import engine
from game.model import memo
from game.scenario.loader import load
from game.sim import play
sc = load("2015")
w = evolve(sc.world, end_year=sc.world.start_year + 1)
def game(level):
    r = play(w, agents_for(w, level, sc.personalities), 5)
    return [engine.world_hash(r.final), r.winner, len(r.actions)]
out = {"memo": game("normal")}
with memo.off():
    out["fresh"] = game("normal")
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def world2015():
    return load("2015").world


def test_ai_game_same_with_and_without_memo_across_hash_seeds():
    """Two years of a seeded normal-AI game: the memo tables change nothing, in either hash seed."""
    outs = last_json_under_hash_seeds(GAME_SCRIPT, ("3", "4242"))
    assert outs[0]["memo"] == outs[0]["fresh"], outs[0]
    assert outs[0] == outs[1]
    assert outs[0]["memo"][2] > 50  # a real game was played


def test_resolve_reuses_flows_and_sees_every_goods_input(world2015):
    """The same goods inputs give the very same Flows; a change in output, stability or a corridor gives new ones."""
    first = geography.resolve(world2015)
    assert geography.resolve(evolve(world2015, offers={}, year=world2015.year + 1)) is first
    c = next(iter(world2015.economies))
    r = next(iter(world2015.economies[c].production))
    changed = [with_economy(world2015, c, production={**world2015.economies[c].production, r: 0.0}),
               with_economy(world2015, c, stability=0.0),
               with_corridor(world2015, next(k for k, v in world2015.corridors.items() if v.status == "operating"),
                             status="disrupted"),
               evolve(world2015, prices={**world2015.prices, r: world2015.prices[r] * 2})]
    for w in changed:
        got = geography.resolve(w)
        assert got is not first
        with memo.off():
            assert got == geography.allot(w)
        assert got != first


def test_security_table_matches_fresh_rule(world2015):
    """The memoised security table equals the rule worked out good by good, and follows the deliveries."""
    p = world2015.great_powers()[0]
    fresh = {r: energy.security(world2015, p, r) for r in world2015.powers[p].demand}
    assert energy.table(world2015, p) == fresh and energy.table(world2015, p) is energy.table(world2015, p)
    starved = evolve(world2015, received={**world2015.received, p: {}})
    assert energy.table(starved, p) == {r: energy.security(starved, p, r) for r in world2015.powers[p].demand}


def test_memo_is_bounded_and_can_be_switched_off():
    table = memo.Memo(2)
    calls = []
    for key in (1, 2, 1, 3, 2):
        table.get(key, (), lambda k=key: calls.append(k) or k * 10)
    assert calls == [1, 2, 3, 2]  # 2 was least recently used when 3 came in
    assert len(table.table) == 2
    with memo.off():
        assert table.get(3, (), lambda: 99) == 99
    assert table.get(3, (), lambda: 99) == 30
