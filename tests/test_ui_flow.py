"""Scripted play through real pygame events: menu -> setup -> a short game -> the debrief; hot-seat privacy."""
import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.ui import theme

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """A private HEARTLAND_HOME with a two-year copy of the 2015 scenario in its scenarios folder."""
    pygame.init()
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))
    text = 'format_version = 1\nextends = "2015"\n[scenario]\nid = "short"\ntitle = "Short test"\nend_year = 2016\n'
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "short.toml").write_text(text, "utf-8")
    (tmp_path / "scenarios" / "broken.toml").write_text('format_version = 1\n[scenario]\nid = 3\n', "utf-8")
    return tmp_path


def make_app(size=(1280, 720), lang="", first=None):
    """An app drawing on a plain surface of `size` in `lang` ("" = the system's), opened on `first` or the menu."""
    from game.ui.app import App, Settings
    from game.ui.menu import MainMenuScene
    app = App(pygame.Surface(size), Settings(*size, language=lang))
    app.manager.push(first or MainMenuScene())
    frame(app)
    return app


def frame(app, events=()):
    app.dirty = True
    app.step(1 / 60, list(events))


def click(app, bid):
    """Move the mouse onto a button and click it, as a player would."""
    frame(app)
    b = app.manager.top.find(bid)
    assert b is not None, (bid, [x.id for x in app.manager.top.buttons])
    assert b.enabled, (bid, b.tooltip)
    frame(app, [pygame.event.Event(pygame.MOUSEMOTION, pos=b.rect.center, rel=(0, 0), buttons=(0, 0, 0)),
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=b.rect.center, button=1)])


def key(app, k, mod=0, unicode=""):
    frame(app, [pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode)])


def top(app):
    return type(app.manager.top).__name__


def choose_short(app):
    setup = app.manager.top
    i = next(i for i, s in enumerate(setup.scenarios) if s.title == "Short test")
    click(app, f"scenario{i}")


def test_click_through_to_debrief():
    """Menu -> setup (short scenario, Japan and Kazakhstan human) -> play by mouse to the end -> debrief."""
    app = make_app()
    click(app, "new")
    assert top(app) == "SetupScene"
    choose_short(app)
    setup = app.manager.top
    assert [p for p, (h, _) in setup.seats.items() if h] == ["japan", "kazakhstan"]
    click(app, "difficulty-china")
    assert setup.seats["china"][1] == "hard"
    click(app, "start")
    seen = set()
    for _ in range(400):
        name = top(app)
        seen.add(name)
        if name == "DebriefScene":
            break
        if name == "HandOverScene":
            click(app, "ready")
        elif name == "EventCardsScene":
            click(app, "next")
        elif name in ("YearSummaryScene",):
            click(app, "close")
        elif name == "ConfirmScene":
            click(app, "yes")  # end the turn with action points left
        elif name == "GameScene" and not app.manager.top.session.human_to_move():
            frame(app)  # the computer seats are thinking
        elif name == "GameScene":
            click(app, "end")
        else:
            raise AssertionError(name)
    assert top(app) == "DebriefScene"
    assert {"HandOverScene", "EventCardsScene", "YearSummaryScene", "GameScene"} <= seen
    session = app.manager.top.session
    assert session.world.status != "playing"
    assert any(a.startswith("end japan") for a in session.actions)
    assert any(a.startswith("end kazakhstan") for a in session.actions)


def test_keyboard_only_game():
    """The same path with keys only: number keys, Tab and Enter, E, Space, Esc."""
    app = make_app()
    key(app, pygame.K_1)
    assert top(app) == "SetupScene"
    setup = app.manager.top
    setup.index = next(i for i, s in enumerate(setup.scenarios) if s.title == "Short test")
    setup.choose(setup.index)
    for _ in range(60):
        frame(app)
        if setup.focus_id == "start":
            break
        key(app, pygame.K_TAB)
    assert setup.focus_id == "start"
    key(app, pygame.K_RETURN)
    for _ in range(400):
        name = top(app)
        if name == "DebriefScene":
            break
        if name == "GameScene" and not app.manager.top.session.human_to_move():
            frame(app)
            continue
        k = {"HandOverScene": pygame.K_SPACE, "EventCardsScene": pygame.K_SPACE, "YearSummaryScene": pygame.K_ESCAPE,
             "GameScene": pygame.K_e, "ConfirmScene": pygame.K_RETURN}[name]
        key(app, k)
    assert top(app) == "DebriefScene"


def test_broken_scenario_shows_sentences_not_a_crash():
    """A broken scenario is listed; choosing it shows its validation messages and disables Start."""
    app = make_app()
    click(app, "new")
    setup = app.manager.top
    i = next(i for i, s in enumerate(setup.scenarios) if "broken" in s.path)
    click(app, f"scenario{i}")
    drawn = theme.record_start()
    frame(app)
    theme.record_stop()
    assert not setup.find("start").enabled
    assert any("broken.toml" in s for s in drawn)


def start_game(app, humans):
    from game.session import Seat, Session
    from game.scenario.loader import load
    from game.ui.game import GameScene
    w = load("2015").world
    s = Session.start(w, {p: Seat(p, p in humans) for p in w.order}, 3)
    app.manager.replace(GameScene(s))
    return s


def test_hand_over_hides_private_offers():
    """Japan (human) makes Kazakhstan a private offer; the hand-over to China (human) draws none of it,
    nor does China's screen afterwards, while Japan's own screen shows it."""
    from game.model import Item
    from game.rules.actions import Propose
    app = make_app()
    s = start_game(app, ("japan", "china"))
    while top(app) != "GameScene":
        click(app, "ready" if top(app) == "HandOverScene" else "next")
    assert s.current() == "japan"
    secret = Propose("japan", "kazakhstan", (Item("aid", aid_kind="grant", amount=0.6),), ())
    app.manager.top.do(secret)
    drawn = theme.record_start()
    frame(app)
    theme.record_stop()
    assert any("0.6bn grant" in t for t in drawn)  # Japan sees its own offer in the feed
    key(app, pygame.K_e)
    assert top(app) == "HandOverScene"
    drawn = theme.record_start()
    frame(app)
    theme.record_stop()
    assert not any("0.6" in t or "Japan" in t or "Kazakhstan" in t for t in drawn), drawn
    assert any("China" in t for t in drawn)
    key(app, pygame.K_SPACE)
    assert top(app) == "GameScene" and s.current() == "china"
    drawn = theme.record_start()
    frame(app)
    theme.record_stop()
    assert not any("0.6bn grant" in t for t in drawn)


def test_offer_between_two_humans_is_answered_on_screen():
    """Japan (human) offers Kazakhstan (human) aid; Kazakhstan accepts it from the answers dialog."""
    app = make_app()
    s = start_game(app, ("japan", "kazakhstan"))
    while top(app) != "GameScene":
        click(app, "ready" if top(app) == "HandOverScene" else "next")
    click(app, "cat-negotiate")
    assert top(app) == "NegotiationScene"
    click(app, "to-kazakhstan")
    click(app, "add")
    click(app, "send")
    assert top(app) == "GameScene"
    offer = next(o for o in s.world.offers.values() if o.sender == "japan")
    for _ in range(50):
        if s.current() == "kazakhstan" and top(app) == "GameScene" and s.world.phase in ("diplomacy", "answers"):
            break
        name = top(app)
        if name == "GameScene" and not s.human_to_move():
            frame(app)
            continue
        click(app, {"HandOverScene": "ready", "EventCardsScene": "next", "GameScene": "end"}[name])
    assert s.current() == "kazakhstan"
    click(app, "cat-answers")
    assert top(app) == "AnswersScene"
    click(app, f"accept-{offer.id}")
    assert s.world.offers[offer.id].status == "accepted"


def test_disabled_actions_say_why():
    """Outside the actions phase, Build is disabled and its tooltip names the phase."""
    app = make_app()
    start_game(app, ("japan",))
    while top(app) != "GameScene":
        click(app, "next")
    frame(app)
    b = app.manager.top.find("cat-build")
    assert not b.enabled and "Actions" in b.tooltip


def test_ctrl_z_takes_back_an_offer():
    """An offer sent from the table is taken back with Ctrl+Z; the Undo button is then disabled."""
    app = make_app()
    s = start_game(app, ("japan",))
    while top(app) != "GameScene":
        click(app, "next")
    click(app, "cat-negotiate")
    click(app, "add")
    click(app, "send")
    assert any(o.sender == "japan" for o in s.world.offers.values())
    frame(app)
    assert app.manager.top.find("undo").enabled
    key(app, pygame.K_z, mod=pygame.KMOD_CTRL)
    assert not any(o.sender == "japan" for o in s.world.offers.values())
    frame(app)
    assert not app.manager.top.find("undo").enabled


def test_number_keys_open_action_lists_and_pick():
    """In the actions phase, a number key opens a list and another picks an action (an aid pledge)."""
    from game.rules.actions import EndTurn
    app = make_app()
    s = start_game(app, ("japan",))
    while top(app) != "GameScene":
        click(app, "next")
    while s.world.phase != "actions":
        if s.human_to_move():
            s.act(EndTurn("japan"))
        else:
            s.ai_step()
    frame(app)
    ap = s.world.ap_left["japan"]
    key(app, pygame.K_4)  # Aid
    assert top(app) == "ActionListScene"
    key(app, pygame.K_1)
    assert top(app) == "GameScene"
    assert s.world.ap_left["japan"] == ap - 1
    assert s.actions[-1].startswith("aid japan")


def test_each_human_sees_the_year_summary_with_only_its_own_secrets():
    """After a year, both human seats get the summary, each behind its own hand-over, and the private
    log line of Japan's offer to Kazakhstan appears in Japan's summary but not in China's."""
    from game.model import Item
    from game.rules.actions import EndTurn, Propose
    app = make_app()
    s = start_game(app, ("japan", "china"))
    while top(app) != "GameScene":
        click(app, "ready" if top(app) == "HandOverScene" else "next")
    s.act(Propose("japan", "kazakhstan", (Item("aid", aid_kind="grant", amount=0.6),), ()))
    summaries = {}
    for _ in range(300):
        name = top(app)
        if name == "YearSummaryScene":
            scene = app.manager.top
            drawn = theme.record_start()
            frame(app)
            theme.record_stop()
            click(app, "full-log")  # the year's log is one click deeper
            full = theme.record_start()
            frame(app)
            theme.record_stop()
            summaries[scene.viewer] = " ".join(drawn + full)
            click(app, "close")
        elif name == "HandOverScene":
            click(app, "ready")
        elif name == "EventCardsScene":
            click(app, "next")
        elif s.world.year > 2015 and len(summaries) == 2:
            break
        elif s.human_to_move():
            s.act(EndTurn(s.current()))
            frame(app)
        else:
            frame(app)
    assert set(summaries) == {"japan", "china"}
    assert "Japan offers Kazakhstan" in summaries["japan"]  # the private log line of the offer itself
    assert "Japan offers Kazakhstan" not in summaries["china"]


def test_run_opens_a_window_and_quits(home, monkeypatch):
    """run() opens the window on the main menu, leaves on a QUIT event and remembers the settings."""
    from game.ui import app as app_mod
    from game.ui.menu import MainMenuScene

    class QuitSoon(MainMenuScene):
        def enter(self):
            pygame.event.post(pygame.event.Event(pygame.QUIT))

    monkeypatch.setattr(app_mod, "first_scene", lambda app, ns=None: QuitSoon())
    assert app_mod.run(None) == 0
    assert (home / "settings.json").is_file()
    assert pygame.display.get_surface().get_size()[0] >= app_mod.MIN_SIZE[0]


def test_brackets_select_states_and_corridors_from_the_keyboard():
    """] steps the selection through the C5 states and then the corridors."""
    app = make_app()
    s = start_game(app, ("japan",))
    while top(app) != "GameScene":
        click(app, "next")
    game = app.manager.top
    frame(app)
    first = game.selected
    key(app, pygame.K_RIGHTBRACKET)
    assert game.selected != first and game.selected in s.world.economies
    for _ in range(len(s.world.c5())):
        key(app, pygame.K_RIGHTBRACKET)
    assert game.selected in s.world.corridors


def test_new_game_embeds_its_scenario_and_autosaves_each_year(home):
    """A game started from the setup screen saves with its scenario inside and autosaves at each year's end."""
    from game.ui.setup import SetupScene
    app = make_app()
    setup = SetupScene()
    app.manager.push(setup)
    choose_short(app)
    setup.seats = {p: (False, "easy") for p in setup.seats}
    setup.start()
    session = app.manager.top.session
    assert session.scenario_raw and session.scenario_raw["scenario"]["id"] == "short"
    session.run_ai()
    saves = sorted((home / "saves").glob("*.json"))
    assert len(saves) == 2  # one per finished year of the two-year scenario


def test_quick_save_and_quick_load_keys(home):
    """F5 writes the quick-save slot; F9 brings that game back on a fresh play screen."""
    from game.ui.setup import SetupScene
    app = make_app()
    setup = SetupScene()
    app.manager.push(setup)
    choose_short(app)
    setup.start()
    from game.ui.game import GameScene
    game = next(s for s in app.manager.stack if isinstance(s, GameScene))
    game.quicksave()
    assert game.message and list((home / "saves").glob("*.json"))
    year = game.session.world.year
    game.quickload()
    loaded = next(s for s in app.manager.stack if isinstance(s, GameScene))
    assert loaded is not game and loaded.session.world.year == year
