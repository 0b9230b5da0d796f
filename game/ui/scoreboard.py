"""How to win, on screen: the scoreboard of the play screen and the setup screen's "how to win" page.

Both read `game.rules.objectives` only: every power's points, what the next scoring round
would pay it now, its place and its public objectives. One number per power everywhere:
the points from the scoring rounds.
"""
from __future__ import annotations

import pygame
from attrs import evolve, frozen

from game import text
from game.rules import objectives, tension
from game.ui import theme, words
from game.ui.dialogs.base import Dialog, ListMixin
from game.ui.i18n import number, tr
from game.ui.mapview import Ref


@frozen
class Row:
    """One line of a scrollable table: text on the left, a figure on the right."""

    left: str
    right: str = ""
    color: tuple = theme.TEXT
    size: int = 15
    bold: bool = False
    tip: str = ""


def heading(text: str, color=theme.ACCENT) -> Row:
    """A heading row."""
    return Row(text, "", color, 16, True)



def standing_rows(world, me: str) -> list[Row]:
    """Every power's place, points and what the next round would pay it now, leader first."""
    rows = []
    for st in objectives.standings(world):
        mark = " *" if st.power == me else ""
        right = tr("score.row", points=words.points(st.points), projected=words.points(st.projected))
        rows.append(Row(f"{words.place(st)}. {words.pname(world, st.power)}{mark}", right,
                        theme.hex_color(world.powers[st.power].color), 15, st.power == me, tr("tip.other_score")))
    return rows


def objective_rows(world, p: str, pays: dict[str, float] | None = None) -> list[Row]:
    """A power's public objectives, each with what it would pay if the next round were scored now (a standing
    objective, held in every deal, says so)."""
    return [Row(tr("objective.standing", objective=words.objective(o)) if o.standing else words.objective(o),
                f"+{words.points(pays[o.id])}" if pays is not None else "", theme.TEXT, 14, False, tr("tip.objective"))
            for o in world.powers[p].objectives]


def rounds_line(world) -> str:
    """The scoring rounds' years, the ones already scored marked."""
    done = len(world.scored)
    years = [f"{y}" + (" \u2713" if i < done else "") for i, y in enumerate(objectives.rounds(world))]
    return tr("score.rounds", years=", ".join(years))


def tension_rows(world) -> list[Row]:
    """The tension track: its level against the warning and collapse marks, each pair of great powers, this year's crises."""
    now, warn, fall = tension.track(world), world.param("tension.warning"), world.param("tension.collapse")
    color = theme.VERMILLION if now >= warn else theme.TEXT
    rows = [heading(tr("score.tension")),
            Row(tr("score.tension_track", warning=warn, collapse=fall), number(now, ".0%"), color, 15, now >= warn,
                tr("tip.tension_rule"))]
    for key, v in world.tension.items():
        a, b = key.split("|")
        rows.append(Row(f"{words.pname(world, a)} - {words.pname(world, b)}", number(v, ".0%"), theme.MUTED, 14))
    drawn = tension.fired_in(world, world.year - 1) + tension.fired_in(world, world.year)
    rows += [Row(tr("score.crisis", title=tr(f"crisis.{c.text}.title")), "", theme.ORANGE, 14)
             for c in world.crises if c.id in drawn]
    return rows


def scoreboard_rows(world, me: str) -> list[Row]:
    """The scoreboard: the race, the next round, the seat's own objectives, then everyone else's."""
    nxt = objectives.next_round(world)
    rows = [Row(tr("score.next", year=nxt) if nxt else tr("score.no_next"), "", theme.YELLOW, 15, True),
            Row(rounds_line(world), "", theme.MUTED, 14)]
    rows += [heading(tr("score.table"))] + standing_rows(world, me)
    stands = {st.power: dict(st.lines) for st in objectives.standings(world)}
    for p in [me] + [q for q in world.order if q != me]:
        title = tr("score.yours") if p == me else tr("score.theirs", power=words.pname(world, p))
        rows += [heading(title)] + objective_rows(world, p, stands[p])
    return rows + tension_rows(world)  # the arc last: the race and the objectives come first


def how_to_win_rows(world) -> list[Row]:
    """The scenario's way to win: the rule in plain words, its rounds, and every power's objectives."""
    rows = [Row(tr("howto.rule"), "", theme.TEXT, 15), Row(rounds_line(world), "", theme.YELLOW, 15, True)]
    dealt = int(world.param("objectives.dealt"))
    if dealt:
        rows.append(Row(tr("howto.dealt", n=dealt), "", theme.MUTED, 14))
    for p in world.order:
        rows += [heading(words.pname(world, p), theme.hex_color(world.powers[p].color))] + objective_rows(world, p)
    return rows


def dealt_world(world, seed: int):
    """The scenario's world with each power's objectives dealt as a game with `seed` would deal them."""
    from game import engine
    seeded = evolve(world, seed=seed)
    return objectives.deal(seeded, engine.rng(seeded, "objectives"))


class RowsScene(ListMixin, Dialog):
    """A dialog of scrollable rows; the wheel, Page Up/Down and the arrows scroll."""

    size = (0.7, 0.82)
    title = ""

    def rows(self) -> list[Row]:
        """The rows to show."""
        return []

    def rows_key(self) -> tuple | None:
        """What `rows` depends on besides the language and the scale (objects as `Ref`s, compared by identity),
        so the rows are worked out once, not on every frame; None: on every frame."""
        return None

    def still(self):
        """Rows kept (`rows_key`) make a still picture: it changes with them, the scroll and the focus."""
        key = self.rows_key()
        return None if key is None else (self.title, key, self.scroll, self.focus_id)

    def shown_rows(self) -> list[Row]:
        """`rows`, kept while `rows_key`, the language and the scale stay the same."""
        key = self.rows_key()
        if key is None:
            return self.rows()
        key = (text.language(), theme.scale(), key)
        if getattr(self, "_rows", (None,))[0] != key:
            self._rows = (key, self.rows())
        return self._rows[1]

    def handle_event(self, event) -> bool:
        """Scrolling (wheel, Page Up/Down, arrows), then buttons."""
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN):
            self.scroll = max(0, self.scroll + (1 if event.key == pygame.K_DOWN else -1))
            return True
        return self.wheel(event) or super().handle_event(event)

    def draw(self, surface) -> None:
        """The rows from the scroll position, each wrapped in full; a note when more follow."""
        inner = self.frame(surface, self.title)
        rows = self.shown_rows()
        self.scroll = min(self.scroll, max(0, len(rows) - 1))
        bottom = inner.bottom - theme.px(46)
        y = inner.top
        for i, row in enumerate(rows[self.scroll:], self.scroll):
            right_w = theme.width(row.right, row.size, row.bold) + theme.px(12) if row.right else 0
            need = len(theme.wrap(row.left, inner.width - right_w, row.size, row.bold)) * theme.line_height(row.size)
            if y + need > bottom:
                theme.text(surface, tr("list.more", shown=f"{self.scroll + 1}-{i}", total=len(rows)),
                           (inner.left, inner.bottom - theme.px(30)), 14, theme.MUTED)
                break
            if row.right:
                theme.text(surface, row.right, (inner.right, y), row.size, row.color, row.bold, anchor="topright")
            end = theme.paragraph(surface, row.left, pygame.Rect(inner.left, y, inner.width - right_w, need + 4),
                                  row.size, row.color, row.bold, spacing=1.0)
            if row.tip:
                self.tip(pygame.Rect(inner.left, y, inner.width, end - y), row.tip)
            y = end + theme.px(3)
        self.extra_buttons(surface, inner)
        self.close_button(surface, inner)
        self.draw_tooltip(surface)

    def extra_buttons(self, surface, inner) -> None:
        """Buttons beside Close (none here)."""


class ScoreboardScene(RowsScene):
    """Every power's points, place and projected pay, the next round, and every public objective."""

    def __init__(self, owner) -> None:
        from game.ui.desk import desk_of
        super().__init__()
        self.desk = desk_of(owner)
        self.title = tr("score.title")

    def rows(self) -> list[Row]:
        """The scoreboard as the seat in front of the screen sees it."""
        return scoreboard_rows(self.desk.view(), self.desk.shown())

    def rows_key(self) -> tuple:
        """The seat's view and the seat."""
        return (Ref(self.desk.view()), self.desk.shown())

    def on_key(self, event) -> bool:
        """Esc or S closes."""
        if event.key == pygame.K_s:
            self.close()
            return True
        return super().on_key(event)


class HowToWinScene(RowsScene):
    """The setup screen's page: how this scenario is won, with the objectives this seed deals."""

    def __init__(self, world, title: str) -> None:
        super().__init__()
        self.world = world
        self.title = tr("howto.title", scenario=title)

    def rows(self) -> list[Row]:
        """The rule, the rounds and every power's objectives."""
        return how_to_win_rows(self.world)

    def rows_key(self) -> tuple:
        """The dealt world."""
        return (Ref(self.world),)
