"""The debrief's after-action report in words: the player's decisions that mattered most and what each did,
the turning points of the race, and the game beside history for every reference series (`game.report`)."""
from __future__ import annotations

import pygame

from game.report import Decision, Report, TurningPoint, Versus
from game.rules.preview import Change
from game.text import joined, plain
from game.ui import words
from game.ui.charts import fit, text
from game.ui.i18n import render, tr
from game.ui.theme import break_lines, line_width

OFFER_STATUSES = ("accepted", "agreed", "countered", "failed", "lapsed", "pending", "rejected")
INK, MUTED, ACCENT, GOOD, BAD = "#F2F2F2", "#AEB6C4", "#E69F00", "#56B4E9", "#FF8A80"


def change_text(world, c: Change) -> str:
    """How far one figure moved, in words (a signed amount)."""
    name = words.pname(world, c.power)
    place = words.pname(world, c.place) if c.place else ""
    if c.measure == "money":
        return tr("report.change.money", power=name, sign="+" if c.delta >= 0 else "-", amount=abs(c.delta))
    scale = 100.0 if c.measure == "share" else 1.0
    return tr(f"report.change.{c.measure}", power=name, place=place, delta=c.delta * scale)


def outcome_text(d: Decision) -> str:
    """What became of a decision."""
    return tr(f"offer.{d.outcome}") if d.outcome in OFFER_STATUSES else tr(f"report.outcome.{d.outcome}")


def decision_line(world, d: Decision) -> str:
    """One decision: its year, what it was, what became of it, what it moved."""
    from game.rules.actions import parse
    moved = render(joined([plain(change_text(world, c)) for c in d.changes], "semi")) if d.changes \
        else tr("report.no_effect")
    return tr("report.decision", year=d.year, action=words.action(d.before or world, parse(d.action)),
              outcome=outcome_text(d),
              effects=moved)


def biggest(report: Report, n: int) -> list[Decision]:
    """The `n` decisions that moved the most, in the order they were taken."""
    ranked = sorted(enumerate(report.decisions), key=lambda iv: (-iv[1].weight, iv[0]))[:n]
    return [d for _, d in sorted(ranked) if d.weight > 0] or [d for _, d in sorted(ranked)]


def turning_line(world, t: TurningPoint, me: str) -> str:
    """One turning point in words, said to the player."""
    if t.kind == "round":
        if t.power == me:
            return tr("report.tp.round_best", year=t.year, value=words.points(t.value))
        return tr("report.tp.round", year=t.year, value=words.points(t.value), power=words.pname(world, t.power),
                  other=words.points(t.other))
    if t.kind == "lead":
        key = "report.tp.lead_you" if t.power == me else "report.tp.lead"
        return tr(key, year=t.year, power=words.pname(world, t.power), value=words.points(t.value))
    if t.kind == "place":
        return tr("report.tp.place", year=t.year, value=int(t.value), other=int(t.other))
    return tr("report.tp.swing", year=t.year, place=words.pname(world, t.place), delta=t.value * 100)


def series_label(world, v: Versus) -> str:
    """A reference series named from its data (power, state, corridor), in the reader's language."""
    r = v.series
    p = words.pname(world, r.power) if r.power else ""
    c = words.pname(world, r.state) if r.state else ""
    if r.compare == "trade":
        return tr("report.series.trade", power=p, state=c) if c else tr("report.series.trade_c5", power=p)
    if r.compare == "flow":
        return tr("report.series.flow", corridor=words.kname(world, r.corridor)) if r.corridor in world.corridors \
            else r.label
    if r.compare == "share":
        return tr("report.series.share", power=p, state=c)
    if r.compare == "remittances":
        return tr("report.series.remittances", power=p, state=c) if p else tr("report.series.remittances_all", state=c)
    return tr(f"report.series.{r.compare}", state=c)


def value_text(v: Versus, x: float) -> str:
    """A series value with its unit: a share as a percentage, money in US$ bn, volumes in their unit."""
    if v.series.compare == "share":
        return tr("report.value.share", value=x)
    if v.series.compare in ("trade", "gdp", "remittances"):
        return words.money(x)
    return tr("report.value.volume", value=x, unit=v.series.unit)


def versus_line(world, v: Versus) -> str:
    """One series: the game's value beside history's."""
    return tr("report.versus_row", label=series_label(world, v), game=value_text(v, v.game),
              real=value_text(v, v.real), year=v.year)


def wrapped(s: str, size: int, width: int, bold: bool = False) -> list[str]:
    """`s` broken into lines no wider than `width` pixels."""
    return [line for line in break_lines(s, width, lambda line: line_width(line, size, bold)) if line]


def paragraphs(surface, rect: pygame.Rect, lines: list[str], size: int, ink, gap: int) -> int:
    """Wrapped paragraphs from the top of `rect` while they fit whole; returns how many were drawn."""
    y, step = rect.top, round(size * 1.25)
    for n, s in enumerate(lines):
        parts = wrapped(s, size, rect.width)
        if y + len(parts) * step > rect.bottom:
            return n
        for part in parts:
            text(surface, part, (rect.left, y), size, ink)
            y += step
        y += gap
    return len(lines)


def draw_report(surface, body: pygame.Rect, k: float, world, report: Report) -> None:
    """Decisions (left), turning points (right), the game vs history below in columns."""
    size, head = round(19 * k), round(22 * k)
    gap = round(14 * k)
    top_h = int(body.height * 0.4)
    left = pygame.Rect(body.left, body.top, int(body.width * 0.6) - gap, top_h)
    right = pygame.Rect(left.right + gap, body.top, body.right - left.right - gap, top_h)
    low = pygame.Rect(body.left, body.top + top_h + gap, body.width, body.height - top_h - gap)
    y = text(surface, tr("report.decisions"), left.topleft, head, ACCENT, bold=True).bottom + round(6 * k)
    picked = biggest(report, 8)
    lines = [decision_line(world, d) for d in picked] or [tr("report.no_decisions")]
    shown = paragraphs(surface, pygame.Rect(left.left, y, left.width, left.bottom - y), lines, size, INK, round(6 * k))
    if shown < len(lines):
        text(surface, tr("report.more", n=len(lines) - shown), left.bottomleft, size, MUTED, "bottomleft")
    y = text(surface, tr("report.turning"), right.topleft, head, ACCENT, bold=True).bottom + round(6 * k)
    lines = [turning_line(world, t, report.power) for t in report.turning_points] or [tr("report.no_turning")]
    paragraphs(surface, pygame.Rect(right.left, y, right.width, right.bottom - y), lines, size, INK, round(4 * k))
    draw_versus(surface, low, k, world, report.versus)


def draw_versus(surface, rect: pygame.Rect, k: float, world, rows) -> None:
    """Every reference series, game beside history, in as many columns as the room needs."""
    head, size = round(22 * k), round(16 * k)
    title = wrapped(tr("report.versus", n=len(rows)), head, rect.width, bold=True)
    for line in title:
        text(surface, line, (rect.left, rect.top), head, ACCENT, bold=True)
        rect = pygame.Rect(rect.left, rect.top + round(head * 1.25), rect.width, rect.height - round(head * 1.25))
    y = rect.top + round(4 * k)
    if not rows:
        text(surface, tr("debrief.no_history"), (rect.left, y), size, MUTED)
        return
    step = round(size * 1.25)
    per_col = max(1, (rect.bottom - y) // step)
    cols = (len(rows) + per_col - 1) // per_col
    col_w = rect.width // max(1, cols)
    for i, v in enumerate(rows):
        x = rect.left + (i // per_col) * col_w
        line = versus_line(world, v)
        ink = GOOD if abs(v.game - v.real) <= 0.25 * max(abs(v.real), 1e-9) else BAD
        text(surface, fit(line, size, col_w - round(12 * k)), (x, y + (i % per_col) * step), size, ink)
