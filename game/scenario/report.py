"""The events report after a headless game: what each event changed, and whether it mattered.

Each fired event is listed with its year and each effect's value before and after; when the
scenario extends a base, the events its own file writes are marked as such. The
scenario's own events (those its file writes) are then checked against a control game: the
same scenario, seed and agents without them. When an effect left the world as it already
was, or the control game reached the same state by the end of that year without the event
(the computer players did it anyway), the report warns that the event did nothing; when the
control game got there only later, it notes that the event brought it forward.
"""
from __future__ import annotations

from attrs import evolve, frozen

from game.model import World
from game.rules.events import touched
from game.scenario.explain import effect_text, measure
from game.text import Ref, content, msg, plain, power


@frozen
class Fired:
    """One effect of one event as it happened in a game."""

    year: int
    event: str
    effect: tuple[str, ...]
    before: str
    after: str


def fired(world: World) -> list[Fired]:
    """The effects applied in a finished game, in order ("" effect: a card with no effect)."""
    return [Fired(y, eid, tuple(eff.split()), before, after) for y, eid, eff, before, after in world.happened]


def state(world: World, eff: tuple) -> str:
    """The state an effect leaves, read from `world` (a policy: whether that very card is in force)."""
    if eff and eff[0] == "policy":
        card, actor, target, res = eff[1:]
        return "in force" if any(p.card == card and p.actor == actor and (target == "-" or p.target == target)
                                 and (res == "-" or p.resource == res) for p in world.policies.values()) else "not in force"
    return touched(world, eff)


def own_event_ids(sc) -> set[str]:
    """The events a scenario's own file writes (every event when it extends nothing)."""
    from pathlib import Path
    from game.scenario.source import read
    if len(sc.files) <= 1:
        return {ev.id for ev in sc.world.events}
    table = read(Path(sc.path)).raw.get("events")
    return set(table) & {ev.id for ev in sc.world.events} if isinstance(table, dict) else set()


def without(world: World, ids: set[str]) -> World:
    """The starting world with the events `ids` taken out (the control game's start)."""
    return evolve(world, events=tuple(ev for ev in world.events if ev.id not in ids))


def states_by_year(years: list[tuple[int, World]], eff: tuple) -> dict[int, str]:
    """The state an effect concerns at the end of each finished year of a game."""
    return {y: state(w, eff) for y, w in years}


def finished_years(session) -> list[tuple[int, World]]:
    """(year, World at its end) for each finished year of a played session."""
    return [(m.year, w) for m, w in zip(session.year_marks, session.year_worlds)]


def report(world: World, game: list[tuple[int, World]], control: list[tuple[int, World]] | None, own: set[str]) -> list:
    """The report's messages: each event fired in a game (its finished years `game`, from the start `world`)
    with its effects, and the warnings; `control`: the years of the same game played without the events `own`."""
    titles = {ev.id: ev.title for ev in world.events}
    mark = own if own != {ev.id for ev in world.events} else set()  # a file extending a base: its own events stand out
    end = game[-1][1] if game else world
    lines, seen = [], set()
    for f in fired(end):
        if (f.year, f.event) not in seen:
            seen.add((f.year, f.event))
            lines.append(msg("report.event_own" if f.event in mark else "report.event", year=f.year,
                             title=content(f"event.{f.event}.title", titles.get(f.event, f.event)), id=f.event))
        if not f.effect:
            lines.append(msg("report.card_only"))
            continue
        lines.append(msg("report.effect", effect=effect_text(world, f.effect), before=recorded(world, f.effect, f.before),
                         after=recorded(world, f.effect, f.after)))
        if f.before == f.after:
            lines.append(msg("report.no_change"))
        elif control is not None and f.event in own:
            lines += anyway(f, game, control)
    happened = {f.event for f in fired(end)}
    never = [ev for ev in world.events if ev.id in own and ev.id not in happened and ev.weight <= 0]
    lines += [msg("report.never", title=content(f"event.{ev.id}.title", ev.title), id=ev.id) for ev in never]
    if not seen:
        lines.append(msg("report.none"))
    return lines


def anyway(f: Fired, game: list[tuple[int, World]], control: list[tuple[int, World]]) -> list:
    """A warning when the control game reached the state the event left by the end of the event's year (the
    event did nothing); a note when it did later (the event only brought it forward)."""
    reached = states_by_year(game, f.effect).get(f.year)
    if reached is None:
        return []
    same = [y for y, s in sorted(states_by_year(control, f.effect).items()) if y >= f.year and s == reached]
    if not same:
        return []
    return [msg("report.anyway" if same[0] == f.year else "report.later", year=same[0],
                value=recorded(game[0][1], f.effect, reached))]


def recorded(world: World, eff: tuple, said: str):
    """A value an effect's record holds (`rules.events.touched`'s text) for the reader: names instead of ids, each
    number with its measure's precision ("Kazakhstan 0.65" for trust, 61 for stability), as written otherwise."""
    verb, *args = eff
    try:
        if verb in ("set", "add", "scale") and said:
            return measure(args[0], float(said))
        if verb == "damage":
            return measure(f"corridors.{args[0]}.capacity", float(said))
        if verb in ("open", "close"):
            return Ref("status", said)
        if verb == "found":
            return msg("value.forum_level", n=int(said.split()[-1]))
        if verb in ("join", "leave"):
            return tuple(power(world, p) for p in said.split()) or msg("word.none")
        if verb in ("influence", "trust"):
            pairs = [part.rpartition(":") for part in said.split()]
            return tuple(msg("value.in_state", state=power(world, c), value=measure(f"{verb}.{c}.{args[1]}", float(v)))
                         for c, _, v in pairs)
    except (ValueError, IndexError):  # a record written some other way (an edited save): as it is
        pass
    return plain(said)


def events_report(sc, seed: int, agents_for, game=None) -> list:
    """Play (or take, `game`: a finished session) one game of `sc` and a control game without its own
    events, same seed; the report's messages. `agents_for(world)` gives fresh agents for a world."""
    from game.sim import play_session
    if game is None:
        game = play_session(sc.world, agents_for(sc.world), seed)
    own = own_event_ids(sc)
    control = None
    if own:
        start = without(sc.world, own)
        control = finished_years(play_session(start, agents_for(start), seed))
    return [msg("report.head", id=sc.id, seed=seed)] + report(sc.world, finished_years(game), control, own)
