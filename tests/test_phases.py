"""The phase table: consistent, complete, and the one place the engine, legality and saves read phases from."""
from __future__ import annotations

import attrs
import pytest

from game import engine
from game.model.ops import evolve
from game.rules import actions as A
from game.rules import invariants, phases
from game.rules.legal import legal_actions
from game.rules.play import AP_COST, CHECKS, validate
from game.scenario.loader import load

CALLS: list[int] = []


def tally(world):
    """A runner for an extra automatic phase: it notes the year it ran in."""
    CALLS.append(world.year)
    return world, []


def test_the_year_is_one_cycle_through_every_phase():
    """Following `next` from the first phase visits every phase once, in the table's order, and comes back."""
    seen, name = [], phases.FIRST
    for _ in phases.TABLE:
        seen.append(name)
        name = phases.get(name).next
    assert tuple(seen) == phases.NAMES and name == phases.FIRST


def test_each_record_is_complete_for_its_kind():
    """Automatic phases have a runner and no verbs; interactive ones a menu, verbs that can end a turn, and no runner."""
    for p in phases.TABLE:
        assert p.seats in phases.SEATS and p.ends
        if p.interactive:
            assert p.menu and not p.runner and "end" in p.verbs and callable(phases.function(p.menu))
        else:
            assert p.runner and not p.menu and not p.verbs and callable(phases.function(p.runner))
        if p.on_end_turn:
            assert p.interactive and callable(phases.function(p.on_end_turn))


def test_every_verb_has_a_phase_and_a_check():
    """Each action verb can be used in some phase, and every verb a phase allows is an action the rules check."""
    used = {v for p in phases.TABLE for v in p.verbs}
    assert used == set(A.KINDS) == set(CHECKS)
    assert all(phases.phases_with(v) for v in AP_COST)


def test_unknown_phase_is_named_with_the_phases_there_are():
    """A World in a phase the table lacks is refused with a sentence listing the table's phases."""
    w = evolve(load("2015").world, phase="lunch")
    assert phases.unknown("lunch") in invariants.problems(w)
    assert all(n in str(phases.unknown("lunch")) for n in phases.NAMES)
    with pytest.raises(KeyError, match="the phases are events"):
        phases.get("lunch")
    assert phases.verbs("lunch") == () and phases.later("lunch") == ()


def test_a_verb_outside_its_phase_is_refused(monkeypatch):
    """Legality reads the table: taking `aid` out of the actions phase makes aid illegal there."""
    w, _ = engine.start(evolve(load("2015").world, seed=1))
    while w.phase != "actions":
        w, _ = engine.step(w, A.EndTurn(w.current()))
    aid = next(a for a in legal_actions(w, w.current()) if a.verb == "aid")
    assert validate(w, aid) == []
    rec = phases.get("actions")
    monkeypatch.setitem(phases.PHASES, "actions", attrs.evolve(rec, verbs=tuple(v for v in rec.verbs if v != "aid")))
    assert validate(w, aid) and "aid" not in {a.verb for a in legal_actions(w, w.current())}


def _add(monkeypatch, record: phases.Phase, after: str) -> None:
    """Put `record` into the year after phase `after` (what adding a phase to the table does)."""
    before = phases.get(after)
    monkeypatch.setitem(phases.PHASES, record.name, attrs.evolve(record, next=before.next))
    monkeypatch.setitem(phases.PHASES, after, attrs.evolve(before, next=record.name))


def test_an_added_automatic_phase_runs_once_a_year(monkeypatch):
    """One record with a runner between resolution and the end of the year: the engine runs it every year."""
    _add(monkeypatch, phases.Phase("tally", "", runner="tests.test_phases:tally"), after="resolution")
    CALLS.clear()
    world = evolve(load("2015").world, seed=2, end_year=2016)
    w, _ = engine.start(world)
    while w.status == "playing":
        w, _ = engine.step(w, A.EndTurn(w.current()))
    assert CALLS == [2015, 2016] and w.status == "over"


def test_an_added_interactive_phase_gives_every_seat_a_turn(monkeypatch):
    """One record for a second round of actions: each seat acts again, from its menu, before the year resolves."""
    _add(monkeypatch, attrs.evolve(phases.get("actions"), name="more_actions"), after="actions")
    w, _ = engine.start(evolve(load("2015").world, seed=2))
    seen = []
    while w.year == 2015:
        if w.phase == "more_actions":
            seen.append(w.current())
            assert any(a.verb in ("join", "leave") for a in legal_actions(w, w.current()))
        w, _ = engine.step(w, A.EndTurn(w.current()))
    assert seen == list(w.order) and invariants.problems(w) == []


def test_the_documentation_lists_every_phase_with_its_next():
    """docs/phases.md has a row for each phase naming the phase that follows it."""
    from pathlib import Path
    doc = (Path(__file__).resolve().parents[1] / "docs" / "phases.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in doc.splitlines() if line.startswith("| `")}
    assert set(rows) == set(phases.NAMES)
    assert all(f"`{p.next}`" in rows[p.name].split("|")[5] for p in phases.TABLE)


def test_the_answering_seats_are_those_with_an_offer_or_invitation_waiting():
    """In the answers phase of a played year, `seat_from` gives the first seat from each start on that has a
    pending offer or an unanswered invitation, -1 when none has; in the diplomacy phase every seat from the start."""
    import random

    from ai.baseline import RandomAgent
    from game.rules.legal import view_for
    w, _ = engine.start(evolve(load("2015").world, seed=4))
    agent, seen, rng = RandomAgent(0.2), set(), random.Random(4)
    while w.year == w.start_year and w.status == "playing":
        if w.phase in ("diplomacy", "answers"):
            waiting = [p for p in w.order if any(o.receiver == p and o.status == "pending" for o in w.offers.values())
                       or any(p in s.invited and p not in s.answers for s in w.summits)]
            for start in range(len(w.order) + 1):
                if w.phase == "answers":
                    want = next((i for i in range(start, len(w.order)) if w.order[i] in waiting), -1)
                else:
                    want = start if start < len(w.order) else -1
                assert phases.seat_from(w, start) == want
                assert all(phases.must_answer(w, p) == (p in waiting) for p in w.order)
            seen.add((w.phase, bool(waiting)))
        p = w.current()
        w, _ = engine.step(w, agent.choose(view_for(w, p), legal_actions(w, p), rng).action)
    assert ("answers", True) in seen
