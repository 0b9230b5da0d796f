"""Placeholder end-of-game screen: final scores and the winner.

The debrief helper replaces this file with the full debrief (charts, your game
vs history, export); the name `DebriefScene(session)` is the contract.
"""
from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.i18n import tr
from game.ui.widgets import UIScene


class DebriefScene(UIScene):
    """The game is over: final agenda scores, highest first."""

    def __init__(self, session) -> None:
        super().__init__()
        self.session = session

    def draw(self, surface: pygame.Surface) -> None:
        """Scores and a button back to the main menu."""
        self.begin()
        surface.fill(theme.BG)
        w = self.session.world
        W, H = surface.get_size()
        theme.text(surface, tr("debrief.title"), (W // 2, theme.px(50)), 36, bold=True, anchor="midtop")
        y = theme.px(120)
        for p in sorted(w.order, key=lambda p: -w.scores.get(p, 0.0)):
            theme.text(surface, w.powers[p].name, (W // 2 - theme.px(160), y), 20, theme.hex_color(w.powers[p].color))
            theme.text(surface, f"{w.scores.get(p, 0.0):.1f}", (W // 2 + theme.px(160), y), 20, anchor="topright")
            y += theme.line_height(20) + 4
        bw, bh = theme.px(220), theme.px(44)
        self.button(surface, (W // 2 - bw // 2, H - theme.px(90), bw, bh), tr("debrief.menu"), self.menu, id="menu")
        self.draw_tooltip(surface)

    def menu(self) -> None:
        """Back to the main menu."""
        from game.ui.menu import MainMenuScene
        self.manager.replace(MainMenuScene())
