"""Benchmark: does each difficulty step play better, seat by seat, over paired seeds?

Each contested seat plays each variant against `--others` (default normal) in every other seat, on
the same seeds (paired: only the seat's own level differs). A variant is a level name with optional
setting overrides, `hard:lookahead=0,hope=0` or `hard:playout_kinds=c5+great` (a list joined by '+'; the
`[difficulty.*]` keys of ai/personalities.toml, `ai.personality.LEVEL_KEYS`), so an ablation needs no edit of the shipped table.
Prints, per seat, each variant's mean objective points and its mean margin in its own objectives
(`ai.race.margin`), then the paired differences against the first variant; JSON on the last line.
With `--rotation` it plays the tournament's schedule instead (`game.tournament.schedule`: round r of a seed
gives the i-th seat to variant (i + r) mod N, every seat contested), and a variant may be named twice
(`--rotation --variants easy normal normal`): the same level in another position of the rotation shows how
much of a seat's difference between two agents comes from the levels the rotation gives the other seats.
Usage: bench/difficulty.py --variants normal hard [--seats japan china russia] [--seeds 4 --seed 301]
       [--scenario 2015] [--short] [--years N] [--rotation] [--jobs N: processes; the same results, in order]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])


def variant_level(spec: str):
    """The Level a variant names: `name[:key=value,...]`."""
    from attrs import evolve
    from ai.personality import level
    name, _, rest = spec.partition(":")
    lv = level(name)
    over = {}
    for kv in filter(None, rest.split(",")):
        k, _, v = kv.partition("=")
        cur = getattr(lv, k)
        if isinstance(cur, tuple):  # a list key: values joined by '+' (`playout_kinds=c5+great`)
            over[k] = tuple(filter(None, v.split("+")))
        else:
            over[k] = (v.lower() in ("1", "true", "yes")) if isinstance(cur, bool) else type(cur)(float(v) if isinstance(cur, int) else v)
    return evolve(lv, **over)


def agent(world, power: str, spec: str, personalities):
    """A personality agent for `power` at the variant `spec` (built as `ai.factory.make_agent` builds one)."""
    from ai.factory import make_agent
    return _with_level(make_agent(world, power, spec.partition(":")[0], personalities), variant_level(spec))


def _with_level(a, lv):
    """The agent `a` playing at the Level `lv` (same personality and script)."""
    a.level = lv
    return a


def game(sc, world, seat: str, spec: str, others: str, seed: int) -> dict:
    """One game with `seat` at `spec` and every other seat at `others`."""
    from ai import race
    from game.sim import play
    agents = {p: agent(world, p, spec if p == seat else others, sc.personalities) for p in world.order}
    t = time.process_time()
    r = play(world, agents, seed)
    return {"points": r.points[seat], "margin": race.margin(r.final, seat), "winner": r.winner,
            "card": ",".join(o.id for o in r.final.powers[seat].objectives), "cpu_s": time.process_time() - t}


_GRID: dict = {}  # what the worker processes read (inherited when forked): the scenario, the world, the other seats' level


def _grid_game(task: tuple[str, str, int]) -> dict:
    seat, spec, seed = task
    return game(_GRID["sc"], _GRID["world"], seat, spec, _GRID["others"], seed)


def grid_games(sc, world, others: str, tasks: list[tuple[str, str, int]], jobs: int = 1):
    """Each (seat, variant, seed) game's result in the order of `tasks`, played in `jobs` forked processes when above
    1 (each game is deterministic, so the results are those of one process; no fork, as on Windows: one process)."""
    import multiprocessing
    _GRID.update(sc=sc, world=world, others=others)
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(_grid_game, tasks)
        return
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(_grid_game, tasks)


def rotation(sc, world, specs: list[str], seeds: list[int]) -> dict:
    """The tournament's schedule with these variants (names may repeat): mean points per variant position and seat."""
    from game.sim import play
    from game.tournament import schedule
    seats = tuple(world.order)
    sums: dict = {}
    for seed, held in schedule(len(specs), seats, seeds):
        agents = {p: agent(world, p, specs[i], sc.personalities) for p, i in held}
        r = play(world, agents, seed)
        for p, i in held:
            sums.setdefault(i, {}).setdefault(p, []).append(r.points[p])
        print(seed, " ".join(f"{p[:3]}={specs[i]}:{r.points[p]:.1f}" for p, i in held), flush=True)
    out = {}
    print(f"{'#':2s} {'variant':28s} {'mean':>6s} " + " ".join(f"{p[:7]:>7s}" for p in seats))
    for i, spec in enumerate(specs):
        per = {p: statistics.mean(v) for p, v in sums[i].items()}
        mean = statistics.mean(x for v in sums[i].values() for x in v)
        out[f"{i}:{spec}"] = {"mean": mean, "per_seat": per}
        print(f"{i:<2d} {spec[:28]:28s} {mean:6.2f} " + " ".join(f"{per[p]:7.1f}" for p in seats))
    return out


def cards(res: dict, seats: list, variants: list) -> dict:
    """Per seat and dealt card (the reference's game deals it; the seed decides it): games and each variant's mean
    points minus the reference's on them, printed as a table."""
    ref, diffs = variants[0], {}
    for seat in seats:
        for i, r in enumerate(res[seat][ref]):
            games = diffs.setdefault(seat, {}).setdefault(r["card"], [])
            games.append({v: res[seat][v][i]["points"] - r["points"] for v in variants[1:]})
    out = {seat: {card: {"games": len(gs), **{v: statistics.mean(g[v] for g in gs) for v in variants[1:]}}
                  for card, gs in sorted(per_card.items())} for seat, per_card in diffs.items()}
    print(f"\n{'seat':13s} {'card':28s} {'games':>5s} " + " ".join(f"{v[:22]:>22s}" for v in variants[1:]))
    for seat, rows in out.items():
        for card, row in rows.items():
            print(f"{seat:13s} {card:28s} {row['games']:5d} " + " ".join(f"{row[v]:+22.2f}" for v in variants[1:]))
    return out


def main() -> None:
    """Play the grid and print the table; JSON last."""
    from attrs import evolve
    from game.scenario.loader import load
    ap = argparse.ArgumentParser()
    ap.add_argument("--variants", nargs="+", default=["normal", "hard"])
    ap.add_argument("--seats", nargs="+", default=None)
    ap.add_argument("--others", default="normal")
    ap.add_argument("--scenario", default="2015")
    ap.add_argument("--short", action="store_true")
    ap.add_argument("--years", type=int, default=0, help="cut the game to this many years (0: as loaded)")
    ap.add_argument("--seeds", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rotation", action="store_true", help="the tournament's schedule (variant names may repeat)")
    ap.add_argument("--jobs", type=int, default=1, help="processes playing the games (the same results in the same order)")
    ns = ap.parse_args()
    sc = load(ns.scenario, short=ns.short)
    world = sc.world if not ns.years else evolve(sc.world, end_year=sc.world.start_year + ns.years - 1)
    if ns.rotation:
        out = rotation(sc, world, ns.variants, [ns.seed + i for i in range(ns.seeds)])
        print(json.dumps({"bench": "difficulty", "rotation": True, "scenario": ns.scenario, "short": ns.short,
                          "seeds": [ns.seed + i for i in range(ns.seeds)], "variants": out}))
        return
    seats = ns.seats or list(world.order)
    seeds = [ns.seed + i for i in range(ns.seeds)]
    res: dict = {}
    tasks = [(seat, spec, seed) for seat in seats for spec in ns.variants for seed in seeds]
    for (seat, spec, seed), g in zip(tasks, grid_games(sc, world, ns.others, tasks, max(1, ns.jobs))):
        res.setdefault(seat, {}).setdefault(spec, []).append(g)
        print(f"{seat:13s} {spec:28s} seed {seed}: points {g['points']:6.2f} margin {g['margin']:+.4f} "
              f"{g['card']} ({g['cpu_s']:.1f} s)", flush=True)
    ref = ns.variants[0]
    summary: dict = {}
    print(f"\n{'seat':13s} " + " ".join(f"{v[:22]:>24s}" for v in ns.variants))
    for seat in seats:
        row = {}
        for spec in ns.variants:
            gs = res[seat][spec]
            row[spec] = {"points": statistics.mean(g["points"] for g in gs),
                         "margin": statistics.mean(g["margin"] for g in gs),
                         "d_points": statistics.mean(g["points"] - r["points"] for g, r in zip(gs, res[seat][ref])),
                         "d_margin": statistics.mean(g["margin"] - r["margin"] for g, r in zip(gs, res[seat][ref]))}
        summary[seat] = row
        print(f"{seat:13s} " + " ".join(f"{row[v]['points']:7.2f} ({row[v]['d_points']:+6.2f},{row[v]['d_margin']:+.3f})"
                                         for v in ns.variants))
    by_card = cards(res, seats, ns.variants)
    totals = {v: {"d_points": sum(summary[s][v]["d_points"] for s in seats),
                  "d_margin": sum(summary[s][v]["d_margin"] for s in seats)} for v in ns.variants}
    print("total vs", ref, {v: {k: round(x, 3) for k, x in t.items()} for v, t in totals.items()})
    print(json.dumps({"bench": "difficulty", "scenario": ns.scenario, "short": ns.short, "years": ns.years,
                      "seeds": seeds, "others": ns.others, "reference": ref, "seats": summary, "by_card": by_card,
                      "totals": totals}))


if __name__ == "__main__":
    main()
