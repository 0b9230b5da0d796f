"""The UI headless: the scene stack, the catalogue, and every scene rendering at two sizes."""
import functools
import json
import os
import re
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.ui import i18n, theme
from game.ui.scene import Scene, SceneManager

ROOT = Path(__file__).resolve().parents[1]
SIZES = [(1280, 720), (1920, 1080)]


@pytest.fixture(scope="module", autouse=True)
def pg():
    pygame.init()
    yield


class Recorder(Scene):
    def __init__(self, name, log):
        super().__init__()
        self.name, self.log = name, log

    def enter(self):
        self.log.append(f"{self.name}.enter")

    def exit(self):
        self.log.append(f"{self.name}.exit")

    def pause(self):
        self.log.append(f"{self.name}.pause")

    def resume(self):
        self.log.append(f"{self.name}.resume")


def test_scene_stack_lifecycle():
    """push pauses the scene below, pop resumes it, replace exits every scene."""
    log = []
    m = SceneManager()
    m.push(Recorder("a", log))
    m.push(Recorder("b", log))
    m.pop()
    m.push(Recorder("c", log))
    m.replace(Recorder("d", log))
    assert log == ["a.enter", "a.pause", "b.enter", "b.exit", "a.resume", "a.pause", "c.enter",
                   "c.exit", "a.exit", "d.enter"]
    assert [s.name for s in m.stack] == ["d"]


def test_transparent_overlay_draws_scene_below():
    """A dialog marked transparent lets the scene below draw first; an opaque one hides it."""
    drawn = []

    class S(Scene):
        def __init__(self, name, transparent):
            super().__init__()
            self.name, self.transparent = name, transparent

        def draw(self, surface):
            drawn.append(self.name)

    m = SceneManager()
    m.push(S("game", False))
    m.push(S("dialog", True))
    m.draw(pygame.Surface((10, 10)))
    assert drawn == ["game", "dialog"]
    drawn.clear()
    m.push(S("handover", False))
    m.draw(pygame.Surface((10, 10)))
    assert drawn == ["handover"]


def used_keys() -> set[str]:
    keys = set()
    for path in (ROOT / "game" / "ui").rglob("*.py"):
        keys |= set(re.findall(r'\btr\("([^"{]+)"', path.read_text("utf-8")))
    return keys


def test_every_literal_key_is_in_the_english_catalogue():
    """Every `tr("...")` key used by the UI has an English text."""
    cat = i18n.catalogue("en")
    missing = sorted(k for k in used_keys() if k not in cat)
    assert not missing, missing


def test_catalogues_merge_every_en_file(tmp_path, monkeypatch):
    """en.json and every en_*.json beside it form one English catalogue."""
    (tmp_path / "en.json").write_text(json.dumps({"a": "A"}), "utf-8")
    (tmp_path / "en_debrief.json").write_text(json.dumps({"b": "B {n}"}), "utf-8")
    from game import text
    monkeypatch.setattr(text, "CATALOGUE_DIR", tmp_path)
    monkeypatch.setattr(text, "_cache", {})
    assert i18n.tr("a") == "A" and i18n.tr("b", n=2) == "B 2" and i18n.tr("zz") == "zz"


def make_session(humans=("japan", "china")):
    from game.scenario.loader import load
    from game.session import Seat, Session
    w = load("2015").world
    return Session.start(w, {p: Seat(p, p in humans) for p in w.order}, 7)


def scenes_to_render():
    """Every scene the UI builds, constructed on one session."""
    from game.ui import dialogs, summary
    from game.ui.debrief import TABS, DebriefScene
    from game.ui.game import GameScene
    from game.ui.guide import GuideScene
    from game.ui.menu import LoadScene, MainMenuScene, SettingsScene
    from game.ui.setup import SetupScene
    s = make_session()
    game = GameScene(s)
    w = s.world
    return [
        ("menu", lambda: MainMenuScene()), ("settings", lambda: SettingsScene()), ("load", lambda: LoadScene()),
        ("load-list", lambda: listed_saves(s)),
        ("setup", lambda: SetupScene()), ("game", lambda: game),
        ("actions", lambda: dialogs.ActionListScene(game, "Summit", ("summit",))),
        ("answers", lambda: dialogs.AnswersScene(game)), ("nego", lambda: dialogs.NegotiationScene(game)),
        ("cards", lambda: dialogs.EventCardsScene(w, w.news or tuple(e.id for e in w.events[:1]))),
        ("summary", lambda: summary.YearSummaryScene(s, w, w, w.year, "japan")),
        ("handover", lambda: dialogs.HandOverScene("China")), ("pause", lambda: dialogs.PauseScene(game)),
        ("debrief", lambda: DebriefScene(s)), ("guide", lambda: GuideScene(page=1)),
    ] + [(f"debrief-{tab}", lambda i=i: debrief_tab(played_session(), i)) for i, tab in enumerate(TABS)]


@functools.cache
def played_session():
    """A 2015 game the computer players have played for three years (its charts and year by year have lines)."""
    from game.model.ops import evolve
    from game.scenario.loader import load
    from game.session import Seat, Session
    w = load("2015").world
    s = Session.start(evolve(w, end_year=w.start_year + 2), {p: Seat(p, False) for p in w.order}, 7)
    s.run_ai()
    return s


def debrief_tab(session, index: int):
    """The debrief of a played game opened on its tab `index` (the report, charts, the year by year, the export)."""
    from game.ui.debrief import DebriefScene
    scene = DebriefScene(session)
    scene.set_tab(index)
    return scene


def listed_saves(session):
    """The load screen listing a save of `session` (written to a folder of its own, saved at a fixed time) and a
    broken file: its date, title, seats and error in the active language."""
    import tempfile

    from game.fileio import write_atomic
    from game.save import dumps, list_saves
    from game.ui.menu import LoadScene
    folder = Path(tempfile.mkdtemp(prefix="load-", dir=os.environ.get("HEARTLAND_HOME")))
    write_atomic(folder / "lesson.json", dumps(session, saved_at="2026-11-22T13:49:07"))
    (folder / "broken.json").write_text("{ not json", "utf-8")
    scene = LoadScene()
    scene.saves = list_saves(folder)
    return scene


@pytest.mark.parametrize("size", SIZES)
def test_every_scene_renders(size):
    """Each scene draws at 720p and 1080p, over the game screen for dialogs, with visible text."""
    from game.ui.app import Settings
    for name, make in scenes_to_render():
        surface = pygame.Surface(size)
        drawn = draw_scene(surface, Settings(*size), name, make)
        assert drawn, name
        background = pygame.mask.from_threshold(surface, theme.BG, (2, 2, 2, 255)).count()
        assert background < size[0] * size[1] * 0.995, name
        theme.set_scale(1.0)


def test_ui_scale_makes_text_larger():
    """The UI-scale setting scales fonts."""
    theme.set_scale(1.0)
    small = theme.render("Kazakhstan", 16).get_height()
    theme.set_scale(1.5)
    large = theme.render("Kazakhstan", 16).get_height()
    theme.set_scale(1.0)
    assert large > small


def test_settings_remember_size_and_scale(tmp_path):
    """Settings written are read back; a missing file gives defaults."""
    from game.ui.app import Settings, load_settings, save_settings
    path = tmp_path / "settings.json"
    save_settings(Settings(1500, 900, 1.25, False), path)
    back = load_settings(path)
    assert (back.width, back.height, back.scale) == (1500, 900, 1.25)
    (tmp_path / "bad.json").write_text("{not json", "utf-8")
    assert isinstance(load_settings(tmp_path / "bad.json"), Settings)


def test_map_picks_states_and_corridors():
    """Clicking inside Kazakhstan's label point selects it; a corridor's midpoint picks the corridor."""
    from game.ui.mapview import MapView, midpoint
    w = make_session().world
    mv = MapView()
    surface = pygame.Surface((900, 600))
    mv.draw(surface, pygame.Rect(0, 0, 900, 600), w)
    iso = mv.iso_of(w)
    label = mv.to_screen(mv.data.countries[iso["kazakhstan"]].label)
    k = w.corridors["middle_corridor"]
    x, y = midpoint(mv.corridor_points(k))
    picked = mv.pick((x, y), w)
    assert picked and picked[0] == "corridor"
    assert mv.pick((5000, 5000), w) is None
    # a point well inside Kazakhstan (its label anchor) selects the state unless a corridor crosses it
    found = {mv.pick((int(label[0]) + dx, int(label[1]) + dy), w) for dx in (-30, 0, 30) for dy in (-30, 0, 30)}
    assert ("state", "kazakhstan") in found


def test_map_static_layer_is_cached():
    """The static layer is drawn once per size and reused."""
    from game.ui.mapview import MapView
    w = make_session().world
    mv = MapView()
    surface = pygame.Surface((800, 500))
    mv.draw(surface, pygame.Rect(0, 0, 800, 500), w)
    first = mv.static_layer(w)
    mv.draw(surface, pygame.Rect(0, 0, 800, 500), w, hover="kazakhstan")
    assert mv.static_layer(w) is first


def test_keys_built_from_game_data_are_in_the_catalogue():
    """Phases, modes, statuses, difficulties, agenda terms, resources, cards and aid kinds all have texts."""
    from game.model import AID_KINDS, RESOURCES
    from game.rules.agenda import TERMS
    from game.rules import phases
    from game.rules.play import CARDS
    from game.ui.game import CATEGORIES
    from game.ui.mapview import MODES, STATUSES
    from game.ui.setup import DIFFICULTIES
    keys = [f"phase.{p}" for p in phases.NAMES]
    keys += [f"phase.{p}.tip" for p in phases.INTERACTIVE]
    keys += [f"mode.{m}" for m in MODES] + [f"status.{s}" for s in STATUSES]
    keys += [f"difficulty.{d}" for d in DIFFICULTIES] + [f"difficulty.{d}.tip" for d in DIFFICULTIES]
    keys += [f"term.{t}" for t in TERMS] + [f"term.{t}.tip" for t in TERMS]
    keys += [f"resource.{r}" for r in RESOURCES] + [f"card.{c}" for c in CARDS] + [f"aid.{k}" for k in AID_KINDS]
    keys += [f"cat.{c}" for c, _ in CATEGORIES] + [f"cat.{c}.tip" for c, _ in CATEGORIES]
    keys += [f"offer.{s}" for s in ("pending", "accepted", "rejected", "countered", "lapsed")]
    keys += ["act.summit1", "act.summit2", "act.attend_no"]
    cat = i18n.catalogue("en")
    assert not [k for k in keys if k not in cat]


def test_negotiation_table_offers_only_corridors_the_rules_accept():
    """Every corridor the table lets a buyer pick for a contract passes validation."""
    from game.ui import dialogs
    from game.ui.game import GameScene
    from game.ui.app import App, Settings
    s = make_session(("japan",))
    app = App(pygame.Surface((1280, 720)), Settings())
    game = GameScene(s)
    app.manager.stack.append(game)
    game.manager = app.manager
    assert s.current() == "japan"
    for target in s.world.c5():
        table = dialogs.NegotiationScene(game)
        table.set_target(target)
        table.set_kind("contract")
        for r in table.resources():
            table.draft["resource"] = r
            table.set_kind("contract")
            for k in table.corridors("contract"):
                table.draft["corridor"] = k
                table.gives, table.asks = [], []
                table.add()
                assert table.asks and not table.gives  # a great power asks for a contract
                assert table.problems() == [], (target, r, k, table.problems())


def test_window_resize_is_remembered(tmp_path):
    """A VIDEORESIZE event updates and saves the remembered size."""
    from game.ui.app import App, Settings, load_settings
    from game.ui.menu import MainMenuScene
    path = tmp_path / "settings.json"
    app = App(pygame.Surface((1280, 720)), Settings(), path)
    app.manager.push(MainMenuScene())
    app.step(0.0, [pygame.event.Event(pygame.VIDEORESIZE, w=1400, h=900, size=(1400, 900))])
    assert (load_settings(path).width, load_settings(path).height) == (1400, 900)


def test_negotiation_table_draws_every_kind_for_every_partner():
    """Switching partner and item kind in any order never breaks drawing (a contract with no resource yet)."""
    from game.ui import dialogs
    from game.ui.app import App, Settings
    from game.ui.game import GameScene
    s = make_session(("japan",))
    surface = pygame.Surface((1280, 720))
    app = App(surface, Settings())
    game = GameScene(s)
    app.manager.stack.append(game)
    game.manager = app.manager
    table = dialogs.NegotiationScene(game)
    app.manager.stack.append(table)
    table.manager = app.manager
    for target in s.world.c5():
        table.set_target(target)
        for kind in ("aid", "contract", "cofinance", "statement"):
            table.set_kind(kind)
            table.draft["resource"] = ""
            app.manager.draw(surface)


def test_replay_steps_through_a_finished_game_year_by_year():
    """From the debrief, Y opens the year-by-year view; Left/Right move between the Worlds of each year's end."""
    from attrs import evolve
    from game.scenario.loader import load
    from game.session import Seat, Session
    from game.ui.app import App, Settings
    from game.ui.debrief import DebriefScene
    sc = load("2015")
    w = evolve(sc.world, end_year=2017)
    s = Session.start(w, {p: Seat(p, False, "easy") for p in w.order}, 3, scenario_raw=sc.raw)
    s.run_ai()
    surface = pygame.Surface((1280, 720))
    app = App(surface, Settings())
    app.manager.push(DebriefScene(s))
    app.step(0.0, [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_y, mod=0, unicode="y")])
    replay = app.manager.top
    assert type(replay).__name__ == "ReplayScene"
    assert [x.year for x in replay.worlds] == [2015, 2016, 2017, 2017]
    assert replay.index == 3 and replay.shown_year() == 2017
    drawn = theme.record_start()
    try:
        app.manager.draw(surface)
    finally:
        theme.record_stop()
    assert any("end of 2017" in t for t in drawn)
    app.step(0.0, [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_HOME, mod=0, unicode="")])
    assert replay.index == 0 and replay.worlds[0].year == 2015
    drawn = theme.record_start()
    try:
        replay.draw(surface)
    finally:
        theme.record_stop()
    from game.ui import words
    rows = [f"=1. {words.pname(w, p)}" for p in replay.worlds[0].order]  # no round yet: all tied, in seat order
    assert [t for t in drawn if t in rows] == rows
    app.step(0.0, [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0, unicode="")])
    assert replay.shown_year() == 2015
    replay.draw(surface)
    assert replay.worlds[1].scores != replay.worlds[0].scores


def draw_scene(surface, settings, name: str, make) -> list[str]:
    """Draw one scene (over the game screen when it is a dialog) and return the texts it drew."""
    from game.ui.app import App
    app = App(surface, settings)
    scene = make()
    if scene.transparent:
        from game.ui.game import GameScene
        app.manager.stack.append(GameScene(make_session()))
        app.manager.stack[-1].manager = app.manager
    app.manager.stack.append(scene)
    scene.manager = app.manager
    if name in ("load", "setup"):
        scene.enter()
    drawn = theme.record_start()
    try:
        app.manager.draw(surface)
    finally:
        theme.record_stop()
    return drawn


def test_replay_lists_the_winner_of_a_tie_first_at_the_end():
    """The replay's score list at a finished game's end is rule 16's final order: of two powers level on points,
    the winner (furthest ahead in its races) first, both "=1"; during play the same tie stands in seat order."""
    from types import SimpleNamespace

    from attrs import evolve
    from ai.baseline import GreedyAgent
    from game import engine
    from game.rules import objectives
    from game.scenario.loader import load
    from game.sim import play
    from game.ui import words
    from game.ui.replay import ReplayScene
    from tests.test_objectives import tied_finish
    sc = load("2015", short=True)
    over, earlier, later = tied_finish((sc, play(sc.world, {p: GreedyAgent() for p in sc.world.order}, 3)), "over")
    assert engine.winner(over) == later
    surface = pygame.Surface((1280, 720))
    for world, first in ((over, [later, earlier]), (evolve(over, status="playing"), [earlier, later])):
        replay = ReplayScene(SimpleNamespace(log=[]), [world])
        drawn = theme.record_start()
        try:
            replay.draw_side(surface, pygame.Rect(900, 60, 360, 600), world)
        finally:
            theme.record_stop()
        rows = [f"=1. {words.pname(world, p)}" for p in (earlier, later)]
        assert [t for t in drawn if t in rows] == [f"=1. {words.pname(world, p)}" for p in first], world.status
    assert objectives.ranking(over)[0] == later


def test_the_agenda_tab_tells_each_objective_s_measure_now():
    """The Agenda tab's tooltip on each of the seat's objectives gives its whole line (cut on a small panel) and its
    measure now, a gain counted from the start and signed (a threshold's steps are read against it: "Autonomy gained:
    2.5 a step at 0.015/0.03/0.045"), or a level as it is, so a player can see how far the next step is; the value
    follows the World (a year of play moves it)."""
    from attrs import evolve
    from game.rules import agenda
    from game.rules import objectives as O
    from game.rules.actions import EndTurn
    from game.text import number, tr
    from game.ui.app import App, Settings
    from game.ui import words
    from game.ui.game import GameScene
    s = make_session(("turkmenistan",))
    start = s.world.year
    while s.world.year == start or s.current() != "turkmenistan":
        s.act(EndTurn("turkmenistan")) if s.human_to_move() else s.ai_step()
    w = s.world
    surface = pygame.Surface((1280, 720))
    app = App(surface, Settings(1280, 720))
    scene = GameScene(s)
    scene.manager = app.manager
    app.manager.stack.append(scene)
    scene.tab = "agenda"
    app.manager.draw(surface)
    tips = [t for _, t in scene.tips]
    for obj in w.powers["turkmenistan"].objectives:
        term = O.base_measure(obj.measure)
        gain = agenda.TERMS[term](w, "turkmenistan") - w.start_measures["turkmenistan"][term]
        assert abs(gain) > 1e-4  # a year moved it, so the shown value is not the start's 0
        shown = tr("tip.objective_gain", value=number(gain, "+.3f"))
        assert any(t.startswith(words.objective(obj)) and t.endswith(shown) for t in tips), (obj.id, shown, tips[:3])
    level = evolve(w.powers["turkmenistan"].objectives[0], measure="gdp_growth")  # a level: as it is, unsigned, not a gain
    assert GameScene.objective_now(w, O.measures(w), "turkmenistan", level) == tr(
        "tip.objective_level", value=number(agenda.TERMS["gdp_growth"](w, "turkmenistan"), ".3f"))
