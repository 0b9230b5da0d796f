"""Rule 1, multi-vector hedging: no power may dominate a C5 state for free.

Each state has a tolerance tol[c]. An offer from p that would leave `s[c,p] > tol[c]`
costs c `hedging.penalty x (s[c,p] - tol[c])` in utility, so it needs a premium or is
refused. Every channel (aid, loans, summits and forums, corridors, contracts' trade,
statements, events) adds a great power's influence through `win`: the part of a gain
g that lifts p's share past tol[c] counts only `hedging.over_keep x` its size, and c's
trust in p falls by `hedging.trust_loss x (s_after - tol[c])`; the gain that brings the
share exactly to tolerance is `g* = max(0, (tol x T - I[c,p]) / (1 - tol))`, T the total
influence in c. While some holder q is above tolerance, influence won by its rivals is
multiplied by `1 + hedging.rival_bonus x (s_max - tol[c])`. A state never joins a bloc
or statement aimed at a power in its `never_against` list.
Sources: 000_81351d1bb27a5d01.txt (no bloc against China or Russia),
001_78d6b60161a582b5.txt (resources as the tool of balance), 004_a1b4f633fd039a28.txt
(Kazakhstan's multi-axis diplomacy).
"""
from __future__ import annotations

from game.model import GREAT, World
from game.rules.influence import add_influence, add_trust, shares


def share_after(world: World, c: str, p: str, gain: float) -> float:
    """p's share in c if p gained `gain` influence there."""
    inf = world.influence[c]
    total = sum(inf.values()) + gain
    return (inf.get(p, 0.0) + gain) / total if total > 0 else 0.0


def excess(world: World, c: str, p: str, gain: float) -> float:
    """How far p's share would pass c's tolerance (0 when it would not)."""
    return max(0.0, share_after(world, c, p, gain) - world.economies[c].tolerance)


def penalty(world: World, c: str, p: str, gain: float) -> float:
    """Utility c loses by letting p's share rise past its tolerance."""
    return world.param("hedging.penalty") * excess(world, c, p, gain)


def rival_multiplier(world: World, c: str, p: str) -> float:
    """Extra weight of p's gains in c while some other holder exceeds c's tolerance."""
    others = [v for h, v in shares(world, c).items() if h != p]
    top = max(others, default=0.0)
    over = top - world.economies[c].tolerance
    return 1 + world.param("hedging.rival_bonus") * over if over > 0 else 1.0


def refuses_bloc(world: World, c: str, against: str) -> bool:
    """Whether c refuses any bloc or statement aimed at `against`."""
    return bool(against) and against in world.economies[c].never_against


def room(world: World, c: str, p: str) -> float:
    """Influence p can still gain in c before its share reaches c's tolerance."""
    inf = world.influence[c]
    tol = world.economies[c].tolerance
    return max(0.0, (tol * sum(inf.values()) - inf.get(p, 0.0)) / max(1 - tol, 1e-9))


def kept_gain(world: World, c: str, p: str, gain: float) -> float:
    """The part of a gain that counts: all of it up to tolerance, `over_keep` of the rest."""
    fit = min(gain, room(world, c, p))
    return fit + world.param("hedging.over_keep") * (gain - fit)


def win(world: World, c: str, p: str, gain: float) -> World:
    """A great power wins influence in c on any channel, answering to c's tolerance."""
    if gain <= 0 or c not in world.economies or p not in world.powers or world.powers[p].kind != GREAT:
        return add_influence(world, c, p, gain)
    kept = kept_gain(world, c, p, gain)
    over = excess(world, c, p, kept)
    world = add_influence(world, c, p, kept)
    return add_trust(world, c, p, -world.param("hedging.trust_loss") * over) if over > 0 else world
