"""Rule 4, credibility: pledges are not always delivered, and slips cost trust.

A pledge from p to c falls due and is delivered with probability
`pi = min(cap, credibility[p] + followup x (p's share of c's trade))`. Delivered:
`T[c,p] += trust_gain` and the aid takes effect. Slipped: `T[c,p] -= trust_loss` and the
pledge moves a year; after `max_slips` it is abandoned. A state values an offer from
p at `value x (0.5 + 0.5 T[c,p])`.
Source: 000_81351d1bb27a5d01.txt (Japan's aid was discounted; its firms were slow to
follow up).
"""
from __future__ import annotations

import random

from game.model.ops import evolve

from game.model import Pledge, World
from game.model.ops import drop, put
from game.rules import dependence
from game.rules.influence import add_trust


def chance(world: World, p: str, c: str) -> float:
    """Probability a pledge from p to c is delivered on time."""
    base = world.powers[p].credibility + world.param("credibility.followup") * dependence.market_share(world, p, c)
    return min(world.param("credibility.cap"), base)


def value_factor(world: World, c: str, p: str) -> float:
    """How much of a promise from p that c believes: 0.5 + 0.5 T[c,p]."""
    return 0.5 + 0.5 * world.trust[c].get(p, 0.5)


def slip(world: World, pledge: Pledge) -> tuple[World, bool]:
    """A pledge that slipped: trust falls; it moves a year or is abandoned. True if kept."""
    world = add_trust(world, pledge.recipient, pledge.donor, -world.param("credibility.trust_loss"))
    if pledge.slips + 1 > world.param("credibility.max_slips"):
        return evolve(world, pledges=drop(world.pledges, pledge.id)), False
    moved = evolve(pledge, due_year=pledge.due_year + 1, slips=pledge.slips + 1)
    return evolve(world, pledges=put(world.pledges, pledge.id, moved)), True


def delivered(world: World, pledge: Pledge) -> World:
    """A pledge kept: trust rises and the pledge leaves the books."""
    world = add_trust(world, pledge.recipient, pledge.donor, world.param("credibility.trust_gain"))
    return evolve(world, pledges=drop(world.pledges, pledge.id))


def draw(world: World, pledge: Pledge, rng: random.Random) -> bool:
    """Whether this due pledge is delivered this year."""
    return rng.random() < chance(world, pledge.donor, pledge.recipient)
