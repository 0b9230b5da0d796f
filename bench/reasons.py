"""Benchmark: are the AI's reasons honest? Remove the terms a reason names and see if the answer changes.

Every answer a personality agent gives to an offer (accept, reject or counter) sums named
parts to a total: a C5 state's valuation (money, diversity, hedging, backlash, debt,
closed, its least margin; `game.rules.valuation.c5_parts`; and, at the levels that play
the race, its projected objective points as `position`), a great power's projection (its
change in projected points, `position`, route habit, premium, consent, money paid, an
unaffordable contract, its least gain; `ai.projection.great_parts`), a deal between two C5 states
(money, margin). The reason a player reads is a message whose clauses each say one part
(`CLAUSES` below maps each clause's catalogue key to its part). For each sampled answer
the parts the reason names are removed from the total (set to 0, as when the tension that
caused a refusal were gone or the price term removed); the answer *flips* when what is
left is on the other side of 0 or at even (1e-4 allows for the 4 decimals the terms are
kept to). Honest reasons flip in at least 90% of answers (issue 11, item 5).

Answers not decided by the terms are left out: a bid for a tender (decided against the
rival bids) and an offer the AI liked but could not sign (the rules forbid accepting it).
A bloc a state refuses overrides the sum: it flips when, without the bloc, the parts left
would accept.

Usage: python bench/reasons.py [--scenario 2015] [--games 8] [--seed 1] [--difficulty normal] [--full]
(`--full` plays whole games; the default is the short form). Prints one JSON object on its last line.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EVEN = 1e-4  # a remainder this close to 0 counts as even (terms are kept to 4 decimals)

CLAUSES = {  # the catalogue key of each clause a reason may hold -> the part of the total it names
    "ai.c5.value": "money", "ai.c5.cost": "money", "ai.c5.diversity": "diversity", "ai.c5.diversity_loss": "diversity",
    "ai.c5.share": "hedging", "ai.c5.backlash": "backlash", "ai.c5.debt": "debt", "ai.c5.closed": "closed",
    "ai.c5.declines_closed": "closed", "ai.c5.margin": "margin", "ai.c5.bloc": "bloc",
    "ai.neighbour.accepts": "money", "ai.neighbour.declines": "money",
    "ai.term_rise": "position", "ai.term_rise_fine": "position", "ai.term_fall": "position",
    "ai.term_fall_fine": "position", "ai.great.position": "position", "ai.great.route": "route",
    "ai.great.route_pressed": "route", "ai.great.premium": "premium", "ai.great.consent": "consent",
    "ai.great.pays": "paid", "ai.great.margin": "margin", "ai.great.unaffordable": "unaffordable",
}


def named_parts(m) -> tuple[str, ...]:
    """The parts of the total a reason names: the clauses the message holds, at any depth."""
    from game.text import Msg
    found: list[str] = []

    def walk(x) -> None:
        if isinstance(x, Msg):
            if x.key in CLAUSES and CLAUSES[x.key] not in found:
                found.append(CLAUSES[x.key])
            for v in x.args.values():
                walk(v)
        elif isinstance(x, tuple):
            for v in x:
                walk(v)

    walk(m)
    return tuple(found)


def answer_parts(terms: dict) -> dict[str, float]:
    """The parts an answer's total is the sum of, from the terms its Decision keeps."""
    from ai.projection import great_parts
    from game.rules.valuation import c5_parts
    if "points" in terms:  # a great power
        return {**great_parts(terms, terms["thrift"]), "margin": terms["margin"]}
    if "energy" in terms:  # a deal between two C5 states
        return {"money": terms["money"], "margin": terms["margin"]}
    return {**c5_parts(terms), "position": terms.get("race", 0.0)}  # `race`: its projected points (ai.race)


def sample(scenario: str, seeds: list[int], short: bool = True, difficulty: str = "normal") -> list[dict]:
    """Every offer answered by a personality agent in the games of `seeds`: who, the answer, its terms and reason."""
    from ai.agent import PersonalityAgent
    from ai.factory import agents_for
    from game.rules import actions as A
    from game.scenario.loader import load
    from game.sim import play_session
    sc = load(scenario, short=short)
    seen: list[dict] = []
    answer = PersonalityAgent.answer

    def spy(self, view, me, offer, legal, rng):
        d = answer(self, view, me, offer, legal, rng)
        seen.append({"power": me, "verb": d.action.verb, "terms": d.terms, "reason": d.reason,
                     "could_accept": A.Accept(me, offer.id) in legal})
        return d

    PersonalityAgent.answer = spy
    try:
        for seed in seeds:
            play_session(sc.world, agents_for(sc.world, difficulty, sc.personalities), seed)
    finally:
        PersonalityAgent.answer = answer
    return seen


def flips(answer: dict) -> bool | None:
    """Whether removing the parts its reason names changes the answer (None: not decided by the terms)."""
    t = answer["terms"]
    named = named_parts(answer["reason"])
    if "bids" in t or "total" not in t or not answer["could_accept"]:
        return None
    parts = answer_parts(t)
    if "bloc" in named:  # the refusal overrides the sum: without the bloc, the parts decide
        return sum(parts.values()) - sum(parts.get(k, 0.0) for k in named) > EVEN
    rest = t["total"] - sum(parts.get(k, 0.0) for k in named)
    return rest <= EVEN if t["total"] > 0 else rest >= -EVEN


def one_side(answer: dict) -> bool:
    """Whether every part the reason names pulls the way the answer went (a reason names deciders only)."""
    t = answer["terms"]
    parts = answer_parts(t)
    accepted = t["total"] > 0
    return all((parts[k] > 0) == accepted for k in named_parts(answer["reason"]) if k in parts)


def kind(answer: dict) -> str:
    """great, c5 or neighbour: which valuation decided it."""
    t = answer["terms"]
    return "great" if "points" in t else "neighbour" if "energy" in t else "c5"


def measure(answers: list[dict]) -> dict:
    """The flip rate over the answers decided by terms, by kind and side, with the reasons that did not flip."""
    judged = [(a, flips(a)) for a in answers]
    kept = [(a, f) for a, f in judged if f is not None]
    by: dict[str, list[int]] = {}
    for a, f in kept:
        key = f"{kind(a)} {'accept' if a['terms']['total'] > 0 else 'decline'}"
        by.setdefault(key, [0, 0])
        by[key][0] += int(f)
        by[key][1] += 1
    wrong = sum(1 for a, _ in kept if not one_side(a))
    unexplained = sum(1 for a, _ in kept if "bloc" not in named_parts(a["reason"])
                      and abs(sum(answer_parts(a["terms"]).values()) - a["terms"]["total"]) > 1e-3)
    misses: dict[str, int] = {}
    for a, f in kept:
        if not f:
            label = f"{a['reason'].key}: {'+'.join(named_parts(a['reason'])) or '-'}"
            misses[label] = misses.get(label, 0) + 1
    n = len(kept)
    return {"answers": len(answers), "judged": n, "flipped": sum(f for _, f in kept),
            "flip_rate": round(sum(f for _, f in kept) / n, 4) if n else 0.0,
            "left_out": len(answers) - n, "against_the_answer": wrong,
            "unexplained": unexplained, "by_kind": {k: {"flipped": v[0], "of": v[1]} for k, v in sorted(by.items())},
            "not_flipped": dict(sorted(misses.items(), key=lambda kv: -kv[1]))}


def main(argv: list[str] | None = None) -> int:
    """Sample answers over seeded games and print the flip rate (JSON on the last line)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", default="2015")
    ap.add_argument("--games", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--difficulty", default="normal")
    ap.add_argument("--full", action="store_true", help="whole games instead of the short form")
    ns = ap.parse_args(argv)
    out = measure(sample(ns.scenario, list(range(ns.seed, ns.seed + ns.games)), not ns.full, ns.difficulty))
    out = {"scenario": ns.scenario, "games": ns.games, "short": not ns.full, "difficulty": ns.difficulty, **out}
    for k, v in out["by_kind"].items():
        print(f"{k:<18} {v['flipped']:>4} of {v['of']:<4}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
