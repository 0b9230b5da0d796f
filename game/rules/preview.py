"""What an action would do, before it is taken: apply it with the rules' own `apply` and compare.

`preview(world, action)` validates the action, applies it to a copy of the World
(`play.apply`, the very function the engine uses), and lists every public figure that
moves: treasuries, aid pledged and not yet paid, action points, influence shares, trust, tension between great
powers, stability and the points the next scoring round would pay. An action that
sends an offer (a proposal, a pledge of aid, a counter, a pact, a bid) also shows what
would happen if the receiver accepted it, by applying the rules' `Accept` to the
result. Nothing here knows one verb from another, so a verb the rules add later is
previewed the same way. Call it with the seat's view (`view_for`) so nothing private
to another seat can show.
"""
from __future__ import annotations

from attrs import frozen

from game.errors import HeartlandError
from game.model import World
from game.rules import actions as A
from game.rules import objectives
from game.rules.influence import shares
from game.rules.play import apply, validate
from game.text import Msg

EPS = 0.0005  # a figure that moves less than this is not worth showing
MEASURES = ("money", "pledged", "ap", "share", "trust", "tension", "stability", "points")  # the order a preview lists them


@frozen
class Change:
    """One figure that an action moves: `measure` of `power` (in `place`, a C5 state or a rival)."""

    measure: str
    power: str
    place: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        """How far it moves."""
        return self.after - self.before


@frozen
class Preview:
    """An action's preview: why it is refused (empty when allowed), what moves now, what moves if the
    offers it sends are accepted (receiver -> changes), and who would be displeased."""

    reasons: tuple[Msg, ...]
    changes: tuple[Change, ...] = ()
    if_accepted: tuple[tuple[str, tuple[Change, ...]], ...] = ()
    displeased: tuple[str, ...] = ()
    log: tuple[Msg, ...] = ()

    @property
    def allowed(self) -> bool:
        """Whether the rules allow the action now."""
        return not self.reasons


def figures(world: World) -> dict[tuple[str, str, str], float]:
    """Every public figure a preview compares: (measure, power, place) -> value."""
    out: dict[tuple[str, str, str], float] = {}
    for p, pw in world.powers.items():
        out["money", p, ""] = pw.treasury
        out["ap", p, ""] = float(world.ap_left.get(p, 0))
        out["pledged", p, ""] = 0.0
    for pl in world.pledges.values():
        out["pledged", pl.donor, ""] += pl.amount
    for c in world.influence:
        for h, v in shares(world, c).items():
            if h in world.powers:
                out["share", h, c] = v
    for c, row in world.trust.items():
        for p, v in row.items():
            out["trust", p, c] = v
    for key, v in world.tension.items():
        a, b = key.split("|")
        out["tension", a, b] = v
    for c, eco in world.economies.items():
        out["stability", c, ""] = eco.stability
    for st in objectives.standings(world):
        out["points", st.power, ""] = st.projected
    return out


def diff(before: World, after: World) -> tuple[Change, ...]:
    """The figures that differ between two Worlds, in `MEASURES` order, then seat order."""
    old, new = figures(before), figures(after)
    keys = sorted(set(old) | set(new), key=lambda k: (MEASURES.index(k[0]), _seat(before, k[1]), k[2]))
    out = []
    for k in keys:
        a, b = old.get(k, 0.0), new.get(k, 0.0)
        if abs(b - a) >= EPS:
            out.append(Change(k[0], k[1], k[2], a, b))
    return tuple(out)


def _seat(world: World, p: str) -> int:
    """A power's place in the seat order (unknown ids last)."""
    return world.order.index(p) if p in world.order else len(world.order)


def raw_losses(before: World, after: World) -> set[str]:
    """Powers whose influence (not only their share) falls somewhere: rivals the rules made cool on a state."""
    return {h for c, row in before.influence.items() for h, v in row.items()
            if h in before.powers and after.influence.get(c, {}).get(h, v) < v - 1e-9}


def displeased_by(before: World, after: World, actor: str) -> tuple[str, ...]:
    """Who would be displeased, in seat order: states whose trust falls, powers whose tension with another
    rises, powers whose influence is cut (never the actor)."""
    who = raw_losses(before, after)
    for c, row in before.trust.items():
        if any(after.trust.get(c, {}).get(p, v) < v - EPS for p, v in row.items()):
            who.add(c)
    for key, v in before.tension.items():
        if after.tension.get(key, v) > v + EPS:
            who.update(key.split("|"))
    for key in set(after.tension) - set(before.tension):
        who.update(key.split("|"))
    who.discard(actor)
    return tuple(sorted(who, key=lambda p: _seat(before, p)))


def sent_offers(before: World, after: World) -> list:
    """Offers the action created that wait for an answer."""
    return [o for oid, o in after.offers.items() if oid not in before.offers and o.status == "pending"]


def preview(world: World, action: A.Action) -> Preview:
    """What `action` would do to `world` now (give the actor's view): refused with reasons, or the changes."""
    reasons = tuple(validate(world, action))
    if reasons:
        return Preview(reasons)
    after, log = apply(world, action)
    then, upset = [], set(displeased_by(world, after, action.actor))
    for o in sent_offers(world, after):
        try:
            accepted, _ = apply(after, A.Accept(o.receiver, o.id))
        except (HeartlandError, KeyError, ValueError, ZeroDivisionError):  # an answer the rules could not take now
            continue
        then.append((o.receiver, diff(after, accepted)))
        upset.update(displeased_by(after, accepted, action.actor))
    return Preview((), diff(world, after), tuple(then), tuple(sorted(upset, key=lambda p: _seat(world, p))),
                   tuple(e.msg for e in log))
