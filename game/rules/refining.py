"""Rule 7, the refining bottleneck: raw rare-earth ore is worth little unrefined.

Grade of a unit of rare earths from c = f + (1 - f) x ore_ratio, with
f = min(1, refining[c] / output[c]) the share refined at home. Ore refined in China
counts, for the buyer, as rare earths sourced from China: the secure share of a unit is
`1 - gate x (1 - f)`. A development path: developing a rare-earth deposit adds
`max(develop_share x output, deposit_share x reserves)` kt a year (Kazakhstan's
Kuirektykol, ~900 kt, gives ~4.5 kt, a quarter of Japan's demand), but unrefined it is
worth `ore_ratio` and reaches buyers through China, so it needs refining builds of
`refining.step` kt each, costing `refining.cost` and taking `refining.years`. A great
power that develops a rare-earth deposit abroad takes the new output as offtake: a
contract for the added kt a year at the world price for `play.contract_years` (as Japan
financed Lynas for offtake after 2010), shipped on the cheapest route to it.
Ore from outside the region is refined in China too: of a buyer's rare earths from a source
that is not a great power (Australia), the share `g = gate x outside_ore` passes the
refineries of the great powers among its sources, so that source's risk is
`(1 - g) x risk[src] + g x risk[refiners]`, risk[refiners] being theirs weighted by exposure
(tension with the buyer, or the strength of export controls in force). Cutting Chinese refining cuts the
buyer's outside supply as well, so a buyer's rare-earth security follows the tension with
the refiner and the controls.
Source: 003_7a4fb393b3879089.txt (China refines at a quarter of US cost; Australia and
others lack refining: ore Japan buys from Australia still depends on the existing refiners).
"""
from __future__ import annotations

import math

from game.model import Contract, World
from game.model.ops import evolve, next_id, put

REFINED = "rare_earths"  # the good that needs refining


def refined_share(world: World, c: str) -> float:
    """Share of `c`'s rare-earth output it can refine at home."""
    eco = world.economies[c]
    made = eco.production.get(REFINED, 0.0)
    return 1.0 if made <= 0 else min(1.0, eco.refining / made)


def grade(world: World, c: str, r: str) -> float:
    """Value of a unit of `r` from `c` as a share of the world price."""
    if r != REFINED:
        return 1.0
    f = refined_share(world, c)
    return f + (1 - f) * world.param("refining.ore_ratio")


def secure_share(world: World, c: str, r: str) -> float:
    """Share of a unit from `c` that reaches a buyer without passing Chinese refineries."""
    return 1 - world.param("refining.gate") * (1 - refined_share(world, c)) if r == REFINED else 1.0


def outside_refined(world: World, r: str) -> float:
    """Share of a buyer's `r` from a source that is not a great power which passes great powers' refineries."""
    return world.param("refining.gate") * world.param("refining.outside_ore") if r == REFINED else 0.0


def needs_refining(world: World) -> bool:
    """Whether unrefined ore is worth less than refined or cannot reach buyers directly."""
    return world.param("refining.ore_ratio") < 1.0 or world.param("refining.gate") > 0.0


def builds_needed(world: World, c: str) -> int:
    """Refining builds `c` needs, beyond its capacity and the refineries under way, to refine all its output."""
    eco = world.economies[c]
    under_way = sum(amount for what, amount, _ in eco.projects if what == "refining")
    short = eco.production.get(REFINED, 0.0) - eco.refining - under_way
    return 0 if short <= 1e-9 else math.ceil(short / world.param("refining.step") - 1e-9)


def deposit_step(world: World, c: str) -> float:
    """Rare-earth capacity one development adds in `c`: a share of its reserves."""
    return world.param("refining.deposit_share") * world.economies[c].reserves.get(REFINED, 0.0)


def offtake(world: World, c: str, p: str, amount: float) -> World:
    """p, developing rare earths in c, contracts the new output at the world price."""
    world, cid = next_id(world, "c")
    con = Contract(cid, c, p, REFINED, amount, 1.0, int(world.param("play.contract_years")))
    return evolve(world, contracts=put(world.contracts, cid, con))
