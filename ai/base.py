"""The agent interface every computer seat implements."""
from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any, Protocol

from attrs import field, frozen

from game.model import World
from game.rules.actions import Action


@frozen
class Decision:
    """An agent's choice and, when it matters, the reason in words and the terms behind it."""

    action: Action
    reason: Any = ""  # a game.text.Msg (rendered when shown)
    terms: dict = field(factory=dict)


class Agent(Protocol):
    """Chooses one action from the seat's view and its legal actions."""

    def choose(self, view: World, legal: Sequence[Action], rng: random.Random) -> Decision:
        """The next action for the seat whose turn it is (`legal`: a list, or the session's `Menu`, checked as read)."""
        ...
