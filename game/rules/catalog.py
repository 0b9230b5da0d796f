"""The nine balancing rules: number, name, module and parameter groups (one place for all three).

The rules reference (docs/rules.md, shown in game) is generated from this list, each
module's docstring (what it does, its formula, its sources) and the rules table.
"""
from __future__ import annotations

import importlib
from types import ModuleType

from attrs import frozen

from game.rules.params import PARAMS, Param
from game.text import msg, render


@frozen
class RuleInfo:
    """One balancing rule as the reference shows it; its name and summary are catalogue texts (`rule.<module>.*`)."""

    number: int
    module: str
    groups: tuple[str, ...]  # parameter name prefixes

    @property
    def name(self) -> str:
        """The rule's name in English (docs/rules.md); `title_in(lang)` for the reader's language."""
        return self.title_in("en")

    def title_in(self, lang: str | None = None) -> str:
        """The rule's name in `lang` (the active language by default)."""
        return render(msg(f"rule.{self.module}.name"), lang)

    def summary_in(self, lang: str | None = None) -> str:
        """The rule's one-line plain description in `lang` (the first line of its module docstring, in English)."""
        return render(msg(f"rule.{self.module}.summary"), lang)

    def load(self) -> ModuleType:
        """The rule's module."""
        return importlib.import_module(f"game.rules.{self.module}")

    def params(self) -> dict[str, Param]:
        """The rule's parameters from the rules table."""
        return {n: p for n, p in PARAMS.items() if n.split(".")[0] in self.groups}


RULES = (
    RuleInfo(1, "hedging", ("hedging",)),
    RuleInfo(2, "geography", ("geography",)),
    RuleInfo(3, "backlash", ("backlash", "summit")),
    RuleInfo(4, "credibility", ("credibility",)),
    RuleInfo(5, "dilution", ("dilution",)),
    RuleInfo(6, "dependence", ("dependence",)),
    RuleInfo(7, "refining", ("refining",)),
    RuleInfo(8, "institutions", ("institutions",)),
    RuleInfo(9, "energy", ("energy",)),
)

BOOKKEEPING = (
    RuleInfo(10, "influence", ("influence",)),
    RuleInfo(11, "economy", ("economy", "stability")),
    RuleInfo(12, "agenda", ("agenda",)),
    RuleInfo(13, "events", ("events",)),
    RuleInfo(14, "trade", ("trade",)),
    RuleInfo(15, "contracts", ("contracts",)),
    RuleInfo(16, "objectives", ("objectives",)),
    RuleInfo(23, "tension", ("tension",)),
    RuleInfo(25, "haggle", ("haggle",)),
)

LEVERS = (
    RuleInfo(17, "transit", ("transit",)),
    RuleInfo(18, "water", ("water",)),
    RuleInfo(19, "tender", ("tender",)),
    RuleInfo(20, "caucus", ("caucus",)),
    RuleInfo(21, "debt", ("debt",)),
    RuleInfo(22, "migration", ("migration",)),
)


REFERENCE_COLUMNS = ("reference.col.parameter", "reference.col.default", "reference.col.range", "reference.col.meaning")


def every_rule() -> tuple[RuleInfo, ...]:
    """The balancing rules, the bookkeeping and the levers, in the reference's order."""
    return RULES + BOOKKEEPING + LEVERS
