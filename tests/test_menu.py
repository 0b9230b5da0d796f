"""The session's legal menu (`legal.Menu`): checked only when read, and then the very list `legal_actions` gives."""
import random

import pytest

from ai.baseline import RandomAgent
from game.model import memo
from game.rules import legal
from game.rules import actions as A
from game.scenario.loader import load
from game.session import Seat, Session


@pytest.fixture(scope="module")
def world2015():
    return load("2015").world


def session(world, seed: int = 3) -> Session:
    return Session.start(world, {p: Seat(p, human=False) for p in world.order}, seed,
                         make_agent=lambda *_: RandomAgent())


def test_menu_is_legal_actions_after_every_decision(world2015):
    """Through the first year of a random game the menu reads as the fresh legal actions, in the same order."""
    s = session(world2015)
    year = s.world.year
    while s.world.year == year:
        menu = s.menu()
        with memo.off():
            fresh = legal.legal_actions(s.world, s.current())
        assert list(menu) == fresh and len(menu) == len(fresh) and menu[-1] == fresh[-1] == A.EndTurn(s.current())
        assert all(a in menu for a in fresh)
        s.ai_step()


def test_the_end_of_the_turn_is_read_without_checking_the_menu(world2015, monkeypatch):
    """`menu[-1]` checks nothing; a later full read ends in that very object, which the session then does not
    validate again."""
    s = session(world2015)
    checked = []
    real = legal._checked
    monkeypatch.setattr(legal, "_checked", lambda w, p: checked.append(p) or real(w, p))
    menu = s.menu()
    end = menu[-1]
    assert isinstance(end, A.EndTurn) and end.actor == s.current() and checked == []
    assert menu.handed_out(end) and s._from_menu(end)
    assert list(menu)[-1] is end and checked == [s.current()]
    list(menu)
    assert checked == [s.current()]  # checked once per World
    assert not s._from_menu(A.EndTurn(s.current()))  # an equal action made elsewhere is validated as before


def test_no_menu_for_a_seat_not_to_move(world2015):
    s = session(world2015)
    other = next(p for p in s.world.order if p != s.current())
    assert list(legal.Menu(s.world, other)) == [] == legal.legal_actions(s.world, other)
    with pytest.raises(IndexError):
        legal.Menu(s.world, other)[-1]


def test_random_agent_ends_its_turn_by_chance_without_the_menu(world2015, monkeypatch):
    """A random seat that draws the end of its turn reads only the menu's last action; one that draws on chooses
    among the checked actions."""
    s = session(world2015)
    monkeypatch.setattr(legal, "_checked", lambda w, p: pytest.fail("menu checked"))
    agent = RandomAgent(patience=1.0)
    assert agent.choose(s.view(s.current()), s.menu(), random.Random(1)).action is s.menu()[-1]
    monkeypatch.undo()
    chosen = RandomAgent(patience=0.0).choose(s.view(s.current()), s.menu(), random.Random(1)).action
    assert chosen in legal.legal_actions(s.world, s.current()) and not isinstance(chosen, A.EndTurn)
