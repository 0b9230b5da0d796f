"""The list of every action of a kind, the refused ones greyed with their reasons, and the pointed one's preview."""
from __future__ import annotations

import pygame

from game import text
from game.ui import theme, words
from game.ui.desk import desk_of
from game.ui.dialogs.base import Dialog, ListMixin
from game.ui.i18n import render, tr
from game.ui.mapview import Ref
from game.ui.scene import recorded, renote
from game.ui.widgets import NUMBER_KEYS

PREVIEWS_KEPT = 16  # previews kept as pictures per list (a list shows at most a screenful of actions)


class ActionListScene(ListMixin, Dialog):
    """Every action of a kind, the refused ones disabled with their reasons; beside the list, what the pointed
    (or focused) action costs and does, worked out by the rules (`game.rules.preview`).

    The list is a still picture (`still`); the preview follows the mouse, so it is drawn over that picture
    each frame (`overlay`) from a kept picture per action."""

    size = (0.76, 0.74)

    def __init__(self, owner, title: str, verbs) -> None:
        super().__init__()
        self.desk, self.title, self.verbs = desk_of(owner), title, verbs
        self.rows_shown: list[tuple[str, object]] = []  # (button id, action) of the rows the last drawing showed
        self.body = pygame.Rect(0, 0, 0, 0)  # where the preview's body goes
        self.painted = None  # the action whose preview the last drawing holds (None: the hint)
        self.previews: dict = {}  # (picture key, action) -> (picture, strings)

    def handle_event(self, event) -> bool:
        """Scrolling, then buttons."""
        return self.wheel(event) or super().handle_event(event)

    def still(self):
        """What the list shows apart from the hovered button, the tooltip and the preview: the World, the seat,
        the scroll and the focus."""
        return (Ref(self.desk.world), self.desk.seat(), self.scroll, self.focus_id)

    def pointed(self):
        """The action under the mouse, or else the focused one (the last row that is either), or None."""
        found = None
        by_id = {b.id: b for b in self.buttons}
        for bid, action in self.rows_shown:
            b = by_id.get(bid)
            if b is not None and (b.rect.collidepoint(self.mouse) or b.id == self.focus_id):
                found = action
        return found

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
        self.rows_shown = []
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
            self.rows_shown.append((b.id, a))
        if len(rows) > visible:
            theme.text(surface, tr("list.more", shown=f"{self.scroll + 1}-{min(len(rows), self.scroll + visible)}",
                                   total=len(rows)), (inner.left, inner.bottom - theme.px(30)), 14, theme.MUTED)
        theme.text(surface, tr("preview.title"), side.topleft, 16, theme.ACCENT, True, width=side.width)
        self.body = pygame.Rect(side.left, side.top + theme.line_height(16) + theme.px(6), side.width,
                                side.height - theme.line_height(16) - theme.px(6))
        self.painted = self.pointed()
        self.draw_preview(surface, self.body, self.painted)
        self.close_button(surface, inner)
        self.draw_tooltip(surface)

    def overlay(self, surface) -> None:
        """Over the kept picture of the list: the pointed action's preview, when it is not the one painted."""
        action = self.pointed()
        if action == self.painted:
            return
        key = (Ref(self.desk.world), self.body.size, theme.scale(), text.language(), action)
        picture, strings = theme.kept(self.previews, key, lambda: self.preview_picture(action), PREVIEWS_KEPT)
        surface.blit(picture, self.body.topleft)
        renote(strings)

    def preview_picture(self, action) -> tuple[pygame.Surface, list[str]]:
        """The preview of `action` on the dialog's colour, the size of the preview's body, and the strings it shows."""
        picture = pygame.Surface(self.body.size)
        picture.fill(theme.DIALOG)
        return picture, recorded(lambda: self.draw_preview(picture, picture.get_rect(), action))

    def draw_preview(self, surface, body, action) -> None:
        """What the pointed action costs and does, or how to see it, in `body`."""
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
