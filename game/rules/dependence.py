"""Rule 6, weaponised dependence: controls and transit pressure, and their price.

Export controls by q on good r to p: p's deliveries of r over corridors q controls are
cut by `control_strength`, and the risk of sourcing r from q becomes `control_strength`,
so p's security falls by the share it sourced from q. Transit pressure by a corridor's
controller closes it for `control_years`. Either costs the actor
`coercion_cost` trust in every C5 state, drains `diversify_push` of its influence to
others, and raises every exporter's wish to diversify. Alternatives come slowly and
dearly: deep-sea rare earths after `deep_sea_years` at `deep_sea_cost` x cost,
recycling from `recycling_year` at `recycling_cost` x cost, each covering up to
`alternative_share` of demand.
Sources: 003_7a4fb393b3879089.txt (export controls, Minamitorishima, recycling, G7),
004_a1b4f633fd039a28.txt (transit through one neighbour is leverage).
"""
from __future__ import annotations

from game.model.ops import evolve

from game.model import Corridor, Policy, World, tension_key
from game.model.ops import clamp, put
from game.rules.influence import add_influence, add_trust

CONTROLS = "export_controls"
PRESSURE = "transit_pressure"
PROGRAMMES = {"deep_sea": ("dependence.deep_sea_years", "dependence.deep_sea_cost"),
              "recycling": ("", "dependence.recycling_cost")}


def controls(world: World, actor: str, target: str, r: str) -> bool:
    """Whether `actor` has export controls on `r` to `target` in force."""
    return any(pol.card == CONTROLS and pol.actor == actor and pol.target == target
               and pol.resource in ("", r) for pol in world.policies.values())


def cut_share(world: World, k: Corridor, r: str, buyer: str) -> float:
    """Share of a delivery of `r` to `buyer` over `k` stopped by a controller's export controls."""
    if any(controls(world, ctl, buyer, r) for ctl in k.controllers):
        return world.param("dependence.control_strength")
    return 0.0


def source_risk(world: World, p: str, r: str, q: str) -> float:
    """Risk of sourcing `r` from great power `q`: tension, or control strength under controls."""
    base = world.tension.get(tension_key(p, q), 0.0)
    return max(base, world.param("dependence.control_strength")) if controls(world, q, p, r) else base


def programme_online(world: World, pol: Policy) -> bool:
    """Whether an alternative-supply programme yields this year."""
    if pol.card == "deep_sea":
        return world.year >= pol.started + world.param("dependence.deep_sea_years")
    if pol.card == "recycling":
        return world.year >= world.param("dependence.recycling_year")
    return False


def alternative_share(world: World, p: str, r: str) -> float:
    """Share of p's demand for r covered by its alternative programmes now online."""
    online = [pol for pol in world.policies.values()
              if pol.actor == p and pol.card in PROGRAMMES and pol.resource == r and programme_online(world, pol)]
    return clamp(len(online) * world.param("dependence.alternative_share"))


def programme_cost(world: World, pol: Policy) -> float:
    """Yearly US$ bn an online programme costs above buying the same supply."""
    demand = world.powers[pol.actor].demand.get(pol.resource, 0.0)
    covered = demand * world.param("dependence.alternative_share")
    multiple = world.param(PROGRAMMES[pol.card][1])
    return covered * world.prices.get(pol.resource, 0.0) * (multiple - 1)


def coerce(world: World, actor: str) -> World:
    """The price of coercion: trust and influence lost everywhere, exporters diversify."""
    trust_cost = world.param("dependence.coercion_trust")
    drain = world.param("dependence.diversify_push")
    for c in world.economies:
        lost = world.influence[c].get(actor, 0.0) * drain
        world = add_trust(world, c, actor, -trust_cost)
        world = add_influence(world, c, actor, -lost)
        world = add_influence(world, c, "others", lost)
        eco = world.economies[c]
        world = evolve(world, economies=put(world.economies, c, evolve(eco, diversify=clamp(eco.diversify + drain * 4))))
    return world


def exposure(world: World, target: str, actor: str, r: str) -> float:
    """Share of target's supply of r that it sources from actor (for reasons and the AI)."""
    return world.powers[target].sources.get(r, {}).get(actor, 0.0)


def leverage(world: World, actor: str, c: str) -> float:
    """How much a C5 state's exports depend on routes `actor` controls (0..1)."""
    by_route = world.exports.get(c, {})
    total = sum(by_route.values())
    if total <= 0:
        return 0.0
    held = sum(v for kid, v in by_route.items() if actor in world.corridors[kid].controllers)
    return held / total


def market_share(world: World, actor: str, c: str) -> float:
    """actor's share of c's trade (for the dependence term of backlash)."""
    row = world.trade.get(c, {})
    total = sum(row.values())
    return row.get(actor, 0.0) / total if total > 0 else 0.0
