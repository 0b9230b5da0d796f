"""The turn flow and the seats' desk without a screen: a short game driven through game.ui.flow and game.ui.desk
headlessly, what is due between turns, and that neither module needs pygame."""
import subprocess
import sys
from pathlib import Path

from attrs import evolve

from game.model import Item
from game.rules import actions as A
from game.rules import phases
from game.scenario.loader import load
from game.session import Seat, Session
from game.ui.desk import Desk
from game.ui.flow import TurnFlow

ROOT = Path(__file__).resolve().parents[1]


def start(humans, end_year=2016, seed=5):
    w = evolve(load("2015").world, end_year=end_year)
    s = Session.start(w, {p: Seat(p, p in humans) for p in w.order}, seed)
    flow = TurnFlow(s)
    return s, flow, Desk(s, flow.me)


def play_out(s, flow, desk, on_turn=None, limit=5000):
    """Play to the end: humans end their turns (after `on_turn`), the AI thinks; every step the flow asked for."""
    shown = []
    for _ in range(limit):
        steps = flow.due()
        shown += [(st.kind, st.power, st.year) for st in steps]
        if steps and steps[-1].kind == "debrief":
            return shown
        if s.human_to_move():
            if on_turn:
                on_turn(s.current())
            assert desk.do(A.EndTurn(s.current())), desk.message
        else:
            flow.think(budget_s=10.0)
    raise AssertionError("the game did not end")


def test_a_short_hot_seat_game_runs_through_the_flow_headlessly():
    """Two human seats, two years: the hand-over comes only between the humans, every year's cards once, each
    human's summary of 2015 once, and the debrief last."""
    s, flow, desk = start(("japan", "kazakhstan"))
    shown = play_out(s, flow, desk)
    assert shown[-1][0] == "debrief" and s.world.status != "playing"
    handovers = [p for k, p, _ in shown if k == "handover"]
    assert set(handovers) == {"japan", "kazakhstan"}
    assert all(a != b for a, b in zip(handovers, handovers[1:]))  # never a hand-over to the seat just shown
    cards = [y for k, _, y in shown if k == "cards"]
    assert len(cards) == len(set(cards)) and 2015 in cards
    assert sorted(p for k, p, y in shown if k == "summary" and y == 2015) == ["japan", "kazakhstan"]
    assert any(a.startswith("end japan") for a in s.actions) and any(a.startswith("end kazakhstan") for a in s.actions)


def test_one_human_never_gets_a_hand_over_and_the_ai_moves_within_its_budget():
    """A single human: no hand-over screen; `think` with no time to spare lets one AI seat move and returns."""
    s, flow, desk = start(("china",), end_year=2015)
    clock = iter(range(10**6))
    while not s.human_to_move() and s.world.status == "playing":
        before = len(s.actions)
        assert flow.think(budget_s=0.5, clock=lambda: next(clock))
        assert len(s.actions) - before <= 2
    shown = play_out(s, flow, desk)
    assert "handover" not in {k for k, _, _ in shown} and shown[-1][0] == "debrief"


def test_the_desk_acts_refuses_in_sentences_and_previews_on_the_seats_view():
    """An offer goes through the desk; a refused action leaves a sentence as the message; the preview of an
    action and the counterparts come from the rules."""
    s, flow, desk = start(("japan", "china"))
    flow.due()
    assert desk.seat() == "japan" and desk.shown() == "japan"
    assert set(desk.counterparts()) == set(s.world.c5())
    offer = A.Propose("japan", "kazakhstan", (Item("aid", aid_kind="grant", amount=0.4),), ())
    assert desk.preview_lines(offer) and all(isinstance(line, str) for _, line in desk.preview_lines(offer))
    assert desk.do(offer) and any(o.sender == "japan" for o in s.world.offers.values())
    assert not desk.do(A.Accept("japan", "no-such-offer")) and " " in desk.message
    verbs = tuple(phases.verbs(s.world.phase))
    rows = desk.candidates(verbs)
    assert rows and all(a.verb in verbs for a, _ in rows)
    assert [bool(r) for _, r in rows] == sorted(bool(r) for _, r in rows)  # open ones first
    assert desk.view() is desk.view()  # worked out once per World and seat


def test_flow_and_desk_import_without_pygame():
    """The turn flow and the desk are testable without a screen library."""
    code = ("import sys; import game.ui.flow, game.ui.desk; "
            "sys.exit(1 if any(m == 'pygame' or m.startswith('pygame.') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
