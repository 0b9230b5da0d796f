"""Water and hydro-power: upstream states hold water for winter power; downstream farms go dry.

Each river r has upstream states (dams: Toktogul and Kambarata on the Syr Darya, Nurek and
Rogun on the Amu Darya) and downstream states. An upstream state u chooses each year to
release water in summer (the default) or hold it for winter hydro-power. For each year u
holds r: u's GDP grows by `hydro[r]` US$ bn (power sold and imports saved) and its
stability rises by `water.power_stability`; every downstream state d loses
`farm_loss[r, d] x GDP[d]` of output and `water.farm_stability` of stability (a GDP never
falls below 0.01). Downstream
states buy a release with a water deal: u promises to release r for some years (offer item
`water/r/years`), d pays in winter energy (offer item `energy/amount`, US$ bn from its
treasury to u's). While a promise runs u cannot hold r.
Sources: 002_b2119cfe6ca6f9f4.txt (energy projects in Uzbekistan and Tajikistan),
004_a1b4f633fd039a28.txt (a neighbour holding a lifeline is leverage); SCENARIO_DATA.md
(Rogun 3,600 MW, Kambarata-1 1,860 MW shared by Kyrgyzstan, Kazakhstan and Uzbekistan).
"""
from __future__ import annotations

from game.model import River, World
from game.model.ops import add_treasury, clamp, evolve, put, with_economy
from game.rules.economy import gdp_floor


def with_river(world: World, rid: str, **changes) -> World:
    """The world with one river's fields changed."""
    return evolve(world, rivers=put(world.rivers, rid, evolve(world.rivers[rid], **changes)))


def holds(river: River, u: str) -> bool:
    """Whether upstream state u holds the river's water this year."""
    return u in river.held


def promised(world: World, river: River, u: str) -> bool:
    """Whether u has promised to release the river this year."""
    return river.promises.get(u, 0) >= world.year


def shift(world: World, rid: str, u: str, sign: float = 1.0) -> World:
    """The year's effect of u holding river rid (sign -1 undoes it): u's power gain, the downstream farms' loss."""
    r = world.rivers[rid]
    eco = world.economies[u]
    world = with_economy(world, u, gdp=gdp_floor(eco.gdp + sign * r.hydro),
                         stability=clamp(eco.stability + sign * world.param("water.power_stability"), 0, 100))
    for d in r.downstream:
        e = world.economies[d]
        world = with_economy(world, d, gdp=gdp_floor(e.gdp * (1 - sign * r.farm_loss[d])),
                             stability=clamp(e.stability - sign * world.param("water.farm_stability"), 0, 100))
    return world


def flow(world: World) -> World:
    """The year's water: each river's holding upstream states gain power, its downstream states lose harvests."""
    for rid, r in world.rivers.items():
        for u in r.held:
            world = shift(world, rid, u)
    return world


def set_hold(world: World, rid: str, u: str, hold: bool) -> World:
    """u holds (or releases) river rid from now on."""
    r = world.rivers[rid]
    held = tuple(x for x in r.upstream if (x == u and hold) or (x != u and x in r.held))
    return with_river(world, rid, held=held)


def promise(world: World, rid: str, u: str, years: int) -> World:
    """u promises to release river rid for `years` years from this one."""
    world = set_hold(world, rid, u, False)
    r = world.rivers[rid]
    return with_river(world, rid, promises=put(r.promises, u, max(r.promises.get(u, 0), world.year + years - 1)))


def pay_energy(world: World, giver: str, taker: str, amount: float) -> World:
    """Winter fuel and power worth `amount` US$ bn move from giver's treasury to taker's."""
    return add_treasury(add_treasury(world, giver, -amount), taker, amount)


def new_years(world: World, r: River, u: str, years: int) -> int:
    """Years a promise of `years` from now adds beyond what u has already promised on r."""
    already = max(r.promises.get(u, 0), world.year - 1)
    return max(0, world.year + years - 1 - already)


def release_worth(world: World, rid: str, c: str, years: int, u: str = "") -> float:
    """US$ bn a release promise by u of `years` is worth to c, counting only years not yet promised:
    downstream, `farm_loss x GDP` a year of harvest saved; upstream, `hydro` a year of power forgone (negative)."""
    r = world.rivers[rid]
    added = new_years(world, r, u or r.upstream[0], years)
    if c in r.downstream:
        return added * r.farm_loss[c] * world.economies[c].gdp
    if c in r.upstream:
        return -added * r.hydro
    return 0.0
