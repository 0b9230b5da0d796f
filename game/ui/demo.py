"""Demo mode: AI-only years played on screen through the real play screen, then every scene, with screenshots.

`python run_game.py demo --scenario 2015 --years 3 --screenshots DIR` opens the
window and shows the main menu, the settings and the setup screen; then it starts
a game with an AI in every seat and lets the play screen (GameScene) run the AIs,
one decision per frame, saving the map after each year. Then it opens, over that
game: the play screen with a state and with a corridor selected, the negotiation
table with an offer composed (and sends it), the receiver's answers to it, an
action list, the year's event cards, the year summary, the hand-over screen, the
pause menu, the rules reference, the load-game list (with this game saved) and each
debrief tab, then the year-by-year view, every page of the players' guide and the guided
first year's first step. Every scene must appear: if one fails or draws a blank screen, the
demo stops with a sentence and exit code 1. Saves and settings go into a temporary
folder, never the player's own. Runs under SDL_VIDEODRIVER=dummy.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pygame

from game.paths import settings_file, temporary_home
from game.text import joined, msg, plain, power, render, tr

WINDOW = (1280, 720)
SETTLE_FRAMES = 2  # frames drawn before a screenshot
MAX_FRAMES_PER_YEAR = 2000  # a year the AIs cannot finish in this many decisions is a failure
MIN_INK = 0.002  # a screenshot where fewer pixels than this share differ from the corner's colour is blank


class DemoFailed(Exception):
    """A scene could not be shown; the message is one sentence, a catalogue key and its arguments."""

    def __init__(self, key: str, **args):
        self.message = msg(f"demo.fail.{key}", **args)
        super().__init__(render(self.message, "en"))


def ink(surface: pygame.Surface) -> float:
    """The share of pixels that differ from the top-left pixel's colour (0 for a blank screen)."""
    same = pygame.mask.from_threshold(surface, surface.get_at((0, 0)), (3, 3, 3, 255)).count()
    return 1 - same / (surface.get_width() * surface.get_height())


class Demo:
    """The window, the app's scene stack, the session and the screenshots."""

    def __init__(self, app, folder: Path) -> None:
        self.app = app
        self.folder = folder
        self.shots: list[str] = []
        self.years = 0
        self.game = None  # the GameScene, once the game has started

    @property
    def manager(self):
        """The app's scene stack."""
        return self.app.manager

    def frame(self, update: bool = False, events=()) -> None:
        """Draw one frame; with `update` the top scene runs too (the GameScene then lets an AI move)."""
        pygame.event.pump()
        for event in events:
            self.app.handle(event)
        if update:
            self.manager.update(1 / 60)
        self.app.fit_scale()
        self.manager.draw(self.app.screen)
        pygame.display.flip()

    def shot(self, name: str) -> None:
        """Settle, save a numbered screenshot and check it is not blank."""
        for _ in range(SETTLE_FRAMES):
            self.frame()
        path = self.folder / f"{len(self.shots) + 1:02d}_{name}.png"
        if ink(self.app.screen) < MIN_INK:
            raise DemoFailed("blank", name=name)
        pygame.image.save(self.app.screen, str(path))
        self.shots.append(str(path))
        print(tr("demo.shot", path=str(path)))

    def show(self, name: str, scene, replace: bool = False) -> None:
        """Push (or switch to) `scene` and screenshot it."""
        (self.manager.replace if replace else self.manager.push)(scene)
        self.shot(name)

    def close(self) -> None:
        """Close the top scene (a dialog), as its Close button would."""
        self.manager.pop()


# --- the steps of the demo -------------------------------------------------------------------

def menus(demo: Demo, scenario, seed: int) -> None:
    """The main menu, the settings screen and the setup screen (showing this scenario, every seat an AI)."""
    from game.ui.menu import MainMenuScene, SettingsScene
    from game.ui.setup import SetupScene
    demo.show("main_menu", MainMenuScene(), replace=True)
    demo.show("settings", SettingsScene())
    demo.close()
    setup = SetupScene()
    demo.manager.push(setup)
    setup.choose(setup.show_loaded(scenario))
    for p in setup.seats:
        setup.seats[p] = (False, setup.seats[p][1])
    setup.set_seed(seed)
    demo.shot("setup")
    demo.close()


def play_years(demo: Demo, years: int) -> None:
    """Let the play screen run the AIs (one decision a frame) until `years` years resolved; a shot after each."""
    session = demo.game.session
    for _ in range(years):
        target = len(session.history) + 1
        for _ in range(MAX_FRAMES_PER_YEAR):
            if session.world.status != "playing" or len(session.history) >= target:
                break
            demo.frame(update=True)
        else:
            raise DemoFailed("year", year=session.world.year, frames=MAX_FRAMES_PER_YEAR)
        if len(session.history) < target:
            break
        demo.years += 1
        demo.shot(f"play_after_{session.history[-1]['year']}")
        if session.world.status != "playing":
            break


def step_until(demo: Demo, done, what, limit: int = 400) -> None:
    """Let the AIs move (drawn, behind any dialog) until done(world) holds."""
    session = demo.game.session
    for _ in range(limit):
        if done(session.world):
            return
        if session.world.status != "playing":
            break
        session.ai_step()
        demo.frame()
    raise DemoFailed("never", what=what)


def play_screen(demo: Demo) -> None:
    """The play screen with a state selected, then with a corridor selected and hovered (its tooltip)."""
    game = demo.game
    w = game.session.world
    game.selected = w.c5()[0]
    demo.shot("play_state_selected")
    demo.frame()  # lay the map out for this window
    spot = corridor_spot(game.map, w)
    if spot is None:
        raise DemoFailed("no_corridor")
    kid, pos = spot
    game.selected, game.tab = kid, "state"
    demo.frame(events=[pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))])
    if game.hover != kid:
        raise DemoFailed("hover", corridor=kid)
    demo.shot("play_corridor_hovered")
    demo.frame(events=[pygame.event.Event(pygame.MOUSEMOTION, pos=(1, 1), rel=(0, 0), buttons=(0, 0, 0))])


def corridor_spot(view, w) -> tuple[str, tuple[int, int]] | None:
    """A corridor (the busiest that can be) and a screen point on it where the map picks it."""
    for k in sorted(w.corridors.values(), key=lambda k: (-view.flow_of(w, k.id), k.id)):
        pts = view.corridor_points(k)
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            pos = (round((ax + bx) / 2), round((ay + by) / 2))
            if view.pick(pos, w) == ("corridor", k.id):
                return k.id, pos
    return None


def negotiation(demo: Demo) -> str:
    """A great power composes an offer to a C5 state (aid given, a contract asked) and sends it; returns its receiver."""
    from game.ui.dialogs import NegotiationScene
    session = demo.game.session
    step_until(demo, lambda w: w.phase == "diplomacy" and w.powers[w.current()].kind == "great", msg("demo.part.diplomacy_turn"))
    scene = NegotiationScene(demo.game)
    demo.manager.push(scene)
    scene.set_kind("aid")
    scene.add()
    scene.set_kind("contract")
    scene.add()
    if not scene.gives or not scene.asks:
        raise DemoFailed("table")
    demo.shot("negotiation_table")
    problems = scene.problems()
    if problems:
        raise DemoFailed("refused", problems=joined(problems, "semi"))
    receiver = scene.target
    scene.send()
    if demo.manager.top is scene:
        raise DemoFailed("send", result=plain(str(scene.result)))
    return receiver


def answers(demo: Demo, receiver: str) -> None:
    """The receiver's answers dialog, with the offer waiting for it."""
    from game.ui.dialogs import AnswersScene
    def waiting(w) -> bool:
        """The receiver is to move with the offer still pending."""
        return w.current() == receiver and any(o.receiver == receiver and o.status == "pending"
                                               for o in w.offers.values())
    step_until(demo, waiting, msg("demo.part.pending", power=power(demo.game.session.world, receiver)))
    demo.show("answers_to_an_offer", AnswersScene(demo.game))
    demo.close()


def action_list(demo: Demo) -> None:
    """The action list of the first seat in the actions phase (aid for a great power)."""
    from game.ui.dialogs import ActionListScene
    from game.ui.i18n import tr
    step_until(demo, lambda w: w.phase == "actions", msg("demo.part.actions_phase"))
    game = demo.game
    cid, verbs = next(((c, v) for c, v in (("aid", ("aid",)), ("develop", ("develop", "refine")),
                                           ("build", ("build", "upgrade"))) if game.candidates(v)), ("", ()))
    if not verbs:
        raise DemoFailed("no_actions")
    demo.show(f"action_list_{cid}", ActionListScene(game, tr(f"cat.{cid}"), verbs))
    demo.close()


def news_and_year(demo: Demo) -> None:
    """The event cards of the latest year with news, the last year's summary and the hand-over screen."""
    from game.ui import words
    from game.ui.dialogs import EventCardsScene, HandOverScene
    from game.ui.summary import YearSummaryScene
    session = demo.game.session
    worlds = [session.world] + list(reversed(session.year_worlds))
    with_news = next((w for w in worlds if w.news), None)
    if with_news is None:
        raise DemoFailed("no_event")
    demo.show(f"event_cards_{with_news.year}", EventCardsScene(with_news, with_news.news))
    demo.close()
    if not session.year_marks:
        raise DemoFailed("no_summary")
    before = session.year_worlds[-2] if len(session.year_worlds) > 1 else session.start_world
    year = session.year_marks[-1].year
    viewer = session.world.order[0]
    demo.show(f"year_summary_{year}", YearSummaryScene(session, before, session.year_worlds[-1], year, viewer))
    demo.close()
    nxt = session.world.c5()[0]
    demo.show("hand_over", HandOverScene(words.pname(session.world, nxt)))
    demo.close()


def pause_rules_load(demo: Demo) -> None:
    """The pause menu, the rules reference, and the load-game list with this game quick-saved."""
    from game import save
    from game.ui.dialogs import PauseScene
    from game.ui.menu import LoadScene
    from game.ui.rules_ref import RulesScene
    demo.show("pause_menu", PauseScene(demo.game))
    demo.show("rules_reference", RulesScene())
    demo.close()
    demo.close()
    save.quicksave(demo.game.session)
    demo.show("load_game", LoadScene())
    if not demo.manager.top.saves:
        raise DemoFailed("load_list")
    demo.close()


def debrief(demo: Demo) -> None:
    """Every debrief tab."""
    from game.ui.debrief import TABS, DebriefScene
    scene = DebriefScene(demo.game.session)
    demo.manager.replace(scene)
    for i, tab in enumerate(TABS):
        scene.set_tab(i)
        demo.shot(f"debrief_{tab}")
    from game.ui.replay import ReplayScene
    demo.show("year_by_year", ReplayScene(demo.game.session))


def guide_and_guided_year(demo: Demo) -> None:
    """Every page of the players' guide, then the guided first year's first step on a new 2015 game."""
    from game.ui.guide import PAGES, GuideScene
    from game.ui.tutorial import attach, new_guided_game
    guide = GuideScene()
    demo.manager.replace(guide)
    for i, page in enumerate(PAGES):
        guide.page, guide.scroll = i, 0
        demo.shot(f"guide_{page.name}")
    from game.ui.game import GameScene
    guided = GameScene(new_guided_game(), ai_budget=0.0)
    demo.manager.replace(guided)  # opens the year's event cards over it
    attach(demo.manager, guided.session)
    for _ in range(50):
        if type(demo.manager.top).__name__ != "GameScene":
            demo.close()  # the year's event cards
        demo.frame(update=True)
        if demo.manager.coach.step == "offer_open":
            break
    else:
        raise DemoFailed("guided")
    demo.shot("guided_year_first_step")
    demo.manager.coach = None


def start_game(demo: Demo, scenario, seed: int) -> None:
    """A session with an AI in every seat, shown on the real play screen (the AIs think one decision a frame)."""
    from game.session import Seat, Session
    from game.ui.game import GameScene
    world = scenario.world
    session = Session.start(world, {p: Seat(p, human=False) for p in world.order}, seed, scenario.id,
                            scenario_raw=scenario.raw)
    demo.game = GameScene(session, ai_budget=0.0)
    demo.manager.replace(demo.game)
    demo.shot(f"play_start_{world.year}")


def steps(scenario, years: int, seed: int) -> list:
    """The demo's steps in order: (what it shows, a function of the Demo)."""
    def opening(demo: Demo) -> None:
        """The menus and the start of the game: main menu, settings, setup, the first play screen."""
        menus(demo, scenario, seed)
        start_game(demo, scenario, seed)

    def the_years(demo: Demo) -> None:
        """Playing the years: the AIs move on the play screen."""
        play_years(demo, years)
        if demo.game.session.world.status != "playing":
            raise DemoFailed("ended")

    def offer(demo: Demo) -> None:
        """The negotiation table and the answers dialog: an offer sent and received."""
        answers(demo, negotiation(demo))

    return [(msg(f"demo.part.{name}"), step) for name, step in (
        ("menus", opening), ("years", the_years), ("play_screen", play_screen), ("offer", offer),
        ("action_list", action_list), ("news", news_and_year), ("pause", pause_rules_load),
        ("debrief", debrief), ("guide", guide_and_guided_year))]


def run_demo(scenario_id: str, years: int, folder: Path, seed: int = 1, size: tuple[int, int] = WINDOW,
             lang: str | None = None) -> Demo:
    """Play `years` AI-only years on screen and show every scene in `lang`, saving screenshots into `folder`."""
    from game.scenario.loader import load
    from game.ui.app import App, Settings
    scenario = load(scenario_id)  # found before the demo's empty home hides the user's folder; a bad one is one sentence
    folder.mkdir(parents=True, exist_ok=True)
    with temporary_home():
        pygame.init()
        try:
            app = App(pygame.display.set_mode(size), Settings(*size), settings_file())
            if lang:
                app.set_language(lang, remember=False)
            pygame.display.set_caption(tr("demo.caption"))
            demo = Demo(app, folder)
            for what, step in steps(scenario, years, seed):
                try:
                    step(demo)
                except DemoFailed:
                    raise
                except Exception as e:  # any scene failing stops the demo with a sentence naming it
                    raise DemoFailed("scene", what=what, error=plain(f"{type(e).__name__}: {e}")) from e
        finally:
            pygame.display.quit()
    return demo


def parse_size(text: str) -> tuple[int, int]:
    """'1280x720' -> (1280, 720)."""
    w, _, h = text.lower().partition("x")
    return int(w), int(h)


def main(ns) -> int:
    """The `demo` command: run, print what was saved, JSON on the last line; 1 with a sentence when a scene fails."""
    started = time.perf_counter()
    folder = Path(ns.screenshots).expanduser()
    try:
        demo = run_demo(ns.scenario, ns.years, folder, ns.seed, parse_size(ns.size), getattr(ns, "lang", None))
    except DemoFailed as e:
        print(tr("demo.stopped", reason=e.message))
        print(json.dumps({"screenshots": len(list(folder.glob("*.png"))), "years": None, "skipped": [],
                          "failed": str(e)}))
        return 1
    print(tr("demo.done", n=len(demo.shots), folder=str(folder), years=demo.years,
             seconds=time.perf_counter() - started))
    print(json.dumps({"screenshots": len(demo.shots), "years": demo.years, "skipped": [],
                      "files": [Path(p).name for p in demo.shots]}))
    return 0


def startup_probe() -> int:
    """What launching the game does up to the first drawn main menu, then exit (bench/frame.py times it)."""
    from game.ui.app import App, Settings, first_scene
    pygame.display.init()  # as `run_game.py` starts the game: no sound, so audio is never started
    pygame.font.init()
    settings = Settings()
    app = App(pygame.display.set_mode((settings.width, settings.height)), settings, Path(os.devnull))
    app.manager.push(first_scene(app))
    app.step(0.0, [])
    pygame.quit()
    return 0
