"""The blank screen between two human seats."""
from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.i18n import tr
from game.ui.widgets import UIScene

class HandOverScene(UIScene):
    """Between two human seats: a blank screen naming who plays next; it draws nothing private."""

    def __init__(self, power_name: str) -> None:
        super().__init__()
        self.power_name = power_name

    def draw(self, surface) -> None:
        """Only the next team's name and how to continue."""
        self.begin()
        surface.fill(theme.BG)
        W, H = surface.get_size()
        theme.text(surface, tr("handover.pass", power=self.power_name), (W // 2, H // 2 - theme.px(60)), 32,
                   theme.TEXT, True, anchor="center")
        theme.text(surface, tr("handover.hint"), (W // 2, H // 2), 18, theme.MUTED, anchor="center")
        bw, bh = theme.px(240), theme.px(48)
        self.button(surface, (W // 2 - bw // 2, H // 2 + theme.px(40), bw, bh), tr("handover.ready"), self.ready,
                    id="ready", size=20)
        self.draw_tooltip(surface)

    def ready(self) -> None:
        """The next team is at the screen."""
        self.manager.pop()

    def on_key(self, event) -> bool:
        """Space or Enter continue."""
        if event.key in (pygame.K_SPACE, pygame.K_RETURN):
            self.ready()
            return True
        return False
