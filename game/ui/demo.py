"""Demo mode: AI-only years played on screen, opening every kind of scene, with screenshots.

`python run_game.py demo --scenario 2015 --years 3 --screenshots DIR` opens the
window, shows the main menu and the setup screen, plays the years with an AI in
every seat while the map is on screen, opens an event card, the year summary, a
hand-over screen and the negotiation dialog, then the rules reference and the debrief
(each of its tabs), saving a PNG of each. Scenes are found by import; a scene whose
module is not there (yet) is skipped and named in the summary. It runs under
SDL_VIDEODRIVER=dummy, so tests and classrooms without a screen can use it.
"""
from __future__ import annotations

import importlib
import inspect
import json
import time
from pathlib import Path
from typing import Any

import pygame
from attrs import define, field

from game.ui.scene import Scene, SceneManager

# kind -> (modules to try, class names to try); the first importable match is used.
SCENES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "menu": (("game.ui.menu", "game.ui.main_menu"), ("MainMenuScene", "MenuScene", "MainMenu")),
    "setup": (("game.ui.setup", "game.ui.setup_scene"), ("SetupScene", "NewGameScene", "Setup")),
    "map": (("game.ui.map_scene", "game.ui.map"), ("MapScene",)),
    "event_card": (("game.ui.event_card", "game.ui.events", "game.ui.dialogs"), ("EventCardScene", "EventCard")),
    "year_summary": (("game.ui.year_summary", "game.ui.summary", "game.ui.dialogs"),
                     ("YearSummaryScene", "YearSummary")),
    "handover": (("game.ui.handover", "game.ui.hotseat", "game.ui.dialogs"),
                 ("HandoverScene", "HandOverScene", "Handover")),
    "negotiation": (("game.ui.negotiation", "game.ui.negotiation_scene", "game.ui.dialogs"),
                    ("NegotiationScene", "NegotiationDialog", "Negotiation")),
    "rules": (("game.ui.rules_ref",), ("RulesScene",)),
    "debrief": (("game.ui.debrief",), ("DebriefScene",)),
}
WINDOW = (1280, 720)
SETTLE_FRAMES = 3  # frames drawn before a screenshot, so animations settle


@define
class DemoReport:
    """What the demo showed and saved, and what it had to skip."""

    shots: list[str] = field(factory=list)
    skipped: dict[str, str] = field(factory=dict)
    years: int = 0

    def summary(self) -> dict:
        """Plain data for the last line of output."""
        return {"screenshots": len(self.shots), "years": self.years, "skipped": self.skipped,
                "files": self.shots}


def find_scene(kind: str) -> tuple[type | None, str]:
    """The scene class of `kind`, or None and the reason it is missing."""
    modules, names = SCENES[kind]
    tried = []
    for mod_name in modules:
        try:
            mod = importlib.import_module(mod_name)
        except ModuleNotFoundError as e:
            if e.name and mod_name.startswith(e.name):
                tried.append(mod_name)
                continue
            raise
        for name in names:
            cls = getattr(mod, name, None)
            if isinstance(cls, type):
                return cls, ""
        tried.append(f"{mod_name} (no {'/'.join(names)})")
    return None, "not built yet: " + ", ".join(tried)


def build(cls: type, context: dict[str, Any]) -> Scene:
    """Construct `cls`, filling its parameters by name from `context`."""
    kwargs, positional = {}, []
    for name, p in inspect.signature(cls).parameters.items():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if name in context:
            if p.kind == p.POSITIONAL_ONLY:
                positional.append(context[name])
            else:
                kwargs[name] = context[name]
        elif p.default is p.empty:
            raise TypeError(f"{cls.__name__} needs '{name}', which the demo cannot supply")
    return cls(*positional, **kwargs)


def context_for(session, scenario) -> dict[str, Any]:
    """Values a scene constructor may ask for, by parameter name."""
    world = session.world
    events = [e for e in session.log if e.rule == "event"]
    fired = [e for e in world.events if e.id in world.fired]
    event_def = fired[-1] if fired else (world.events[0] if world.events else None)
    seat = next(iter(world.order))
    ctx = {"session": session, "world": world, "scenario": scenario, "scenario_id": session.scenario_id,
           "year": session.history[-1]["year"] if session.history else world.year, "power": seat,
           "viewer": seat, "next_power": seat, "seat": session.seats[seat], "entry": events[-1] if events else None,
           "entries": events, "event": event_def, "log": session.log, "history": session.history,
           "summary": session.history[-1] if session.history else {}}
    return {k: v for k, v in ctx.items() if v is not None}


class Demo:
    """Drives the window, the scene stack and the screenshots."""

    def __init__(self, screen: pygame.Surface, folder: Path) -> None:
        self.screen = screen
        self.folder = folder
        self.manager = SceneManager()
        self.report = DemoReport()
        self.clock = pygame.time.Clock()

    def frame(self) -> None:
        """Draw the scene stack once and show it."""
        pygame.event.pump()
        self.manager.update(1 / 60)
        self.screen.fill((0, 0, 0))
        self.manager.draw(self.screen)
        pygame.display.flip()

    def shot(self, name: str) -> None:
        """Settle, draw and save a numbered screenshot."""
        for _ in range(SETTLE_FRAMES):
            self.frame()
        path = self.folder / f"{len(self.report.shots) + 1:02d}_{name}.png"
        pygame.image.save(self.screen, str(path))
        self.report.shots.append(str(path))
        print(f"screenshot {path}")

    def open(self, kind: str, context: dict, push: bool = True, name: str = "") -> Scene | None:
        """Show a scene of `kind` (pushed over the current one, or replacing it) and screenshot it."""
        cls, why = find_scene(kind)
        if cls is None:
            self.report.skipped[kind] = why
            print(f"skipped {kind}: {why}")
            return None
        try:
            scene = build(cls, context)
            (self.manager.push if push else self.manager.replace)(scene)
            self.shot(name or kind)
        except Exception as e:  # another team's scene failing must not stop the classroom demo
            self.report.skipped[kind] = f"{type(e).__name__}: {e}"
            print(f"skipped {kind}: {type(e).__name__}: {e}")
            if self.manager.stack and self.manager.top.__class__ is cls:
                self.manager.pop()
            return None
        return scene

    def close(self, scene: Scene | None) -> None:
        """Pop `scene` if it is on top."""
        if scene is not None and self.manager.top is scene:
            self.manager.pop()


def play_years(demo: Demo, session, years: int) -> None:
    """Let the AIs play until `years` more years have resolved (or the game ends), drawing as they go."""
    target = len(session.history) + years
    while session.world.status == "playing" and len(session.history) < target:
        session.ai_step()
        if demo.manager.top is not None:
            demo.frame()


def run_demo(scenario_id: str, years: int, folder: Path, seed: int = 1, size: tuple[int, int] = WINDOW) -> DemoReport:
    """Play `years` AI-only years on screen, opening each kind of scene, saving screenshots into `folder`."""
    from game.scenario.loader import load
    from game.session import Seat, Session
    folder.mkdir(parents=True, exist_ok=True)
    scenario = load(scenario_id)
    world = scenario.world
    session = Session.start(world, {p: Seat(p, human=False) for p in world.order}, seed, scenario.id)
    pygame.init()
    pygame.display.set_caption("Heartland demo")
    demo = Demo(pygame.display.set_mode(size), folder)
    ctx = context_for(session, scenario)
    demo.open("menu", ctx, push=False)
    demo.close(demo.open("setup", ctx))
    if demo.open("map", ctx, push=False) is None:  # keep something on screen while the AIs play
        demo.manager.replace(Scene())
    for _ in range(years):
        play_years(demo, session, 1)
        demo.report.years = len(session.history)
        if session.world.status != "playing":
            break
    ctx = context_for(session, scenario)
    if "map" not in demo.report.skipped:
        demo.shot(f"map_after_{demo.report.years}_years")
    for kind in ("event_card", "year_summary", "handover", "negotiation"):
        demo.close(demo.open(kind, ctx))
    demo.close(demo.open("rules", ctx))
    debrief = demo.open("debrief", ctx, name="debrief_scores")
    if debrief is not None and hasattr(debrief, "set_tab"):
        from game.ui.debrief import TABS
        for i, tab in enumerate(TABS[1:], start=1):
            debrief.set_tab(i)
            demo.shot(f"debrief_{tab}")
    pygame.display.quit()
    return demo.report


def parse_size(text: str) -> tuple[int, int]:
    """'1280x720' -> (1280, 720)."""
    w, _, h = text.lower().partition("x")
    return int(w), int(h)


def main(ns) -> int:
    """The `demo` command: run, print what was saved and skipped, JSON on the last line."""
    started = time.perf_counter()
    report = run_demo(ns.scenario, ns.years, Path(ns.screenshots).expanduser(), ns.seed, parse_size(ns.size))
    print(f"{len(report.shots)} screenshots in {ns.screenshots}; {report.years} years played "
          f"in {time.perf_counter() - started:.1f} s")
    if report.skipped:
        print("skipped (not built yet or failed): " + ", ".join(sorted(report.skipped)))
    print(json.dumps(report.summary()))
    return 0


def startup_probe() -> int:
    """Open the window, build the main menu (if there is one), draw one frame, exit."""
    pygame.init()
    screen = pygame.display.set_mode(WINDOW)
    cls, _ = find_scene("menu")
    manager = SceneManager()
    if cls is not None:
        try:
            manager.push(build(cls, {}))
        except TypeError:
            pass  # a menu that needs a session cannot be built before one exists
    manager.draw(screen)
    pygame.display.flip()
    pygame.quit()
    return 0
