"""The after-action report of a game for one power, as data: its own decisions and what each did, the
turning points of the race, and its game beside history for every reference series.

A decision's effect is measured by the rules themselves while the action log is re-run from the
opening World (the replay of `game.replay`): the figures the action moved when taken
(`game.rules.preview.diff` around `play.apply`), then, for an offer, what its acceptance moved,
and for aid, what its pledge's delivery or slip moved when it fell due (the rules'
`economy.give_aid` / `credibility.delivered` / `credibility.slip` on the World of that moment).
Turning points come from the year-by-year record (`game.history`); the comparison with history
from the scenario's reference series (`game.reference`). The screen renders it in words.
"""
from __future__ import annotations

from attrs import evolve, field, frozen

from game import engine
from game.model import World
from game.reference import RefSeries, Reference, game_value
from game.rules import credibility, economy
from game.rules.actions import parse
from game.rules.play import apply
from game.rules.preview import Change, diff

PASSIVE = ("end", "reject", "attend")  # verbs that are not decisions worth a line
REPORTED = ("money", "share", "trust", "tension", "stability")  # the figures a decision line sums


@frozen
class Decision:
    """One of the power's decisions: the year, the action (text form), its counterpart, what became of it
    (taken, accepted, rejected, countered, failed, pending, delivered, slipped) and the figures it moved."""

    year: int
    action: str
    counterpart: str
    outcome: str
    changes: tuple[Change, ...]
    before: World | None = field(default=None, eq=False, repr=False)  # the World it was taken in (to name it)

    @property
    def weight(self) -> float:
        """How much it moved the power's own standing figures (for picking the biggest)."""
        scale = {"money": 0.1, "share": 10.0, "trust": 1.0, "tension": 1.0, "stability": 0.01}
        return sum(abs(c.delta) * scale.get(c.measure, 1.0) for c in self.changes)


@frozen
class TurningPoint:
    """A year the race turned: `kind` is lead (a new leader), place (the power's place changed), round
    (a scoring round: the power's points and the best), swing (its largest influence move)."""

    year: int
    kind: str
    power: str = ""
    value: float = 0.0
    other: float = 0.0
    place: str = ""


@frozen
class Versus:
    """One reference series: the game's value and history's in the last year both have."""

    series: RefSeries
    year: int
    game: float
    real: float


@frozen
class Report:
    """The after-action report of `power`."""

    power: str
    decisions: tuple[Decision, ...]
    turning_points: tuple[TurningPoint, ...]
    versus: tuple[Versus, ...]


@frozen
class _Track:
    """A decision being followed through the replay: where it is in the list and the offers and pledges it made."""

    index: int
    offers: tuple[str, ...] = ()
    pledges: tuple[str, ...] = ()


def counterpart_of(action) -> str:
    """The other power an action names (its receiver, target or sender), or ""."""
    for name in ("receiver", "target", "to"):
        value = getattr(action, name, "")
        if isinstance(value, str) and value:
            return value
    return ""


def mine(changes, power: str, other: str) -> tuple[Change, ...]:
    """The changes that concern `power` or its counterpart, among the reported figures."""
    return tuple(c for c in changes if c.measure in REPORTED and (c.power == power or (c.place == power and c.measure
                                                                                       != "share") or c.power == other))


def summed(a: tuple[Change, ...], b: tuple[Change, ...]) -> tuple[Change, ...]:
    """Two lists of changes as one: a figure in both moves from the first's before to the sum of both moves."""
    out = {(c.measure, c.power, c.place): c for c in a}
    for c in b:
        key = (c.measure, c.power, c.place)
        old = out.get(key)
        out[key] = c if old is None else Change(c.measure, c.power, c.place, old.before, old.before + old.delta + c.delta)
    return tuple(out.values())


def replay_worlds(opening: World, actions: list[str]):
    """Each step of the game re-run from its opening World: (World before, action, World after, its log)."""
    world, _ = engine.start(opening)
    for text in actions:
        action = parse(text)
        after, log = engine.step(world, action)
        yield world, action, after, log
        world = after


def decisions(opening: World, actions: list[str], power: str) -> tuple[Decision, ...]:
    """The power's decisions and what each did, followed through the re-run log."""
    found: list[Decision] = []
    tracks: list[_Track] = []
    for before, action, after, log in replay_worlds(opening, actions):
        if action.actor == power and action.verb not in PASSIVE:
            other = counterpart_of(action) or _sender(before, action)
            applied, _ = apply(before, action)
            offers = tuple(o for o in applied.offers if o not in before.offers)
            pledges = tuple(p for p in applied.pledges if p not in before.pledges)
            found.append(Decision(before.year, str(action), other, "pending" if offers else "taken",
                                  mine(diff(before, applied), power, other), before))
            tracks.append(_Track(len(found) - 1, offers, pledges))
        for i, t in enumerate(tracks):
            tracks[i] = _follow(found, t, (before, action, after, log), power)
    return tuple(found)


def _sender(world: World, action) -> str:
    """The sender of the offer an answer names, or ""."""
    oid = getattr(action, "offer", "")
    return world.offers[oid].sender if oid in world.offers else ""


def _follow(found: list[Decision], t: _Track, step, power: str) -> _Track:
    """Update one followed decision with what this step (World before, action, World after, log) did to its
    offers and pledges."""
    before, action, after, log = step
    d = found[t.index]
    if getattr(action, "offer", "") in t.offers and action.actor != power:
        applied, _ = apply(before, action)
        new_pledges = tuple(p for p in applied.pledges if p not in before.pledges)
        found[t.index] = evolve(d, outcome=applied.offers[action.offer].status,
                                changes=summed(d.changes, mine(diff(before, applied), power, d.counterpart)))
        return evolve(t, pledges=t.pledges + new_pledges)
    for pid in t.pledges:
        pl = before.pledges.get(pid)
        news = _pledge_news(log, pl) if pl is not None else ""
        if not news:
            continue
        slipped = news == "log.pledge_slips"
        moved = credibility.slip(before, pl)[0] if slipped else credibility.delivered(economy.give_aid(before, pl), pl)
        d = found[t.index]
        found[t.index] = evolve(d, outcome="slipped" if slipped else "delivered",
                                changes=summed(d.changes, mine(diff(before, moved), power, d.counterpart)))
    return t


def _pledge_news(log, pledge) -> str:
    """The key of the step's log line that delivered or slipped this pledge (its donor, recipient and amount
    match), or ""."""
    for e in log:
        if e.key in ("log.pledge_slips", "log.pledge_delivered"):
            a = e.msg.args
            if (getattr(a.get("donor"), "id", "") == pledge.donor and getattr(a.get("recipient"), "id", "")
                    == pledge.recipient and a.get("amount") == pledge.amount):
                return e.key
    return ""


def ranks(points: dict[str, float], order) -> dict[str, int]:
    """Each power's place by points (ties: seat order)."""
    ranked = sorted(order, key=lambda p: (-points.get(p, 0.0), list(order).index(p)))
    return {p: i + 1 for i, p in enumerate(ranked)}


def turning_points(history: list[dict], world: World, power: str) -> tuple[TurningPoint, ...]:
    """The years the race turned, in order: new leaders, the power's place changing, each scoring round, and
    the year its influence swung most."""
    out: list[TurningPoint] = []
    order = world.order
    last_leader, last_place, last_points = "", 0, {p: 0.0 for p in order}
    for row in history:
        pts = row.get("points", {})
        place = ranks(pts, order)
        leader = next(p for p, r in place.items() if r == 1)
        if any(pts.get(p, 0.0) > last_points.get(p, 0.0) for p in order):
            gained = {p: round(pts.get(p, 0.0) - last_points.get(p, 0.0), 4) for p in order}
            best = max(order, key=lambda p: (gained[p], -order.index(p)))
            out.append(TurningPoint(row["year"], "round", best, gained[power], gained[best]))
        if leader != last_leader and any(pts.values()):
            out.append(TurningPoint(row["year"], "lead", leader, pts.get(leader, 0.0)))
        if last_place and place[power] != last_place:
            out.append(TurningPoint(row["year"], "place", power, place[power], last_place))
        if any(pts.values()):  # before the first points every place is a tie, not a standing
            last_leader, last_place = leader, place[power]
        last_points = pts
    swing = _biggest_swing(history, world, power)
    if swing:
        out.append(swing)
    return tuple(sorted(out, key=lambda t: (t.year, ("round", "lead", "place", "swing").index(t.kind))))


def _biggest_swing(history: list[dict], world: World, power: str) -> TurningPoint | None:
    """The year and state where the power's influence share moved most (None with under two years)."""
    best = None
    for prev, row in zip(history, history[1:]):
        for c, shares in row.get("influence", {}).items():
            move = shares.get(power, 0.0) - prev.get("influence", {}).get(c, {}).get(power, 0.0)
            if best is None or abs(move) > abs(best.value) + 1e-9:
                best = TurningPoint(row["year"], "swing", power, round(move, 4), 0.0, c)
    return best if best is not None and abs(best.value) >= 0.005 else None


def versus(history: list[dict], reference: Reference | None) -> tuple[Versus, ...]:
    """Every reference series beside the game's value, in the last finished year history also has."""
    if reference is None or not history:
        return ()
    out = []
    for ref in reference.series:
        years = [y for y, _ in ref.values]
        rows = [r for r in history if r["year"] in years] or ([history[-1]] if years else [])
        if not rows:
            continue
        row = rows[-1]
        real = dict(ref.values).get(row["year"])
        if real is None:
            real = min(ref.values, key=lambda yv: (abs(yv[0] - row["year"]), yv[0]))[1]
        out.append(Versus(ref, row["year"], round(game_value(row, ref), 4), real))
    return tuple(out)


def report(opening: World, actions: list[str], history: list[dict], world: World, power: str,
           reference: Reference | None = None) -> Report:
    """The after-action report of `power` for a game: its opening World, action log, yearly record and last World."""
    return Report(power, decisions(opening, actions, power), turning_points(history, world, power),
                  versus(history, reference))


def of_session(session, power: str, reference: Reference | None = None) -> Report:
    """The report of a session's game for `power`."""
    from game.save import start_world
    return report(start_world(session), list(session.actions), list(session.history), session.world, power, reference)
