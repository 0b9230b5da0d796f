"""Contracts have a price on both sides, paid every year and weighed over their whole life.

Payment: each year the buyer of contract k pays `due = units x price x f x grade` (units
shipped, f its price factor, grade from the refining rule) to the seller; the goods,
sold on at home at the world price, return `resale x units x price x grade` to the
buyer's treasury, so the treasury carries `net = due - resale x units x price x grade`.
A buyer whose treasury cannot cover `net` pays what it has and defaults: the contract's
status becomes "defaulted" (it ships no more), the seller's revenue loses the unpaid
part and its trust in the buyer falls by `contracts.default_trust`.
Whole life: a yearly amount x over n contract years is worth `x x A(n)`, with the
annuity factor `A(n) = sum_{t<n} (1 + contracts.discount)^-t`. A contract runs at most
`contracts.max_years` years.
Sources: 001_78d6b60161a582b5.txt (resource diplomacy: supply bought with long-term
commitments), 004_a1b4f633fd039a28.txt (a route's economics decide what a contract earns).
"""
from __future__ import annotations

from game.model import Contract, World
from game.model.memo import Memo, ids
from game.model.ops import add_treasury, evolve, put
from game.rules import refining
from game.rules.influence import add_trust
from game.rules.log import Entry
from game.text import power, resource

DEFAULTED = "defaulted"


def annuity(world: World, years: float) -> float:
    """Present value of 1 a year for `years` years, the first year undiscounted."""
    n = max(0, int(years))
    keep = 1.0 / (1.0 + world.param("contracts.discount"))
    return float(n) if keep >= 1.0 else (1.0 - keep ** n) / (1.0 - keep)


def value(world: World, con: Contract, units: float) -> float:
    """US$ bn of `units` of the contract's goods at the world price and the seller's grade."""
    return units * world.prices[con.resource] * refining.grade(world, con.seller, con.resource)


def due(world: World, con: Contract, units: float) -> float:
    """What the buyer owes the seller for `units` delivered under `con`."""
    return value(world, con, units) * con.price_factor


def net_cost(world: World, con: Contract, units: float) -> float:
    """What the buyer's treasury carries for `units`: the bill less the goods' resale at home."""
    return due(world, con, units) - world.param("contracts.resale") * value(world, con, units)


def pay(world: World, con: Contract, units: float) -> tuple[World, float]:
    """The buyer pays for one year's deliveries; (world, unpaid US$ bn) - unpaid > 0 means a default."""
    cost = net_cost(world, con, units)
    cash = world.powers[con.buyer].treasury
    if cost <= cash + 1e-9:
        return add_treasury(world, con.buyer, -cost), 0.0
    paid = max(0.0, cash)
    world = add_treasury(world, con.buyer, -paid)
    world = add_trust(world, con.seller, con.buyer, -world.param("contracts.default_trust"))
    world = evolve(world, contracts=put(world.contracts, con.id, evolve(con, status=DEFAULTED)))
    return world, cost - paid


def collect(world: World, shipped: dict) -> tuple[World, dict, list[Entry]]:
    """Every buyer pays for what it received; (world, unpaid by seller, defaults logged)."""
    unpaid: dict[str, float] = {}
    log: list[Entry] = []
    for cid, units in shipped.items():
        con = world.contracts.get(cid)
        if con is None or units <= 0 or con.buyer not in world.powers:
            continue
        world, short = pay(world, con, units)
        if short > 0:
            unpaid[con.seller] = unpaid.get(con.seller, 0.0) + short
            log.append(Entry.of(world, con.buyer, "log.contract_default", rule="contracts", terms={"unpaid": short},
                                buyer=power(world, con.buyer), short=short, seller=power(world, con.seller),
                                resource=resource(con.resource)))
    return world, unpaid, log


_BILLS = Memo(16)  # (buyer, the mappings a bill reads) -> its yearly bill (a 3-year normal game reused the 3 latest)


def yearly_bill(world: World, p: str) -> float:
    """What p's treasury carries a year for all its active contracts at their full volumes (worked out once per
    contracts, prices, economies and rules mappings: an AI appraises many offers in one World)."""
    kept = (world.contracts, world.prices, world.economies, world.rules)
    return _BILLS.get((p, ids(kept)), kept, lambda: _bill(world, p))


def _bill(world: World, p: str) -> float:
    """`yearly_bill`, worked out."""
    return sum(net_cost(world, con, con.volume) for con in world.contracts.values() if con.buyer == p and active(con))


def active(con: Contract) -> bool:
    """Whether a contract still binds its parties (not defaulted)."""
    return con.status != DEFAULTED
