"""Replays: re-run a game's action log from its scenario and seed, year by year.

A game is a pure function of its scenario, seed and actions, so re-running the
log must reach every year's recorded World hash and the saved World itself. The
first year whose hash differs is the divergence `python run_game.py replay` names.
"""
from __future__ import annotations

import os

from attrs import frozen

from game import engine
from game.errors import HeartlandError, IllegalAction, SaveError
from game.model import World
from game.rules.actions import parse
from game.session import Session
from game.text import Msg, msg


@frozen
class Replay:
    """What re-running a log gave: the World at the start and after each finished year."""

    worlds: tuple[World, ...]
    final: World | None
    diverged: bool
    year: int = 0  # the first year that diverged (0 when none did)
    message: Msg | str = ""  # why it diverged (a message, rendered when shown)


def rerun(session: Session, expected_final: str = "") -> Replay:
    """Re-run `session`'s action log from its opening World; compare each year with its mark."""
    from game.save import start_world
    opening = start_world(session)
    if session.start_hash and engine.world_hash(opening) != session.start_hash:
        return Replay((), None, True, opening.year,
                      msg("replay.opening_differs", year=opening.year))
    world, _ = engine.start(opening)
    worlds = [world]
    marks = list(session.year_marks)
    for i, text in enumerate(session.actions):
        try:
            world, _ = engine.step(world, parse(text))
        except IllegalAction as e:
            return Replay(tuple(worlds), world, True, world.year,
                          msg("replay.illegal", n=i + 1, action=text, year=world.year, reason=e.reasons[0]))
        while marks and marks[0].actions == i + 1:
            mark = marks.pop(0)
            worlds.append(world)
            if engine.world_hash(world) != mark.hash:
                return Replay(tuple(worlds), world, True, mark.year,
                              msg("replay.year_differs", year=mark.year))
    if marks:
        return Replay(tuple(worlds), world, True, marks[0].year,
                      msg("replay.log_short", year=marks[0].year))
    if not session.year_marks:  # a save without year marks: mark years as they pass
        worlds = _years_by_rerun(opening, session.actions)
    final = expected_final or engine.world_hash(session.world)
    if engine.world_hash(world) != final:
        return Replay(tuple(worlds), world, True, world.year,
                      msg("replay.final_differs", year=world.year))
    return Replay(tuple(worlds), world, False)


def _years_by_rerun(opening: World, actions: list[str]) -> list[World]:
    """The opening World and the World after each year that ends, for saves without year marks."""
    world, _ = engine.start(opening)
    worlds = [world]
    for text in actions:
        before = world
        world, _ = engine.step(world, parse(text))
        if world.year != before.year or (world.status != "playing" and before.status == "playing"):
            worlds.append(world)
    return worlds


def _with_build_note(run: Replay, session: Session) -> Replay:
    """A diverging replay of a save made by another build says that the rules have changed since."""
    if not (run.diverged and session.saved_by):
        return run
    from attrs import evolve
    from game.save import game_version
    return evolve(run, message=msg("replay.build_note", reason=run.message, saved_by=session.saved_by,
                                   version=game_version()))


def replay_file(path: str | os.PathLike) -> Replay:
    """Load a save (SaveError if unreadable) and re-run its log against its snapshot."""
    from game.save import load
    session = load(path, make_agent=lambda world, seat: None)
    try:
        return _with_build_note(rerun(session), session)
    except SaveError as e:
        raise SaveError(msg("save.err.in_file", path=str(path), error=e.args[0] if e.args else "")) from None
    except HeartlandError as e:
        raise SaveError(msg("save.err.replay", path=str(path), error=e.args[0] if e.args else "")) from None
