"""Public objectives and scoring rounds: the rule acting, the scenario keys, the short form."""
from __future__ import annotations

import json

import pytest
from attrs import evolve

from ai.baseline import GreedyAgent
from game import engine
from game.errors import ScenarioErrors
from game.model import Objective
from game.model.ops import with_power
from game.rules import objectives as O
from game.scenario.loader import load
from game.sim import play
from tests.scenario_helpers import BASE_TEXT, changed, line_of


def test_objectives_1_rank_pays_by_place():
    """Rank: the first of three gets points[0], the last points[2]."""
    values = {"a": 0.3, "b": 0.1, "c": 0.2}
    assert [O.rank_pay(values, p, (6, 3, 0)) for p in "abc"] == [6, 0, 3]


def test_objectives_2_rank_ties_share_their_places():
    """Two tied for first share the points of first and second place."""
    values = {"a": 0.3, "b": 0.3, "c": 0.2}
    assert O.rank_pay(values, "a", (6, 3, 0)) == O.rank_pay(values, "b", (6, 3, 0)) == 4.5


def test_objectives_3_threshold_pays_each_step_reached():
    """Threshold: every step at or below the measure pays its points."""
    assert O.threshold_pay(0.25, (0.1, 0.2, 0.3), (1, 2, 4)) == 3
    assert O.threshold_pay(0.05, (0.1, 0.2, 0.3), (1, 2, 4)) == 0


def test_objectives_4_gain_counts_from_the_start():
    """A `_gain` measure is the change since the start."""
    now, start = {"a": {"influence": 0.5}}, {"a": {"influence": 0.2}}
    assert O.value(now, start, "a", "influence_gain") == pytest.approx(0.3)
    assert O.value(now, start, "a", "influence") == 0.5


def test_objectives_5_a_clear_first_place_earns_its_lead_bonus():
    """Rank with a lead bonus: first place earns `bonus x min(1, lead / clear)` beyond its points, so two powers
    that each lead their own race by a different margin end apart; second place and a tie for first earn none."""
    race = Objective("x", "influence", O.RANK, (6, 3, 0), bonus=3, clear=0.1)
    start = {q: {"influence": 0.0} for q in "abc"}
    order, kinds = ("a", "b", "c"), {q: "great" for q in "abc"}

    def paid(a: float, b: float, c: float) -> list[float]:
        now = {"a": {"influence": a}, "b": {"influence": b}, "c": {"influence": c}}
        return [O.pay(race, p, now, start, order, kinds) for p in order]
    assert paid(0.30, 0.25, 0.0) == pytest.approx([7.5, 3, 0])  # a lead of half the clear lead: half the bonus
    assert paid(0.60, 0.25, 0.0) == pytest.approx([9, 3, 0])  # a lead past the clear lead: the whole bonus
    assert paid(0.30, 0.30, 0.0) == pytest.approx([4.5, 4.5, 0])  # level: the places shared, no bonus
    assert O.pay(evolve(race, bonus=0), "a", {"a": {"influence": 0.6}, "b": {"influence": 0.25}, "c": {"influence": 0}},
                 start, order, kinds) == 6
    assert O.best_pay(race) == 9


def test_objectives_6_a_tie_goes_to_the_clearer_race_not_the_earlier_seat():
    """Equal points: the power furthest ahead in its own race wins; equal leads too: the earlier seat."""
    objs = {q: (Objective("x", "influence", O.RANK, (4, 2, 0)),) for q in "abc"}
    now = {"a": {"influence": 0.30}, "b": {"influence": 0.50}, "c": {"influence": 0.45}}
    start = {q: {"influence": 0.0} for q in "abc"}
    ahead = O.leads(objs, now, start, ("a", "b", "c"), {q: "great" for q in "abc"})
    assert ahead == {"a": pytest.approx(-0.2), "b": pytest.approx(0.05), "c": pytest.approx(-0.05)}
    assert O.first({"a": 6, "b": 6, "c": 6}, ahead, ("a", "b", "c")) == "b"
    assert O.first({"a": 7, "b": 6, "c": 6}, ahead, ("a", "b", "c")) == "a"
    assert O.first({"a": 6, "b": 6, "c": 6}, {}, ("a", "b", "c")) == "a"


def test_standings_share_a_place_on_equal_points_and_list_ties_in_seat_order(short_game):
    """Before the first round every power is tied first (=1) and listed in seat order, whatever the hidden lead in
    its races; later, powers with equal points share the best of their places and stand in seat order among
    themselves. The winner of a tie is still chosen by rule 16 (`ranking`: the furthest ahead in its races)."""
    sc, result = short_game
    start = O.standings(sc.world)
    assert all(st.tied and st.shared == 1 for st in start)
    assert [st.power for st in start] == list(sc.world.order)
    leads = O.world_leads(sc.world)
    assert O.leader(sc.world) == max(sc.world.order, key=lambda p: (leads[p], -sc.world.order.index(p)))
    pts = {p: 0.0 for p in sc.world.order}
    last, middle = sc.world.order[-1], sc.world.order[3]
    pts.update({sc.world.order[0]: 3.0, last: 1.0, middle: 1.0})
    w = evolve(sc.world, scored=(pts,))
    by = {st.power: st for st in O.standings(w)}
    assert (by[sc.world.order[0]].shared, by[sc.world.order[0]].tied) == (1, False)
    assert (by[middle].shared, by[middle].tied) == (by[last].shared, by[last].tied) == (2, True)
    assert [st.power for st in O.standings(w)][:3] == [sc.world.order[0], middle, last]
    assert all(by[p].shared == 4 and by[p].tied for p in sc.world.order if pts[p] == 0)
    assert [st.place for st in O.standings(w)] == list(range(1, len(sc.world.order) + 1))


def tied_finish(short_game, status: str):
    """The short game's final World with two powers level on points, the later seat furthest ahead in its races
    (so rule 16 gives it the tie), and every other power on 0; the two powers (earlier seat, later seat)."""
    sc, result = short_game
    w, leads = result.final, O.world_leads(result.final)
    order = w.order
    earlier, later = next((a, b) for i, a in enumerate(order) for b in order[i + 1:] if leads[b] > leads[a])
    pts = {p: 0.0 for p in order}
    pts.update({earlier: 10.0, later: 10.0})
    return evolve(w, scored=(pts,) + tuple({p: 0.0 for p in order} for _ in w.scored[1:]), status=status), earlier, later


def test_standings_list_the_winner_first_among_equals_once_the_game_is_over(short_game):
    """A tie for first: during play the two stand in seat order ("=1" both); once the game is over the winner rule 16
    chose (`ranking`, the furthest ahead in its races) stands first of the two, still "=1"; a collapse names no
    winner and keeps seat order."""
    over, earlier, later = tied_finish(short_game, "over")
    assert engine.winner(over) == later and O.ranking(over)[:2] == [later, earlier]
    top = O.standings(over)[:2]
    assert [st.power for st in top] == [later, earlier] and all(st.tied and st.shared == 1 for st in top)
    assert [st.place for st in O.standings(over)] == list(range(1, len(over.order) + 1))
    for status in ("playing", "collapsed"):
        during = evolve(over, status=status)
        assert [st.power for st in O.standings(during)][:2] == [earlier, later], status


def test_default_rounds_end_with_the_game():
    assert O.default_rounds(2015, 2025) == (2018, 2022, 2025)
    assert O.default_rounds(2015, 2019)[-1] == 2019


@pytest.fixture(scope="module")
def short_game():
    sc = load("2015", short=True)
    return sc, play(sc.world, {p: GreedyAgent() for p in sc.world.order}, 3)


def test_scoring_rounds_pay_only_in_round_years_and_add_up(short_game):
    """Points change only at the end of scoring-round years; the totals are the rounds' sum."""
    sc, result = short_game
    w = result.final
    assert len(w.scored) == len(w.rounds)
    changed_years = [h["year"] for prev, h in zip([{"points": {p: 0.0 for p in w.order}}] + list(result.history),
                                                  result.history) if h["points"] != prev["points"]]
    assert set(changed_years) <= set(w.rounds)
    for p in w.order:
        assert result.points[p] == pytest.approx(sum(r[p] for r in w.scored))


def test_the_winner_has_the_most_points(short_game):
    _, result = short_game
    assert result.winner == O.leader(result.final)
    assert result.points[result.winner] == max(result.points.values())


def test_standing_projects_what_a_round_now_would_pay(short_game):
    """The standing's projection equals the points a round held now would give."""
    sc, result = short_game
    w = result.final
    year = w.rounds[-1]
    now = evolve(w, scored=w.scored[:-1], year=year)
    projected = {s.power: s.projected for s in O.standings(now)}
    assert projected == pytest.approx(O.score_round(now))
    assert [s.place for s in O.standings(w)] == list(range(1, len(w.order) + 1))


def test_a_collapse_has_no_winner_even_with_points(short_game):
    _, result = short_game
    assert engine.winner(evolve(result.final, status="collapsed")) == ""


def without_objectives(text: str) -> str:
    """A scenario text with every [powers.ID.objectives] block taken out (the comments among its lines too)."""
    import re
    return re.sub(r"\[powers\.\w+\.objectives\][^\n]*\n(?:(?:\w+ = \{|#)[^\n]*\n)+", "", text)


def test_scenario_objectives_are_read():
    """Objectives written in a scenario are read; a power without any gets defaults read from its agenda."""
    text = changed("[powers.japan.agenda]", '[powers.japan.objectives.lead]\nmeasure = "influence"\nkind = "rank"\n'
                   'points = [5, 2, 0]\n[powers.japan.objectives.secure]\nmeasure = "supply_security"\n'
                   'kind = "threshold"\nat = [0.5, 0.7]\npoints = [1, 2]\n\n[powers.japan.agenda]',
                   without_objectives(BASE_TEXT))
    w = _load_text(text).world
    assert [o.id for o in w.powers["japan"].objectives] == ["lead", "secure"]
    assert w.powers["japan"].objectives[1].at == (0.5, 0.7)
    assert {o.measure for o in w.powers["china"].objectives} == {f"{t}_gain" for t in w.powers["china"].agenda}


def _load_text(text: str, tmp=None):
    import tempfile
    from pathlib import Path
    folder = Path(tempfile.mkdtemp())
    path = folder / "s.toml"
    path.write_text(text, encoding="utf-8")
    return load(str(path))


BAD = [
    ('measure = "influense"', "powers.japan.objectives.x.measure", "Did you mean 'influence'"),
    ('measure = "influence"\nkind = "rank"\npoints = [1]\namong = ["japan", "chyna"]', "powers.japan.objectives.x.among",
     "not a power"),
    ('measure = "influence"\nkind = "threshold"\npoints = [1, 2]\nat = [0.3]', "powers.japan.objectives.x.at",
     "one step per point"),
    ('measure = "influence"\nkind = "threshold"\npoints = [1, 2]\nat = [0.3, 0.1]', "powers.japan.objectives.x.at",
     "ascending"),
    ('measure = "influence"\nkind = "race"\npoints = [1]', "powers.japan.objectives.x.kind", "not one of"),
    ('measure = "influence"\nkind = "rank"\npoints = ["many"]', "powers.japan.objectives.x.points", "should be a number"),
    ('measure = "trade"\nkind = "threshold"\nat = [0.1]\npoints = [2]\nclear = 0.05', "powers.japan.objectives.x.clear",
     "only a rank objective"),
]


@pytest.mark.parametrize("body,key,words", BAD)
def test_bad_objective_names_file_line_and_key(body, key, words):
    full = "[powers.japan.objectives.x]\n" + (body if "kind" in body else body + '\nkind = "rank"\npoints = [1]') + "\n"
    text = changed("[powers.japan.agenda]", full + "\n[powers.japan.agenda]")
    with pytest.raises(ScenarioErrors) as e:
        _load_text(text)
    err = next(x for x in e.value.errors if x.key == key)
    assert words in err.text
    needle = f"\n{key.rsplit('.', 1)[1]} = "
    assert err.line == line_of(text, "[powers.japan.objectives.x]") + full[:full.index(needle) + 1].count("\n")


@pytest.mark.parametrize("rounds,words", [("[2016, 2020]", "last round must be the last year"),
                                          ("[2020, 2018, 2025]", "ascending"), ("[2010, 2025]", "every round")])
def test_bad_rounds_are_reported(rounds, words):
    text = changed("end_year = 2025", f"end_year = 2025\nrounds = {rounds}")
    with pytest.raises(ScenarioErrors) as e:
        _load_text(text)
    err = next(x for x in e.value.errors if x.key == "scenario.rounds")
    assert words in err.text and err.line == line_of(text, f"rounds = {rounds}")


def test_short_form_has_fewer_years_and_its_own_rounds():
    full, short = load("2015").world, load("2015", short=True).world
    assert short.start_year == full.start_year and short.end_year < full.end_year
    assert short.rounds[-1] == short.end_year and all(y <= short.end_year for y in short.rounds)
    assert all(e.year <= short.end_year for e in short.events)


def test_short_table_sets_the_short_form():
    text = changed("end_year = 2019\nrounds = [2016, 2018, 2019]", "end_year = 2018\nrounds = [2016, 2018]")
    w = _load_text(text).world
    assert w.end_year == 2025
    import tempfile
    from pathlib import Path
    path = Path(tempfile.mkdtemp()) / "s.toml"
    path.write_text(text, encoding="utf-8")
    sw = load(str(path), short=True).world
    assert (sw.end_year, sw.rounds) == (2018, (2016, 2018))


def test_bad_short_table_is_reported():
    text = changed("[short]\nend_year = 2019", "[short]\nend_year = 2010")
    with pytest.raises(ScenarioErrors) as e:
        _load_text(text)
    err = next(x for x in e.value.errors if x.key == "short.end_year")
    assert err.line == line_of(text, "end_year = 2010")


def test_a_short_form_past_the_end_is_the_whole_game(tmp_path):
    """A scenario that ends before its inherited short form ends plays its whole game as the short form."""
    path = tmp_path / "s.toml"
    path.write_text('format_version = 1\nextends = "2015"\n[scenario]\nid = "s"\ntitle = "S"\nend_year = 2017\n')
    w = load(str(path), short=True).world
    assert w.end_year == 2017 and O.rounds(w)[-1] == 2017 and all(y <= 2017 for y in O.rounds(w))


def test_simulate_short_json_shows_objectives_and_standings(capsys):
    from game.cli import main
    assert main(["simulate", "--scenario", "2015", "--short", "--games", "1", "--agent", "greedy", "--json"]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out["short"] and out["rounds"] == list(load("2015", short=True).world.rounds)
    assert set(out["objectives"]) == set(load("2015").world.order)
    assert {s["power"] for s in out["standings"]} == set(out["objectives"])
    assert all(s["next_round"] == out["rounds"][0] and s["next_round_pays"] >= 0 for s in out["standings"])


def test_objectives_5_dealt_by_the_seed_at_the_start():
    """With `objectives.dealt` = k, each power keeps k of its objectives, the same for the same seed."""
    w = load("2015").world
    k = int(w.param("objectives.dealt"))
    assert 0 < k < len(w.powers["japan"].objectives)
    first = engine.start(evolve(w, seed=11))[0]
    again = engine.start(evolve(w, seed=11))[0]
    assert all(len(first.powers[p].objectives) == min(k, len(w.powers[p].objectives)) for p in w.order)
    assert {p: first.powers[p].objectives for p in w.order} == {p: again.powers[p].objectives for p in w.order}
    deals = {tuple(o.id for o in engine.start(evolve(w, seed=s))[0].powers["japan"].objectives) for s in range(1, 9)}
    assert len(deals) > 1


def test_a_standing_objective_is_kept_in_every_deal_and_the_others_are_drawn_as_before():
    """2025: Japan's rare-earth objective is `standing`: every seed keeps it beside the one objective it is
    dealt, and the draws (Japan's and every other seat's) are those of the list without it."""
    w = load("2025").world
    standing = [o for o in w.powers["japan"].objectives if o.standing]
    assert [o.id for o in standing] == ["rare_earths_secured"] and standing[0].measure == "rare_earth_cover"
    plain = with_power(w, "japan", objectives=tuple(o for o in w.powers["japan"].objectives if not o.standing))
    for seed in range(1, 7):
        dealt = engine.start(evolve(w, seed=seed))[0]
        without = engine.start(evolve(plain, seed=seed))[0]
        assert dealt.powers["japan"].objectives == without.powers["japan"].objectives + tuple(standing)
        assert all(dealt.powers[p].objectives == without.powers[p].objectives for p in w.order if p != "japan")


def test_session_ai_salt_redraws_only_the_ais():
    """A salted session keeps the world's dice: the same seed, and events drawn the same way."""
    from game.session import Seat, Session
    sc = load("2015", short=True)
    seats = {p: Seat(p, False) for p in sc.world.order}
    plain = Session.start(sc.world, seats, 5, make_agent=lambda w, s: GreedyAgent())
    salted = Session.start(sc.world, seats, 5, make_agent=lambda w, s: GreedyAgent())
    salted.ai_salt = "redraw1"
    assert plain.world == salted.world  # nothing drawn yet by an AI
    assert engine.rng(plain.world, "events").random() == engine.rng(salted.world, "events").random()


def test_agency_bench_small_and_rescoring_matches_the_engine(tmp_path, capsys):
    """A seeded miniature of bench/agency.py: its figures are consistent, and re-scoring the stored
    measures gives exactly the points the engine gave."""
    from bench import agency
    raw = tmp_path / "games.jsonl"
    out = agency.main(["--short", "--seeds", "1", "--redraws", "1", "--seats", "kyrgyzstan", "--policies", "nothing",
                       "--jobs", "1", "--raw", str(raw)])
    games = agency.read_games(str(raw))
    assert len(games) == 3 and out["games"] == 3
    world = load("2015", short=True).world
    for g in games:
        assert agency.rescore(g, world)["final"] == pytest.approx(g["points"])
    row = out["seats"]["kyrgyzstan"]["nothing"]
    assert row["n"] == 1 and 0 <= row["win_rate"] <= 1
    assert out["winner_stability"] in (0.0, 1.0) and sum(out["ai_wins"].values()) == 2
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["games"] == 3
    # the deal: each seat's card in the two AI games (the same seed, so the same card), its wins and points there
    for p, cards in out["by_objective"].items():
        (card, r), = cards.items()
        assert card == "+".join(sorted(o.id for o in load_dealt(world, 1)[p])) and r["games"] == 2
        assert r["wins"] == out["ai_wins"][p] and r["mean_points"] == pytest.approx(out["ai_mean_points"][p], abs=0.01)


def load_dealt(world, seed):
    """Each power's drawn objectives as a game with `seed` deals them."""
    from game.ui.scoreboard import dealt_world
    return {p: [o for o in pw.objectives if not o.standing] for p, pw in dealt_world(world, seed).powers.items()}


def test_never_won_names_the_cards_that_won_none_of_their_games():
    """`agency.never_won`: a seat's objective dealt in enough AI games that won none of them is named with its count;
    one that won a game, or was dealt too rarely to tell, is not."""
    from bench.agency import never_won
    table = {"japan": {"influence_gained": {"games": 40, "wins": 0, "mean_points": 16.0},
                       "trade_gained": {"games": 36, "wins": 9, "mean_points": 20.2}},
             "russia": {"energy_from_c5_gained": {"games": 3, "wins": 0, "mean_points": 0.3}}}
    assert never_won(table) == ["japan: influence_gained (40)"]
    assert never_won(table, least=2) == ["japan: influence_gained (40)", "russia: energy_from_c5_gained (3)"]


def test_setup_screen_and_command_line_choose_the_short_form():
    """The setup screen's Full/Short button and `run_game.py --short` pick the short form."""
    from game.cli import parser
    from game.ui.app import first_scene
    from game.ui.setup import SetupScene
    scene = SetupScene()
    scene.enter()
    scene.choose(next(i for i, s in enumerate(scene.scenarios) if s.path.endswith("2015.toml")))
    full = scene.world()
    scene.toggle_short()
    assert scene.short and scene.world().end_year < full.end_year and scene.world().rounds[-1] == scene.world().end_year
    assert first_scene(None, parser().parse_args(["--short"])).short
    assert not first_scene(None, parser().parse_args([])).short
    assert parser().parse_args(["simulate", "--short"]).short


def test_objectives_survive_a_save(tmp_path):
    """A saved and loaded game keeps its dealt objectives as records, its rounds and its points."""
    from game import save
    from game.session import Seat, Session
    sc = load("2015", short=True)
    s = Session.start(sc.world, {p: Seat(p, False) for p in sc.world.order}, 4,
                      make_agent=lambda w, seat: GreedyAgent(), scenario_raw=sc.raw)
    s.run_ai()
    save.save(s, tmp_path / "g.json")
    back = save.load(tmp_path / "g.json", make_agent=lambda w, seat: GreedyAgent()).world
    assert back == s.world and O.totals(back) == O.totals(s.world)
    assert [st.projected for st in O.standings(back)] == [st.projected for st in O.standings(s.world)]


def test_a_game_cut_short_still_ends_with_a_scoring_round():
    """A World whose end was moved before its listed rounds still scores its last year."""
    sc = load("2015")
    w = evolve(sc.world, end_year=sc.world.start_year + 1)
    assert O.rounds(w) == (w.end_year,)
    result = play(w, {p: GreedyAgent() for p in w.order}, 2)
    assert len(result.final.scored) == 1 and sum(result.points.values()) > 0


def test_round_table_lists_each_round_with_its_weight():
    """`round_table` is the game's rounds (`rounds`) each with its weight (`round_weight`), and follows a change of
    rounds, weights or last year."""
    from attrs import evolve
    from game.rules import objectives
    from game.scenario.loader import load
    w = load("2015").world
    assert objectives.round_table(w) == tuple((y, objectives.round_weight(w, y)) for y in objectives.rounds(w))
    weighted = evolve(w, rounds=(w.start_year + 1, w.end_year), round_weights=(2.0, 3.0))
    assert objectives.round_table(weighted) == ((w.start_year + 1, 2.0), (w.end_year, 3.0))
    shorter = evolve(weighted, end_year=w.start_year + 2)
    assert objectives.round_table(shorter) == ((w.start_year + 1, 2.0), (w.start_year + 2, 1.0))  # the last year always scores


def _lines_from_every_measure(world) -> dict:
    """What each objective would pay now, from every measure of every power (as `standings` read them before it
    took only those the objectives read)."""
    now, kinds = O.measures(world), O.kinds_of(world)
    year = O.next_round(world)
    weight = O.round_weight(world, year) if year else 0.0
    return {p: tuple((o.id, round(weight * O.pay(o, p, now, world.start_measures, world.order, kinds), 4))
                     for o in world.powers[p].objectives) for p in world.order}


def test_standings_read_the_measures_every_objective_pays_on():
    """The standings take only the measures the objectives read (their own, and each rank race's rivals), and pay
    what every measure would: through a game, and for a race among both kinds on a term only a C5 state has."""
    from ai.baseline import RandomAgent
    from game.sim import play_session
    w = load("2015").world
    session = play_session(evolve(w, end_year=w.start_year + 2), {p: RandomAgent() for p in w.order}, 4)
    p, c = w.great_powers()[0], w.c5()[0]
    mixed = Objective("mixed_growth", "gdp_growth", "rank", (3.0, 1.0), among=(p, c, w.c5()[1]))
    odd = with_power(w, p, objectives=(*w.powers[p].objectives, mixed))
    worlds = [*session.year_worlds, odd]
    assert O.read_by_objectives(odd)[c] >= {"gdp_growth"}
    assert "gdp_growth" not in O.measures(odd, O.read_by_objectives(odd))[p]  # a great power has no GDP growth
    paid = []
    for world in worlds:
        got = {st.power: st.lines for st in O._standings(world)}
        assert got == _lines_from_every_measure(world)
        paid += [v for lines in got.values() for _, v in lines if v]
    assert len(paid) > 10  # real races, not all zeros
