"""The recipes of docs/scenarios.md section 10: each validates without a warning and, played, does what it says."""
from __future__ import annotations

import re

import pytest

from game.model.ops import evolve
from game.scenario.loader import load
from tests.scenario_helpers import ROOT

DOC = (ROOT / "docs" / "scenarios.md").read_text(encoding="utf-8")
RECIPES = dict(re.findall(r"<!-- recipe: (\w+) -->\n```toml\n(.*?)```", DOC, flags=re.S))
MOVES = ("embargo", "sanctions", "price_shock", "new_forum", "corridor_investment", "route_crisis", "new_government",
         "c5_meeting")


def test_every_teaching_move_has_a_recipe():
    assert sorted(RECIPES) == sorted(MOVES)


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path / "home"))
    folder = tmp_path / "home" / "scenarios"
    folder.mkdir(parents=True)
    return folder


@pytest.mark.parametrize("name", MOVES)
def test_a_recipe_validates_and_its_events_change_the_world(home, name):
    """Written as the guide shows it: no problem, no warning; in a short headless game every event of the
    recipe fires, and every effect changes the value it names."""
    from ai.baseline import RandomAgent
    from game.sim import play
    (home / f"{name}.toml").write_text(RECIPES[name], encoding="utf-8")
    sc = load(name)
    assert sc.id == name and sc.warnings == (), [w.describe() for w in sc.warnings]
    own = [ev for ev in sc.world.events if f"[events.{ev.id}]" in RECIPES[name]]
    assert own
    last = max(ev.year for ev in own)
    world = evolve(sc.world, end_year=last)
    final = play(world, {p: RandomAgent() for p in world.order}, 5).final
    done = [h for h in final.happened if h[1] in {ev.id for ev in own}]
    assert {h[1] for h in done} == {ev.id for ev in own}
    assert len(done) == sum(len(ev.effects) for ev in own)
    assert all(before != after for _, _, _, before, after in done), done
