"""Undo: a human seat takes back its own actions until it ends its turn, never past anyone else's."""
from __future__ import annotations

import pytest

from ai.baseline import GreedyAgent
from game import engine, save
from game.errors import IllegalAction
from game.rules.actions import EndTurn, Propose
from game.scenario.loader import load as load_scenario
from game.session import Seat, Session


def session(humans: tuple[str, ...], seed: int = 5) -> Session:
    sc = load_scenario("2015")
    seats = {p: Seat(p, p in humans) for p in sc.world.order}
    s = Session.start(sc.world, seats, seed, make_agent=lambda w, seat: GreedyAgent(), scenario_raw=sc.raw)
    s.run_ai()
    return s


def own_moves(s: Session, n: int) -> list:
    """Take up to n actions that are not `end` for the human to move."""
    done = []
    for _ in range(n):
        options = [a for a in s.legal() if not isinstance(a, EndTurn)]
        if not options:
            break
        s.act(options[len(done) % len(options)])
        done.append(s.actions[-1])
    return done


def test_undo_takes_back_own_actions_one_by_one():
    s = session(("japan",))
    assert s.current() == "japan" and not s.can_undo()
    marks = [(engine.world_hash(s.world), len(s.actions), len(s.log))]
    for _ in range(2):
        own_moves(s, 1)
        marks.append((engine.world_hash(s.world), len(s.actions), len(s.log)))
    assert len(s.actions) == marks[0][1] + 2
    for expected in reversed(marks[:-1]):
        assert s.can_undo()
        s.undo()
        assert (engine.world_hash(s.world), len(s.actions), len(s.log)) == expected
    assert not s.can_undo()
    with pytest.raises(IllegalAction):
        s.undo()


def test_no_undo_after_ending_the_turn():
    s = session(("japan",))
    own_moves(s, 1)
    s.act(EndTurn("japan"))
    s.run_ai()
    assert s.current() == "japan"  # japan's next turn, after every other seat moved
    assert not s.can_undo()
    with pytest.raises(IllegalAction):
        s.undo()


def test_hot_seat_player_cannot_undo_another_players_moves():
    s = session(("japan", "china"))
    japan_moves = own_moves(s, 1)
    s.act(EndTurn("japan"))
    assert s.current() == "china" and not s.can_undo()
    before = list(s.actions)
    own_moves(s, 1)
    s.undo()
    assert s.actions == before and japan_moves[0] in s.actions
    assert not s.can_undo()


def test_no_undo_past_an_answer_from_another_seat():
    """Japan's offer is answered by an AI seat; Japan cannot take the offer back afterwards."""
    s = session(("japan",))
    offers = [a for a in s.legal() if isinstance(a, Propose)]
    assert offers
    s.act(offers[0])
    assert s.can_undo()
    s.act(EndTurn("japan"))
    s.run_ai()
    answered = [o for o in s.world.offers.values() if o.sender == "japan" and o.status != "pending"]
    assert answered and s.human_to_move()
    assert not s.can_undo()


def test_undo_window_does_not_survive_a_stale_stack():
    """Even if the stack were left over from an earlier turn, it is refused in a new turn."""
    s = session(("japan",))
    own_moves(s, 1)
    stale = list(s.undo_stack)
    s.act(EndTurn("japan"))
    s.run_ai()
    s.undo_stack[:] = stale
    assert not s.can_undo()


def test_loaded_game_has_no_undo_window(tmp_path):
    s = session(("japan",))
    own_moves(s, 1)
    save.save(s, tmp_path / "g.json")
    assert not save.load(tmp_path / "g.json").can_undo()
