"""The authoring guide documents every key, parameter, effect and condition operator."""
from __future__ import annotations

from game.rules import events as event_rules
from game.rules.params import PARAMS
from game.scenario import schema
from game.scenario.loader import TOP_LEVEL
from tests.scenario_helpers import ROOT

DOC = (ROOT / "docs" / "scenarios.md").read_text(encoding="utf-8")


def test_every_key_of_every_table_is_documented():
    """Each key of each table appears in the reference as `key`."""
    for name, spec in schema.TABLES.items():
        for key in spec:
            assert f"| `{key}` |" in DOC, f"{name}.{key}"


def test_every_rule_parameter_is_documented():
    """The rules table lists every balancing parameter by its full name."""
    for name in PARAMS:
        assert f"`{name}`" in DOC, name


def test_every_effect_and_operator_is_documented():
    """The events vocabulary is complete in the guide."""
    for verb in event_rules.EFFECT_ARGS:
        assert f'"{verb} ' in DOC, verb
    for op in event_rules.OPS:
        assert f"`{op}`" in DOC, op


def test_every_top_level_part_is_documented():
    """Each top-level table and key is explained."""
    for part in TOP_LEVEL:
        assert part in DOC, part
