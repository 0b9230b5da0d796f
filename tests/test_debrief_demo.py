"""Demo mode plays AI-only years on screen and screenshots every scene it can find."""
import json
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.ui import demo
from game.ui.scene import Scene

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT)}


def test_demo_saves_screenshots_and_names_what_it_skipped(tmp_path):
    report = demo.run_demo("2015", 2, tmp_path / "shots")
    assert report.years == 2
    names = [Path(p).name for p in report.shots]
    assert any(n.endswith("_rules.png") for n in names)
    assert any(n.endswith("_debrief_history.png") for n in names)
    for p in report.shots:
        img = pygame.image.load(p)
        assert img.get_size() == demo.WINDOW
    for kind in demo.SCENES:  # every kind is either shown or named as skipped
        assert kind in report.skipped or any(kind in n for n in names), kind


def test_missing_scene_module_is_reported_not_raised():
    demo.SCENES["nowhere"] = (("game.ui.no_such_module",), ("NoScene",))
    try:
        cls, why = demo.find_scene("nowhere")
    finally:
        del demo.SCENES["nowhere"]
    assert cls is None and "game.ui.no_such_module" in why


def test_build_fills_parameters_by_name():
    class Needs(Scene):
        def __init__(self, session, year=0, extra="x"):
            super().__init__()
            self.session, self.year, self.extra = session, year, extra

    s = demo.build(Needs, {"session": "S", "year": 2016, "world": "W"})
    assert (s.session, s.year, s.extra) == ("S", 2016, "x")
    with pytest.raises(TypeError):
        demo.build(Needs, {"year": 1})


def test_demo_command_prints_json_last(tmp_path):
    out = subprocess.run([sys.executable, "run_game.py", "demo", "--scenario", "2015", "--years", "1",
                          "--screenshots", str(tmp_path)], cwd=ROOT, env=ENV, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    assert summary["years"] == 1 and summary["screenshots"] == len(list(tmp_path.glob("*.png"))) >= 2


def test_demo_with_an_unknown_scenario_is_one_sentence(tmp_path):
    out = subprocess.run([sys.executable, "run_game.py", "demo", "--scenario", "no-such-scenario",
                          "--screenshots", str(tmp_path)], cwd=ROOT, env=ENV, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_startup_probe_exits_cleanly():
    out = subprocess.run([sys.executable, "run_game.py", "--startup-probe"], cwd=ROOT, env=ENV,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
