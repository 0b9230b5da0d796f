"""Plain words on screen: every scene of a short game, drawn after a year of play, with every tooltip it
registers, shows no id (snake_case words, "summit japan ca_japan 2"), file name or source hash."""
import os
import re

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.ui import theme
from game.ui.tour import every_scene, played_session

ID_LIKE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\b\w+\.(?:txt|toml|json|py)\b|\b[0-9a-f]{12,}\b")
ACTION_STRING = re.compile(r"^(?:propose|summit|aid|build|upgrade|develop|refine|join|leave|policy|tariff|water|"
                           r"accept|reject|counter|attend|end|pact) [a-z]+\b")


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """A private HEARTLAND_HOME."""
    pygame.init()
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))


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
