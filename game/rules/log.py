"""Log entries: what happened, who did it, which rule decided it, and who may see it."""
from __future__ import annotations

from typing import Mapping

from attrs import field, frozen

from game.model import World


@frozen
class Entry:
    """One line of the game log."""

    year: int
    phase: str
    actor: str
    text: str
    rule: str = ""  # the balancing rule that decided it, if any
    terms: Mapping[str, float] = field(factory=dict)  # the numbers behind a decision
    private: tuple[str, ...] = ()  # powers allowed to see it; () = everyone

    @classmethod
    def of(cls, world: World, actor: str, text: str, rule: str = "", terms=None, private=()) -> "Entry":
        """An entry stamped with the world's year and phase."""
        return cls(world.year, world.phase, actor, text, rule, dict(terms or {}), tuple(private))

    def visible_to(self, power: str) -> bool:
        """Whether `power` may read this entry."""
        return not self.private or power in self.private

    def to_dict(self) -> dict:
        """Plain data for saves and CSV export."""
        return {"year": self.year, "phase": self.phase, "actor": self.actor, "text": self.text,
                "rule": self.rule, "terms": dict(self.terms), "private": list(self.private)}
