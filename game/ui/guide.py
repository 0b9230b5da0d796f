"""The players' guide: short pages on how a year works, how to win, what each action does, the Central Asian
states' levers and tension, each with a picture drawn from the game's own map, labels and gauges.

It is not the rules reference (game/ui/rules_ref.py, every rule and number): it teaches. Opened from the main
menu, the pause menu and the play screen (F1); its last button starts the guided first year
(game/ui/tutorial.py). Every text is a catalogue key of assets/i18n/<lang>_guide.json.
"""
from __future__ import annotations

import functools
from typing import Callable, NamedTuple

import pygame

from game.ui import theme, words
from game.ui.i18n import tr
from game.ui.widgets import UIScene

GUIDE_KEY = pygame.K_F1  # opens the guide from the menu and the play screen


class Page(NamedTuple):
    """One page: its name (its keys are guide.<name>.title and guide.<name>.body) and its picture."""

    name: str
    picture: str


PAGES = (
    Page("welcome", "map"),
    Page("year", "phases"),
    Page("win", "rounds"),
    Page("actions", "actions"),
    Page("offers", "offer"),
    Page("levers", "levers"),
    Page("tension", "tension"),
    Page("keys", "keys"),
)
ACTION_CATEGORIES = ("negotiate", "answers", "summit", "aid", "build", "develop", "forums", "policy")  # the action bar
LEVER_KINDS = ("transit", "water", "energy", "debt", "quota")  # items only a Central Asian state can give
KEYS = (("E", "guide.keys.end"), ("S", "top.scores"), ("1-8", "guide.keys.categories"), ("Ctrl+Z", "act.undo"),
        ("F5", "guide.keys.save"), ("F1", "guide.title"), ("Esc", "top.menu"))


@functools.cache
def sample_world():
    """The 2015 scenario's opening World, the pictures' example (loaded once)."""
    from game.scenario.loader import load
    return load("2015").world


BODY_SIZE = 18  # the pages' text size


def sample_offer(world):
    """An example offer of 2015: the first great power's grant to the first Central Asian state for a contract."""
    from game.model import Item, Offer
    great, c5 = world.great_powers()[0], world.c5()[0]
    made = next(iter(world.economies[c5].production), "")
    asks = (Item("contract", resource=made, amount=round(world.economies[c5].production[made] * 0.05, 3),
                 price_factor=1.0, years=5),) if made else ()
    return Offer("guide", great, c5, (Item("aid", aid_kind="grant", amount=0.5),), asks, world.year)


def their_view(world, offer) -> str:
    """How the receiver is likely to see the example offer, as the negotiation table says it."""
    from game.rules.valuation import appraise
    try:
        return tr("nego.their_view", reason=appraise(world, offer.receiver, offer).reason)
    except (KeyError, ValueError, ZeroDivisionError):
        return ""


def page_lines(page: Page, width: int) -> list[str]:
    """A page's body wrapped to `width`, an empty line between paragraphs."""
    out: list[str] = []
    for para in tr(f"guide.{page.name}.body").split("\n"):
        out += ([""] if out else []) + theme.wrap(para, width, BODY_SIZE)
    return out


class GuideScene(UIScene):
    """The guide, one page at a time: the picture on the left, the text on the right (scrolled when long)."""

    def __init__(self, page: int = 0, session=None) -> None:
        super().__init__()
        self.page = page
        self.scroll = 0  # first body line shown
        self.session = session  # the game in play, when opened from the play screen
        self.more = False  # whether body lines are below the fold
        self.shown_lines: list[str] = []  # what the last frame showed of the body (tests)
        self.body_width = 0  # the width the body was last wrapped to
        self._map = None  # the first page's map, made when first drawn

    # --- moving around ---------------------------------------------------------------------
    def turn(self, step: int) -> None:
        """The next or previous page."""
        self.page = max(0, min(len(PAGES) - 1, self.page + step))
        self.scroll = 0

    def close(self) -> None:
        """Back to where the guide was opened."""
        if self.manager and self.manager.top is self:
            self.manager.pop()

    def guided_year(self) -> None:
        """Start the guided first year: on the game in play, or on a new 2015 game with the first great power."""
        from game.ui.tutorial import start_guided_year
        manager = self.manager
        self.close()
        start_guided_year(manager, self.session)

    def handle_event(self, event) -> bool:
        """The wheel scrolls the text; then buttons and keys."""
        if event.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, self.scroll - 3 * event.y)
            return True
        return super().handle_event(event)

    def on_key(self, event) -> bool:
        """Left/Right turn pages, Page Up/Down scroll, Esc or F1 close."""
        if event.key in (pygame.K_ESCAPE, GUIDE_KEY):
            self.close()
        elif event.key in (pygame.K_RIGHT, pygame.K_LEFT):
            self.turn(1 if event.key == pygame.K_RIGHT else -1)
        elif event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.scroll = max(0, self.scroll + (8 if event.key == pygame.K_PAGEDOWN else -8))
        else:
            return False
        return True

    # --- drawing --------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Title, picture, text, and the row of buttons."""
        self.begin()
        surface.fill(theme.BG)
        W, H = surface.get_size()
        page = PAGES[self.page]
        pad = theme.px(24)
        theme.text(surface, tr("guide.title"), (pad, theme.px(14)), 16, theme.MUTED, width=W - 2 * pad)
        top = theme.px(14) + theme.line_height(16) + theme.px(4)
        theme.text(surface, tr(f"guide.{page.name}.title"), (pad, top), 26, theme.TEXT, True, width=W - 2 * pad)
        top += theme.line_height(26) + theme.px(12)
        bh = theme.px(40)
        bottom = H - bh - theme.px(30)  # above the row of buttons
        pic = pygame.Rect(pad, top, int((W - 3 * pad) * 0.42), bottom - top)
        body = pygame.Rect(pic.right + pad, top, W - pic.right - 2 * pad, bottom - top)
        theme.panel(surface, pic, theme.PANEL, theme.PANEL_EDGE, 6)
        clip = surface.get_clip()
        surface.set_clip(pic.inflate(-4, -4))
        PICTURES[page.picture](self, surface, pic.inflate(-theme.px(16), -theme.px(16)))
        surface.set_clip(clip)
        self.draw_body(surface, body, page)
        self.draw_buttons(surface, pygame.Rect(pad, H - bh - theme.px(14), W - 2 * pad, bh))
        self.draw_tooltip(surface)

    def draw_body(self, surface, rect: pygame.Rect, page: Page) -> None:
        """The page's text from the scrolled line on, and a note when more is below."""
        self.body_width = rect.width
        lines = page_lines(page, rect.width)
        step = theme.line_height(BODY_SIZE)
        room = max(1, rect.height // step)
        if len(lines) > room:
            room -= 1  # a line for the note that more is below or above
        self.scroll = max(0, min(self.scroll, len(lines) - room))
        self.shown_lines = []
        y = rect.top
        for line in lines[self.scroll:self.scroll + room]:
            theme.text(surface, line, (rect.left, y), BODY_SIZE)
            self.shown_lines.append(line)
            y += step
        self.more = self.scroll + room < len(lines)
        if self.more or self.scroll:
            note = tr("guide.more") if self.more else tr("guide.top")
            theme.text(surface, note, (rect.left, rect.top + room * step), 14, theme.ACCENT, width=rect.width)

    def draw_buttons(self, surface, rect: pygame.Rect) -> None:
        """Previous, the page number, Next, the guided year, Close."""
        gap = theme.px(10)
        bw = (rect.width - 4 * gap) // 5
        cells = [pygame.Rect(rect.left + i * (bw + gap), rect.top, bw, rect.height) for i in range(5)]
        self.button(surface, cells[0], tr("guide.prev"), lambda: self.turn(-1), enabled=self.page > 0, id="guide-prev",
                    hotkey=pygame.K_p)
        theme.text(surface, tr("guide.page", n=self.page + 1, total=len(PAGES)), cells[1].center, 16, theme.MUTED,
                   anchor="center", width=cells[1].width)
        self.button(surface, cells[2], tr("guide.next"), lambda: self.turn(1), enabled=self.page < len(PAGES) - 1,
                    id="guide-next", hotkey=pygame.K_n)
        self.button(surface, cells[3], tr("guide.start_tutorial"), self.guided_year, id="guide-tutorial",
                    tooltip=tr("guide.start_tutorial.tip"), size=15)
        self.button(surface, cells[4], tr("common.close"), self.close, id="close")

    # --- pictures: each draws into rect from the game's own map, labels and gauges ------------
    def picture_map(self, surface, rect) -> None:
        """The map of 2015: the five states coloured by the great power with most influence."""
        from game.ui.mapview import MapView
        if self._map is None:
            self._map = MapView()
        self._map.draw(surface, rect, sample_world(), None, None, legend=False)

    def picture_phases(self, surface, rect) -> None:
        """The year's phases in order, the ones where players act highlighted."""
        from game.rules import phases
        n = len(phases.TABLE)
        h = min(theme.px(56), (rect.height - (n - 1) * theme.px(8)) // n)
        y = rect.top
        for i, ph in enumerate(phases.TABLE):
            box = pygame.Rect(rect.left, y, rect.width, h)
            color = theme.BUTTON_HOVER if ph.interactive else theme.BUTTON_OFF
            theme.panel(surface, box, color, theme.ACCENT if ph.interactive else theme.PANEL_EDGE, 5)
            who = tr("guide.phase.players") if ph.interactive else tr("guide.phase.auto")
            theme.text(surface, f"{i + 1}. {tr(f'phase.{ph.name}')}", (box.left + theme.px(10), box.centery), 17,
                       theme.TEXT, ph.interactive, anchor="midleft", width=box.width // 2)
            theme.text(surface, who, (box.right - theme.px(10), box.centery), 15, theme.MUTED, anchor="midright",
                       width=box.width // 2 - theme.px(20))
            y += h + theme.px(8)

    def picture_rounds(self, surface, rect) -> None:
        """The years of the 2015 game on a line, the scoring rounds marked with a star."""
        from game.rules import objectives
        w = sample_world()
        years = list(range(w.start_year, w.end_year + 1))
        scored = set(objectives.rounds(w))
        row_h = min(theme.px(36), (rect.height - theme.line_height(16) - theme.px(6)) // max(1, len(years)))
        theme.text(surface, tr("guide.rounds.legend"), rect.topleft, 16, theme.YELLOW, True, width=rect.width)
        y = rect.top + theme.line_height(16) + theme.px(6)
        for year in years:
            box = pygame.Rect(rect.left, y, rect.width, row_h - theme.px(3))
            star = year in scored
            theme.panel(surface, box, theme.BUTTON_HOVER if star else theme.BUTTON_OFF,
                        theme.YELLOW if star else theme.PANEL_EDGE, 4)
            label = tr("guide.rounds.round", year=year) if star else str(year)
            theme.text(surface, label, (box.left + theme.px(8), box.centery), 15, theme.YELLOW if star else theme.TEXT,
                       star, anchor="midleft", width=box.width - theme.px(16))
            y += row_h

    def chips(self, surface, rect, labels: list[str], columns: int = 2) -> None:
        """Labels as the play screen's buttons, in a grid."""
        gap = theme.px(8)
        rows = -(-len(labels) // columns)
        cw = (rect.width - (columns - 1) * gap) // columns
        ch = min(theme.px(56), (rect.height - (rows - 1) * gap) // max(1, rows))
        for i, label in enumerate(labels):
            box = pygame.Rect(rect.left + (i % columns) * (cw + gap), rect.top + (i // columns) * (ch + gap), cw, ch)
            pygame.draw.rect(surface, theme.BUTTON, box, border_radius=theme.px(5))
            pygame.draw.rect(surface, theme.PANEL_EDGE, box, 1, border_radius=theme.px(5))
            theme.text(surface, theme.fit(label, cw - theme.px(10), 17), box.center, 17, anchor="center")

    def picture_actions(self, surface, rect) -> None:
        """The action bar's eight kinds of action, numbered as on the play screen."""
        self.chips(surface, rect, [f"{i + 1} {tr(f'cat.{c}')}" for i, c in enumerate(ACTION_CATEGORIES)])

    def picture_offer(self, surface, rect) -> None:
        """An offer as the negotiation table shows it: what you give, what you ask, and the other side's likely
        view worked out by the rules."""
        w = sample_world()
        offer = sample_offer(w)
        y = rect.top
        theme.text(surface, f"{words.pname(w, offer.sender)} \u2192 {words.pname(w, offer.receiver)}", (rect.left, y),
                   18, theme.TEXT, True, width=rect.width)
        y += theme.line_height(18) + theme.px(8)
        for title, items in ((tr("nego.you_give"), offer.gives), (tr("nego.you_ask"), offer.asks)):
            theme.text(surface, title, (rect.left, y), 17, theme.ACCENT, True, width=rect.width)
            y += theme.line_height(17) + theme.px(2)
            for it in items:
                y = theme.paragraph(surface, words.item(w, it), pygame.Rect(rect.left, y, rect.width,
                                                                            rect.bottom - y), 16) + theme.px(10)
        y = theme.paragraph(surface, their_view(w, offer), pygame.Rect(rect.left, y + theme.px(6), rect.width,
                                                                       rect.bottom - y - theme.px(6)), 15, theme.SKY)
        theme.paragraph(surface, tr("guide.offer.view"), pygame.Rect(rect.left, y + theme.px(12), rect.width,
                                                                     rect.bottom - y - theme.px(12)), 14, theme.MUTED)

    def picture_levers(self, surface, rect) -> None:
        """The items only a Central Asian state can offer, as the negotiation table names them."""
        self.chips(surface, rect, [tr(f"kind.{k}") for k in LEVER_KINDS] + [tr("cat.develop"), tr("cat.forums")])

    def picture_tension(self, surface, rect) -> None:
        """The top bar's tension gauge, three times: calm, near the warning, past it."""
        w = sample_world()
        warn, fall = w.param("tension.warning"), w.param("tension.collapse")
        y = rect.top
        for level in (0.2, warn - 0.1, warn + 0.05):
            hot = level >= warn
            color = theme.VERMILLION if hot else theme.ORANGE if level >= warn - 0.15 else theme.GREEN
            theme.text(surface, tr("top.tension_warning" if hot else "top.tension", track=level), (rect.left, y), 17,
                       color, hot, width=rect.width)
            y += theme.line_height(17) + theme.px(4)
            bar = pygame.Rect(rect.left, y, rect.width, theme.px(20))
            theme.gauge(surface, bar, level, color, ((warn, theme.YELLOW), (fall, theme.VERMILLION)), theme.px(4), 3)
            y = bar.bottom + theme.px(16)
        theme.paragraph(surface, tr("guide.tension.marks"), pygame.Rect(rect.left, y, rect.width, rect.bottom - y), 15,
                        theme.MUTED)

    def picture_keys(self, surface, rect) -> None:
        """Key caps and what they do."""
        cap_w = theme.px(84)
        step = min(theme.px(52), rect.height // len(KEYS))
        for i, (cap, key) in enumerate(KEYS):
            y = rect.top + i * step
            box = pygame.Rect(rect.left, y, cap_w, step - theme.px(8))
            pygame.draw.rect(surface, theme.BUTTON, box, border_radius=theme.px(4))
            pygame.draw.rect(surface, theme.TEXT, box, 1, border_radius=theme.px(4))
            theme.text(surface, cap, box.center, 16, anchor="center", bold=True)
            theme.text(surface, tr(key), (box.right + theme.px(12), box.centery), 16, anchor="midleft",
                       width=rect.right - box.right - theme.px(12))


PICTURES: dict[str, Callable] = {
    "map": GuideScene.picture_map, "phases": GuideScene.picture_phases, "rounds": GuideScene.picture_rounds,
    "actions": GuideScene.picture_actions, "offer": GuideScene.picture_offer, "levers": GuideScene.picture_levers,
    "tension": GuideScene.picture_tension, "keys": GuideScene.picture_keys,
}


def open_guide(manager, session=None) -> None:
    """Push the guide (over the play screen when a session is given)."""
    manager.push(GuideScene(session=session))
