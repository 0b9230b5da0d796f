"""The ablation bench (bench/ablation.py): its switches, its statistics and one short paired game."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from game.rules.catalog import RULES
from game.scenario.loader import load

_SPEC = importlib.util.spec_from_file_location("ablation", Path(__file__).resolve().parents[1] / "bench" / "ablation.py")
ablation = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(ablation)


def test_every_dynamic_has_a_switch_within_its_parameters():
    """Each of the nine rules, and tension by play (rule 23), is neutralised through its own parameters, every value
    within range."""
    from game.rules.catalog import every_rule
    world = load("2015").world
    assert len(RULES) == 9 and sorted(ablation.NEUTRAL) == sorted([r.module for r in RULES] + ["tension"])
    for rule in [*RULES, next(r for r in every_rule() if r.module == "tension")]:
        switch = ablation.NEUTRAL[rule.module]
        assert switch and all(name.split(".")[0] in rule.groups for name in switch)
        rules = ablation.neutral_rules(world, rule.module)
        assert any(rules[n] != world.rules[n] for n in switch), rule.module


def test_paired_t_on_known_differences():
    """Mean 1 with sd 1 over 4 pairs: t = 2, not significant (critical 3.18); a constant move is."""
    out = ablation.paired([0.0, 1.0, 2.0, 1.0])
    assert out["mean"] == pytest.approx(1.0)
    assert out["t"] == pytest.approx(1.0 / (0.8165 / 2), rel=1e-3)
    assert not out["significant"]
    assert ablation.paired([0.5, 0.5, 0.5])["significant"]
    assert not ablation.paired([1e-12, 2e-12, 1e-12])["significant"]  # rounding noise is no move
    assert not ablation.paired([0.0, 0.0])["significant"]


def test_one_short_paired_game_runs_and_is_deterministic():
    """A one-year 2025 game with energy security neutralised: scores for every seat, the same twice."""
    a = ablation.one_game(("2025", "energy", 1, 1))
    assert set(a["scores"]) == set(load("2025").world.order)
    assert ablation.one_game(("2025", "energy", 1, 1)) == a
    normal = ablation.one_game(("2025", "", 1, 1))
    assert normal["scores"]["japan"] < a["scores"]["japan"]  # safe sea lanes: Japan's supply security rises


def test_refining_switched_off_frees_japans_outside_rare_earths():
    """A one-year 2025 game with the refining bottleneck neutralised: Australian ore no longer passes Chinese
    refineries, so Japan's rare-earth security, and its score, rise (rule 7, `refining.outside_ore`)."""
    normal = ablation.one_game(("2025", "", 1, 1))
    off = ablation.one_game(("2025", "refining", 1, 1))
    assert off["scores"]["japan"] > normal["scores"]["japan"] + 0.1
