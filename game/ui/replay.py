"""Step through a game year by year: the map, the scores and the events at the end of each year.

The Worlds come from `game.save.year_worlds` (kept by a session, or replayed from a save's
action log), so a finished game loaded from disk can be walked through too.
"""
from __future__ import annotations

import pygame

from game.ui import theme, words
from game.ui.i18n import tr
from game.ui.mapview import MapView
from game.ui.widgets import UIScene


def year_label(worlds: list, i: int) -> str:
    """What step i shows: the opening, or the end of a year."""
    if i == 0:
        return tr("replay.opening", year=worlds[0].year)
    w = worlds[i]
    ended = w.year - 1 if w.status == "playing" else w.year
    return tr("replay.after", year=ended)


class ReplayScene(UIScene):
    """The game's World after each year, one at a time (Left/Right to step, Esc to go back)."""

    def __init__(self, session, worlds: list | None = None) -> None:
        super().__init__()
        self.session = session
        self.error = ""
        self.worlds = worlds if worlds is not None else self._load()
        self.index = len(self.worlds) - 1
        self.map = MapView()

    def _load(self) -> list:
        """The Worlds to step through; a sentence instead when they cannot be rebuilt."""
        from game.errors import HeartlandError
        from game.save import year_worlds
        try:
            return year_worlds(self.session)
        except HeartlandError as e:
            self.error = str(e)
            return [self.session.world]

    def step(self, by: int) -> None:
        """Show the previous (-1) or next (+1) year."""
        self.index = max(0, min(len(self.worlds) - 1, self.index + by))

    def on_key(self, event) -> bool:
        """Left/Right step; Home/End jump; Esc goes back."""
        moves = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1, pygame.K_HOME: -len(self.worlds), pygame.K_END: len(self.worlds)}
        if event.key in moves:
            self.step(moves[event.key])
            return True
        if event.key == pygame.K_ESCAPE:
            self.manager.pop()
            return True
        return False

    def shown_year(self) -> int:
        """The year whose events and scores are on screen."""
        w = self.worlds[self.index]
        return w.year - 1 if self.index and w.status == "playing" else w.year

    def still(self):
        """The year shown and the focus (its map shows no hover)."""
        return (self.index, len(self.worlds), self.error, self.focus_id)

    def draw(self, surface) -> None:
        """Title and buttons, the map of that moment, its scores and the year's events."""
        self.begin()
        surface.fill(theme.BG)
        W, H = surface.get_size()
        pad = theme.px(12)
        world = self.worlds[self.index]
        theme.text(surface, tr("replay.title", step=year_label(self.worlds, self.index), n=self.index,
                               total=len(self.worlds) - 1), (pad, pad), 24, theme.TEXT, True)
        bw, bh = theme.px(130), theme.px(36)
        right = W - pad
        self.button(surface, (right - bw, pad, bw, bh), tr("replay.back"), self.manager.pop if self.manager else None,
                    id="back")
        self.button(surface, (right - 2 * bw - pad, pad, bw, bh), tr("replay.next"), lambda: self.step(1),
                    enabled=self.index < len(self.worlds) - 1, id="next")
        self.button(surface, (right - 3 * bw - 2 * pad, pad, bw, bh), tr("replay.previous"), lambda: self.step(-1),
                    enabled=self.index > 0, id="previous")
        top = pad * 2 + bh
        side = int(W * 0.3)
        map_rect = pygame.Rect(pad, top, W - side - 3 * pad, H - top - pad * 3 - theme.line_height(14))
        self.map.draw(surface, map_rect, world, legend=True)
        self.draw_side(surface, pygame.Rect(map_rect.right + pad, top, side, map_rect.height), world)
        hint = self.error or tr("replay.hint")
        theme.text(surface, hint, (pad, H - pad - theme.line_height(14)), 14,
                   theme.WARN if self.error else theme.MUTED, width=W - 2 * pad)
        self.draw_tooltip(surface)

    def draw_side(self, surface, rect: pygame.Rect, world) -> None:
        """The scores at that moment and the events of the year shown."""
        theme.panel(surface, rect)
        x, y = rect.left + theme.px(10), rect.top + theme.px(8)
        width = rect.width - theme.px(20)
        theme.text(surface, tr("replay.scores"), (x, y), 16, theme.ACCENT, True)
        y += theme.line_height(16)
        from game.rules.objectives import standings
        for st in standings(world):  # most points first, equal points ("=k") in seat order; at the end, rule 16's order
            colour = theme.hex_color(world.powers[st.power].color)
            theme.text(surface, f"{words.place(st)}. {words.pname(world, st.power)}", (x, y), 14, colour,
                       width=width * 3 // 4)
            theme.text(surface, words.points(st.points), (x + width, y), 14, theme.TEXT, anchor="topright")
            y += theme.line_height(14)
        y += theme.px(8)
        theme.text(surface, tr("replay.events", year=self.shown_year()), (x, y), 16, theme.ACCENT, True)
        y += theme.line_height(16)
        events = [e.text for e in self.session.log if e.rule == "event" and e.year == self.shown_year()]
        for line in events or [tr("replay.no_events")]:
            if y > rect.bottom - theme.line_height(14):
                break
            y = theme.paragraph(surface, line, pygame.Rect(x, y, width, rect.bottom - y), 13, theme.TEXT)
            y += theme.px(4)
