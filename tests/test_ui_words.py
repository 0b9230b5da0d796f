"""Plain words on screen: every scene of a short game, drawn after a year of play, with every tooltip it
registers, shows no id (snake_case words, "summit japan ca_japan 2"), file name or source hash."""
import os
import re

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.ui import theme

ID_LIKE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\b\w+\.(?:txt|toml|json|py)\b|\b[0-9a-f]{12,}\b")
ACTION_STRING = re.compile(r"^(?:propose|summit|aid|build|upgrade|develop|refine|join|leave|policy|tariff|water|"
                           r"accept|reject|counter|attend|end|pact) [a-z]+\b")


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """A private HEARTLAND_HOME."""
    pygame.init()
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))


def played_session():
    """The short form of 2015 with a computer in every seat but Japan, a year played."""
    from game.rules.actions import EndTurn
    from game.scenario.loader import load
    from game.session import Seat, Session
    sc = load("2015", short=True)
    s = Session.start(sc.world, {p: Seat(p, p == "japan") for p in sc.world.order}, 2)
    start = s.world.year
    while s.world.year == start or s.current() != "japan":
        s.act(EndTurn("japan")) if s.human_to_move() else s.ai_step()
    return s


def every_scene(s):
    """(name, scene stack) for every scene the player meets, over a game a year old."""
    from game.ui import confirm, dialogs, summary
    from game.ui.debrief import TABS, DebriefScene
    from game.ui.game import GameScene
    from game.ui.menu import LoadScene, MainMenuScene, SettingsScene
    from game.ui.replay import ReplayScene
    from game.ui.scoreboard import HowToWinScene, ScoreboardScene, dealt_world
    from game.ui.setup import SetupScene
    w = s.world
    game = GameScene(s)
    yield "menu", [MainMenuScene()]
    yield "settings", [SettingsScene()]
    yield "load", [LoadScene()]
    setup = SetupScene()
    setup.enter()
    yield "setup", [setup]
    yield "how to win", [setup, HowToWinScene(dealt_world(setup.world(), 1), "x")]
    for tab in ("state", "agenda"):
        view = GameScene(s)
        view.tab = tab
        yield f"play {tab}", [view]
    corridor = GameScene(s)
    corridor.selected = next(iter(w.corridors))
    yield "play corridor", [corridor]
    for title, verbs in (("summit", ("summit",)), ("aid", ("aid",)), ("build", ("build", "upgrade", "tariff")),
                         ("develop", ("develop", "refine", "water")), ("forums", ("join", "leave")),
                         ("policy", ("policy",))):
        yield f"list {title}", [game, dialogs.ActionListScene(game, title, verbs)]
    yield "answers", [game, dialogs.AnswersScene(game)]
    for kind in dialogs.KINDS:
        nego = dialogs.NegotiationScene(game)
        if kind in nego.kinds():
            nego.set_kind(kind)
            nego.add()
            yield f"negotiation {kind}", [game, nego]
    yield "cards", [game, dialogs.EventCardsScene(w, w.news or tuple(e.id for e in w.events[:2]))]
    before = s.year_worlds[-2] if len(s.year_worlds) > 1 else s.start_world
    yield "summary", [game, summary.YearSummaryScene(s, before, s.year_worlds[-1], s.year_marks[-1].year, "japan")]
    yield "scoreboard", [game, ScoreboardScene(game)]
    yield "confirm", [game, confirm.ConfirmScene("?", "Yes", lambda: None)]
    yield "pause", [game, dialogs.PauseScene(game)]
    yield "hand-over", [dialogs.HandOverScene("China")]
    for i, tab in enumerate(TABS):
        if tab != "export":  # the export tab names the files it writes, as it must
            deb = DebriefScene(s)
            deb.set_tab(i)
            yield f"debrief {tab}", [deb]
    yield "year by year", [ReplayScene(s)]


def drawn_by(stack, size=(1280, 720)) -> list[str]:
    """Every text a scene stack (bottom first) draws in one frame."""
    from game.ui.app import App, Settings
    app = App(pygame.Surface(size), Settings(*size))
    for scene in stack:
        app.manager.stack.append(scene)
        scene.manager = app.manager
    drawn = theme.record_start()
    try:
        app.manager.draw(app.screen)
    finally:
        theme.record_stop()
    return list(drawn)


def texts_of(stack, size=(1280, 720)) -> list[str]:
    """Every text a scene stack draws, with every tooltip and button label it registers."""
    drawn = drawn_by(stack, size)
    top = stack[-1]
    return list(drawn) + [t for _, t in getattr(top, "tips", [])] + [
        f"{b.label} {b.tooltip}" for b in getattr(top, "buttons", [])]


def id_like(text: str) -> list[str]:
    """The id-like tokens in a text: snake_case words, file names, hashes, raw action strings."""
    found = ID_LIKE.findall(text)
    return found + ([text] if ACTION_STRING.match(text) else [])


def test_no_scene_shows_an_id_a_file_name_or_a_hash():
    """Every scene of a short game a year old, every tooltip included: no id-like token."""
    s = played_session()
    leaks = {}
    for name, stack in every_scene(s):
        for text in texts_of(stack):
            bad = id_like(text)
            if bad:
                leaks.setdefault(name, []).append((bad, text[:120]))
    assert not leaks, leaks


def test_the_id_detector_catches_what_the_issue_reported():
    """The detector finds the strings players saw: an action string, a corridor id, a source file."""
    assert id_like("summit japan ca_japan 2")
    assert id_like("Contract via kz_china_oil")
    assert id_like("Tokyo summit (004_a1b4f633fd039a28.txt)")
    assert not id_like("Japan offers Kazakhstan: gives $0.2bn grant; asks nothing.")
