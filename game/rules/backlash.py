"""Rule 3, backlash risk: dealing with one great power angers its rivals.

Dependence of c on q: `dep[c,q] = 0.5 x (share of c's exports on routes q controls)
+ 0.5 x (q's share of c's trade)`. Resilience `res[c] = gdp_half / (gdp[c] + gdp_half)`:
large economies shrug off more. Fear of dealing with p:
`fear = backlash.cost x res[c] x sum_{q != p} X[p,q] x dep[c,q]`.
Summit attendance: c attends p's summit iff
`summit.gain x level x (0.5 + 0.5 T[c,p]) > fear`. Going ahead (an accepted deal, a
summit attended) costs each rival q influence in c by the share `trust_loss x X[p,q] x dep[c,q]`,
and relations between c and q cool: c's trust in q falls by `trust_cut x X[p,q] x dep[c,q]`
(a displeased neighbour is a less trusted partner: its offers are worth less to c, its
credibility and UN support fall). The feared cost is then paid.
Source: 000_81351d1bb27a5d01.txt (only Kazakhstan came to Tokyo at first; the others
stayed silent for fear of China's and Russia's displeasure); RULES_SKETCH rule 3 (q's trust
and influence in c drop if c goes ahead).
"""
from __future__ import annotations

from attrs import frozen

from game.model import World, tension_key
from game.rules import dependence
from game.rules.influence import add_influence, add_trust


def dep(world: World, c: str, q: str) -> float:
    """How much `c` depends on `q`'s routes and market (0..1)."""
    return 0.5 * dependence.leverage(world, q, c) + 0.5 * dependence.market_share(world, q, c)


def resilience(world: World, c: str) -> float:
    """Share of a rival's displeasure that `c` still feels: small economies feel more."""
    half = world.param("backlash.gdp_half")
    return half / (world.economies[c].gdp + half)


def rivals(world: World, p: str) -> list[str]:
    """Great powers other than `p`."""
    return [q for q in world.great_powers() if q != p]


def fear(world: World, c: str, p: str) -> float:
    """Utility `c` expects to lose from rivals' displeasure if it deals with `p`."""
    exposure = sum(world.tension.get(tension_key(p, q), 0.0) * dep(world, c, q) for q in rivals(world, p))
    return world.param("backlash.cost") * resilience(world, c) * exposure


@frozen
class Attendance:
    """A state's summit decision and the terms that decided it."""

    attends: bool
    gain: float
    fear: float


def summit_choice(world: World, c: str, host: str, level: int) -> Attendance:
    """Whether `c` attends `host`'s summit of `level`, with the gain and fear weighed."""
    trust = world.trust[c].get(host, 0.5)
    gain = world.param("summit.gain") * level * (0.5 + 0.5 * trust)
    afraid = fear(world, c, host)
    return Attendance(gain > afraid, gain, afraid)


def displease(world: World, c: str, p: str) -> World:
    """`c` went ahead with `p`: each rival cools on `c` by its tension with `p` times dependence (its influence
    in `c` by a share, `c`'s trust in it by an amount)."""
    loss, trust_cut = world.param("backlash.trust_loss"), world.param("backlash.trust_cut")
    for q in rivals(world, p):
        exposure = world.tension.get(tension_key(p, q), 0.0) * dep(world, c, q)
        if exposure > 0:
            world = add_influence(world, c, q, -world.influence[c].get(q, 0.0) * loss * exposure)
            if trust_cut > 0:
                world = add_trust(world, c, q, -trust_cut * exposure)
    return world
