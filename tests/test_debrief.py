"""The debrief scene renders every tab of a real finished game at 1280x720 and 1920x1080."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from ai.baseline import GreedyAgent
from game.scenario.loader import load
from game.session import Seat, Session
from game.ui import debrief_charts as dc
from game.ui.debrief import TABS, DebriefScene
from game.ui.scene import Scene, SceneManager


@pytest.fixture(scope="module")
def session():
    """A whole 2015 game played by greedy AIs (well under a second)."""
    pygame.init()
    w = load("2015").world
    s = Session.start(w, {p: Seat(p, human=False) for p in w.order}, 3, make_agent=lambda w, seat: GreedyAgent())
    s.run_ai()
    assert s.world.status != "playing" and len(s.history) >= 3
    return s


def key(k, mod=0):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="")


def distinct_colors(surface, rect, step=7):
    return {tuple(surface.get_at((x, y)))[:3] for x in range(rect.left, rect.right, step)
            for y in range(rect.top, rect.bottom, step)}


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_every_tab_renders_with_charts(session, size, tmp_path):
    scene = DebriefScene(session)
    surface = pygame.Surface(size)
    body = pygame.Rect(0, int(size[1] * 0.2), size[0], int(size[1] * 0.7))
    for i, tab in enumerate(TABS):
        scene.set_tab(i)
        scene.draw(surface)
        if tab != "export":
            assert len(distinct_colors(surface, body)) > 6, tab  # charts, not an empty panel
        pygame.image.save(surface, str(tmp_path / f"{tab}.png"))
    assert all((tmp_path / f"{t}.png").stat().st_size > 1000 for t in TABS)


def test_scores_tab_shows_every_power_colour(session):
    scene = DebriefScene(session)
    surface = pygame.Surface((1280, 720))
    scene.draw(surface)
    seen = distinct_colors(surface, surface.get_rect(), step=2)
    for p in session.world.order:
        c = pygame.Color(session.world.powers[p].color)
        assert (c.r, c.g, c.b) in seen, p


def test_keys_switch_tabs_and_states(session):
    scene = DebriefScene(session)
    assert TABS[scene.tab] == "report"
    scene.handle_event(key(pygame.K_RIGHT))
    assert TABS[scene.tab] == "scores"
    scene.handle_event(key(pygame.K_RIGHT))
    assert TABS[scene.tab] == "influence"
    scene.handle_event(key(pygame.K_DOWN))
    assert scene.state_index == 1
    first = scene.charts_for_tab("influence")[0].name
    assert first == f"influence_{dc.c5_states(session.world)[1]}"
    scene.handle_event(key(pygame.K_LEFT))
    assert TABS[scene.tab] == "scores"
    scene.handle_event(key(pygame.K_l))
    assert scene.large


def test_clicking_a_tab_selects_it(session):
    scene = DebriefScene(session)
    surface = pygame.Surface((1280, 720))
    scene.draw(surface)
    rect = next(r for r, (kind, value) in scene.hits if kind == "tab" and value == TABS.index("history"))
    scene.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=rect.center))
    assert TABS[scene.tab] == "history"


def test_history_tab_compares_with_the_shipped_reference(session):
    scene = DebriefScene(session)
    assert scene.reference is not None and scene.reference.scenario == "2015"
    names = [c.name for c in scene.charts_for_tab("history")]
    assert names == ["vs_history_trade", "vs_history_flows", "vs_history_shares"]


def test_reference_values_cite_their_source():
    """Every value line in the shipped history files carries a comment (its source)."""
    for path in dc.HISTORY_DIR.glob("*.toml"):
        lines = path.read_text("utf-8").splitlines()
        in_values = False
        for line in lines:
            if line.startswith("["):
                in_values = line.strip() == "[series.values]"
                continue
            if in_values and "=" in line:
                assert "#" in line, f"{path.name}: {line}"
        assert dc.load_reference(path.stem).series


def test_missing_reference_gives_a_sentence(session, monkeypatch):
    monkeypatch.setattr(dc, "HISTORY_DIR", dc.HISTORY_DIR / "nowhere")
    scene = DebriefScene(session)
    scene.reference = dc.load_reference("none-such")
    assert scene.reference is None and scene.charts_for_tab("history") == []
    scene.set_tab(TABS.index("history"))
    scene.draw(pygame.Surface((1280, 720)))


def test_export_from_the_scene_by_typing_a_folder(session, tmp_path):
    scene = DebriefScene(session)
    scene.set_tab(TABS.index("export"))
    scene.draw(pygame.Surface((1280, 720)))
    field = next(r for r, (kind, _) in scene.hits if kind == "field")
    scene.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=field.center))
    scene.folder_text = ""
    for ch in str(tmp_path / "class"):
        scene.handle_event(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    scene.handle_event(key(pygame.K_RETURN))
    assert scene.result is not None and scene.result.ok
    assert (tmp_path / "class" / "game_log.csv").is_file()
    scene.draw(pygame.Surface((1280, 720)))


def test_escape_pops_back_to_the_scene_below(session):
    m = SceneManager()
    below = Scene()
    m.push(below)
    m.push(DebriefScene(session))
    m.handle_event(key(pygame.K_ESCAPE))
    assert m.top is below


def test_a_game_without_years_still_draws(session):
    w = load("2015").world
    s = Session.start(w, {p: Seat(p, human=False) for p in w.order}, 1, make_agent=lambda w, seat: GreedyAgent())
    scene = DebriefScene(s)
    surface = pygame.Surface((1280, 720))
    for i in range(len(TABS)):
        scene.set_tab(i)
        scene.draw(surface)


def test_shortcut_keys_never_type_into_the_folder_field(session):
    """On the export tab, L and Y act as shortcuts (their text is dropped) until the field is clicked; then
    they only type, and Esc gives the keyboard back."""
    scene = DebriefScene(session)
    scene.set_tab(TABS.index("export"))
    before = scene.folder_text
    scene.handle_event(key(pygame.K_l))
    scene.handle_event(pygame.event.Event(pygame.TEXTINPUT, text="l"))
    assert scene.large and scene.folder_text == before
    scene.draw(pygame.Surface((1280, 720)))
    field = next(r for r, (kind, _) in scene.hits if kind == "field")
    scene.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=field.center))
    scene.handle_event(key(pygame.K_l))
    scene.handle_event(pygame.event.Event(pygame.TEXTINPUT, text="l"))
    assert scene.large and scene.folder_text == before + "l"
    scene.handle_event(key(pygame.K_ESCAPE))
    assert not scene.typing and TABS[scene.tab] == "export"


@pytest.mark.parametrize("tab", TABS)
def test_escape_or_the_menu_button_leaves_a_finished_game_for_the_main_menu(session, tab):
    """The debrief that ends a game is the only scene: Esc, or its menu button, opens the main menu from any tab."""
    from game.ui.menu import MainMenuScene
    for how in ("esc", "button"):
        m = SceneManager()
        scene = DebriefScene(session)
        m.push(scene)
        scene.set_tab(TABS.index(tab))
        scene.draw(pygame.Surface((1280, 720)))
        if how == "esc":
            m.handle_event(key(pygame.K_ESCAPE))
        else:
            r = next(r for r, (kind, _) in scene.hits if kind == "menu")
            m.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=r.center))
        assert isinstance(m.top, MainMenuScene), (tab, how)


def test_opening_the_debrief_empties_the_memo_tables(session):
    """The finished game's memo tables are emptied when the debrief opens (their memory goes to the charts);
    the goods of a world resolve the same afterwards."""
    from game.model import memo
    from game.rules import geography
    before = geography.resolve(session.world)
    assert any(t.table for t in memo._TABLES)
    DebriefScene(session)
    assert not any(t.table for t in memo._TABLES)
    assert geography.resolve(session.world) == before
