"""The list of every action of a kind, the refused ones greyed with their reasons, and the pointed one's preview."""
from __future__ import annotations

import pygame

from game.ui import theme, words
from game.ui.desk import desk_of
from game.ui.dialogs.base import Dialog, ListMixin
from game.ui.i18n import render, tr
from game.ui.widgets import NUMBER_KEYS

class ActionListScene(ListMixin, Dialog):
    """Every action of a kind, the refused ones disabled with their reasons; beside the list, what the pointed
    (or focused) action costs and does, worked out by the rules (`game.rules.preview`)."""

    size = (0.76, 0.74)

    def __init__(self, owner, title: str, verbs) -> None:
        super().__init__()
        self.desk, self.title, self.verbs = desk_of(owner), title, verbs

    def handle_event(self, event) -> bool:
        """Scrolling, then buttons."""
        return self.wheel(event) or super().handle_event(event)

    def draw(self, surface) -> None:
        """One button per action (a refused one greyed, its first reason beside it), the preview beside them."""
        inner = self.frame(surface, self.title)
        w = self.desk.world
        rows = self.desk.candidates(self.verbs)
        bh = theme.px(32)
        lst = pygame.Rect(inner.left, inner.top, int(inner.width * 0.58), inner.height)
        side = pygame.Rect(lst.right + theme.px(16), inner.top, inner.right - lst.right - theme.px(16),
                           inner.height - theme.px(50))
        visible = max(1, (inner.height - theme.px(50)) // (bh + 4))
        self.scroll = min(self.scroll, max(0, len(rows) - visible))
        if not rows:
            theme.text(surface, tr("why.nothing_open"), inner.topleft, 16, theme.MUTED)
        pointed = None
        for n, (a, reasons) in enumerate(rows[self.scroll:self.scroll + visible]):
            i = n + self.scroll
            key = NUMBER_KEYS[n] if n < len(NUMBER_KEYS) else None
            label = (f"{n + 1}  " if key else "    ") + words.action(w, a)
            if reasons:
                label += f" ({render(reasons[0])})"
            b = self.button(surface, (lst.left, lst.top + n * (bh + 4), lst.width, bh), label,
                            lambda a=a: self.pick(a), enabled=not reasons,
                            tooltip=" ".join(map(render, reasons)) or words.action(w, a),
                            hotkey=key, id=f"act{i}", size=15)
            if b.rect.collidepoint(self.mouse) or b.id == self.focus_id:
                pointed = a
        if len(rows) > visible:
            theme.text(surface, tr("list.more", shown=f"{self.scroll + 1}-{min(len(rows), self.scroll + visible)}",
                                   total=len(rows)), (inner.left, inner.bottom - theme.px(30)), 14, theme.MUTED)
        self.draw_preview(surface, side, pointed)
        self.close_button(surface, inner)
        self.draw_tooltip(surface)

    def draw_preview(self, surface, rect, action) -> None:
        """What the pointed action costs and does, or how to see it."""
        theme.text(surface, tr("preview.title"), rect.topleft, 16, theme.ACCENT, True, width=rect.width)
        body = pygame.Rect(rect.left, rect.top + theme.line_height(16) + theme.px(6), rect.width,
                           rect.height - theme.line_height(16) - theme.px(6))
        if action is None:
            theme.paragraph(surface, tr("preview.hover"), body, 14, theme.MUTED)
            return
        y = theme.paragraph(surface, words.action(self.desk.world, action), body, 15, bold=True) + theme.px(8)
        for warn, line in self.desk.preview_lines(action):
            color = theme.WARN if warn else theme.SKY
            y = theme.paragraph(surface, line, pygame.Rect(body.left, y, body.width, body.bottom - y), 14, color)
            y += theme.px(6)

    def pick(self, action) -> None:
        """Take the action and close."""
        if self.desk.do(action):
            self.close()
