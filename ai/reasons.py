"""Reasons as messages: the rule terms behind an AI choice, rendered in the reader's language when shown."""
from __future__ import annotations

from game.model import Offer, World
from game.rules import actions as A
from game.rules.play import card_details, describe_offer
from game.text import Msg, Ref, joined, msg
from game.text import corridor as K
from game.text import forum as F
from game.text import power as P
from game.text import resource as R
from game.text import river as RV


def phrase(world: World, a: A.Action) -> Msg:
    """What the action does, as a verb phrase."""
    if isinstance(a, A.Aid):
        return msg("ai.do.aid", amount=a.amount, kind=Ref("aid", a.kind), target=P(world, a.target))
    if isinstance(a, A.Propose):
        return msg("ai.do.propose", target=P(world, a.target),
                   deal=describe_offer(world, Offer("", a.actor, a.target, a.gives, a.asks, 0)))
    if isinstance(a, A.Counter):
        return msg("ai.do.counter")
    if isinstance(a, A.Pact):
        return msg("ai.do.pact", parties=joined(P(world, p.party) for p in a.parts))
    if isinstance(a, A.Summit):
        return msg(f"ai.do.summit{a.level}", forum=F(world, a.forum))
    if isinstance(a, (A.Build, A.Upgrade)):
        return msg(f"ai.do.{a.verb}", corridor=K(world, a.corridor))
    if isinstance(a, A.Develop):
        return msg("ai.do.develop", resource=R(a.resource), target=P(world, a.target))
    if isinstance(a, A.Refine):
        return msg("ai.do.refine", target=P(world, a.target))
    if isinstance(a, (A.Join, A.Leave)):
        return msg(f"ai.do.{a.verb}", forum=F(world, a.forum))
    if isinstance(a, A.Policy):
        return msg("ai.do.policy", card=Ref("card", a.card), details=card_details(world, a))
    if isinstance(a, A.Tariff):
        return msg("ai.do.tariff", corridor=K(world, a.corridor), fee=a.fee)
    if isinstance(a, A.Tender):
        return msg("ai.do.tender", resource=R(a.resource))
    if isinstance(a, A.Water):
        return msg("ai.do.water_hold" if a.hold else "ai.do.water_release", river=RV(world, a.river))
    if isinstance(a, A.Convene):
        return msg("ai.do.convene", forum=F(world, a.forum))
    if isinstance(a, A.Entry):
        return msg("ai.do.entry", country=P(world, a.target), level=a.level)
    return msg("ai.do.end")


def term_change(before: dict, after: dict, weights: dict) -> list[tuple[str, float, float, float]]:
    """Agenda terms that moved, as (term, before, after, weighted change), biggest first."""
    moved = [(t, before[t], after[t], weights.get(t, 0.0) * (after[t] - before[t])) for t in after if t in before]
    return sorted((m for m in moved if abs(m[3]) > 1e-6), key=lambda m: -abs(m[3]))


def moves(moved, limit: int = 2) -> list[Msg]:
    """'its supply security would rise from 40% to 45%' for the terms that moved most."""
    out = []
    for t, b, af, _ in moved[:limit]:
        way = "rise" if af > b else "fall"
        fine = "_fine" if f"{b:.0%}" == f"{af:.0%}" else ""
        out.append(msg(f"ai.term_{way}{fine}", term=Ref("aim", t), before=b, after=af))
    return out


def position_bits(moved, delta: float) -> list[Msg]:
    """What moved a seat's projected position: its measures that moved the same way (at most two), else the change."""
    return moves([m for m in moved if (m[3] > 0) == (delta > 0)]) or [msg("ai.great.position", points=delta)]


def action_reason(world: World, me: str, a: A.Action, terms: dict) -> Msg:
    """One or two sentences: what `me` does and the terms that made it worth doing."""
    who, does = P(world, me), phrase(world, a)
    if terms.get("script"):
        return msg("ai.why.script", who=who, does=does, note=terms["script"])
    if "card_rule" in terms:
        return msg("ai.why.card", who=who, does=does, rule=terms["card_rule"])
    parts = moves(terms.get("moved", []))
    if terms.get("chance", 1.0) < 0.999:
        parts.append(msg("ai.if_likely", chance=terms["chance"]))
    body = joined(parts, "comma") if parts else msg("ai.keeps_position")
    cost, habit = terms.get("spent", 0.0), terms.get("habit_text")
    paid, tail = "_cost" if cost > 0.005 else "", "_habit" if habit else ""
    return msg(f"ai.why.move{paid}{tail}", who=who, does=does, body=body, cost=cost, habit=habit or "")


def end_reason(world: World, me: str, best: "Msg | None", value: float) -> Msg:
    """Why `me` ends its turn."""
    if best is None:
        return msg("ai.why.end_nothing", who=P(world, me))
    return msg("ai.why.end_best", who=P(world, me), best=best, value=value)


def attend_reason(world: World, c: str, forum: str, yes: bool, gain: float, fear: float, bias: float,
                  neutral_bloc: bool = False, closed_until: int = 0) -> Msg:
    """Why `c` attends a summit or stays away, naming the term that decided it."""
    cn, fn = P(world, c), F(world, forum)
    if neutral_bloc:
        return msg("ai.attend.neutral", who=cn, forum=fn)
    if closed_until:
        return msg("ai.attend.closed", who=cn, forum=fn, year=closed_until)
    weighed = msg("ai.attend.gain_wins" if gain > fear else "ai.attend.fear_wins", gain=gain, fear=fear)
    verb = "yes" if yes else "no"
    if yes == (gain > fear):
        lean = "_seen" if bias > 0 and yes else "_aside" if bias < 0 and not yes else ""
        return msg(f"ai.attend.{verb}{lean}", who=cn, forum=fn, weighed=weighed)
    return msg(f"ai.attend.{verb}_although", who=cn, forum=fn, weighed=weighed)
