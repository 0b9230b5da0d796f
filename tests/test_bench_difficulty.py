"""bench/difficulty.py's table by dealt card: each variant's mean points over the reference, on the games that dealt it."""
from __future__ import annotations

from bench import difficulty as D


def test_hard_minus_normal_is_split_by_the_card_each_seed_dealt(capsys):
    """Three seeds of one seat, two dealt one card and one another: each card's row averages the paired differences
    of its own games only (a variant's game on a seed is compared with the reference's game on that seed)."""
    game = lambda card, points: {"card": card, "points": points}  # noqa: E731
    res = {"kazakhstan": {"normal": [game("autonomy_gained", 10.0), game("transit_income_gained", 20.0),
                                     game("autonomy_gained", 30.0)],
                          "hard": [game("autonomy_gained", 14.0), game("transit_income_gained", 17.0),
                                   game("autonomy_gained", 30.0)]}}
    out = D.cards(res, ["kazakhstan"], ["normal", "hard"])
    assert out == {"kazakhstan": {"autonomy_gained": {"games": 2, "hard": 2.0},
                                  "transit_income_gained": {"games": 1, "hard": -3.0}}}
    assert "transit_income_gained" in capsys.readouterr().out


def test_games_played_in_two_processes_are_those_of_one():
    """`--jobs 2` plays the grid in forked processes and prints the same games in the same order as one process
    (run as the command, in a fresh interpreter: the test process itself is not forked)."""
    import re
    import subprocess
    import sys
    from pathlib import Path
    script = Path(__file__).resolve().parents[1] / "bench" / "difficulty.py"

    def games(jobs: str) -> list[str]:
        out = subprocess.run([sys.executable, str(script), "--short", "--scenario", "1992", "--variants", "normal",
                              "easy", "--seats", "kazakhstan", "japan", "--seeds", "2", "--seed", "1", "--years", "1",
                              "--jobs", jobs], capture_output=True, text=True, timeout=600, check=True).stdout
        return [re.sub(r" \([0-9.]+ s\)$", "", line) for line in out.splitlines() if " seed " in line]

    one = games("1")
    assert len(one) == 8
    assert games("2") == one
