"""Dialogs and overlays of the play screen: action lists, answers, the negotiation table,
event cards, the year summary, the hand-over screen and the pause menu."""
from __future__ import annotations

import pygame

from game.model import AID_KINDS, Item, Offer
from game.text import event_text
from game.rules import actions as A
from game.rules import debt, migration, transit
from game.ui import theme, words
from game.ui.i18n import render, tr
from game.ui.widgets import NUMBER_KEYS, UIScene


_dim: dict[tuple[int, int], pygame.Surface] = {}


def dimmer(size: tuple[int, int]) -> pygame.Surface:
    """A translucent black sheet of `size` that dims the screen below a dialog (made once per size)."""
    if size not in _dim:
        _dim.clear()
        sheet = pygame.Surface(size, pygame.SRCALPHA)
        sheet.fill((0, 0, 0, 150))
        _dim[size] = sheet
    return _dim[size]


class Dialog(UIScene):
    """A window over the screen below; Esc closes it."""

    transparent = True
    size = (0.62, 0.72)  # share of the screen at UI scale 1 (grown with the scale)

    def frame(self, surface: pygame.Surface, title: str) -> pygame.Rect:
        """Dim the screen, draw the window and its title; returns the inner rectangle."""
        self.begin()
        surface.blit(dimmer(surface.get_size()), (0, 0))
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


class ActionListScene(ListMixin, Dialog):
    """Every action of a kind, the refused ones disabled with their reasons; beside the list, what the pointed
    (or focused) action costs and does, worked out by the rules (`game.rules.preview`)."""

    size = (0.76, 0.74)

    def __init__(self, game, title: str, verbs) -> None:
        super().__init__()
        self.game, self.title, self.verbs = game, title, verbs

    def handle_event(self, event) -> bool:
        """Scrolling, then buttons."""
        return self.wheel(event) or super().handle_event(event)

    def draw(self, surface) -> None:
        """One button per action (a refused one greyed, its first reason beside it), the preview beside them."""
        inner = self.frame(surface, self.title)
        w = self.game.session.world
        rows = self.game.candidates(self.verbs)
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
        y = theme.paragraph(surface, words.action(self.game.session.world, action), body, 15, bold=True) + theme.px(8)
        for warn, line in self.game.preview_lines(action):
            color = theme.WARN if warn else theme.SKY
            y = theme.paragraph(surface, line, pygame.Rect(body.left, y, body.width, body.bottom - y), 14, color)
            y += theme.px(6)

    def pick(self, action) -> None:
        """Take the action and close."""
        if self.game.do(action):
            self.close()


class AnswersScene(ListMixin, Dialog):
    """Offers and summit invitations waiting for the seat's answer, each in full and scrolled, then its own
    offers this year and their answers; an acceptance that pays out much of the treasury asks first."""

    size = (0.7, 0.8)

    def __init__(self, game) -> None:
        super().__init__()
        self.game = game

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
                tr("answers.accept"), lambda: self.game.do(act))
        else:
            self.game.do(act)

    def draw(self, surface) -> None:
        """Each waiting offer in full with the seat's own appraisal and Accept / Refuse / Counter; then its own."""
        inner = self.frame(surface, tr("answers.title"))
        s = self.game.session
        me = s.current()
        w = s.view(me) if me else self.game.world()
        legal = {str(a) for a in s.legal()}
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
        effect = self.game.accept_line(accept)
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
                                               lambda: self.game.do(A.Reject(me, o.id))))):
            ok = str(act) in legal
            self.button(surface, (inner.right - (3 - j) * (bw + 6), y, bw, bh), label, fn, enabled=ok,
                        id=f"{act.verb}-{o.id}", tooltip="" if ok else tr("why.not_now"),
                        hotkey=key if j == 0 else None)
        can_counter = any(a.startswith(f"counter {me} {o.id}") for a in legal)
        self.button(surface, (inner.right - (bw + 6), y, bw, bh), tr("answers.counter"),
                    lambda: self.manager.push(NegotiationScene(self.game, counter=o)), enabled=can_counter,
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
                        lambda act=act: self.game.do(act), enabled=str(act) in legal, id=f"attend-{sm.forum}-{yes}")
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


# --- the negotiation table -----------------------------------------------------------------

KINDS = ("aid", "contract", "cofinance", "statement", "transit", "debt", "quota", "water", "energy")
RELIEF_LABELS = {"writedown": "nego.relief.writedown", "grace": "nego.relief.grace"}  # the two kinds of debt relief
KINDS_PER_ROW = 4  # kind buttons per row of the composer (they wrap onto a second row)
NEIGHBOUR_KINDS = ("water", "energy")  # items two Central Asian states exchange


class NegotiationScene(Dialog):
    """Compose an offer item by item, see whether the rules allow it and how the other side sees it, send it."""

    size = (0.8, 0.84)

    def __init__(self, game, counter: Offer | None = None) -> None:
        super().__init__()
        self.game = game
        self.counter = counter
        s = game.session
        self.me = s.current()
        w = s.world
        self.targets = game.counterparts()
        self.target = counter.sender if counter else (self.targets[0] if self.targets else "")
        self.gives: list[Item] = list(counter.asks) if counter else []
        self.asks: list[Item] = list(counter.gives) if counter else []
        self.kind = "aid"
        self.draft = {"aid_kind": "grant", "amount": w.param("play.aid_step"), "resource": "", "volume": 1.0,
                      "price": 1.0, "years": int(w.param("play.contract_years")), "corridor": "", "against": "",
                      "fee": 0.0, "river": "", "energy": 0.3, "relief": "writedown", "writedown": 0.1,
                      "grace": int(w.param("debt.grace_years")), "quota": 1.0}
        if self.kind not in self.kinds():
            self.set_kind(self.kinds()[0])
        self.result = ""

    # --- the parts of an offer ------------------------------------------------------------------
    def c5_and_great(self) -> tuple[str, str]:
        """(C5 state, great power) of this negotiation."""
        w = self.game.session.world
        return (self.me, self.target) if self.me in w.economies else (self.target, self.me)

    def resources(self) -> list[str]:
        """Resources the C5 side produces."""
        w = self.game.session.world
        c, _ = self.c5_and_great()
        return [r for r, v in w.economies[c].production.items() if v > 0] if c in w.economies else []

    def corridors(self, kind: str) -> list[str]:
        """Corridors an item of this kind may name ("" = the cheapest route)."""
        w = self.game.session.world
        c, _ = self.c5_and_great()
        if kind == "cofinance":
            return [k.id for k in w.corridors.values() if c in k.path and k.status in ("planned", "building")]
        if kind == "transit":
            return [k.id for k in w.corridors.values() if c in transit.missing_consent(w, k)]
        _, great = self.c5_and_great()
        return [""] + [k.id for k in w.corridors.values()
                       if c in k.path[:-1] and self.draft["resource"] in k.goods and great in k.markets]

    def cycle(self, key: str, options: list) -> None:
        """Next value of a draft field among options."""
        if not options:
            return
        cur = self.draft[key]
        self.draft[key] = options[(options.index(cur) + 1) % len(options)] if cur in options else options[0]

    def nudge(self, key: str, step: float, low: float, high: float) -> None:
        """Raise or lower a numeric draft field."""
        self.draft[key] = round(max(low, min(high, self.draft[key] + step)), 3)

    def build_item(self) -> tuple[Item, str]:
        """The item being composed and the side that gives it ("me" or "them")."""
        d = self.draft
        w = self.game.session.world
        great_is_me = w.powers[self.me].kind == "great"
        if self.kind == "aid":
            return Item("aid", aid_kind=d["aid_kind"], amount=d["amount"]), "me" if great_is_me else "them"
        if self.kind == "contract":
            return (Item("contract", resource=d["resource"], amount=d["volume"], price_factor=d["price"],
                         years=int(d["years"]), corridor=d["corridor"]), "them" if great_is_me else "me")
        if self.kind == "cofinance":
            return Item("cofinance", corridor=d["corridor"], amount=d["amount"]), "me" if great_is_me else "them"
        if self.kind == "transit":
            return Item("transit", corridor=d["corridor"], amount=d["fee"]), "them" if great_is_me else "me"
        if self.kind == "debt":
            item = (Item("writedown", amount=d["writedown"]) if d["relief"] == "writedown"
                    else Item("grace", years=int(d["grace"])))
            return item, "me" if great_is_me else "them"
        if self.kind == "quota":
            return Item("quota", amount=d["quota"]), "me" if great_is_me else "them"
        upstream = d["river"] in w.rivers and self.me in w.rivers[d["river"]].upstream
        if self.kind == "water":
            return Item("water", corridor=d["river"], years=int(d["years"])), "me" if upstream else "them"
        if self.kind == "energy":
            return Item("energy", amount=d["energy"]), "them" if upstream else "me"
        return Item("statement", against=d["against"]), "both"

    def add(self) -> None:
        """Put the composed item into the offer."""
        item, side = self.build_item()
        if side in ("me", "both"):
            self.gives.append(item)
        if side in ("them", "both"):
            self.asks.append(item)

    def set_kind(self, kind: str) -> None:
        """Choose what kind of item to compose."""
        self.kind = kind
        if kind == "contract" and self.draft["resource"] not in self.resources():
            self.draft["resource"] = (self.resources() or [""])[0]
        if kind == "contract":
            self.draft["volume"] = self.standard_volume()
        if kind in ("contract", "cofinance", "transit"):
            opts = self.corridors(kind)
            self.draft["corridor"] = opts[0] if opts else ""
        if kind in NEIGHBOUR_KINDS and self.draft["river"] not in self.rivers():
            self.draft["river"] = (self.rivers() or [""])[0]
        if kind == "transit" and self.draft["corridor"]:
            w = self.game.session.world
            self.draft["fee"] = transit.fee_of(w, w.corridors[self.draft["corridor"]], self.c5_and_great()[0])
        if kind == "cofinance":
            self.draft["amount"] = max(self.draft["amount"], 0.5)
        c, great = self.c5_and_great()
        w = self.game.session.world
        if kind == "debt" and c in w.economies:
            self.draft["writedown"] = round(debt.owed(w, c, great) * w.param("debt.writedown_share"), 3) or 0.1
        if kind == "quota" and c in w.economies:
            self.draft["quota"] = round(migration.level(w, c, great) + w.param("migration.step"), 3)

    def set_target(self, p: str) -> None:
        """Choose who the offer goes to."""
        self.target = p
        self.set_kind(self.kinds()[0] if self.kind not in self.kinds() else self.kind)

    def kinds(self) -> tuple[str, ...]:
        """The kinds of item this pair of powers can exchange."""
        w = self.game.session.world
        neighbours = self.target in w.powers and w.powers[self.target].kind != "great" and self.me in w.economies
        return NEIGHBOUR_KINDS if neighbours else tuple(k for k in KINDS if k not in NEIGHBOUR_KINDS)

    def rivers(self) -> list[str]:
        """Rivers shared between the two sides (one upstream, the other downstream)."""
        from game.ui.game import shared_rivers
        return shared_rivers(self.game.session.world, self.me, self.target)

    def action(self) -> A.Action:
        """The Propose (or Counter) action for the offer as composed."""
        if self.counter:
            return A.Counter(self.me, self.counter.id, tuple(self.gives), tuple(self.asks))
        return A.Propose(self.me, self.target, tuple(self.gives), tuple(self.asks))

    def problems(self) -> list[str]:
        """Why the rules would refuse the offer now."""
        from game.rules.play import validate
        if not self.target:
            return [tr("why.no_counterpart")]
        return [render(r) for r in validate(self.game.session.world, self.action())]

    def send(self) -> None:
        """Send the offer, asking first when what it gives costs much of the seat's treasury."""
        from game.ui.confirm import ask, costly, outlay
        w = self.game.session.world
        if costly(w, self.me, self.gives):
            ask(self.manager, tr("confirm.send", cost=outlay(self.gives),
                                 treasury=w.powers[self.me].treasury), tr("nego.send"), self.dispatch)
        else:
            self.dispatch()

    def dispatch(self) -> None:
        """Hand the offer to the session; close on success, show the refusal otherwise."""
        if self.game.do(self.action()):
            self.close()
        else:
            self.result = self.game.message

    # --- drawing -----------------------------------------------------------------------------
    def draw(self, surface) -> None:
        """Counterparts, the composer, the offer so far, the other side's view, its preview, Send."""
        title = tr("nego.counter_title") if self.counter else tr("nego.title")
        inner = self.frame(surface, title)
        s = self.game.session
        w = s.view(self.me)
        bh = theme.px(30)
        left = pygame.Rect(inner.left, inner.top, int(inner.width * 0.2), inner.height)
        mid = pygame.Rect(left.right + theme.px(14), inner.top, int(inner.width * 0.42), inner.height)
        right = pygame.Rect(mid.right + theme.px(14), inner.top, inner.right - mid.right - theme.px(14), inner.height)
        theme.text(surface, tr("nego.to"), left.topleft, 15, theme.MUTED)
        y = left.top + theme.line_height(15) + 4
        for p in ([self.target] if self.counter else self.targets):
            self.button(surface, (left.left, y, left.width, bh), words.pname(w, p), lambda p=p: self.set_target(p),
                        selected=p == self.target, id=f"to-{p}", enabled=not self.counter)
            y += bh + 4
        if not self.counter:
            y = self.draw_summits(surface, pygame.Rect(left.left, y + theme.px(16), left.width, left.bottom - y), bh)
            self.draw_pacts(surface, pygame.Rect(left.left, y + theme.px(16), left.width, left.bottom - y), bh)
        self.draw_composer(surface, mid, w, bh)
        self.draw_offer(surface, right, w, bh)
        self.draw_tooltip(surface)

    def draw_pacts(self, surface, rect, bh) -> None:
        """Multi-party deals the rules suggest (a consortium buying every transit state's consent), each sent whole."""
        rows = self.game.candidates(("pact",))
        if not rows:
            return
        w = self.game.session.world
        theme.text(surface, tr("nego.pacts"), rect.topleft, 15, theme.MUTED)
        y = rect.top + theme.line_height(15) + 4
        for i, (a, reasons) in enumerate(rows):
            route = next((i.corridor for p in a.parts for i in p.asks if i.kind == "transit"), "")
            label = tr("nego.pact", n=len(a.parts), route=words.kname(w, route) if route else "")
            self.button(surface, (rect.left, y, rect.width, bh), label, lambda a=a: self.invite(a),
                        enabled=not reasons, id=f"pact{i}", size=13, tooltip=self.game.preview_tip(a))
            y += bh + 4

    def draw_summits(self, surface, rect, bh) -> int:
        """Summit invitations the seat may send: a forum it hosts, ministers or leaders; the y below them."""
        rows = self.game.candidates(("summit",))
        if not rows:
            return rect.top - theme.px(16)
        w = self.game.session.world
        theme.text(surface, tr("nego.summit"), rect.topleft, 15, theme.MUTED)
        y = rect.top + theme.line_height(15) + 4
        for i, (a, reasons) in enumerate(rows):
            label = tr(f"nego.summit{a.level}", forum=words.fname(w, a.forum))
            self.button(surface, (rect.left, y, rect.width, bh), label, lambda a=a: self.invite(a),
                        enabled=not reasons, id=f"summit{i}", size=13, tooltip=self.game.preview_tip(a))
            y += bh + 4
        return y

    def invite(self, action) -> None:
        """Call the summit or send the pact (the invitations go to the members or parties)."""
        if self.game.do(action):
            self.close()
        else:
            self.result = self.game.message

    def draw_composer(self, surface, rect, w, bh) -> None:
        """Kind buttons and the fields of the item being composed."""
        theme.text(surface, tr("nego.compose"), rect.topleft, 15, theme.MUTED)
        y = rect.top + theme.line_height(15) + 4
        kinds = self.kinds()
        per_row = min(len(kinds), KINDS_PER_ROW)
        kw = (rect.width - (per_row - 1) * 4) // per_row
        for i, k in enumerate(kinds):
            col, row = i % per_row, i // per_row
            self.button(surface, (rect.left + col * (kw + 4), y + row * (bh + 4), kw, bh), tr(f"kind.{k}"),
                        lambda k=k: self.set_kind(k), selected=k == self.kind, id=f"kind-{k}",
                        tooltip=tr(f"kind.{k}.tip"), size=14)
        y += (bh + 4) * (-(-len(kinds) // per_row)) + theme.px(6)
        d = self.draft
        step = w.param("play.aid_step")
        fields: list[tuple[str, str, callable, callable | None]] = []
        if self.kind in ("aid", "cofinance"):
            if self.kind == "aid":
                fields.append((tr("nego.aid_kind"), tr(f"aid.{d['aid_kind']}"),
                               lambda: self.cycle("aid_kind", list(AID_KINDS)), None))
            else:
                fields.append((tr("nego.corridor"), words.kname(w, d["corridor"]) if d["corridor"] else tr("word.none"),
                               lambda: self.cycle("corridor", self.corridors("cofinance")), None))
            fields.append((tr("nego.amount"), words.money(d["amount"]), lambda: self.nudge("amount", step, step, 20),
                           lambda: self.nudge("amount", -step, step, 20)))
        elif self.kind == "contract":
            c, _ = self.c5_and_great()
            fields += [
                (tr("nego.resource"), words.resource(d["resource"]) if d["resource"] else tr("word.none"),
                 lambda: (self.cycle("resource", self.resources()), self.set_kind("contract")), None),
                (tr("nego.volume"), f"{d['volume']:g} {words.unit(d['resource'])}",
                 lambda: self.nudge("volume", self.vol_step(), 0, 1000), lambda: self.nudge("volume", -self.vol_step(), 0, 1000)),
                (tr("nego.price"), f"{d['price']:.1f}x", lambda: self.nudge("price", 0.1, 0.5, 2.0),
                 lambda: self.nudge("price", -0.1, 0.5, 2.0)),
                (tr("nego.years"), str(int(d["years"])), lambda: self.nudge("years", 1, 1, 20),
                 lambda: self.nudge("years", -1, 1, 20)),
                (tr("nego.corridor"), words.kname(w, d["corridor"]),
                 lambda: self.cycle("corridor", self.corridors("contract")), None),
            ]
        elif self.kind in NEIGHBOUR_KINDS:
            fields.append((tr("nego.river"), words.rname(w, d["river"]) if d["river"] else tr("word.none"),
                           lambda: self.cycle("river", self.rivers()), None))
            if self.kind == "water":
                fields.append((tr("nego.years"), str(int(d["years"])), lambda: self.nudge("years", 1, 1, 5),
                               lambda: self.nudge("years", -1, 1, 5)))
            else:
                e_step = w.param("water.energy_step")
                fields.append((tr("nego.amount"), words.money(d["energy"]), lambda: self.nudge("energy", e_step, e_step, 20),
                               lambda: self.nudge("energy", -e_step, e_step, 20)))
        elif self.kind == "transit":
            cap = transit.fee_cap(w, w.corridors[d["corridor"]]) if d["corridor"] in w.corridors else 0.0
            fee_step = w.param("transit.step")
            fields += [
                (tr("nego.corridor"), words.kname(w, d["corridor"]) if d["corridor"] else tr("word.none"),
                 lambda: (self.cycle("corridor", self.corridors("transit")), self.set_kind("transit")), None),
                (tr("nego.fee"), f"${d['fee']:g}bn", lambda: self.nudge("fee", fee_step, 0, cap),
                 lambda: self.nudge("fee", -fee_step, 0, cap)),
            ]
        elif self.kind == "debt":
            fields.append((tr("nego.relief"), tr(RELIEF_LABELS[d["relief"]]),
                           lambda: self.cycle("relief", ["writedown", "grace"]), None))
            if d["relief"] == "writedown":
                fields.append((tr("nego.amount"), words.money(d["writedown"]), lambda: self.nudge("writedown", 0.05, 0.05, 100),
                               lambda: self.nudge("writedown", -0.05, 0.05, 100)))
            else:
                most = w.param("debt.max_grace")
                fields.append((tr("nego.years"), str(int(d["grace"])), lambda: self.nudge("grace", 1, 1, most),
                               lambda: self.nudge("grace", -1, 1, most)))
        elif self.kind == "quota":
            m_step, low, high = (w.param("migration.step"), w.param("migration.min_entry"), w.param("migration.max_entry"))
            fields.append((tr("nego.entry"), f"{d['quota']:g}x", lambda: self.nudge("quota", m_step, low, high),
                           lambda: self.nudge("quota", -m_step, low, high)))
        else:
            options = [""] + [p for p in w.order if p not in (self.me, self.target) and w.powers[p].kind == "great"]
            fields.append((tr("nego.against"), words.pname(w, d["against"]) if d["against"] else tr("word.nobody"),
                           lambda: self.cycle("against", options), None))
        for i, (label, value, plus, minus) in enumerate(fields):
            theme.text(surface, label, (rect.left, y + bh // 2), 14, theme.MUTED, anchor="midleft")
            vx = rect.left + int(rect.width * 0.3)
            if minus:
                sw = theme.px(34)
                self.button(surface, (vx, y, sw, bh), "-", minus, id=f"f{i}-")
                theme.text(surface, value, (vx + sw + theme.px(8), y + bh // 2), 15, anchor="midleft")
                self.button(surface, (rect.right - sw, y, sw, bh), "+", plus, id=f"f{i}+")
            else:
                self.button(surface, (vx, y, rect.right - vx, bh), value, plus, id=f"f{i}", size=14,
                            tooltip=tr("nego.cycle.tip"))
            y += bh + 6
        item, side = self.build_item()
        y += theme.px(6)
        who = {"me": tr("nego.side_me"), "them": tr("nego.side_them"), "both": tr("nego.side_both")}[side]
        y = theme.paragraph(surface, f"{who}: {words.item(w, item)}", pygame.Rect(rect.left, y, rect.width,
                                                                                 rect.bottom - y - bh - 8), 14)
        self.button(surface, (rect.left, y + 4, rect.width, bh), tr("nego.add"), self.add, id="add",
                    hotkey=pygame.K_a, tooltip=tr("nego.add.tip"))

    def standard_volume(self) -> float:
        """The rules' standard contract volume: a share of the seller's output."""
        w = self.game.session.world
        c, _ = self.c5_and_great()
        made = w.economies[c].production.get(self.draft["resource"], 0.0) if c in w.economies else 0.0
        return round(made * w.param("play.contract_share"), 3) or 1.0

    def vol_step(self) -> float:
        """A sensible step for contract volumes: a tenth of the seller's output."""
        w = self.game.session.world
        c, _ = self.c5_and_great()
        made = w.economies[c].production.get(self.draft["resource"], 1.0) if c in w.economies else 1.0
        return max(0.001, round(made * 0.05, 3))

    def draw_offer(self, surface, rect, w, bh) -> None:
        """The offer so far, what the rules say, how the other side sees it, and Send."""
        from game.rules.valuation import appraise
        y = rect.top
        for title, seq, side in ((tr("nego.you_give"), self.gives, "g"), (tr("nego.you_ask"), self.asks, "a")):
            theme.text(surface, title, (rect.left, y), 15, theme.ACCENT, True)
            y += theme.line_height(15) + 2
            for i, it in enumerate(seq):
                sw = theme.px(26)
                top = y
                y = theme.paragraph(surface, words.item(w, it), pygame.Rect(rect.left, y, rect.width - sw - 6,
                                                                            rect.bottom - y), 14)
                self.button(surface, (rect.right - sw, top, sw, theme.px(22)), "x",
                            lambda seq=seq, i=i: seq.pop(i), id=f"rm-{side}{i}", tooltip=tr("nego.remove"))
                y = max(y, top + theme.px(24))
            if not seq:
                theme.text(surface, tr("word.nothing"), (rect.left, y), 14, theme.MUTED)
                y += theme.line_height(14)
            y += theme.px(8)
        problems = self.problems()
        room = rect.bottom - bh - theme.px(10)
        human = self.target in self.game.session.seats and self.game.session.seats[self.target].human
        if self.target and (self.gives or self.asks) and human:
            y = theme.paragraph(surface, tr("nego.human_view", power=words.pname(w, self.target)),
                                pygame.Rect(rect.left, y, rect.width, room - y), 14, theme.MUTED) + 6
        elif self.target and (self.gives or self.asks):
            draft = Offer("draft", self.me, self.target, tuple(self.gives), tuple(self.asks), w.year)
            try:
                judged = appraise(w, self.target, draft)
                y = theme.paragraph(surface, tr("nego.their_view", reason=judged.reason),
                                    pygame.Rect(rect.left, y, rect.width, room - y), 14, theme.SKY) + 6
            except (KeyError, ValueError, ZeroDivisionError):
                pass
        if problems:
            y = theme.paragraph(surface, " ".join(map(render, problems)), pygame.Rect(rect.left, y, rect.width, room - y),
                                14, theme.WARN) + 4
        elif self.target and (self.gives or self.asks):
            for warn, line in self.game.preview_lines(self.action()):
                y = theme.paragraph(surface, line, pygame.Rect(rect.left, y, rect.width, room - y), 13,
                                    theme.WARN if warn else theme.TEXT) + 4
        if self.result:
            theme.paragraph(surface, self.result, pygame.Rect(rect.left, y, rect.width, room - y), 14, theme.YELLOW)
        bw = (rect.width - 6) // 2
        self.button(surface, (rect.left, rect.bottom - bh - 4, bw, bh + 4), tr("nego.send"), self.send,
                    enabled=not problems, tooltip=" ".join(problems) or tr("nego.send.tip"), id="send", size=17)
        self.button(surface, (rect.left + bw + 6, rect.bottom - bh - 4, bw, bh + 4), tr("common.cancel"), self.close,
                    id="cancel")


# --- news, the year, the hand-over ---------------------------------------------------------------

class EventCardsScene(Dialog):
    """This year's event cards, one at a time: title, historical note, source document."""

    size = (0.52, 0.46)

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

    def draw(self, surface) -> None:
        """The current card."""
        if not self.cards:
            self.close()
            return
        ev = self.cards[min(self.i, len(self.cards) - 1)]
        inner = self.frame(surface, tr("card.title", year=self.year, n=self.i + 1, total=len(self.cards)))
        y = theme.paragraph(surface, event_text(ev, "title"), inner, 24, theme.YELLOW, True) + theme.px(10)
        does = self.effects(ev)
        keep = len(theme.wrap(does, inner.width, 15)) * theme.line_height(15) + theme.px(10) if does else 0
        keep = min(keep, (inner.bottom - y - theme.px(90)) // 2)  # what it does keeps room; the note is cut first
        y = theme.paragraph(surface, event_text(ev, "note"),
                            pygame.Rect(inner.left, y, inner.width, inner.bottom - y - theme.px(90) - keep), 17) + theme.px(10)
        if does:
            y = theme.paragraph(surface, does, pygame.Rect(inner.left, y, inner.width, inner.bottom - y - theme.px(80)),
                                15, theme.SKY) + theme.px(10)
        if ev.source:
            theme.paragraph(surface, tr("card.source", source=words.source(ev.source)),
                            pygame.Rect(inner.left, y, inner.width, theme.px(60)), 14, theme.MUTED)
        bw, bh = theme.px(170), theme.px(38)
        self.button(surface, (inner.right - bw, inner.bottom - bh, bw, bh), tr("common.next"), self.next, id="next",
                    hotkey=pygame.K_RETURN)
        self.draw_tooltip(surface)

    def on_key(self, event) -> bool:
        """Esc or Space moves on."""
        if event.key in (pygame.K_ESCAPE, pygame.K_SPACE):
            self.next()
            return True
        return False


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


class PauseScene(Dialog):
    """Resume, save, load, settings, the main menu."""

    size = (0.34, 0.66)

    def __init__(self, game) -> None:
        super().__init__()
        self.game = game

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
            ("settings", tr("menu.settings"), self.settings, True, ""),
            ("menu", tr("pause.main_menu"), self.main_menu, True, tr("pause.main_menu.tip")),
        ]
        for i, (bid, label, fn, ok, tip) in enumerate(rows):
            self.button(surface, (inner.left, inner.top + i * (bh + 8), inner.width, bh), label, fn, enabled=ok,
                        tooltip=tip, id=bid, hotkey=NUMBER_KEYS[i])
        self.draw_tooltip(surface)

    def save(self) -> None:
        """Quick-save and close."""
        self.game.quicksave()
        self.close()

    def load(self) -> None:
        """Quick-load."""
        self.close()
        self.game.quickload()

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
        from game.ui.menu import MainMenuScene, save_module
        mod = save_module()
        if mod is not None:
            try:
                mod.autosave(self.game.session)
            except Exception:  # leaving must never fail because a save could not be written
                pass
        self.manager.replace(MainMenuScene())
