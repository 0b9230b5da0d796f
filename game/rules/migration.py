"""Labour migration and remittances: a host opens or closes its labour market; the sending state's income follows.

Migrant workers from a Central Asian state c in a great power g send home remittances
`R[c, g]` (US$ bn a year, rule trade: they grow each year, pay `trade.remittance_fiscal`
of themselves to c's treasury and win g influence). g sets how open it is to c's migrants,
the entry level `e[c, g]` (1 = as at the start), with the action `entry` (one action point,
within `migration.min_entry`..`migration.max_entry`); c may negotiate a quota in an offer
(item `quota/level`, given by g: the entry level it grants). When the level moves from e
to e':

    R'[c, g]   = R[c, g] x e' / e
    GDP'[c]    = GDP[c] + migration.spend x (R' - R)     (households spend what migrants send)
    trust[c,g] += migration.trust x (e' - e) / migration.step

so a host that tightens entry is a lever on a sending state's economy (and loses its trust),
and one that eases it wins trust and, through the remittances, influence. A host values a quota
it grants at `migration.labour_value` times the remittances it adds over `migration.value_years`
years (the labour its economy gains); the sending state at those remittances.
Sources: GAME_V2.md (labour migration and remittances among the states' levers);
004_a1b4f633fd039a28.txt (a neighbour that holds a lifeline holds leverage); the
scenarios' remittances from the World Bank (KNOMAD) series: Tajikistan ~27% of GDP in 2015
and ~45% in 2024, Kyrgyzstan ~25% in 2015 and ~20-30% since, Uzbekistan ~13% in 2024,
most of it from Russia.
"""
from __future__ import annotations

from game.model import World
from game.model.ops import put, with_economy
from game.rules import hedging
from game.rules.economy import gdp_floor
from game.rules.influence import add_influence, add_trust, per_gdp


def level(world: World, c: str, g: str) -> float:
    """g's entry level for c's migrants (1 = as at the start)."""
    return world.economies[c].entry.get(g, 1.0)


def hosts(world: World, g: str) -> tuple[str, ...]:
    """The states with migrants in g (remittances above 0), in seat order."""
    return tuple(c for c in world.c5() if world.economies[c].remittances.get(g, 0.0) > 0)


def in_range(world: World, new: float) -> bool:
    """Whether an entry level lies within the rules' bounds."""
    return world.param("migration.min_entry") - 1e-9 <= new <= world.param("migration.max_entry") + 1e-9


def set_level(world: World, g: str, c: str, new: float) -> World:
    """g sets its entry level for c's migrants to `new`: remittances, c's GDP and c's trust in g follow."""
    old = level(world, c, g)
    eco = world.economies[c]
    before = eco.remittances.get(g, 0.0)
    after = before * new / max(old, 1e-9)
    gdp = gdp_floor(eco.gdp + world.param("migration.spend") * (after - before))
    world = with_economy(world, c, entry=put(eco.entry, g, new), remittances=put(eco.remittances, g, after), gdp=gdp)
    return add_trust(world, c, g, world.param("migration.trust") * (new - old) / world.param("migration.step"))


def influence_ahead(world: World, c: str, g: str, before: World) -> World:
    """The influence g wins (or loses) over `migration.value_years` years from the change in c's remittances since
    `before` (rule trade: `trade.influence x change / sqrt(GDP)` a year), for a look ahead."""
    change = world.economies[c].remittances.get(g, 0.0) - before.economies[c].remittances.get(g, 0.0)
    gain = world.param("migration.value_years") * world.param("trade.influence") * per_gdp(world, c, change)
    return hedging.win(world, c, g, gain) if gain > 0 else add_influence(world, c, g, gain)


def quota_worth(world: World, c: str, g: str, new: float) -> float:
    """US$ bn a quota raising (or lowering) g's entry level to `new` is worth to c: `migration.value_years` years
    of the change in remittances."""
    old = level(world, c, g)
    before = world.economies[c].remittances.get(g, 0.0)
    return world.param("migration.value_years") * before * (new - old) / max(old, 1e-9)


def labour_worth(world: World, c: str, g: str, new: float) -> float:
    """US$ bn host g puts on a quota for c's workers at `new`: `migration.labour_value x` the remittances it adds over
    `migration.value_years` years (the work they do is worth more to its economy than what they send home)."""
    return world.param("migration.labour_value") * quota_worth(world, c, g, new)


def quota_influence(world: World, c: str, g: str, new: float) -> float:
    """Influence host g wins in c over `migration.value_years` years from the change in remittances a quota brings
    (rule trade: `trade.influence x change / sqrt(GDP)` a year)."""
    change = quota_worth(world, c, g, new) / max(world.param("migration.value_years"), 1.0)
    return world.param("migration.value_years") * world.param("trade.influence") * per_gdp(world, c, change)


def steps(world: World, c: str, g: str) -> tuple[float, ...]:
    """The entry levels the menu offers g for c: a step up and a step down, within bounds."""
    now, step = level(world, c, g), world.param("migration.step")
    return tuple(round(x, 6) for x in (now + step, now - step) if in_range(world, x))
