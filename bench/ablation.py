#!/usr/bin/env python3
"""Ablation: does each of the nine dynamics (and tension by play) move results? Neutralise one dynamic through the
rules table (the scenario's `[rules]`), play paired-seed AI games at normal difficulty, and
compare every power's final score with the same seeds played under the normal rules.

    python bench/ablation.py --games 6 --jobs 2                   # every shipped scenario
    python bench/ablation.py --scenario 2025 --dynamics energy,refining --games 10 --years 6
    python bench/ablation.py --scenario 2025 --dynamics refining --measure points   # the points that decide the game

Per dynamic it prints, over the scenarios, the largest mean score move of any power
(neutralised minus normal, same seeds) and whether it is significant by a two-sided
paired t-test at 5% (t against Student's t with games-1 degrees of freedom) and at least
MIN_MOVE (0.1 score points: steadier but smaller moves are rounding noise). One JSON
object on the last line: {"bench": "ablation", "dynamics": {name: {...}}, "arc": {...}, ...}; `arc` gives,
per scenario and switch ("" = none), the games that collapsed, the mean peak of the tension track
and the crisis cards drawn per game.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.model.ops import evolve  # noqa: E402
from game.rules.params import PARAMS  # noqa: E402

SCENARIOS = ("1992", "2015", "2025")
# How each dynamic is switched off: the parameters that carry it, at their neutral values.
NEUTRAL: dict[str, dict[str, float]] = {
    "hedging": {"hedging.penalty": 0.0, "hedging.rival_bonus": 0.0, "hedging.over_keep": 1.0, "hedging.trust_loss": 0.0},
    "geography": {"geography.diversity_value": 0.0, "geography.cost_scale": 0.0},  # distance costs nothing, diversity is worth nothing
    "backlash": {"backlash.cost": 0.0, "backlash.trust_loss": 0.0, "backlash.trust_cut": 0.0},
    "credibility": {"credibility.cap": 1.0, "credibility.followup": 1.0, "credibility.trust_gain": 0.0,
                    "credibility.trust_loss": 0.0},
    "dilution": {"dilution.rate": 0.0},
    "dependence": {"dependence.control_strength": 0.0, "dependence.coercion_trust": 0.0,
                   "dependence.diversify_push": 0.0, "dependence.pressure_fee": 1.0},
    "refining": {"refining.ore_ratio": 1.0, "refining.gate": 0.0},  # gate 0: outside ore is free of China's refiners too
    "institutions": {"institutions.forum_bonus": 0.0},
    "energy": {"energy.premium": 0.0, "energy.risk_weight": 0.0},
    # rule 20, the arc: tension moves only by script again (crisis cards and collapse still follow the track)
    "tension": {"tension.coercion": 0.0, "tension.bloc": 0.0, "tension.route": 0.0, "tension.summit": 0.0,
                "tension.deal": 0.0, "tension.restraint": 0.0},
}
T975 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
        2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
        2.045, 2.042)  # Student's t, 97.5th percentile, 1-30 degrees of freedom


def t_critical(df: int) -> float:
    """Two-sided 5% critical value of Student's t."""
    return T975[df - 1] if 1 <= df <= len(T975) else 1.96


MIN_MOVE = 0.1  # score points: a smaller mean move does not count, however steady (rounding noise)


def paired(diffs: list[float]) -> dict:
    """Mean of paired differences, its t statistic and whether it is a significant move (5%, >= MIN_MOVE)."""
    diffs = [0.0 if abs(d) < 1e-9 else d for d in diffs]
    n = len(diffs)
    mean = statistics.fmean(diffs)
    sd = statistics.stdev(diffs) if n > 1 else 0.0
    if sd == 0.0:
        t = 0.0 if mean == 0.0 else math.copysign(math.inf, mean)
    else:
        t = mean / (sd / math.sqrt(n))
    return {"mean": mean, "t": t, "significant": n > 1 and abs(mean) >= MIN_MOVE and abs(t) > t_critical(n - 1)}


def neutral_rules(world, dynamic: str) -> dict:
    """The world's rules table with one dynamic neutralised (values checked against their ranges)."""
    rules = dict(world.rules)
    for name, value in NEUTRAL[dynamic].items():
        p = PARAMS[name]
        if not p.low <= value <= p.high:
            raise ValueError(f"{name}={value} is outside its range {p.low}-{p.high}")
        rules[name] = value
    return rules


def one_game(job: tuple) -> dict:
    """Final scores of one AI game (normal difficulty) with one dynamic neutralised ("" = none)."""
    scenario, dynamic, seed, years = job
    from ai.factory import agents_for
    from game.scenario.loader import load
    from game.sim import play
    sc = load(scenario)
    world = sc.world
    if dynamic:
        world = evolve(world, rules=neutral_rules(world, dynamic))
    if years:
        world = evolve(world, end_year=min(world.end_year, world.start_year + years))
    result = play(world, agents_for(world, "normal", sc.personalities), seed)
    peak = max((h["track"] for h in result.history if "track" in h), default=0.0)
    crises = sum(len(h.get("crises", ())) for h in result.history)
    return {"scenario": scenario, "dynamic": dynamic, "seed": seed, "scores": result.scores, "points": result.points,
            "collapsed": result.status == "collapsed", "peak": peak, "crises": crises}


def arc(games: list[dict]) -> dict:
    """Per scenario and switch: games collapsed, the mean peak of the tension track, crisis cards per game."""
    out: dict = {}
    for g in games:
        row = out.setdefault(g["scenario"], {}).setdefault(g["dynamic"], {"games": 0, "collapsed": 0, "peak": 0.0,
                                                                          "crises": 0.0})
        row["games"] += 1
        row["collapsed"] += int(g.get("collapsed", False))
        row["peak"] += g.get("peak", 0.0)
        row["crises"] += g.get("crises", 0)
    for rows in out.values():
        for row in rows.values():
            row["peak"] = round(row["peak"] / row["games"], 3)
            row["crises"] = round(row["crises"] / row["games"], 2)
    return out


def run(jobs: list[tuple], workers: int) -> list[dict]:
    """Play every job, in parallel when asked."""
    if workers > 1:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(workers) as pool:
            return list(pool.map(one_game, jobs))
    return [one_game(j) for j in jobs]


def analyse(games: list[dict], scenarios, dynamics, measure: str = "scores") -> dict:
    """Per dynamic and scenario: each power's mean paired move of `measure` ("scores": the final agenda scores;
    "points": the objective points that decide the game); per dynamic the largest."""
    by = {(g["scenario"], g["dynamic"], g["seed"]): g[measure] for g in games}
    out = {}
    for d in dynamics:
        per_scenario = {}
        for sc in scenarios:
            seeds = sorted(s for (x, dd, s) in by if x == sc and dd == d)
            powers = list(by[(sc, "", seeds[0])]) if seeds else []
            moves = {p: paired([by[(sc, d, s)][p] - by[(sc, "", s)][p] for s in seeds]) for p in powers}
            per_scenario[sc] = moves
        best = max(((sc, p, m) for sc, moves in per_scenario.items() for p, m in moves.items()),
                   key=lambda x: (x[2]["significant"], abs(x[2]["mean"])), default=None)
        out[d] = {"largest": None if best is None else {
            "scenario": best[0], "power": best[1], "mean_move": round(best[2]["mean"], 3),
            "t": _num(best[2]["t"]),
            "significant": best[2]["significant"]},
            "moves": {sc: {p: [round(m["mean"], 3), _num(m["t"]), m["significant"]] for p, m in moves.items()}
                      for sc, moves in per_scenario.items()}}
    return out


def _num(t: float):
    """A t statistic for JSON (an infinite one as text)."""
    return round(t, 2) if math.isfinite(t) else str(t)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scenario", action="append", help="scenario id (repeatable; default: every shipped one)")
    ap.add_argument("--dynamics", default=",".join(NEUTRAL), help="comma-separated dynamics to neutralise")
    ap.add_argument("--games", type=int, default=3, help="paired games per scenario and dynamic (default 3)")
    ap.add_argument("--years", type=int, default=0, help="play only this many years (0: the whole scenario)")
    ap.add_argument("--seed", type=int, default=1, help="first seed")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--raw", help="also write every game's scores to this JSON file")
    ap.add_argument("--measure", choices=("scores", "points"), default="scores",
                    help="compare the final agenda scores (default) or the objective points that decide the game")
    ns = ap.parse_args(argv)
    dynamics = [d for d in ns.dynamics.split(",") if d]
    unknown = [d for d in dynamics if d not in NEUTRAL]
    if unknown or ns.games < 2:
        print(f"ablation: unknown dynamic {unknown[0]!r}; use {', '.join(NEUTRAL)}." if unknown
              else "ablation: --games must be at least 2 for a paired test.", file=sys.stderr)
        return 2
    scenarios = ns.scenario or list(SCENARIOS)
    seeds = range(ns.seed, ns.seed + ns.games)
    jobs = [(sc, d, s, ns.years) for sc in scenarios for d in ("", *dynamics) for s in seeds]
    games = run(jobs, ns.jobs)
    if ns.raw:
        Path(ns.raw).write_text(json.dumps(games), encoding="utf-8")
    result = analyse(games, scenarios, dynamics, ns.measure)
    print(f"{'dynamic':<13} {'scenario':>8} {'power':<13} {'mean move':>9} {'t':>7}  significant")
    for d, r in result.items():
        b = r["largest"]
        print(f"{d:<13} {b['scenario']:>8} {b['power']:<13} {b['mean_move']:>+9.2f} {str(b['t']):>7}  "
              f"{'yes' if b['significant'] else 'no'}")
    moved = sum(1 for r in result.values() if r["largest"]["significant"])
    print(json.dumps({"bench": "ablation", "test": "paired t, two-sided 5%", "measure": ns.measure, "games": ns.games, "years": ns.years,
                      "scenarios": scenarios, "dynamics_moving": moved, "dynamics": result, "arc": arc(games)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
