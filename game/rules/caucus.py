"""The C5 leaders' consultative meeting: the Central Asian states bargain together so no great power plays them off.

A caucus is a forum of Central Asian states only, with no great-power host (scenario key
`caucus = true`; the leaders' consultative meeting has met since March 2018, Astana). In
the actions phase each member may convene that year's meeting (action `convene`, one
action point and `caucus.cost` US$ bn). At the year's resolution the meeting is held if at
least `caucus.quorum` members convened (a forum not yet founded, level 0, cannot meet).
Each of the n attending members c of the N members agrees a joint stance:

    I[c, d] -= caucus.rebalance x (n / N) x I[c, d]   d = the great power with the largest share in c
    stability[c] += caucus.stability

and is bound until the next meeting by a common floor price: while the last meeting was
held this year or last, a bound member may sell a great power a new supply contract only at
a price factor of at least `caucus.floor` (a great power cannot buy from one member below
what the others ask).
Sources: 001_78d6b60161a582b5.txt (resources are the tool with which the states balance
the great powers and keep their sovereignty), 004_a1b4f633fd039a28.txt (multi-axis
diplomacy: no neighbour may hold a state's economic lifeline), 000_81351d1bb27a5d01.txt
(the states answered Japan's summit one by one; a common stance changes that); GAME_V2.md
(the consultative meeting of the five leaders, held since 2018).
"""
from __future__ import annotations

from game.model import GREAT, Forum, World
from game.model.memo import Last
from game.model.ops import add_treasury, clamp, with_economy, with_forum
from game.rules.influence import add_influence, share


_CAUCUSES = Last()  # the last forums mapping asked about -> its caucuses


def caucuses(world: World) -> tuple[Forum, ...]:
    """The world's C5-only forums, in the scenario's order (worked out again only for another forums mapping)."""
    forums = world.forums
    return _CAUCUSES.get((forums,), lambda: tuple(f for f in forums.values() if f.caucus))


def may_convene(world: World, f: Forum, c: str) -> bool:
    """Whether member c may convene f's meeting this year (founded, and c has not convened yet)."""
    return f.caucus and f.level > 0 and c in f.members and c not in f.convened


def convene(world: World, fid: str, c: str) -> World:
    """c pays `caucus.cost` and joins this year's meeting of fid."""
    f = world.forums[fid]
    world = add_treasury(world, c, -world.param("caucus.cost"))
    return with_forum(world, fid, convened=f.convened + (c,))


def held(world: World, f: Forum) -> bool:
    """Whether enough members convened f this year for it to meet."""
    return f.level > 0 and len(f.convened) >= world.param("caucus.quorum")


def dominant_great(world: World, c: str) -> str:
    """The great power with the largest influence share in c ("" when none holds any)."""
    greats = [p for p in world.great_powers() if share(world, c, p) > 0]
    return max(greats, key=lambda p: share(world, c, p), default="")


def stance(world: World, f: Forum, attending: tuple[str, ...], n: int = 0) -> World:
    """The joint stance of a meeting's attendees (n of them, by default all those listed): each sheds part of its
    dominant great power's influence and gains stability."""
    cut = world.param("caucus.rebalance") * (n or len(attending)) / max(1, len(f.members))
    for c in attending:
        d = dominant_great(world, c)
        if d:
            world = add_influence(world, c, d, -cut * world.influence[c][d])
        eco = world.economies[c]
        world = with_economy(world, c, stability=clamp(eco.stability + world.param("caucus.stability"), 0, 100))
    return world


def meet(world: World) -> tuple[World, list[tuple[str, tuple[str, ...]]]]:
    """This year's meetings: each caucus convened by a quorum meets; the convened lists are cleared.
    Returns the world and (forum id, attendees) of each meeting held."""
    met = []
    for f in caucuses(world):
        if held(world, f):
            came = tuple(c for c in f.members if c in f.convened)
            world = stance(world, f, came)
            world = with_forum(world, f.id, united=came, last_met=world.year, convened=())
            met.append((f.id, came))
        elif f.convened:
            world = with_forum(world, f.id, convened=())
    return world, met


def bound(world: World, c: str) -> bool:
    """Whether c is bound by a caucus stance agreed this year or last."""
    return any(c in f.united and f.last_met >= world.year - 1 for f in caucuses(world))


def floor(world: World, seller: str, buyer: str) -> float:
    """The least price factor seller may ask a great-power buyer under a common stance (0: none)."""
    if seller not in world.economies or buyer not in world.powers or world.powers[buyer].kind != GREAT:
        return 0.0
    return world.param("caucus.floor") if bound(world, seller) else 0.0
