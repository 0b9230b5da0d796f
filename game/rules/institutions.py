"""Rule 8, institutions accumulate: forums that meet keep influence between crises.

A forum of level L (1 ministers, 2 leaders) meeting in a year adds
`forum_bonus x L x (1 + standing)` to its host's influence in each attending member and
`forum_bonus x L` to its standing; standing decays by `standing_decay` a year, and a
forum that has not met for `dormant_years` drops a level (not below 1).
Sources: 001_78d6b60161a582b5.txt (Central Asia + Japan dialogue from 2004),
002_b2119cfe6ca6f9f4.txt (China-Central Asia summits, Xi'an 2023 and Astana 2025).
"""
from __future__ import annotations

from game.model.ops import evolve

from game.model import Forum, World
from game.model.ops import put
from game.rules import hedging


def meeting_bonus(world: World, forum: Forum) -> float:
    """Influence the host gains in each attending member when `forum` meets."""
    return world.param("institutions.forum_bonus") * forum.level * (1 + forum.standing)


def meet(world: World, fid: str, attending: tuple[str, ...]) -> World:
    """`fid` meets this year with `attending` members: host gains influence, forum gains standing."""
    forum = world.forums[fid]
    bonus = meeting_bonus(world, forum)
    for c in attending:
        if c in world.influence:
            world = hedging.win(world, c, forum.host, bonus)
    met = evolve(forum, last_met=world.year,
                 standing=forum.standing + world.param("institutions.forum_bonus") * forum.level)
    return evolve(world, forums=put(world.forums, fid, met))


def upgrade(world: World, fid: str) -> World:
    """Raise a forum from ministers to leaders (level at most 2)."""
    forum = world.forums[fid]
    return evolve(world, forums=put(world.forums, fid, evolve(forum, level=min(2, forum.level + 1))))


def age(world: World) -> World:
    """A year passes: standing decays; long-dormant forums drop a level."""
    keep = 1 - world.param("institutions.standing_decay")
    dormant = world.param("institutions.dormant_years")
    forums = {}
    for fid, f in world.forums.items():
        level = max(1, f.level - 1) if world.year - f.last_met >= dormant and f.level > 1 else f.level
        forums[fid] = evolve(f, standing=f.standing * keep, level=level)
    return evolve(world, forums=forums)
