"""A small seeded run of bench/levers.py: every Central Asian seat acts, and an idle seat is measured against it."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_levers", ROOT / "bench" / "levers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_c5_seat_moves_in_two_years_of_2015():
    """Two years, one seed: the AI takes moves of its own (not only answers) in each C5 seat, and the
    report pairs each seat's AI score with its do-nothing score."""
    out = _bench().measure("2015", games=1, seed=11, years=2)
    assert set(out["seats"]) == {"kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"}
    for c, row in out["seats"].items():
        assert row["ai_moves_per_year"] > 0, c
        assert abs(row["ai_score"] - row["idle_score"] - row["ai_minus_idle"]) < 0.02
