"""What every dialog of the play screen shares: the dimmed window with its title and Close button, and the
scrollable list."""
from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.i18n import tr
from game.ui.scene import dimmer  # noqa: F401 (shared with the package's users)
from game.ui.widgets import UIScene


class Dialog(UIScene):
    """A window over the screen below; Esc closes it."""

    transparent = True
    dims = True  # the scene manager dims what is below (and keeps that picture while it does not change)
    size = (0.62, 0.72)  # share of the screen at UI scale 1 (grown with the scale)

    def frame(self, surface: pygame.Surface, title: str) -> pygame.Rect:
        """Draw the window and its title over the dimmed screen; returns the inner rectangle."""
        self.begin()
        W, H = surface.get_size()
        grow = max(1.0, theme.scale())  # larger text needs a larger window, up to nearly the whole screen
        w, h = int(W * min(0.96, self.size[0] * grow)), int(H * min(0.94, self.size[1] * grow))
        rect = pygame.Rect((W - w) // 2, (H - h) // 2, w, h)
        theme.panel(surface, rect, theme.DIALOG, theme.ACCENT, 8)
        theme.text(surface, title, (rect.left + theme.px(18), rect.top + theme.px(14)), 22, bold=True)
        return pygame.Rect(rect.left + theme.px(18), rect.top + theme.px(18) + theme.line_height(22),
                           rect.width - theme.px(36), rect.height - theme.px(30) - theme.line_height(22))

    def close(self) -> None:
        """Close this dialog."""
        if self.manager and self.manager.top is self:
            self.manager.pop()

    def on_key(self, event) -> bool:
        """Esc closes."""
        if event.key == pygame.K_ESCAPE:
            self.close()
            return True
        return False

    def close_button(self, surface, inner, label: str = "") -> None:
        """The Close button at the bottom right."""
        bw, bh = theme.px(150), theme.px(36)
        self.button(surface, (inner.right - bw, inner.bottom - bh, bw, bh), label or tr("common.close"), self.close,
                    id="close")


class ListMixin:
    """A scrollable list of rows drawn as buttons, picked by number keys."""

    scroll = 0

    def wheel(self, event) -> bool:
        """Scroll with the mouse wheel or Page Up/Down."""
        if event.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, self.scroll - event.y)
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.scroll = max(0, self.scroll + (5 if event.key == pygame.K_PAGEDOWN else -5))
            return True
        return False
