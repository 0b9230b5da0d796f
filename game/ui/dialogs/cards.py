"""This year's event cards, one at a time."""
from __future__ import annotations

import pygame

from game.text import event_text
from game.ui import theme, words
from game.ui.dialogs.base import Dialog
from game.ui.i18n import tr

class EventCardsScene(Dialog):
    """This year's event cards, one at a time: title, historical note, source document."""

    size = (0.56, 0.54)

    def __init__(self, world, news) -> None:
        super().__init__()
        defs = {e.id: e for e in world.events}
        self.cards = [defs[n] for n in news if n in defs]
        self.year = world.year
        self.world = world
        self.i = 0

    def effects(self, ev) -> str:
        """What an event does, in words ("" for a card with no effect)."""
        from game.scenario.explain import effect_text
        from game.text import joined
        if not ev.effects:
            return ""
        return tr("card.effects", effects=joined([effect_text(self.world, e) for e in ev.effects], "semi"))

    def next(self) -> None:
        """Show the next card, or close after the last."""
        self.i += 1
        if self.i >= len(self.cards):
            self.close()

    def still(self):
        """The card shown and the focus."""
        return (self.i, len(self.cards), self.focus_id)

    def draw(self, surface) -> None:
        """The current card."""
        if not self.cards:
            self.close()
            return
        ev = self.cards[min(self.i, len(self.cards) - 1)]
        inner = self.frame(surface, tr("card.title", year=self.year, n=self.i + 1, total=len(self.cards)))
        y = theme.paragraph(surface, event_text(ev, "title"), inner, 24, theme.YELLOW, True) + theme.px(10)
        bw, bh = theme.px(170), theme.px(38)
        source = tr("card.source", source=words.source(ev)) if ev.source else ""
        below = inner.bottom - bh - theme.px(10)  # the Next button's row
        floor = below - (min(theme.paragraph_height(source, inner.width, 14), theme.px(60)) + theme.px(6) if source else 0)
        does = self.effects(ev)
        keep = theme.paragraph_height(does, inner.width, 15) + theme.px(10) if does else 0
        keep = min(keep, (floor - y) // 2)  # what it does keeps room; the note is cut first
        y = theme.paragraph(surface, event_text(ev, "note"),
                            pygame.Rect(inner.left, y, inner.width, floor - y - keep), 17) + theme.px(10)
        if does:
            y = theme.paragraph(surface, does, pygame.Rect(inner.left, y, inner.width, floor - y), 15, theme.SKY) + theme.px(6)
        if source:
            theme.paragraph(surface, source, pygame.Rect(inner.left, y, inner.width, below - y), 14, theme.MUTED)
        self.button(surface, (inner.right - bw, inner.bottom - bh, bw, bh), tr("common.next"), self.next, id="next",
                    hotkey=pygame.K_RETURN)
        self.draw_tooltip(surface)

    def on_key(self, event) -> bool:
        """Esc or Space moves on."""
        if event.key in (pygame.K_ESCAPE, pygame.K_SPACE):
            self.next()
            return True
        return False
