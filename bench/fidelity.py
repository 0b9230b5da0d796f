"""Benchmark: does historical-style play reproduce history?

Plays each shipped scenario (1992, 2015, 2025) with the historical AI in every seat
(docs/ai.md) and compares every reference series of `scenarios/history/<scenario>.toml`
with the game: per point the ratio game/real (the game's value is the mean over the games
played), per series the worst ratio, and a count of the series whose every point is within
a factor of 2. A reference year before the scenario starts (by at most LOOKBACK years) is
compared with the starting figures: the scenario's World as loaded, its routes' use resolved. It also compares the 2025
scenario's first year with the year 2025 of the 2015 games (trade of each great power, each
state's GDP, each corridor's flow). Prints a table and one JSON object on its last line.

    python bench/fidelity.py [--games 3] [--seed 1] [--scenarios 1992,2015,2025]
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.reference import RefSeries, game_value, load_reference  # noqa: E402

LOOKBACK = 2  # years before the start a reference value may be compared with the starting figures
FACTOR = 2.0  # a series is "within" when every point's ratio is in [1/FACTOR, FACTOR]
SCENARIOS = ("1992", "2015", "2025")


def starting_row(world) -> dict:
    """The scenario's starting figures as a history row, dated the year before it starts."""
    from game import engine, history
    from game.rules import geography
    return history.snapshot(engine.record_flows(world, geography.resolve(world)), world.start_year - 1)


def play_history(scenario: str, seed: int, years: int = 0) -> list[dict]:
    """The starting figures, then one historical-style game's year-by-year history
    (`years` > 0 cuts the game short)."""
    from attrs import evolve

    from ai.factory import agents_for, game_world
    from game.scenario.loader import load
    from game.sim import play
    sc = load(scenario)
    start = game_world(sc, {p: "historical" for p in sc.world.order})  # with the events the script switches on
    world = start if years <= 0 else evolve(start, end_year=min(start.end_year, start.start_year + years - 1))
    return [starting_row(world)] + list(play(world, agents_for(world, "historical", sc.personalities), seed).history)


def row_for(runs: list[list[dict]], year: int) -> list[dict]:
    """Each game's row for `year`; a year before the start (within LOOKBACK) takes the starting figures."""
    first = runs[0][0]["year"]
    if first - LOOKBACK < year < first:
        year = first
    return [r for run in runs for r in run if r["year"] == year]


def points(ref: RefSeries, runs: list[list[dict]]) -> list[dict]:
    """The reference's values the games can be compared with: year, real, game (mean), ratio."""
    out = []
    for year, real in ref.values:
        rows = row_for(runs, year)
        if not rows:
            continue
        game = sum(game_value(r, ref) for r in rows) / len(rows)
        out.append({"year": year, "real": real, "game": round(game, 3), "ratio": round(ratio(game, real), 3)})
    return out


def ratio(game: float, real: float) -> float:
    """game / real (0 when the game has nothing; inf when the real value is 0 and the game is not)."""
    if real <= 0:
        return 1.0 if game <= 0 else math.inf
    return game / real


def worst(pts: list[dict]) -> float:
    """The point ratio furthest from 1 (by factor)."""
    def off(r: float) -> float:
        return math.inf if r <= 0 or math.isinf(r) else abs(math.log(r))
    return max((p["ratio"] for p in pts), key=off)


def within(pts: list[dict], factor: float = FACTOR) -> bool:
    """Whether every point is within `factor` of the real value."""
    return all(1 / factor <= p["ratio"] <= factor for p in pts)


def judge(scenario: str, runs: list[list[dict]]) -> dict:
    """Every reference series of `scenario` against the games played."""
    ref = load_reference(scenario)
    series = {}
    for s in ref.series if ref else ():
        pts = points(s, runs)
        if pts:
            series[s.id] = {"label": s.label, "ratio": worst(pts), "within": within(pts), "points": pts}
    return {"series": series, "within": sum(1 for v in series.values() if v["within"]), "total": len(series)}


def year_figures(row: dict) -> dict:
    """The figures two scenarios can share in one year: trade by great power, GDP, corridor flows."""
    out = {f"trade.{g}": round(sum(v.values()), 3) for g, v in row.get("trade", {}).items()}
    out.update({f"gdp.{c}": s["gdp"] for c, s in row.get("states", {}).items()})
    out.update({f"flow.{k}": v for k, v in row.get("flows", {}).items()})
    return out


def consistency(runs_2015: list[list[dict]], runs_2025: list[list[dict]], year: int = 2025) -> dict:
    """The 2025 scenario's starting figures against the 2015 games' year 2025: ratio start/reached."""
    reached = [year_figures(r) for run in runs_2015 for r in run if r["year"] == year]
    start = [year_figures(run[0]) for run in runs_2025 if run and run[0]["year"] == year - 1]
    if not reached or not start:
        return {}
    out = {}
    for key in sorted(set(reached[0]) | set(start[0])):
        a = sum(f.get(key, 0.0) for f in start) / len(start)
        b = sum(f.get(key, 0.0) for f in reached) / len(reached)
        if max(a, b) >= 0.5:  # both near zero: nothing to compare
            r = ratio(a, b)
            out[key] = {"start_2025": round(a, 3), "reached_2015": round(b, 3),
                        "ratio": round(r, 3) if math.isfinite(r) else None}  # None: the 2015 games carried nothing
    return out


def run(scenarios=SCENARIOS, games: int = 3, seed: int = 1, years: int = 0) -> dict:
    """Play and judge every scenario; the figures as one dict."""
    runs = {sid: [play_history(sid, seed + i, years) for i in range(games)] for sid in scenarios}
    result = {sid: judge(sid, runs[sid]) for sid in scenarios}
    out = {"games": games, "seed": seed, "factor": FACTOR, "scenarios": result,
           "within": sum(r["within"] for r in result.values()), "total": sum(r["total"] for r in result.values())}
    if "2015" in runs and "2025" in runs:
        cons = consistency(runs["2015"], runs["2025"])
        out["consistency"] = cons
        out["consistency_within"] = sum(1 for v in cons.values() if v["ratio"] and 1 / FACTOR <= v["ratio"] <= FACTOR)
        out["consistency_total"] = len(cons)
    return out


def show(out: dict) -> None:
    """The figures as a table for people."""
    for sid, res in out["scenarios"].items():
        print(f"\n{sid}: {res['within']}/{res['total']} series within {out['factor']:g}x")
        print(f"  {'series':<28} {'worst':>7}  points (year real->game)")
        for sid_, s in res["series"].items():
            pts = ", ".join(f"{p['year']} {p['real']:g}->{p['game']:g}" for p in s["points"])
            mark = " " if s["within"] else "!"
            print(f" {mark}{s['label'][:28]:<28} {s['ratio']:>7.2f}  {pts}")
    if out.get("consistency"):
        print(f"\n2025 start vs the 2015 games in 2025: {out['consistency_within']}/{out['consistency_total']} within")
        for key, v in out["consistency"].items():
            shown = "-" if v["ratio"] is None else f"{v['ratio']:.2f}"
            print(f"  {key:<28} {v['start_2025']:>9.2f} {v['reached_2015']:>9.2f} {shown:>7}")


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, play, print the table and the JSON object."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--games", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scenarios", default=",".join(SCENARIOS))
    ap.add_argument("--years", type=int, default=0, help="cut each game to this many years (0: whole game)")
    ns = ap.parse_args(argv)
    out = run(tuple(ns.scenarios.split(",")), ns.games, ns.seed, ns.years)
    show(out)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
