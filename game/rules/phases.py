"""The phases of a year as data: one record per phase, in the order the year runs them.

Each record names the phase, the verbs seats may use in it, which seats act (none: the
phase runs by itself; "all": every seat in turn; "answering": only seats with an offer
or invitation waiting for their answer), what runs it (an automatic phase's runner, an
interactive phase's menu of legal actions, and what a seat's end of turn settles) and the
phase that follows. How a phase ends follows from who acts: an automatic phase ends when
its runner returns, an "all" phase when the last seat ends its turn, an "answering" phase
when no seat has anything left to answer. The engine (`game.engine.advance`), legality
(`game.rules.play.validate`, `game.rules.legal.legal_actions`), the screen's menus and
the save checks all read this table; adding a phase is adding one record (and its
runner). Functions are named as "module:function" and looked up when first used, so this
module imports nothing of the engine.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Callable

from attrs import frozen

from game.model import World
from game.text import Msg, msg

AUTOMATIC, ALL, ANSWERING = "", "all", "answering"
SEATS = (AUTOMATIC, ALL, ANSWERING)


@frozen
class Phase:
    """One phase of the year: its verbs, who acts, what runs it and what follows it."""

    name: str
    next: str
    verbs: tuple[str, ...] = ()
    seats: str = AUTOMATIC  # who acts: AUTOMATIC (nobody), ALL (every seat in turn) or ANSWERING
    runner: str = ""  # automatic phases: "module:function" taking the World, giving (World, log)
    menu: str = ""  # interactive phases: "module:function" yielding the actions open to a seat
    on_end_turn: str = ""  # "module:function" (World, seat) -> (World, log) when a seat ends its turn here

    @property
    def interactive(self) -> bool:
        """Whether seats act in this phase (otherwise it runs by itself)."""
        return self.seats != AUTOMATIC

    @property
    def restarts(self) -> bool:
        """Whether the next seat is sought from the first seat after every turn (answers can raise new questions)."""
        return self.seats == ANSWERING

    @property
    def ends(self) -> str:
        """How the phase ends, in words for the documentation."""
        return {AUTOMATIC: "its runner returns", ALL: "the last seat ends its turn",
                ANSWERING: "no seat has anything left to answer"}[self.seats]


TABLE: tuple[Phase, ...] = (
    Phase("events", "income", runner="game.engine:run_events"),
    Phase("income", "diplomacy", runner="game.engine:run_income"),
    Phase("diplomacy", "answers", ("propose", "pact", "accept", "reject", "counter", "summit", "attend", "end"),
          ALL, menu="game.rules.legal:_diplomacy"),
    Phase("answers", "actions", ("accept", "reject", "counter", "attend", "end"),
          ANSWERING, menu="game.rules.legal:_answers", on_end_turn="game.engine:close_answers"),
    Phase("actions", "resolution", ("aid", "build", "upgrade", "develop", "refine", "join", "leave", "policy",
                                    "tariff", "water", "tender", "convene", "entry", "end"),
          ALL, menu="game.rules.legal:_actions"),
    Phase("resolution", "end", runner="game.engine:run_resolution"),
    Phase("end", "events", runner="game.engine:run_end"),
)
PHASES: dict[str, Phase] = {p.name: p for p in TABLE}
NAMES: tuple[str, ...] = tuple(PHASES)
FIRST = TABLE[0].name  # the phase a year (and a game) begins with
INTERACTIVE: tuple[str, ...] = tuple(p.name for p in TABLE if p.interactive)


def get(name: str) -> Phase:
    """The record of the phase `name` (KeyError naming the known phases if there is none)."""
    try:
        return PHASES[name]
    except KeyError:
        raise KeyError(str(unknown(name))) from None


def unknown(name: str) -> Msg:
    """The sentence saying `name` is not a phase, listing the phases there are."""
    return msg("inv.phase", name=name, phases=NAMES)


def verbs(name: str) -> tuple[str, ...]:
    """The verbs seats may use in phase `name` (none in automatic or unknown phases)."""
    return PHASES[name].verbs if name in PHASES else ()


def phases_with(verb: str) -> tuple[str, ...]:
    """The phases, in the year's order, in which `verb` may be used."""
    return tuple(p.name for p in TABLE if verb in p.verbs)


def later(name: str) -> tuple[Phase, ...]:
    """The phases after `name` in the same year (none after an unknown name)."""
    return TABLE[NAMES.index(name) + 1:] if name in PHASES else ()


@lru_cache(maxsize=None)
def function(ref: str) -> Callable:
    """The function a record names as "module:function"."""
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def answering(world: World) -> set[str]:
    """The powers with offers or invitations waiting for their answer."""
    waiting = {o.receiver for o in world.offers.values() if o.status == "pending"}
    for s in world.summits:
        waiting.update(p for p in s.invited if p not in s.answers)
    return waiting


def must_answer(world: World, p: str) -> bool:
    """Whether p has offers or invitations waiting for its answer."""
    return p in answering(world)


def seat_from(world: World, start: int) -> int:
    """The first seat from `start` on that takes a turn in the current phase as the world stands, or -1."""
    seats = PHASES[world.phase].seats
    if seats != ALL:
        waiting = answering(world) if seats == ANSWERING else set()
        return next((i for i in range(start, len(world.order)) if world.order[i] in waiting), -1)
    return start if start < len(world.order) else -1
