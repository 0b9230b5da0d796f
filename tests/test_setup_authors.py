"""The setup screen for authors: a list that scrolls and filters, every problem readable, and Reload."""
from __future__ import annotations

import pygame
import pytest

from tests.scenario_helpers import changed
from tests.test_ui_flow import click, frame, make_app

CHILD = 'format_version = 1\nextends = "2025"\n[scenario]\nid = "{id}"\ntitle = "{title}"\n'


@pytest.fixture(scope="module", autouse=True)
def pg():
    pygame.init()
    yield


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path / "home"))
    folder = tmp_path / "home" / "scenarios"
    folder.mkdir(parents=True)
    for i in range(14):
        (folder / f"lesson{i:02d}.toml").write_text(CHILD.format(id=f"lesson{i:02d}", title=f"Lesson {i}"))
    return folder


def broken_text() -> str:
    """2015 with three problems on three lines."""
    text = changed("treasury = 2.0 ", "treasure = 2.0 ")
    text = changed("capacity = 45.0 ", 'capacity = "lots" ', text)
    return changed('id = "2015"', 'id = "broken"', changed("stability = 65.0", "stability = 650.0", text))


def open_setup(size=(1280, 720)):
    app = make_app(size)
    click(app, "new")
    return app, app.manager.top


def key(app, k, ch=""):
    frame(app, [pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=ch)])


def test_the_list_scrolls_past_the_first_rows(home):
    """With 19 scenarios not all fit; the wheel and Page Down bring the last ones on screen, clickable."""
    app, setup = open_setup()
    last = len(setup.scenarios) - 1
    assert setup.find(f"scenario{last}") is None
    for _ in range(30):
        frame(app, [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False)])
    assert setup.find(f"scenario{last}") is not None and setup.find("scenario0") is None
    click(app, f"scenario{last}")
    assert setup.index == last
    key(app, pygame.K_PAGEUP)
    key(app, pygame.K_PAGEUP)
    key(app, pygame.K_PAGEUP)
    key(app, pygame.K_PAGEUP)
    assert setup.find("scenario0") is not None


def test_typing_filters_the_list_and_digits_still_set_the_seed(home):
    """Letters start a filter on id, title and file name; then digits join it; Esc clears; digits alone type the seed."""
    app, setup = open_setup()
    key(app, pygame.K_1, "1")
    assert setup.seed % 10 == 1 and setup.filter == ""
    for ch in "lesson1":
        key(app, 0, ch)
    assert setup.filter == "lesson1"
    assert [setup.scenarios[i].id for i in setup.shown()] == [f"lesson{i}" for i in range(10, 14)]
    assert setup.find("scenario0") is None
    key(app, pygame.K_BACKSPACE)
    assert setup.filter == "lesson" and len(setup.shown()) == 14
    key(app, pygame.K_ESCAPE)
    assert setup.filter == "" and type(app.manager.top).__name__ == "SetupScene"
    for ch in "zzz":
        key(app, 0, ch)
    assert setup.shown() == [] and setup.find("scenario0") is None


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_broken_file_shows_every_problem_and_reload_picks_up_the_fix(home, size):
    """All three problems with file, line and key; fixed on disk, Reload makes it playable, still chosen."""
    (home / "broken.toml").write_text(broken_text())
    app, setup = open_setup(size)
    i = [s.id for s in setup.scenarios].index("broken")
    setup.type_filter("broken")
    frame(app)
    click(app, f"scenario{i}")
    notes = [text for text, _ in setup.notes(setup.current())]
    assert len(notes) == 3 and all(n.startswith("Problem: broken.toml:") for n in notes), notes
    assert any("powers.japan.treasure" in n for n in notes) and any("cac_gas.capacity" in n for n in notes)
    assert not setup.find("start").enabled
    (home / "broken.toml").write_text(changed('id = "2015"', 'id = "broken"'))
    click(app, "reload")
    assert setup.current().id == "broken" and not setup.current().error and setup.find("start").enabled
    assert setup.notes(setup.current()) == [] and setup.world() is not None


def test_warnings_show_beside_the_description(home):
    """Every warning of a playable file is listed, none dropped."""
    (home / "warned.toml").write_text(CHILD.format(id="warned", title="W").replace('title = "W"\n', "")
                                      + "[economies.kazakhstan]\nstability = 0.6\n")
    app, setup = open_setup()
    setup.choose([s.id for s in setup.scenarios].index("warned"))
    frame(app)
    notes = [text for text, _ in setup.notes(setup.current())]
    assert len(notes) == 2 and all(n.startswith("Author's warning") for n in notes)
    assert setup.find("start").enabled
