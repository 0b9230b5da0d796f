"""The play screen's cached layers, the ellipsis helper, button labels that fit, and what the menu imports."""
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.ui import theme

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 720)


@pytest.fixture(autouse=True)
def pg(tmp_path, monkeypatch):
    pygame.init()
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))
    theme.set_scale(1.0)
    yield


def frame(app, events=()):
    app.dirty = True
    app.step(1 / 60, list(events))


def play_app(humans=("japan",)):
    """The app with the play screen of a 2015 game on top (the opening cards closed), a person to move."""
    from game.scenario.loader import load
    from game.session import Seat, Session
    from game.ui.app import App, Settings
    from game.ui.game import GameScene
    w = load("2015").world
    s = Session.start(w, {p: Seat(p, p in humans) for p in w.order}, 3)
    s.run_ai()
    app = App(pygame.Surface(SIZE), Settings(*SIZE), Path(os.devnull))
    game = GameScene(s)
    app.manager.push(game)
    while app.manager.top is not game:
        app.manager.pop()
    frame(app)
    return app, game, s


def paints(game):
    return {name: lay.paints for name, lay in game.layers.items()}


def move(app, pos):
    frame(app, [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))])


# --- the ellipsis helper ---------------------------------------------------------------------

def test_fit_keeps_short_text_and_ellipsizes_long_text():
    """Text that fits comes back whole; longer text is cut to the width and ends with an ellipsis."""
    short = "Kazakhstan"
    assert theme.fit(short, 400, 14) == short
    long = "Central Asia-China gas pipeline (lines A, B, C) (Operating)"
    for width in (60, 120, 200):
        out = theme.fit(long, width, 14)
        assert out.endswith(theme.ELLIPSIS) and out != long
        assert theme.font(14).size(out)[0] <= width
        assert long.startswith(out[:-1].rstrip())
    assert theme.fit(long, 2, 14) in ("", theme.ELLIPSIS)


def test_text_with_width_draws_the_shortened_string():
    """theme.text(width=...) draws the ellipsized string, inside the width."""
    surf = pygame.Surface((300, 40))
    drawn = theme.record_start()
    r = theme.text(surf, "A very long route name that cannot possibly fit in the panel", (0, 0), 14, width=150)
    theme.record_stop()
    assert r.width <= 150 and drawn[-1].endswith(theme.ELLIPSIS)


def test_button_label_shrinks_then_ellipsizes_with_the_full_label_as_tooltip():
    """A button never clips its label: it uses a smaller size, then an ellipsis, and the tooltip gives it whole."""
    from game.ui.widgets import UIScene
    scene = UIScene()
    surf = pygame.Surface((400, 100))
    label = "Central Asia + Japan dialogue: ministers' meeting in Tokyo"
    drawn = theme.record_start()
    b = scene.button(surf, (10, 10, 160, 30), label, size=13)
    theme.record_stop()
    shown = drawn[-1]
    assert shown != label and shown.endswith(theme.ELLIPSIS)
    assert theme.font(12).size(shown)[0] <= 160
    assert b.tooltip == label
    ok = scene.button(surf, (10, 50, 300, 30), "Close", size=16)
    assert ok.tooltip == ""


# --- the play screen's layers ----------------------------------------------------------------

def test_layers_are_not_repainted_when_nothing_changed():
    """Frames with nothing new only blit the cached layers; the map is not recomposed either."""
    app, game, _ = play_app()
    before, composes = paints(game), game.map.composes
    assert set(before) == {"top", "panel", "actions", "feed"}
    for _ in range(5):
        frame(app)
    assert paints(game) == before
    assert game.map.composes == composes
    assert game.find("end") is not None and game.find("tab-state") is not None  # cached buttons still answer


def test_selection_repaints_the_panel_only():
    """Selecting another state repaints the panel, not the top bar, action bar or feed."""
    app, game, s = play_app()
    before = paints(game)
    others = [c for c in s.world.c5() if c != game.selected]
    game.selected = others[0]
    frame(app)
    after = paints(game)
    assert after["panel"] == before["panel"] + 1
    assert {k: after[k] for k in ("top", "actions", "feed")} == {k: before[k] for k in ("top", "actions", "feed")}


def test_a_new_world_repaints_every_layer():
    """An action (a new World) repaints every layer, and the panel shows the new numbers."""
    from game.rules.actions import EndTurn
    app, game, s = play_app(humans=("japan", "china"))
    before = paints(game)
    s.act(EndTurn(s.current()))
    game.draw(pygame.Surface(SIZE))
    after = paints(game)
    assert all(after[k] > before[k] for k in before), (before, after)


def test_hovering_a_button_lights_it_without_repainting_a_layer():
    """The mouse over an action button lights that button (hover colour) over the kept action bar, and no layer is
    repainted; moving on puts the bar back as it was; over the map, nothing is repainted either."""
    app, game, _ = play_app()
    before = paints(game)
    end = game.find("end").rect
    corner = (end.left + theme.px(8), end.centery)  # inside the button, clear of its label
    unlit = app.screen.get_at(corner)
    move(app, end.center)
    assert paints(game) == before
    assert app.screen.get_at(corner) == theme.BUTTON_HOVER and unlit != theme.BUTTON_HOVER
    move(app, (end.right + theme.px(400), end.centery))
    assert app.screen.get_at(corner) == unlit and paints(game) == before
    sea = (game.map_rect.left + 3, game.map_rect.top + 3)
    move(app, sea)
    again = paints(game)
    move(app, (sea[0] + 1, sea[1] + 1))
    assert paints(game) == again


def test_tabs_and_scroll_repaint_their_layers():
    """The agenda tab repaints the panel; scrolling the feed repaints the feed."""
    app, game, _ = play_app()
    before = paints(game)
    game.tab = "agenda"
    game.feed_scroll = 1
    frame(app)
    after = paints(game)
    assert after["panel"] == before["panel"] + 1 and after["feed"] == before["feed"] + 1


def test_cached_layers_still_name_their_strings_to_a_recording():
    """A recording made on a frame that only blits still sees every string on screen (privacy tests rely on it)."""
    app, game, s = play_app()
    frame(app)
    drawn = theme.record_start()
    frame(app)
    theme.record_stop()
    assert any(s.world.powers["japan"].name in t for t in drawn)
    assert any(t.startswith(str(s.world.year)) for t in drawn)


def test_thinking_shows_only_while_an_ai_seat_moves():
    """The top bar says Thinking... while an AI seat is to move, and not once a person is."""
    from game.ui.i18n import tr
    app, game, s = play_app()
    drawn = theme.record_start()
    frame(app)
    theme.record_stop()
    assert s.human_to_move() and tr("top.thinking") not in drawn
    from game.rules.actions import EndTurn
    s.act(EndTurn(s.current()))  # China (AI) is to move now; draw without letting it think
    assert not s.human_to_move()
    surf = pygame.Surface(SIZE)
    drawn = theme.record_start()
    game.draw(surf)
    theme.record_stop()
    assert tr("top.thinking") in drawn


def test_long_route_names_are_ellipsized_in_the_panel():
    """Every string the panel draws fits the panel's width."""
    app, game, s = play_app()
    rect = game.layout(SIZE)["panel"]
    for c in s.world.c5():
        game.selected = c
        frame(app)
        drawn = game.layers["panel"].strings
        assert any(s.world.powers[c].name.upper() in t for t in drawn)
        for t in drawn:
            assert theme.font(14).size(t)[0] <= rect.width - theme.px(20), t


# --- sources, saves, debrief ------------------------------------------------------------------

def test_event_sources_name_the_seed_document_by_its_title():
    """A seed file name is replaced by its short title (a note after it kept); other sources are shown as written."""
    from game.ui import words
    titles = words.source_titles()
    assert len(titles) == 5
    out = words.titled("001_78d6b60161a582b5.txt")
    assert out == titles['001_78d6b60161a582b5.txt'] and ".txt" not in out
    noted = words.titled("000_81351d1bb27a5d01.txt (Turkey courted the region); public record (1992)")
    assert noted == f"{titles['000_81351d1bb27a5d01.txt']} (Turkey courted the region); public record (1992)"
    assert words.titled("public record (1997)") == "public record (1997)"


def test_readable_save_time():
    """A save's ISO time stamp is shown as a date and a time, not as ISO text."""
    from game.ui.menu import readable_time
    out = readable_time("2026-11-22T13:49:07")
    assert out == "22 Nov 2026, 13:49"
    assert "2026" in readable_time("2026-11-22T13:49:07+00:00") and "T" not in readable_time("2026-11-22T13:49:07+00:00")
    assert readable_time("garbage") == "garbage"


def test_save_times_read_the_readers_way():
    """The load screen's dates follow the chosen language: 年月日 in Japanese and Chinese, Russian month names,
    never an English month name outside English."""
    from game import text
    from game.ui.menu import readable_time
    english = [text.render(text.msg(f"time.month.{m}"), "en") for m in range(1, 13)]
    said = {}
    try:
        for lang in text.LANGUAGES:
            text.set_language(lang)
            said[lang] = [readable_time(f"2026-{m:02d}-0{m % 9 + 1}T0{m % 10}:05:00") for m in range(1, 13)]
    finally:
        text.set_language("en")
    assert said["en"][10] == "3 Nov 2026, 01:05"
    assert said["ja"][10] == "2026年11月3日 01:05" and said["zh-TW"][0] == "2026年1月2日 01:05"
    assert said["ru"][4] == "6 мая 2026 г., 05:05"
    for lang in text.LANGUAGES[1:]:
        assert not [s for s in said[lang] for name in english if name in s], (lang, said[lang])
    assert len(set(said["ru"])) == 12 and len({s.split()[1] for s in said["ru"]}) == 12


def _load_list_drawn(app):
    """The load scene, entered and drawn once, and every text it drew."""
    from game.ui.menu import LoadScene
    scene = LoadScene()
    scene.manager = app.manager
    scene.enter()
    drawn = theme.record_start()
    scene.draw(pygame.Surface(SIZE))
    theme.record_stop()
    return scene, drawn


def test_load_list_shows_title_year_seats_and_broken_saves(tmp_path):
    """Each row names the scenario, year, readable time and human seats; a broken file shows its sentence."""
    from game.save import save
    app, game, s = play_app()
    save(s, tmp_path / "saves" / "one.json")
    (tmp_path / "saves" / "bad.json").write_text("{ not json", "utf-8")
    scene, drawn = _load_list_drawn(app)
    text = " | ".join(drawn)
    assert str(s.world.year) in text and "Japan" in text
    assert "T1" not in text and "+00:00" not in text
    broken = next(b for b in scene.buttons if b.id.startswith("save") and not b.enabled)
    assert broken.tooltip and any(broken.tooltip[:20] in t or t.rstrip(theme.ELLIPSIS) in broken.tooltip
                                  for t in drawn if t)


def test_load_list_speaks_the_readers_language(tmp_path):
    """In Japanese a save's row gives the scenario's Japanese title, the seats' Japanese names, the computer
    players and a 年月日 date; in Russian the Russian ones: no English left from when the game was saved."""
    from game import text
    from game.fileio import write_atomic
    from game.save import dumps
    app, game, s = play_app()
    (tmp_path / "saves").mkdir(exist_ok=True)
    write_atomic(tmp_path / "saves" / "one.json", dumps(s, saved_at="2026-11-22T13:49:07"))
    said = {}
    try:
        for lang in ("ja", "ru"):
            text.set_language(lang)
            said[lang] = " | ".join(_load_list_drawn(app)[1])
    finally:
        text.set_language("en")
    assert "一帯一路" in said["ja"] and "日本" in said["ja"] and "年11月22日" in said["ja"], said["ja"]
    assert "Пояс и путь" in said["ru"] and "Япония" in said["ru"] and "22 нояб. 2026" in said["ru"], said["ru"]
    for lang, shown in said.items():
        assert not [w for w in ("Japan", "Belt and Road", "Nov", " AI", "saved") if w in shown], (lang, shown)


def test_debrief_scores_title_and_export_preview():
    """While the game runs the scores chart says 'so far'; the export tab lists the files before exporting."""
    from game.ui.debrief import TABS, DebriefScene
    from game.ui.i18n import tr
    app, game, s = play_app()
    scene = DebriefScene(s, reference=None)
    titles = [c.title for c in scene.charts_for_tab("scores")]
    assert tr("debrief.chart.scores_so_far") in titles and tr("debrief.chart.final_scores") not in titles
    scene.set_tab(TABS.index("export"))
    drawn = theme.record_start()
    scene.draw(pygame.Surface(SIZE))
    theme.record_stop()
    assert any("game_log.csv" in t for t in drawn)
    assert sum(".png" in t for t in drawn) >= len(scene.all_charts()) - 1


def test_main_menu_draws_without_importing_the_game():
    """Launching to the main menu imports neither the save code (nor the engine behind it) nor the rules reference."""
    code = ("import os, sys, pygame\n"
            "from game.ui.demo import startup_probe\n"
            "startup_probe()\n"
            "print(sorted(m for m in ('game.save', 'game.engine', 'game.session', 'game.ui.rules_ref',"
            " 'game.ui.charts') if m in sys.modules))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout


def test_text_cache_is_bounded_by_bytes_least_recently_used_out():
    """The rendered-text cache keeps at most its limit in pixel bytes, dropping the least recently used line."""
    cache = theme.SurfaceCache(3 * 100 * 4 * 10)
    lines = [pygame.Surface((100, 10), pygame.SRCALPHA) for _ in range(4)]
    for i, surf in enumerate(lines[:3]):
        cache.put(i, surf)
    assert cache.get(0) is lines[0]  # 0 is now the most recently used
    cache.put(3, lines[3])
    assert cache.get(1) is None and cache.get(0) is lines[0] and cache.get(3) is lines[3]
    assert cache.bytes <= cache.limit and len(cache) == 3
    for i in range(200):
        theme.render(f"line {i} of a long text that fills the cache", 16)
    assert theme._cache.bytes <= theme.TEXT_CACHE_BYTES


# --- what dialogs keep between frames ----------------------------------------------------------

def hovered_between(monkeypatch, app, scene, first: str, second: str):
    """`scene` pushed and drawn, then the mouse moved from its button `first` to `second` and back: the count of its
    draws (`counting_draws`) and the two buttons' rects."""
    app.manager.push(scene)
    calls = counting_draws(monkeypatch, scene)
    frame(app)
    a, b = scene.find(first).rect, scene.find(second).rect
    for pos in (a.center, b.center, a.center):
        move(app, pos)
    return calls, a, b


def counting_draws(monkeypatch, scene, method: str = "draw"):
    """Count the calls of `scene.draw` (or another drawing method of it)."""
    calls = [0]
    real = getattr(scene, method)

    def counted(surface):
        calls[0] += 1
        real(surface)
    monkeypatch.setattr(scene, method, counted)
    return calls


def test_a_dialog_reuses_the_picture_below_it_until_the_play_screen_changes(monkeypatch):
    """Over an open dialog the play screen is drawn once, then its picture (dimmed) is blitted; a new World below
    (an action taken from the dialog) or another language draws it again."""
    from game.rules.actions import Summit
    from game.ui import dialogs
    app, game, s = play_app()
    calls = counting_draws(monkeypatch, game)
    frame(app)
    frame(app)
    assert calls[0] == 1  # alone on the stack: kept while nothing it shows changes (see the next test)
    app.manager.push(dialogs.ActionListScene(game, "summit", ("summit",)))
    frame(app)
    first = app.screen.copy()
    for pos in ((300, 300), (900, 500), (300, 300)):
        move(app, pos)
    assert calls[0] == 2, "the covered play screen was drawn again though nothing below changed"
    assert app.screen.get_at((5, 5)) == first.get_at((5, 5))  # the kept picture, dimmed as before
    summit = next(a for a in s.legal() if isinstance(a, Summit))
    s.act(summit)
    frame(app)
    assert calls[0] == 3  # the World below changed: drawn again
    app.set_language("ja", remember=False)
    frame(app)
    assert calls[0] == 4
    app.set_language("en", remember=False)


def test_the_play_screen_is_painted_once_while_the_mouse_moves_over_the_map_and_buttons(monkeypatch):
    """Alone on the stack the play screen is a kept picture: moving between map objects and buttons lights them
    over it (the same pixels as a full repaint); a new selection paints it again."""
    from bench.frame import map_objects
    app, game, s = play_app()
    state, route = map_objects(app)
    calls = counting_draws(monkeypatch, game)
    frame(app)
    button = next(b for b in game.buttons if b.enabled).rect.center
    for pos in (route, state, button, route):
        move(app, pos)
    assert calls[0] == 1 and game.hover in s.world.corridors
    kept = pygame.image.tobytes(app.screen, "RGB")
    app.manager._still_key = None  # forget the picture: a full repaint with the mouse where it is
    frame(app)
    assert calls[0] == 2 and pygame.image.tobytes(app.screen, "RGB") == kept
    game.selected = game.hover
    frame(app)
    assert calls[0] == 3


def test_the_dimmer_is_laid_once_per_dialog_over_the_one_below():
    """A dialog over a dialog dims twice: the corner of the screen is darker than under one dialog."""
    from game.ui import confirm, dialogs
    app, game, s = play_app()
    bare = app.screen.get_at((5, 5))
    app.manager.push(dialogs.PauseScene(game))
    frame(app)
    once = app.screen.get_at((5, 5))
    app.manager.push(confirm.ConfirmScene("?", "Yes", lambda: None))
    frame(app)
    twice = app.screen.get_at((5, 5))
    assert sum(bare[:3]) > sum(once[:3]) > sum(twice[:3])


def test_the_action_lists_ask_the_rules_once_per_world(monkeypatch):
    """Desk.candidates works a verb list's actions out once per World (a dialog asks on every frame)."""
    import game.rules.legal as legal
    from game.rules.actions import Summit
    app, game, s = play_app()
    asked = [0]
    real = legal.menu

    def menu(w, p):
        asked[0] += 1
        return real(w, p)
    monkeypatch.setattr(legal, "menu", menu)
    first = game.desk.candidates(("summit",))
    assert game.desk.candidates(("summit",)) is first and asked[0] == 1
    game.desk.candidates(("aid",))
    assert asked[0] == 2
    s.act(next(a for a in s.legal() if isinstance(a, Summit)))
    again = game.desk.candidates(("summit",))
    assert asked[0] == 3 and again is not first  # a new World: asked again


def test_the_year_summary_works_its_rows_out_once_per_page_and_language(monkeypatch):
    """The year summary's rows are kept between frames; the full log and another language work them out again."""
    from game.ui import summary
    from game.ui.tour import played_session
    from game.ui.app import App, Settings
    s = played_session()
    app = App(pygame.Surface(SIZE), Settings(*SIZE), Path(os.devnull))
    scene = summary.YearSummaryScene(s, s.year_worlds[-2] if len(s.year_worlds) > 1 else s.start_world,
                                     s.year_worlds[-1], s.year_marks[-1].year, "japan")
    app.manager.push(scene)
    made = [0]
    real = scene.rows

    def rows():
        made[0] += 1
        return real()
    monkeypatch.setattr(scene, "rows", rows)
    for _ in range(3):
        frame(app)
    assert made[0] == 1
    scene.toggle()
    frame(app)
    frame(app)
    assert made[0] == 2
    app.set_language("ru", remember=False)
    frame(app)
    assert made[0] == 3
    app.set_language("en", remember=False)


def test_the_debrief_keeps_its_picture_until_what_it_shows_changes(monkeypatch):
    """A debrief frame with nothing new blits the kept picture (its click regions still answer); another tab,
    another language or another window size paints it again."""
    from game.ui.app import App, Settings
    from game.ui.debrief import DebriefScene
    from game.ui.tour import played_session
    scene = DebriefScene(played_session())
    app = App(pygame.Surface(SIZE), Settings(*SIZE), Path(os.devnull))
    app.manager.push(scene)
    painted = counting_draws(monkeypatch, scene, "paint")
    frame(app)
    hits = list(scene.hits)
    first = app.screen.copy()
    app.screen.fill((0, 0, 0))
    frame(app)
    assert painted[0] == 1 and scene.hits == hits and hits
    assert app.screen.get_at((40, 40)) == first.get_at((40, 40))
    scene.set_tab(1)
    frame(app)
    assert painted[0] == 2
    app.set_language("ru", remember=False)
    frame(app)
    app.set_language("en", remember=False)
    assert painted[0] == 3
    app.screen = pygame.Surface((1920, 1080))
    frame(app)
    assert painted[0] == 4  # English again and the new size, in one frame


def test_hovering_the_map_lights_the_route_without_composing_the_map_again():
    """Moving between a state and a corridor lights each in turn on top of the kept map (no new composition),
    and the names and labels stay on top of the light."""
    from bench.frame import map_objects
    app, game, s = play_app()
    state, route = map_objects(app)
    composes = game.map.composes
    rect = game.map_rect
    plain = app.screen.subsurface(rect).copy()
    move(app, route)
    assert game.hover in s.world.corridors
    lit_route = app.screen.subsurface(rect).copy()
    move(app, state)
    assert game.hover in s.world.economies
    lit_state = app.screen.subsurface(rect).copy()
    assert game.map.composes == composes
    changed = [sum(1 for x in range(0, rect.width, 3) for y in range(0, rect.height, 3)
                   if a.get_at((x, y)) != plain.get_at((x, y))) for a in (lit_route, lit_state)]
    assert all(n > 20 for n in changed), changed
    _, base, on_top = game.map._base
    label = on_top[-2]  # a state's label box (the legend is last)
    assert lit_route.subsurface(label).get_at((label.w // 2, label.h // 2)) == base.subsurface(label).get_at((label.w // 2, label.h // 2))


def test_a_still_dialog_is_painted_once_and_lights_the_hovered_button_over_its_picture(monkeypatch):
    """The pause menu over the play screen is painted once; moving the mouse between its buttons lights each over
    the kept picture (the same pixels a full repaint gives); scrolling the summary paints it again."""
    from game.ui import dialogs
    app, game, s = play_app()
    calls, resume, settings = hovered_between(monkeypatch, app, dialogs.PauseScene(game), "resume", "settings")
    assert calls[0] == 1
    lit = app.screen.copy()
    app.manager._still_key = None  # forget the picture: a full repaint with the mouse where it is
    frame(app)
    assert calls[0] == 2
    assert all(lit.get_at(p) == app.screen.get_at(p) for p in (resume.center, (resume.left + 3, resume.centery),
                                                                  (settings.left + 3, settings.centery)))
    assert app.screen.get_at((resume.left + 3, resume.centery)) == theme.BUTTON_HOVER
    assert app.screen.get_at((settings.left + 3, settings.centery)) != theme.BUTTON_HOVER


def test_scrolling_the_scoreboard_paints_it_again(monkeypatch):
    """A still dialog's picture follows its state: the scroll is part of it."""
    from game.ui.scoreboard import ScoreboardScene
    app, game, s = play_app()
    board = ScoreboardScene(game)
    app.manager.push(board)
    calls = counting_draws(monkeypatch, board)
    frame(app)
    frame(app)
    assert calls[0] == 1
    board.scroll += 1
    frame(app)
    assert calls[0] == 2


def test_an_action_list_keeps_its_picture_and_draws_the_pointed_preview_over_it(monkeypatch):
    """Moving the mouse between the rows of an action list paints the list once; the pointed action's preview is
    drawn over the kept picture, with the same pixels as a full repaint, and its strings reach a recording."""
    from game.rules.actions import EndTurn
    from game.ui import dialogs, words
    app, game, s = play_app()
    while not (s.world.phase == "actions" and s.current() == "japan"):
        s.act(EndTurn("japan")) if s.human_to_move() else s.ai_step()
    listing = dialogs.ActionListScene(game, "aid", ("aid",))
    app.manager.push(listing)
    calls = counting_draws(monkeypatch, listing)
    frame(app)
    rows = [b for b in listing.buttons if b.id.startswith("act")]
    assert len(rows) >= 3
    for row in (rows[0], rows[2], rows[0], rows[2]):
        drawn = theme.record_start()
        move(app, row.rect.center)
        theme.record_stop()
    assert calls[0] == 1
    pointed = dict(listing.rows_shown)[rows[2].id]
    assert words.action(s.world, pointed) in drawn and "preview.hover" not in drawn
    kept = pygame.image.tobytes(app.screen, "RGB")
    app.manager._still_key = None  # forget the picture: a full repaint with the mouse where it is
    frame(app)
    assert calls[0] == 2
    assert pygame.image.tobytes(app.screen, "RGB") == kept
    move(app, (2, 2))  # off the rows: the hint again, from the kept picture
    assert calls[0] == 2
    assert pygame.image.tobytes(app.screen, "RGB") != kept


def test_moving_between_map_objects_lights_each_from_a_kept_part(monkeypatch):
    """Each hovered object's lit part of the map is drawn once per composed map; moving back and forth blits it."""
    from bench.frame import map_objects
    from game.ui.mapview import MapView
    app, game, s = play_app()
    state, route = map_objects(app)
    parts = []
    real = MapView._lit_part

    def counted(self, world, hover, selected):
        parts.append(hover)
        return real(self, world, hover, selected)
    monkeypatch.setattr(MapView, "_lit_part", counted)
    shots = []
    for pos in (route, state, route, state):
        move(app, pos)
        shots.append(pygame.image.tobytes(app.screen, "RGB"))
    assert len(parts) == 2 and parts[0] in s.world.corridors and parts[1] in s.world.economies
    assert shots[0] == shots[2] and shots[1] == shots[3] and shots[0] != shots[1]


def test_a_tooltip_is_composed_once_and_still_named_to_a_recording(monkeypatch):
    """The same tooltip frame after frame is one kept picture (moved with the mouse), and a recording of a frame
    that only blits it still hears its words."""
    from game.ui import widgets
    wraps = [0]
    real = theme.wrap

    def counted(*args, **kwargs):
        wraps[0] += 1
        return real(*args, **kwargs)
    monkeypatch.setattr(theme, "wrap", counted)
    surface = pygame.Surface(SIZE)
    words = "A tooltip long enough to wrap onto a second line when it is drawn at the usual width of tooltips."
    widgets.tooltip_box(surface, words, (100, 100))
    first = surface.subsurface((100, 100, 300, 60)).copy()
    surface.fill((0, 0, 0))
    drawn = theme.record_start()
    widgets.tooltip_box(surface, words, (300, 200))
    theme.record_stop()
    assert wraps[0] == 1
    assert pygame.image.tobytes(surface.subsurface((300, 200, 300, 60)), "RGB") == pygame.image.tobytes(first, "RGB")
    assert " ".join(drawn).split() == words.split()


def test_the_main_menu_is_painted_once_while_the_mouse_moves_between_its_buttons(monkeypatch):
    """The main menu is a still scene: moving between its buttons lights each over the kept picture (the same pixels
    as a full repaint); the keyboard focus and the language paint it again."""
    from game.ui.app import App, Settings
    from game.ui.menu import MainMenuScene
    app = App(pygame.Surface(SIZE), Settings(*SIZE), Path(os.devnull))
    menu = MainMenuScene()
    calls, new, _ = hovered_between(monkeypatch, app, menu, "new", "quit")
    assert calls[0] == 1
    kept = pygame.image.tobytes(app.screen, "RGB")
    app.manager._still_key = None  # forget the picture: a full repaint with the mouse where it is
    frame(app)
    assert calls[0] == 2 and pygame.image.tobytes(app.screen, "RGB") == kept
    assert app.screen.get_at((new.left + 3, new.centery)) == theme.BUTTON_HOVER
    menu.focus_id = "quit"
    frame(app)
    assert calls[0] == 3
    app.set_language("ja", remember=False)
    frame(app)
    assert calls[0] >= 4
    app.set_language("en", remember=False)
