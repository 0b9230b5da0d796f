"""Water and hydro-power: upstream states hold water for winter power; downstream farms go dry.

Each river r has upstream states (dams: Toktogul and Kambarata on the Syr Darya, Nurek and
Rogun on the Amu Darya) and downstream states. An upstream state u chooses each year to
release water in summer (the default) or hold it for winter hydro-power. The effect on output
is a level, not a yearly gain: while u holds r, u's GDP is `hydro[r]` US$ bn higher (power sold
and imports saved) and every downstream state d's GDP `farm_loss[r, d]` lower (a share) than
it would otherwise be. The year u begins to hold, u's GDP is multiplied by
`a = 1 + hydro[r] / GDP[u]` (a is remembered in the river) and each d's by `1 - farm_loss[r, d]`;
the year u releases, they are divided by the same factors (`/ a`, `/ (1 - farm_loss[r, d])`),
so a hold then a release leaves every GDP where a river never held leaves it (a GDP never falls
below 0.01). Each year u holds r its stability rises by `water.power_stability` and every
downstream state's falls by `water.farm_stability` (stability reverts towards normal, so a long
hold settles at a fixed gap). Downstream
states buy a release with a water deal: u promises to release r for some years (offer item
`water/r/years`), d pays in winter energy (offer item `energy/amount`, US$ bn from its
treasury to u's). While a promise runs u cannot hold r.
Sources: 002_b2119cfe6ca6f9f4.txt (energy projects in Uzbekistan and Tajikistan),
004_a1b4f633fd039a28.txt (a neighbour holding a lifeline is leverage); SCENARIO_DATA.md
(Rogun 3,600 MW, Kambarata-1 1,860 MW shared by Kyrgyzstan, Kazakhstan and Uzbekistan).
"""
from __future__ import annotations

from game.model import River, World
from game.model.ops import add_treasury, clamp, drop, evolve, put, with_economy
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


def scale_gdp(world: World, c: str, factor: float) -> World:
    """The world with c's GDP multiplied by `factor` (never below the floor)."""
    return with_economy(world, c, gdp=gdp_floor(world.economies[c].gdp * factor))


def shift(world: World, rid: str, u: str, sign: float = 1.0) -> World:
    """u's hold of river rid takes effect on output (sign -1: it is undone, by the very factors it applied):
    u's GDP x a (a = 1 + hydro/GDP, remembered), each downstream GDP x (1 - farm_loss)."""
    r = world.rivers[rid]
    if (sign > 0) == (u in r.applied):  # already in effect, or nothing to undo
        return world
    if sign > 0:
        a = 1 + r.hydro / world.economies[u].gdp
        world = scale_gdp(world, u, a)
        for d, loss in r.farm_loss.items():
            world = scale_gdp(world, d, 1 - loss)
        return with_river(world, rid, applied=put(r.applied, u, a))
    world = scale_gdp(world, u, 1 / r.applied[u])
    for d, loss in r.farm_loss.items():
        world = scale_gdp(world, d, 1 / (1 - loss))
    return with_river(world, rid, applied=drop(r.applied, u))


def strain(world: World, rid: str, u: str) -> World:
    """A year of u holding river rid: u's stability rises with its winter power, the downstream states' falls."""
    r = world.rivers[rid]
    eco = world.economies[u]
    world = with_economy(world, u, stability=clamp(eco.stability + world.param("water.power_stability"), 0, 100))
    for d in r.downstream:
        e = world.economies[d]
        world = with_economy(world, d, stability=clamp(e.stability - world.param("water.farm_stability"), 0, 100))
    return world


def flow(world: World) -> World:
    """The year's water: a hold begun takes effect, a hold ended is undone, every hold strains stability."""
    for rid in tuple(world.rivers):
        for u in world.rivers[rid].upstream:
            world = shift(world, rid, u, 1.0 if holds(world.rivers[rid], u) else -1.0)
        for u in world.rivers[rid].held:
            world = strain(world, rid, u)
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
    """US$ bn a release promise by u of `years` is worth to c, counting only years not yet promised: while
    held, the river keeps downstream GDP `farm_loss x GDP` lower and upstream GDP `hydro` higher, so each year
    released is downstream `farm_loss x GDP` of harvest saved, upstream `hydro` of power forgone (negative)."""
    r = world.rivers[rid]
    added = new_years(world, r, u or r.upstream[0], years)
    if c in r.downstream:
        return added * r.farm_loss[c] * world.economies[c].gdp
    if c in r.upstream:
        return -added * r.hydro
    return 0.0
