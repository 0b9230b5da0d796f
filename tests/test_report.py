"""The debrief's after-action report (game/report.py): the player's own decisions with what each did as the
rules measured it, the turning points of the race, and the game beside every reference series."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import random

import pygame
import pytest

from ai.baseline import GreedyAgent
from game.model import Item
from game.reference import game_value, load_reference
from game.report import of_session, turning_points
from game.rules import actions as A
from game.scenario.loader import load
from game.session import Seat, Session
from game.ui import theme


def finish(s: Session, humans=()) -> None:
    """Play to the end: the AIs as themselves, the human seats by a greedy agent of their own."""
    agent = GreedyAgent()
    while s.world.status == "playing":
        if s.human_to_move():
            me = s.current()
            s.act(agent.choose(s.view(me), s.legal(), random.Random(len(s.actions))).action)
        else:
            s.ai_step()


def to_turn(s: Session, me: str, phases) -> None:
    """Let the AIs play and end the humans' turns until `me` moves in one of `phases`."""
    while not (s.world.phase in phases and s.current() == me):
        s.act(A.EndTurn(s.current())) if s.human_to_move() else s.ai_step()


@pytest.fixture(scope="module")
def loan_game():
    """A short 2015 game: Japan (human) offers Kyrgyzstan (human) a $1bn loan in 2015, Kyrgyzstan accepts; the
    rest is played by greedy agents."""
    w = load("2015", short=True).world
    s = Session.start(w, {p: Seat(p, p in ("japan", "kyrgyzstan")) for p in w.order}, 5,
                      make_agent=lambda w, seat: GreedyAgent())
    to_turn(s, "japan", ("diplomacy",))
    s.act(A.Propose("japan", "kyrgyzstan", (Item("aid", aid_kind="loan", amount=1.0),), ()))
    oid = max(s.world.offers, key=lambda k: int(k.lstrip("o")))
    to_turn(s, "kyrgyzstan", ("diplomacy", "answers"))
    s.act(A.Accept("kyrgyzstan", oid))
    finish(s)
    return s


def test_the_loan_is_followed_from_offer_to_delivery_or_slip(loan_game):
    """Japan's loan: accepted, then delivered or slipped as the log says; its line carries what the rules moved
    then: Kyrgyzstan's trust in Japan rises on delivery and falls on a slip, and a delivered loan costs Japan $1bn."""
    s = loan_game
    rep = of_session(s, "japan")
    loan = next(d for d in rep.decisions if d.action.startswith("propose japan kyrgyzstan give aid/loan/1"))
    assert loan.year == 2015 and loan.counterpart == "kyrgyzstan"
    said = [e.key for e in s.log if e.key in ("log.pledge_delivered", "log.pledge_slips")
            and e.msg.args["donor"].id == "japan" and e.msg.args["recipient"].id == "kyrgyzstan"]
    assert said, "the pledge fell due within the game"
    assert loan.outcome == ("slipped" if said[0] == "log.pledge_slips" else "delivered")
    trust = next(c for c in loan.changes if c.measure == "trust" and c.power == "japan" and c.place == "kyrgyzstan")
    assert (trust.delta < 0) == (loan.outcome == "slipped")
    money = [c for c in loan.changes if c.measure == "money" and c.power == "japan"]
    if loan.outcome == "delivered":
        assert money and money[0].delta == pytest.approx(-1.0)
        assert any(c.measure == "share" and c.power == "japan" and c.place == "kyrgyzstan" and c.delta > 0
                   for c in loan.changes)
    else:
        assert not money


def test_only_the_players_own_decisions_are_listed(loan_game):
    """Every decision in Kyrgyzstan's report is an action Kyrgyzstan took, and each one it took (but ending its
    turn, refusing or answering a summit) is there, in order."""
    s = loan_game
    rep = of_session(s, "kyrgyzstan")
    taken = [a for a in s.actions if a.startswith(("propose kyrgyzstan", "accept kyrgyzstan", "counter kyrgyzstan",
                                                   "aid kyrgyzstan", "develop kyrgyzstan", "join kyrgyzstan",
                                                   "leave kyrgyzstan", "tariff kyrgyzstan", "water kyrgyzstan",
                                                   "refine kyrgyzstan", "tender kyrgyzstan", "build kyrgyzstan",
                                                   "upgrade kyrgyzstan", "pact kyrgyzstan", "summit kyrgyzstan",
                                                   "policy kyrgyzstan"))]
    assert [d.action for d in rep.decisions] == taken
    accept = next(d for d in rep.decisions if d.action.startswith("accept kyrgyzstan"))
    assert accept.counterpart == "japan"


def test_every_reference_series_is_compared_with_the_game_in_its_year(loan_game):
    """One row per reference series; the game's value is the history record's value that year."""
    s = loan_game
    ref = load_reference("2015")
    rep = of_session(s, "japan", ref)
    assert [v.series.id for v in rep.versus] == [r.id for r in ref.series]
    rows = {r["year"]: r for r in s.history}
    for v in rep.versus:
        assert v.game == pytest.approx(game_value(rows[v.year], v.series), abs=1e-4)


def test_turning_points_name_new_leaders_place_changes_and_each_round():
    """A hand-made record: round one A leads and B is second; round two B overtakes A; B's influence swings."""
    from tests.worlds import tiny
    w = tiny()
    order = w.order
    a, b = order[0], order[1]
    zero = {p: 0.0 for p in order}
    history = [
        {"year": 2015, "points": dict(zero), "influence": {"kazakhstan": {b: 0.10}}},
        {"year": 2016, "points": {**zero, a: 3.0, b: 2.0}, "influence": {"kazakhstan": {b: 0.12}}},
        {"year": 2017, "points": {**zero, a: 3.0, b: 2.0}, "influence": {"kazakhstan": {b: 0.30}}},
        {"year": 2018, "points": {**zero, a: 4.0, b: 6.0}, "influence": {"kazakhstan": {b: 0.31}}},
    ]
    got = [(t.year, t.kind, t.power) for t in turning_points(history, w, b)]
    assert got == [(2016, "round", a), (2016, "lead", a), (2017, "swing", b), (2018, "round", b),
                   (2018, "lead", b), (2018, "place", b)]
    place = next(t for t in turning_points(history, w, b) if t.kind == "place")
    assert (place.other, place.value) == (2, 1)


def test_the_report_tab_says_what_the_player_did(loan_game):
    """On the debrief's first tab: the loan with its year and outcome, the turning points, history beside the game."""
    from game.ui.debrief import TABS, DebriefScene
    pygame.init()
    scene = DebriefScene(loan_game)
    assert TABS[scene.tab] == "report" and scene.players == ["japan", "kyrgyzstan"]
    drawn = theme.record_start()
    try:
        scene.draw(pygame.Surface((1280, 720)))
    finally:
        theme.record_stop()
    shown = " ".join(drawn)
    assert "2015: Offer Kyrgyzstan" in shown or "2015:" in shown, shown
    assert "loan" in shown and "Turning points" in shown and "Your game vs history" in shown
    player = next(r for r, (kind, value) in scene.hits if kind == "player" and value == 1)
    scene.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=player.center))
    assert scene.player_index == 1
