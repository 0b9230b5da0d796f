"""The AI plays to win the objectives: its yardstick is the points it projects to win (ai.race)."""
from attrs import evolve

from ai import race
from game.model import Objective
from game.model.ops import with_power
from game.rules import objectives as O
from tests.ai_fixtures import scenario, with_share

RANK = Objective("influence_gain", "influence_gain", O.RANK, (4.0, 2.0, 0.0))


def world_with(objs: dict):
    """The 2015 World with the given objectives for some powers (the others keep theirs)."""
    w = scenario().world
    for p, o in objs.items():
        w = with_power(w, p, objectives=o)
    return evolve(w, start_measures=O.measures(w))


def test_soft_rank_is_the_rank_pay_when_sure_and_between_places_when_close():
    vals = {"a": 0.5, "b": 0.3, "c": 0.1}
    assert abs(race.soft_rank(vals, "a", (4, 2, 0), 0.001) - 4.0) < 1e-6
    assert abs(race.soft_rank(vals, "b", (4, 2, 0), 0.001) - 2.0) < 1e-6
    tied = {"a": 0.5, "b": 0.5, "c": 0.1}
    assert abs(race.soft_rank(tied, "a", (4, 2, 0), 0.001) - O.rank_pay(tied, "a", (4, 2, 0))) < 1e-6
    close = race.soft_rank({"a": 0.31, "b": 0.3, "c": 0.1}, "a", (4, 2, 0), 0.05)
    assert 2.0 < close < 4.0


def test_own_gain_and_a_rivals_loss_both_raise_the_projection():
    """Influence gained in Kazakhstan raises Japan's projected points; China's loss there does too."""
    w = world_with({"japan": (RANK,)})
    base = race.value(w, "japan")
    mine = race.value(with_share(w, "kazakhstan", "japan", w.influence["kazakhstan"]["japan"] / sum(
        w.influence["kazakhstan"].values()) + 0.05), "japan")
    assert mine > base
    china_now = w.influence["kazakhstan"]["china"] / sum(w.influence["kazakhstan"].values())
    rival_down = race.value(with_share(w, "kazakhstan", "china", china_now - 0.05), "japan")
    assert rival_down > base


def test_no_term_rewards_hoarding():
    """Money kept moves the projection only when an objective reads the treasury."""
    w = world_with({"japan": (RANK,)})
    rich = with_power(w, "japan", treasury=w.powers["japan"].treasury + 50)
    assert race.value(rich, "japan") == race.value(w, "japan")
    keeper = Objective("treasury", "treasury", O.THRESHOLD, (1.0,), at=(0.5,))
    w2 = world_with({"japan": (keeper,)})
    rich2 = with_power(w2, "japan", treasury=w2.powers["japan"].treasury + 50)
    assert race.value(rich2, "japan") > race.value(w2, "japan")


def test_nothing_left_to_win_after_the_last_round():
    w = world_with({"japan": (RANK,)})
    done = evolve(w, scored=tuple({} for _ in O.rounds(w)))
    assert race.value(done, "japan") == 0.0
    assert race.value(w, "japan") > 0.0


def test_a_nearer_round_is_surer():
    """With a lead, the projection of one round is closer to first place when the round is this year."""
    w = world_with({"japan": (RANK,)})
    ahead = with_share(w, "kazakhstan", "japan", 0.6)
    one = evolve(ahead, rounds=(ahead.year,), round_weights=(), end_year=ahead.year)
    later = evolve(ahead, rounds=(ahead.year + 3,), round_weights=(), end_year=ahead.year + 3)
    assert race.expected(one, "japan")["influence_gain"] > race.expected(later, "japan")["influence_gain"]
