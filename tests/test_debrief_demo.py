"""Demo mode plays AI-only years on the real play screen and screenshots every scene and dialog."""
import json
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.text import render

from game.ui import demo

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT)}

# every scene the demo must show, in order (years 2015 and 2016 played; the dialogs then open in 2017)
EXPECTED = ["main_menu", "settings", "setup", "play_start_2015", "play_after_2015", "play_after_2016",
            "play_state_selected", "play_corridor_hovered", "negotiation_table", "answers_to_an_offer",
            "action_list_aid", "event_cards_2017", "year_summary_2016", "hand_over", "pause_menu",
            "rules_reference", "load_game", "debrief_report", "debrief_scores", "debrief_influence",
            "debrief_flows", "debrief_history", "debrief_export", "year_by_year", "guide_welcome", "guide_year",
            "guide_win", "guide_actions", "guide_offers", "guide_levers", "guide_tension", "guide_keys",
            "guided_year_first_step"]


def colours(img: pygame.Surface) -> int:
    """Distinct colours on a 128x72 sample."""
    small = pygame.transform.scale(img, (128, 72))
    return len({tuple(small.get_at((x, y)))[:3] for x in range(128) for y in range(72)})


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shots")
    home = os.environ.get("HEARTLAND_HOME")
    d = demo.run_demo("2015", 2, folder)
    assert os.environ.get("HEARTLAND_HOME") == home  # the demo's private home does not leak
    return folder, d


def test_every_scene_has_a_non_blank_screenshot_of_the_window_size(shots):
    folder, d = shots
    assert d.years == 2
    names = sorted(p.name for p in folder.glob("*.png"))
    assert names == [f"{i:02d}_{n}.png" for i, n in enumerate(EXPECTED, start=1)]
    for name in names:
        img = pygame.image.load(str(folder / name))
        assert img.get_size() == demo.WINDOW, name
        assert colours(img) >= 4, f"{name} is (nearly) blank"


def test_the_ai_played_on_the_play_screen_and_the_offer_was_sent(shots):
    _, d = shots
    session = d.game.session
    assert [h["year"] for h in session.history] == [2015, 2016]
    assert all(not seat.human for seat in session.seats.values())
    assert any(a.startswith("propose ") for a in session.actions)  # the negotiation table sent its offer
    a = pygame.image.load(str(next(p for p in d.shots if p.endswith("_play_start_2015.png"))))
    b = pygame.image.load(str(next(p for p in d.shots if p.endswith("_play_after_2016.png"))))
    assert pygame.image.tobytes(a, "RGB") != pygame.image.tobytes(b, "RGB")  # the map changed as the AIs played


def test_blank_screen_is_a_failure(tmp_path):
    surface = pygame.Surface((64, 36))
    surface.fill((10, 20, 30))
    assert demo.ink(surface) == 0
    surface.fill((200, 200, 200), (0, 0, 32, 36))
    assert demo.ink(surface) > demo.MIN_INK


def test_demo_command_prints_json_last(tmp_path):
    out = subprocess.run([sys.executable, "run_game.py", "demo", "--scenario", "2015", "--years", "1",
                          "--screenshots", str(tmp_path)], cwd=ROOT, env=ENV, capture_output=True, text=True,
                         timeout=180)
    assert out.returncode == 0, out.stdout + out.stderr
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    assert summary["years"] == 1 and summary["skipped"] == []
    assert summary["screenshots"] == len(list(tmp_path.glob("*.png"))) == len(EXPECTED) - 1


def test_a_failing_scene_stops_the_demo_with_a_sentence(tmp_path, monkeypatch):
    from game.ui import dialogs

    def broken(self, surface):
        raise RuntimeError("paint ran out")
    monkeypatch.setattr(dialogs.PauseScene, "draw", broken)
    with pytest.raises(demo.DemoFailed, match="pause menu.*paint ran out") as failed:
        demo.run_demo("2015", 1, tmp_path)
    said = render(failed.value.message, "ja")  # the sentence is a message: shown in the demo's language
    assert "一時停止メニュー" in said and "paint ran out" in said


def test_demo_with_an_unknown_scenario_is_one_sentence(tmp_path):
    out = subprocess.run([sys.executable, "run_game.py", "demo", "--scenario", "no-such-scenario",
                          "--screenshots", str(tmp_path)], cwd=ROOT, env=ENV, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_startup_probe_exits_cleanly():
    out = subprocess.run([sys.executable, "run_game.py", "--startup-probe"], cwd=ROOT, env=ENV,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
