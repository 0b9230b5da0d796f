"""The game window: settings, the main loop and the scene stack.

`run(ns)` opens a resizable window that fits the desktop, remembers its size,
UI scale and full-screen choice in settings.json (in the folder game.paths names),
and runs the scene stack at up to 60 frames a second, drawing only when something
changed.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import pygame

from game.fileio import read_regular, write_atomic
from game.paths import settings_file
from game.ui import theme
from game.ui.scene import Scene, SceneManager

FPS = 60
MIN_SIZE = (960, 600)
SETTINGS_LIMIT = 65_536  # bytes: a settings file is a few hundred


@dataclass
class Settings:
    """What the window remembers between runs."""

    width: int = 1280
    height: int = 720
    scale: float = 1.0
    fullscreen: bool = False
    language: str = ""  # "" = the system locale's language
    guided_year: bool = True  # offer the guided first year when a 2015 game starts (game/ui/tutorial.py)
    guided_done: bool = False  # the guided first year was offered (played, skipped or declined)


def load_settings(path: Path | None = None) -> Settings:
    """Settings from disk, or defaults sized to fit the desktop."""
    path = path or settings_file()
    try:
        raw = json.loads(read_regular(path, SETTINGS_LIMIT).decode("utf-8"))  # never a pipe or a huge file
        names = {f.name for f in fields(Settings)}
        return Settings(**{k: v for k, v in raw.items() if k in names})
    except (OSError, ValueError, TypeError):
        return fit_desktop(Settings())


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write settings atomically (a crash leaves the old file or the new one); a read-only home is not an error."""
    path = path or settings_file()
    try:
        write_atomic(path, json.dumps(asdict(settings), indent=1))
    except (OSError, ValueError):
        pass


def fit_desktop(settings: Settings) -> Settings:
    """A window size that fits the first desktop (90%, at most 1920x1080)."""
    try:
        dw, dh = pygame.display.get_desktop_sizes()[0]
    except (pygame.error, IndexError):
        return settings
    settings.width = max(MIN_SIZE[0], min(1920, int(dw * 0.9)))
    settings.height = max(MIN_SIZE[1], min(1080, int(dh * 0.9)))
    if dh >= 1400:
        settings.scale = 1.25
    return settings


def size_factor(height: int) -> float:
    """Text grows with tall windows (1.0 at 720 px, about 1.35 at 1080 px), so 1080p is not tiny."""
    return max(1.0, min(1.8, height / 720)) ** 0.75


MAX_RECOVERIES = 3  # failing frames in a row before an error is let through


class AppManager(SceneManager):
    """The scene stack, with a link back to the app (settings, window, quitting)."""

    def __init__(self, app: "App") -> None:
        super().__init__()
        self.app = app
        self.coach = None  # the guided first year's coach (game/ui/tutorial.py), drawn over every scene

    def handle_event(self, event: pygame.event.Event) -> bool:
        """The coach's banner first, then the top scene."""
        if self.coach is not None and self.coach.handle(event, self):
            return True
        return super().handle_event(event)

    def update(self, dt: float) -> None:
        """The top scene, then the coach notices what was done."""
        super().update(dt)
        if self.coach is not None:
            self.coach.observe(self)

    def draw(self, surface: pygame.Surface) -> None:
        """The scenes, then the coach over them."""
        super().draw(surface)
        if self.coach is not None:
            self.coach.draw(surface, self)


class App:
    """The window, the settings and the scene stack; `step` runs one frame."""

    def __init__(self, screen: pygame.Surface, settings: Settings, settings_path: Path | None = None) -> None:
        self.screen = screen
        self.settings = settings
        self.settings_path = settings_path
        self.manager = AppManager(self)
        self.running = True
        self.dirty = True
        self.fit_scale()
        from game.ui.i18n import set_language, system_language
        set_language(settings.language or system_language())

    def fit_scale(self) -> None:
        """The effective UI scale: the setting times a factor that grows with the window's height."""
        wanted = round(self.settings.scale * size_factor(self.screen.get_height()), 3)
        if abs(theme.scale() - wanted) > 1e-3:
            theme.set_scale(wanted)

    def set_language(self, lang: str, remember: bool = True) -> None:
        """Show every text in `lang` from the next frame on (remembered unless told otherwise)."""
        from game.ui.i18n import language, set_language, tr
        set_language(lang)
        if remember:
            self.settings.language = language()
            save_settings(self.settings, self.settings_path)
        if pygame.display.get_init() and pygame.display.get_surface() is self.screen:
            pygame.display.set_caption(tr("app.title"))
        self.dirty = True

    def quit(self) -> None:
        """Leave the main loop."""
        self.running = False

    def set_scale(self, scale: float) -> None:
        """Change the UI scale and remember it."""
        self.settings.scale = round(max(0.75, min(2.0, scale)), 2)
        self.fit_scale()
        save_settings(self.settings, self.settings_path)
        self.dirty = True

    def toggle_fullscreen(self) -> None:
        """Switch between a window and the full screen (for projectors)."""
        self.settings.fullscreen = not self.settings.fullscreen
        self.screen = open_window(self.settings)
        save_settings(self.settings, self.settings_path)
        self.dirty = True

    def handle(self, event: pygame.event.Event) -> None:
        """Window-level events first, then the top scene."""
        if event.type == pygame.QUIT:
            self.quit()
            return
        self.dirty = True
        if event.type == pygame.VIDEORESIZE and not self.settings.fullscreen:
            self.settings.width, self.settings.height = max(event.w, MIN_SIZE[0]), max(event.h, MIN_SIZE[1])
            self.screen = pygame.display.get_surface() or self.screen
            save_settings(self.settings, self.settings_path)
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return
        self.manager.handle_event(event)

    def step(self, dt: float, events: list | None = None) -> None:
        """One frame; an unexpected error saves the game in play, says so in one sentence and goes back
        to the menu (after MAX_RECOVERIES failing frames in a row it is raised)."""
        try:
            self.frame(dt, events)
            self.failures = 0
        except Exception as error:
            self.failures = getattr(self, "failures", 0) + 1
            if self.failures > MAX_RECOVERIES:
                raise
            self.recover(error)

    def recover(self, error: Exception) -> None:
        """Never lose a game: write an emergency save of the game in play, then the menu and one sentence."""
        import sys
        import traceback
        traceback.print_exception(error, file=sys.stderr)
        from game.ui.menu import CrashScene, MainMenuScene
        session = next((s.session for s in reversed(self.manager.stack) if getattr(s, "session", None) is not None),
                       None)
        saved, problem = None, ""
        if session is not None:
            try:
                from game.save import emergency_save
                saved = emergency_save(session)
            except Exception as e:  # the disk may be the problem too
                problem = str(e)
        stack, self.manager.stack = self.manager.stack, []
        for scene in reversed(stack):
            try:
                scene.exit()
            except Exception:
                pass
        self.manager.push(MainMenuScene())
        self.manager.push(CrashScene(error, saved, problem, had_game=session is not None))
        self.dirty = True

    def frame(self, dt: float, events: list | None = None) -> None:
        """One frame: events, update, and a redraw when something changed."""
        for event in pygame.event.get() if events is None else events:
            self.handle(event)
        top = self.manager.top
        self.manager.update(dt)
        if top is not self.manager.top or getattr(self.manager.top, "busy", False):
            self.dirty = True
        if self.dirty:
            self.fit_scale()
            self.manager.draw(self.screen)
            if pygame.display.get_surface() is self.screen:
                pygame.display.flip()
            self.dirty = False
        if not self.manager.stack:
            self.running = False


def open_window(settings: Settings) -> pygame.Surface:
    """The display surface: full screen, or a resizable window of the remembered size."""
    if settings.fullscreen:
        return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    return pygame.display.set_mode((settings.width, settings.height), pygame.RESIZABLE)


def first_scene(app: App, ns=None) -> Scene:
    """The main menu (new games in the short form with `--short`)."""
    from game.ui.menu import MainMenuScene
    return MainMenuScene(short=bool(getattr(ns, "short", False)))


def clamp_to_desktop(settings: Settings) -> Settings:
    """Shrink a remembered size that no longer fits the desktop (another monitor, a projector)."""
    try:
        dw, dh = pygame.display.get_desktop_sizes()[0]
    except (pygame.error, IndexError):
        return settings
    if dw > 0 and dh > 0:
        settings.width = max(MIN_SIZE[0], min(settings.width, dw))
        settings.height = max(MIN_SIZE[1], min(settings.height, dh - 40))
    return settings


def run(ns=None) -> int:
    """Open the window and play until the player quits; returns the exit code."""
    settings = clamp_to_desktop(load_settings())
    screen = open_window(settings)
    pygame.key.set_repeat(400, 40)
    app = App(screen, settings)
    if getattr(ns, "lang", None):
        app.set_language(ns.lang, remember=False)
    app.manager.push(first_scene(app, ns))
    clock = pygame.time.Clock()
    while app.running:
        dt = clock.tick(FPS) / 1000.0
        app.step(dt)
    save_settings(app.settings, app.settings_path)
    return 0
