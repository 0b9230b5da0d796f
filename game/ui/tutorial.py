"""The guided first year: a coach over the screen walks a new player through one offer, one action and the year
summary, one line of instruction at a time, with the button to press outlined; it moves on when the player has
done the step. Offered once when a game of the 2015 scenario starts with a human seat (the settings file
remembers it was offered; the settings screen switches the offer on or off), and from the players' guide.

`step_of` decides the step from the game and the screen's top scene alone (no pygame needed to reason about
it); `Coach` draws it and notices what the player did.
"""
from __future__ import annotations

from typing import NamedTuple

import pygame

from game.rules.play import AP_COST
from game.ui import theme
from game.ui.i18n import tr

GUIDED_SCENARIO = "2015"  # the scenario whose first game offers the guided year
STAGES = {  # step -> the stage (1-4) the banner counts (0: none)
    "cards": 0, "handover": 0, "offer_open": 1, "offer_compose": 1, "offer_send": 1, "to_actions": 1, "answers": 1,
    "action_open": 2, "action_pick": 2, "end_turn": 3, "end_confirm": 3, "wait": 0, "back": 0,
    "summary": 4, "done": 4,
}
ACTION_CATEGORIES = ("aid", "develop", "build", "forums", "policy")  # the lists the action step points at, in order


class Moment(NamedTuple):
    """What the coach sees: the seat it guides moving or not, the top scene and the offer being drafted."""

    moving: bool  # the guided seat is to move
    top: str  # the class name of the top scene
    drafted: bool = False  # the negotiation table's offer has an item
    open_category: str = ""  # the first action list with something open ("" if none)


def step_of(world, start_year: int, done: frozenset, now: Moment) -> tuple[str, str]:
    """(step, id of the button to press) for the guided seat; done holds "offer", "action" and "summary" as the
    player does them."""
    if "summary" in done:
        return "done", ""
    if world.year > start_year or world.status != "playing":
        return ("summary", "close") if now.top == "YearSummaryScene" else ("wait", "")
    if now.top == "EventCardsScene":
        return "cards", "next"
    if not now.moving:
        return "wait", ""
    if now.top == "HandOverScene":
        return "handover", "ready"
    if now.top == "ConfirmScene":
        return "end_confirm", "yes"
    if world.phase == "diplomacy" and "offer" not in done:
        if now.top == "NegotiationScene":
            return ("offer_send", "send") if now.drafted else ("offer_compose", "add")
        return ("offer_open", "cat-negotiate") if now.top == "GameScene" else ("back", "")
    if world.phase == "answers":
        return ("answers", "end") if now.top == "GameScene" else ("answers", "")
    if world.phase == "actions" and "action" not in done:
        if now.top == "ActionListScene":
            return "action_pick", "act0"
        if now.top == "GameScene":
            return "action_open", f"cat-{now.open_category}" if now.open_category else "end"
        return "back", ""
    if now.top != "GameScene":
        return "back", ""
    return ("end_turn" if world.phase == "actions" else "to_actions"), "end"


def offered(session, seat: str, year: int) -> bool:
    """Whether the seat has sent an offer (or a pact or summit invitation) this year."""
    w = session.world
    return (any(o.sender == seat and o.year == year for o in w.offers.values())
            or any(a.split()[:2] in (["pact", seat], ["summit", seat]) for a in session.actions))


def acted(session, seat: str) -> bool:
    """Whether the seat has taken an action that costs action points."""
    return any(a.split()[0] in AP_COST and a.split()[1:2] == [seat] for a in session.actions)


class Coach:
    """The banner and the outline of the guided first year, drawn over whatever scene is on top."""

    def __init__(self, session, seat: str, on_finish=None) -> None:
        self.session, self.seat = session, seat
        self.start_year = session.world.year
        self.done: set[str] = set()
        self.seen_summary = False
        self.step, self.target = "wait", ""
        self.on_finish = on_finish  # called once when the guided year is finished or skipped
        self.finished = False
        self.buttons: list[tuple[pygame.Rect, str, callable]] = []

    # --- noticing what the player did -------------------------------------------------------------
    def moment(self, top) -> Moment:
        """What the coach sees on the screen now."""
        s = self.session
        moving = s.world.status == "playing" and s.current() == self.seat and s.human_to_move()
        drafted = bool(getattr(top, "gives", None) or getattr(top, "asks", None))
        open_cat = ""
        if moving:
            from game.ui.game import CATEGORIES
            verbs, legal = dict(CATEGORIES), {a.verb for a in s.legal()}
            open_cat = next((c for c in ACTION_CATEGORIES if legal & set(verbs[c])), "")
        return Moment(moving, type(top).__name__ if top else "", drafted, open_cat)

    def observe(self, manager) -> None:
        """Note the steps done since the last frame and work out the next one."""
        if self.finished:
            return
        s = self.session
        if not any(getattr(sc, "session", None) is s for sc in manager.stack):
            self.finish(manager)  # the game was left
            return
        if offered(s, self.seat, self.start_year):
            self.done.add("offer")
        if acted(s, self.seat):
            self.done.add("action")
        top = manager.top
        if type(top).__name__ == "YearSummaryScene":
            self.seen_summary = True
        elif self.seen_summary:
            self.done.add("summary")
        self.step, self.target = step_of(s.world, self.start_year, frozenset(self.done), self.moment(top))

    def finish(self, manager) -> None:
        """Stop guiding (the year is done, skipped or the game left) and remember it."""
        self.finished = True
        if getattr(manager, "coach", None) is self:
            manager.coach = None
        if self.on_finish:
            self.on_finish()

    # --- drawing and the banner's buttons --------------------------------------------------------------
    def draw(self, surface: pygame.Surface, manager) -> None:
        """Outline the button to press and draw the banner where it does not cover it."""
        if self.finished:
            return
        top = manager.top
        target = top.find(self.target) if self.target and hasattr(top, "find") else None
        W, H = surface.get_size()
        if target is not None:
            ring = target.rect.inflate(theme.px(10), theme.px(10))
            pygame.draw.rect(surface, theme.BLACK, ring.inflate(4, 4), 3, border_radius=theme.px(8))
            pygame.draw.rect(surface, theme.YELLOW, ring, 3, border_radius=theme.px(8))
        pad = theme.px(12)
        width = min(W - 2 * pad, theme.px(860))
        done = self.step == "done"
        labels = ((tr("tutorial.finish") if done else tr("tutorial.skip")), tr("tutorial.guide"))
        bws = [max(theme.px(110), theme.width(label, 14) + theme.px(20)) for label in labels]
        bh = theme.px(32)
        text_w = width - 2 * pad - sum(bws) - 2 * pad
        stage = STAGES[self.step]
        head = tr("tutorial.stage", n=stage, total=4) if stage else tr("tutorial.title")
        lines = theme.wrap(tr(f"tutorial.step.{self.step}"), text_w, 16)
        height = theme.line_height(14) + len(lines) * theme.line_height(16) + 2 * pad
        rect = pygame.Rect((W - width) // 2, H - height - pad, width, height)
        if target is not None:  # beside the outlined button, on the side with more room
            ring = target.rect.inflate(theme.px(10), theme.px(10))
            rect.top = ring.bottom + pad if ring.centery < H // 2 else ring.top - height - pad
            rect.top = max(pad, min(H - height - pad, rect.top))
        theme.panel(surface, rect, theme.DIALOG, theme.YELLOW, 8)
        y = rect.top + pad // 2
        theme.text(surface, head, (rect.left + pad, y), 14, theme.YELLOW, True, width=text_w)
        y += theme.line_height(14)
        for line in lines:
            theme.text(surface, line, (rect.left + pad, y), 16)
            y += theme.line_height(16)
        self.buttons = []
        x = rect.right - pad - bws[0]
        self.banner_button(surface, pygame.Rect(x, rect.centery - bh // 2, bws[0], bh), labels[0], self.finish,
                           "tutorial-finish" if done else "tutorial-skip")
        self.banner_button(surface, pygame.Rect(x - bws[1] - pad, rect.centery - bh // 2, bws[1], bh), labels[1],
                           lambda m: open_guide_over(m, self.session), "tutorial-guide")

    def banner_button(self, surface, rect: pygame.Rect, label: str, fn, bid: str) -> None:
        """A button on the banner (not a scene's: the coach answers its clicks itself)."""
        pygame.draw.rect(surface, theme.BUTTON, rect, border_radius=theme.px(5))
        pygame.draw.rect(surface, theme.PANEL_EDGE, rect, 1, border_radius=theme.px(5))
        theme.text(surface, theme.fit(label, rect.width - theme.px(10), 14), rect.center, 14, anchor="center")
        self.buttons.append((rect, bid, fn))

    def handle(self, event, manager) -> bool:
        """A click on the banner's buttons (consumed); everything else goes to the scene on top."""
        if self.finished or event.type != pygame.MOUSEBUTTONDOWN or getattr(event, "button", 1) != 1:
            return False
        for rect, _, fn in self.buttons:
            if rect.collidepoint(event.pos):
                fn(manager)
                return True
        return False

    def find(self, bid: str):
        """The banner button with this id, as (rect, id, action), or None (tests)."""
        return next((b for b in self.buttons if b[1] == bid), None)


def open_guide_over(manager, session) -> None:
    """The players' guide over the current screen."""
    from game.ui.guide import open_guide
    open_guide(manager, session)


def attach(manager, session) -> bool:
    """Put a coach for the first human seat over the screen; whether there was a human seat to guide."""
    seat = next((p for p, s in session.seats.items() if s.human), "")
    if not seat or not hasattr(manager, "coach"):
        return False
    app = getattr(manager, "app", None)
    manager.coach = Coach(session, seat, on_finish=lambda: remember_done(app))
    return True


def remember_done(app) -> None:
    """Write in the settings file that the guided year was played or skipped."""
    if app is None:
        return
    from game.ui.app import save_settings
    app.settings.guided_done = True
    save_settings(app.settings, app.settings_path)


def start_guided_year(manager, session=None) -> None:
    """The guided year on the game in play, or on a new game of the 2015 scenario with the first great power."""
    if session is None or session.world.status != "playing" or not any(s.human for s in session.seats.values()):
        session = new_guided_game()
        from game.ui.game import open_game
        open_game(manager, session)
    attach(manager, session)


def new_guided_game(seed: int = 1):
    """A 2015 game with the first great power played by a person, the others by the computer."""
    from game.scenario.loader import load
    from game.session import Seat, Session
    sc = load(GUIDED_SCENARIO)
    first = next(p for p in sc.world.order if sc.world.powers[p].kind == "great")
    seats = {p: Seat(p, p == first) for p in sc.world.order}
    return Session.start(sc.world, seats, seed, sc.id, scenario_raw=sc.raw)


def offer_guided_year(manager, session) -> None:
    """When a 2015 game starts with a human seat and the guided year was never offered: ask once."""
    app = getattr(manager, "app", None)
    if app is None or not app.settings.guided_year or app.settings.guided_done:
        return
    if session.scenario_id != GUIDED_SCENARIO or not any(s.human for s in session.seats.values()):
        return
    remember_done(app)  # offered once: the guide and the settings offer it again
    from game.ui.confirm import ask
    ask(manager, tr("tutorial.offer"), tr("tutorial.offer.yes"), lambda: attach(manager, session))
