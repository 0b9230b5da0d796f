"""Every action previews its cost and effect, worked out by the rules: the preview matches what taking the
action then does, for any verb the rules offer (game/rules/preview.py, game/ui/preview.py)."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.rules import actions as A
from game.rules.legal import MENUS
from game.rules.preview import diff, preview
from game.scenario.loader import load
from game.session import Seat, Session
from game.errors import IllegalAction
from tests.test_ui_flow import click, frame, home, make_app, start_game, top  # noqa: F401  (home: fixture)
from tests.test_ui_win import drawn_texts


@pytest.fixture(scope="module")
def opening():
    """A 2015 game with Japan and Kazakhstan human, at Japan's first diplomacy turn."""
    w = load("2015", short=True).world
    s = Session.start(w, {p: Seat(p, p in ("japan", "kazakhstan")) for p in w.order}, 3)
    to_turn(s, "japan", "diplomacy")
    return s


def to_turn(s: Session, me: str, phase: str) -> None:
    """Let the AIs play and end the humans' turns until `me` moves in `phase`."""
    while not (s.world.phase == phase and s.current() == me):
        if s.human_to_move():
            s.act(A.EndTurn(s.current()))
        else:
            s.ai_step()


def menu(s: Session) -> list:
    """Every action the rules offer the seat to move now, distinct and not ending the turn."""
    w, me = s.world, s.current()
    seen = {}
    for a in MENUS[w.phase](w, me):
        if a.verb != "end":
            seen.setdefault(str(a), a)
    return list(seen.values())


def check_menu(s: Session) -> int:
    """Take each offered action through the session and undo it: its preview lists exactly what moved,
    and a refused one is refused by the session with the preview's reasons. Returns how many were allowed."""
    me, allowed = s.current(), 0
    for a in menu(s):
        before = s.world
        pv = preview(s.view(me), a)
        if not pv.allowed:
            with pytest.raises(IllegalAction) as err:
                s.act(a)
            assert [str(r) for r in pv.reasons] == [str(r) for r in err.value.reasons], a
            continue
        allowed += 1
        s.act(a)
        assert pv.changes == diff(before, s.world), a
        s.undo()
        assert s.world is before
    return allowed


def test_preview_matches_what_each_diplomacy_action_does(opening):
    """Japan's every proposal, pact and summit: the preview's changes are the World's changes."""
    assert check_menu(opening) > 5


def test_preview_matches_what_each_action_phase_action_does(opening):
    """Japan's aid, building, forums and policy cards in the action phase, the same way."""
    s = opening
    start = s.world
    to_turn(s, "japan", "actions")
    assert check_menu(s) > 5
    assert s.world.phase == "actions" and start.phase == "diplomacy"


def test_a_summit_shows_its_cost_and_an_offer_what_accepting_it_would_do():
    """A summit's price is on its preview (it used to cost money silently); an offer's preview says what
    happens if the other side accepts, and that is what its acceptance then does."""
    s = load_session()
    to_turn(s, "japan", "diplomacy")
    summit = next(a for a in menu(s) if a.verb == "summit")
    pv = preview(s.view("japan"), summit)
    money = next(c for c in pv.changes if c.measure == "money" and c.power == "japan")
    before = s.world.powers["japan"].treasury
    s.act(summit)
    assert s.world.powers["japan"].treasury == pytest.approx(before + money.delta)
    assert money.delta < 0
    offer = A.Propose("japan", "kazakhstan", (), (A.parse_item("statement/-"),))
    pv = preview(s.view("japan"), offer)
    assert [r for r, _ in pv.if_accepted] == ["kazakhstan"]
    s.act(offer)
    oid = max(s.world.offers, key=lambda k: int(k.lstrip("o")))
    to_turn(s, "kazakhstan", "diplomacy" if s.world.phase == "diplomacy" else "answers")
    accept = A.Accept("kazakhstan", oid)
    promised = preview(s.view("kazakhstan"), accept)
    before = s.world
    s.act(accept)
    assert promised.changes == diff(before, s.world)
    assert any(c.measure == "share" for c in promised.changes)


def load_session() -> Session:
    """A fresh short 2015 game with Japan and Kazakhstan human."""
    w = load("2015", short=True).world
    return Session.start(w, {p: Seat(p, p in ("japan", "kazakhstan")) for p in w.order}, 3)


def test_action_list_previews_the_pointed_action_and_greys_refused_ones_with_their_reason(size=(1280, 720)):
    """On screen: pointing at an action shows what it costs and does; a refused one is disabled and its row
    says why."""
    app = make_app(size)
    s = start_game(app, ("japan",))
    to_turn(s, "japan", "actions")
    frame(app)
    while top(app) != "GameScene":
        click(app, "next")
    click(app, "cat-forums")
    scene = app.manager.top
    rows = [b for b in scene.buttons if b.id.startswith("act")]
    refused = [b for b in rows if not b.enabled]
    assert refused and all("(" in b.label for b in refused)
    open_row = next(b for b in rows if b.enabled)
    frame(app, [pygame.event.Event(pygame.MOUSEMOTION, pos=open_row.rect.center, rel=(0, 0), buttons=(0, 0, 0))])
    shown = " ".join(drawn_texts(app))
    assert "What it does" in shown and "→" in shown and "action points" in shown, shown
