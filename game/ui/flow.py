"""The turn flow of one session, without a screen: whose turn it is, the AI seats' moves, and what must be
seen next (the debrief, a new year's event cards, the year summary, the hand-over between two humans).

The play scene asks `TurnFlow.due()` after every frame and every closed dialog and shows the steps it gets,
in order; tests drive a whole game through it headlessly. Nothing here imports pygame.
"""
from __future__ import annotations

import time
from typing import NamedTuple

AI_BUDGET_S = 0.012  # AI thinking per frame, so the window keeps drawing


class Step(NamedTuple):
    """One thing to show: kind is "debrief", "cards", "summary" or "handover"."""

    kind: str
    power: str = ""  # the seat it is for (summary, hand-over)
    year: int = 0  # the year it is about (cards, summary)
    news: tuple = ()  # the event cards' ids (cards)
    before: object = None  # the World at the start of the year (summary)
    after: object = None  # the World at its end (summary)


class TurnFlow:
    """Whose turn, the AI seats' turns and the screens due between turns, for one session."""

    def __init__(self, session) -> None:
        self.session = session
        self.viewer = ""  # the human seat whose private view is on screen
        self.year_seen = session.world.year
        self.year_start = session.world  # the World at the start of the year on screen
        self.cards_seen: set[int] = set()
        self.summary: tuple = ()  # (world at the start of the last year, at its end, the year)
        self.summary_due: set[str] = set()  # human seats that have not yet seen the last year's summary

    def humans(self) -> list[str]:
        """The human seats, in seating order."""
        return [p for p, s in self.session.seats.items() if s.human]

    def me(self) -> str:
        """The seat whose view is shown: the human to move, else the last human who moved."""
        s = self.session
        if s.human_to_move():
            return s.current()
        return self.viewer or (self.humans()[0] if self.humans() else s.world.order[0])

    def think(self, budget_s: float = AI_BUDGET_S, clock=time.perf_counter) -> bool:
        """Let AI seats move until a human is to move, the year turns or `budget_s` is spent; whether any moved."""
        s = self.session
        started, moved = clock(), False
        while s.world.status == "playing" and not s.human_to_move():
            s.ai_step()
            moved = True
            if s.world.year != self.year_seen or clock() - started > budget_s:
                break
        return moved

    def due(self) -> list[Step]:
        """What must be shown now, in the order to open it (the last one on top): the debrief when the game is
        over; else, when a human is to move, the year's event cards (once), that seat's summary of the last
        year (once) and the hand-over when another human played before."""
        s = self.session
        if s.world.status != "playing":
            return [Step("debrief")]
        self.note_year()
        if not s.human_to_move():
            return []
        steps = self.news()
        p = s.current()
        if p in self.summary_due:
            self.summary_due.discard(p)
            before, after, year = self.summary
            steps.append(Step("summary", p, year, before=before, after=after))
        if p != self.viewer and len(self.humans()) > 1:
            steps.append(Step("handover", p))
        self.viewer = p
        return steps

    def note_year(self) -> None:
        """When the year has turned: keep its start and end for the summary, due to every human seat."""
        s = self.session
        if s.world.year == self.year_seen:
            return
        before, self.year_start = self.year_start, s.world
        self.summary = (before, s.world, self.year_seen)
        self.summary_due = set(self.humans())
        self.year_seen = s.world.year

    def news(self) -> list[Step]:
        """The current year's event cards, the first time they are asked for (none when the year has none)."""
        w = self.session.world
        if w.year in self.cards_seen:
            return []
        self.cards_seen.add(w.year)
        return [Step("cards", year=w.year, news=tuple(w.news))] if w.news else []
