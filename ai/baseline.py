"""Baseline agents: a random-legal player and a greedy one-step player."""
from __future__ import annotations

import random

from game.model import World
from game.rules import actions as A
from game.rules import agenda, valuation
from game.rules.play import apply
from ai.base import Decision

ANSWERS = (A.Accept, A.Reject, A.Counter)


class RandomAgent:
    """Picks any legal action; ends its turn with probability `patience`.

    The draw for the end of the turn comes first, also when nothing else is legal (the turn ends either way, and
    the dice are new for each decision), so a turn ended by chance reads only the menu's last action."""

    def __init__(self, patience: float = 0.35):
        self.patience = patience

    def choose(self, view: World, legal: list[A.Action], rng: random.Random) -> Decision:
        """A random legal action, ending the turn now and then."""
        if rng.random() < self.patience:  # the end of the turn (last): the rest of the menu need not be checked
            return Decision(legal[-1])
        others = [a for a in legal if not isinstance(a, A.EndTurn)]
        return Decision(rng.choice(others) if others else legal[-1])


class GreedyAgent:
    """Takes the action that most raises its own agenda score right away; answers by appraisal."""

    def __init__(self, sample: int = 10):
        self.sample = sample

    def choose(self, view: World, legal: list[A.Action], rng: random.Random) -> Decision:
        """The best answer to a pending offer, else the best-scoring action, else end the turn."""
        me = view.current()
        answer = self._answer(view, me, legal)
        if answer is not None:
            return answer
        options = [a for a in legal if not isinstance(a, (A.EndTurn, *ANSWERS))]
        if len(options) > self.sample:
            options = rng.sample(options, self.sample)
        base = agenda.score(view, me)
        best, best_gain = legal[-1], 0.05
        for action in options:
            gain = agenda.score(apply(view, action)[0], me) - base
            if gain > best_gain:
                best, best_gain = action, gain
        return Decision(best)

    def _answer(self, view: World, me: str, legal: list[A.Action]) -> Decision | None:
        for action in legal:
            if isinstance(action, A.Accept):
                judged = valuation.appraise(view, me, view.offers[action.offer])
                chosen = action if judged.total > 0 else A.Reject(me, action.offer)
                return Decision(chosen, judged.reason, judged.terms)
        return None
