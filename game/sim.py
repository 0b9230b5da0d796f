"""Headless play: whole games with an agent in every seat."""
from __future__ import annotations

from attrs import frozen

from game import engine
from game.model import World
from game.rules import objectives
from game.rules.log import Entry
from game.session import Seat, Session


@frozen
class GameResult:
    """How one game ended, with its actions, log and year-by-year history."""

    seed: int
    winner: str
    status: str
    scores: dict  # final agenda scores (each power's own yardstick)
    points: dict  # points from the scoring rounds: what decides the winner
    actions: tuple[str, ...]
    log: tuple[Entry, ...]
    history: tuple[dict, ...]
    final: World


def play_session(world: World, agents: dict, seed: int, scenario_raw: dict | None = None,
                 ai_salt: str = "") -> Session:
    """Play one game to its end with `agents[power]` choosing for each seat; the finished Session.

    `ai_salt` re-draws the AIs' own sampling and leaves the world's dice (events, pledges) as they are."""
    seats = {p: Seat(p, human=False) for p in world.order}
    session = Session.start(world, seats, seed, make_agent=lambda w, seat: agents[seat.power],
                            scenario_raw=scenario_raw)
    session.ai_salt = ai_salt
    session.run_ai()
    return session


def result(session: Session) -> GameResult:
    """The summary of a finished game."""
    w = session.world
    return GameResult(w.seed, engine.winner(w), w.status, dict(w.scores), objectives.totals(w), tuple(session.actions),
                      tuple(session.log), tuple(session.history), w)


def play(world: World, agents: dict, seed: int) -> GameResult:
    """Play one game to its end with `agents[power]` choosing for each seat."""
    return result(play_session(world, agents, seed))
