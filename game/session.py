"""A game in progress: the seats (human or AI), the World, the action log and the game log.

The screen and the command line drive a game only through a Session: it validates
and applies actions, lets AI seats move until a human must decide, and keeps what
saves, replays, undo and the debrief need.
"""
from __future__ import annotations

import random
from typing import Callable

from attrs import define, field, frozen

from game import engine
from game.errors import IllegalAction
from game.text import msg
from game.model import World
from game.rules.actions import Action
from game.rules.legal import Menu, view_for
from game.rules.log import Entry
from game.history import recorded


@frozen
class Seat:
    """Who plays a power: a person, or an AI of some difficulty and style."""

    power: str
    human: bool
    difficulty: str = "normal"  # easy, normal, hard, historical


AgentFactory = Callable[[World, Seat], object]


def default_agents(world: World, seat: Seat):
    """The seat's personality agent at the seat's difficulty (ai/personalities.toml + scenario overrides)."""
    from ai.factory import make_agent
    return make_agent(world, seat.power, seat.difficulty)


@define(eq=False)
class YearMark:
    """The end of one finished year: how many actions had been taken, and the World's hash then
    (worked out from the World kept beside it only when first read: saving, replaying, testing)."""

    year: int
    actions: int
    known: str = ""  # the hash, once worked out (or as a save gave it)
    world: World | None = field(default=None, repr=False)  # the World to hash, until it is hashed

    @property
    def hash(self) -> str:
        """The World's hash at the end of the year."""
        if not self.known and self.world is not None:
            self.known, self.world = engine.world_hash(self.world), None
        return self.known

    def __eq__(self, other) -> bool:
        """Marks are equal when they name the same year, action count and hash."""
        if not isinstance(other, YearMark):
            return NotImplemented
        return (self.year, self.actions, self.hash) == (other.year, other.actions, other.hash)


@define
class Session:
    """One game: its seats, current World, every action taken and everything logged."""

    world: World
    seats: dict[str, Seat]
    scenario_id: str = ""
    make_agent: AgentFactory = default_agents
    actions: list[str] = field(factory=list)
    log: list[Entry] = field(factory=list)
    history: list[dict] = field(factory=list)
    agents: dict = field(factory=dict)
    undo_stack: list[tuple[World, int, int]] = field(factory=list)
    on_year_end: list[Callable[["Session"], None]] = field(factory=list)
    start_world: World | None = None  # the scenario's World with the seed, before the first year
    scenario_raw: dict | None = None  # the scenario data a save embeds (Scenario.raw)
    year_marks: list[YearMark] = field(factory=list)  # one per finished year: where it ended, its hash
    year_worlds: list[World] = field(factory=list)  # the World after each finished year (not saved)
    _legal: tuple = (None, None)  # the last World asked about and its legal actions, a Menu (the screen asks every frame)
    start_hash: str = ""  # world_hash of start_world, filled in when first needed
    game_id: str = ""  # names this game's autosaves (given when a game is first autosaved)
    saved_by: str = ""  # the game version of an older build this game was saved by ("" when this one)
    ai_salt: str = ""  # re-draws the AIs' own sampling while the world's dice stay fixed ("" = the usual draws)

    @classmethod
    def start(cls, world: World, seats: dict[str, Seat], seed: int, scenario_id: str = "",
              make_agent: AgentFactory = default_agents, scenario_raw: dict | None = None) -> "Session":
        """A new game from a scenario World and a seed (`scenario_raw`: the data a save embeds)."""
        from attrs import evolve
        opening = evolve(world, seed=seed)
        first, log = engine.start(opening)
        s = cls(first, seats, scenario_id or world.scenario_id, make_agent)
        s.start_world, s.scenario_raw = opening, scenario_raw
        s.log.extend(log)
        s.agents = {p: make_agent(first, seat) for p, seat in seats.items() if not seat.human}
        return s

    # --- who moves -------------------------------------------------------------
    def current(self) -> str:
        """The power whose decision it is ("" when the game is over)."""
        return self.world.current() if self.world.status == "playing" else ""

    def human_to_move(self) -> bool:
        """Whether a person must decide now."""
        p = self.current()
        return bool(p) and self.seats[p].human

    def legal(self) -> list[Action]:
        """The current seat's legal actions (worked out once per World)."""
        return list(self.menu())

    def menu(self) -> Menu:
        """The current seat's legal actions as a `Menu` (one per World), checked only as far as they are read."""
        if self._legal[0] is not self.world:
            self._legal = (self.world, Menu(self.world, self.current()))
        return self._legal[1]

    def _from_menu(self, action: Action) -> bool:
        """Whether `action` is one of the legal actions worked out for the current World (the very
        object: it was checked then, so it is not checked again)."""
        return self._legal[0] is self.world and self._legal[1].handed_out(action)

    def view(self, power: str) -> World:
        """What `power` may see."""
        return view_for(self.world, power)

    # --- moving -------------------------------------------------------------------
    def act(self, action: Action, reason: str = "", terms: dict | None = None) -> list[Entry]:
        """Apply one action for the current seat; IllegalAction with reasons if not allowed."""
        before, year = self.world, self.world.year
        world, log = engine.step(self.world, action, checked=self._from_menu(action))
        if reason:
            log.insert(0, Entry.of(before, action.actor, reason, rule="ai", terms=terms or {}, private=private_to(log)))
        self._remember_undo(before, action)
        self.world = world
        self.actions.append(str(action))
        self.log.extend(log)
        if world.year != year or world.status != "playing":
            self.history.append(recorded(world, year))
            self.year_marks.append(YearMark(year, len(self.actions), world=world))
            self.year_worlds.append(world)
            for hook in self.on_year_end:
                hook(self)
        return log

    def _remember_undo(self, before: World, action: Action) -> None:
        """Keep the world before a human's own action until its turn ends.

        Ending the turn, an AI seat's move, or another seat's move closes the window:
        an undo never takes back past an action by someone else.
        """
        if self.undo_stack and not _same_turn(self.undo_stack[-1][0], before):
            self.undo_stack.clear()
        if action.verb == "end" or not self.seats[action.actor].human:
            self.undo_stack.clear()
        else:
            self.undo_stack.append((before, len(self.actions), len(self.log)))

    def can_undo(self) -> bool:
        """Whether the current human seat has actions of this turn to take back."""
        return (bool(self.undo_stack) and self.human_to_move()
                and _same_turn(self.undo_stack[-1][0], self.world))

    def undo(self) -> None:
        """Take back the current human seat's last action of this turn."""
        if not self.can_undo():
            raise IllegalAction([msg("illegal.nothing_to_undo")])
        world, n_actions, n_log = self.undo_stack.pop()
        self.world = world
        del self.actions[n_actions:]
        del self.log[n_log:]
        while self.year_marks and self.year_marks[-1].actions > n_actions:
            self.year_marks.pop()
            self.year_worlds[-1:] = []
            self.history[-1:] = []

    def ai_step(self) -> list[Entry]:
        """Let the current AI seat make one decision."""
        p = self.current()
        agent = self.agents[p]
        key = f"{self.world.seed}|{self.world.year}|{self.world.phase}|{len(self.actions)}"
        rng = random.Random(f"{key}|{self.ai_salt}" if self.ai_salt else key)
        choice = agent.choose(self.view(p), self.menu(), rng)
        return self.act(choice.action, choice.reason, choice.terms)

    def run_ai(self, limit: int = 100000) -> list[Entry]:
        """Let AI seats move until a person must decide or the game ends."""
        log: list[Entry] = []
        for _ in range(limit):
            if self.world.status != "playing" or self.human_to_move():
                break
            log += self.ai_step()
        return log

    def visible_log(self, power: str) -> list[Entry]:
        """The log lines `power` may read."""
        return [e for e in self.log if e.visible_to(power)]


def private_to(log: list[Entry]) -> tuple[str, ...]:
    """Who may read the reason for an action: everyone, unless every line the action wrote is private (an offer,
    a refusal), then only the powers those lines are private to."""
    if not log or any(not e.private for e in log):
        return ()
    return tuple(dict.fromkeys(p for e in log for p in e.private))


def _same_turn(a: World, b: World) -> bool:
    """Whether two Worlds are in the same seat's turn of the same phase and year."""
    return (a.year, a.phase, a.turn) == (b.year, b.phase, b.turn) and a.current() == b.current() != ""
