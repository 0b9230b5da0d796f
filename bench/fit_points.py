"""Fit the objectives' points so that every seat wins about one game in eight, and check them on held-out seeds.

    python bench/agency.py --scenario 2015 --short --seeds 96 --redraws 0 --policies "" --raw pool.jsonl
    python bench/agency.py --scenario 2015 --short --seeds 32 --first-seed 501 --redraws 0 --policies "" --raw pool.jsonl
    python bench/fit_points.py --scenario 2015 --short pool.jsonl [more.jsonl ...] [--holdout 501-532] [--apply]
    python bench/fit_points.py --scenario 2015 --short --seeds 2      # no files: play that many seeds first

With one objective dealt to each power, a seat's points are its dealt objective's pay in each
round, and the computer plays a race the same way whatever its points are multiplied by
(`ai.race` values the points still to win as a share of all its objectives can pay). So every
objective's points can be rescaled without replaying. Each objective pays its places on the even
shape (`objectives.linear_places`: 1-0.5-0 among the three great powers, 1-0.75-0.5-0.25-0 among
the five) times its *top*, the points for first place, and the fit chooses the tops:

- a seat's *level* is the one top that, given to all its objectives, gives it a one-in-eight
  chance to win the games of the pool (its chance softened by a logistic of width `--tau` points,
  then `--sharp`, so that a pool of a hundred games gives a smooth target);
- an objective's *own* top gives it a one-in-eight chance on the games it was actually dealt
  in (n of them; never on games it was not dealt, where its holder played another race and
  would look worse at this one than it is);
- its top is the two combined in logs, `log top = log level + n / (n + k) x log(own / level)`,
  with k = `--prior` games: an objective dealt in few games keeps near its seat's level (k large:
  one top per seat; k = 0: one per objective, which follows noise);
- then the seat's tops are scaled together so that the seat's chance on all its games is one in
  eight.

Seats are fitted in turn, half-way each sweep; the tops' geometric mean is then set to `SCALE`.
The tops are rounded so that every place pays whole quarters. Games whose seed is in `--holdout`
(default 501-532) are kept out of the fit and re-scored under the new points: the tool prints the
wins per seat in-sample and held-out, and the verdict of the goal (no seat above 25%, every
seat at least 3%). `--apply` writes the points into `scenarios/<scenario>.toml` (the full game
and its short form share them). JSON on the last line.

A *threshold* objective (2015 and 2025 Turkmenistan's) is fitted the same way, its top being the points of its
largest step: the fit scales its steps' points together and keeps its steps (`shape_of`), rounded to whole quarters.

A *standing* objective (`standing = true`: held in every game, never dealt) is not fitted: it keeps
its shipped points, and what it pays is added to its holder's total in every stored game, so the
fit sets the drawn objectives' points around it.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET = 0.125  # one game in eight: a fair share among eight seats
MOST, LEAST = 0.25, 0.03  # the goal (GAME_V2.md): no seat wins more than this share, every seat at least this
GRID = tuple(round(0.05 * 1.1 ** k, 5) for k in range(90))  # tops tried, relative to the scale: 0.05 .. 270
SCALE = 8.0  # geometric mean of the tops: large enough that whole quarters barely bend the even shape
BONUS = 0.5  # the lead bonus of a rank objective as a share of its top (rule 16: paid in full from a lead of `clear`)
TIES = 0.01  # points a tie is worth to the power the rule gives it (`objectives.first`)
HOLDOUT = "501-532"


def shape(world, p: str) -> tuple[float, ...]:
    """The even rank points of p's peers with 1 for first place."""
    from game.rules import objectives as O
    peers = sum(1 for q in world.order if world.powers[q].kind == world.powers[p].kind)
    return O.linear_places(1.0, peers)


def shape_of(world, p: str, o) -> tuple[float, ...]:
    """What objective `o` of p pays per unit of its top: a rank the even shape of p's peers (1 for first place), a
    threshold its own steps' points over the largest (its steps keep their proportions; the top is a step's most)."""
    from game.rules import objectives as O
    if o.kind == O.RANK:
        return shape(world, p)
    most = max(o.points)
    return tuple(x / most for x in o.points)


def with_tops(world, tops: dict, clear: dict | None = None, bonus: float = BONUS):
    """The world with each objective in `tops` paying its top times its shape (`shape_of`: a rank the even shape
    of its seat's peers, a threshold its own steps), and a rank objective's first place `bonus` x its top more for
    a lead of its `clear` (`clear[power][objective]`; None: the world's own); the others (standing) as they are."""
    points = {p: {o.id: [round(tops[p][o.id] * x, 4) for x in shape_of(world, p, o)]
                  for o in world.powers[p].objectives if o.id in tops[p]} for p in world.order}
    own = {p: {o.id: o.clear for o in world.powers[p].objectives} for p in world.order}
    extra = {p: {oid: round(top * bonus, 4) if (clear or own)[p][oid] > 0 else 0.0 for oid, top in tops[p].items()}
             for p in world.order}
    return with_points(world, points, extra, clear)


def quantile(xs: list[float], q: float) -> float:
    """The q-quantile of xs (0.5: the median), interpolated between the nearest two."""
    xs = sorted(xs)
    at = q * (len(xs) - 1)
    lo = int(at)
    return xs[lo] + (xs[min(lo + 1, len(xs) - 1)] - xs[lo]) * (at - lo)


def clears(games: list[dict], world, digits: int = 2, q: float = 0.5) -> dict:
    """Each rank objective's `clear`: the q-quantile (0.5: the median) of its holder's lead in the rounds it came
    first, over the games it was dealt in (over every game when it was never dealt and first), to `digits`
    significant digits; 0 when its holder never came first (no bonus)."""
    from attrs import evolve
    from game import engine
    from game.rules import objectives as O
    order, kinds = world.order, O.kinds_of(world)
    dealt_leads: dict = {}
    all_leads: dict = {}
    for g in games:
        seeded = evolve(world, seed=g["seed"])
        dealt = O.deal(seeded, engine.rng(seeded, "objectives"))
        for p in order:
            mine = {o.id for o in dealt.powers[p].objectives}
            for o in world.powers[p].objectives:
                if o.kind != O.RANK:
                    continue
                for now in g["years"].values():
                    ahead = O.lead(o, p, now, g["start"], order, kinds)
                    if ahead > 0:
                        all_leads.setdefault((p, o.id), []).append(ahead)
                        if o.id in mine:
                            dealt_leads.setdefault((p, o.id), []).append(ahead)

    def sig(x: float) -> float:
        return float(f"{x:.{digits}g}")
    return {p: {o.id: sig(quantile(dealt_leads.get((p, o.id)) or all_leads.get((p, o.id)) or [0.0], q))
                for o in world.powers[p].objectives} for p in order}


def unit(world) -> dict:
    """A top of 1 for every objective the deal draws (standing ones keep their own points and are not fitted)."""
    return {p: {o.id: 1.0 for o in world.powers[p].objectives if not o.standing} for p in world.order}


def pays(game: dict, world) -> dict:
    """The game's drawn objectives, what every objective of every power would have paid it in total, the
    power's lead in it when the last round was scored (the tie-break), and what its standing objectives
    paid (`fixed`: they are held in every game, at the world's points)."""
    from attrs import evolve
    from game import engine
    from game.rules import objectives as O
    order, kinds = world.order, O.kinds_of(world)
    seeded = evolve(world, seed=game["seed"])
    dealt = O.deal(seeded, engine.rng(seeded, "objectives"))
    rounds = [y for y in O.rounds(world) if str(y) in game["years"]]
    total = {p: {o.id: sum(O.round_weight(world, y) * O.pay(o, p, game["years"][str(y)], game["start"], order, kinds)
                           for y in rounds) for o in world.powers[p].objectives} for p in order}
    last = game["years"][str(rounds[-1])] if rounds else game["start"]
    lead = {p: {o.id: round(O.lead(o, p, last, game["start"], order, kinds), 6) for o in world.powers[p].objectives}
            for p in order}
    standing = {p: [o.id for o in world.powers[p].objectives if o.standing] for p in order}
    return {"dealt": {p: [o.id for o in dealt.powers[p].objectives if not o.standing] for p in order},
            "total": total, "lead": lead, "fixed": {p: sum(total[p][oid] for oid in standing[p]) for p in order}}


def points_of(row: dict, mult: dict, p: str) -> float:
    """p's points in a stored game under the multipliers (its standing objectives' pay as it stands)."""
    return sum(mult[p][oid] * row["total"][p][oid] for oid in row["dealt"][p]) + row["fixed"][p]


def lead_of(row: dict, p: str) -> float:
    """p's lead in its dealt objectives (one dealt: that objective's lead)."""
    ids = row["dealt"][p]
    return sum(row["lead"][p][oid] for oid in ids) / max(1, len(ids))


def chance(games: list[tuple], p: str, i: int, m: float, tau: float) -> float:
    """p's mean chance to win `games` ((row, best of the others, p's dealt objective, its factor)) when its
    dealt objective pays `m` x its factor x its unit total (tau 0: whole wins)."""
    won = 0.0
    for row, (top, top_lead, j), oid, factor in games:
        ahead = (row["lead"][p][oid], -i) > (top_lead, -j)
        gap = m * factor * row["total"][p][oid] + row["fixed"][p] - top + (TIES if ahead else -TIES)
        won += (gap > 0) if tau <= 0 else 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, gap / tau))))
    return won / max(1, len(games))


def solve(games: list[tuple], p: str, i: int, tau: float) -> float:
    """The multiplier (on the grid) that gives p a chance closest to one in eight on `games`."""
    errs = [(abs(chance(games, p, i, SCALE * m, tau) - TARGET), m) for m in GRID]
    low = min(e for e, _ in errs)
    near = [m for e, m in errs if e == low]
    return SCALE * math.sqrt(near[0] * near[-1])


def best_others(rows: list[dict], mult: dict, order: tuple, p: str) -> list[tuple]:
    """In each game, the highest total of the powers other than p, that power's lead and its seat."""
    out = []
    for row in rows:
        top = max((round(points_of(row, mult, q), 4), lead_of(row, q), -order.index(q)) for q in order if q != p)
        out.append((top[0], top[1], -top[2]))
    return out


def fit_seat(rows: list[dict], best: list[tuple], p: str, i: int, ids: list[str], tau: float, prior: float) -> dict:
    """p's tops: each objective's own top pulled toward the seat's level by `prior` games, then scaled together
    to a one-in-eight chance on all of p's games."""
    games = [(row, b, row["dealt"][p][0], 1.0) for row, b in zip(rows, best)]
    level = solve(games, p, i, tau)
    ratio = {}
    for oid in ids:
        mine = [g for g in games if g[2] == oid]
        n = len(mine)
        own = solve(mine, p, i, tau) if mine else level
        ratio[oid] = math.exp(n / (n + prior) * math.log(own / level)) if n + prior > 0 else 1.0
    scaled = [(row, b, oid, ratio[oid]) for row, b, oid, _ in games]
    together = solve(scaled, p, i, tau)
    return {oid: together * ratio[oid] for oid in ids}


def sweep(rows: list[dict], tops: dict, order: tuple, tau: float, prior: float, damp: float = 0.5,
          snap=None) -> dict:
    """One pass over the seats: move each seat's tops half-way to its fit against the others as they stand.
    With `snap` (the last sweeps) each seat's tops are rounded as they move, so that the others are fitted
    against the points that will ship; without it the tops' geometric mean is then set to `SCALE`."""
    for i, p in enumerate(order):
        goal = fit_seat(rows, best_others(rows, tops, order, p), p, i, list(tops[p]), tau, prior)
        tops[p] = {k: math.exp((1 - damp) * math.log(v) + damp * math.log(goal[k])) for k, v in tops[p].items()}
        if snap:
            tops[p] = snap(p, tops[p])
    if snap:
        return tops
    logs = [math.log(v) for p in order for v in tops[p].values()]
    shift = math.exp(sum(logs) / len(logs)) / SCALE
    return {p: {k: v / shift for k, v in tops[p].items()} for p in order}


def fit(rows: list[dict], world, tau: float = 0.75, sharp: float = 0.3, sweeps: int = 6, prior: float = 64.0) -> dict:
    """The tops per power and objective from rows scored under `unit` tops: `sweeps` passes at width tau
    (in points), then half as many at `sharp`, then `sweeps` more on tops rounded to whole quarters, of
    which the one whose whole wins are spread most evenly over the seats is kept (`spread`)."""
    order = world.order
    tops = {p: {k: SCALE for k in ids} for p, ids in unit(world).items()}
    for width, n in ((tau, sweeps), (sharp, max(1, sweeps // 2))):
        for _ in range(n):
            tops = sweep(rows, tops, order, width, prior)
    tops = rounded(world, tops)
    best = (spread(wins(rows, tops, order)), tops)
    for _ in range(sweeps):
        tops = sweep(rows, {p: dict(t) for p, t in tops.items()}, order, sharp, prior, damp=1.0,
                     snap=lambda p, t: rounded_seat(world, p, t))
        best = min(best, (spread(wins(rows, tops, order)), tops), key=lambda st: st[0])
    return best[1]


def spread(counts: dict[str, int]) -> float:
    """How unevenly the wins fall: the sum over seats of (wins - fair share)^2 / fair share (0: even)."""
    fair = sum(counts.values()) / max(1, len(counts))
    return round(sum((c - fair) ** 2 / fair for c in counts.values()), 2) if fair else 0.0


def wins(rows: list[dict], mult: dict, order: tuple) -> dict[str, int]:
    """Games won by each power under the multipliers (ties as `objectives.first`)."""
    from game.rules.objectives import first
    out = {p: 0 for p in order}
    for row in rows:
        out[first({p: points_of(row, mult, p) for p in order}, {p: lead_of(row, p) for p in order}, order)] += 1
    return out


def shared_top(rows: list[dict], mult: dict, order: tuple) -> int:
    """Games in which two or more powers end with the most points under the multipliers."""
    tied = 0
    for row in rows:
        pts = sorted((round(points_of(row, mult, p), 4) for p in order), reverse=True)
        tied += len(pts) > 1 and pts[0] == pts[1]
    return tied


def with_points(world, points: dict, bonus: dict | None = None, clear: dict | None = None):
    """The world with each objective in `points` paying `points[power][objective]` (and, where given, its lead
    bonus and the lead that earns it whole); the others as they are."""
    from attrs import evolve
    from game.model.ops import with_power
    for p in world.order:
        objs = tuple(evolve(o, points=tuple(points[p][o.id]),
                            bonus=bonus[p][o.id] if bonus and o.kind == "rank" else o.bonus,
                            clear=clear[p][o.id] if clear and o.kind == "rank" else o.clear)
                     if o.id in points[p] else o for o in world.powers[p].objectives)
        world = with_power(world, p, objectives=objs)
    return world


def rounded_seat(world, p: str, tops: dict) -> dict:
    """p's tops rounded to the nearest step at which every place of the even shape pays whole quarters (a
    threshold's top, a step's most, to whole quarters)."""
    from game.rules import objectives as O
    rank = 0.25 * (len(shape(world, p)) - 1)
    kinds = {o.id: o.kind for o in world.powers[p].objectives}
    steps = {k: rank if kinds[k] == O.RANK else 0.25 for k in tops}
    return {k: max(steps[k], round(v / steps[k]) * steps[k]) for k, v in tops.items()}


def rounded(world, tops: dict) -> dict:
    """Every seat's tops rounded as `rounded_seat`."""
    return {p: rounded_seat(world, p, tops[p]) for p in world.order}


def seed_ranges(text: str) -> list[tuple[int, int]]:
    """'501-532,600' -> [(501, 532), (600, 600)]."""
    out = []
    for part in filter(None, (s.strip() for s in text.split(","))):
        lo, _, hi = part.partition("-")
        out.append((int(lo), int(hi or lo)))
    return out


def held_out(seed: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether a seed lies in one of the held-out ranges."""
    return any(lo <= seed <= hi for lo, hi in ranges)


def verdict(counts: dict[str, int]) -> dict:
    """The goal on a win table: the largest and smallest share, and whether both are within bounds."""
    n = sum(counts.values())
    most, least = (max(counts.values()) / n, min(counts.values()) / n) if n else (0.0, 0.0)
    return {"games": n, "most": round(most, 3), "least": round(least, 3), "ok": bool(n) and most <= MOST and least >= LEAST}


def leader_kept(games: list[dict], world) -> float | None:
    """How often the leader after the next-to-last round wins (the world's points, the game's deal)."""
    from bench.agency import rescore, winner_of
    kept = n = 0
    for g in games:
        s = rescore(g, world)
        if len(s["rounds"]) < 2:
            continue
        n += 1
        kept += winner_of(s["rounds"][-2], world.order, s["leads"][-2]) == winner_of(s["final"], world.order, s["final_leads"])
    return round(kept / n, 3) if n else None


def cross_check(rows: list[dict], world, folds: int, priors: list[float], **kw) -> dict:
    """For each prior: wins on every fold's games under the tops fitted on the other folds (folds by seed
    order, pooled), the goal's verdict and the spread (sum over seats of (wins - fair share)^2 / fair share)."""
    out = {}
    for k in priors:
        counts = {p: 0 for p in world.order}
        for f in range(folds):
            test = [r for j, r in enumerate(rows) if j % folds == f]
            tops = rounded(world, fit([r for j, r in enumerate(rows) if j % folds != f], world, prior=k, **kw))
            for p, c in wins(test, tops, world.order).items():
                counts[p] += c
        out[f"{k:g}"] = {"wins": counts, "spread": spread(counts), **verdict(counts)}
    return out


def apply_points(path: Path, points: dict, extra: dict | None = None) -> int:
    """Rewrite the `points = [...]` of every fitted objective in a scenario file, and its `bonus` and `clear`
    from `extra[power][objective]` (a dict of them, written after the points); the lines changed."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    power, changed = "", 0
    for k, line in enumerate(lines):
        head = re.match(r"\[powers\.([a-z_]+)\.objectives\]", line)
        if head or line.startswith("["):
            power = head.group(1) if head else ""
            continue
        key = re.match(r"([a-z_0-9]+)\s*=\s*\{", line)
        if power in points and key and key.group(1) in points[power]:
            text = ", ".join(f"{x:g}" for x in points[power][key.group(1)])
            new = re.sub(r"points = \[[^\]]*\]", f"points = [{text}]", line)
            for name, x in reversed(list((extra or {}).get(power, {}).get(key.group(1), {}).items())):
                new = re.sub(rf",\s*{name} = [0-9.eE+-]+", "", new)
                if x:
                    new = new.replace(f"points = [{text}]", f"points = [{text}], {name} = {x:g}", 1)
            changed += new != line
            lines[k] = new
    path.write_text("".join(lines), encoding="utf-8")
    return changed


def table(label: str, counts: dict[str, int]) -> str:
    """One line of wins per seat with the goal's verdict."""
    v = verdict(counts)
    return (f"{label:<22} " + " ".join(f"{p[:3]} {c:>3}" for p, c in counts.items())
            + f"  | n {v['games']}, most {v['most']:.0%}, least {v['least']:.0%}: {'ok' if v['ok'] else 'NOT MET'}")


def main(argv: list[str] | None = None) -> dict:
    """Fit the points on the stored games, check them on the held-out seeds and print them; JSON on the last line."""
    from bench.agency import AI, jobs_for, read_games, run
    from game.scenario.loader import load
    from game.scenario.source import SCENARIO_DIR
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("games", nargs="*", help="stored games (JSON lines from bench/agency.py --raw)")
    ap.add_argument("--seeds", type=int, default=2, help="seeds to play first when no stored games are given")
    ap.add_argument("--scenario", default="2015")
    ap.add_argument("--short", action="store_true")
    ap.add_argument("--tau", type=float, default=0.75)
    ap.add_argument("--sharp", type=float, default=0.3)
    ap.add_argument("--sweeps", type=int, default=6)
    ap.add_argument("--prior", type=float, default=64.0, help="games that pull an objective's top to its seat's")
    ap.add_argument("--holdout", default=HOLDOUT, help="seed ranges kept out of the fit, e.g. 501-532 ('' for none)")
    ap.add_argument("--cv", type=int, default=0, help="also cross-check the priors in --priors with this many folds")
    ap.add_argument("--priors", default="0,4,16,64,1e9", help="priors the cross-check compares")
    ap.add_argument("--bonus", type=float, default=BONUS, help="a rank objective's lead bonus as a share of its top "
                    "(0: none), paid in full from the median lead of its holder in first place in the stored games")
    ap.add_argument("--clear-quantile", type=float, default=0.5, help="the lead that earns a rank objective's whole "
                    "bonus: this quantile of its holder's leads in first place (0.5: the median; higher: the bonus "
                    "rarely saturates, so wins follow the points more gently, bench/cliff.py)")
    ap.add_argument("--apply", action="store_true", help="write the points into scenarios/<scenario>.toml")
    ns = ap.parse_args(argv)
    t0 = time.perf_counter()
    world = load(ns.scenario, short=ns.short).world
    played = [g for path in ns.games for g in read_games(path)] or run(
        jobs_for(ns.scenario, ns.short, world.order, list(range(1, ns.seeds + 1)), 0, [], []), 1)
    plain = [g for g in played if g.get("policy", AI) == AI and not g.get("salt")]
    ranges = seed_ranges(ns.holdout)
    collapsed = {"in": sum(1 for g in plain if g["status"] == "collapsed" and not held_out(g["seed"], ranges)),
                 "out": sum(1 for g in plain if g["status"] == "collapsed" and held_out(g["seed"], ranges))}
    kept = [g for g in plain if g["status"] != "collapsed"]
    train = [g for g in kept if not held_out(g["seed"], ranges)]
    check = [g for g in kept if held_out(g["seed"], ranges)]
    base = with_points(world, {p: {o.id: list(o.points) for o in world.powers[p].objectives} for p in world.order})
    clear = clears(train, world, q=ns.clear_quantile) if ns.bonus > 0 else {p: {o.id: 0.0 for o in world.powers[p].objectives}
                                                        for p in world.order}
    even = with_tops(world, unit(world), clear, ns.bonus)
    rows = [pays(g, even) for g in train]
    tops = fit(rows, world, ns.tau, ns.sharp, ns.sweeps, ns.prior)
    tops_q = rounded(world, tops)
    fitted = with_tops(world, tops_q, clear, ns.bonus)
    points = {p: {o.id: list(o.points) for o in fitted.powers[p].objectives if not o.standing} for p in world.order}
    extra = {p: {o.id: {"bonus": o.bonus, "clear": o.clear} for o in fitted.powers[p].objectives
                 if o.kind == "rank" and not o.standing} for p in world.order}
    ones = unit(world)
    out = {"scenario": ns.scenario, "short": ns.short, "prior": ns.prior, "holdout": ns.holdout,
           "collapsed": collapsed,
           "in_sample": {"before": wins([pays(g, base) for g in train], ones, world.order),
                         "fitted": wins(rows, tops, world.order), "after": wins(rows, tops_q, world.order)},
           "held_out": {"before": wins([pays(g, base) for g in check], ones, world.order),
                        "after": wins([pays(g, even) for g in check], tops_q, world.order)},
           "leader_before_last_wins": {"in_sample": leader_kept(train, fitted),
                                       "held_out": leader_kept(check, fitted)},
           "ties": {"in_sample": shared_top(rows, tops_q, world.order),
                    "held_out": shared_top([pays(g, even) for g in check], tops_q, world.order)},
           "tops": {p: {k: round(v, 3) for k, v in t.items()} for p, t in tops.items()}, "points": points,
           "lead_bonus": extra}
    out["verdict"] = {"in_sample": verdict(out["in_sample"]["after"]), "held_out": verdict(out["held_out"]["after"])}
    for p in world.order:
        for o in fitted.powers[p].objectives:
            if o.standing:
                print(f"{p:<13} {o.id:<26} standing   points = {list(o.points)} (kept)")
                continue
            n = sum(1 for r in rows if r["dealt"][p][0] == o.id)
            more = f"  bonus {o.bonus:g} from a lead of {o.clear:g}" if o.kind == "rank" and o.bonus else ""
            print(f"{p:<13} {o.id:<26} dealt {n:>3}  top {tops[p][o.id]:6.2f}  points = {points[p][o.id]}{more}")
    print(table("in-sample before", out["in_sample"]["before"]))
    print(table("in-sample after", out["in_sample"]["after"]))
    print(table("held-out before", out["held_out"]["before"]))
    print(table("held-out after", out["held_out"]["after"]))
    print(f"top total shared: in-sample {out['ties']['in_sample']}, held-out {out['ties']['held_out']} games")
    print(f"collapsed (left out): in-sample {collapsed['in']}, held-out {collapsed['out']}; leader before the last "
          f"round wins {out['leader_before_last_wins']}")
    if ns.cv > 1:
        out["cross_check"] = cross_check(rows, world, ns.cv, [float(x) for x in ns.priors.split(",")],
                                         tau=ns.tau, sharp=ns.sharp, sweeps=ns.sweeps)
        for k, v in out["cross_check"].items():
            print(table(f"{ns.cv}-fold prior {k}", v["wins"]) + f", spread {v['spread']}")
    if ns.apply:
        out["applied"] = apply_points(SCENARIO_DIR / f"{ns.scenario}.toml", points, extra)
    out["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(out))
    return out


if __name__ == "__main__":
    main()
