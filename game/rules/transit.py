"""Transit consent and fees: a corridor that crosses a Central Asian state needs its consent and pays its fee.

Transit states of corridor k: the C5 states on `k.path`. Each charges exporters upstream
of it `fee[k, c] = k.transit[c]` (the corridor's base `k.fee` until it sets its own) per
unit carried; it may set that fee each year within `0 .. transit.max_multiple x
max(k.fee, transit.min_base)`. A planned corridor can be built only once every transit
state other than the builder has consented (operating and building ones were agreed
before the game). A state gives consent as an offer item, naming the fee it will charge,
and asks a price for it: the hold-out value `transit.holdout x build_cost / n`, n the
number of transit states, less the fees it expects over `transit.horizon` years at
`transit.expected_use` of capacity, never below 0. A great power whose market the route
reaches values each consent at `transit.builder_value` times that hold-out value. Several
consents can be bought in one multi-party deal (a consortium), binding only if all accept.
Sources: 004_a1b4f633fd039a28.txt (transit through one neighbour is leverage; Kazakhstan
will not let a neighbour hold its lifeline), 002_b2119cfe6ca6f9f4.txt (the
China-Kyrgyzstan-Uzbekistan railway waits on its transit states' agreement).
"""
from __future__ import annotations

from game.model import C5, Corridor, World


def transit_states(world: World, k: Corridor) -> tuple[str, ...]:
    """The Central Asian states on k's path, in path order."""
    return tuple(c for c in k.path if c in world.powers and world.powers[c].kind == C5)


def upstream(world: World, k: Corridor, c: str) -> tuple[str, ...]:
    """The Central Asian exporters upstream of c on k: those that pay c's fee."""
    states = transit_states(world, k)
    return states[:states.index(c)] if c in states else ()


def fee_of(world: World, k: Corridor, holder: str) -> float:
    """Fee per unit `holder` charges on k: its own transit fee if it set one, else the base fee."""
    return k.transit.get(holder, k.fee)


def fee_cap(world: World, k: Corridor) -> float:
    """The highest transit fee a state may charge on k."""
    return world.param("transit.max_multiple") * max(k.fee, world.param("transit.min_base"))


def needs_consent(k: Corridor) -> bool:
    """Whether k still needs its transit states' consent (only a planned corridor does)."""
    return k.status == "planned"


def missing_consent(world: World, k: Corridor, builder: str = "") -> tuple[str, ...]:
    """Transit states that have not yet agreed to k being built (the builder's own consent is implied)."""
    if not needs_consent(k):
        return ()
    return tuple(c for c in transit_states(world, k) if c != builder and c not in k.consents)


def expected_fees(world: World, k: Corridor, c: str, fee: float) -> float:
    """Fees (US$ bn) c expects from k over the horizon at `fee` a unit, if k carries the expected share of capacity."""
    return fee * k.capacity * world.param("transit.expected_use") * world.param("transit.horizon")


def consent_price(world: World, c: str, k: Corridor, fee: float) -> float:
    """What c asks (US$ bn) for agreeing to k crossing it at `fee`: its hold-out value less the fees it expects."""
    n = max(1, len(transit_states(world, k)))
    holdout = world.param("transit.holdout") * k.build_cost / n
    return max(0.0, holdout - expected_fees(world, k, c, fee))
