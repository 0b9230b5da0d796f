"""Hard's play-outs (ai/rollout.py): the rest of the game played on with the pure rules from the seat's view."""
from attrs import evolve

from ai import rollout
from ai.factory import make_agent
from ai.personality import level
from game import engine
from game.rules import actions as A
from game.rules import valuation
from game.rules.legal import legal_actions, view_for
from tests.ai_fixtures import aid, decide, pending, scenario


def started(seed: int = 0):
    """The 2015 game at its first decision (Japan's diplomacy), as `engine.start` leaves it (on seed 0 Japan is dealt
    its influence, seed 1 its energy from the C5)."""
    world, _ = engine.start(evolve(load_short(), seed=seed))
    return world


def load_short():
    from game.scenario.loader import load
    return load("2015", short=True).world


def loan_for_oil(world):
    """The seat to move's view, the seat, its loan-for-oil offer to Kazakhstan (a contract of CPC oil) and the
    play-out's worth of ending its turn instead."""
    me = world.current()
    view = view_for(world, me)
    offer = next(a for a in legal_actions(world, me) if isinstance(a, A.Propose) and a.target == "kazakhstan"
                 and any(i.kind == "contract" and i.resource == "oil" for i in a.asks))
    return view, me, offer, rollout.play_out(view, me, None)


def test_a_play_out_sees_a_contract_ship_for_years():
    """Japan's loan-for-oil offer to Kazakhstan (5 years of CPC oil), accepted and played out to the last year,
    is worth more to Japan than ending its turn; declined, it is worth what ending the turn is worth."""
    view, me, offer, end = loan_for_oil(started())
    assert rollout.play_out(view, me, offer) > end + 1.0
    assert abs(rollout.play_out(view, me, offer, accepted=False) - end) < 0.5
    assert rollout.play_out(view, me, offer) == rollout.play_out(view, me, offer)  # the same view, the same play-out


def test_a_play_out_draws_its_own_dice():
    """The play-out's events and dice come from another seed than the game's (the seat does not know the real
    draws), and an answer it cannot give now is played out as ending its turn."""
    world = started()
    assert rollout.start(world).seed == world.seed + rollout.DICE
    me = world.current()
    view = view_for(world, me)
    assert rollout.play_out(view, me, A.Accept(me, "o999")) == rollout.play_out(view, me, None)


def test_hard_answers_with_its_play_out():
    """At hard (`playouts` > 0) a Central Asian seat's answer carries the play-out's part (`playout`), its total
    the projected answer's with part of its change in points replaced by the play-out's; normal's has none."""
    world = pending(scenario().world, "japan", "kyrgyzstan", [aid("grant", 1.0)])
    assert level("hard").plays_out("c5") and not level("hard").plays_out("great") and not level("normal").plays_out("c5")
    hard = decide(world, "kyrgyzstan", "hard")
    normal = decide(world, "kyrgyzstan", "normal")
    assert "playout" in hard.terms and "playout" not in normal.terms
    assert isinstance(hard.action, A.Accept) and isinstance(normal.action, A.Accept)


def last_year(seed: int = 0):
    """The 2015 short game played on passively to its last year's first decision (Japan's diplomacy)."""
    world = started(seed)
    while not (world.year == world.end_year and world.phase == "diplomacy"):
        world, _ = engine.step(world, A.EndTurn(world.current()))
    return world


def test_a_play_out_begun_in_the_last_year_plays_to_the_end():
    """Begun in the last year, a play-out runs the year's resolution and its round (it used to stop at once, so
    every move and answer of the last year looked worth nothing): Japan's loan-for-oil offer to Kazakhstan, on a
    seed that deals Japan its energy from the C5, accepted, is worth more than ending its turn; declined, it is worth
    what ending the turn is worth."""
    view, me, offer, end = loan_for_oil(last_year(seed=1))
    assert rollout.play_out(view, me, offer) > end + 0.5
    assert abs(rollout.play_out(view, me, offer, accepted=False) - end) < 0.5


def test_several_dice_average_their_play_outs():
    """`dice` n runs the play-out on n draws of the years' events (`DICE`, `DICE + DICE_STEP`, ...) and averages
    their worths; one draw is the play-out on `DICE` alone."""
    world = started()
    me = world.current()
    view = view_for(world, me)
    assert rollout.start(view, 1).seed == view.seed + rollout.DICE + rollout.DICE_STEP
    one = rollout.play_out(view, me, None)
    two = rollout.play_out(view, me, None, dice=2)
    other = rollout._play_out(rollout.start(view, 1), me, None, True)
    assert abs(two - (one + other) / 2) < 1e-9


def test_no_year_deeper_after_the_last_round():
    """Hard's year-deeper re-check (`deeper`) weighs half a move's change a year later; with no scoring round
    after this year's (`race.later`) a year later pays nothing, so in the last year it keeps its options' values."""
    from ai import race
    from ai.factory import make_agent
    from ai import projection as P
    for world, later in ((started(), True), (last_year(), False)):
        me = world.current()
        view = view_for(world, me)
        assert race.later(view) == later
        agent = make_agent(world, me, "hard", {})
        base = P.settle_goods(view)
        before, score = race.parts(base, me), race.value(base, me)
        offer = next(a for a in legal_actions(world, me) if isinstance(a, A.Propose) and a.target == "kazakhstan"
                     and any(i.kind == "contract" and i.resource == "oil" for i in a.asks))
        value, terms = agent.value(view, me, offer, base, before, score)
        [(after, _, checked)] = agent.deeper(view, me, [[value, offer, terms]], base, before, score)
        assert ("deep" in checked) == later
        if not later:
            assert after == value


def test_hard_plans_a_mine_and_then_its_refinery():
    """Hard (`follow`) values its best moves with the best move it could make next: in 2025 Japan's rare-earth
    mine in Kazakhstan is worth its refinery after it too, so it ranks above the aid that looks a shade better
    alone elsewhere in the game; a move that makes an offer (aid) is valued on its own. Seed 1 deals Japan its
    supply-security race (since session 14 changed 2025's cards, seed 0 deals it energy from the C5, whose race the mine
    does not serve)."""
    import random
    from ai import projection as P
    from ai import race
    from ai.factory import make_agent
    from game.scenario.loader import load
    from tests.worlds import at_turn
    assert level("hard").follows("great") and not level("hard").follows("c5") and not level("normal").follows("great")
    sc = load("2025", short=True)
    world, _ = engine.start(evolve(sc.world, seed=1))
    assert [o.id for o in world.powers["japan"].objectives if not o.standing] == ["supply_security_gained"]
    world = at_turn(world, "japan", "actions")
    view = view_for(world, "japan")
    agent = make_agent(world, "japan", "hard", sc.personalities)
    base = P.settle_goods(view)
    before, score = race.parts(base, "japan"), race.value(base, "japan")
    scored = []
    for a in agent.options(view, "japan", legal_actions(world, "japan"), random.Random(1)):
        v, t = agent.value(view, "japan", a, base, before, score)
        scored.append([v, a, t])
    scored.sort(key=lambda s: -s[0])
    out = {str(a): (v, t) for v, a, t in agent.followed(view, "japan", scored)}
    mine = "develop japan kazakhstan rare_earths"
    assert out[mine][1]["follow"] > 0.5  # the refinery it can build next
    v, t = next((v, t) for v, a, t in scored if str(a) == mine)
    assert out[mine][0] == v + out[mine][1]["follow"]
    assert all("follow" not in t for k, (v, t) in out.items() if k.startswith("aid "))


def at_actions(seat):
    """The 2015 short game at `seat`'s first actions turn, and the seat's view of it."""
    from tests.worlds import at_turn
    world = at_turn(started(), seat, "actions")
    return world, view_for(world, seat)


def test_a_play_out_with_replies_sees_a_tender_won():
    """With `bids` (hard's `replies`) the great power the public model expects to win a tender bids in the play-out
    and the host takes its bid: Turkmenistan's oil tender (its objective is its export diversity's gain, paid by
    steps) is then won by a bid whose oil leaves on the winner's route, which moves its diversity towards a step;
    in a passive world no one bids and the tender looks worth nothing at all (a play-out could not see what a
    tender does)."""
    world, view = at_actions("turkmenistan")
    oil = A.Tender("turkmenistan", "oil")
    assert [o.measure for o in view.powers["turkmenistan"].objectives] == ["export_diversity_gain"]
    passive = rollout.play_out(view, "turkmenistan", oil) - rollout.play_out(view, "turkmenistan", None)
    replied = (rollout.play_out(view, "turkmenistan", oil, bids=True)
               - rollout.play_out(view, "turkmenistan", None, bids=True))
    assert passive == 0.0
    assert replied > 0.1


def test_a_play_out_counts_its_rounds_with_the_years_doubt():
    """With `doubt` (hard's `playout_doubt`) the rounds a play-out scores count as the race projects them from the
    year the seat decides in, not in the whole places one draw paid: before any round is played out that is the
    race's own value. Uzbekistan's fee on the Central Asia-China gas pipeline (transit income is its objective on
    this seed) lifts its race by more than a point counted that way than in the whole places of one draw (3.2
    against 1.2 when this was written: one draw's places are steps a fee rarely crosses)."""
    from ai import race
    world, view = at_actions("uzbekistan")
    assert [o.id for o in world.powers["uzbekistan"].objectives] == ["transit_income_gained"]
    assert abs(rollout.soft_worth(view, "uzbekistan", view.year, len(view.scored)) - race.value(view, "uzbekistan")) < 1e-9
    fee = A.Tariff("uzbekistan", "cac_china_gas", 0.006)
    assert fee in legal_actions(world, "uzbekistan")
    gain = {d: rollout.play_out(view, "uzbekistan", fee, doubt=d) - rollout.play_out(view, "uzbekistan", None, doubt=d)
            for d in (False, True)}
    assert gain[True] > gain[False] + 1.0


def test_hard_drops_a_habit_its_play_out_says_loses():
    """With `playout_habit` a move's habit points count only when its played-out net gain is not negative, as
    they count only when the one-year gain is not: at 2025's start Turkmenistan's gas tender brings about nothing
    in a year (+0.01) and the bonus it expects as habit points (about 19); played out (the bid the public valuation
    rule expects made and taken: `reads` off) its gas goes where the winner's contract takes it and its race loses,
    so the tender is worth less than ending its turn; without the key the habit's points still carried it."""
    from ai import projection as P
    from ai import race
    from ai.factory import make_agent
    from game.scenario.loader import load
    from tests.worlds import at_turn
    sc = load("2025", short=True)
    world, _ = engine.start(sc.world)
    world = at_turn(world, "turkmenistan", "actions")
    view = view_for(world, "turkmenistan")
    lv = level("hard")
    assert lv.playout_habit and lv.replies and lv.playout_doubt and not level("normal").playout_habit
    gas = A.Tender("turkmenistan", "gas")
    base = P.settle_goods(view)
    before, score = race.parts(base, "turkmenistan"), race.value(base, "turkmenistan")
    out = {}
    for habit in (False, True):
        agent = make_agent(world, "turkmenistan", "hard", sc.personalities)
        agent.level = evolve(lv, playout_habit=habit, reads=False)
        value, terms = agent.value(view, "turkmenistan", gas, base, before, score)
        assert terms["gain"] >= 0 and terms["habit"] > 10.0
        [(after, _, t)] = agent.played(view, "turkmenistan", [[value, gas, terms]])
        assert t["playout"] < 0
        out[habit] = after
    assert out[False] > 10.0 and out[True] < 0


def test_a_meeting_called_is_held_in_a_play_out_that_answers():
    """A caucus meets only when a quorum of members convened it; in a passive play-out no other member does, so the
    meeting a seat calls never met and only its cost showed (hard Kazakhstan, whose card was autonomy, never
    convened the leaders' meeting that normal convened every year: 2025 seed 304, 20 points against 30). With
    `bids` (hard's `replies`) the other members convene it up to its quorum, as the public model expects them to
    come, and the meeting, which sheds part of its dominant great power's influence, is worth something."""
    from game.scenario.loader import load
    from tests.worlds import at_turn
    world, _ = engine.start(evolve(load("2025", short=True).world, seed=304))
    world = at_turn(world, "kazakhstan", "actions")
    assert [o.id for o in world.powers["kazakhstan"].objectives] == ["autonomy_gained"]
    call = A.Convene("kazakhstan", "c5_meeting")
    assert call in legal_actions(world, "kazakhstan")
    view = view_for(world, "kazakhstan")
    worth = {bids: rollout.play_out(view, "kazakhstan", call, bids=bids, doubt=True)
             - rollout.play_out(view, "kazakhstan", None, bids=bids, doubt=True) for bids in (False, True)}
    assert worth[False] <= 0.0 < worth[True]
    joined = rollout.join_of(engine.step(world, call)[0], "kazakhstan")
    assert joined is None  # the seat that convened does not convene twice


def test_an_offer_declined_is_played_out_as_ending_the_turn_only_when_it_changed_nothing_else():
    """`rollout.idle_when_declined`: an offer that changed only the offers, ids and action points plays out, declined,
    exactly as ending the turn now (hard reuses that play-out for it); a move that changed more is played out."""
    world, checked = started(), 0
    for _ in range(4):  # the first four seats' first diplomacy turns
        me = world.current()
        view = view_for(world, me)
        end = rollout.play_out(view, me, None)
        offers = [a for a in legal_actions(world, me) if isinstance(a, A.Propose)][:5]
        for offer in offers:
            if rollout.idle_when_declined(view, offer):
                assert rollout.play_out(view, me, offer, accepted=False) == end
                checked += 1
        assert not rollout.idle_when_declined(view, A.EndTurn(me))  # the turn passed: more than the offers changed
        world, _ = engine.step(world, A.EndTurn(me))
    assert checked >= 8


def test_hard_leaves_the_projections_choice_only_for_a_clear_play_out_edge():
    """`trust`: a seat that plays out keeps the move its one-year projection ranked first unless the play-outs value
    another choice (a move, or ending the turn) above it by more than `trust`; with `trust` 0 the play-outs decide."""
    sc = scenario()
    agent = make_agent(sc.world, "kazakhstan", "hard", sc.personalities)
    sale, other = A.EndTurn("x"), A.EndTurn("y")  # stand-ins: `trusted` only reads the values and finds the first by equality
    end = agent.persona.min_gain + agent.level.margin
    played = [[end + 1.3, other, {}], [end + 1.0, sale, {}]]  # played out: the other move ahead by 0.3
    agent.level = evolve(agent.level, trust=0.0)
    assert agent.trusted(played, sale, True)[0][1] == other
    agent.level = evolve(agent.level, trust=0.5)
    kept = agent.trusted(played, sale, True)
    assert kept[0][1] == sale and abs(kept[0][2]["trusted"] - 0.3) < 1e-9 and kept[1][1] == other
    far = [[end + 2.0, other, {}], [end + 1.0, sale, {}]]  # ahead by 1.0: the play-outs decide
    assert agent.trusted(far, sale, True)[0][1] == other
    below = [[end + 0.2, other, {}], [end - 0.2, sale, {}]]  # the sale now looks worse than ending: by 0.4, kept
    assert agent.trusted(below, sale, True)[0][1] == sale and agent.trusted(below, sale, True)[0][0] > end
    # the projection would end the turn: a move the play-outs like by less than `trust` does not start
    small = agent.trusted([[end + 0.3, other, {}]], sale, False)
    assert small[0][0] <= end
    assert agent.trusted([[end + 0.8, other, {}]], sale, False)[0][0] == end + 0.8


def test_a_play_out_turns_the_projected_answer_only_by_a_clear_margin():
    """`trust` in answers: when a play-out would turn the projected answer by less than `trust`, the answer stands."""
    world = pending(scenario().world, "japan", "kyrgyzstan", [aid("grant", 1.0)])
    hard = decide(world, "kyrgyzstan", "hard")
    shift = hard.terms["playout"]
    assert "playout" in hard.terms
    agent = make_agent(world, "kyrgyzstan", "hard", scenario().personalities)
    view = view_for(world, "kyrgyzstan")
    offer = view.offers["o900"]
    judged = agent.race_judgement(view, "kyrgyzstan", offer, valuation.appraise(view, "kyrgyzstan", offer, agent.habits(view)))
    flipped = evolve(judged, total=-shift / 2 if shift else 0.001)  # a projected answer the play-out turns, by half its shift
    agent.level = evolve(level("hard"), trust=0.0)
    turned = agent.played_answer(view, "kyrgyzstan", offer, flipped)
    agent.level = evolve(level("hard"), trust=100.0)
    stood = agent.played_answer(view, "kyrgyzstan", offer, flipped)
    assert (turned.total > 0) != (flipped.total > 0) and (stood.total > 0) == (flipped.total > 0)


def test_with_trust_a_seat_that_plays_out_answers_on_the_one_year_projection():
    """`trust`: a Central Asian seat at hard judges an offer on the one-year projection normal uses (its race term is
    normal's), so only a play-out edge beyond `trust` makes it answer otherwise; without `trust` it blends in the
    change a year later (`deeper`), which turned a 2015 Tajik answer to China's co-financing on a near-zero margin."""
    from game.model import Item
    world = scenario().world
    item = Item("contract", resource="oil", amount=51.0, price_factor=1.0, years=5, corridor="cpc")
    w = pending(world, "japan", "kazakhstan", [], [item])
    view = view_for(w, "kazakhstan")
    offer = view.offers["o900"]
    judged = {}
    for name, over in (("normal", {}), ("hard", {}), ("hard_blend", {"trust": 0.0})):
        agent = make_agent(w, "kazakhstan", name.split("_")[0], scenario().personalities)
        agent.level = evolve(agent.level, **over)
        judged[name] = agent.race_judgement(view, "kazakhstan", offer, valuation.appraise(view, "kazakhstan", offer, agent.habits(view)))
    assert judged["hard"].terms["race"] == judged["normal"].terms["race"] != 0
    assert judged["hard_blend"].terms["race"] != judged["normal"].terms["race"]


def bidding_1992_309():
    """1992, seed 309, every seat normal, at the first decision of the year Kazakhstan's oil tender (opened in 1993)
    is open for bids: the Session and the tender."""
    from game.rules import tender
    from game.scenario.loader import load
    from game.session import Seat, Session
    sc = load("1992", short=True)
    agents = {p: make_agent(sc.world, p, "normal", sc.personalities) for p in sc.world.order}
    s = Session.start(sc.world, {p: Seat(p, human=False) for p in sc.world.order}, 309,
                      make_agent=lambda w, seat: agents[seat.power])
    while not any(tender.bidding(s.world, t) for t in s.world.tenders.values()):
        s.ai_step()
    return s, next(t for t in s.world.tenders.values() if tender.bidding(s.world, t))


def test_a_play_out_expects_the_bids_the_ai_great_powers_make():
    """1992, seed 309 (every seat normal): Kazakhstan tenders its oil in 1993. By the valuation rule alone China
    would bid (the money suits it) and win (Kazakhstan's money likes its bid best), but any bid would cost China
    points in its race, and the AI's China makes none: Japan wins with a grant of 0.2. Read as the AI seats play
    (`expected_bid` with `reads`, as a hard seat's play-outs expect tenders: each great power makes the bid its
    projected points value most, if any; the host ranks them by its own reading), the expected winner is Japan's bid,
    as in the played game."""
    from ai import projection as P
    from game.rules import tender
    s, t = bidding_1992_309()
    view = view_for(s.world, t.host)
    assert (t.host, t.resource) == ("kazakhstan", "oil")
    assert P.expected_bid(view, t.host, t.resource, t=t).sender == "china"
    read = P.expected_bid(view, t.host, t.resource, t=t, reads=True)
    assert (read.sender, [i.amount for i in read.gives]) == ("japan", [0.2])
    while not s.world.tenders[t.id].winner:
        s.ai_step()
    bidders = {o.sender for o in s.world.offers.values() if tender.is_bid(o) and o.receiver == t.host}
    assert s.world.tenders[t.id].winner == "japan" and "china" not in bidders


def test_a_hard_bidder_reads_its_rivals_as_the_ai_seats_bid():
    """The same tender from Japan's seat (`outbid_chance`, hard's `rivals` 0.5): by the valuation rule China would
    bid and Kazakhstan's money prefers China's bids, so Japan's grant of 0.2 looks an even chance at best; read as
    the AI seats play (`reads`), China makes no bid and Russia's, the one rival that would bid, costs Kazakhstan's
    race more, so Japan's bid is sure to win, as it did."""
    from ai import projection as P
    from game.model import Offer
    from game.rules import tender
    s, t = bidding_1992_309()
    view = view_for(s.world, "japan")
    gives, asks = tender.standard_bids(view, t, "japan")[1]
    assert [i.amount for i in gives] == [0.2]
    bid = Offer("o999", "japan", t.host, gives, asks, view.year)
    world = P.with_offer(view, bid)
    assert P.outbid_chance(world, bid, 0.005, 0.5) < 0.6
    assert P.outbid_chance(world, bid, 0.005, 0.5, reads=True) > 0.99
