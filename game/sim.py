"""Headless play: whole games with an agent in every seat, and the series a debrief needs."""
from __future__ import annotations

import random
from typing import Callable

from attrs import evolve, frozen

from game import engine
from game.model import World
from game.rules.influence import shares
from game.rules.legal import legal_actions, view_for
from game.rules.log import Entry

MAX_DECISIONS = 20000  # a safety stop far above any real game


@frozen
class GameResult:
    """How one game ended, with its log and year-by-year history."""

    seed: int
    winner: str
    status: str
    scores: dict
    actions: tuple[str, ...]
    log: tuple[Entry, ...]
    history: tuple[dict, ...]
    final: World


def snapshot(world: World, year: int) -> dict:
    """The series for the debrief after `year` resolved: trade, flows, influence shares, scores."""
    greats = world.great_powers()
    return {
        "year": year,
        "trade": {g: {c: round(world.trade.get(c, {}).get(g, 0.0), 4) for c in world.economies} for g in greats},
        "flows": {k: round(sum(v.values()), 4) for k, v in world.flows.items()},
        "influence": {c: {h: round(s, 4) for h, s in shares(world, c).items()} for c in world.economies},
        "scores": {p: round(s, 3) for p, s in world.scores.items()},
    }


def seeded(world: World, seed: int) -> World:
    """The scenario's World with the game's seed."""
    return evolve(world, seed=seed)


def play(world: World, agents: dict, seed: int, on_year: Callable[[World], None] | None = None) -> GameResult:
    """Play one game to its end with `agents[power]` choosing for each seat."""
    world, log = engine.start(seeded(world, seed))
    actions: list[str] = []
    history: list[dict] = []
    year = world.year
    for n in range(MAX_DECISIONS):
        if world.status != "playing":
            break
        me = world.current()
        choice = agents[me].choose(view_for(world, me), legal_actions(world, me),
                                   random.Random(f"{seed}|{world.year}|{world.phase}|{n}"))
        if choice.reason:
            log.append(Entry.of(world, me, choice.reason, rule="ai", terms=choice.terms))
        world, more = engine.step(world, choice.action)
        actions.append(str(choice.action))
        log += more
        if world.year != year or world.status != "playing":
            history.append(snapshot(world, year))
            if on_year:
                on_year(world)
            year = world.year
    return GameResult(seed, engine.winner(world), world.status, dict(world.scores), tuple(actions),
                      tuple(log), tuple(history), world)
