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
    """`--jobs 2` plays the grid in forked processes and gives the same results in the same order as one process."""
    from attrs import evolve
    from game.scenario.loader import load
    sc = load("1992", short=True)
    world = evolve(sc.world, end_year=sc.world.start_year)  # one year a game
    tasks = [("kazakhstan", "normal", 1), ("kazakhstan", "easy", 2), ("japan", "normal", 3)]
    keys = ("points", "margin", "winner", "card")
    one = [{k: g[k] for k in keys} for g in D.grid_games(sc, world, "normal", tasks, 1)]
    two = [{k: g[k] for k in keys} for g in D.grid_games(sc, world, "normal", tasks, 2)]
    assert one == two and len(one) == 3
