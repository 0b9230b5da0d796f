"""Objectives and scoring rounds: the public way to win.

Every power has objectives, public from the first turn. At the end of each scoring-round
year (the scenario's `rounds`), every objective pays its owner points, and the points add
up into one cumulative score per power; the highest total at the end wins. A tie goes to
the power furthest ahead in its own races when the last round was scored (its *lead*: per
objective, its measure minus the best rival's for a rank or minus the first step for a
threshold, averaged with each objective's best pay as the weight), then to the earlier seat:
a race won by a clear margin breaks a tie, not the order of the seats.

An objective reads one *measure* of the World (an agenda term, 0..1, or its gain since the
game began) and pays in one of two ways:

- `rank`: `points[k]` for being (k+1)-th on the measure among `among` (the power and its
  rivals; default: every power of its kind). Tied powers share the points of the places
  they hold: `pay = mean(points[k .. k+t-1])` for a tie of t powers from place k.
  A clear first place earns more: `bonus x min(1, lead / clear)` on top, where the lead is
  its measure minus the best rival's. So a race is paid by how far ahead its leader is, not
  only by place, and two powers that each lead their own race rarely end level.
- `threshold`: `points[k]` for each step `at[k]` the measure has reached:
  `pay = sum(points[k] for k if measure >= at[k])`.

A round's payment is multiplied by the round's weight (`round_weights`, default 1).
When `objectives.dealt` is above 0, each power is dealt that many of its listed
objectives at the start of the game, drawn with the game's seed (like scoring cards laid
out at setup): they are public from the first turn and the others are set aside, so the
world's dice decide which races a game is about, and play decides who wins them. An objective
marked `standing` is kept in every deal and never drawn: the scenario's own question for
that power (2025: Japan's rare earths from secure sources), public like the rest.
Source: the brief's scoring rounds (GAME_V2.md "Winning is legible and earned"), after
Twilight Struggle's scoring cards and Pax Pamir's dominance checks; the measures are the
agenda terms of `game.rules.agenda`, drawn from the five source documents cited there.
"""
from __future__ import annotations

from typing import Mapping

from attrs import frozen

from game.model import C5, Objective, World
from game.model.memo import Memo
from game.rules import agenda
from game.text import Msg, Ref, joined, msg

RANK = "rank"
THRESHOLD = "threshold"
KINDS = (RANK, THRESHOLD)
GAIN = "_gain"  # a measure name ending in this counts the change since the game began
C5_ONLY = ("gdp_growth", "autonomy", "debt_safe", "remittances")  # agenda terms defined only for a C5 state


def is_gain(name: str) -> bool:
    """Whether a measure counts the change since the game began (else it is the level now)."""
    return name.endswith(GAIN)


def base_measure(name: str) -> str:
    """The agenda term a measure reads."""
    return name[: -len(GAIN)] if is_gain(name) else name


def known_measure(name: str) -> bool:
    """Whether `name` is a measure objectives may read."""
    return base_measure(name) in agenda.TERMS


def measure_names(world: World, p: str) -> tuple[str, ...]:
    """The agenda terms defined for p (a great power has no GDP growth, autonomy or debt)."""
    c5 = world.powers[p].kind == C5
    return tuple(t for t in agenda.TERMS if c5 or t not in C5_ONLY)


def measures(world: World, wanted: Mapping[str, set[str]] | None = None) -> dict[str, dict[str, float]]:
    """Every power's value on every measure defined for it, now (the raw terms, 0..1); with `wanted` (power -> terms),
    only those terms of each power."""
    if wanted is None:
        return {p: {t: round(agenda.TERMS[t](world, p), 6) for t in measure_names(world, p)} for p in world.order}
    return {p: {t: round(agenda.TERMS[t](world, p), 6) for t in measure_names(world, p) if t in wanted[p]}
            for p in world.order}


def read_by_objectives(world: World) -> dict[str, set[str]]:
    """The terms `pay` reads of each power's measures: those of its own objectives, and of each rank objective it is
    a rival in."""
    order, kinds = world.order, kinds_of(world)
    wanted: dict[str, set[str]] = {p: set() for p in order}
    for p in order:
        for o in world.powers[p].objectives:
            for q in compared(order, kinds, p, o):
                wanted[q].add(base_measure(o.measure))
    return wanted


def value(now: Mapping, start: Mapping, p: str, measure: str) -> float:
    """p's value on a measure from the measures now and at the start (missing: 0)."""
    term = base_measure(measure)
    here = now.get(p, {}).get(term, 0.0)
    return here - start.get(p, {}).get(term, 0.0) if is_gain(measure) else here


def rivals(world_order: tuple[str, ...], kinds: Mapping[str, str], p: str, obj: Objective) -> tuple[str, ...]:
    """The powers an objective of p compares it with, p included, in seat order."""
    group = obj.among or tuple(q for q in world_order if kinds[q] == kinds[p])
    return tuple(q for q in world_order if q in group or q == p)


def compared(world_order: tuple[str, ...], kinds: Mapping[str, str], p: str, obj: Objective) -> tuple[str, ...]:
    """The powers whose measure an objective of p reads: its rivals for a rank (`rivals`), p alone for a threshold."""
    return rivals(world_order, kinds, p, obj) if obj.kind == RANK else (p,)


def rank_pay(values: Mapping[str, float], p: str, points: tuple[float, ...]) -> float:
    """p's share of the rank points: the mean of the places it holds with those tied with it."""
    mine = round(values[p], 6)
    above = sum(1 for v in values.values() if round(v, 6) > mine)
    tied = sum(1 for v in values.values() if round(v, 6) == mine)
    places = [points[k] if k < len(points) else 0.0 for k in range(above, above + tied)]
    return sum(places) / len(places)


def threshold_pay(x: float, at: tuple[float, ...], points: tuple[float, ...]) -> float:
    """The points of every step reached."""
    return sum(pt for step, pt in zip(at, points) if x >= step - 1e-9)


def lead_bonus(obj: Objective, ahead: float) -> float:
    """What a rank objective pays its first place beyond its points for a lead of `ahead`: the whole
    `bonus` from a lead of `clear`, in proportion below it, nothing when not ahead."""
    if obj.kind != RANK or obj.bonus <= 0 or obj.clear <= 0 or ahead <= 0:
        return 0.0
    return obj.bonus * min(1.0, ahead / obj.clear)


def best_pay(obj: Objective) -> float:
    """The most an objective can pay in one round (first place with a clear lead, or every step)."""
    return max(obj.points, default=0.0) + obj.bonus if obj.kind == RANK else sum(obj.points)


def pay(obj: Objective, p: str, now: Mapping, start: Mapping, order: tuple[str, ...],
        kinds: Mapping[str, str]) -> float:
    """What one objective of p pays in a round, before the round's weight."""
    if obj.kind == RANK:
        values = {q: value(now, start, q, obj.measure) for q in rivals(order, kinds, p, obj)}
        return rank_pay(values, p, obj.points) + lead_bonus(obj, round(margin_in(values, p), 6))
    return threshold_pay(value(now, start, p, obj.measure), obj.at, obj.points)


def margin_in(values: Mapping[str, float], p: str) -> float:
    """p's measure minus the best rival's (0 when it has no rival)."""
    return values[p] - max((v for q, v in values.items() if q != p), default=values[p])


def round_points(objectives: Mapping[str, tuple[Objective, ...]], now: Mapping, start: Mapping,
                 order: tuple[str, ...], kinds: Mapping[str, str], weight: float = 1.0) -> dict[str, float]:
    """Every power's points for one scoring round, from the measures then and at the start."""
    return {p: round(weight * sum(pay(o, p, now, start, order, kinds) for o in objectives.get(p, ())), 4)
            for p in order}


def kinds_of(world: World) -> dict[str, str]:
    """Each power's kind (great or c5)."""
    return {p: world.powers[p].kind for p in world.order}


def objectives_of(world: World) -> dict[str, tuple[Objective, ...]]:
    """Every power's objectives."""
    return {p: world.powers[p].objectives for p in world.order}


def rounds(world: World) -> tuple[int, ...]:
    """The years of the game's scoring rounds: the scenario's within the game, and always its last year."""
    kept = tuple(y for y in world.rounds if y <= world.end_year)
    return kept if kept and kept[-1] == world.end_year else (*kept, world.end_year)


_TABLES: dict = {}  # (the scenario's rounds, their weights, the last year) -> `round_table` (a handful a process)


def round_table(world: World) -> tuple[tuple[int, float], ...]:
    """(year, weight) of every scoring round of the game, in order (`rounds`, `round_weight`), worked out once
    for each scenario's rounds, weights and last year."""
    key = (world.rounds, world.round_weights, world.end_year)
    table = _TABLES.get(key)
    if table is None:
        if len(_TABLES) > 256:  # a bound no real process reaches
            _TABLES.clear()
        table = _TABLES[key] = tuple((y, round_weight(world, y)) for y in rounds(world))
    return table


def round_weight(world: World, year: int) -> float:
    """The weight of the scoring round held at the end of `year` (1 for a year the scenario did not weigh)."""
    if year in world.rounds and len(world.round_weights) == len(world.rounds):
        return world.round_weights[world.rounds.index(year)]
    return 1.0


def score_round(world: World, now: Mapping | None = None) -> dict[str, float]:
    """The points each power earns in a scoring round held now (`now`: the measures, if already taken)."""
    return round_points(objectives_of(world), now if now is not None else measures(world), world.start_measures,
                        world.order, kinds_of(world), round_weight(world, world.year))


def is_round(world: World) -> bool:
    """Whether a scoring round is held at the end of this year."""
    return world.year in rounds(world)


def total(world: World, p: str) -> float:
    """p's cumulative points from the rounds scored so far."""
    return round(sum(r.get(p, 0.0) for r in world.scored), 4)


def totals(world: World) -> dict[str, float]:
    """Every power's cumulative points."""
    return {p: total(world, p) for p in world.order}


def next_round(world: World) -> int:
    """The year of the next scoring round not yet scored (0 when every round is done)."""
    left = rounds(world)[len(world.scored):]
    return left[0] if left else 0


@frozen
class Standing:
    """A power's place in the race: points so far, what the next round would pay it now, rank."""

    power: str
    points: float
    projected: float  # what the next round would pay if it were scored now
    place: int  # 1 = leading on points (equal points: in seat order during play, the winner first once over)
    next_year: int  # 0 when the game's rounds are all scored
    rounds_left: int
    lines: tuple[tuple[str, float], ...]  # (objective id, what it would pay now)
    shared: int = 0  # the place it shares with every power of equal points (the best of their places)
    tied: bool = False  # another power has the same points (every power before the first round)


def table_order(points: Mapping[str, float], order: tuple[str, ...]) -> list[str]:
    """The powers as a table of the race lists them: most points first, powers with equal points in seat order.

    Equal points share a place ("=k"), so their order says nothing about who is ahead: seat order keeps it the
    same from year to year. Who wins a tie is `ranking`'s business (rule 16): once the game is over, `listed`
    puts the winner first among its equals."""
    return sorted(order, key=lambda p: (-round(points[p], 4), order.index(p)))


def listed(world: World) -> list[str]:
    """The order a table of the race lists the powers in: `table_order` during play (equal points in seat order),
    and once a winner is decided (the game is over) `ranking`, so the winner of a tie stands first among the
    powers it shares its place with, as rule 16 chose it. A collapse names no winner: seat order stays."""
    if world.status == "over":
        return ranking(world)
    return table_order(totals(world), world.order)


_STANDINGS = Memo(4)  # World identity -> its standings: the screens ask on every repaint (top bar, summary, scores)


def standings(world: World) -> tuple[Standing, ...]:
    """Every power's standing in the order `listed` gives; a pure function for screens and logs (worked out once
    per World)."""
    return _STANDINGS.get(id(world), world, lambda: _standings(world))


def _standings(world: World) -> tuple[Standing, ...]:
    """`standings`, worked out (of the measures, only those the objectives read)."""
    now, order, kinds = measures(world, read_by_objectives(world)), world.order, kinds_of(world)
    year = next_round(world)
    weight = round_weight(world, year) if year else 0.0
    pts = totals(world)
    out = []
    for place, p in enumerate(listed(world), 1):
        lines = tuple((o.id, round(weight * pay(o, p, now, world.start_measures, order, kinds), 4))
                      for o in world.powers[p].objectives)
        level = [q for q in order if round(pts[q], 4) == round(pts[p], 4)]
        shared = 1 + sum(1 for q in order if round(pts[q], 4) > round(pts[p], 4))
        out.append(Standing(p, pts[p], round(sum(v for _, v in lines), 4), place, year,
                            len(rounds(world)) - len(world.scored), lines, shared, len(level) > 1))
    return tuple(out)


def lead(obj: Objective, p: str, now: Mapping, start: Mapping, order: tuple[str, ...],
         kinds: Mapping[str, str]) -> float:
    """How far p stands ahead in one objective: its measure minus the best rival's (rank) or minus the first step."""
    if obj.kind == RANK:
        return margin_in({q: value(now, start, q, obj.measure) for q in rivals(order, kinds, p, obj)}, p)
    return value(now, start, p, obj.measure) - (obj.at[0] if obj.at else 0.0)


def leads(objectives: Mapping[str, tuple[Objective, ...]], now: Mapping, start: Mapping, order: tuple[str, ...],
          kinds: Mapping[str, str]) -> dict[str, float]:
    """Every power's lead in its own objectives, averaged with each objective's best pay as the weight."""
    out = {}
    for p in order:
        objs = objectives.get(p, ())
        best = [best_pay(o) for o in objs]
        total = sum(best)
        ahead = sum(b * lead(o, p, now, start, order, kinds) for b, o in zip(best, objs))
        out[p] = round(ahead / total, 6) if total > 0 else 0.0
    return out


def ranked(points: Mapping[str, float], ahead: Mapping[str, float], order: tuple[str, ...]) -> list[str]:
    """The powers by points, most first; a tie goes to the one furthest ahead in its races, then the earlier seat."""
    return sorted(order, key=lambda p: (-round(points[p], 4), -ahead.get(p, 0.0), order.index(p)))


def first(points: Mapping[str, float], ahead: Mapping[str, float], order: tuple[str, ...]) -> str:
    """The power with the most points; a tie goes to the one furthest ahead in its races, then the earlier seat."""
    return ranked(points, ahead, order)[0]


def world_leads(world: World) -> dict[str, float]:
    """Every power's lead in its own objectives on the measures of the last round scored (now, before any)."""
    now = world.measured[-1] if world.measured else measures(world)
    return leads(objectives_of(world), now, world.start_measures, world.order, kinds_of(world))


def ranking(world: World) -> list[str]:
    """Every power in the order of the race: most points first, ties broken as `leader` breaks them."""
    return ranked(totals(world), world_leads(world), world.order)


def leader(world: World) -> str:
    """The power with the most points (ties: the furthest ahead in its own races, then the earlier seat)."""
    return ranking(world)[0]


def describe(obj: Objective) -> Msg:
    """An objective in a short line, as a message: its measure and what it pays ("Influence gained, by place:
    6/3/0"), shown in the reader's language."""
    term = Ref("term", base_measure(obj.measure))
    measure = msg("objective.gain", term=term) if is_gain(obj.measure) else term
    if obj.kind == RANK:
        points = joined(obj.points, "slash")
        if obj.bonus > 0 and obj.clear > 0:
            return msg("objective.rank_lead", measure=measure, points=points, bonus=obj.bonus, clear=obj.clear)
        return msg("objective.rank", measure=measure, points=points)
    if len(set(obj.points)) == 1:  # every step pays the same: said once ("2.5 a step at 0.015/0.03/0.045")
        return msg("objective.threshold_each", measure=measure, points=obj.points[0], steps=joined(obj.at, "slash"))
    steps = joined(tuple(msg("objective.step", points=p, at=a) for a, p in zip(obj.at, obj.points)), "steps")
    return msg("objective.threshold", measure=measure, steps=steps)


def deal(world: World, rng) -> World:
    """Each power keeps its standing objectives and `objectives.dealt` of the others, drawn by `rng` in seat
    order (0: all)."""
    from game.model.ops import with_power
    k = int(world.param("objectives.dealt"))
    for p in world.order:
        objs = world.powers[p].objectives
        drawn = [o for o in objs if not o.standing]
        if 0 < k < len(drawn):
            keep = {id(drawn[i]) for i in rng.sample(range(len(drawn)), k)}
            world = with_power(world, p, objectives=tuple(o for o in objs if o.standing or id(o) in keep))
    return world


def default_rounds(start: int, end: int, n: int = 3) -> tuple[int, ...]:
    """n scoring rounds spread over the years start..end, the last at the end."""
    length = end - start + 1
    years = sorted({start + -(-k * length // n) - 1 for k in range(1, n + 1)})
    return tuple(years)


def linear_places(top: float, n: int) -> tuple[float, ...]:
    """Rank points falling evenly from `top` for first place to 0 for the last of n."""
    return tuple(round(top * (n - 1 - k) / (n - 1), 2) for k in range(n)) if n > 1 else (top,)


def default_objectives(agenda_weights: Mapping[str, float], peers: int, scale: float) -> tuple[Objective, ...]:
    """Objectives read from an agenda when a scenario gives none: rank among the `peers` powers of
    its kind on each term's gain since the start, first place worth `scale x weight / total weight`."""
    total = sum(agenda_weights.values()) or 1.0
    return tuple(Objective(f"{t}{GAIN}", f"{t}{GAIN}", RANK, linear_places(scale * w / total, peers))
                 for t, w in agenda_weights.items() if w > 0)
