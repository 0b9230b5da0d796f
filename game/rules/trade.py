"""Goods trade and remittances: everything a state trades besides resource contracts.

Each C5 state c keeps, with each great power g, a yearly goods trade `G[c,g]` (US$ bn,
exports plus imports of manufactures, food, metals and re-exports) and remittances
`R[c,g]` (money its migrant workers in g send home). Each year, after goods move:

    G' = G x (1 + trade.gdp_elasticity x growth[c] + drive[g] + market(c,g) + reexport(c,g)) x route(c,g)
    market(c,g)   = sum of `market` of the common markets (forums at level > 0) holding both c and g
    reexport(c,g) = c's `reexport` when c is in a common market that g is not in (goods passed on)
    route(c,g)    = 1 - trade.cut_loss when every rail, ferry or road corridor linking c and g is closed, else 1
    R' = R x (1 + trade.remittance_growth)

A corridor's general cargo (containers, grain, metals and transit the game does not trade
by power) takes `cargo(k) = min(cargo, capacity)` of its capacity before resources move.
The treasury of c gains `trade.remittance_fiscal x sum R`; g gains influence
`trade.influence x (G + R) / sqrt(GDP[c])`. A power's trade with a state, the figure a
teacher can look up, is `total(c, g) = resource trade + G[c,g]`.
Sources: 002_b2119cfe6ca6f9f4.txt (China's trade with the region, US$94.8bn in 2024);
004_a1b4f633fd039a28.txt (routes decide who trades: the Middle Corridor is small and dear);
SCENARIO_DATA.md (EAEU 2015; migrant labour in Russia).
"""
from __future__ import annotations

from game.model import World
from game.model.ops import add_treasury, evolve
from game.rules.influence import add_influence, per_gdp

GOODS_MODES = ("rail", "ferry_rail", "road")  # pipelines carry no manufactures or food


def cargo(k) -> float:
    """General cargo `k` carries this year (Mt): its `cargo`, within capacity, while it is open."""
    return min(k.cargo, k.capacity) if k.status == "operating" else 0.0


def links(world: World, c: str, g: str) -> list:
    """The built rail, ferry and road corridors linking state `c` and power `g` (open or disrupted)."""
    return [k for k in world.corridors.values() if k.status in ("operating", "disrupted") and k.mode in GOODS_MODES
            and c in k.path and (g in k.path or g in k.markets)]


def cut_off(world: World, c: str, g: str) -> bool:
    """Whether every built corridor linking `c` and `g` is closed (with none, goods go by road)."""
    found = links(world, c, g)
    return bool(found) and all(k.status != "operating" for k in found)


def market(world: World, c: str, g: str) -> float:
    """Yearly growth the common markets holding both `c` and `g` add to their goods trade."""
    return sum(f.market for f in world.forums.values() if f.market > 0 and f.level > 0
               and c in f.members and g in f.members)


def reexport(world: World, c: str, g: str) -> float:
    """Extra growth of `c`'s goods from `g` when `c` passes them on to a common market `g` is outside."""
    outside = any(f.market > 0 and f.level > 0 and c in f.members and g not in f.members
                  for f in world.forums.values())
    return world.economies[c].reexport if outside else 0.0


def goods_growth(world: World, c: str, g: str) -> float:
    """This year's growth rate of the goods trade between `c` and `g`, before the route factor."""
    eco = world.economies[c]
    return (world.param("trade.gdp_elasticity") * eco.growth + world.powers[g].trade_drive
            + market(world, c, g) + reexport(world, c, g))


def route_factor(world: World, c: str, g: str) -> float:
    """`1 - trade.cut_loss` when every corridor linking `c` and `g` is closed, else 1."""
    return 1 - world.param("trade.cut_loss") if cut_off(world, c, g) else 1.0


def grow_goods(world: World, c: str) -> World:
    """One year of goods trade and remittances for state `c`."""
    eco = world.economies[c]
    goods = {g: max(0.0, v * (1 + goods_growth(world, c, g)) * route_factor(world, c, g))
             for g, v in eco.goods.items() if g in world.powers}
    keep = 1 + world.param("trade.remittance_growth")
    remit = {g: v * keep for g, v in eco.remittances.items()}
    economies = dict(world.economies)
    economies[c] = evolve(eco, goods=goods, remittances=remit)
    return evolve(world, economies=economies)


def exchange(world: World) -> World:
    """The year's goods trade and remittances: they grow, pay the treasury and win influence."""
    k, fiscal = world.param("trade.influence"), world.param("trade.remittance_fiscal")
    for c in world.economies:
        world = grow_goods(world, c)
        eco = world.economies[c]
        world = add_treasury(world, c, fiscal * sum(eco.remittances.values()))
        for g in dict.fromkeys([*eco.goods, *eco.remittances]):
            amount = eco.goods.get(g, 0.0) + eco.remittances.get(g, 0.0)
            world = add_influence(world, c, g, k * per_gdp(world, c, amount))
    return world


def total(world: World, c: str, g: str) -> float:
    """`g`'s whole trade with `c` last year, US$ bn: resource trade plus goods trade."""
    return world.trade.get(c, {}).get(g, 0.0) + world.economies[c].goods.get(g, 0.0)
