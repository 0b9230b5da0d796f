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
