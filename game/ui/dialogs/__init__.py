"""Dialogs and overlays of the play screen, one module each: the action lists (actions), answers (answers), the
negotiation table (negotiation), event cards (cards), the hand-over screen (handover) and the pause menu (pause);
what they share is in base. Each talks to the session through a `game.ui.desk.Desk`."""
from game.ui.dialogs.base import Dialog, ListMixin, dimmer
from game.ui.dialogs.actions import ActionListScene
from game.ui.dialogs.negotiation import KINDS, KINDS_PER_ROW, NEIGHBOUR_KINDS, RELIEF_LABELS, NegotiationScene
from game.ui.dialogs.answers import AnswersScene
from game.ui.dialogs.cards import EventCardsScene
from game.ui.dialogs.handover import HandOverScene
from game.ui.dialogs.pause import PauseScene

__all__ = ["Dialog", "ListMixin", "dimmer", "ActionListScene", "AnswersScene", "NegotiationScene", "KINDS",
           "KINDS_PER_ROW", "NEIGHBOUR_KINDS", "RELIEF_LABELS", "EventCardsScene", "HandOverScene", "PauseScene"]
