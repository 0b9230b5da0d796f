"""The year in a minute: what happened to you and why your points and place moved, the year's three biggest
events and everyone's points; the full log (with the computer players' reasons) one click deeper."""
from __future__ import annotations

from game.rules import objectives
from game.ui import theme, words
from game.ui.i18n import number, tr
from game.ui.scoreboard import Row, RowsScene, heading, standing_rows

BIG_EVENTS = 3  # events shown on the summary's first page


def objective_pay(world, p: str) -> list[tuple[str, float]]:
    """What each of p's objectives paid in the latest scoring round (its measures then, its weight)."""
    now, kinds = world.measured[-1], objectives.kinds_of(world)
    year = objectives.rounds(world)[len(world.scored) - 1]
    weight = objectives.round_weight(world, year)
    return [(words.objective(o), weight * objectives.pay(o, p, now, world.start_measures, world.order, kinds))
            for o in world.powers[p].objectives]


def place_of(world, p: str):
    """p's standing in a world."""
    return next(st for st in objectives.standings(world) if st.power == p)


def you_rows(before, after, year: int, me: str) -> list[Row]:
    """What happened to the viewer: points and place before and after, and why (each objective's pay)."""
    b, a = place_of(before, me), place_of(after, me)
    rows = [heading(tr("summary.you"), theme.hex_color(after.powers[me].color)),
            Row(tr("summary.points", before=words.points(b.points), after=words.points(a.points),
                   delta=number(a.points - b.points, "+.1f"), place_before=words.place_words(b), place=words.place_words(a)), "", theme.YELLOW, 15, True)]
    if len(after.scored) > len(before.scored):
        rows.append(Row(tr("summary.round_paid", year=year), "", theme.TEXT, 14))
        rows += [Row(text, f"+{words.points(v)}", theme.TEXT, 14) for text, v in objective_pay(after, me)]
    elif a.next_year:
        rows.append(Row(tr("summary.no_round", year=a.next_year, projected=words.points(a.projected)), "",
                        theme.TEXT, 14))
    rows += influence_rows(before, after, me)
    return rows


def influence_rows(before, after, me: str) -> list[Row]:
    """Where the viewer's influence moved in each Central Asian state, who leads there."""
    from game.rules.influence import shares
    rows = []
    for c in after.c5():
        sa, sb = shares(after, c), shares(before, c)
        dom = max(sa, key=sa.get)
        line = tr("summary.influence_row", state=words.pname(after, c),
                  dominant=words.pname(after, dom) if dom in after.powers else tr("legend.others"), share=number(sa[dom], ".0%"))
        if me in sa:
            line += " " + tr("summary.yours", now=number(sa[me], ".0%"), delta=number((sa[me] - sb.get(me, 0)) * 100, "+.1f"))
        rows.append(Row(line, "", theme.TEXT, 14))
    return [heading(tr("summary.influence"))] + rows if rows else []


class YearSummaryScene(RowsScene):
    """The year's summary for one seat (as it may see the log); Full log shows every line of the year."""

    size = (0.72, 0.86)

    def __init__(self, session, before, after, year: int, viewer: str) -> None:
        super().__init__()
        self.session, self.before, self.after, self.year, self.viewer = session, before, after, year, viewer
        self.full = False
        self.title = tr("summary.title", year=year)

    def log(self) -> list:
        """The year's log lines the viewer may read."""
        return [e for e in self.session.visible_log(self.viewer) if e.year == self.year]

    def lines(self) -> list[tuple[str, tuple]]:
        """The full log of the year: (text, colour), the computer players' reasons named by their power."""
        out = []
        for e in self.log():
            color = theme.SKY if e.rule == "ai" else theme.YELLOW if e.rule == "event" else theme.TEXT
            who = f"{words.pname(self.after, e.actor)}: " if e.rule == "ai" and e.actor else ""
            out.append((who + e.text, color))
        return out

    def rows(self) -> list[Row]:
        """The first page (you, the biggest events, everyone's points) or the full log."""
        if self.full:
            return [heading(tr("summary.log"))] + [Row(t, "", c, 13) for t, c in self.lines()]
        events = [e.text for e in self.log() if e.rule == "event"][:BIG_EVENTS]
        arc = [Row(e.text, "", theme.ORANGE, 14) for e in self.log() if e.rule == "tension"]  # the track, crises, collapse
        rows = you_rows(self.before, self.after, self.year, self.viewer)
        rows += [heading(tr("summary.events"))] + arc + [Row(t, "", theme.YELLOW, 14) for t in events or
                                                         ([] if arc else [tr("replay.no_events")])]
        return rows + [heading(tr("score.table"))] + standing_rows(self.after, self.viewer)

    def rows_key(self) -> tuple:
        """The page shown and the log's length (the year's worlds are fixed)."""
        return (self.full, len(self.session.log))

    def toggle(self) -> None:
        """Switch between the first page and the full log."""
        self.full = not self.full
        self.scroll = 0

    def extra_buttons(self, surface, inner) -> None:
        """Full log (with its length) or Back to the summary, left of Continue."""
        bw, bh = theme.px(260), theme.px(36)
        label = tr("summary.back") if self.full else tr("summary.full_log", n=len(self.log()))
        self.button(surface, (inner.right - bw - theme.px(160), inner.bottom - bh, bw, bh), label, self.toggle,
                    id="full-log", tooltip=tr("summary.full_log.tip"))

    def close_button(self, surface, inner, label: str = "") -> None:
        """Continue closes the summary."""
        super().close_button(surface, inner, label or tr("common.continue"))
