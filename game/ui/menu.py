"""The main menu, the settings screen and the load-game list."""
from __future__ import annotations

import functools

import pygame

from game.ui import theme
from game.ui.i18n import tr
from game.ui.widgets import UIScene


@functools.cache
def optional_scene(module: str, names: tuple[str, ...]):
    """A scene class from a module built elsewhere, or None while it does not exist."""
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


def rules_scene():
    """The in-game rules reference scene class, or None while it is not built."""
    return optional_scene("game.ui.rules_ref", ("RulesScene", "RulesReferenceScene", "RulesRefScene"))


@functools.cache
def save_module():
    """game.save if it is available (imported lazily), else None."""
    try:
        import game.save as save
    except ImportError:
        return None
    return save


def title_block(surface: pygame.Surface, title: str, subtitle: str = "") -> int:
    """The screen's title at the top; returns the y below it."""
    w = surface.get_width()
    theme.text(surface, title, (w // 2, theme.px(40)), 40, theme.TEXT, True, anchor="midtop")
    y = theme.px(40) + theme.line_height(40)
    if subtitle:
        theme.text(surface, subtitle, (w // 2, y + theme.px(4)), 18, theme.MUTED, anchor="midtop")
        y += theme.line_height(18) + theme.px(4)
    return y + theme.px(20)


class MainMenuScene(UIScene):
    """New game, load game, rules reference, settings, quit."""

    def draw(self, surface: pygame.Surface) -> None:
        """The menu buttons in a column."""
        self.begin()
        surface.fill(theme.BG)
        y = title_block(surface, tr("app.title"), tr("menu.subtitle"))
        bw, bh, gap = theme.px(320), theme.px(48), theme.px(14)
        x = surface.get_width() // 2 - bw // 2
        rules = rules_scene()
        saves = save_module()
        entries = [
            ("new", tr("menu.new_game"), self.new_game, True, tr("menu.new_game.tip")),
            ("load", tr("menu.load_game"), self.load_game, saves is not None,
             tr("menu.load_game.tip") if saves else tr("menu.unavailable.saves")),
            ("rules", tr("menu.rules"), lambda: self.manager.push(rules()), rules is not None,
             tr("menu.rules.tip") if rules else tr("menu.unavailable.rules")),
            ("settings", tr("menu.settings"), lambda: self.manager.push(SettingsScene()), True,
             tr("menu.settings.tip")),
            ("quit", tr("menu.quit"), self.quit, True, tr("menu.quit.tip")),
        ]
        for i, (bid, label, fn, ok, tip) in enumerate(entries):
            self.button(surface, (x, y + i * (bh + gap), bw, bh), f"{i + 1}  {label}", fn, enabled=ok,
                        tooltip=tip, id=bid, hotkey=pygame.K_1 + i, size=20)
        theme.text(surface, tr("menu.keys"), (surface.get_width() // 2, surface.get_height() - theme.px(30)),
                   14, theme.MUTED, anchor="midbottom")
        self.draw_tooltip(surface)

    def new_game(self) -> None:
        """Open the new-game setup."""
        from game.ui.setup import SetupScene
        self.manager.push(SetupScene())

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
        """Esc quits from the main menu."""
        if event.key == pygame.K_ESCAPE:
            self.quit()
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
        label = theme.text(surface, tr("settings.scale", value=f"{scale:.2f}"), (cx - theme.px(250), y + bh // 2),
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
        y += bh + theme.px(40)
        self.button(surface, (cx - theme.px(100), y, theme.px(200), bh), tr("common.back"), self.manager.pop,
                    id="back")
        self.draw_tooltip(surface)

    def on_key(self, event) -> bool:
        """Esc goes back."""
        if event.key == pygame.K_ESCAPE:
            self.manager.pop()
            return True
        return False


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
        for i, info in enumerate(self.saves[:12]):
            err = getattr(info, "error", "")
            label = tr("load.row", title=getattr(info, "scenario_title", "?"), year=getattr(info, "year", "?"),
                       when=getattr(info, "saved_at", ""))
            self.button(surface, (x, y + i * (bh + 6), w, bh), label, lambda info=info: self.load(info),
                        enabled=not err, tooltip=err or str(getattr(info, "path", "")), id=f"save{i}")
        self.button(surface, (surface.get_width() // 2 - theme.px(100), surface.get_height() - theme.px(80),
                              theme.px(200), bh), tr("common.back"), self.manager.pop, id="back")
        self.draw_tooltip(surface)

    def load(self, info) -> None:
        """Open a saved game."""
        from game.errors import HeartlandError
        mod = save_module()
        try:
            session = mod.load(info.path)
        except (HeartlandError, OSError, ValueError) as e:
            self.error = str(e)
            self.saves = []
            return
        from game.ui.game import GameScene
        self.manager.replace(GameScene(session))

    def on_key(self, event) -> bool:
        """Esc goes back."""
        if event.key == pygame.K_ESCAPE:
            self.manager.pop()
            return True
        return False
