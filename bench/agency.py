"""Agency benchmark: does play, not noise, decide who wins?

    python bench/agency.py --scenario 2015 --seeds 4 --redraws 2 --jobs 2 [--short] [--raw games.json]
    python bench/agency.py --scenario 2015 --rescore games.json     # re-score stored games (no replay)

For every seat and each scripted policy of `ai.scripted` (do nothing, summits only,
largest aid only, accept everything, sell everything at twice the price), plays the same
seeds with the policy in that seat and the normal AI everywhere else, and compares the
seat's points with the normal-AI game of the same seed (paired seeds): mean difference
(policy - AI) and win rates. Winner stability: each seed is also re-played with the
world's dice fixed and only the AIs' own sampling re-drawn (`Session.ai_salt`); it reports
how often such a re-draw has the same winner as the seed's first game, and how often the
leader entering the last scoring round wins. Every game's measures at each scoring round
are stored, so `--rescore` re-scores the games under the scenario's current objectives
(the scoring is a pure function of the measures, `game.rules.objectives`). The deal: for each
seat and each objective it can be dealt, the AI games that dealt it, the seat's wins in them
and its mean points (`by_objective`); a seat that can only win with some of its cards is a
lottery at the deal, and the lines "never won" name the cards that won none of their games.
Targets (GAME_V2.md): every policy below the AI in every seat by a clear margin; for each
C5 seat the AI at least 5 points above doing nothing; winner stability at least 50%.
Prints one JSON object on its last line.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

AI = "ai"


def play_one(job: tuple) -> dict:
    """One game: `policy` in `seat` (AI everywhere when policy is "ai"); its measures at each scoring round."""
    scenario, short, seed, salt, seat, policy = job
    from ai.factory import agents_for
    from ai.scripted import POLICIES
    from game.rules import objectives
    from game.scenario.loader import load
    from game.sim import play_session
    sc = load(scenario, short=short)
    agents = agents_for(sc.world, "normal", sc.personalities)
    if policy != AI:
        agents[seat] = POLICIES[policy]()
    session = play_session(sc.world, agents, seed, ai_salt=salt)
    w = session.world
    years = {str(year): now for year, now in zip(objectives.rounds(w), w.measured)}  # the measures each round was scored on
    return {"seed": seed, "salt": salt, "seat": seat, "policy": policy, "status": session.world.status,
            "start": dict(session.world.start_measures), "years": years,
            "points": objectives.totals(session.world)}


def jobs_for(scenario: str, short: bool, order: tuple, seeds: list[int], redraws: int, policies: list[str],
             seats: list[str]) -> list[tuple]:
    """The baseline games, the re-drawn games and every seat x policy game, over the seeds."""
    jobs = []
    for s in seeds:  # seed by seed, so that a stream cut short still holds whole seeds
        jobs.append((scenario, short, s, "", "", AI))
        jobs += [(scenario, short, s, f"redraw{k}", "", AI) for k in range(1, redraws + 1)]
        jobs += [(scenario, short, s, "", seat, pol) for seat in seats for pol in policies]
    return jobs


def rescore(game: dict, world) -> dict:
    """Points per power after each scoring round of a stored game, under the world's objectives
    (dealt with the game's seed, as `engine.start` deals them)."""
    from attrs import evolve
    from game import engine
    from game.rules import objectives as O
    seeded = evolve(world, seed=game["seed"])
    dealt = O.deal(seeded, engine.rng(seeded, "objectives"))
    objs, kinds, order = O.objectives_of(dealt), O.kinds_of(world), world.order
    run = {p: 0.0 for p in order}
    rounds, leads = [], []
    for year in O.rounds(world):
        now = game["years"].get(str(year))
        if now is None:  # a collapsed game stops early
            break
        pts = O.round_points(objs, now, game["start"], order, kinds, O.round_weight(world, year))
        run = {p: round(run[p] + pts[p], 4) for p in order}
        rounds.append(dict(run))
        leads.append(O.leads(objs, now, game["start"], order, kinds))
    return {"rounds": rounds, "leads": leads, "final": rounds[-1] if rounds else run,
            "final_leads": leads[-1] if leads else {},
            "dealt": {p: [o.id for o in objs[p] if not o.standing] for p in order}}


def winner_of(points: dict, order: tuple, leads: dict | None = None) -> str:
    """The power with the most points (ties: the furthest ahead in its own races, then the earlier seat),
    as `objectives.leader`."""
    from game.rules.objectives import first
    return first(points, leads or {}, order)


def report(games: list[dict], world) -> dict:
    """Per seat and policy: mean points difference and win rates; winner stability; leader-wins."""
    order = world.order
    for g in games:
        g["scored"] = rescore(g, world)
        g["winner"] = winner_of(g["scored"]["final"], order, g["scored"]["final_leads"]) if g["status"] != "collapsed" else ""
    base = {g["seed"]: g for g in games if g["policy"] == AI and not g["salt"]}
    games = [g for g in games if g["seed"] in base]  # a seed whose own AI game is missing cannot be paired
    redrawn = [g for g in games if g["policy"] == AI and g["salt"]]
    same = sum(1 for g in redrawn if g["winner"] == base[g["seed"]]["winner"])
    plain = [g for g in games if g["policy"] == AI]
    led = [g for g in plain if len(g["scored"]["rounds"]) >= 2]
    kept = sum(1 for g in led if winner_of(g["scored"]["rounds"][-2], order, g["scored"]["leads"][-2]) == g["winner"])
    seats: dict = {}
    for g in games:
        if g["policy"] == AI:
            continue
        b = base[g["seed"]]
        row = seats.setdefault(g["seat"], {}).setdefault(g["policy"], {"diff": [], "wins": 0, "ai_wins": 0})
        row["diff"].append(g["scored"]["final"][g["seat"]] - b["scored"]["final"][g["seat"]])
        row["wins"] += g["winner"] == g["seat"]
        row["ai_wins"] += b["winner"] == g["seat"]
    table = {seat: {pol: {"mean_diff": round(sum(r["diff"]) / len(r["diff"]), 2), "n": len(r["diff"]),
                          "win_rate": round(r["wins"] / len(r["diff"]), 3),
                          "ai_win_rate": round(r["ai_wins"] / len(r["diff"]), 3)}
                    for pol, r in rows.items()} for seat, rows in seats.items()}
    wins = {p: sum(1 for g in plain if g["winner"] == p) for p in order}
    dealt = by_objective(plain, order)
    mean = {p: round(sum(g["scored"]["final"][p] for g in plain) / max(1, len(plain)), 2) for p in order}
    return {"games": len(games), "seats": table,
            "worst_margin": min((-v["mean_diff"] for rows in table.values() for v in rows.values()), default=None),
            "c5_nothing_margin": {s: -rows["nothing"]["mean_diff"] for s, rows in table.items()
                                  if "nothing" in rows and world.powers[s].kind == "c5"},
            "winner_stability": round(same / len(redrawn), 3) if redrawn else None,
            "leader_before_last_wins": round(kept / len(led), 3) if led else None,
            "ai_games": len(plain), "ai_wins": wins, "ai_mean_points": mean, "by_objective": dealt}


def by_objective(games: list[dict], order: tuple) -> dict:
    """Per seat and dealt objective (its drawn ones, joined by "+" when it holds several): the AI games that dealt it,
    the seat's wins in them and its mean points, objectives in name order."""
    rows: dict = {p: {} for p in order}
    for g in games:
        for p in order:
            card = "+".join(sorted(g["scored"]["dealt"][p])) or "-"
            row = rows[p].setdefault(card, {"games": 0, "wins": 0, "points": 0.0})
            row["games"] += 1
            row["wins"] += g["winner"] == p
            row["points"] += g["scored"]["final"][p]
    return {p: {card: {"games": r["games"], "wins": r["wins"], "mean_points": round(r["points"] / r["games"], 2)}
                for card, r in sorted(cards.items())} for p, cards in rows.items()}


def never_won(table: dict, least: int = 8) -> list[str]:
    """"seat: objective (n)" for each objective dealt in at least `least` AI games that won none of them."""
    return [f"{p}: {card} ({r['games']})" for p, cards in table.items() for card, r in cards.items()
            if r["games"] >= least and r["wins"] == 0]


def run(jobs: list[tuple], workers: int, stream: str = "") -> list[dict]:
    """Play the jobs, in parallel when asked; each game is appended to `stream` (JSON lines) as it ends."""
    out = open(stream, "a", encoding="utf-8") if stream else None

    def keep(game: dict) -> dict:
        if out:
            out.write(json.dumps(game) + "\n")
            out.flush()
        return game
    try:
        if workers > 1:
            from concurrent.futures import ProcessPoolExecutor
            with ProcessPoolExecutor(workers) as pool:
                return [keep(g) for g in pool.map(play_one, jobs, chunksize=1)]
        return [keep(play_one(j)) for j in jobs]
    finally:
        if out:
            out.close()


def read_games(path: str) -> list[dict]:
    """Stored games: a JSON list, or JSON lines as `--raw` streams them."""
    text = Path(path).read_text(encoding="utf-8")
    return json.loads(text) if text.lstrip().startswith("[") else [json.loads(line) for line in text.splitlines() if line]


def main(argv: list[str] | None = None) -> dict:
    """Play (or re-score) the benchmark and print its figures; JSON on the last line."""
    from ai.scripted import POLICIES
    from game.scenario.loader import load
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", default="2015")
    ap.add_argument("--short", action="store_true", help="the scenario's short form")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--first-seed", type=int, default=1)
    ap.add_argument("--redraws", type=int, default=2, help="AI re-draws per seed (winner stability)")
    ap.add_argument("--policies", default=",".join(POLICIES))
    ap.add_argument("--seats", default="", help="comma-separated seats (default: all)")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--raw", default="", help="append every game's measures to this file (JSON lines)")
    ap.add_argument("--rescore", default="", help="re-score the games in these files (comma-separated) instead of playing")
    ns = ap.parse_args(argv)
    world = load(ns.scenario, short=ns.short).world
    t0 = time.perf_counter()
    if ns.rescore:
        games = [g for path in ns.rescore.split(",") for g in read_games(path)]
    else:
        seeds = list(range(ns.first_seed, ns.first_seed + ns.seeds))
        seats = ns.seats.split(",") if ns.seats else list(world.order)
        policies = [p for p in ns.policies.split(",") if p]
        games = run(jobs_for(ns.scenario, ns.short, world.order, seeds, ns.redraws, policies, seats), ns.jobs, ns.raw)
    out = report(games, world)
    out.update(scenario=ns.scenario, short=ns.short, seconds=round(time.perf_counter() - t0, 1))
    for seat, rows in out["seats"].items():
        print(f"{seat:<13} " + "  ".join(f"{pol} {v['mean_diff']:+6.2f} ({v['win_rate']:.0%})" for pol, v in rows.items()))
    print(f"winner stability {out['winner_stability']}, leader before the last round wins {out['leader_before_last_wins']}")
    lost = never_won(out["by_objective"])
    if lost:
        print("never won, AI games that dealt it: " + "; ".join(lost))
    print(json.dumps(out))
    return out


if __name__ == "__main__":
    main()
