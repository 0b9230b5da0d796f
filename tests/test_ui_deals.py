"""Deal terms are never hidden and nothing is taken by a misclick: the answers list shows every offer in full
and scrolls, a row that moved under the cursor is not clicked, and costly or final steps ask once."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest
from attrs import evolve

from game.model import Item, Offer
from game.rules.actions import EndTurn
from game.ui import widgets, words
from tests.test_ui_flow import click, frame, key, make_app, start_game, top
from tests.test_ui_win import drawn_texts, to_play


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """A private HEARTLAND_HOME; no click guard left over from another test."""
    pygame.init()
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))
    widgets._last_click[:] = [-1e9, (-1, -1), ""]
    return tmp_path


def long_offer(i: int, receiver: str = "japan") -> Offer:
    """An offer from Kazakhstan with several items whose terms run over many lines."""
    asks = tuple(Item("aid", aid_kind=k, amount=0.1 + 0.05 * i) for k in ("grant", "loan", "tc"))
    gives = (Item("contract", resource="oil", amount=1.0 + i, price_factor=0.9, years=5,
                  corridor="cpc"), Item("statement"))
    return Offer(f"t{i}", "kazakhstan", receiver, gives, asks, 2015)


def with_offers(s, offers) -> None:
    """Put offers waiting for an answer into the session's world."""
    s.world = evolve(s.world, offers={**s.world.offers, **{o.id: o for o in offers}})


def answers_open(n_offers: int = 9):
    """Japan (human) at the answers dialog with `n_offers` long offers from Kazakhstan waiting."""
    app = make_app()
    s = start_game(app, ("japan",))
    to_play(app)
    with_offers(s, [long_offer(i) for i in range(n_offers)])
    click(app, "cat-answers")
    assert top(app) == "AnswersScene"
    return app, s


def test_every_waiting_offer_is_shown_in_full_and_the_list_scrolls():
    """Each offer on screen is drawn whole (its full terms, over as many lines as they need); the ones that do
    not fit are reached with the mouse wheel, and the last one is shown in full too."""
    app, s = answers_open()
    w = s.view("japan")
    full = {o.id: words.offer(w, o) for o in w.offers.values() if o.status == "pending" and o.receiver == "japan"}
    shown = " ".join(drawn_texts(app))
    first = [oid for oid, text in full.items() if text in shown]
    assert first and len(first) < len(full), "some offers fit, the rest wait for scrolling"
    assert any("Showing" in t for t in drawn_texts(app))
    for _ in range(len(full)):
        frame(app, [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1)])
    shown = " ".join(drawn_texts(app))
    assert full[f"t{len(full) - 1}"] in shown


def test_a_row_that_moved_under_the_cursor_is_not_clicked():
    """A double click on Accept takes the first offer; the second click, landing on the next offer's row that
    moved up under the cursor, is dropped. A deliberate click after the guard time is taken."""
    app, s = answers_open(3)
    frame(app)
    b = app.manager.top.find("accept-t0")
    pos = b.rect.center
    down = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
    frame(app, [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)), down])
    frame(app, [down])
    assert s.world.offers["t0"].status == "accepted"
    assert s.world.offers["t1"].status == "pending"
    assert app.manager.top.find("accept-t1").rect.collidepoint(pos)  # the next row did move under the cursor
    widgets._last_click[0] -= widgets.CLICK_GUARD_S
    frame(app, [down])
    assert s.world.offers["t1"].status == "accepted"


def test_accepting_a_deal_costing_much_of_the_treasury_asks_once():
    """An offer asking Japan for more than the set share of its treasury asks first: No leaves it waiting,
    Yes accepts it; a cheap offer is accepted at once."""
    from game.ui.confirm import CONFIRM_SHARE
    app = make_app()
    s = start_game(app, ("japan",))
    to_play(app)
    big = CONFIRM_SHARE * s.world.powers["japan"].treasury + 0.5
    with_offers(s, [Offer("big", "kazakhstan", "japan", (), (Item("aid", aid_kind="grant", amount=big),), 2015),
                    Offer("small", "kyrgyzstan", "japan", (), (Item("aid", aid_kind="grant", amount=0.1),), 2015)])
    click(app, "cat-answers")
    click(app, "accept-big")
    assert top(app) == "ConfirmScene"
    assert any(words.money(big) in t for t in drawn_texts(app))
    click(app, "no")
    assert top(app) == "AnswersScene" and s.world.offers["big"].status == "pending"
    click(app, "accept-big")
    click(app, "yes")
    assert top(app) == "AnswersScene" and s.world.offers["big"].status == "accepted"
    click(app, "accept-small")
    assert top(app) == "AnswersScene" and s.world.offers["small"].status == "accepted"


def test_ending_the_turn_with_action_points_left_asks_once():
    """In the actions phase, E with action points left asks: Esc keeps the turn, Enter ends it."""
    app = make_app()
    s = start_game(app, ("japan",))
    to_play(app)
    while s.world.phase != "actions" or s.current() != "japan":
        s.act(EndTurn("japan")) if s.human_to_move() else s.ai_step()
    frame(app)
    assert s.world.ap_left["japan"] > 0
    key(app, pygame.K_e)
    assert top(app) == "ConfirmScene"
    assert any("action point" in t for t in drawn_texts(app))
    key(app, pygame.K_ESCAPE)
    assert top(app) == "GameScene" and s.current() == "japan"
    key(app, pygame.K_e)
    key(app, pygame.K_RETURN)
    assert s.current() != "japan" or s.world.phase != "actions"


def test_ending_a_diplomacy_turn_does_not_ask():
    """Action points left in diplomacy can still be spent later in the year: E ends the turn at once."""
    app = make_app()
    s = start_game(app, ("japan",))
    to_play(app)
    assert s.world.phase == "diplomacy" and s.current() == "japan"
    key(app, pygame.K_e)
    assert top(app) != "ConfirmScene" and s.current() != "japan"


def test_leaving_a_game_asks_once():
    """Menu, then Main menu asks: No stays in the game, Yes opens the main menu."""
    app = make_app()
    start_game(app, ("japan",))
    to_play(app)
    key(app, pygame.K_ESCAPE)
    click(app, "menu")
    assert top(app) == "ConfirmScene"
    click(app, "no")
    assert top(app) == "PauseScene"
    click(app, "menu")
    click(app, "yes")
    assert top(app) == "MainMenuScene"
