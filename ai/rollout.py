"""Play-outs: the rest of the game played on with the pure rules from a seat's view (the hard level).

`play_out(view, me, first)` takes `first` (a move or an answer) in the seat's view and runs the game on with the
engine, every seat ending its turns (a passive world: no one else moves, nor the seat itself again), except that
the receivers of the offers `first` makes accept them (`accepted`: the caller weighs that by the chance its model
gives). It stops at the start of the last year's play (begun in the last year: at the game's end, so that the
year's resolution and its round are seen) and returns what the seat has then: the objective points
its rounds have paid, on the AI's value scale (`ai.race.SCALE` for all the points its objectives can pay in the
game), plus the points it projects for the rounds left (`ai.race.value`). So a move is judged by what it does to
the seat's scores through every year of money, growth, debt, influence decay and dilution the rules settle up to
the last round, not by one year's projection.

Determinised where the seat cannot see: the view holds no other power's private offers, and the events and
dice of the years ahead are drawn from another seed (`DICE`), not the game's, so a play-out never reads the
game's own future. With `replies` (the level's key) the world is less passive where the public model can say how
others would act: the offers pending in the view that the model calls accepted (`answered`: the seat's own offers
its receiver model gives an even chance or more, offers to it that its public rule accepts) are accepted by their
receivers, and in every tender open for bids the bid the public model expects to win (`projection.expected_bid`) is
made by its great power and taken by the host (with `reads`, hard's key: the bid read as the AI seats play, each great
power bidding where its projected points say so and the host taking the one its own reading ranks first), and a
caucus a member convened is convened by the other members up to its quorum (as the public model expects them to
come): a tender, a meeting called and a move made beside a pending deal are played out with the answers they would
get rather than none. With `playout_doubt` the rounds from
the decision's year on are counted as the race projects them from that year (`soft_worth`), not in the whole places
one draw paid. With `dice` above 1 (the level's key) the same play-out is run on that many such seeds (`DICE`,
`DICE + DICE_STEP`, ...) and its worths averaged: one draw of the years' events can make a move look better or worse
than it is.
"""
from __future__ import annotations

from attrs import evolve

from ai import race
from ai.projection import alike, expected_bid
from game import engine
from game.model import GREAT, Offer, World
from game.rules import actions as A
from game.rules import caucus, objectives, tender
from game.rules.play import validate

DICE = 7919  # added to the game's seed for the play-outs' events and dice (the seat does not know the real draws)
DICE_STEP = 104729  # between the seeds of a play-out's further draws (`dice` > 1)
MAX_STEPS = 2000  # a play-out's bound on decisions (every seat ends its turns, so a year takes a few dozen)


def start(view: World, draw: int = 0) -> World:
    """The view with its dice re-seeded (`DICE`, plus `DICE_STEP` a further draw)."""
    return evolve(view, seed=view.seed + DICE + draw * DICE_STEP)


def play_out(view: World, me: str, first: A.Action | None, accepted: bool = True, dice: int = 1,
             answered: frozenset = frozenset(), bids: bool = False, doubt: bool = False, reads: bool = False) -> float:
    """`me`'s objective points won plus those projected at the start of the last year's play (value scale), after
    `first` (None: the seat ends its turn now) and every seat ending its turns; offers `first` makes are accepted
    by their receivers when `accepted`, and so are the view's pending offers in `answered`; with `bids` the great
    powers make the bids the public model expects to win in tenders, and their hosts take them (`replies`; with
    `reads`, the level's key, the bids read as the AI seats make and take them: `projection.expected_bid`). With
    `doubt` the World is worth `soft_worth` from the view's year (`playout_doubt`), else `worth`.
    Averaged over `dice` draws of the years' events and dice."""
    n = max(1, dice)
    return sum(_play_out(start(view, i), me, first, accepted, answered, bids, doubt, reads) for i in range(n)) / n


def idle_when_declined(view: World, first: A.Action) -> bool:
    """Whether `first`, an offer, changes nothing a passive play-out reads when its receiver declines it: made, it
    changed only the World's offers, the ids handed out and the action points (`projection.UNREAD`; no tension
    moved, no turn ended), so its declined play-out is the play-out of ending the turn now. A hard seat makes about
    a third of its play-outs for offers declined (2015 short: 324 of 894, every one equal to ending the turn)."""
    if validate(view, first):
        return True  # a move it cannot make is played out as ending the turn
    after, _ = engine.step(view, first, checked=True)
    return alike(view, after)


def _play_out(world: World, me: str, first: A.Action | None, accepted: bool, answered: frozenset = frozenset(),
              bids: bool = False, doubt: bool = False, reads: bool = False) -> float:
    """One play-out from `world` (the view re-seeded)."""
    year, held = world.year, len(world.scored)
    last = world.end_year if world.year < world.end_year else world.end_year + 1  # in the last year: to the game's end
    mine: set[str] = set(answered)
    if first is not None and validate(world, first):
        first = None  # a move it cannot make now (the caller's options are legal; an answer may not be)
    if first is not None:
        known = set(world.offers)
        world, _ = engine.step(world, first)
        if accepted:
            mine |= {o for o in world.offers if o not in known}
    else:
        world, _ = engine.step(world, A.EndTurn(me))
    expected: dict[str, Offer | None] = {}  # tender id -> the bid the public model expects to win it
    for _ in range(MAX_STEPS):
        if world.status != "playing" or (world.year >= last and world.phase == "diplomacy"):
            break
        p = world.current()
        act = accept_of(world, p, mine)
        if act is None and bids:
            bid = bid_of(world, p, expected, reads) if world.phase == "diplomacy" else None
            if bid is not None:
                known = set(world.offers)
                world, _ = engine.step(world, bid)
                mine |= {o for o in world.offers if o not in known}
                continue
            act = join_of(world, p)
        world, _ = engine.step(world, act or A.EndTurn(p))
    return soft_worth(world, me, year, held) if doubt else worth(world, me)


def accept_of(world: World, p: str, mine: set) -> A.Accept | None:
    """`p` accepting the first offer to it in `mine` (by id) that is pending and that it may accept now."""
    for oid in sorted(mine):
        o = world.offers.get(oid)
        if o is not None and o.receiver == p and o.status == "pending" and not validate(world, A.Accept(p, oid)):
            return A.Accept(p, oid)
    return None


def join_of(world: World, p: str) -> A.Convene | None:
    """Member `p` convening a caucus that another member convened this year, while it is short of its quorum (as
    the public model expects the others to come, `projection.meeting`): so a meeting the seat calls is held in its
    play-outs, where a passive world left it to fail and its cost looked like its only effect."""
    if world.phase != "actions":
        return None
    for f in caucus.caucuses(world):
        if f.convened and not caucus.held(world, f) and caucus.may_convene(world, f, p):
            move = A.Convene(p, f.id)
            if not validate(world, move):
                return move
    return None


def bid_of(world: World, p: str, expected: dict, reads: bool = False) -> A.Propose | None:
    """Great power `p`'s bid in a tender open for bids, when it is the one the public model expects to win it
    (`projection.expected_bid`, with `reads` as the AI seats bid and choose; worked out once a tender in `expected`)
    and `p` has not bid there yet."""
    if world.powers[p].kind != GREAT:
        return None
    for tid in sorted(world.tenders):
        t = world.tenders[tid]
        if not tender.bidding(world, t):
            continue
        if tid not in expected:
            expected[tid] = expected_bid(world, t.host, t.resource, t=t, reads=reads)
        b = expected[tid]
        if b is None or b.sender != p or any(o.sender == p and o.receiver == t.host and tender.is_bid(o)
                                             and o.year == world.year for o in world.offers.values()):
            continue
        move = A.Propose(p, t.host, b.gives, b.asks)
        if not validate(world, move):
            return move
    return None


def worth(world: World, me: str) -> float:
    """Points won so far plus points projected for the rounds left, both on the value scale."""
    most = race.game_points(world, me)
    won = race.SCALE * objectives.totals(world).get(me, 0.0) / most if most > 0 else 0.0
    return won + race.value(world, me)


def soft_worth(world: World, me: str, year: int, held: int) -> float:
    """`worth` with the doubt of the year the seat decides in (`doubt`): the rounds scored before it (`held` of them)
    count as paid, and every later round, scored in the play-out (on the measures taken then, `World.measured`) or
    still to come (on the measures now), as the race projects it from `year` (`race.DOUBT x sqrt(1 + years from
    year to the round)`): one draw of the years ahead ranks the seats in whole places, where a small step matters
    as much as the doubt about the rivals' measures lets it."""
    most = race.game_points(world, me)
    if most <= 0:
        return race.national(world, me)
    table = objectives.round_table(world)
    kinds = objectives.kinds_of(world)
    pay = sum(r.get(me, 0.0) for r in world.scored[:held])
    for i in range(held, len(table)):
        at, weight = table[i]
        now = world.measured[i] if i < len(world.measured) else None
        for obj in world.powers[me].objectives:
            if now is None:
                vals = race.values_for(world, me, obj)
            else:
                vals = {q: objectives.value(now, world.start_measures, q, obj.measure)
                        for q in objectives.compared(world.order, kinds, me, obj)}
            pay += weight * race.soft_pay(obj, vals, me, at - year)
    return race.SCALE * pay / most + race.national(world, me)
