"""The negotiation table: compose an offer item by item, see whether the rules allow it and how the other side
sees it, send it; also summits and multi-party pacts."""
from __future__ import annotations

import pygame

from game.model import AID_KINDS, Item, Offer
from game.rules import actions as A
from game.rules import debt, haggle, migration, transit
from game.ui import theme, words
from game.ui.desk import desk_of, shared_rivers
from game.ui.dialogs.base import Dialog
from game.ui.i18n import number, render, tr
from game.ui.mapview import Ref

KINDS = ("aid", "contract", "cofinance", "statement", "transit", "debt", "quota", "water", "energy")
RELIEF_LABELS = {"writedown": "nego.relief.writedown", "grace": "nego.relief.grace"}  # the two kinds of debt relief
KINDS_PER_ROW = 4  # kind buttons per row of the composer (they wrap onto a second row)
NEIGHBOUR_KINDS = ("water", "energy")  # items two Central Asian states exchange


class NegotiationScene(Dialog):
    """Compose an offer item by item, see whether the rules allow it and how the other side sees it, send it."""

    size = (0.8, 0.84)

    def __init__(self, owner, counter: Offer | None = None) -> None:
        super().__init__()
        self.desk = desk_of(owner)
        self.counter = counter
        self.me = self.desk.seat()
        w = self.desk.world
        self.targets = self.desk.counterparts()
        self.target = counter.sender if counter else (self.targets[0] if self.targets else "")
        gives, asks = haggle.standard_counter(w, counter) if counter else ((), ())  # rule 25's opening terms
        self.gives: list[Item] = list(gives)
        self.asks: list[Item] = list(asks)
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
        w = self.desk.world
        return (self.me, self.target) if self.me in w.economies else (self.target, self.me)

    def resources(self) -> list[str]:
        """Resources the C5 side produces."""
        w = self.desk.world
        c, _ = self.c5_and_great()
        return [r for r, v in w.economies[c].production.items() if v > 0] if c in w.economies else []

    def corridors(self, kind: str) -> list[str]:
        """Corridors an item of this kind may name ("" = the cheapest route)."""
        w = self.desk.world
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
        w = self.desk.world
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
            w = self.desk.world
            self.draft["fee"] = transit.fee_of(w, w.corridors[self.draft["corridor"]], self.c5_and_great()[0])
        if kind == "cofinance":
            self.draft["amount"] = max(self.draft["amount"], 0.5)
        c, great = self.c5_and_great()
        w = self.desk.world
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
        w = self.desk.world
        neighbours = self.target in w.powers and w.powers[self.target].kind != "great" and self.me in w.economies
        return NEIGHBOUR_KINDS if neighbours else tuple(k for k in KINDS if k not in NEIGHBOUR_KINDS)

    def rivers(self) -> list[str]:
        """Rivers shared between the two sides (one upstream, the other downstream)."""
        return shared_rivers(self.desk.world, self.me, self.target)

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
        return [render(r) for r in validate(self.desk.world, self.action())]

    def send(self) -> None:
        """Send the offer, asking first when what it gives costs much of the seat's treasury."""
        from game.ui.confirm import ask, costly, outlay
        w = self.desk.world
        if costly(w, self.me, self.gives):
            ask(self.manager, tr("confirm.send", cost=outlay(self.gives),
                                 treasury=w.powers[self.me].treasury), tr("nego.send"), self.dispatch)
        else:
            self.dispatch()

    def dispatch(self) -> None:
        """Hand the offer to the session; close on success, show the refusal otherwise."""
        if self.desk.do(self.action()):
            self.close()
        else:
            self.result = self.desk.message

    # --- drawing -----------------------------------------------------------------------------
    def still(self):
        """What the composer shows apart from the hovered button and the tooltip: the World, the seats, the kind,
        the draft, the offer so far, the last result and the focus (nothing in it follows the mouse)."""
        return (Ref(self.desk.world), self.desk.seat(), self.target, self.kind, tuple(self.draft.items()),
                tuple(self.gives), tuple(self.asks), self.result, self.desk.message, self.focus_id)

    def draw(self, surface) -> None:
        """Counterparts, the composer, the offer so far, the other side's view, its preview, Send."""
        title = tr("nego.title") if not self.counter else tr(
            "nego.counter_round", n=haggle.counters_in(self.desk.world, self.counter) + 1,
            most=int(self.desk.world.param("haggle.rounds")))
        inner = self.frame(surface, title)
        w = self.desk.view()
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
        rows = self.desk.candidates(("pact",))
        if not rows:
            return
        w = self.desk.world
        theme.text(surface, tr("nego.pacts"), rect.topleft, 15, theme.MUTED)
        y = rect.top + theme.line_height(15) + 4
        for i, (a, reasons) in enumerate(rows):
            route = next((i.corridor for p in a.parts for i in p.asks if i.kind == "transit"), "")
            label = tr("nego.pact", n=len(a.parts), route=words.kname(w, route) if route else "")
            self.button(surface, (rect.left, y, rect.width, bh), label, lambda a=a: self.invite(a),
                        enabled=not reasons, id=f"pact{i}", size=13, tooltip=self.desk.preview_tip(a))
            y += bh + 4

    def draw_summits(self, surface, rect, bh) -> int:
        """Summit invitations the seat may send: a forum it hosts, ministers or leaders; the y below them."""
        rows = self.desk.candidates(("summit",))
        if not rows:
            return rect.top - theme.px(16)
        w = self.desk.world
        theme.text(surface, tr("nego.summit"), rect.topleft, 15, theme.MUTED)
        y = rect.top + theme.line_height(15) + 4
        for i, (a, reasons) in enumerate(rows):
            label = tr(f"nego.summit{a.level}", forum=words.fname(w, a.forum))
            self.button(surface, (rect.left, y, rect.width, bh), label, lambda a=a: self.invite(a),
                        enabled=not reasons, id=f"summit{i}", size=13, tooltip=self.desk.preview_tip(a))
            y += bh + 4
        return y

    def invite(self, action) -> None:
        """Call the summit or send the pact (the invitations go to the members or parties)."""
        if self.desk.do(action):
            self.close()
        else:
            self.result = self.desk.message

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
                (tr("nego.volume"), f"{number(d['volume'], 'g')} {words.unit(d['resource'])}",
                 lambda: self.nudge("volume", self.vol_step(), 0, 1000), lambda: self.nudge("volume", -self.vol_step(), 0, 1000)),
                (tr("nego.price"), f"{number(d['price'], '.1f')}x", lambda: self.nudge("price", 0.1, 0.5, 2.0),
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
                (tr("nego.fee"), words.money(d["fee"]), lambda: self.nudge("fee", fee_step, 0, cap),
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
            fields.append((tr("nego.entry"), f"{number(d['quota'], 'g')}x", lambda: self.nudge("quota", m_step, low, high),
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
        w = self.desk.world
        c, _ = self.c5_and_great()
        made = w.economies[c].production.get(self.draft["resource"], 0.0) if c in w.economies else 0.0
        return round(made * w.param("play.contract_share"), 3) or 1.0

    def vol_step(self) -> float:
        """A sensible step for contract volumes: a tenth of the seller's output."""
        w = self.desk.world
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
        human = self.desk.human(self.target)
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
            for warn, line in self.desk.preview_lines(self.action()):
                y = theme.paragraph(surface, line, pygame.Rect(rect.left, y, rect.width, room - y), 13,
                                    theme.WARN if warn else theme.TEXT) + 4
        if self.result:
            theme.paragraph(surface, self.result, pygame.Rect(rect.left, y, rect.width, room - y), 14, theme.YELLOW)
        bw = (rect.width - 6) // 2
        self.button(surface, (rect.left, rect.bottom - bh - 4, bw, bh + 4), tr("nego.send"), self.send,
                    enabled=not problems, tooltip=" ".join(problems) or tr("nego.send.tip"), id="send", size=17)
        self.button(surface, (rect.left + bw + 6, rect.bottom - bh - 4, bw, bh + 4), tr("common.cancel"), self.close,
                    id="cancel")
