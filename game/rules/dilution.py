"""Rule 5, latecomer dilution: outside powers keep arriving and water down every share.

Each year `I[c, others] += dilution.rate x sum_h I[c, h]`; scripted events (the USA
after 2001, EU strategies, Turkic forums) add more. A great power that stops
investing sees its share erode.
Source: 000_81351d1bb27a5d01.txt (the US, EU and Turkey raised their ties to summit
level, diluting Japan's first-mover lead).
"""
from __future__ import annotations

from game.model import OTHERS, World
from game.rules.influence import add_influence


def dilute(world: World) -> World:
    """Outside powers gain `dilution.rate` of the total influence in every C5 state."""
    rate = world.param("dilution.rate")
    for c, inf in world.influence.items():
        world = add_influence(world, c, OTHERS, rate * sum(inf.values()))
    return world
