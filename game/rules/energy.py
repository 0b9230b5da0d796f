"""Rule 9, energy security: risky sources lower a buyer's security; C5 supply raises it.

Security of p in r: `S = 1 - sum_src exposure[src] x (1 - covered) x risk[src]`, where
exposure comes from p's sources table (Japan oil: Middle East 0.73, Malacca 0.8),
`covered` is the share of demand met by secure C5 deliveries and alternative
programmes, and risk[src] is `energy.risk_weight x` the world risk of that name (Middle East, Malacca,
...), or for a great power the tension with it (the strength of its export controls
while they are in force); for rare earths from a source that is not a great power, the share
refined in the great powers' refineries carries their risk (rule 7). Value factor of C5 supply:
`1 + energy.premium x sum_src exposure[src] x risk[src]` over the world risks (the Middle
East and Malacca), used by the valuation rule to price a contract's supply security.
Source: 001_78d6b60161a582b5.txt (Japan's oil ~73% Middle Eastern through Malacca).
"""
from __future__ import annotations

from game.model import World
from game.model.memo import Memo, ids
from game.model.ops import clamp, with_powers
from game.rules import dependence, refining

_TABLES = Memo(512)  # a power's security inputs -> its security table (a hard year reused its 314th latest when deliveries were
# keyed by their mapping, its 40th since they are keyed by their amounts; the first full 2015 year of eight hard seats
# its 221st, session 16)


def covered(world: World, p: str, r: str) -> float:
    """Share of p's demand for r met by secure C5 supply and alternatives."""
    demand = world.powers[p].demand.get(r, 0.0)
    if demand <= 0:
        return 1.0
    got = world.received.get(p, {}).get(r, 0.0)
    return clamp(got / demand + dependence.alternative_share(world, p, r))


def refiners_risk(world: World, p: str, r: str) -> float:
    """Exposure-weighted risk of the great powers among p's sources of r (0 when there are none)."""
    exposure = world.powers[p].sources.get(r, {})
    great = {q: share for q, share in exposure.items() if q in world.powers and q != p}
    total = sum(great.values())
    return sum(share * dependence.source_risk(world, p, r, q) for q, share in great.items()) / total if total else 0.0


def source_risk(world: World, p: str, r: str, src: str) -> float:
    """How risky one source of p's supply of r is now; ore from a source outside the great powers that
    passes their refineries carries their risk for that share (rule 7, `refining.outside_refined`)."""
    if src in world.powers:
        return dependence.source_risk(world, p, r, src)
    own = world.param("energy.risk_weight") * world.risks.get(src, 0.0)
    g = refining.outside_refined(world, r)
    return (1 - g) * own + g * refiners_risk(world, p, r) if g > 0 else own


def security(world: World, p: str, r: str) -> float:
    """p's supply security in r, 0..1."""
    open_share = 1 - covered(world, p, r)
    exposure = world.powers[p].sources.get(r, {})
    return clamp(1 - sum(share * open_share * source_risk(world, p, r, src) for src, share in exposure.items()))


def value_factor(world: World, p: str, r: str) -> float:
    """How much more p values C5 supply of r while the Middle East and Malacca are risky."""
    exposure = world.powers[p].sources.get(r, {})
    risky = sum(share * world.risks.get(src, 0.0) for src, share in exposure.items() if src not in world.powers)
    return 1 + world.param("energy.premium") * risky


def table(world: World, p: str) -> dict:
    """p's security in each good it demands (the same table again for the same inputs: its
    demand and sources, its deliveries, the policies, tensions, risks, rules and year). The deliveries
    are keyed by their amounts, not by their mapping: every resolution makes new mappings, and a
    projection that moves one buyer's goods leaves the others' amounts as they were."""
    power = world.powers[p]
    kept = (power.demand, power.sources, world.policies, world.tension, world.risks, world.rules)
    got = tuple(world.received.get(p, {}).items())
    return _TABLES.get((p, world.year, ids(kept), got, tuple(world.powers)), kept,
                       lambda: {r: security(world, p, r) for r in power.demand})


def refresh(world: World) -> World:
    """The world with each great power's supply security worked out from the current deliveries
    (a power whose table is already the one on record keeps its record)."""
    tables = {p: table(world, p) for p in world.great_powers()}
    return with_powers(world, {p: {"security": sec} for p, sec in tables.items() if world.powers[p].security is not sec})
