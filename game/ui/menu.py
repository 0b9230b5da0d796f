"""The main menu, the settings screen and the load-game list."""
from __future__ import annotations

import functools

import attrs
import pygame

from game.ui import theme
from game.ui.i18n import LANGUAGE_NAMES, LANGUAGES, language, moment, number, render, tr
from game.ui.widgets import UIScene


def available(module: str) -> bool:
    """Whether a module of the game exists, found without importing it (the menu shows before the game loads)."""
    return _available(module)


@functools.cache
def _available(module: str) -> bool:
    """`available`, asked once per module."""
    import importlib.util
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


@functools.cache
def optional_scene(module: str, names: tuple[str, ...]):
    """A scene class from a module built elsewhere, or None while it does not exist (imports the module)."""
    import importlib
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    found = next((getattr(mod, n) for n in names if hasattr(mod, n)), None)
    if found is None:  # any scene class the module defines
        from game.ui.scene import Scene
        found = next((v for v in vars(mod).values() if isinstance(v, type) and issubclass(v, Scene)
                      and v.__module__ == mod.__name__), None)
    return found


RULES_MODULE = "game.ui.rules_ref"
SAVE_MODULE = "game.save"


def rules_available() -> bool:
    """Whether the rules reference exists (without importing it)."""
    return available(RULES_MODULE)


def rules_scene():
    """The in-game rules reference scene class, or None while it is not built (imports it)."""
    return optional_scene(RULES_MODULE, ("RulesScene", "RulesReferenceScene", "RulesRefScene"))


def open_rules(manager) -> None:
    """Push the rules reference (imported now, on the click)."""
    scene = rules_scene()
    if scene is not None:
        manager.push(scene())


def saves_available() -> bool:
    """Whether saving and loading exist (without importing them)."""
    return available(SAVE_MODULE)


@functools.cache
def save_module():
    """game.save if it is available (imported on first use), else None."""
    try:
        import game.save as save
    except ImportError:
        return None
    return save


def readable_time(stamp: str) -> str:
    """An ISO time stamp as a person reads it, in local time and the reader's language ("22 Nov 2026, 14:49",
    "2026年11月22日 14:49"); as written if unreadable."""
    import datetime
    try:
        when = datetime.datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return stamp
    if when.tzinfo is not None:
        when = when.astimezone()
    return render(moment(when))


def title_block(surface: pygame.Surface, title: str, subtitle: str = "") -> int:
    """The screen's title at the top; returns the y below it."""
    w = surface.get_width()
    theme.text(surface, title, (w // 2, theme.px(40)), 40, theme.TEXT, True, anchor="midtop")
    y = theme.px(40) + theme.line_height(40)
    if subtitle:
        theme.text(surface, subtitle, (w // 2, y + theme.px(4)), 18, theme.MUTED, anchor="midtop")
        y += theme.line_height(18) + theme.px(4)
    return y + theme.px(20)


def language_row(scene: UIScene, surface: pygame.Surface, y: int) -> int:
    """One button per language, each named in its own script, centred at `y`; returns the y below it."""
    app = getattr(scene.manager, "app", None)
    bw, bh, gap = theme.px(120), theme.px(36), theme.px(8)
    x = surface.get_width() // 2 - (len(LANGUAGES) * (bw + gap) - gap) // 2
    for i, lang in enumerate(LANGUAGES):
        scene.button(surface, (x + i * (bw + gap), y, bw, bh), LANGUAGE_NAMES[lang],
                     lambda lang=lang: app and app.set_language(lang), id=f"lang-{lang}", size=16,
                     selected=lang == language(), tooltip=tr("settings.language.tip"), enabled=app is not None)
    return y + bh


class MainMenuScene(UIScene):
    """New game, load game, rules reference, settings, quit."""

    def __init__(self, short: bool = False) -> None:
        super().__init__()
        self.short = short  # new games start in the short form (`play --short`)

    def still(self):
        """What the menu shows apart from the hovered button and the tooltip (the language and size are the manager's
        part of the key): which entries are open, the keyboard focus and whether the language row works."""
        return (self.short, saves_available(), rules_available(), self.focus_id,
                getattr(self.manager, "app", None) is not None)

    def draw(self, surface: pygame.Surface) -> None:
        """The menu buttons in a column."""
        self.begin()
        surface.fill(theme.BG)
        y = title_block(surface, tr("app.title"), tr("menu.subtitle"))
        room = surface.get_height() - theme.px(112) - y  # above the language row
        bw, bh, gap = theme.px(320), min(theme.px(48), room * 6 // 41), min(theme.px(14), room // 41)
        x = surface.get_width() // 2 - bw // 2
        rules = rules_available()
        saves = saves_available()
        entries = [
            ("new", tr("menu.new_game"), self.new_game, True, tr("menu.new_game.tip")),
            ("load", tr("menu.load_game"), self.load_game, saves,
             tr("menu.load_game.tip") if saves else tr("menu.unavailable.saves")),
            ("rules", tr("menu.rules"), lambda: open_rules(self.manager), rules,
             tr("menu.rules.tip") if rules else tr("menu.unavailable.rules")),
            ("guide", tr("guide.title"), self.guide, True, tr("guide.tip")),
            ("settings", tr("menu.settings"), lambda: self.manager.push(SettingsScene()), True,
             tr("menu.settings.tip")),
            ("quit", tr("menu.quit"), self.quit, True, tr("menu.quit.tip")),
        ]
        for i, (bid, label, fn, ok, tip) in enumerate(entries):
            self.button(surface, (x, y + i * (bh + gap), bw, bh), f"{i + 1}  {label}", fn, enabled=ok,
                        tooltip=tip, id=bid, hotkey=pygame.K_1 + i, size=20)
        language_row(self, surface, surface.get_height() - theme.px(100))
        theme.text(surface, f'{tr("menu.keys")} {tr("guide.key")}',
                   (surface.get_width() // 2, surface.get_height() - theme.px(30)), 14, theme.MUTED, anchor="midbottom",
                   width=surface.get_width() - theme.px(20))
        self.draw_tooltip(surface)

    def guide(self) -> None:
        """Open the players' guide."""
        from game.ui.guide import open_guide
        open_guide(self.manager)

    def new_game(self) -> None:
        """Open the new-game setup."""
        from game.ui.setup import SetupScene
        self.manager.push(SetupScene(short=self.short))

    def load_game(self) -> None:
        """Open the list of saved games."""
        self.manager.push(LoadScene())

    def quit(self) -> None:
        """Close the game."""
        app = getattr(self.manager, "app", None)
        if app:
            app.quit()
        else:
            self.manager.pop()

    def on_key(self, event) -> bool:
        """Esc quits from the main menu; F1 opens the guide."""
        if event.key == pygame.K_ESCAPE:
            self.quit()
            return True
        from game.ui.guide import GUIDE_KEY
        if event.key == GUIDE_KEY:
            self.guide()
            return True
        return False


class SettingsScene(UIScene):
    """UI scale and full screen."""

    def draw(self, surface: pygame.Surface) -> None:
        """The settings rows."""
        self.begin()
        surface.fill(theme.BG)
        y = title_block(surface, tr("settings.title"))
        app = getattr(self.manager, "app", None)
        scale = app.settings.scale if app else theme.scale()
        full = app.settings.fullscreen if app else False
        cx = surface.get_width() // 2
        bh = theme.px(44)
        label = theme.text(surface, tr("settings.scale", value=number(scale, ".2f")), (cx - theme.px(250), y + bh // 2),
                           20, anchor="midleft")
        self.tip(label, tr("settings.scale.tip"))
        self.button(surface, (cx + theme.px(40), y, theme.px(90), bh), tr("settings.smaller"),
                    lambda: app and app.set_scale(scale - 0.1), id="smaller", enabled=app is not None)
        self.button(surface, (cx + theme.px(150), y, theme.px(90), bh), tr("settings.larger"),
                    lambda: app and app.set_scale(scale + 0.1), id="larger", enabled=app is not None)
        y += bh + theme.px(20)
        theme.text(surface, tr("settings.fullscreen"), (cx - theme.px(250), y + bh // 2), 20, anchor="midleft")
        self.button(surface, (cx + theme.px(40), y, theme.px(200), bh),
                    tr("settings.on") if full else tr("settings.off"), lambda: app and app.toggle_fullscreen(),
                    id="fullscreen", tooltip=tr("settings.fullscreen.tip"), enabled=app is not None)
        y += bh + theme.px(20)
        theme.text(surface, tr("settings.language"), (cx - theme.px(250), y + bh // 2), 20, anchor="midleft")
        y = language_row(self, surface, y + bh + theme.px(8)) + theme.px(20)
        guided = app.settings.guided_year if app else True
        theme.text(surface, tr("settings.guided"), (cx - theme.px(250), y + bh // 2), 20, anchor="midleft",
                   width=theme.px(280))
        self.button(surface, (cx + theme.px(40), y, theme.px(200), bh),
                    tr("settings.on") if guided else tr("settings.off"), lambda: app and self.toggle_guided(app),
                    id="guided", tooltip=tr("settings.guided.tip"), enabled=app is not None)
        y += bh + theme.px(24)
        self.button(surface, (cx - theme.px(100), y, theme.px(200), bh), tr("common.back"), self.manager.pop,
                    id="back")
        self.draw_tooltip(surface)

    def toggle_guided(self, app) -> None:
        """Switch the offer of the guided first year on (offered again at the next 2015 game) or off."""
        from game.ui.app import save_settings
        app.settings.guided_year = not app.settings.guided_year
        app.settings.guided_done = not app.settings.guided_year
        save_settings(app.settings, app.settings_path)

    def on_key(self, event) -> bool:
        """Esc goes back."""
        if event.key == pygame.K_ESCAPE:
            self.manager.pop()
            return True
        return False


def _broken(info, error: str):
    """A save's list entry marked with why it cannot be opened."""
    return attrs.evolve(info, error=error) if attrs.has(type(info)) else info


class LoadScene(UIScene):
    """The saved games, newest first; a broken save shows its reason."""

    def __init__(self) -> None:
        super().__init__()
        self.saves: list = []
        self.error = ""

    def enter(self) -> None:
        """Read the list of saves."""
        mod = save_module()
        try:
            self.saves = list(mod.list_saves()) if mod else []
        except Exception as e:  # a broken save folder must not crash the menu
            self.error = str(e)

    def draw(self, surface: pygame.Surface) -> None:
        """One button per save."""
        self.begin()
        surface.fill(theme.BG)
        y = title_block(surface, tr("load.title"))
        w = min(theme.px(800), surface.get_width() - theme.px(80))
        x = surface.get_width() // 2 - w // 2
        bh = theme.px(40)
        if not self.saves:
            theme.text(surface, self.error or tr("load.none"), (surface.get_width() // 2, y), 18, theme.MUTED,
                       anchor="midtop")
        bh = theme.px(52)
        room = surface.get_height() - theme.px(100) - y
        for i, info in enumerate(self.saves[:max(1, room // (bh + 6))]):
            self.save_row(surface, pygame.Rect(x, y + i * (bh + 6), w, bh), i, info)
        bh = theme.px(40)
        self.button(surface, (surface.get_width() // 2 - theme.px(100), surface.get_height() - theme.px(80),
                              theme.px(200), bh), tr("common.back"), self.manager.pop, id="back")
        self.draw_tooltip(surface)

    def save_row(self, surface, rect: pygame.Rect, i: int, info) -> None:
        """One save: scenario, year and when it was saved; below, the human seats, or why the file cannot load."""
        err = getattr(info, "error", "")
        kind = getattr(info, "kind", "save")
        self.button(surface, rect, "", lambda info=info: self.load(info), enabled=not err, id=f"save{i}",
                    tooltip=err or str(getattr(info, "path", "")))
        pad = theme.px(12)
        inner = rect.inflate(-2 * pad, -theme.px(8))
        when = readable_time(getattr(info, "saved_at", ""))
        right = theme.text(surface, tr("load.saved", when=when), (inner.right, inner.top), 14, theme.MUTED,
                           anchor="topright", width=inner.width // 3)
        if err:
            title = getattr(getattr(info, "path", None), "name", "") or tr("load.broken")
            second, color = err, theme.WARN
        else:
            title = tr("load.row", title=info.title_in(language()) or "?", year=getattr(info, "year", "?"))
            if kind in ("quicksave", "autosave"):
                title = f"{tr(f'load.{kind}')}: {title}"
            if getattr(info, "status", "") not in ("", "playing"):
                title += " - " + tr("load.over")
            second, color = tr("load.seats", seats=render(getattr(info, "seats", "")) or "?"), theme.TEXT
        fg = theme.TEXT if not err else theme.MUTED
        theme.text(surface, title, inner.topleft, 17, fg, True, width=inner.width - right.width - pad)
        theme.text(surface, second, (inner.left, inner.bottom), 14, color, anchor="bottomleft", width=inner.width)

    def load(self, info) -> None:
        """Open a saved game."""
        from game.errors import HeartlandError
        mod = save_module()
        try:
            session = mod.load(info.path)
        except Exception as e:  # any failure: the list stays, this file shows why it cannot load
            self.error = str(e) if isinstance(e, HeartlandError) else tr("save.err.read", path=str(info.path), error=str(e))
            self.saves = [_broken(i, self.error) if i is info else i for i in self.saves]
            return
        from game.ui.game import open_game
        open_game(self.manager, session)

    def on_key(self, event) -> bool:
        """Esc goes back."""
        if event.key == pygame.K_ESCAPE:
            self.manager.pop()
            return True
        return False


class CrashScene(UIScene):
    """After an unexpected error: one sentence, where the game was saved, and the way back to the menu."""

    def __init__(self, error: Exception, saved=None, problem: str = "", had_game: bool = False) -> None:
        super().__init__()
        self.error, self.saved, self.problem, self.had_game = error, saved, problem, had_game

    def sentence(self) -> str:
        """What happened and where the game is, in one sentence."""
        what = type(self.error).__name__
        if self.saved is not None:
            return tr("crash.saved", error=what, path=str(self.saved))
        if self.had_game:
            return tr("crash.not_saved", error=what, problem=self.problem)
        return tr("crash.no_game", error=what)

    def draw(self, surface: pygame.Surface) -> None:
        """The sentence and a button back to the menu."""
        self.begin()
        surface.fill(theme.BG)
        y = title_block(surface, tr("crash.title"))
        w = min(theme.px(800), surface.get_width() - theme.px(80))
        rect = pygame.Rect(surface.get_width() // 2 - w // 2, y, w, theme.px(200))
        y = theme.paragraph(surface, self.sentence(), rect, 18, theme.TEXT)
        bh = theme.px(44)
        self.button(surface, (surface.get_width() // 2 - theme.px(120), y + theme.px(30), theme.px(240), bh),
                    tr("crash.back"), self.manager.pop, id="back")
        self.draw_tooltip(surface)

    def on_key(self, event) -> bool:
        """Esc or Enter goes back to the menu."""
        if event.key in (pygame.K_ESCAPE, pygame.K_RETURN):
            self.manager.pop()
            return True
        return False
