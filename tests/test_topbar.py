"""The top bar: the points and place always show in full or short form; what does not fit gives way in order."""
import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.text import LANGUAGES
from game.ui import theme
from game.ui.game import TopItem, fit_top


@pytest.fixture(autouse=True)
def pg(tmp_path, monkeypatch):
    pygame.init()
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))
    theme.set_scale(1.0)
    yield


def chars(text: str, bold: bool) -> int:
    """A made-up width: 10 pixels a character."""
    return 10 * len(text)


def bar() -> list[TopItem]:
    return [TopItem(("2015 / 2025",), ""), TopItem(("Diplomacy", ""), "", gives=4),
            TopItem(("Japan (computer, Normal)", "Japan"), "", gives=1), TopItem(("Thinking...", ""), "", gives=3),
            TopItem(("Points 0 - place =1 - round 2018: +2.2", "Points 0 - place =1"), "", gives=2),
            TopItem(("Treasury $3.2bn",), ""), TopItem(("AP 3/3",), "")]


def test_everything_shows_when_there_is_room():
    items = bar()
    assert fit_top(items, 10_000, 20, chars) == [it.labels[0] for it in items]


def test_items_give_way_least_needed_first():
    items = bar()
    full = sum(chars(it.labels[0], False) for it in items) + 20 * 6
    # just short of room: only the seat's kind goes
    got = fit_top(items, full - 1, 20, chars)
    assert got[2] == "Japan" and got[3] == "Thinking..." and got[4] == items[4].labels[0] and got[1] == "Diplomacy"
    # tighter: the points' next round goes next, then the thinking note, and the phase last
    got = fit_top(items, full - 400, 20, chars)
    assert got[2] == "Japan" and got[4] == "Points 0 - place =1" and got[3] == "" and got[1] == "Diplomacy"
    tight = fit_top(items, 200, 20, chars)
    assert tight == ["2015 / 2025", "", "Japan", "", "Points 0 - place =1", "Treasury $3.2bn", "AP 3/3"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_points_show_uncut_at_720p_in_every_language(lang):
    """A person's turn in a 2015 game at 1280x720: the points and place are drawn whole (full or short form)."""
    from game.rules import objectives
    from game.scenario.loader import load
    from game.session import Seat, Session
    from game.ui import words
    from game.ui.app import App, Settings
    from game.ui.game import GameScene
    from game.ui.i18n import tr
    size = (1280, 720)
    w = load("2015").world
    s = Session.start(w, {p: Seat(p, p == "japan") for p in w.order}, 3)
    s.run_ai()
    app = App(pygame.Surface(size), Settings(*size, language=lang), Path(os.devnull))
    game = GameScene(s)
    app.manager.push(game)
    while app.manager.top is not game:
        app.manager.pop()
    mine = next(st for st in objectives.standings(s.world) if st.power == "japan")
    args = dict(points=words.points(mine.points), place=words.place_words(mine), next=mine.next_year or "-",
                projected=words.points(mine.projected))
    labels = {tr("top.points", **args), tr("top.points_short", **args)}
    got = theme.record_start()
    try:
        app.dirty = True
        app.step(1 / 60, [])
    finally:
        theme.record_stop()
    assert labels & set(got), (lang, sorted(labels))
