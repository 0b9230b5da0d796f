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
game's own future. With `dice` above 1 (the level's key) the same play-out is run on that many such seeds
(`DICE`, `DICE + DICE_STEP`, ...) and its worths averaged: one draw of the years' events can make a move look
better or worse than it is.
"""
from __future__ import annotations

from attrs import evolve

from ai import race
from game import engine
from game.model import World
from game.rules import actions as A
from game.rules import objectives
from game.rules.play import validate

DICE = 7919  # added to the game's seed for the play-outs' events and dice (the seat does not know the real draws)
DICE_STEP = 104729  # between the seeds of a play-out's further draws (`dice` > 1)
MAX_STEPS = 2000  # a play-out's bound on decisions (every seat ends its turns, so a year takes a few dozen)


def start(view: World, draw: int = 0) -> World:
    """The view with its dice re-seeded (`DICE`, plus `DICE_STEP` a further draw)."""
    return evolve(view, seed=view.seed + DICE + draw * DICE_STEP)


def play_out(view: World, me: str, first: A.Action | None, accepted: bool = True, dice: int = 1) -> float:
    """`me`'s objective points won plus those projected at the start of the last year's play (value scale), after
    `first` (None: the seat ends its turn now) and every seat ending its turns; offers `first` makes are accepted
    by their receivers when `accepted`. Averaged over `dice` draws of the years' events and dice."""
    n = max(1, dice)
    return sum(_play_out(start(view, i), me, first, accepted) for i in range(n)) / n


def _play_out(world: World, me: str, first: A.Action | None, accepted: bool) -> float:
    """One play-out from `world` (the view re-seeded)."""
    last = world.end_year if world.year < world.end_year else world.end_year + 1  # in the last year: to the game's end
    mine: set[str] = set()
    if first is not None and validate(world, first):
        first = None  # a move it cannot make now (the caller's options are legal; an answer may not be)
    if first is not None:
        known = set(world.offers)
        world, _ = engine.step(world, first)
        mine = {o for o in world.offers if o not in known} if accepted else set()
    else:
        world, _ = engine.step(world, A.EndTurn(me))
    for _ in range(MAX_STEPS):
        if world.status != "playing" or (world.year >= last and world.phase == "diplomacy"):
            break
        p = world.current()
        act: A.Action = A.EndTurn(p)
        for oid in sorted(mine):
            o = world.offers.get(oid)
            if o is not None and o.receiver == p and o.status == "pending" and not validate(world, A.Accept(p, oid)):
                act = A.Accept(p, oid)
                break
        world, _ = engine.step(world, act)
    return worth(world, me)


def worth(world: World, me: str) -> float:
    """Points won so far plus points projected for the rounds left, both on the value scale."""
    most = race.game_points(world, me)
    won = race.SCALE * objectives.totals(world).get(me, 0.0) / most if most > 0 else 0.0
    return won + race.value(world, me)
