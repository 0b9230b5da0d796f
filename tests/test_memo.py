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


def test_resolution_continues_from_the_ledger_of_one_contract_fewer(world2015):
    """A world with the contracts of a world resolved before and one more ships only that one and the spot market
    (`geography.allot_after`): the same Flows as the rule worked out afresh, and the earlier world's own Flows
    untouched by it; two more contracts are resolved afresh, to the same Flows too."""
    memo.clear()
    first = geography.resolve(world2015)
    con = next(iter(world2015.contracts.values()))
    signed = evolve(world2015, contracts={**world2015.contracts, "x1": evolve(con, id="x1", volume=con.volume / 2)})
    hits = geography._SHIPPED.hits
    got = geography.resolve(signed)
    assert geography._SHIPPED.hits == hits + 1  # continued from the first world's ledger
    with memo.off():
        assert got == geography.allot(signed)
        assert first == geography.allot(world2015)
    assert got.shipped["x1"] > 0 and got != first
    again = evolve(signed, contracts={**signed.contracts, "x2": evolve(con, id="x2", buyer="russia", corridor="")})
    two_more = evolve(world2015, contracts={**world2015.contracts, "x3": evolve(con, id="x3"),
                                            "x4": evolve(con, id="x4", volume=1.0)})
    for w in (again, two_more):
        hits = geography._SHIPPED.hits
        got = geography.resolve(w)
        assert geography._SHIPPED.hits == hits + (w is again)
        with memo.off():
            assert got == geography.allot(w)


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


RANDOM_SCRIPT = """
import json
from ai.baseline import RandomAgent
from game import engine
from game.model import memo
from game.rules.legal import legal_actions
from game.scenario.loader import load
from game.session import Seat, Session
sc = load("2015")
w = sc.world
def game(seed):
    s = Session.start(w, {p: Seat(p, human=False) for p in w.order}, seed, make_agent=lambda *_: RandomAgent())
    same = steps = 0
    while s.world.status == "playing" and steps < 400:
        kept = s.legal()
        with memo.off():
            fresh = legal_actions(s.world, s.current())
        same += kept == fresh
        steps += 1
        s.ai_step()
    return [engine.world_hash(s.world), steps, same]
out = {"memo": [game(seed) for seed in (1, 2)]}
with memo.off():
    out["fresh"] = [game(seed) for seed in (1, 2)]
print(json.dumps(out))
"""


def test_random_games_same_menus_and_hashes_with_and_without_memo_across_hash_seeds():
    """Random-agent games: at every step the legal actions from the kept menu parts equal those worked out
    afresh, and the games end in the same hashes with the tables on and off, in either hash seed."""
    outs = last_json_under_hash_seeds(RANDOM_SCRIPT, ("5", "31337"))
    assert outs[0] == outs[1]
    memo_games, fresh_games = outs[0]["memo"], outs[0]["fresh"]
    assert [g[0] for g in memo_games] == [g[0] for g in fresh_games]
    for h, steps, same in memo_games + fresh_games:
        assert steps >= 300 and same == steps  # a real stretch of play, every menu the same


def test_kept_reuses_a_result_while_the_fields_it_read_are_the_same(world2015):
    """`memo.Kept` gives back its result for a World whose fields read are the very same, and works it out
    again when one of them changes; fields it did not read do not matter; reads of a copy count."""
    kept, calls = memo.Kept(), []

    def treasuries(w):
        calls.append(1)
        return {p: w.powers[p].treasury for p in w.order}

    first = kept.get("t", world2015, treasuries)
    assert first == {p: world2015.powers[p].treasury for p in world2015.order}
    assert kept.get("t", evolve(world2015, offers={}, serial=99), treasuries) is first  # offers, serial: not read
    assert len(calls) == 1
    p = world2015.order[0]
    richer = evolve(world2015, powers={**world2015.powers, p: evolve(world2015.powers[p], treasury=1e6)})
    assert kept.get("t", richer, treasuries)[p] == 1e6 and len(calls) == 2
    with memo.off():
        assert kept.get("t", richer, treasuries)[p] == 1e6 and len(calls) == 3

    def via_copy(w):  # a copy made inside the rule reads through to the World the rule was given
        calls.append(1)
        return from_copy(w)

    def from_copy(w):
        from game.model.ops import evolve as copy
        return copy(w, serial=0).year

    assert kept.get("c", world2015, via_copy) == world2015.year
    n = len(calls)
    assert kept.get("c", evolve(world2015, serial=7), via_copy) == world2015.year and len(calls) == n
    assert kept.get("c", evolve(world2015, year=world2015.year + 1), via_copy) == world2015.year + 1
    assert len(calls) == n + 1
    def status(w):
        calls.append(1)
        return w.status, w.serial

    over = evolve(world2015, status="over", serial=1000001)  # fields with defaults read the World's own values
    assert kept.get("s", over, status) == ("over", 1000001)
    n = len(calls)
    again = evolve(over, serial=int("1000001"))  # an equal number, another object
    assert again.serial is not over.serial
    assert kept.get("s", again, status) == ("over", 1000001) and len(calls) == n
    assert kept.get("s", evolve(over, serial=1), status) == ("over", 1) and len(calls) == n + 1
    assert kept.get("s", evolve(over, serial=True), status) == ("over", True) and len(calls) == n + 2  # not 1


def test_proposal_terms_are_the_proposal_check_less_the_yearly_limit(world2015):
    """The menu checks a proposal without the yearly limit (asked once for the seat): under the limit both
    checks agree; at the limit only the full check refuses."""
    from game.model import Item, Offer
    from game.rules import actions as A
    from game.rules.play import check_pact, check_pact_terms, check_propose, check_proposal_terms
    w = world2015
    p, c = w.great_powers()[0], w.c5()[0]
    ok = A.Propose(p, c, (Item("aid", aid_kind="grant", amount=w.param("play.aid_step")),), ())
    broke = A.Propose(p, c, (Item("aid", aid_kind="grant", amount=1e9),), ())
    pact = A.Pact(p, (A.Part(w.c5()[0], (Item("statement"),), ()), A.Part(w.c5()[1], (Item("statement"),), ())))
    for a, check, terms in ((ok, check_propose, check_proposal_terms), (broke, check_propose, check_proposal_terms),
                            (pact, check_pact, check_pact_terms)):
        assert bool(check(w, a)) == bool(terms(w, a))
    assert not check_propose(w, ok) and check_propose(w, broke)
    full = int(w.param("play.max_offers"))
    offers = {f"x{i}": Offer(f"x{i}", p, c, (Item("statement"),), (), w.year) for i in range(full)}
    at_limit = evolve(w, offers=offers)
    assert check_propose(at_limit, ok) and not check_proposal_terms(at_limit, ok)
    assert check_pact(at_limit, pact) and not check_pact_terms(at_limit, pact)


def test_memo_tables_keep_every_entry_a_game_reuses(monkeypatch):
    """The tables are bounded well above how far back a game reaches: in a seeded year of hard AI play every
    hit is among the newest half of its table, so the bounds (kept small for memory) lose no reuse."""
    from ai.factory import agents_for
    from game.sim import play
    sc = load("2015")
    deepest: dict = {}
    find = memo.Memo.find  # every look-up (`Memo.get` asks it first)

    def noting(self, key, missing=None):
        if memo.on() and key in self.table:
            keys = list(self.table)
            deepest[id(self)] = max(deepest.get(id(self), 0), len(keys) - 1 - keys.index(key))
        return find(self, key, missing)

    monkeypatch.setattr(memo.Memo, "find", noting)
    memo.clear()
    w = evolve(sc.world, end_year=sc.world.start_year)
    play(w, agents_for(w, "hard", sc.personalities), 5)
    tables = {id(t): t for t in memo._TABLES if isinstance(t, memo.Memo)}
    assert len(deepest) >= 3  # flows, networks and security tables were reused
    assert id(geography._SHIPPED) in deepest  # a projection's resolution continued from an earlier one's contracts
    for key, depth in deepest.items():
        assert depth < tables[key].size // 2, (tables[key].size, depth)


def test_settling_goods_and_the_race_read_no_unread_field(world2015):
    """Neither settling the goods (`ai.projection.settle_goods`) nor any seat's race value reads the fields in
    `projection.UNREAD` (offers, ids handed out, action points), so the World settled before one offer is answered
    stands for the World before another offer of the same turn (`projection.settled_alike`)."""
    from ai import projection as P
    from ai import race
    from game.model import Item, Offer
    w = world2015
    p, c = w.great_powers()[0], w.c5()[0]
    w = evolve(w, offers={"x1": Offer("x1", p, c, (Item("statement"),), (), w.year)}, serial=5)
    memo.clear()  # every rule works its answer out on the reading World, so every field it reads is noted
    kept = memo.Kept()
    kept.get("all", w, lambda r: [race.value(P.settle_goods(r), q, level) for q in w.order for level in (1.0, 0.5)])
    read = {name for name, _ in kept.table["all"][0]}
    assert {"contracts", "corridors", "powers", "influence", "economies"} <= read  # a real reading
    assert not read & P.UNREAD


def test_settled_alike_stands_for_settling_each_offer(world2015):
    """Two Worlds that differ only in their offers, ids and action points settle to one World, with the goods,
    powers and race values of settling each afresh; a World that differs in anything else is settled anew."""
    from ai import projection as P
    from ai import race
    from game.model import Item, Offer
    w = world2015
    p, c = w.great_powers()[0], w.c5()[0]
    one = evolve(w, offers={"x1": Offer("x1", p, c, (Item("statement"),), (), w.year)}, serial=1)
    two = evolve(w, offers={"x2": Offer("x2", p, c, (Item("aid", aid_kind="grant", amount=1.0),), (), w.year)},
                 serial=2, ap_left={p: 1})
    first = P.settled_alike(one)
    assert P.settled_alike(two) is first
    with memo.off():
        fresh = P.settle_goods(two)
    for field in ("flows", "exports", "trade", "received", "powers"):
        assert getattr(first, field) == getattr(fresh, field)
    assert [race.value(first, q) for q in w.order] == [race.value(fresh, q) for q in w.order]
    poorer = evolve(two, powers={**two.powers, p: evolve(two.powers[p], treasury=0.0)})
    assert P.settled_alike(poorer) is not first


def test_security_table_follows_the_amounts_delivered(world2015):
    """A power's security table is reused while the amounts delivered to it are the same, in a new mapping (a
    resolution that moved only another buyer's goods), and worked out again when its own amounts change."""
    p, q = world2015.great_powers()[:2]
    first = energy.table(world2015, p)
    got = dict(world2015.received.get(p, {}))
    other = {r: units + 1.0 for r, units in world2015.received.get(q, {}).items()} or {"oil": 1.0}
    moved = evolve(world2015, received={**world2015.received, p: dict(got), q: other})
    assert energy.table(moved, p) is first
    more = evolve(world2015, received={**world2015.received, p: {**got, "oil": got.get("oil", 0.0) + 50.0}})
    assert energy.table(more, p) is not first
    assert energy.table(more, p) == {r: energy.security(more, p, r) for r in world2015.powers[p].demand}


def test_seats_and_caucuses_follow_their_mappings(world2015):
    """The great powers and the C5 states are kept by the seats' kinds and the caucuses for the last forums mapping
    asked about, and follow a change at once (a power of another kind, a forum that becomes a caucus)."""
    from game.model import C5, GREAT
    from game.rules import caucus
    w = world2015
    p = w.great_powers()[0]
    assert w.great_powers() == tuple(q for q in w.order if w.powers[q].kind == GREAT)
    turned = evolve(w, powers={**w.powers, p: evolve(w.powers[p], kind=C5)})
    assert p not in turned.great_powers() and p in turned.c5()
    assert p in w.great_powers() and p not in w.c5()
    f = next(f for f in w.forums.values() if not f.caucus)
    assert f not in caucus.caucuses(w)
    assert evolve(f, caucus=True) in caucus.caucuses(evolve(w, forums={**w.forums, f.id: evolve(f, caucus=True)}))
    assert f not in caucus.caucuses(w)


def test_the_settled_world_of_a_turn_keeps_its_race_values_beside_it(world2015, monkeypatch):
    """The World `settled_alike` settles is pinned: its race values are worked out once however many other values
    the table sees in between (the table itself stays small for memory), and equal the values worked out afresh."""
    from ai import projection as P
    from ai import race
    memo.clear()
    settled = P.settled_alike(world2015)
    worked = []
    real = race.worth
    monkeypatch.setattr(race, "worth", lambda w, me, level: worked.append((me, level)) or real(w, me, level))
    first = race.value(settled, "japan")
    others = [evolve(world2015, serial=world2015.serial + step + 1) for step in range(100)]
    for w in others:  # 800 other values pass through the table meanwhile, more than it ever held
        for q in world2015.order:
            race.value(w, q)
    assert race.value(settled, "japan") == first
    assert worked.count(("japan", 1.0)) == 1 + len(others)  # the pinned value once; each other World once
    with memo.off():
        assert race.value(settled, "japan") == first


def test_appraisal_without_its_reason_has_the_same_terms_and_total(world2015):
    """`valuation.appraise(..., reasoned=False)` (the AI's projections) leaves only the reason in words out: every
    standard offer of the first year, appraised by either side, has the same terms, total and bloc."""
    from game import engine
    from game.model import Offer
    from game.rules import legal, valuation
    w, _ = engine.start(evolve(world2015, seed=1))
    offers = [Offer("o1", a.actor, a.target, a.gives, a.asks, w.year)
              for p in w.order
              for a in (legal._great_offers(w, p) if p in w.great_powers() else legal._offers_from_c5(w, p))]
    assert len({o.receiver for o in offers}) >= 6
    for o in offers:
        for side in (o.receiver, o.sender):
            full, bare = valuation.appraise(w, side, o), valuation.appraise(w, side, o, reasoned=False)
            assert (bare.terms, bare.total, bare.who, bare.bloc) == (full.terms, full.total, full.who, full.bloc)
            assert bare.reason == valuation.UNSAID != full.reason


def test_yearly_bill_is_kept_per_mappings_and_follows_them(world2015):
    """A buyer's yearly contract bill is worked out once per contracts, prices, economies and rules mappings, and
    follows a new price or contract at once: the same as the rule worked out afresh."""
    from game.rules import contracts
    w = world2015
    buyer = next(iter(w.contracts.values())).buyer
    first = contracts.yearly_bill(w, buyer)
    with memo.off():
        assert contracts.yearly_bill(w, buyer) == first != 0
    con = next(c for c in w.contracts.values() if c.buyer == buyer)
    changed = [evolve(w, prices={**w.prices, con.resource: w.prices[con.resource] * 2}),
               evolve(w, contracts={**w.contracts, "x1": evolve(con, id="x1")})]
    for v in changed:
        got = contracts.yearly_bill(v, buyer)
        with memo.off():
            assert got == contracts.yearly_bill(v, buyer) != first
    assert contracts.yearly_bill(w, buyer) == first


def test_kept_notes_only_its_own_reads_around_an_inner_rule(world2015):
    """A rule kept inside another, on a World the outer rule did not copy from its reading one, works its answer out
    on its own reading World: its reads are kept with its own result, never with the outer's, and the outer rule's
    reads before and after it are all noted (so a change to any of them, and only to them, works the outer out again)."""
    outer, inner = memo.Kept(), memo.Kept()
    plain = evolve(world2015, serial=1)  # a World of its own, not a copy of the outer rule's reading World

    def rule(w):
        first = w.year
        got = inner.get("i", plain, lambda r: len(r.forums))
        return first, got, len(w.corridors)

    assert outer.get("o", world2015, rule) == (world2015.year, len(world2015.forums), len(world2015.corridors))
    assert {n for n, _ in outer.table["o"][0]} == {"year", "corridors"}
    assert {n for n, _ in inner.table["i"][0]} == {"forums"}
    kept = outer.table["o"][1]
    assert outer.get("o", evolve(world2015, forums=dict(world2015.forums)), rule) is kept  # forums: the inner's read
    assert outer.get("o", evolve(world2015, corridors=dict(world2015.corridors)), rule) is not kept


def test_reading_world_reads_each_field_through_once(world2015):
    """A reading World gives the very values of the World it reads, notes each field the first time it is read,
    and answers later reads from its own table (a copy of it reads through in the same way)."""
    from game.model.ops import evolve as copy
    kept, seen = memo.Kept(), []

    def rule(w):
        seen.append((w.powers is world2015.powers, w.powers is world2015.powers, copy(w, serial=3).rules is world2015.rules))
        return type(w).__name__

    assert kept.get("r", world2015, rule) == "Reading"
    assert seen == [(True, True, True)]
    assert {n for n, _ in kept.table["r"][0]} == {"powers", "rules"}
