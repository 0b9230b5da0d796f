"""The rules reference is generated from the code and must stay in step with it."""
from __future__ import annotations

import importlib.util
import inspect
from pathlib import Path

from game.rules.catalog import LEVERS, RULES

ROOT = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location("gen_rules_doc", ROOT / "tools" / "gen_rules_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_reference_is_up_to_date():
    """docs/rules.md equals what tools/gen_rules_doc.py writes (run it after changing a rule)."""
    assert (ROOT / "docs" / "rules.md").read_text("utf-8") == _generator().render()


def test_every_rule_has_formula_source_and_parameters():
    for rule in (*RULES, *LEVERS):
        doc = inspect.getdoc(rule.load())
        assert "Source" in doc, rule.name
        assert any(ch in doc for ch in "=x"), rule.name
        assert rule.params(), rule.name
        assert f"## {rule.number}. {rule.name}" in _generator().render()
