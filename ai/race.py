"""The race: what a World is worth to a seat in objective points still to be won.

The AI's yardstick since victory is decided by the public objectives (`game.rules.objectives`):
`value(world, me)` projects the points `me` will earn in the scoring rounds not yet held,
if every measure stayed where it is in `world`, as a share of all the points its
objectives can pay in the game (`SCALE` for all of them). Ranks and thresholds are
softened by the doubt that is left before each round, so that a small step towards a
place or a step still counts, more when the round is near:

- rank: `pay = points at place a`, linearly between places, where
  `a = sum over rivals q of P(q ahead)`, `P(q ahead) = logistic((m_q - m_me) / width)`,
  plus the lead bonus on a lead softened by the same width (`soft_bonus`);
- threshold: `pay = sum_k points[k] x logistic((m_me - at[k]) / width)`;
- `width = DOUBT x sqrt(1 + years until the round)`, and each round counts with its weight.

Lowering a rival's measure raises the seat's place as much as raising its own, and money
counts only through the measures an objective reads (no term rewards hoarding). Beside the race,
a seat keeps a smaller weight (`NATIONAL`) on the agenda terms no objective of its own reads:
what it was not dealt is still its national interest, worth less as the rounds run out.
"""
from __future__ import annotations

import math
from typing import Mapping

from game.model import Objective, World
from game.model.memo import Memo, on as memo_on
from game.rules import agenda
from game.rules import objectives as O

SCALE = 30.0  # points of the AI's value scale for all the objective points a seat can win in a game
NATIONAL = 0.25  # value-scale points per agenda point: the national interest beside the race
DOUBT = 0.02  # width of the doubt about a measure one year before a round (measures are 0..1)


def logistic(x: float) -> float:
    """1 / (1 + e^-x), safe for large |x|."""
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, x))))


def at_place(points: tuple[float, ...], a: float) -> float:
    """The points at a fractional place `a` (0 = first), linear between places, 0 past the last paid."""
    k = int(math.floor(a))
    lo = points[k] if k < len(points) else 0.0
    hi = points[k + 1] if k + 1 < len(points) else 0.0
    return lo + (hi - lo) * (a - k)


def soft_rank(values: Mapping[str, float], me: str, points: tuple[float, ...], width: float) -> float:
    """Expected rank points of `me` with doubt `width` on every measure."""
    a = sum(logistic((v - values[me]) / width) for q, v in values.items() if q != me)
    return at_place(points, a)


def soft_threshold(x: float, at: tuple[float, ...], points: tuple[float, ...], width: float) -> float:
    """Expected threshold points with doubt `width`."""
    return sum(pt * logistic((x - step) / width) for step, pt in zip(at, points))


def soft_bonus(obj: Objective, values: Mapping[str, float], me: str, width: float) -> float:
    """Expected lead bonus of `me` with doubt `width`: the rule's bonus on a lead softened over the doubt
    (a softplus), so that closing on the leader is already worth a little."""
    ahead = O.margin_in(values, me)
    return O.lead_bonus(obj, width * math.log1p(math.exp(max(-50.0, min(50.0, ahead / width)))))


def soft_pay(obj: Objective, values: Mapping[str, float], me: str, years: int) -> float:
    """What `obj` is expected to pay `me` in one round `years` from now on `values` (its rivals' measures and its
    own), with the doubt of that many years: `DOUBT x sqrt(1 + years)`."""
    width = DOUBT * math.sqrt(1 + max(0, years))
    if obj.kind == O.RANK:
        return soft_rank(values, me, obj.points, width) + soft_bonus(obj, values, me, width)
    return soft_threshold(values[me], obj.at, obj.points, width)


def measure(world: World, q: str, name: str) -> float:
    """q's value on an objective measure in `world` (a gain counts from the game's start)."""
    term = O.base_measure(name)
    here = agenda.TERMS[term](world, q)
    return here - world.start_measures.get(q, {}).get(term, 0.0) if name.endswith(O.GAIN) else here


def values_for(world: World, me: str, obj: Objective) -> dict[str, float]:
    """The measure of `obj` for `me` and every rival it is ranked among."""
    kinds = O.kinds_of(world)
    group = O.compared(world.order, kinds, me, obj)
    return {q: measure(world, q, obj.measure) for q in group}


def rounds_left(world: World) -> list[tuple[int, float]]:
    """(years until, weight) of every scoring round not yet held."""
    return [(y - world.year, weight) for y, weight in O.round_table(world)[len(world.scored):]]


def later(world: World) -> bool:
    """Whether a scoring round is left after this year's (a change that shows only a year later can still pay)."""
    return any(until > 0 for until, _ in rounds_left(world))


def left_share(world: World) -> float:
    """The share of the game's round weights still to be scored."""
    return sum(w for _, w in rounds_left(world)) / (sum(w for _, w in O.round_table(world)) or 1.0)


def on_time(world: World, years: int, race: float = 1.0) -> float:
    """The share of a move's projected change that the scoring rounds can still pay when it comes on stream
    `years` from now (a build, a deposit, a refinery): the weight of the rounds left in or after that year over
    the weight of all the rounds left (1 for a move that acts at once, or when no round is left). The projection
    counts a build as done at the year's end; a build due after the last round pays nothing in the race. The
    national-agenda part of the value (`1 - race`, the historical style) counts in full."""
    left = rounds_left(world)
    total = sum(w for _, w in left)
    if years <= 0 or total <= 0:
        return 1.0
    paid = sum(w for until, w in left if until >= years) / total
    return race * paid + (1.0 - race)


def game_points(world: World, me: str) -> float:
    """All the points `me`'s objectives can pay over the whole game (its best places in every round)."""
    best = sum(O.best_pay(o) for o in world.powers[me].objectives)
    return best * sum(w for _, w in O.round_table(world))


def expected(world: World, me: str) -> dict[str, float]:
    """Expected points of each of `me`'s objectives over the rounds left, if the measures stayed as now."""
    left = rounds_left(world)
    out = {}
    for obj in world.powers[me].objectives:
        vals = values_for(world, me, obj)
        pay = 0.0
        for years, weight in left:
            pay += weight * soft_pay(obj, vals, me, years)
        out[obj.id] = pay
    return out


_VALUES = Memo(64)  # (World identity, seat, race) -> value: a projection asks about one World several times
_PINNED: list = [None, {}]  # a World asked about all turn long (`pin`) and its values by (seat, race)


def pin(world: World) -> None:
    """Keep the race values of `world` beside it until another World is pinned: the settled World before a turn's
    offers is asked about for each offer (`projection.settled_alike`), far apart in the table above."""
    _PINNED[:] = [world, {}]


def value(world: World, me: str, race: float = 1.0) -> float:
    """What a World is worth to `me`: `race` x (its expected objective points still to be won, SCALE =
    the whole game's points, plus its national interest, `national`) + (1 - race) x its agenda score
    alone (0..100). `race` is the difficulty level's: 1 plays to win, 0 plays the national agenda as
    the historical style does. (A World is never changed, so its identity, kept alive, is a safe key.)"""
    if world is _PINNED[0] and memo_on():
        kept = _PINNED[1]
        if (me, race) not in kept:
            kept[(me, race)] = worth(world, me, race)
        return kept[(me, race)]
    return _VALUES.get((id(world), me, race), world, lambda: worth(world, me, race))


def worth(world: World, me: str, race: float) -> float:
    """`value` worked out afresh."""
    if race <= 0:
        return agenda.score(world, me)
    won = race_value(world, me) + national(world, me)
    return won if race >= 1 else race * won + (1.0 - race) * agenda.score(world, me)


def national(world: World, me: str) -> float:
    """The national interest beside the race: NATIONAL x the agenda score of the terms no objective of
    `me` reads, leaving out the treasury (money is worth what it buys), scaled by the share of the
    game's rounds still to be scored (nothing once the last round is scored)."""
    total, unread = national_terms(world, me)
    if total <= 0:
        return 0.0
    kept = sum(wt * agenda.TERMS[t](world, me) for t, wt in unread)
    return NATIONAL * 100.0 * kept / total * left_share(world)


_NATIONAL = Memo(64)  # (agenda, objectives) of a power -> `national_terms` (a power's agenda and objectives stay all game)


def national_terms(world: World, me: str) -> tuple[float, tuple[tuple[str, float], ...]]:
    """The sum of `me`'s agenda weights, and its agenda terms no objective of its own reads (nor the treasury) with
    their weights, in name order: worked out once per agenda and objectives."""
    power = world.powers[me]

    def work_out():
        read = set(weights(world, me)) | {"treasury"}
        return sum(power.agenda.values()), tuple((t, wt) for t, wt in sorted(power.agenda.items()) if t not in read)
    return _NATIONAL.get((id(power.agenda), id(power.objectives)), (power.agenda, power.objectives), work_out)


def race_value(world: World, me: str) -> float:
    """`me`'s expected objective points still to be won, on the AI's value scale."""
    most = game_points(world, me)
    return SCALE * sum(expected(world, me).values()) / most if most > 0 else 0.0


def parts(world: World, me: str) -> dict[str, float]:
    """`me`'s own level on each agenda term its objectives read (for reasons; a gain moves as its level does)."""
    return {t: agenda.TERMS[t](world, me) for t in weights(world, me)}


def weights(world: World, me: str) -> dict[str, float]:
    """How much each measure's objectives can pay `me` in a round (for ordering reasons)."""
    out: dict[str, float] = {}
    for o in world.powers[me].objectives:
        t = O.base_measure(o.measure)
        out[t] = out.get(t, 0.0) + O.best_pay(o)
    return out


def margin(world: World, me: str) -> float:
    """How far `me` stands ahead in its own objectives now (the rule's tie-break, `objectives.leads`; a
    continuous measure of play that whole-place points follow in steps)."""
    return O.leads(O.objectives_of(world), O.measures(world), world.start_measures, world.order, O.kinds_of(world))[me]
