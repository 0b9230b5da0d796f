"""Benchmark: do the Central Asian seats have a game? Actions a year and the cost of doing nothing.

For each C5 seat and each paired seed, the game is played twice at normal difficulty: once
with the AI in that seat, once with a seat that does nothing (ends every turn, lets offers
lapse, answers invitations as the rules' default). It reports per seat the mean actions a
year the AI takes (every move that is not an answer or an end of turn), the mean final
score with the AI and with doing nothing, and their paired difference; plus the winners of
the AI-vs-AI games (a quick balance check). Prints one JSON object on its last line.

Usage: python bench/levers.py [--scenario 2015] [--games 4] [--seed 500] [--years N (default: the whole game)]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ANSWER_VERBS = ("accept", "reject", "counter", "attend", "end")


class Idle:
    """A seat that does nothing: it ends every turn."""

    def choose(self, view, legal, rng):
        """End the turn."""
        from ai.base import Decision
        return Decision(legal[-1])


def game(scenario: str, seed: int, idle: str = "", years: int = 0) -> dict:
    """One game at normal difficulty (its first `years` only, if given), seat `idle` (if any) doing nothing;
    scores, winner and moves per seat."""
    from ai.factory import agents_for
    from game.model.ops import evolve
    from game.scenario.loader import load
    from game.sim import play
    sc = load(scenario)
    world = evolve(sc.world, end_year=sc.world.start_year + years - 1) if years else sc.world
    agents = agents_for(world, "normal", sc.personalities)
    if idle:
        agents[idle] = Idle()
    res = play(world, agents, seed)
    years = world.end_year - world.start_year + 1
    moves = {p: 0 for p in sc.world.order}
    for text in res.actions:
        verb, actor = text.split()[:2]
        if verb not in ANSWER_VERBS and actor in moves:
            moves[actor] += 1
    return {"scores": res.scores, "winner": res.winner, "status": res.status,
            "moves_per_year": {p: n / years for p, n in moves.items()}}


def measure(scenario: str, games: int, seed: int, years: int = 0) -> dict:
    """Paired AI and do-nothing games for every C5 seat."""
    from game.scenario.loader import load
    world = load(scenario).world
    c5 = world.c5()
    base = [game(scenario, seed + i, years=years) for i in range(games)]
    out: dict = {"scenario": scenario, "games": games, "years": years or None, "seats": {}}
    for c in c5:
        idle = [game(scenario, seed + i, c, years) for i in range(games)]
        diffs = [b["scores"][c] - d["scores"][c] for b, d in zip(base, idle)]
        out["seats"][c] = {
            "ai_moves_per_year": round(statistics.mean(b["moves_per_year"][c] for b in base), 2),
            "ai_score": round(statistics.mean(b["scores"][c] for b in base), 2),
            "idle_score": round(statistics.mean(d["scores"][c] for d in idle), 2),
            "ai_minus_idle": round(statistics.mean(diffs), 2),
            "ai_minus_idle_sd": round(statistics.stdev(diffs), 2) if len(diffs) > 1 else 0.0,
        }
    out["great_moves_per_year"] = {p: round(statistics.mean(b["moves_per_year"][p] for b in base), 2)
                                   for p in world.great_powers()}
    out["wins"] = {p: sum(1 for b in base if b["winner"] == p) for p in world.order}
    out["collapsed"] = sum(1 for b in base if b["status"] == "collapsed")
    return out


def main() -> None:
    """Parse the arguments, measure, print the JSON object last."""
    sys.path[0] = str(Path(__file__).resolve().parents[1])
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenario", default="2015")
    ap.add_argument("--games", type=int, default=4)
    ap.add_argument("--seed", type=int, default=500)
    ap.add_argument("--years", type=int, default=0)
    ns = ap.parse_args()
    result = measure(ns.scenario, ns.games, ns.seed, ns.years)
    for c, row in result["seats"].items():
        print(f"{c:14s} moves/yr {row['ai_moves_per_year']:5.2f}  AI {row['ai_score']:6.2f}  "
              f"idle {row['idle_score']:6.2f}  diff {row['ai_minus_idle']:+6.2f}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
