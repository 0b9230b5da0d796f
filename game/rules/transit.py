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
Traffic answers the fee (rule `transit.elasticity`): of what an exporter would send over k,
it sends `throughput = prod_d max(0, 1 - e x max(0, fee[k, d] / base[k] - 1))` over its C5
tollkeepers d, `base[k] = max(k.fee, transit.min_base)`, e = `transit.elasticity`; the rest
looks for another route or stays unsold. A state's fee income `fee x V x (1 - e(fee/base - 1))`
is largest at `fee = base x (1 + e) / (2e)`: a fee at the cap drives the cargo away.
Sources: 004_a1b4f633fd039a28.txt (transit through one neighbour is leverage; Kazakhstan
will not let a neighbour hold its lifeline; exporters take the cheaper route as long as it
is cheaper), 002_b2119cfe6ca6f9f4.txt (the China-Kyrgyzstan-Uzbekistan railway waits on its
transit states' agreement), 003_7a4fb393b3879089.txt (buyers turn to other sources when one
grows dear).
"""
from __future__ import annotations

from game.model import C5, Corridor, World


_C5_OF: list = [None, frozenset()]  # memo: the last powers mapping seen and its Central Asian states
_ON_PATH: dict = {}  # memo: (path, Central Asian states) -> the transit states on that path


def transit_states(world: World, k: Corridor) -> tuple[str, ...]:
    """The Central Asian states on k's path, in path order."""
    powers = world.powers
    if _C5_OF[0] is not powers:  # mappings are never mutated, so identity is a safe key
        _C5_OF[:] = [powers, frozenset(c for c, pw in powers.items() if pw.kind == C5)]
    key = (k.path, _C5_OF[1])
    states = _ON_PATH.get(key)
    if states is None:
        if len(_ON_PATH) > 4096:  # a bound no real game reaches (corridors x scenarios)
            _ON_PATH.clear()
        states = _ON_PATH[key] = tuple(c for c in k.path if c in key[1])
    return states


def upstream(world: World, k: Corridor, c: str) -> tuple[str, ...]:
    """The Central Asian exporters upstream of c on k: those that pay c's fee."""
    states = transit_states(world, k)
    return states[:states.index(c)] if c in states else ()


def fee_of(world: World, k: Corridor, holder: str) -> float:
    """Fee per unit `holder` charges on k: its own transit fee if it set one, else the base fee."""
    return k.transit.get(holder, k.fee)


def fee_cap(world: World, k: Corridor) -> float:
    """The highest transit fee a state may charge on k."""
    return world.param("transit.max_multiple") * base_fee(world, k)


def base_fee(world: World, k: Corridor) -> float:
    """The fee a transit state's own fee is measured against: k's base fee, at least `transit.min_base`."""
    return max(k.fee, world.param("transit.min_base"))


def throughput(world: World, k: Corridor, exporter: str) -> float:
    """Share of what `exporter` would send over k that it still sends at the C5 tollkeepers' fees (0..1)."""
    e, base, kept = world.param("transit.elasticity"), base_fee(world, k), 1.0
    states = transit_states(world, k)
    for d in states:
        if exporter in states[:states.index(d)]:  # upstream(world, k, d), the states worked out once
            kept *= max(0.0, 1.0 - e * max(0.0, fee_of(world, k, d) / base - 1.0))
    return kept


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
