"""The map screen: top bar, map, the selected state's panel, the action bar and the event feed.

The scene reads the session (always through the view of the human seat in front
of the screen) and hands actions to it through its Desk (game/ui/desk.py), which
the dialogs it opens get too. The turn flow (game/ui/flow.py, no pygame) lets AI
seats move in `update`, a few at a time, so the window stays responsive, and says
what is due: when the human to move changes, a hand-over screen hides the
previous player's private view; after each year the year summary and the new
year's event cards are shown.
"""
from __future__ import annotations

import pygame

from game.rules import actions as A
from game.rules import phases
from game.rules.play import AP_COST
from game.rules import objectives
from game.ui import theme, words
from game.ui.i18n import tr
from game.rules.economy import debt_ratio
from game.text import msg, number, power, render
from game.ui.desk import Desk
from game.ui.flow import AI_BUDGET_S, TurnFlow
from game.ui.mapview import MapView, Ref, dominant_of, shares_of
from game.ui.widgets import NUMBER_KEYS, UIScene, paint_button

CATEGORIES = (  # (id, verbs)
    ("negotiate", ("propose", "pact")),
    ("answers", ("accept", "reject", "counter", "attend")),
    ("summit", ("summit",)),
    ("aid", ("aid",)),
    ("build", ("build", "upgrade", "tariff")),
    ("develop", ("develop", "refine", "water", "tender")),
    ("forums", ("join", "leave", "convene")),
    ("policy", ("policy", "entry")),
)


class TopItem:
    """One item of the top bar: its labels, longest first ("" hides it), its tooltip and look, and when it gives
    way to the others for lack of room (`gives`: 1 first; 0 never)."""

    def __init__(self, labels: tuple[str, ...], tip: str, color=theme.TEXT, bold: bool = False, gives: int = 0):
        self.labels, self.tip, self.color, self.bold, self.gives = labels, tip, color, bold, gives


def fit_top(items: list[TopItem], room: int, gap: int, width) -> list[str]:
    """The label each item shows: the longest that let the whole bar fit in `room` pixels (`width(text, bold)`
    measures), the items giving way one step at a time, the least needed first."""
    pick = [0] * len(items)

    def used() -> int:
        shown = [(it.labels[k], it.bold) for it, k in zip(items, pick) if it.labels[k]]
        return sum(width(t, b) for t, b in shown) + gap * max(0, len(shown) - 1)

    steps = sorted((it.gives, i) for i, it in enumerate(items) if it.gives)
    for _, i in steps:
        while used() > room and pick[i] + 1 < len(items[i].labels):
            pick[i] += 1
    return [it.labels[k] for it, k in zip(items, pick)]


class Layer:
    """One cached screen region: its picture, the key it was painted for, and the buttons, tooltip zones and
    strings the painting registered (given again on every frame that only blits it)."""

    def __init__(self) -> None:
        self.key: tuple | None = None
        self.surf: pygame.Surface | None = None
        self.buttons: list = []
        self.tips: list = []
        self.strings: list[str] = []
        self.paints = 0  # how many times it was painted (tests check the cache)


class GameScene(UIScene):
    """The main play screen for one session."""

    def __init__(self, session, ai_budget: float = AI_BUDGET_S) -> None:
        super().__init__()
        self.session = session
        self.flow = TurnFlow(session)
        self.desk = Desk(session, self.flow.me)
        self.map = MapView()
        self.selected = ""
        self.hover = ""
        self.tab = "state"
        self.feed_scroll = 0
        self.busy = False
        self.ai_budget = ai_budget
        self.map_rect = pygame.Rect(0, 0, 1, 1)
        self.layers: dict[str, Layer] = {}  # the cached pictures of the top bar, panel, action bar and feed
        self._map_tip: tuple = (None, {})  # ((World, language), hover -> its tooltip sentence)

    # --- the flow of play (game.ui.flow) and the seat's desk (game.ui.desk) ------------------------
    @property
    def viewer(self) -> str:
        """The human seat whose private view is on screen."""
        return self.flow.viewer

    @viewer.setter
    def viewer(self, seat: str) -> None:
        self.flow.viewer = seat

    @property
    def message(self) -> str:
        """The refusal or save message under the action bar."""
        return self.desk.message

    @message.setter
    def message(self, text: str) -> None:
        self.desk.message = text

    @property
    def year_start(self):
        """The World at the start of the year on screen."""
        return self.flow.year_start

    def humans(self) -> list[str]:
        """The human seats."""
        return self.flow.humans()

    def me(self) -> str:
        """The seat whose view is shown: the human to move, else the last human who moved."""
        return self.flow.me()

    def world(self):
        """The World as the seat in front of the screen may see it."""
        return self.desk.view()

    def enter(self) -> None:
        """Start the game flow (first cards, hand-over)."""
        self.advance()

    def covered(self) -> None:
        """A full screen (the debrief, the rules, settings) covers the play screen: its kept pictures go."""
        self.layers.clear()
        self.map.forget()

    def resume(self) -> None:
        """A dialog closed: carry on."""
        self.map.forget()
        self.advance()

    def update(self, dt: float) -> None:
        """Let AI seats think a little, then show what is due (year ends, hand-overs, the end)."""
        self.busy = self.flow.think(self.ai_budget)
        self.advance()

    def advance(self) -> None:
        """Open what the flow says must be seen next: the debrief, the new year's cards, the year summary, the
        hand-over (only while this scene is on top)."""
        if self.manager is None or self.manager.top is not self:
            return
        for step in self.flow.due():
            self.show(step)

    def show(self, step) -> None:
        """Open the scene for one step of the flow."""
        from game.ui import dialogs
        s = self.session
        if step.kind == "debrief":
            from game.ui.debrief import DebriefScene
            self.manager.replace(DebriefScene(s))
        elif step.kind == "cards":
            self.manager.push(dialogs.EventCardsScene(s.world, step.news))
        elif step.kind == "summary":
            from game.ui.summary import YearSummaryScene
            self.manager.push(YearSummaryScene(s, step.before, step.after, step.year, step.power))
        elif step.kind == "handover":
            self.manager.push(dialogs.HandOverScene(words.pname(s.world, step.power)))

    def do(self, action: A.Action) -> bool:
        """Hand an action to the session; a refusal is shown as sentences."""
        return self.desk.do(action)

    def end_turn(self) -> None:
        """End the current human seat's turn, asking once when action points it could still spend would go unused."""
        s = self.session
        if not s.human_to_move():
            return
        me = s.current()
        left = s.world.ap_left.get(me, 0)
        if left > 0 and self.last_ap_phase() and any(AP_COST.get(a.verb) for a in s.legal()):
            from game.ui.confirm import ask
            ask(self.manager, tr("confirm.end_turn", n=left), tr("act.end_button"), lambda: self.do(A.EndTurn(me)))
        else:
            self.do(A.EndTurn(me))

    def last_ap_phase(self) -> bool:
        """Whether no later phase of this year lets the seat spend action points (they refill next year)."""
        return not any(AP_COST.get(v) for ph in phases.later(self.session.world.phase) for v in ph.verbs)

    def undo(self) -> None:
        """Take back the last action of this turn."""
        self.desk.undo()

    def quicksave(self) -> None:
        """F5: save to the quick-save slot."""
        self.desk.quicksave()

    def quickload(self) -> None:
        """F9: load the quick-save slot."""
        session = self.desk.quickload()
        if session is not None:
            open_game(self.manager, session)

    # --- menus of actions ------------------------------------------------------------------
    def category_state(self, verbs) -> tuple[bool, str]:
        """Whether a category of actions is open now, and why not."""
        s = self.session
        w = s.world
        if not s.human_to_move():
            return False, tr("why.not_your_turn")
        allowed = phases.verbs(w.phase)
        if not any(v in allowed for v in verbs):
            where = [tr(f"phase.{ph.name}") for ph in phases.TABLE if any(v in ph.verbs for v in verbs)]
            return False, tr("why.phase", phases=", ".join(where), phase=tr(f"phase.{w.phase}"))
        legal = [a for a in s.legal() if a.verb in verbs]
        if legal:
            return True, ""
        me = s.current()
        if any(AP_COST.get(v) for v in verbs) and w.ap_left.get(me, 0) <= 0:
            return False, tr("why.no_ap")
        if verbs == ("propose",):
            return bool(self.desk.counterparts()), tr("why.no_offers_left")
        return False, tr("why.nothing_open")

    def candidates(self, verbs) -> list[tuple[A.Action, list[str]]]:
        """Every action of these verbs the rules offer now, with the reasons it is refused (if any)."""
        return self.desk.candidates(verbs)

    def open_category(self, cid: str, verbs) -> None:
        """Open the dialog for a category of actions."""
        from game.ui import dialogs
        if cid == "negotiate":
            self.manager.push(dialogs.NegotiationScene(self.desk))
        elif cid == "answers":
            self.manager.push(dialogs.AnswersScene(self.desk))
        else:
            self.manager.push(dialogs.ActionListScene(self.desk, tr(f"cat.{cid}"), verbs))

    def open_guide(self) -> None:
        """The players' guide over the game (F1)."""
        from game.ui.guide import open_guide
        open_guide(self.manager, self.session)

    def open_scoreboard(self) -> None:
        """The scoreboard: every power's points, place and what the next round would pay."""
        from game.ui.scoreboard import ScoreboardScene
        self.manager.push(ScoreboardScene(self.desk))

    # --- input -----------------------------------------------------------------------------
    def on_key(self, event) -> bool:
        """Game keys: E, S, F1, Ctrl+Z, F5, F9, Esc."""
        ctrl = getattr(event, "mod", 0) & pygame.KMOD_CTRL
        if event.key == pygame.K_e and not ctrl:
            self.end_turn()
        elif event.key == pygame.K_z and ctrl:
            self.undo()
        elif event.key == pygame.K_F5:
            self.quicksave()
        elif event.key == pygame.K_F9:
            self.quickload()
        elif event.key == pygame.K_ESCAPE:
            from game.ui.dialogs import PauseScene
            self.manager.push(PauseScene(self.desk))
        elif event.key == pygame.K_s and not ctrl:
            self.open_scoreboard()
        elif event.key == guide_key():
            self.open_guide()
        elif event.key in (pygame.K_LEFTBRACKET, pygame.K_RIGHTBRACKET):
            self.cycle_selection(1 if event.key == pygame.K_RIGHTBRACKET else -1)
        else:
            return False
        return True

    def handle_event(self, event) -> bool:
        """Map hover and clicks, the feed's scroll wheel, then the buttons."""
        if event.type == pygame.MOUSEMOTION:
            picked = self.map.pick(event.pos, self.session.world) if self.map_rect.collidepoint(event.pos) else None
            self.hover = picked[1] if picked else ""
        if event.type == pygame.MOUSEWHEEL:
            self.feed_scroll = max(0, self.feed_scroll - event.y)
            return True
        return super().handle_event(event)

    def cycle_selection(self, step: int) -> None:
        """Select the next or previous state, then corridor, from the keyboard."""
        w = self.session.world
        ids = list(w.c5()) + list(w.corridors)
        i = ids.index(self.selected) if self.selected in ids else -1
        self.selected = ids[(i + step) % len(ids)]
        self.tab = "state"

    def on_click(self, pos) -> bool:
        """Select a state or corridor on the map."""
        picked = self.map.pick(pos, self.session.world)
        if picked:
            self.selected = picked[1]
            if picked[0] == "state":
                self.tab = "state"
            return True
        return False

    # --- drawing ---------------------------------------------------------------------------
    def layout(self, size) -> dict[str, pygame.Rect]:
        """The screen's regions for a window size."""
        W, H = size
        top = theme.px(46)
        bottom = max(theme.px(150), int(H * 0.22))
        right = max(theme.px(330), int(W * 0.27))
        return {
            "top": pygame.Rect(0, 0, W, top),
            "map": pygame.Rect(0, top, W - right, H - top - bottom),
            "panel": pygame.Rect(W - right, top, right, H - top - bottom),
            "actions": pygame.Rect(0, H - bottom, int(W * 0.52), bottom),
            "feed": pygame.Rect(int(W * 0.52), H - bottom, W - int(W * 0.52), bottom),
        }

    def pointed(self) -> str:
        """The map object under the mouse ("" when the mouse is off the map, as while the kept picture is painted)."""
        return self.hover if self.map_rect.collidepoint(self.mouse) else ""

    def still(self):
        """What the play screen shows apart from the lit button, the map's hover and the tooltips (`overlay`): the
        World, the seat, the year's start, the selection, the tab, the message, undo, the feed and the focus."""
        s = self.session
        return (Ref(s.world), self.me(), Ref(self.year_start), self.selected, self.tab, self.message,
                len(s.undo_stack), self.feed_scroll, len(s.log), self.focus_id)

    def overlay(self, surface) -> None:
        """Over the kept picture: the hovered map object lit, and its tooltip."""
        hover = self.pointed()
        if hover:
            w = self.world()
            self.map.draw_hover(surface, self.map_rect, w, hover, self.selected or None)
            self.draw_map_tips(w)

    def look(self):
        """What the play screen shows while a dialog covers it: what its kept picture shows (`still`), and the hover,
        the mouse, the keyboard and whether a computer is thinking (see `draw` and `layer`)."""
        return self.still() + (self.hover, tuple(self.mouse), self.keyboard, self.busy)

    def draw(self, surface: pygame.Surface) -> None:
        """The whole play screen: cached layers (map, top bar, panel, action bar, feed), then the tooltip."""
        self.begin()
        r = self.layout(surface.get_size())
        w = self.world()
        if not self.selected:
            self.selected = w.c5()[0] if w.c5() else ""
        self.map_rect = r["map"]
        self.map.draw(surface, r["map"], w, self.pointed() or None, self.selected or None, legend=True)
        self.draw_map_tips(w)
        s = self.session
        seen = (Ref(s.world), self.me(), Ref(self.year_start))
        self.layer(surface, "top", r["top"], seen, lambda surf, rect: self.draw_top(surf, rect, w))
        self.layer(surface, "panel", r["panel"], seen + (self.selected, self.tab),
                   lambda surf, rect: self.draw_panel(surf, rect, w))
        self.layer(surface, "actions", r["actions"], seen + (self.message, len(s.undo_stack)),
                   lambda surf, rect: self.draw_actions(surf, rect, w))
        self.layer(surface, "feed", r["feed"], seen + (self.feed_scroll, len(s.log)),
                   lambda surf, rect: self.draw_feed(surf, rect))
        self.draw_tooltip(surface)

    def layer(self, surface, name: str, rect: pygame.Rect, key: tuple, paint) -> None:
        """Blit one region's cached picture, first repainting it when `key`, the size, the scale, the language
        or the focused button in it changed; its buttons and tooltip zones are registered again. The picture
        shows no hover: the hovered button is painted lit over it, so moving the mouse repaints one button."""
        lay = self.layers.setdefault(name, Layer())
        focus = self.focus_id if any(b.id == self.focus_id for b in lay.buttons) else None
        full = (key, tuple(rect), focus, theme.scale(), tr("top.menu"))
        if lay.surf is None or lay.key != full:
            if lay.surf is None or lay.surf.get_size() != rect.size:
                lay.surf = pygame.Surface(rect.size)
                if pygame.display.get_surface() is not None:
                    lay.surf = lay.surf.convert()
            lay.surf.fill(theme.BG)
            outer, self.buttons, self.tips, self.offset = (self.buttons, self.tips), [], [], rect.topleft
            mouse, self.mouse = self.mouse, (-1, -1)  # painted unhovered
            strings = theme.record_start()
            try:
                paint(lay.surf, pygame.Rect((0, 0), rect.size))
            finally:
                theme.record_stop()
                self.offset, self.mouse = (0, 0), mouse
                lay.buttons, lay.tips, lay.strings = self.buttons, self.tips, list(strings)
                self.buttons, self.tips = outer
            lay.key = full
            lay.paints += 1
        elif theme.recording():
            for text in lay.strings:
                theme.note(text)
        self.buttons.extend(lay.buttons)
        self.tips.extend(lay.tips)
        surface.blit(lay.surf, rect)
        hovered = next((b for b in lay.buttons if b.enabled and b.rect.collidepoint(self.mouse)), None)
        if hovered is not None:
            paint_button(surface, hovered.rect, hovered, True, hovered.id == self.focus_id)

    def draw_map_tips(self, w) -> None:
        """Tooltips for the hovered state or corridor (each sentence is worked out once per World, language and
        hover: moving between map objects asks again and again)."""
        hover = self.pointed()
        if not hover:
            return
        key = (Ref(w), tr("top.menu"))
        if self._map_tip[0] != key:
            self._map_tip = (key, {})
        said = self._map_tip[1]
        if hover not in said:
            said[hover] = self.map_tip_text(w)
        if said[hover]:
            self.tip(self.map_rect, said[hover])

    def map_tip_text(self, w) -> str:
        """The tooltip sentence for the hovered state or corridor."""
        if self.hover in w.economies:
            sh = shares_of(w, self.hover)
            parts = ", ".join(f"{words.pname(w, h) if h in w.powers else tr('legend.others')} {number(v, '.0%')}"
                              for h, v in sh.items())
            return tr("tip.map_state", name=words.pname(w, self.hover), shares=parts)
        if self.hover in w.corridors:
            return corridor_tip(w, w.corridors[self.hover])
        return ""

    def draw_top(self, surface, rect, w) -> None:
        """Year, phase, the seat to move, its points and place, treasury and action points; where they do not all
        fit, the least needed give way first (`fit_top`): the seat's kind (human or computer), the points' next
        round, the thinking note, the phase."""
        from game.rules import economy
        pygame.draw.rect(surface, theme.PANEL, rect)
        pygame.draw.line(surface, theme.PANEL_EDGE, rect.bottomleft, rect.bottomright)
        s = self.session
        me = self.me()
        cur = s.current()
        x, cy = rect.left + theme.px(12), rect.centery
        bw = theme.px(90)
        hw = theme.px(40)  # the guide's "?" button
        gauge = self.draw_tension(surface, rect, w, rect.right - 2 * bw - hw - theme.px(28))
        limit = gauge.left - theme.px(14)  # text stops short of the tension gauge and the Scores and Menu buttons
        mine = next(st for st in objectives.standings(w) if st.power == me)
        pw = w.powers[me]
        points = dict(points=words.points(mine.points), place=words.place_words(mine), next=mine.next_year or "-",
                      projected=words.points(mine.projected))
        items = [TopItem((tr("top.year", year=w.year, end=w.end_year),), tr("tip.year", start=w.start_year, end=w.end_year),
                         bold=True),
                 TopItem((tr(f"phase.{w.phase}"), ""), tr(f"phase.{w.phase}.tip"), gives=4)]
        if cur:
            who = tr("top.human") if s.seats[cur].human else tr("top.ai", difficulty=tr(f"difficulty.{s.seats[cur].difficulty}"))
            items.append(TopItem((f"{words.pname(w, cur)} ({who})", words.pname(w, cur)), tr("tip.current"),
                                 theme.hex_color(w.powers[cur].color), True, gives=1))
            if not s.seats[cur].human:
                items.append(TopItem((tr("top.thinking"), ""), tr("tip.current"), theme.YELLOW, gives=3))
        items.append(TopItem((tr("top.points", **points), tr("top.points_short", **points)),
                             tr("tip.points", next=mine.next_year or "-", projected=words.points(mine.projected),
                                left=mine.rounds_left), theme.YELLOW, True, gives=2))
        items.append(TopItem((tr("top.treasury", value=pw.treasury),),
                             tr("tip.treasury", free=economy.free_funds(w, me), income=pw.income,
                                before=self.year_start.powers[me].treasury)))
        items.append(TopItem((tr("top.ap", left=w.ap_left.get(me, 0), total=pw.action_points),), tr("tip.ap")))
        gap = theme.px(22)
        for it, label in zip(items, fit_top(items, limit - x, gap, lambda t, b: theme.width(t, 17, b))):
            if label and x < limit:
                r = theme.text(surface, label, (x, cy), 17, it.color, it.bold, anchor="midleft", width=limit - x)
                self.tip(r, it.tip)
                x = r.right + gap
        self.button(surface, (rect.right - bw - theme.px(8), rect.top + 6, bw, rect.height - 12), tr("top.menu"),
                    lambda: self.on_key(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE)), id="menu",
                    tooltip=tr("tip.menu"))
        self.button(surface, (rect.right - 2 * bw - theme.px(14), rect.top + 6, bw, rect.height - 12),
                    tr("top.scores"), self.open_scoreboard, id="scores", tooltip=tr("tip.scores"))
        self.button(surface, (rect.right - 2 * bw - hw - theme.px(20), rect.top + 6, hw, rect.height - 12),
                    "?", self.open_guide, id="guide", tooltip=f'{tr("guide.tip")} {tr("guide.key")}')

    def draw_tension(self, surface, rect, w, right: int) -> pygame.Rect:
        """The tension track as a gauge ending at `right`: its level, the warning and collapse marks, a warning
        in words near collapse; returns the space it takes."""
        from game.rules import tension
        now, warn, fall = tension.track(w), w.param("tension.warning"), w.param("tension.collapse")
        hot = now >= warn
        color = theme.VERMILLION if hot else theme.ORANGE if now >= warn - 0.15 else theme.GREEN
        label = tr("top.tension_warning" if hot else "top.tension", track=now)
        tw = min(theme.width(label, 15, hot), theme.px(190))
        bar_w = theme.px(60)
        box = pygame.Rect(right - tw - bar_w - theme.px(8), rect.top, tw + bar_w + theme.px(8), rect.height)
        theme.text(surface, label, (box.left, rect.centery), 15, color, hot, anchor="midleft", width=tw)
        bar = pygame.Rect(box.right - bar_w, rect.centery - theme.px(6), bar_w, theme.px(12))
        theme.gauge(surface, bar, now, color, ((warn, theme.YELLOW), (fall, theme.VERMILLION)), theme.px(3), 2)
        pair = tension.hottest(w).split("|") if w.tension else []
        self.tip(box, tr("tip.tension", track=now, pair=" - ".join(words.pname(w, p) for p in pair), warning=warn,
                         collapse=fall))
        return box

    def draw_panel(self, surface, rect, w) -> None:
        """The right panel: the selected state (or corridor), or the seat's agenda."""
        theme.panel(surface, rect, radius=0)
        tw = (rect.width - theme.px(24)) // 2
        th = theme.px(30)
        self.button(surface, (rect.left + theme.px(8), rect.top + 6, tw, th), tr("panel.tab_state"),
                    lambda: setattr(self, "tab", "state"), selected=self.tab == "state", id="tab-state", size=15,
                    tooltip=tr("tip.tab_state"))
        self.button(surface, (rect.left + theme.px(16) + tw, rect.top + 6, tw, th), tr("panel.tab_agenda"),
                    lambda: setattr(self, "tab", "agenda"), selected=self.tab == "agenda", id="tab-agenda", size=15,
                    tooltip=tr("tip.tab_agenda"))
        body = pygame.Rect(rect.left + theme.px(12), rect.top + th + theme.px(14), rect.width - theme.px(24),
                           rect.height - th - theme.px(20))
        clip = surface.get_clip()
        surface.set_clip(body)
        if self.tab == "agenda":
            self.draw_agenda(surface, body, w)
        elif self.selected in w.corridors:
            self.draw_corridor(surface, body, w, w.corridors[self.selected])
        elif self.selected in w.economies:
            self.draw_state(surface, body, w, self.selected)
        surface.set_clip(clip)

    def row(self, surface, body, y, label: str, value: str, tip: str, color=theme.TEXT) -> int:
        """A label and a value on one line, the value with a tooltip; returns the next y."""
        r = theme.text(surface, value, (body.right, y), 14, color, anchor="topright", width=int(body.width * 0.62))
        if label:
            theme.text(surface, label, (body.left, y), 14, theme.MUTED, width=body.width - r.width - theme.px(8))
        self.tip(pygame.Rect(body.left, y, body.width, r.height), tip)
        return y + theme.line_height(14) + 1

    def heading(self, surface, body, y, label: str) -> int:
        """A small heading, wrapped when the panel is narrower than it; returns the next y."""
        y += theme.px(4)
        return theme.paragraph(surface, label, pygame.Rect(body.left, y, body.width, body.bottom - y), 14, theme.ACCENT,
                               True, spacing=1.0) + 1

    def draw_state(self, surface, body, w, c: str) -> None:
        """A C5 state's economy, resources, influence and trust, debts, stability, forums and routes."""
        eco, pw = w.economies[c], w.powers[c]
        before = self.year_start.economies.get(c, eco)
        dom = dominant_of(w, c)
        y = body.top
        theme.text(surface, words.pname(w, pw.id).upper(), (body.left, y), 20, bold=True, width=body.width)
        y += theme.line_height(20)
        dn = words.pname(w, dom) if dom in w.powers else tr("legend.others")
        y = self.row(surface, body, y, tr("panel.dominant"), dn, tr("tip.dominant"))
        y = self.row(surface, body, y, tr("panel.gdp"), words.money(eco.gdp),
                     tr("tip.gdp", before=number(before.gdp, ".1f"), start=number(eco.gdp_start, ".1f")))
        y = self.row(surface, body, y, tr("panel.growth"), number(eco.growth, "+.1%"), tr("tip.growth"))
        y = self.row(surface, body, y, tr("panel.stability"), f"{number(eco.stability, '.0f')}/100",
                     tr("tip.stability", before=number(before.stability, ".0f")),
                     theme.WARN if eco.stability < 40 else theme.TEXT)
        y = self.row(surface, body, y, tr("panel.treasury"), words.money(pw.treasury), tr("tip.c5_treasury"))
        y = self.row(surface, body, y, tr("panel.tolerance"), number(eco.tolerance, ".0%"), tr("tip.tolerance"))
        y = self.heading(surface, body, y, tr("panel.influence"))
        sh = shares_of(w, c)
        bw = body.width - theme.px(150)
        for h, v in sh.items():
            if self.no_room(surface, body, y):
                return
            nm = words.pname(w, h) if h in w.powers else tr("legend.others_short")
            col = theme.hex_color(w.powers[h].color) if h in w.powers else theme.OTHERS
            theme.text(surface, nm, (body.left, y), 14, width=theme.px(78))
            bar = pygame.Rect(body.left + theme.px(80), y + 3, int(bw * v), theme.line_height(14) - 6)
            pygame.draw.rect(surface, col, bar)
            trust = w.trust.get(c, {}).get(h)
            label = number(v, ".0%") + (f"  {tr('panel.trust_short')} {number(trust, '.2f')}" if trust is not None else "")
            theme.text(surface, label, (body.right, y), 14, anchor="topright")
            old = shares_of(self.year_start, c).get(h, 0.0)
            self.tip(pygame.Rect(body.left, y, body.width, theme.line_height(14)),
                     tr("tip.share", power=words.pname(w, h) if h in w.powers else tr("legend.others"), now=number(v, ".0%"), before=number(old, ".0%"), tol=number(eco.tolerance, ".0%"))
                     + (" " + tr("tip.trust", value=number(trust, ".2f")) if trust is not None else ""))
            y += theme.line_height(14) + 1
        if self.no_room(surface, body, y):
            return
        y = self.heading(surface, body, y, tr("panel.resources"))
        for r, made in eco.production.items():
            if self.no_room(surface, body, y):
                return
            res = eco.reserves.get(r)
            val = f"{number(made)} {words.unit(r)}" + (f" / {number(res)}" if res else "")
            name = words.resource(r)
            y = self.row(surface, body, y, words.heading(name), val, tr("tip.production", resource=name))
        if self.no_room(surface, body, y):
            return
        y = self.draw_debt(surface, body, w, c, y)
        room = body.bottom - 2 * theme.line_height(14)
        if y > room:
            return
        y = self.heading(surface, body, y, tr("panel.forums"))
        forums = tuple(words.fname(w, f.id) for f in w.forums.values() if c in f.members)
        y = theme.paragraph(surface, render(forums) or tr("word.none"),
                            pygame.Rect(body.left, y, body.width, min(theme.px(200), body.bottom - y)), 14)
        if y > room:
            return
        y = self.heading(surface, body, y, tr("panel.routes"))
        routes = [k for k in w.corridors.values() if c in k.path]
        step = theme.line_height(13)
        for i, k in enumerate(routes):
            if y + 2 * step > body.bottom and i < len(routes) - 1:  # no room for this one and the rest
                theme.text(surface, f"{theme.ELLIPSIS} +{len(routes) - i}", (body.left, y), 13, theme.MUTED)
                break
            label = tr("panel.route_status", name=words.kname(w, k.id), status=tr(f"status.{k.status}"))
            r = theme.text(surface, label, (body.left, y), 13, width=body.width)
            self.tip(pygame.Rect(body.left, y, body.width, r.height), corridor_tip(w, k))
            y += step

    def draw_debt(self, surface, body, w, c: str, y: int) -> int:
        """A state's debt in US$ bn and as a share of its GDP, then what it owes each creditor; returns the next y."""
        eco = w.economies[c]
        top = y + theme.px(4)
        if not eco.debt:
            return self.heading(surface, body, y, tr("panel.no_debt"))
        y = self.heading(surface, body, y, tr("panel.debt", total=sum(eco.debt.values()), share=debt_ratio(w, c)))
        tip = tr("tip.debt", safe=w.param("economy.debt_safe"))
        if not self.no_room(surface, body, y):
            owed = tuple(msg("panel.debt_to", creditor=power(w, k), amount=v) for k, v in eco.debt.items())
            y = theme.paragraph(surface, render(owed), pygame.Rect(body.left, y, body.width, body.bottom - y), 14)
        self.tip(pygame.Rect(body.left, top, body.width, y - top), tip)
        return y

    def no_room(self, surface, body, y: int) -> bool:
        """Whether the panel has no room for two more lines below y (then it ends with an ellipsis; the rest is
        on the map's tooltips, the Agenda tab and a larger window)."""
        if y + 2 * theme.line_height(14) <= body.bottom:
            return False
        if y + theme.line_height(14) <= body.bottom:
            theme.text(surface, theme.ELLIPSIS, (body.left, y), 14, theme.MUTED)
        return True

    def draw_corridor(self, surface, body, w, k) -> None:
        """A corridor's mode, status, capacity, flow and owners."""
        y = theme.paragraph(surface, words.kname(w, k.id), body, 18, bold=True)
        flow = self.map.flow_of(w, k.id)
        y = self.row(surface, body, y, tr("panel.mode"), tr(f"mode.{k.mode}"), tr("tip.mode"))
        y = self.row(surface, body, y, tr("panel.status"), tr(f"status.{k.status}"), tr("tip.status"))
        y = self.row(surface, body, y, tr("panel.capacity"), number(k.capacity, "g"), tr("tip.capacity"))
        y = self.row(surface, body, y, tr("panel.flow"), number(flow, ".1f"), tr("tip.flow"))
        y = self.row(surface, body, y, tr("panel.fee"), number(k.fee, "g"), tr("tip.fee"))
        if k.status in ("planned", "building"):
            y = self.row(surface, body, y, tr("panel.build"), f"{number(k.build_cost, 'g')} / {number(k.progress, 'g')}/{k.build_years}",
                         tr("tip.build"))
        y = self.row(surface, body, y, tr("panel.goods"), ", ".join(words.resource(g) for g in k.goods), tr("tip.goods"))
        y = self.heading(surface, body, y, tr("panel.path"))
        y = theme.paragraph(surface, " - ".join(words.pname(w, p) for p in k.path),
                            pygame.Rect(body.left, y, body.width, 100), 14)
        y = self.heading(surface, body, y, tr("panel.markets"))
        theme.paragraph(surface, ", ".join(words.pname(w, p) if p in w.powers else tr("word.world_market")
                                           for p in k.markets), pygame.Rect(body.left, y, body.width, 100), 14)

    def draw_agenda(self, surface, body, w) -> None:
        """The seat's treasury, action points, objectives, the race and the measures objectives read."""
        from game.rules import agenda
        me = self.me()
        pw = w.powers[me]
        y = body.top
        theme.text(surface, words.pname(w, pw.id).upper(), (body.left, y), 20, theme.hex_color(pw.color), True, width=body.width)
        y += theme.line_height(20)
        y = self.row(surface, body, y, tr("panel.treasury"), words.money(pw.treasury), tr("tip.treasury_short"))
        y = self.row(surface, body, y, tr("panel.income"), words.money(pw.income), tr("tip.income"))
        y = self.row(surface, body, y, tr("panel.ap"), f"{w.ap_left.get(me, 0)}/{pw.action_points}", tr("tip.ap"))
        y = self.draw_objectives(surface, body, y, w, me)
        y = self.heading(surface, body, y, tr("panel.scores", year=objectives.next_round(w) or "-"))
        for st in objectives.standings(w):
            y = self.row(surface, body, y, f"{words.place(st)}. {words.pname(w, st.power)}",
                         tr("score.row", points=words.points(st.points), projected=words.points(st.projected)),
                         tr("tip.other_score"), theme.hex_color(w.powers[st.power].color))
        y = self.heading(surface, body, y, tr("panel.parts"))
        parts = agenda.parts(w, me)
        old = agenda.parts(self.year_start, me) if me in self.year_start.powers else parts
        for term in pw.agenda:
            v = parts.get(term, 0.0)
            theme.text(surface, tr(f"term.{term}"), (body.left, y), 14, width=int(body.width * 0.5) - theme.px(4))
            bar = pygame.Rect(body.left + int(body.width * 0.5), y + 3, int(body.width * 0.3 * v),
                              theme.line_height(14) - 6)
            pygame.draw.rect(surface, theme.ACCENT, bar)
            theme.text(surface, number(v, ".2f"), (body.right, y), 14, anchor="topright")
            self.tip(pygame.Rect(body.left, y, body.width, theme.line_height(14)),
                     tr(f"term.{term}.tip") + " " + tr("tip.part", now=number(v, ".2f"), before=number(old.get(term, 0), ".2f")))
            y += theme.line_height(14) + 2

    def draw_objectives(self, surface, body, y: int, w, me: str) -> int:
        """The seat's public objectives, each with what it would pay if the next round were scored now."""
        y = self.heading(surface, body, y, tr("panel.objectives"))
        mine = next(st for st in objectives.standings(w) if st.power == me)
        now = objectives.measures(w)
        for obj, pays in zip(w.powers[me].objectives, mine.lines):
            text = words.objective(obj)
            theme.text(surface, text, (body.left, y), 14, width=int(body.width * 0.8))
            theme.text(surface, f"+{words.points(pays[1])}", (body.right, y), 14, anchor="topright")
            self.tip(pygame.Rect(body.left, y, body.width, theme.line_height(14)),  # the whole line, which may be cut above
                     tr("tip.objective_line", line=text) + " " + tr("tip.objective") + " " + self.objective_now(w, now, me, obj))
            y += theme.line_height(14) + 2
        return y

    @staticmethod
    def objective_now(w, now, me: str, obj) -> str:
        """Where the seat stands on an objective's measure (a threshold's steps are read against it): a gain since
        the game's start, signed, or a level as it is."""
        value = objectives.value(now, w.start_measures, me, obj.measure)
        if objectives.is_gain(obj.measure):
            return tr("tip.objective_gain", value=number(value, "+.3f"))
        return tr("tip.objective_level", value=number(value, ".3f"))

    def draw_actions(self, surface, rect, w) -> None:
        """The action bar: one button per kind of action, End turn, Undo; messages below."""
        theme.panel(surface, rect, radius=0)
        pad = theme.px(8)
        cols = 4
        bw = (rect.width - pad * (cols + 1)) // cols
        bh = theme.px(34)
        for i, (cid, verbs) in enumerate(CATEGORIES):
            ok, why = self.category_state(verbs)
            n = len([a for a in self.session.legal() if a.verb in verbs]) if ok else 0
            label = f"{i + 1} {tr(f'cat.{cid}')}" + (f" ({n})" if cid == "answers" and n else "")
            x = rect.left + pad + (i % cols) * (bw + pad)
            y = rect.top + pad + (i // cols) * (bh + pad)
            self.button(surface, (x, y, bw, bh), label, lambda c=cid, v=verbs: self.open_category(c, v), enabled=ok,
                        tooltip=tr(f"cat.{cid}.tip") if ok else why, hotkey=NUMBER_KEYS[i], id=f"cat-{cid}", size=15)
        y = rect.top + pad + 2 * (bh + pad)
        human = self.session.human_to_move()
        self.button(surface, (rect.left + pad, y, bw * 2 + pad, bh), tr("act.end_button"), self.end_turn,
                    enabled=human, tooltip=tr("tip.end_turn") if human else tr("why.not_your_turn"), id="end",
                    size=16)
        can = self.session.can_undo()
        self.button(surface, (rect.left + 3 * pad + 2 * bw, y, bw, bh), tr("act.undo"), self.undo, enabled=can,
                    tooltip=tr("tip.undo") if can else tr("why.no_undo"), id="undo", size=15)
        from game.ui.menu import saves_available
        has_save = saves_available()
        self.button(surface, (rect.left + 4 * pad + 3 * bw, y, bw, bh), tr("act.save"), self.quicksave,
                    enabled=has_save, tooltip=tr("tip.save") if has_save else tr("menu.unavailable.saves"), id="save",
                    size=15)
        below = pygame.Rect(rect.left + pad, y + bh + 4, rect.width - 2 * pad, rect.bottom - y - bh - 4)
        if self.message:
            self.note(surface, below, self.message, 14, theme.YELLOW)
        elif w.phase in phases.INTERACTIVE:
            self.note(surface, below, f'{tr(f"phase.{w.phase}.tip")} {tr("guide.key")}', 13, theme.MUTED)

    def note(self, surface, rect, s: str, size: int, color) -> None:
        """A message under the action bar: wrapped when there is room, else one line ending with an ellipsis
        (the whole of it in a tooltip)."""
        if rect.height >= 2 * theme.line_height(size):
            theme.paragraph(surface, s, rect, size, color)
            return
        r = theme.text(surface, s, rect.topleft, size, color, width=rect.width)
        self.tip(r, s)

    def draw_feed(self, surface, rect) -> None:
        """The event feed: the newest lines this seat may read, newest first."""
        theme.panel(surface, rect, radius=0)
        inner = rect.inflate(-theme.px(16), -theme.px(12))
        theme.text(surface, tr("feed.title"), inner.topleft, 14, theme.ACCENT, True)
        y = inner.top + theme.line_height(14) + 2
        entries = list(reversed(self.session.visible_log(self.me())))[self.feed_scroll:]
        for e in entries:
            if y >= inner.bottom:
                break
            color = theme.SKY if e.rule == "ai" else theme.YELLOW if e.rule == "event" else theme.TEXT
            line_rect = pygame.Rect(inner.left, y, inner.width, inner.bottom - y)
            top = y
            y = theme.paragraph(surface, f"{e.year} {e.text}", line_rect, 13, color, spacing=1.0) + 2
            if e.rule:
                tip = tr(f"tip.feed_{e.rule}") if e.rule in ("ai", "event") else tr("tip.feed_rule", rule=words.rule_name(e.rule))
                self.tip(pygame.Rect(inner.left, top, inner.width, y - top), tip)


def guide_key() -> int:
    """The key that opens the players' guide (game.ui.guide.GUIDE_KEY)."""
    from game.ui.guide import GUIDE_KEY
    return GUIDE_KEY


def corridor_tip(w, k) -> str:
    """A corridor described for a tooltip."""
    flow = sum(w.flows.get(k.id, {}).values())
    return tr("tip.corridor", name=words.kname(w, k.id), mode=tr(f"mode.{k.mode}"), status=tr(f"status.{k.status}"),
              capacity=number(k.capacity, "g"), flow=number(flow, ".1f"),
              path=" - ".join(words.pname(w, p) for p in k.path))


def open_game(manager, session) -> None:
    """Show a new or loaded game on the play screen, autosaving at the end of every year."""
    from game.save import enable_autosave
    enable_autosave(session)
    manager.replace(GameScene(session))
