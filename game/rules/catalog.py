"""The nine balancing rules: number, name, module and parameter groups (one place for all three).

The rules reference (docs/rules.md, shown in game) is generated from this list, each
module's docstring (what it does, its formula, its sources) and the rules table.
"""
from __future__ import annotations

import importlib
from types import ModuleType

from attrs import frozen

from game.rules.params import PARAMS, Param


@frozen
class RuleInfo:
    """One balancing rule as the reference shows it."""

    number: int
    name: str
    module: str
    groups: tuple[str, ...]  # parameter name prefixes

    def load(self) -> ModuleType:
        """The rule's module."""
        return importlib.import_module(f"game.rules.{self.module}")

    def params(self) -> dict[str, Param]:
        """The rule's parameters from the rules table."""
        return {n: p for n, p in PARAMS.items() if n.split(".")[0] in self.groups}


RULES = (
    RuleInfo(1, "Multi-vector hedging", "hedging", ("hedging",)),
    RuleInfo(2, "Geography and cost", "geography", ("geography",)),
    RuleInfo(3, "Backlash risk", "backlash", ("backlash", "summit")),
    RuleInfo(4, "Credibility", "credibility", ("credibility",)),
    RuleInfo(5, "Latecomer dilution", "dilution", ("dilution",)),
    RuleInfo(6, "Weaponised dependence", "dependence", ("dependence",)),
    RuleInfo(7, "Refining bottleneck", "refining", ("refining",)),
    RuleInfo(8, "Institutions accumulate", "institutions", ("institutions",)),
    RuleInfo(9, "Energy security", "energy", ("energy",)),
)

BOOKKEEPING = (
    RuleInfo(10, "Influence, shares and autonomy", "influence", ("influence",)),
    RuleInfo(11, "Economy", "economy", ("economy", "stability")),
    RuleInfo(12, "Agendas", "agenda", ("agenda",)),
    RuleInfo(13, "Events", "events", ("events",)),
    RuleInfo(14, "Goods trade and remittances", "trade", ("trade",)),
    RuleInfo(15, "Contracts and prices", "contracts", ("contracts",)),
    RuleInfo(16, "Objectives and scoring rounds: how a game is won", "objectives", ("objectives",)),
)

LEVERS = (
    RuleInfo(14, "Transit consent and fees", "transit", ("transit",)),
    RuleInfo(15, "Water and hydro-power", "water", ("water",)),
)
