"""Real charts drawn onto a pygame Surface: line charts, stacked shares and grouped bars.

Every function is pure drawing: it takes a surface, a rectangle and plain data
(`Series`, lists of numbers) and paints axes with ticks and labels, a title, a legend
and the data. Nothing here knows about the game. Fonts are created on first use and
cached. `ChartStyle(scale=1.5)` makes everything larger for a projector.
"""
from __future__ import annotations

import math
from typing import Sequence

import pygame
from attrs import field, frozen

from game.text import number
from game.ui.theme import check_inside, draw_line, line_width, note, tokens
from game.ui.theme import raw_font as font

OTHERS_COLOR = "#9A9A9A"


@frozen
class ChartStyle:
    """Colours and sizes of a chart; `scale` enlarges text and lines (projector)."""

    scale: float = 1.0
    background: str = "#FFFFFF"
    ink: str = "#1E1E1E"
    muted: str = "#5A5A5A"
    grid: str = "#E3E3E3"
    axis: str = "#3C3C3C"

    def px(self, value: float) -> int:
        """A length in pixels at this style's scale."""
        return max(1, round(value * self.scale))


@frozen
class Series:
    """One named line or bar group: label, colour, x values and y values."""

    label: str
    color: str
    xs: tuple[float, ...] = field(converter=tuple)
    ys: tuple[float, ...] = field(converter=tuple)
    dashed: bool = False  # reference data: dashed lines with hollow markers, hatched bars


@frozen
class ChartLayout:
    """Where the parts of a drawn chart landed (for tests and hit-testing)."""

    plot: pygame.Rect
    legend: pygame.Rect | None
    y_ticks: tuple[float, ...]
    x_ticks: tuple[float, ...]


def color(value) -> pygame.Color:
    """A pygame colour from '#RRGGBB' or an RGB tuple."""
    return pygame.Color(value)


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values covering [lo, hi] with about `count` steps."""
    if hi < lo:
        lo, hi = hi, lo
    if math.isclose(hi, lo):
        hi = lo + 1.0
    raw = (hi - lo) / max(count, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step + 1e-9) * step
    ticks, t = [], first
    while t < hi + step * 0.999:
        ticks.append(round(t, 10))
        t += step
    return ticks


def tick_label(value: float, step: float, unit: str = "") -> str:
    """A tick's text with as many decimals as the step needs, in the reader's separators ("1 234,5" in Russian)."""
    decimals = 0 if step >= 1 else min(3, max(0, -math.floor(math.log10(step) + 1e-9)))
    return number(value, f",.{decimals}f") + unit


def text(surface: pygame.Surface, s: str, pos, size: int, ink, anchor: str = "topleft",
         bold: bool = False) -> pygame.Rect:
    """Blit `s` anchored at `pos`; returns the rectangle it covers."""
    img = draw_line(s, size, color(ink), bold)
    note(s)
    r = img.get_rect(**{anchor: pos})
    surface.blit(img, r)
    check_inside(surface, r, s)
    return r


def _frame(surface, rect, title, y_label, style: ChartStyle) -> pygame.Rect:
    """Paint the background, title and y label; returns the space left for axes and plot."""
    pygame.draw.rect(surface, color(style.background), rect)
    pad = style.px(10)
    inner = rect.inflate(-2 * pad, -2 * pad)
    if title:
        t = text(surface, title, (inner.centerx, inner.top), title_size(title, inner.width, style), style.ink, "midtop",
                 bold=True)
        inner.height -= t.height + pad
        inner.top = t.bottom + pad
    if y_label:  # room on the left; the label itself is drawn beside the plot by _y_label
        w = font(style.px(19)).get_linesize()
        inner.width -= w + pad // 2
        inner.left += w + pad // 2
    return inner


def title_size(title: str, width: int, style: ChartStyle) -> int:
    """The title's pixel size: the style's, smaller (down to two thirds) when a long title would run past `width`."""
    size, least = style.px(26), style.px(18)
    while size > least and line_width(title, size, True) > width:
        size -= 1
    return size


def _y_label(surface, area: pygame.Rect, y_label: str, style: ChartStyle) -> None:
    """The y axis label, turned upright, centred beside `area` (the plot without the legend below it)."""
    if not y_label:
        return
    img = pygame.transform.rotate(font(style.px(19)).render(y_label, True, color(style.muted)), 90)
    note(y_label)
    surface.blit(img, img.get_rect(midright=(area.left - style.px(10) // 2, area.centery)))


SWATCH = 36  # swatch and gap before a legend label, unscaled pixels
ROW = 24  # legend row height, unscaled pixels
LEGEND_ROWS = 4  # most rows a legend below the plot takes before it truncates labels
MIN_COLUMN = 170  # narrowest legend column, unscaled pixels


def _legend_cell(entries: Sequence[tuple[str, str, str]], style: ChartStyle) -> int:
    """Width of one legend entry: swatch plus the longest label."""
    return max((line_width(label, style.px(18)) for label, *_ in entries), default=0) + style.px(SWATCH + 12)


def fit(s: str, size: int, width: int) -> str:
    """`s` shortened with "..." so that it fits in `width` pixels."""
    if line_width(s, size) <= width:
        return s
    while s and line_width(s + "...", size) > width:
        s = s[:-1]
    return s.rstrip() + "..."


def _legend(surface, rect: pygame.Rect, entries, style: ChartStyle, cols: int = 1) -> None:
    """Draw legend swatches and labels inside `rect`, in `cols` columns."""
    pygame.draw.rect(surface, color(style.background), rect)
    pygame.draw.rect(surface, color(style.grid), rect, 1)
    col_w = (rect.width - style.px(6)) // cols
    rows = (len(entries) + cols - 1) // cols
    for i, (label, col, mark, *shape) in enumerate(entries):
        c, r = divmod(i, rows) if cols > 1 else (0, i)
        x = rect.left + style.px(6) + c * col_w
        mid = rect.top + style.px(5) + r * style.px(ROW) + style.px(12)
        if mid > rect.bottom:
            break
        x1 = x + style.px(24)
        if mark == "dashed":
            _dashed_line(surface, color(col), (x, mid), (x1, mid), style.px(3), style.px(6))
        elif mark == "hatched":
            _hatched(surface, pygame.Rect(x, mid - style.px(7), x1 - x, style.px(14)), color(col), style)
        elif not shape:
            pygame.draw.rect(surface, color(col), (x, mid - style.px(6), x1 - x, style.px(12)))
        if shape:  # a line's legend: its stroke with its marker in the middle
            if mark != "dashed":
                pygame.draw.line(surface, color(col), (x, mid), (x1, mid), style.px(3))
            marker(surface, color(col), ((x + x1) // 2, mid), shape[0], style.px(5), mark == "dashed")
        label = fit(label, style.px(18), col_w - style.px(SWATCH))
        text(surface, label, (x1 + style.px(6), mid), style.px(18), style.ink, "midleft")


def _split_legend(inner: pygame.Rect, entries, style: ChartStyle) -> tuple[pygame.Rect, pygame.Rect | None, int]:
    """Reserve room for the legend: a right column when it is narrow, else rows below.

    Returns (space left for the plot, legend rect, number of legend columns).
    """
    if not entries:
        return inner, None, 1
    cell = _legend_cell(entries, style)
    row_h = style.px(ROW)
    if cell <= inner.width * 0.3:
        h = min(len(entries) * row_h + style.px(10), inner.height)
        legend = pygame.Rect(inner.right - cell, inner.top, cell, h)
        return pygame.Rect(inner.left, inner.top, inner.width - cell - style.px(12), inner.height), legend, 1
    n = len(entries)
    fits = inner.width // min(cell, inner.width)  # columns of full labels that fit
    cols = max(fits, math.ceil(n / LEGEND_ROWS))  # else truncate labels to keep the rows few
    cols = max(1, min(n, cols, inner.width // style.px(MIN_COLUMN)))
    rows = (n + cols - 1) // cols
    h = rows * row_h + style.px(10)
    legend = pygame.Rect(inner.left, inner.bottom - h, inner.width, h)
    return pygame.Rect(inner.left, inner.top, inner.width, inner.height - h - style.px(8)), legend, cols


def _wrap2(s: str, size: int, width: int) -> list[str]:
    """`s` on one line, or split at a space into two lines, each fitted to `width`."""
    pieces = tokens(s)
    if line_width(s, size) <= width or len(pieces) < 2:
        return [fit(s, size, width)]
    joined = [("", " ")[space] + piece for piece, space in pieces]
    best = min(range(1, len(joined)), key=lambda i: max(line_width("".join(joined[:i]).strip(), size),
                                                        line_width("".join(joined[i:]).strip(), size)))
    return [fit("".join(joined[:best]).strip(), size, width), fit("".join(joined[best:]).strip(), size, width)]


def _axes(surface, area: pygame.Rect, x_ticks, x_labels, y_ticks, y_unit, x_label, style: ChartStyle,
          x_pos, wrap: bool = False) -> pygame.Rect:
    """Draw gridlines, axes, tick marks and labels; returns the plot rectangle."""
    tick_size = style.px(17)
    f = font(tick_size)
    step = (y_ticks[1] - y_ticks[0]) if len(y_ticks) > 1 else 1.0
    y_texts = [tick_label(v, step, y_unit) for v in y_ticks]
    left_w = max(f.size(s)[0] for s in y_texts) + style.px(10)
    lines = 2 if wrap else 1
    bottom_h = lines * f.get_linesize() + style.px(8) + (f.get_linesize() + style.px(4) if x_label else 0)
    plot = pygame.Rect(area.left + left_w, area.top + style.px(8), area.width - left_w - style.px(14),
                       area.height - bottom_h - style.px(8))
    lo, hi = y_ticks[0], y_ticks[-1]
    for v, s in zip(y_ticks, y_texts):
        y = plot.bottom - (v - lo) / (hi - lo) * plot.height
        pygame.draw.line(surface, color(style.grid), (plot.left, y), (plot.right, y), 1)
        pygame.draw.line(surface, color(style.axis), (plot.left - style.px(5), y), (plot.left, y), 1)
        text(surface, s, (plot.left - style.px(8), y), tick_size, style.muted, "midright")
    last_right = -10 ** 6
    slot = plot.width / max(1, len(x_ticks)) - style.px(6)
    for v, s in zip(x_ticks, x_labels):
        x = x_pos(plot, v)
        pygame.draw.line(surface, color(style.axis), (x, plot.bottom), (x, plot.bottom + style.px(5)), 1)
        if wrap:
            for i, line in enumerate(_wrap2(s, tick_size, int(slot))):
                text(surface, line, (x, plot.bottom + style.px(7) + i * f.get_linesize()), tick_size,
                     style.muted, "midtop")
            continue
        w = f.size(s)[0]
        if x - w / 2 > last_right + style.px(6):  # skip labels that would overlap
            r = text(surface, s, (x, plot.bottom + style.px(7)), tick_size, style.muted, "midtop")
            last_right = r.right
    pygame.draw.line(surface, color(style.axis), plot.bottomleft, plot.bottomright, style.px(2))
    pygame.draw.line(surface, color(style.axis), plot.bottomleft, plot.topleft, style.px(2))
    if x_label:
        text(surface, x_label, (plot.centerx, area.bottom), style.px(19), style.muted, "midbottom")
    return plot


MARKERS = ("circle", "square", "triangle", "diamond", "triangle_down", "cross", "plus", "star")


def line_markers(series: Sequence[Series]) -> list[str]:
    """The marker of each line: one shape per colour (a game series and its history share it), so lines that
    a colour-blind reader cannot tell apart by colour still differ in shape."""
    colours: list[str] = []
    for s in series:
        if s.color.lower() not in colours:
            colours.append(s.color.lower())
    return [MARKERS[colours.index(s.color.lower()) % len(MARKERS)] for s in series]


def marker(surface, col, p, kind: str, r: int, hollow: bool = False) -> None:
    """One data point drawn as `kind` (see MARKERS) of radius r; hollow draws its outline only."""
    x, y = p
    width = max(1, r // 2) if hollow else 0
    shapes = {"square": [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)],
              "triangle": [(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)],
              "triangle_down": [(x, y + r + 1), (x + r + 1, y - r), (x - r - 1, y - r)],
              "diamond": [(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)]}
    if kind == "star":
        shapes["star"] = [(x + (r + 2 if i % 2 == 0 else r // 2) * math.sin(i * math.pi / 5),
                           y - (r + 2 if i % 2 == 0 else r // 2) * math.cos(i * math.pi / 5)) for i in range(10)]
    if kind in shapes:
        pygame.draw.polygon(surface, col, shapes[kind], width)
    elif kind == "cross":
        pygame.draw.line(surface, col, (x - r, y - r), (x + r, y + r), max(2, r // 2))
        pygame.draw.line(surface, col, (x - r, y + r), (x + r, y - r), max(2, r // 2))
    elif kind == "plus":
        pygame.draw.line(surface, col, (x - r - 1, y), (x + r + 1, y), max(2, r // 2))
        pygame.draw.line(surface, col, (x, y - r - 1), (x, y + r + 1), max(2, r // 2))
    else:
        pygame.draw.circle(surface, col, p, r, width)


def _dashed_line(surface, col, a, b, width: int, dash: int) -> None:
    """A dashed straight line from a to b."""
    length = math.dist(a, b)
    if length == 0:
        return
    n = max(1, int(length // dash))
    for i in range(0, n, 2):
        t0, t1 = i / n, min(1.0, (i + 1) / n)
        p0 = (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0)
        p1 = (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1)
        pygame.draw.line(surface, col, p0, p1, width)


def _x_range(all_x: Sequence[float]) -> tuple[float, float]:
    """The x span of the data, widened when it is a single point."""
    lo, hi = min(all_x), max(all_x)
    return (lo - 0.5, hi + 0.5) if hi == lo else (lo, hi)


def _year_ticks(lo: float, hi: float) -> list[float]:
    """Whole-number ticks (years) between lo and hi."""
    ticks = [t for t in nice_ticks(lo, hi, min(10, max(1, int(hi - lo)))) if lo - 1e-9 <= t <= hi + 1e-9]
    ticks = [t for t in ticks if float(t).is_integer()]
    return ticks or [round((lo + hi) / 2)]


def no_data(surface, rect: pygame.Rect, title: str, message: str, style: ChartStyle = ChartStyle()) -> None:
    """A framed chart area saying there is nothing to draw."""
    inner = _frame(surface, rect, title, "", style)
    text(surface, message, inner.center, style.px(22), style.muted, "center")


def line_chart(surface: pygame.Surface, rect: pygame.Rect, series: Sequence[Series], title: str = "",
               x_label: str = "", y_label: str = "", style: ChartStyle = ChartStyle(),
               y_range: tuple[float, float] | None = None, y_unit: str = "") -> ChartLayout:
    """Lines over x (years) for several series, with axes, ticks, title and legend."""
    rect = pygame.Rect(rect)
    inner = _frame(surface, rect, title, y_label, style)
    shapes = line_markers(series)
    entries = [(s.label, s.color, "dashed" if s.dashed else "solid", m) for s, m in zip(series, shapes)]
    area, legend_rect, legend_cols = _split_legend(inner, entries, style)
    _y_label(surface, area, y_label, style)
    all_x = [x for s in series for x in s.xs] or [0.0]
    all_y = [y for s in series for y in s.ys] or [0.0]
    x_lo, x_hi = _x_range(all_x)
    lo, hi = y_range or (min(0.0, min(all_y)), max(all_y))
    y_ticks = nice_ticks(lo, hi)
    x_ticks = _year_ticks(x_lo, x_hi)

    def x_pos(plot, v):
        return plot.left + (v - x_lo) / (x_hi - x_lo) * plot.width

    plot = _axes(surface, area, x_ticks, [f"{int(t)}" for t in x_ticks], y_ticks, y_unit, x_label, style, x_pos)
    y0, y1 = y_ticks[0], y_ticks[-1]
    clip = surface.get_clip()
    surface.set_clip(plot.inflate(style.px(12), style.px(12)))
    for s, shape in zip(series, shapes):
        pts = [(x_pos(plot, x), plot.bottom - (y - y0) / (y1 - y0) * plot.height) for x, y in zip(s.xs, s.ys)]
        col = color(s.color)
        if len(pts) > 1:
            if s.dashed:
                for a, b in zip(pts, pts[1:]):
                    _dashed_line(surface, col, a, b, style.px(3), style.px(7))
            else:
                pygame.draw.lines(surface, col, False, pts, style.px(3))
        for p in pts:
            marker(surface, col, p, shape, style.px(4.5), s.dashed)
    surface.set_clip(clip)
    if legend_rect:
        _legend(surface, legend_rect, entries, style, legend_cols)
    return ChartLayout(plot, legend_rect, tuple(y_ticks), tuple(x_ticks))


def stacked_chart(surface: pygame.Surface, rect: pygame.Rect, xs: Sequence[float], layers: Sequence[Series],
                  title: str = "", x_label: str = "", y_label: str = "", style: ChartStyle = ChartStyle(),
                  percent: bool = True, bars: bool = False) -> ChartLayout:
    """Shares stacked over x (as areas, or bars when asked or with one x); layers' ys align with xs."""
    rect = pygame.Rect(rect)
    inner = _frame(surface, rect, title, y_label, style)
    entries = [(s.label, s.color, "solid") for s in reversed(layers)]  # legend top-down = stack top-down
    area, legend_rect, legend_cols = _split_legend(inner, entries, style)
    _y_label(surface, area, y_label, style)
    xs = list(xs)
    bars = bars or len(xs) < 2
    totals = [sum(layer.ys[i] for layer in layers) for i in range(len(xs))]
    top = 1.0 if percent else max(totals or [1.0])
    y_ticks = nice_ticks(0.0, top, 5)
    y_ticks = [t for t in y_ticks if t <= top + 1e-9] if percent else y_ticks
    span = y_ticks[-1] - y_ticks[0] if len(y_ticks) > 1 else 1.0
    x_lo, x_hi = (min(xs), max(xs)) if xs else (0.0, 1.0)
    if bars:
        x_lo, x_hi = x_lo - 0.5, x_hi + 0.5

    def x_pos(plot, v):
        return plot.left + (v - x_lo) / ((x_hi - x_lo) or 1.0) * plot.width

    shown = [t * 100 for t in y_ticks] if percent else y_ticks
    x_ticks = _year_ticks(min(xs), max(xs)) if xs else []
    plot = _axes(surface, area, x_ticks, [f"{int(t)}" for t in x_ticks], shown, "%" if percent else "",
                 x_label, style, x_pos)

    def y_pos(v):
        return plot.bottom - (v - y_ticks[0]) / span * plot.height

    base = [0.0] * len(xs)
    bar_w = plot.width / max(1, (x_hi - x_lo)) * 0.7
    for layer in layers:
        upper = [b + v for b, v in zip(base, layer.ys)]
        col = color(layer.color)
        if bars:
            for x, b, u in zip(xs, base, upper):
                r = pygame.Rect(0, 0, max(2, int(bar_w)), max(0, round(y_pos(b) - y_pos(u))))
                r.midbottom = (round(x_pos(plot, x)), round(y_pos(b)))
                pygame.draw.rect(surface, col, r)
        else:
            poly = [(x_pos(plot, x), y_pos(u)) for x, u in zip(xs, upper)]
            poly += [(x_pos(plot, x), y_pos(b)) for x, b in reversed(list(zip(xs, base)))]
            pygame.draw.polygon(surface, col, poly)
        base = upper
    pygame.draw.line(surface, color(style.axis), plot.bottomleft, plot.bottomright, style.px(2))
    if legend_rect:
        _legend(surface, legend_rect, entries, style, legend_cols)
    return ChartLayout(plot, legend_rect, tuple(y_ticks), tuple(x_ticks))


def bar_chart(surface: pygame.Surface, rect: pygame.Rect, categories: Sequence[str], groups: Sequence[Series],
              title: str = "", y_label: str = "", style: ChartStyle = ChartStyle(),
              y_range: tuple[float, float] | None = None, y_unit: str = "",
              category_colors: Sequence[str] | None = None) -> ChartLayout:
    """Grouped vertical bars: one bar per group in each category (ys align with categories).

    With `category_colors`, each category's bars take its colour and groups differ by
    fill (the first solid, later ones hatched outlines), as in "your game vs history".
    """
    rect = pygame.Rect(rect)
    inner = _frame(surface, rect, title, y_label, style)
    entries = ([(g.label, g.color, "hatched" if g.dashed else "solid") for g in groups]
               if len(groups) > 1 or not category_colors else [])
    area, legend_rect, legend_cols = _split_legend(inner, entries, style)
    _y_label(surface, area, y_label, style)
    all_y = [y for g in groups for y in g.ys] or [0.0]
    lo, hi = y_range or (min(0.0, min(all_y)), max(all_y))
    y_ticks = nice_ticks(lo, hi)
    n = max(1, len(categories))

    def x_pos(plot, i):
        return plot.left + (i + 0.5) / n * plot.width

    plot = _axes(surface, area, list(range(len(categories))), list(categories), y_ticks, y_unit, "", style, x_pos,
                 wrap=True)
    span = y_ticks[-1] - y_ticks[0]
    slot = plot.width / n * 0.8
    bar_w = max(2, int(slot / max(1, len(groups))))
    for gi, g in enumerate(groups):
        for i, v in enumerate(g.ys):
            col = color(category_colors[i] if category_colors else g.color)
            x = x_pos(plot, i) - slot / 2 + gi * bar_w
            y_top = plot.bottom - (max(v, y_ticks[0]) - y_ticks[0]) / span * plot.height
            r = pygame.Rect(round(x), round(y_top), bar_w - style.px(2), max(1, round(plot.bottom - y_top)))
            if g.dashed:
                _hatched(surface, r, col, style)
            else:
                pygame.draw.rect(surface, col, r)
    pygame.draw.line(surface, color(style.axis), plot.bottomleft, plot.bottomright, style.px(2))
    if legend_rect:
        _legend(surface, legend_rect, entries, style, legend_cols)
    return ChartLayout(plot, legend_rect, tuple(y_ticks), tuple(range(len(categories))))


def _hatched(surface, r: pygame.Rect, col, style: ChartStyle) -> None:
    """A bar drawn as an outline with diagonal hatching (reference values)."""
    clip = surface.get_clip()
    surface.set_clip(r.clip(clip) if clip else r)
    gap = style.px(7)
    for k in range(-r.height, r.width, gap):
        pygame.draw.line(surface, col, (r.left + k, r.bottom), (r.left + k + r.height, r.top), style.px(2))
    surface.set_clip(clip)
    pygame.draw.rect(surface, col, r, style.px(2))
