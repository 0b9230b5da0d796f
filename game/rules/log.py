"""Log entries: what happened (a message key and its arguments), who did it, which rule decided it, who may see it."""
from __future__ import annotations

from typing import Any, Mapping

from attrs import field, frozen

from game.model import World
from game.text import Msg, render, to_data


@frozen
class Entry:
    """One line of the game log; `msg` is rendered in the reader's language only when shown."""

    year: int
    phase: str
    actor: str
    msg: Msg
    rule: str = ""  # the balancing rule that decided it, if any
    terms: Mapping[str, float] = field(factory=dict)  # the numbers behind a decision
    private: tuple[str, ...] = ()  # powers allowed to see it; () = everyone

    @classmethod
    def of(cls, world: World, actor: str, key: "str | Msg", /, rule: str = "", terms=None, private=(),
           **args: Any) -> "Entry":
        """An entry stamped with the world's year and phase: `Entry.of(world, actor, "log.joins", actor=..., forum=...)`."""
        m = key if isinstance(key, Msg) else Msg(key, args)
        return cls(world.year, world.phase, actor, m, rule, dict(terms or {}), tuple(private))

    @property
    def text(self) -> str:
        """The entry in the active language."""
        return render(self.msg)

    @property
    def key(self) -> str:
        """The message key (what happened, in any language)."""
        return self.msg.key

    def visible_to(self, power: str) -> bool:
        """Whether `power` may read this entry."""
        return not self.private or power in self.private

    def to_dict(self) -> dict:
        """Plain data for CSV export: the text in the active language beside its key and arguments."""
        return {"year": self.year, "phase": self.phase, "actor": self.actor, "text": self.text,
                "key": self.msg.key, "args": to_data(self.msg)["a"],
                "rule": self.rule, "terms": dict(self.terms), "private": list(self.private)}
