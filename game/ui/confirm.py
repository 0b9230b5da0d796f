"""Asking once before a step that is costly or hard to take back: a large deal, ending a turn with
action points left, leaving a game."""
from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.dialogs.base import Dialog
from game.ui.i18n import tr

CONFIRM_SHARE = 0.25  # a deal paying out more than this share of the treasury asks first
MONEY_ITEMS = ("aid", "cofinance", "energy")  # items whose giver pays their amount (US$ bn) from its treasury


def outlay(items) -> float:
    """What giving `items` takes from the giver's treasury, US$ bn."""
    return sum(i.amount for i in items if i.kind in MONEY_ITEMS)


def costly(world, p: str, items) -> bool:
    """Whether giving `items` would cost p more than CONFIRM_SHARE of its treasury."""
    cost = outlay(items)
    return cost > 0 and cost > CONFIRM_SHARE * max(world.powers[p].treasury, 0.0)


class ConfirmScene(Dialog):
    """A question with Yes and No; Yes (or Enter) runs the step, No (or Esc) goes back without it."""

    size = (0.46, 0.36)

    def __init__(self, question: str, yes_label: str, on_yes) -> None:
        super().__init__()
        self.question, self.yes_label, self.on_yes = question, yes_label, on_yes

    def yes(self) -> None:
        """Close, then take the step."""
        self.close()
        self.on_yes()

    def on_key(self, event) -> bool:
        """Enter confirms; Esc cancels."""
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.yes()
            return True
        return super().on_key(event)

    def still(self):
        """The question, the Yes label and the focus."""
        return (self.question, self.yes_label, self.focus_id)

    def draw(self, surface) -> None:
        """The question in full, then Yes and No."""
        inner = self.frame(surface, tr("confirm.title"))
        theme.paragraph(surface, self.question, pygame.Rect(inner.left, inner.top, inner.width,
                                                            inner.height - theme.px(50)), 16)
        bw, bh = (inner.width - theme.px(12)) // 2, theme.px(38)
        self.button(surface, (inner.left, inner.bottom - bh, bw, bh), self.yes_label, self.yes, id="yes")
        self.button(surface, (inner.right - bw, inner.bottom - bh, bw, bh), tr("confirm.no"), self.close, id="no")
        self.draw_tooltip(surface)


def ask(manager, question: str, yes_label: str, on_yes) -> None:
    """Ask once before `on_yes`."""
    manager.push(ConfirmScene(question, yes_label, on_yes))
