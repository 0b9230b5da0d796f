"""Reasons in words: the rule terms behind an AI choice rendered as one or two plain sentences."""
from __future__ import annotations

from game.model import World
from game.rules import actions as A
from game.rules.play import describe_offer, name

TERM_TEXT = {
    "supply_security": "its supply security", "influence": "its mean influence share in Central Asia",
    "un_support": "the share of states likely to back its UN bid", "credibility": "the trust the region has in it",
    "treasury": "the money it keeps", "trade": "its trade with Central Asia",
    "route_capacity": "route capacity into its market", "energy_from_c5": "the energy it gets from Central Asia",
    "stability": "stability", "rivals_low": "its rivals' absence", "transit_income": "its transit income",
    "transit_fees": "the transit fees it earns",
    "forum_members": "the share of states in its forums", "gdp_growth": "its growth",
    "autonomy": "its autonomy", "export_diversity": "the spread of its export routes",
    "debt_safe": "its debt headroom", "outsiders_low": "the outside powers' absence",
}
AID_TEXT = {"grant": "grant", "tc": "technical cooperation", "loan": "loan"}


def phrase(world: World, a: A.Action) -> str:
    """What the action does, as a verb phrase."""
    if isinstance(a, A.Aid):
        return f"pledges ${a.amount:g}bn {AID_TEXT.get(a.kind, a.kind)} to {name(world, a.target)}"
    if isinstance(a, A.Propose):
        from game.model import Offer
        return f"offers {name(world, a.target)} a deal ({describe_offer(Offer('', a.actor, a.target, a.gives, a.asks, 0))})"
    if isinstance(a, A.Counter):
        return "counters with a better deal"
    if isinstance(a, A.Pact):
        return f"proposes one deal to {', '.join(name(world, p.party) for p in a.parts)}, binding only if all accept"
    if isinstance(a, A.Summit):
        return f"convenes {world.forums[a.forum].name} at {'leaders' if a.level == 2 else 'ministers'}' level"
    if isinstance(a, (A.Build, A.Upgrade)):
        return f"{'starts building' if isinstance(a, A.Build) else 'upgrades'} {world.corridors[a.corridor].name}"
    if isinstance(a, A.Develop):
        return f"develops {a.resource.replace('_', ' ')} in {name(world, a.target)}"
    if isinstance(a, A.Refine):
        return f"builds rare-earth refining in {name(world, a.target)}"
    if isinstance(a, (A.Join, A.Leave)):
        return f"{a.verb}s {world.forums[a.forum].name}"
    if isinstance(a, A.Policy):
        bits = [x for x in (name(world, a.target) if a.target else "", a.resource.replace("_", " "), a.corridor) if x]
        return f"plays {a.card.replace('_', ' ')}" + (f" ({', '.join(bits)})" if bits else "")
    if isinstance(a, A.Tariff):
        return f"sets its transit fee on {world.corridors[a.corridor].name} to ${a.fee:g}bn a unit"
    if isinstance(a, A.Water):
        r = world.rivers[a.river]
        return f"{'holds' if a.hold else 'releases'} the {r.name} {'for winter power' if a.hold else 'for the harvest'}"
    return "ends its turn"


def term_change(before: dict, after: dict, weights: dict) -> list[tuple[str, float, float, float]]:
    """Agenda terms that moved, as (term, before, after, weighted change), biggest first."""
    moved = [(t, before[t], after[t], weights.get(t, 0.0) * (after[t] - before[t])) for t in after if t in before]
    return sorted((m for m in moved if abs(m[3]) > 1e-6), key=lambda m: -abs(m[3]))


def action_reason(world: World, me: str, a: A.Action, terms: dict) -> str:
    """One or two sentences: what `me` does and the terms that made it worth doing."""
    who = name(world, me)
    lead = f"{who} {phrase(world, a)}"
    if terms.get("script"):
        return f"{lead}, as in history: {terms['script']}"
    if "card_rule" in terms:
        return f"{lead}: {terms['card_rule']}."
    parts = []
    for t, b, af, _ in terms.get("moved", [])[:2]:
        verb = "rise" if af > b else "fall"
        fmt = ".0%" if f"{b:.0%}" != f"{af:.0%}" else ".1%"
        parts.append(f"{TERM_TEXT.get(t, t)} would {verb} from {b:{fmt}} to {af:{fmt}}")
    if terms.get("chance", 1.0) < 0.999:
        parts.append(f"if it comes about ({terms['chance']:.0%} likely)")
    body = ", ".join(parts) if parts else "it keeps its position"
    habit = terms.get("habit_text", "")
    cost = terms.get("spent", 0.0)
    tail = f" for ${cost:.2f}bn" if cost > 0.005 else ""
    return f"{lead}: {body}{tail}" + (f"; {habit}." if habit else ".")


def end_reason(world: World, me: str, best: str, value: float) -> str:
    """Why `me` ends its turn."""
    who = name(world, me)
    if not best:
        return f"{who} ends its turn: it has nothing left to do."
    return f"{who} ends its turn: its best remaining move ({best}) is not worth it ({value:+.2f})."


def attend_reason(world: World, c: str, forum: str, yes: bool, gain: float, fear: float, bias: float,
                  neutral_bloc: bool = False, closed_until: int = 0) -> str:
    """Why `c` attends a summit or stays away, naming the term that decided it."""
    cn, fn = name(world, c), world.forums[forum].name
    if neutral_bloc:
        return f"{cn} stays away from {fn}: it keeps its neutrality and joins no bloc."
    if closed_until:
        return f"{cn} stays away from {fn}: it keeps to itself until {closed_until}."
    weighed = (f"the expected gain ({gain:.3f}) outweighs rivals' feared displeasure ({fear:.3f})" if gain > fear
               else f"rivals' feared displeasure ({fear:.3f}) outweighs the expected gain ({gain:.3f})")
    if yes == (gain > fear):
        lean = (", and it likes to be seen taking part" if bias > 0 and yes else
                ", and it prefers not to be seen taking sides" if bias < 0 and not yes else "")
        return f"{cn} {'attends' if yes else 'stays away from'} {fn}: {weighed}{lean}."
    if yes:
        return f"{cn} attends {fn} although {weighed}: it likes to be seen taking part."
    return f"{cn} stays away from {fn} although {weighed}: it prefers not to be seen taking sides."
