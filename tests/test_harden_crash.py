"""Never lose a game: an unexpected error in the running game writes an emergency save, shows one
sentence and the way back to the menu, and the game resumes from that save."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game import engine, save
from tests.test_ui_flow import choose_short, click, frame, home, make_app, top  # noqa: F401  (home: fixture)


def test_an_error_in_play_saves_the_game_and_goes_back_to_the_menu(home, tmp_path, monkeypatch):
    app = make_app()
    click(app, "new")
    choose_short(app)
    click(app, "start")
    for _ in range(50):
        if top(app) == "GameScene":
            break
        click(app, {"HandOverScene": "ready", "EventCardsScene": "next"}.get(top(app), "close"))
    scene = app.manager.top
    assert top(app) == "GameScene"
    before = engine.world_hash(scene.session.world)

    def broken(surface):
        raise ZeroDivisionError("a bug")
    monkeypatch.setattr(scene, "draw", broken)
    scene.tab = "agenda" if scene.tab != "agenda" else "state"  # something to draw anew (a kept picture is not redrawn)
    frame(app)
    assert top(app) == "CrashScene"
    sentence = app.manager.top.sentence()
    saved = app.manager.top.saved
    assert "ZeroDivisionError" in sentence and str(saved) in sentence and "\n" not in sentence
    for size in ((1280, 720), (1920, 1080)):
        surface = pygame.Surface(size)
        app.manager.top.draw(surface)
        pygame.image.save(surface, str(tmp_path / f"crash-{size[0]}.png"))
    click(app, "back")
    assert top(app) == "MainMenuScene"
    resumed = save.load(saved)
    assert engine.world_hash(resumed.world) == before
    assert any(i.path == saved and not i.error for i in save.list_saves())


def test_an_error_without_a_game_loses_nothing_and_says_so(home, monkeypatch):
    app = make_app()
    monkeypatch.setattr(app.manager.top, "draw", lambda surface: 1 / 0)
    app.manager._still_key = None  # the menu keeps its picture (`MainMenuScene.still`): make it draw anew
    frame(app)
    assert top(app) == "CrashScene" and app.manager.top.saved is None
    assert "nothing was lost" in app.manager.top.sentence()


def test_an_error_on_every_frame_is_let_through_in_the_end(home, monkeypatch):
    from game.ui import menu
    app = make_app()
    monkeypatch.setattr(menu.MainMenuScene, "draw", lambda self, surface: 1 / 0)
    monkeypatch.setattr(menu.CrashScene, "draw", lambda self, surface: 1 / 0)
    app.manager._still_key = None  # the menu keeps its picture (`MainMenuScene.still`): make it draw anew
    with pytest.raises(ZeroDivisionError):
        for _ in range(10):
            frame(app)
