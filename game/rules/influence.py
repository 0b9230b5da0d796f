"""Influence, shares and autonomy: the bookkeeping every rule builds on.

Share `s[c,p] = I[c,p] / sum_q I[c,q]`; autonomy `A[c] = 1 - (H - 1/n) / (1 - 1/n)`
with `H = sum s^2` over the n holders (great powers and "others").
Source: RULES_SKETCH core quantities; 000, 001 (balancing among powers).
"""
from __future__ import annotations

import math

from game.model.ops import evolve

from game.model import World
from game.model.ops import put2


_SHARES: dict = {}  # memo: id of a state's influence mapping -> (that mapping, its shares)


def share_table(world: World, c: str) -> dict[str, float]:
    """`shares`, worked out once per influence mapping (never changed in place, and kept alive beside its
    result, so its identity is a safe key); callers must not change the dict given."""
    inf = world.influence[c]
    hit = _SHARES.get(id(inf))
    if hit is not None and hit[0] is inf:
        return hit[1]
    total = sum(inf.values())
    result = {h: 1.0 / len(inf) for h in inf} if total <= 0 else {h: v / total for h, v in inf.items()}
    if len(_SHARES) >= 256:  # a bound: the same mappings are asked about in close succession
        _SHARES.clear()
    _SHARES[id(inf)] = (inf, result)
    return result


def shares(world: World, c: str) -> dict[str, float]:
    """Each holder's share of influence in C5 state `c`; they sum to 1."""
    return dict(share_table(world, c))


def share(world: World, c: str, p: str) -> float:
    """Power `p`'s share of influence in `c`."""
    return share_table(world, c).get(p, 0.0)


def autonomy(world: World, c: str) -> float:
    """1 when influence in `c` is spread evenly, 0 when one holder has it all."""
    s = share_table(world, c)
    n = len(s)
    h = sum(v * v for v in s.values())
    return max(0.0, min(1.0, 1 - (h - 1 / n) / (1 - 1 / n)))


def dominant(world: World, c: str) -> str:
    """The holder with the largest share in `c` (first in order on a tie)."""
    s = share_table(world, c)
    return max(s, key=lambda h: s[h])


def add_influence(world: World, c: str, holder: str, amount: float) -> World:
    """The world with `amount` influence added (or removed) for `holder` in `c` (never below 0;
    taking influence from someone who holds none changes nothing)."""
    if holder not in world.influence[c] and amount <= 0:
        return world
    value = max(0.0, world.influence[c].get(holder, 0.0) + amount)
    return evolve(world, influence=put2(world.influence, c, holder, value))


def per_gdp(world: World, c: str, bn: float) -> float:
    """US$ bn scaled to `c`'s economy: `bn / sqrt(GDP)`, so small states weigh money more."""
    return bn / math.sqrt(max(world.economies[c].gdp, 0.1))


def decay_all(world: World) -> World:
    """Every influence shrinks by `influence.decay` a year unless renewed."""
    keep = 1 - world.param("influence.decay")
    return evolve(world, influence={c: {h: v * keep for h, v in inf.items()} for c, inf in world.influence.items()})


def add_trust(world: World, c: str, p: str, amount: float) -> World:
    """The world with `c`'s trust in `p` moved by `amount`, kept within 0..1."""
    value = max(0.0, min(1.0, world.trust[c].get(p, 0.5) + amount))
    return evolve(world, trust=put2(world.trust, c, p, value))
