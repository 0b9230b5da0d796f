"""Honest reasons (issue 11, item 5): take away the terms a reason names and the answer changes.

A small seeded version of bench/reasons.py: the offers answered in two short 2015 games and
one short 2025 game at normal difficulty."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from game.rules.valuation import deciders

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_reasons", ROOT / "bench" / "reasons.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_deciders_are_the_winning_side_largest_first_until_the_answer_would_change():
    assert deciders({"money": 0.5, "hedging": -0.2, "backlash": -0.4}, -0.1) == ("backlash", "hedging")  # each needed
    assert deciders({"money": 0.5, "diversity": 0.1, "hedging": -0.2}, 0.4) == ("money",)
    assert deciders({"money": 0.3, "diversity": 0.25, "hedging": -0.2}, 0.35) == ("money", "diversity")
    assert deciders({"money": -0.02, "debt": -0.01, "diversity": 0.0}, -0.03) == ("money", "debt")  # nothing for it
    assert deciders({"position": 0.3, "route": 0.2, "paid": -0.4}, 0.1) == ("position", "route")  # each needed


def test_removing_the_terms_a_reason_names_changes_the_answer_in_at_least_nine_answers_of_ten():
    answers = bench.sample("2015", [1, 2]) + bench.sample("2025", [1])
    out = bench.measure(answers)
    assert out["judged"] >= 60, out
    assert {"c5 accept", "c5 decline", "great accept"} <= set(out["by_kind"]), out["by_kind"]
    assert out["flip_rate"] >= 0.9, out
    assert out["against_the_answer"] == 0, out  # no reason names a term that pulled the other way
    assert out["unexplained"] == 0, out  # every total is the sum of the parts a reason can name: no hidden term
