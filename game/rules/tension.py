"""Rule 23, tension: coercion, blocs and route grabs raise tension; summits, deals and restraint lower it; crises, collapse.

Each move of a great power that bears on its rivals is noted in the year's `moves` as
(actor, kind, other): `coerce` (a coercive policy card: its target, or each rival that buys
through or owns the squeezed corridor, else every rival), `bloc` (a statement against a
rival in an accepted deal; a state joining a bloc aimed at a rival, noted for the bloc's
host; leaving a rival's forum), `route` (building a corridor that bypasses a rival: from an
exporter and for a good that the rival's own routes carry, without the rival among its
controllers, owners or markets), `summit` (calling a summit of a forum a rival belongs to) and
`deal` (an accepted deal between two great powers). At the year's end, for each pair {p, q}:
`T[p,q] += coercion x n_coerce + bloc x n_bloc + route x n_route
           - summit x n_summit - deal x n_deal - restraint x [neither p nor q coerced this year]`,
clamped to 0..1. The tension track is the highest pair, `track = max T[p,q]`.
Crises: then, if the track stands at or above a card's `tension`, or mean C5 stability at or
below its `stability`, the card may be drawn; one card of those is drawn a year, by weight,
from the seeded generator (a card fires once unless it says otherwise).
Regional collapse: in a year in which a great power coerced, a track at or above
`tension.collapse` ends the game as a collapse (everyone loses); from `tension.warning` the
screen warns. Nobody coercing means no collapse by tension.
Sources: 003_7a4fb393b3879089.txt (export controls and paused contracts escalate the
China-Japan standoff), 000_81351d1bb27a5d01.txt (a standoff makes the region cautious; no bloc
against China or Russia), 002_b2119cfe6ca6f9f4.txt (summit declarations of mutual assistance
and friendship), 004_a1b4f633fd039a28.txt (a route that avoids a neighbour is leverage).
"""
from __future__ import annotations

import random

from game.model import GREAT, CrisisDef, World, tension_key
from game.model.ops import clamp, evolve
from game.rules import economy, events
from game.rules import actions as A
from game.rules.play import CARDS

PARAM = {"coerce": "tension.coercion", "bloc": "tension.bloc", "route": "tension.route", "summit": "tension.summit",
         "deal": "tension.deal"}  # each kind of move and the parameter that sizes it
KINDS = tuple(PARAM)
RAISES = ("coerce", "bloc", "route")


# --- noting the year's moves ------------------------------------------------------------------

def _great(world: World, p: str) -> bool:
    return p in world.powers and world.powers[p].kind == GREAT


def rivals(world: World, p: str) -> tuple[str, ...]:
    """The other great powers."""
    return tuple(q for q in world.great_powers() if q != p)


def coerced(world: World, actor: str, target: str, corridor: str) -> tuple[str, ...]:
    """The rivals a coercive card is aimed at: its target, else those that buy through or own the corridor, else all."""
    if target and _great(world, target):
        return (target,)
    k = world.corridors.get(corridor)
    hit = tuple(q for q in rivals(world, actor) if k is not None and (q in k.markets or q in k.owners))
    return hit or rivals(world, actor)


def bypassed(world: World, actor: str, kid: str) -> tuple[str, ...]:
    """Rivals a new corridor bypasses: one of their routes carries one of its goods from its exporter, and
    it gives them no control, stake or market."""
    k = world.corridors[kid]
    out = []
    for q in rivals(world, actor):
        if q in k.controllers or q in k.owners or q in k.markets:
            continue
        if any(q in o.controllers and o.id != kid and o.path[:1] == k.path[:1] and set(o.goods) & set(k.goods)
               for o in world.corridors.values()):
            out.append(q)
    return tuple(out)


def _deal_moves(before: World, after: World) -> list[tuple[str, str, str]]:
    """Deals that took effect with this action: between two great powers, and statements against a rival."""
    out = []
    for oid, o in after.offers.items():
        if o.status != "accepted" or before.offers.get(oid) is None or before.offers[oid].status == "accepted":
            continue
        if _great(after, o.sender) and _great(after, o.receiver):
            out.append((o.sender, "deal", o.receiver))
        great = o.sender if _great(after, o.sender) else o.receiver if _great(after, o.receiver) else ""
        for item in (*o.gives, *o.asks):
            if item.kind == "statement" and great and _great(after, item.against) and item.against != great:
                out.append((great, "bloc", item.against))
    return out


def moves_of(before: World, after: World, action: A.Action) -> list[tuple[str, str, str]]:
    """The tension moves one applied action makes (`before` and `after` are the World around it)."""
    actor = action.actor
    if isinstance(action, A.Policy):
        if CARDS[action.card].coercive and _great(after, actor):
            return [(actor, "coerce", q) for q in coerced(after, actor, action.target, action.corridor)]
        return []
    if isinstance(action, A.Summit) and _great(after, actor):
        return [(actor, "summit", q) for q in rivals(after, actor) if q in after.forums[action.forum].members]
    if isinstance(action, A.Build) and _great(after, actor):
        return [(actor, "route", q) for q in bypassed(after, actor, action.corridor)]
    if isinstance(action, A.Join):
        f = after.forums[action.forum]
        return [(f.host, "bloc", f.against)] if _great(after, f.host) and _great(after, f.against) else []
    if isinstance(action, A.Leave):
        host = after.forums[action.forum].host
        return [(actor, "bloc", host)] if _great(after, actor) and _great(after, host) and host != actor else []
    if isinstance(action, A.Accept):
        return _deal_moves(before, after)
    return []


def note(before: World, after: World, action: A.Action) -> World:
    """`after` with the tension moves of `action` added to the year's record."""
    made = moves_of(before, after, action)
    return evolve(after, moves=after.moves + tuple(made)) if made else after


# --- the year's change ------------------------------------------------------------------------

def coercers(world: World) -> tuple[str, ...]:
    """The great powers that coerced this year, in seat order."""
    return tuple(p for p in world.order if any(m[0] == p and m[1] == "coerce" for m in world.moves))


def change(world: World) -> dict[str, float]:
    """Each pair's change of tension from this year's moves and restraint."""
    out = {tension_key(p, q): 0.0 for i, p in enumerate(world.great_powers()) for q in world.great_powers()[i + 1:]}
    for actor, kind, other in world.moves:
        key = tension_key(actor, other)
        if key in out:
            sign = 1.0 if kind in RAISES else -1.0
            out[key] += sign * world.param(PARAM[kind])
    hawks = coercers(world)
    for key in out:
        if not set(key.split("|")) & set(hawks):
            out[key] -= world.param("tension.restraint")
    return out


def settle(world: World) -> World:
    """The year's tension changes applied (each pair within 0..1) and the year's moves cleared."""
    moved = change(world)
    tension = dict(world.tension)
    for key, d in moved.items():
        tension[key] = clamp(tension.get(key, 0.0) + d)
    return evolve(world, tension=tension, moves=())


def track(world: World) -> float:
    """The tension track: the highest tension between two great powers."""
    return max(world.tension.values(), default=0.0)


def hottest(world: World) -> str:
    """The pair of great powers whose tension is the track ("a|b"; "" when none)."""
    return max(world.tension, key=lambda k: world.tension[k], default="")


def warning(world: World) -> bool:
    """Whether the track has reached the warning level."""
    return track(world) >= world.param("tension.warning")


# --- crises and collapse ------------------------------------------------------------------------

def due(world: World, card: CrisisDef) -> bool:
    """Whether a crisis card may be drawn now: not spent, and its threshold crossed."""
    if card.once and card.id in world.fired:
        return False
    by_tension = card.tension > 0 and track(world) >= card.tension
    by_stability = card.stability > 0 and economy.mean_stability(world) <= card.stability
    return by_tension or by_stability


def draw(world: World, rng: random.Random) -> CrisisDef | None:
    """One crisis card drawn by weight from those due, or None."""
    deck = [c for c in world.crises if due(world, c)]
    if not deck:
        return None
    return rng.choices(deck, weights=[c.weight for c in deck])[0]


def fire(world: World, card: CrisisDef) -> World:
    """The world after a crisis card's effects, recorded like an event's (it is marked fired)."""
    return evolve(events.fire(world, card), news=world.news)  # the event cards shown are the scenario's events


def year_end(world: World, rng: random.Random) -> tuple[World, CrisisDef | None, bool]:
    """The year's tension settled, maybe a crisis card drawn and fired, and whether the region collapses."""
    hawks = bool(coercers(world))
    world = settle(world)
    card = draw(world, rng)
    if card is not None:
        world = fire(world, card)
    return world, card, hawks and track(world) >= world.param("tension.collapse")


def fired_in(world: World, year: int) -> list[str]:
    """Ids of the crisis cards fired in `year`, in order."""
    ids = {c.id for c in world.crises}
    return list(dict.fromkeys(eid for y, eid, *_ in world.happened if y == year and eid in ids))
