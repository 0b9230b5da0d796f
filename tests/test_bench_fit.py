"""bench/fit_points.py on made-up stored games, and the shipped points' fairness by construction."""
from __future__ import annotations

import json
import math
import random
import shutil

import pytest

from bench import fit_points as F
from game.rules import objectives as O
from game.scenario.loader import SHIPPED, load
from game.scenario.source import SCENARIO_DIR


def _games(world, seeds, leader: str, terms: tuple[str, ...] = ()) -> list[dict]:
    """Stored games in which `leader` stands far ahead on `terms` (all: every measure) and the rest is seeded noise."""
    start = O.measures(world)
    games = []
    for seed in seeds:
        rng = random.Random(seed)
        years = {}
        for year in O.rounds(world):
            years[str(year)] = {p: {t: v + (0.5 if p == leader and (not terms or t in terms) else rng.uniform(0, 0.2))
                                    for t, v in row.items()} for p, row in start.items()}
        games.append({"seed": seed, "salt": "", "seat": "", "policy": "ai", "status": "over", "start": start,
                      "years": years})
    return games


def _ranks_only(world):
    """The world with every threshold objective made a rank one over the same measure (a threshold pays its holder
    whatever the others reach, so leading every measure would not win every game)."""
    from attrs import evolve
    from game.model.ops import with_power
    for p in world.order:
        objs = tuple(o if o.kind == O.RANK else evolve(o, kind=O.RANK, points=(1.0, 0.75, 0.5, 0.25, 0.0), at=())
                     for o in world.powers[p].objectives)
        world = with_power(world, p, objectives=objs)
    return world


def _rows(world, games):
    return [F.pays(g, F.with_tops(world, F.unit(world))) for g in games]


def test_a_seat_that_leads_every_race_is_handicapped():
    """China ahead on every measure in every game wins them all under even points; the fit cuts every
    one of its objectives below the others', spreads the wins, and keeps the scale (geometric mean SCALE)."""
    world = _ranks_only(load("2015", short=True).world)
    rows = _rows(world, _games(world, range(1, 25), "china"))
    assert F.wins(rows, F.unit(world), world.order)["china"] == 24
    tops = F.fit(rows, world, sweeps=4)
    after = F.wins(rows, tops, world.order)
    assert after["china"] <= 8 and max(after.values()) <= 8, after
    assert max(tops["china"].values()) < F.SCALE
    logs = [math.log(v) for p in tops.values() for v in p.values()]
    assert math.exp(sum(logs) / len(logs)) == pytest.approx(F.SCALE, rel=0.1)


def test_the_prior_pulls_an_objective_toward_its_seat():
    """Japan leads only the trade race: dealt trade it wins, dealt anything else it does not. Fitted
    objective by objective (prior 0) trade's top is cut far below Japan's others; with a prior of a
    billion games every Japanese objective gets the seat's one top; the default prior lies between."""
    world = load("2015", short=True).world
    rows = _rows(world, _games(world, range(1, 61), "japan", ("trade",)))

    def cut(prior: float) -> float:
        tops = F.fit(rows, world, sweeps=3, prior=prior)["japan"]
        others = [v for k, v in tops.items() if k != "trade_gained"]
        return tops["trade_gained"] / math.exp(sum(math.log(v) for v in others) / len(others))
    free, default, pooled = cut(0.0), cut(64.0), cut(1e9)
    assert free < 0.7 and pooled == pytest.approx(1.0, abs=0.01)
    assert free < default < pooled


def test_fit_points_reports_held_out_seeds_and_applies_the_points(tmp_path, capsys, monkeypatch):
    """The command fits on the seeds outside --holdout, re-scores the held-out seeds, prints the goal's
    verdict for both and each objective's points on the even shape, JSON on the last line; --apply writes
    the points into the scenario file, which then loads with them."""
    world = load("2015", short=True).world
    path = tmp_path / "games.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in _games(world, range(1, 11), "russia")), encoding="utf-8")
    shutil.copy(SCENARIO_DIR / "2015.toml", tmp_path / "2015.toml")
    monkeypatch.setattr("game.scenario.source.SCENARIO_DIR", tmp_path)
    out = F.main(["--scenario", "2015", "--short", str(path), "--sweeps", "2", "--holdout", "9-10", "--apply"])
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert sum(last["in_sample"]["after"].values()) == 8 and sum(last["held_out"]["after"].values()) == 2
    assert last["verdict"]["held_out"]["games"] == 2 and not last["verdict"]["held_out"]["ok"]  # 2 games: 50% each
    assert out["points"]["russia"]["influence_gained"][1] == out["points"]["russia"]["influence_gained"][0] / 2
    assert last["applied"] > 0
    applied = load(str(tmp_path / "2015.toml")).world.powers["russia"].objectives
    assert {o.id: list(o.points) for o in applied} == out["points"]["russia"]
    # the lead bonus: half the top, whole from the median lead Russia held when first (about 0.3-0.5 here)
    assert all(o.bonus == pytest.approx(F.BONUS * o.points[0]) and 0.2 < o.clear < 0.6 for o in applied)
    others = load(str(tmp_path / "2015.toml")).world.powers
    assert all(o.clear == 0 for o in others["china"].objectives)  # never first behind Russia: no bonus to earn
    assert all(0 < o.clear < 0.2 for o in others["kazakhstan"].objectives if o.kind == "rank")  # first by the noise's margins (a threshold has no lead bonus)


def test_clear_leads_are_the_median_lead_of_first_place():
    """`clears`: an objective's clear lead is the median of its holder's leads in the rounds it came first, in the
    games it was dealt; a holder never first gets 0 (no bonus)."""
    world = load("2015", short=True).world
    games = _games(world, range(1, 9), "japan", ("trade",))
    clear = F.clears(games, world)
    assert 0.3 < clear["japan"]["trade_gained"] < 0.5
    assert clear["japan"]["influence_gained"] < 0.2
    lows = [g for g in games]
    for g in lows:
        for y in g["years"].values():
            y["china"]["trade"] = -1.0  # China last in trade in every round: never first
    assert F.clears(lows, world)["china"]["trade_gained"] == 0.0


@pytest.mark.parametrize("sid", SHIPPED)
def test_every_seat_can_earn_comparable_points(sid):
    """No seat has a structural edge in what its objectives can pay: averaged over its list, the points
    for first place in a round (a threshold: every step reached) differ by at most a factor of 4 between seats, and
    every rank objective is a race (first place pays more than last)."""
    world = load(sid).world
    tops = {}
    for p in world.order:
        objs = world.powers[p].objectives
        assert objs and all(o.points[0] > o.points[-1] for o in objs if o.kind == O.RANK), p
        tops[p] = sum(max(o.points) if o.kind == O.RANK else sum(o.points) for o in objs) / len(objs)  # a round's most, bonus aside
    assert max(tops.values()) <= 4 * min(tops.values()), tops


def test_a_standing_objective_is_kept_and_counted_not_fitted(tmp_path, capsys, monkeypatch):
    """2025 Japan holds `rare_earths_secured` in every game. The fit leaves its points as shipped, counts what
    it pays in Japan's total of every game (so Japan's drawn objectives are fitted around it), and --apply does
    not touch its line."""
    world = load("2025", short=True).world
    standing = [o for o in world.powers["japan"].objectives if o.standing]
    assert standing, "2025 Japan has a standing objective"
    sid = standing[0].id
    games = _games(world, range(1, 11), "japan")
    rows = _rows(world, games)
    assert all(sid not in r["dealt"]["japan"] and len(r["dealt"]["japan"]) == 1 for r in rows)
    assert any(r["fixed"]["japan"] > 0 for r in rows) and all(r["fixed"]["china"] == 0 for r in rows)
    assert sid not in F.unit(world)["japan"]
    row = rows[0]
    assert F.points_of(row, F.unit(world), "japan") == pytest.approx(
        row["total"]["japan"][row["dealt"]["japan"][0]] + row["fixed"]["japan"])
    before = (SCENARIO_DIR / "2025.toml").read_text(encoding="utf-8")
    path = tmp_path / "games.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in games), encoding="utf-8")
    shutil.copy(SCENARIO_DIR / "2025.toml", tmp_path / "2025.toml")
    monkeypatch.setattr("game.scenario.source.SCENARIO_DIR", tmp_path)
    out = F.main(["--scenario", "2025", "--short", str(path), "--sweeps", "2", "--holdout", "", "--apply"])
    assert sid not in out["points"]["japan"] and out["applied"] > 0
    line = [ln for ln in before.splitlines() if ln.startswith(f"{sid} =")]
    assert line and line[0] in (tmp_path / "2025.toml").read_text(encoding="utf-8").splitlines()


def test_a_higher_clear_quantile_asks_a_larger_lead_for_the_whole_bonus():
    """`--clear-quantile`: the lead that earns a rank objective's whole bonus is that quantile of its holder's leads
    in first place; the 0.9 quantile is at least the median for every objective, and above it where leads vary."""
    assert F.quantile([1.0, 2.0, 3.0, 4.0, 5.0], 0.5) == 3.0 and F.quantile([1.0, 2.0], 0.9) == pytest.approx(1.9)
    world = load("2015", short=True).world
    games = _games(world, range(1, 21), "china")
    median, high = F.clears(games, world), F.clears(games, world, q=0.9)
    pairs = [(median[p][o], high[p][o]) for p in median for o in median[p]]
    assert all(h >= m for m, h in pairs) and any(h > m for m, h in pairs)


def test_a_threshold_is_fitted_by_its_steps_points():
    """A threshold objective (2015 Turkmenistan's) is fitted like a rank one, its top being a step's points: the
    fit scales its steps' points and keeps its steps, and rounds a step's points to whole quarters (a rank top
    rounds to the step at which every place pays whole quarters)."""
    world = load("2015", short=True).world
    held = {o.id: o for o in world.powers["turkmenistan"].objectives}
    assert all(o.kind == O.THRESHOLD for o in held.values())
    tops = F.unit(world)
    tops["turkmenistan"] = {oid: 3.1 for oid in held}
    fitted = {o.id: o for o in F.with_tops(world, tops).powers["turkmenistan"].objectives}
    for oid, o in fitted.items():
        assert o.kind == O.THRESHOLD and o.at == held[oid].at
        assert o.points == tuple(3.1 * x / max(held[oid].points) for x in held[oid].points)
    assert set(F.rounded_seat(world, "turkmenistan", {oid: 3.4 for oid in held}).values()) == {3.5}
    mixed = world.powers["kazakhstan"].objectives  # ranks among five (places pay quarters at a whole top) and a threshold
    got = F.rounded_seat(world, "kazakhstan", {o.id: 3.4 for o in mixed})
    assert {got[o.id] for o in mixed if o.kind == O.RANK} == {3.0}
    assert {got[o.id] for o in mixed if o.kind == O.THRESHOLD} == {3.5}
