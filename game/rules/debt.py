"""Debt restructuring: a Central Asian state asks a great-power creditor to write down or reschedule its loans.

A state c that owes a great power p (loans delivered as aid, rule economy) asks in an
offer for a write-down (offer item `writedown/amount`, at most what c owes p) or a
rescheduling (item `grace/years`, at most `debt.max_grace`: no interest or principal on
c's debt to p is due for that many years, this one included); p accepts, counters or
refuses like any offer. When p grants it:

    write-down: debt[c, p] -= amount
    grace:      no service on debt[c, p] until year + years - 1 (then it resumes, unchanged)
    both:       I[c, p] += debt.goodwill x relief / sqrt(GDP[c]), trust[c, p] += debt.trust_gain

where relief is the amount written off, or the interest forgone in the grace
`years x economy.interest x debt[c, p]` (the principal is repaid later). The creditor gives up the
repayments (its treasury receives less, rule economy); the debtor's treasury keeps them
and its debt-to-GDP ratio (the `debt_safe` agenda term) improves; the goodwill and trust
raise the creditor's standing and credibility with the state.
Creditors have traded relief for political support: Russia wrote off Kyrgyzstan's
US$ 0.5bn in 2012 beside the Kant air base, China took land from Tajikistan for debt in
2011 (public record); the menu's requests come plain and with a statement of support.
Sources: 001_78d6b60161a582b5.txt (ODA loans dominate Japan's aid to the region: 98.7 bn yen
of loans in 2014 against 6.9 bn of grants), 000_81351d1bb27a5d01.txt (the states take money
from every side), SCENARIO_DATA.md (Oct 2015 pledge to Uzbekistan: 12 bn yen of its 12.7 bn in
loans); the scenarios' debts to China Exim (Kyrgyzstan, Tajikistan).
"""
from __future__ import annotations

from game.model import Item, World
from game.model.ops import put, with_economy
from game.rules import hedging
from game.rules.influence import add_trust, per_gdp


def owed(world: World, c: str, p: str) -> float:
    """US$ bn c owes creditor p."""
    return world.economies[c].debt.get(p, 0.0) if c in world.economies else 0.0


def in_grace(world: World, c: str, p: str) -> bool:
    """Whether c's debt to p is in a grace period this year."""
    return world.economies[c].grace.get(p, 0) >= world.year


def forgone(world: World, c: str, p: str, years: int) -> float:
    """US$ bn of interest creditor p forgoes in a grace of `years` on c's debt: `years x economy.interest x debt`
    (the principal is only repaid later)."""
    return years * world.param("economy.interest") * owed(world, c, p)


def relief(world: World, c: str, p: str, item: Item) -> float:
    """US$ bn of relief an item gives c: the amount written off, or the service a grace defers."""
    if item.kind == "writedown":
        return min(item.amount, owed(world, c, p))
    if item.kind == "grace":
        return forgone(world, c, p, item.years)
    return 0.0


def goodwill(world: World, c: str, p: str, item: Item) -> float:
    """Influence creditor p wins in c by granting the item: `debt.goodwill x relief / sqrt(GDP)`."""
    return world.param("debt.goodwill") * per_gdp(world, c, relief(world, c, p, item))


def grant(world: World, p: str, c: str, item: Item) -> World:
    """Creditor p grants c a write-down or a grace: the debt or its service changes; p wins goodwill and trust."""
    gain = goodwill(world, c, p, item)
    eco = world.economies[c]
    if item.kind == "writedown":
        world = with_economy(world, c, debt=put(eco.debt, p, max(0.0, owed(world, c, p) - item.amount)))
    else:
        last = max(eco.grace.get(p, 0), world.year + item.years - 1)
        world = with_economy(world, c, grace=put(eco.grace, p, last))
    world = hedging.win(world, c, p, gain)
    return add_trust(world, c, p, world.param("debt.trust_gain"))


def standard_requests(world: World, c: str, p: str) -> tuple[Item, ...]:
    """The relief the menu lets c ask of creditor p: a write-down of `debt.writedown_share` of the debt,
    and a grace of `debt.grace_years` (none when c owes p nothing or is already in grace)."""
    debt = owed(world, c, p)
    if debt <= 0.001:
        return ()
    out = [Item("writedown", amount=round(debt * world.param("debt.writedown_share"), 3))]
    if not in_grace(world, c, p):
        out.append(Item("grace", years=int(world.param("debt.grace_years"))))
    return tuple(out)
