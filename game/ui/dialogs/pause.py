"""The pause menu of the play screen: resume, save, load, rules, guide, settings, the main menu."""
from __future__ import annotations

from game.ui import theme
from game.ui.desk import desk_of
from game.ui.dialogs.base import Dialog
from game.ui.i18n import tr
from game.ui.widgets import NUMBER_KEYS

class PauseScene(Dialog):
    """Resume, save, load, settings, the main menu."""

    size = (0.34, 0.74)

    def __init__(self, owner) -> None:
        super().__init__()
        self.desk = desk_of(owner)

    def still(self):
        """Whether saves and the rules reference can be opened, and the focus."""
        from game.ui.menu import rules_available, saves_available
        return (saves_available(), rules_available(), self.focus_id)

    def draw(self, surface) -> None:
        """A column of buttons."""
        from game.ui.menu import open_rules, rules_available, saves_available
        inner = self.frame(surface, tr("pause.title"))
        has = saves_available()
        rules = rules_available()
        bh = theme.px(40)
        rows = [
            ("resume", tr("pause.resume"), self.close, True, ""),
            ("save", tr("pause.save"), self.save, has, "" if has else tr("menu.unavailable.saves")),
            ("load", tr("pause.load"), self.load, has, "" if has else tr("menu.unavailable.saves")),
            ("rules", tr("menu.rules"), lambda: open_rules(self.manager), rules,
             "" if rules else tr("menu.unavailable.rules")),
            ("guide", tr("guide.title"), self.guide, True, tr("guide.tip")),
            ("settings", tr("menu.settings"), self.settings, True, ""),
            ("menu", tr("pause.main_menu"), self.main_menu, True, tr("pause.main_menu.tip")),
        ]
        for i, (bid, label, fn, ok, tip) in enumerate(rows):
            self.button(surface, (inner.left, inner.top + i * (bh + 8), inner.width, bh), label, fn, enabled=ok,
                        tooltip=tip, id=bid, hotkey=NUMBER_KEYS[i])
        self.draw_tooltip(surface)

    def save(self) -> None:
        """Quick-save and close."""
        self.desk.quicksave()
        self.close()

    def load(self) -> None:
        """Quick-load."""
        manager = self.manager
        self.close()
        session = self.desk.quickload()
        if session is not None:
            from game.ui.game import open_game
            open_game(manager, session)

    def guide(self) -> None:
        """The players' guide over the game."""
        from game.ui.guide import open_guide
        open_guide(self.manager, self.desk.session)

    def settings(self) -> None:
        """The settings screen."""
        from game.ui.menu import SettingsScene
        self.manager.push(SettingsScene())

    def main_menu(self) -> None:
        """Ask once, then leave the game for the main menu."""
        from game.ui.confirm import ask
        ask(self.manager, tr("confirm.leave"), tr("pause.main_menu"), self.leave)

    def leave(self) -> None:
        """Leave the game for the main menu (an autosave is kept when saves are available)."""
        from game.ui.menu import MainMenuScene
        self.desk.autosave()
        self.manager.replace(MainMenuScene())
