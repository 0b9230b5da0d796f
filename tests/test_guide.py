"""The players' guide and the guided first year: every page whole in every language and size, reachable from the
menu and the play screen, and a guided year completed by scripted input events, headlessly."""
import json
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game import text
from game.text import LANGUAGES
from game.ui import theme
from tests.test_ui_flow import frame
from tests.test_ui_flow import make_app as flow_app

SIZES = ((1024, 600), (1280, 720), (1920, 1080))


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """A private HEARTLAND_HOME (the settings file is written there)."""
    pygame.init()
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))
    yield tmp_path
    theme.set_scale(1.0)
    text.set_language("en")


def make_app(size=(1280, 720), lang="en", first=None):
    """The test app (tests.test_ui_flow), in English unless told."""
    return flow_app(size, lang, first)


def click_at(app, pos):
    frame(app, [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)])


def click(app, bid):
    """Click a button of the top scene, as a player would."""
    frame(app)
    b = app.manager.top.find(bid)
    assert b is not None, (bid, type(app.manager.top).__name__, [x.id for x in app.manager.top.buttons])
    assert b.enabled, (bid, b.tooltip)
    click_at(app, b.rect.center)


def key(app, k):
    frame(app, [pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="")])


def top(app):
    return type(app.manager.top).__name__


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_guide_page_shows_whole_in_every_language_and_size(lang):
    """Each page at 1024x600, 1280x720 and 1920x1080: scrolled to its end it has shown every line of its text,
    nothing was cut, ellipsized or drawn without a glyph, no id, file name or hash shows, and it is in `lang`."""
    from game.ui.guide import PAGES, page_lines
    from tests.test_ui_words import id_like
    have = set().union(*(theme.coverage(f) for f in theme.faces(lang)))
    for size in SIZES:
        from game.ui.guide import GuideScene
        guide = GuideScene()
        app = make_app(size, lang, guide)
        for i, page in enumerate(PAGES):
            guide.page, guide.scroll, seen, drawn = i, 0, [], []
            for _ in range(20):
                cuts = theme.cuts_start()
                got = theme.record_start()
                try:
                    app.manager.draw(app.screen)
                finally:
                    theme.record_stop()
                    theme.cuts_stop()
                assert not cuts, (lang, size, page.name, cuts[:5])
                seen += guide.shown_lines
                drawn += got
                if not guide.more:
                    break
                key(app, pygame.K_PAGEDOWN)
            width = guide.body_width
            assert [ln for ln in page_lines(page, width) if ln] == [ln for ln in dict.fromkeys(seen) if ln], (lang, size, page.name)
            assert not [s for s in drawn if theme.ELLIPSIS in s], (lang, size, page.name)
            assert not [s for s in drawn if id_like(s)], (lang, size, page.name, [id_like(s) for s in drawn if id_like(s)])
            boxes = sorted({c for s in drawn for c in s if c.isprintable() and not c.isspace() and ord(c) not in have})
            assert not boxes, (lang, page.name, boxes[:10])
            if lang != "en":
                assert any(ord(c) > 0x3000 or 0x400 <= ord(c) < 0x500 for c in tr_title(page)), page.name
        theme.set_scale(1.0)


def tr_title(page):
    from game.ui.i18n import tr
    return tr(f"guide.{page.name}.title")


def test_a_long_page_scrolls_on_a_small_window_with_a_large_interface():
    """At UI scale 1.5 on 1024x600 a page longer than its room says more is below, and Page Down shows the rest."""
    from game.ui.app import App, Settings
    from game.ui.guide import PAGES, GuideScene
    guide = GuideScene(page=[p.name for p in PAGES].index("actions"))
    app = App(pygame.Surface((1024, 600)), Settings(1024, 600, scale=1.5, language="ru"))
    app.manager.push(guide)
    frame(app)
    assert guide.more
    first = list(guide.shown_lines)
    key(app, pygame.K_PAGEDOWN)
    assert guide.scroll > 0 and guide.shown_lines != first


def test_the_guide_opens_from_the_menu_the_play_screen_and_the_pause_menu():
    """Main menu: its button and F1; play screen: the ? button and F1; the pause menu's row. Esc goes back."""
    from game.ui.game import GameScene
    from game.ui.tutorial import new_guided_game
    app = make_app()
    click(app, "guide")
    assert top(app) == "GuideScene"
    click(app, "guide-next")
    assert app.manager.top.page == 1
    key(app, pygame.K_ESCAPE)
    assert top(app) == "MainMenuScene"
    key(app, pygame.K_F1)
    assert top(app) == "GuideScene"
    key(app, pygame.K_ESCAPE)
    game = GameScene(new_guided_game())
    app.manager.replace(game)
    while top(app) != "GameScene":
        key(app, pygame.K_ESCAPE)  # the year's event cards
    key(app, pygame.K_F1)
    assert top(app) == "GuideScene" and app.manager.top.session is game.session
    key(app, pygame.K_ESCAPE)
    click(app, "guide")
    assert top(app) == "GuideScene"
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_ESCAPE)
    assert top(app) == "PauseScene"
    click(app, "guide")
    assert top(app) == "GuideScene"


def drive_guided_year(app, limit=600):
    """Do what the coach says, by clicking the outlined button (Esc to close a window, a frame to wait);
    returns the steps seen in order."""
    steps = []
    for _ in range(limit):
        frame(app)
        coach = app.manager.coach
        if coach is None:
            return steps
        cuts = theme.cuts_start()
        try:
            coach.draw(app.screen, app.manager)  # the banner: its text whole, inside the window
        finally:
            theme.cuts_stop()
        assert not cuts, (coach.step, cuts[:5])
        if not steps or steps[-1] != coach.step:
            steps.append(coach.step)
        if coach.step == "done":
            click_at(app, coach.find("tutorial-finish")[0].center)
        elif coach.target:
            b = app.manager.top.find(coach.target)
            assert b is not None and b.enabled, (coach.step, coach.target, top(app))
            click_at(app, b.rect.center)
        elif coach.step in ("back", "answers"):
            key(app, pygame.K_ESCAPE)
    raise AssertionError(steps)


def test_the_guided_year_is_completed_by_scripted_clicks_and_remembered():
    """From the guide: a new 2015 game with a coach; following its outlined buttons the player sends one offer,
    takes one action, ends the year and reads the summary; then the coach finishes and the settings file says so."""
    app = make_app()
    click(app, "guide")
    click(app, "guide-tutorial")
    assert top(app) in ("GameScene", "EventCardsScene") and app.manager.coach is not None
    session, seat = app.manager.coach.session, app.manager.coach.seat
    steps = drive_guided_year(app)
    for needed in ("offer_open", "offer_compose", "offer_send", "action_open", "action_pick", "end_turn", "summary",
                   "done"):
        assert needed in steps, (needed, steps)
    assert steps.index("offer_send") < steps.index("action_pick") < steps.index("summary") < steps.index("done")
    assert any(o.sender == seat for o in session.world.offers.values()) or any(
        a.startswith(f"propose {seat}") for a in session.actions)
    assert any(a.split()[0] in ("aid", "build", "develop", "join", "policy", "upgrade", "refine", "water", "tender",
                                "tariff", "leave", "convene", "entry") and a.split()[1] == seat for a in session.actions)
    assert session.world.year == session.world.start_year + 1
    assert app.manager.coach is None and app.settings.guided_done
    from game.paths import settings_file
    saved = json.loads(settings_file().read_text("utf-8"))
    assert saved["guided_done"] is True


def test_a_new_2015_game_offers_the_guided_year_once_and_skip_ends_it():
    """Starting the 2015 scenario with a human seat asks once; Yes puts the coach on screen with the first step
    outlined; Skip removes it; the next new game does not ask again."""
    app = make_app()
    click(app, "new")
    setup = app.manager.top
    setup.choose(next(i for i, s in enumerate(setup.scenarios) if s.id == "2015"))
    click(app, "start")
    assert top(app) == "ConfirmScene"
    click(app, "yes")
    coach = app.manager.coach
    assert coach is not None and app.settings.guided_done
    frame(app)
    assert (coach.step, coach.target) in (("cards", "next"), ("handover", "ready"), ("offer_open", "cat-negotiate"))
    click_at(app, coach.find("tutorial-skip")[0].center)
    assert app.manager.coach is None
    from game.ui.menu import MainMenuScene
    app.manager.replace(MainMenuScene())
    click(app, "new")
    app.manager.top.choose(next(i for i, s in enumerate(app.manager.top.scenarios) if s.id == "2015"))
    click(app, "start")
    assert top(app) != "ConfirmScene"


def test_the_settings_switch_the_offer_off_and_on():
    """Off: no offer and it is remembered; On again: offered again at the next 2015 game."""
    from game.ui.app import load_settings
    from game.ui.menu import SettingsScene
    app = make_app()
    app.manager.push(SettingsScene())
    click(app, "guided")
    assert not app.settings.guided_year and load_settings().guided_year is False
    click(app, "guided")
    assert app.settings.guided_year and not app.settings.guided_done and load_settings().guided_year


def test_the_coach_step_follows_the_game_and_the_screen():
    """`step_of` alone: the offer first, then an action, the end of the turn, the summary, done; every step has
    its line in every language."""
    from game.ui.tutorial import STAGES, Moment, new_guided_game, step_of
    for lang in LANGUAGES:
        assert all(f"tutorial.step.{s}" in text.catalogue(lang) for s in STAGES), lang
    w = new_guided_game().world
    from attrs import evolve
    dip, act = evolve(w, phase="diplomacy"), evolve(w, phase="actions")
    y = w.year
    assert step_of(dip, y, frozenset(), Moment(True, "GameScene")) == ("offer_open", "cat-negotiate")
    assert step_of(dip, y, frozenset(), Moment(True, "NegotiationScene")) == ("offer_compose", "add")
    assert step_of(dip, y, frozenset(), Moment(True, "NegotiationScene", drafted=True)) == ("offer_send", "send")
    assert step_of(dip, y, frozenset({"offer"}), Moment(True, "GameScene")) == ("to_actions", "end")
    assert step_of(act, y, frozenset({"offer"}), Moment(True, "GameScene", open_category="aid")) == ("action_open", "cat-aid")
    assert step_of(act, y, frozenset({"offer"}), Moment(True, "ActionListScene")) == ("action_pick", "act0")
    assert step_of(act, y, frozenset({"offer", "action"}), Moment(True, "GameScene")) == ("end_turn", "end")
    assert step_of(act, y, frozenset({"offer", "action"}), Moment(True, "ConfirmScene")) == ("end_confirm", "yes")
    assert step_of(act, y, frozenset(), Moment(False, "GameScene")) == ("wait", "")
    later = evolve(w, year=y + 1)
    assert step_of(later, y, frozenset({"offer", "action"}), Moment(True, "YearSummaryScene")) == ("summary", "close")
    assert step_of(later, y, frozenset({"summary"}), Moment(True, "GameScene")) == ("done", "")
