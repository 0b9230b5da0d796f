"""One lookup for every caller: a scenario is found by its [scenario] id or its path, shipped or the user's."""
from __future__ import annotations

from pathlib import Path

import pytest

from game import cli
from game.scenario.catalog import list_scenarios
from game.scenario.index import lookup
from game.scenario.loader import load, warnings

CHILD = 'format_version = 1\nextends = "{base}"\n[scenario]\nid = "{id}"\n{title}[powers.japan]\ntreasury = 7.5\n'


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty user scenario folder under $HEARTLAND_HOME."""
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path / "home"))
    folder = tmp_path / "home" / "scenarios"
    folder.mkdir(parents=True)
    return folder


def write(folder: Path, name: str, sid: str, base: str = "2025", title: str = "Mine") -> Path:
    path = folder / name
    path.write_text(CHILD.format(base=base, id=sid, title=f'title = "{title}"\n' if title else ""))
    return path


def test_a_user_file_is_found_by_its_declared_id_everywhere(home, tmp_path, capsys):
    """File name and id differ: --scenario, extends, the catalogue and the loader all find it by id."""
    path = write(home, "lesson one.toml", "lesson1")
    assert lookup("lesson1") == path and load("lesson1").path == str(path)
    (tmp_path / "next.toml").write_text(CHILD.format(base="lesson1", id="next", title='title = "Next"\n'))
    assert load(str(tmp_path / "next.toml")).world.powers["japan"].treasury == 7.5
    assert cli.main(["validate", "lesson1"]) == 0 and "lesson1: ok" in capsys.readouterr().out
    listed = [i for i in list_scenarios() if i.id == "lesson1"]
    assert [i.path for i in listed] == [str(path)] and listed[0].title == "Mine"


def test_an_unknown_id_names_what_was_asked_not_the_shipped_folder(home, capsys):
    """`--scenario nowhere`: one sentence about 'nowhere' and the user folder, exit 2."""
    assert cli.main(["simulate", "--scenario", "nowhere", "--games", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("nowhere: there is no scenario 'nowhere'") and str(home) in err
    assert "scenarios/nowhere.toml" not in err.replace(str(home), "")


def test_extends_an_unknown_id_points_at_the_users_file(home):
    """The error of a bad `extends` names the user's file and line."""
    path = write(home, "mine.toml", "mine", base="nowhere")
    err = pytest.raises(Exception, load, "mine").value
    assert [e.path for e in err.errors] == [str(path)] and err.errors[0].line == 2


def test_two_files_with_one_id_are_reported_once_the_same_way(home, capsys):
    """The first in folder order answers to the id; only the other carries the warning, in validate and the list."""
    first, second = write(home, "a.toml", "twin"), write(home, "b.toml", "twin", title="Other")
    assert lookup("twin") == first and warnings(str(first)) == []
    said = [w.describe() for w in warnings(str(second))]
    assert len(said) == 1 and str(first) in said[0] and said[0].startswith(f"{second}:")
    listed = {Path(i.path).name: i for i in list_scenarios()}
    assert listed["a.toml"].warnings == () and len(listed["b.toml"].warnings) == 1
    assert str(first) in listed["b.toml"].warnings[0]
    assert cli.main(["validate", str(second)]) == 0 and capsys.readouterr().out.count(str(first)) == 1


def test_a_file_that_extends_without_a_title_says_so_and_shows_its_id(home):
    """No second "Rare Earth Crunch" in the list: the id is shown and a warning tells the author."""
    path = write(home, "untitled.toml", "untitled", title="")
    sc = load(str(path))
    assert sc.title == "untitled"
    said = [w.describe() for w in sc.warnings]
    assert any(s.startswith(f"{path}:3: warning: scenario:") and "Rare Earth Crunch" in s for s in said), said
    titles = [i.title for i in list_scenarios()]
    assert titles.count("Rare Earth Crunch") == 1 and "untitled" in titles


def test_the_demo_shows_a_user_scenario_on_the_setup_screen(home):
    """The demo's empty home hides the user's folder; the scenario found before is still listed and chosen."""
    import pygame
    from game.paths import temporary_home
    from game.ui.setup import SetupScene
    sc = load(str(write(home, "mine.toml", "mine")))
    pygame.init()  # left running, as every screen test does (fonts cached by later tests stay valid)
    with temporary_home():
        setup = SetupScene()
        setup.enter()
        i = setup.show_loaded(sc)
        setup.choose(i)
        assert setup.current().id == "mine" and setup.scenario() is sc
        assert setup.show_loaded(load("2015")) == [s.id for s in setup.scenarios].index("2015")
