"""Offers and summit invitations waiting for the seat's answer, and its own offers of the year."""
from __future__ import annotations

import pygame

from game.model import Offer
from game.rules import actions as A
from game.ui import theme, words
from game.ui.desk import desk_of
from game.ui.dialogs.base import Dialog, ListMixin
from game.ui.dialogs.negotiation import NegotiationScene
from game.ui.i18n import tr
from game.ui.mapview import Ref
from game.ui.widgets import NUMBER_KEYS

class AnswersScene(ListMixin, Dialog):
    """Offers and summit invitations waiting for the seat's answer, each in full and scrolled, then its own
    offers this year and their answers; an acceptance that pays out much of the treasury asks first."""

    size = (0.7, 0.8)

    def __init__(self, owner) -> None:
        super().__init__()
        self.desk = desk_of(owner)

    def handle_event(self, event) -> bool:
        """Scrolling, then buttons."""
        return self.wheel(event) or super().handle_event(event)

    def entries(self, w, me: str) -> list:
        """What waits for an answer: pending offers, then summit invitations."""
        offers = [o for o in w.offers.values() if o.receiver == me and o.status == "pending"]
        return offers + [sm for sm in w.summits if me in sm.invited and me not in sm.answers]

    def accept(self, w, me: str, o) -> None:
        """Accept an offer, asking first when what it asks of the seat costs much of its treasury."""
        from game.ui.confirm import ask, costly, outlay
        act = A.Accept(me, o.id)
        if costly(w, me, o.asks):
            ask(self.manager, tr("confirm.deal", cost=outlay(o.asks),
                                 treasury=w.powers[me].treasury, offer=words.offer(w, o)),
                tr("answers.accept"), lambda: self.desk.do(act))
        else:
            self.desk.do(act)

    def still(self):
        """What the answers show apart from the hovered button and the tooltip: the World, the seat, the scroll,
        the last message and the focus."""
        return (Ref(self.desk.world), self.desk.seat(), self.scroll, self.desk.message, self.focus_id)

    def draw(self, surface) -> None:
        """Each waiting offer in full with the seat's own appraisal and Accept / Refuse / Counter; then its own."""
        inner = self.frame(surface, tr("answers.title"))
        me = self.desk.seat()
        w = self.desk.view()
        legal = {str(a) for a in self.desk.legal()}
        bottom = inner.bottom - theme.px(46)
        entries = self.entries(w, me)
        self.scroll = min(self.scroll, max(0, len(entries) - 1))
        y = inner.top
        if not entries:
            theme.text(surface, tr("answers.none"), (inner.left, y), 16, theme.MUTED)
            y += theme.line_height(16) + 10
        for n, entry in enumerate(entries[self.scroll:]):
            key = NUMBER_KEYS[n] if n < len(NUMBER_KEYS) else None
            end = (self.draw_offer_row(surface, inner, y, bottom, w, me, entry, legal, key)
                   if isinstance(entry, Offer) else self.draw_invitation(surface, inner, y, bottom, w, me, entry, legal))
            if end is None:
                theme.text(surface, tr("list.more", shown=f"{self.scroll + 1}-{self.scroll + n}", total=len(entries)),
                           (inner.left, bottom + theme.px(14)), 14, theme.MUTED)
                break
            y = end + theme.px(10)
        else:
            self.draw_sent(surface, inner, max(y, inner.top + theme.px(40)), bottom, w, me)
        self.close_button(surface, inner)
        self.draw_tooltip(surface)

    def draw_offer_row(self, surface, inner, y, bottom, w, me, o, legal, key):
        """One waiting offer in full, the seat's view of it and its buttons; None when it does not fit."""
        from game.rules.valuation import appraise
        bh, bw = theme.px(30), theme.px(110)
        text_w = inner.width - 3 * (bw + 6) - theme.px(14)
        terms = words.offer(w, o)
        view = tr("answers.your_view", reason=appraise(w, me, o).reason)
        accept = A.Accept(me, o.id)
        effect = self.desk.accept_line(accept)
        need = (len(theme.wrap(terms, text_w, 15)) * theme.line_height(15)
                + sum(len(theme.wrap(t, text_w, 13)) * theme.line_height(13) for t in (view, effect) if t))
        if y + max(need, bh) > bottom and y > inner.top:
            return None
        y2 = theme.paragraph(surface, terms, pygame.Rect(inner.left, y, text_w, need + 4), 15)
        y2 = theme.paragraph(surface, view, pygame.Rect(inner.left, y2, text_w, need + 4), 13, theme.MUTED)
        if effect:
            y2 = theme.paragraph(surface, effect, pygame.Rect(inner.left, y2, text_w, need + 4), 13, theme.SKY)
        for j, (label, act, fn) in enumerate(((tr("answers.accept"), accept, lambda: self.accept(w, me, o)),
                                              (tr("answers.reject"), A.Reject(me, o.id),
                                               lambda: self.desk.do(A.Reject(me, o.id))))):
            ok = str(act) in legal
            self.button(surface, (inner.right - (3 - j) * (bw + 6), y, bw, bh), label, fn, enabled=ok,
                        id=f"{act.verb}-{o.id}", tooltip="" if ok else tr("why.not_now"),
                        hotkey=key if j == 0 else None)
        can_counter = any(a.startswith(f"counter {me} {o.id}") for a in legal)
        self.button(surface, (inner.right - (bw + 6), y, bw, bh), tr("answers.counter"),
                    lambda: self.manager.push(NegotiationScene(self.desk, counter=o)), enabled=can_counter,
                    tooltip=tr("answers.counter.tip") if can_counter else tr("why.no_counter"), id=f"counter-{o.id}")
        return max(y2, y + bh)

    def draw_invitation(self, surface, inner, y, bottom, w, me, sm, legal):
        """One summit invitation and Attend / Stay away; None when it does not fit."""
        bh, bw = theme.px(30), theme.px(110)
        line = tr("answers.invitation", forum=words.fname(w, sm.forum), host=words.pname(w, sm.host))
        text_w = inner.width - 2 * (bw + 6) - theme.px(14)
        need = len(theme.wrap(line, text_w, 15)) * theme.line_height(15)
        if y + max(need, bh) > bottom and y > inner.top:
            return None
        end = theme.paragraph(surface, line, pygame.Rect(inner.left, y + 6, text_w, need + 4), 15)
        for j, yes in enumerate((True, False)):
            act = A.Attend(me, sm.forum, yes)
            self.button(surface, (inner.right - (2 - j) * (bw + 6), y, bw, bh),
                        tr("answers.attend") if yes else tr("answers.decline"),
                        lambda act=act: self.desk.do(act), enabled=str(act) in legal, id=f"attend-{sm.forum}-{yes}")
        return max(end, y + bh)

    def draw_sent(self, surface, inner, y, bottom, w, me) -> None:
        """The seat's own offers this year and their answers, each in full as far as the room goes."""
        theme.text(surface, tr("answers.sent"), (inner.left, y), 15, theme.ACCENT, True)
        y += theme.line_height(15) + 4
        mine = [o for o in w.offers.values() if o.sender == me and o.year == w.year]
        for o in mine:
            line = f"{tr(f'offer.{o.status}')}: {words.offer(w, o)}" + (f" - {o.reason}" if o.reason else "")
            y = theme.paragraph(surface, line, pygame.Rect(inner.left, y, inner.width, bottom - y), 13) + 4
        if not mine:
            theme.text(surface, tr("word.none"), (inner.left, y), 13, theme.MUTED)
