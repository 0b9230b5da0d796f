"""The debrief's charts as data: a finished game's history -> named chart specs.

A `ChartSpec` has a file-friendly name, a title and a `draw(surface, rect, style)`
function; the debrief scene shows them and the export writes them as PNG files.
"Your game vs history" compares the game's series with the reference values kept
in `scenarios/history/<scenario_id>.toml` (sourced, approximate real figures).
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

import pygame
from attrs import frozen

from game.model.world import OTHERS
from game.reference import HISTORY_DIR, RefSeries, Reference, load_reference  # noqa: F401 (re-exported)
from game.ui.charts import OTHERS_COLOR, ChartStyle, Series, bar_chart, line_chart, no_data, stacked_chart
from game import text
from game.ui.i18n import render, tr

# Colour-blind-safe palette for corridors (they carry no colour of their own).
CORRIDOR_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
                   "#000000", "#8C564B", "#7F7F7F", "#BCBD22", "#17BECF", "#9467BD")
GAS_MODES = ("gas_pipeline",)


@frozen
class ChartSpec:
    """One chart of the debrief: a file name, a title and how to draw it."""

    name: str
    title: str
    draw: Callable[[pygame.Surface, pygame.Rect, ChartStyle], object]


# --- reading the game's history -------------------------------------------------------
def years(history: Sequence[dict]) -> list[int]:
    """The resolved years, in order."""
    return [h["year"] for h in history]


def name_of(world, power: str) -> str:
    """A power's display name ("Others" for the outside share)."""
    if power == OTHERS:
        return tr("debrief.others")
    return render(text.power(world, power))


def color_of(world, power: str) -> str:
    """A power's colour (grey for the outside share)."""
    p = world.powers.get(power)
    return p.color if p else OTHERS_COLOR


def c5_states(world) -> list[str]:
    """The C5 states in scenario order."""
    return [p for p in world.order if world.powers[p].kind == "c5"]


def game_trade(history: Sequence[dict], power: str, state: str = "") -> list[float]:
    """A great power's trade with one C5 state, or all five, per year (US$ bn)."""
    out = []
    for h in history:
        row = h.get("trade", {}).get(power, {})
        out.append(row.get(state, 0.0) if state else sum(row.values()))
    return out


def short_name(name: str) -> str:
    """A corridor name without its bracketed detail, for legends."""
    return re.sub(r"\s*\(.*?\)", "", name).strip() or name


def corridor_unit(world, corridor: str, lang: str | None = None) -> str:
    """The unit a corridor's flow is counted in (in `lang`, else the reader's language)."""
    c = world.corridors.get(corridor)
    return render(text.Ref("unit", "gas" if c and c.mode in GAS_MODES else "oil"), lang)


def flow_unit(world, r: RefSeries) -> str:
    """The unit of a reference flow: its corridor's, in the reader's language, unless the file names another."""
    return corridor_unit(world, r.corridor) if r.unit in ("", corridor_unit(world, r.corridor, "en")) else r.unit


def active_corridors(history: Sequence[dict], world) -> list[str]:
    """Corridors that carried anything during the game, in scenario order."""
    used = {k for h in history for k, v in h.get("flows", {}).items() if v > 0}
    return [c for c in world.corridors if c in used]


# --- the game's charts ------------------------------------------------------------------
def points_of(year: dict) -> dict:
    """The cumulative points of a year's snapshot (an old history without points: none)."""
    return year.get("points", {})


def points_top(history: Sequence[dict]) -> float:
    """The top of a points axis: a little above the most points any power has."""
    most = max((v for h in history for v in points_of(h).values()), default=0.0)
    return max(10.0, round(most * 1.1 + 0.5))


def scores_chart(history: Sequence[dict], world) -> ChartSpec:
    """Each power's cumulative points, year by year."""
    xs = years(history)
    series = [Series(name_of(world, p), color_of(world, p), xs, [points_of(h).get(p, 0.0) for h in history])
              for p in world.order]

    def draw(surface, rect, style):
        if not history:
            return no_data(surface, rect, tr("debrief.chart.scores"), tr("debrief.no_years"), style)
        return line_chart(surface, rect, series, tr("debrief.chart.scores"), tr("debrief.axis.year"),
                          tr("debrief.axis.score"), style, y_range=(0, points_top(history)))
    return ChartSpec("scores", tr("debrief.chart.scores"), draw)


def tension_chart(history: Sequence[dict], world) -> ChartSpec:
    """The tension between each pair of great powers, year by year, with the collapse level dashed."""
    xs = years(history)
    pairs = list(dict.fromkeys(k for h in history for k in h.get("tension", {})))
    series = [Series(" - ".join(name_of(world, p) for p in key.split("|")), CORRIDOR_COLORS[i % len(CORRIDOR_COLORS)], xs,
                     [100 * h.get("tension", {}).get(key, 0.0) for h in history]) for i, key in enumerate(pairs)]
    series.append(Series(tr("debrief.collapse_level"), "#D55E00", xs, [100 * world.param("tension.collapse")] * len(xs),
                         dashed=True))
    title = tr("debrief.chart.tension", n=sum(len(h.get("crises", ())) for h in history))

    def draw(surface, rect, style):
        if not history:
            return no_data(surface, rect, title, tr("debrief.no_years"), style)
        return line_chart(surface, rect, series, title, tr("debrief.axis.year"), tr("debrief.axis.tension"), style,
                          y_range=(0, 100), y_unit="%")
    return ChartSpec("tension", title, draw)


def final_scores_chart(history: Sequence[dict], world) -> ChartSpec:
    """The last year's cumulative points as bars, one per power."""
    last = points_of(history[-1]) if history else {}
    cats = [name_of(world, p) for p in world.order]
    group = Series(tr("debrief.your_game"), "#444444", range(len(cats)), [last.get(p, 0.0) for p in world.order])
    title = tr("debrief.chart.final_scores") if world.status != "playing" else tr("debrief.chart.scores_so_far")

    def draw(surface, rect, style):
        if not history:
            return no_data(surface, rect, title, tr("debrief.no_years"), style)
        return bar_chart(surface, rect, cats, [group], title, tr("debrief.axis.score"), style,
                         y_range=(0, points_top(history)),
                         category_colors=[color_of(world, p) for p in world.order])
    return ChartSpec("final_scores", title, draw)


def influence_holders(history: Sequence[dict], world, state: str) -> list[str]:
    """Who holds influence in `state`: great powers in order, then others."""
    seen = {k for h in history for k in h.get("influence", {}).get(state, {})}
    greats = [p for p in world.order if world.powers[p].kind != "c5" and p in seen]
    return greats + ([OTHERS] if OTHERS in seen else [])


def influence_chart(history: Sequence[dict], world, state: str) -> ChartSpec:
    """Influence shares in one C5 state over time, stacked to 100%."""
    xs = years(history)
    layers = [Series(name_of(world, h), color_of(world, h), xs,
                     [y.get("influence", {}).get(state, {}).get(h, 0.0) for y in history])
              for h in influence_holders(history, world, state)]
    title = tr("debrief.chart.influence", state=name_of(world, state))

    def draw(surface, rect, style):
        if not history:
            return no_data(surface, rect, title, tr("debrief.no_years"), style)
        return stacked_chart(surface, rect, xs, layers, title, tr("debrief.axis.year"),
                             tr("debrief.axis.share"), style)
    return ChartSpec(f"influence_{state}", title, draw)


def flows_chart(history: Sequence[dict], world) -> ChartSpec:
    """Yearly volume on each corridor that carried anything."""
    xs = years(history)
    series = [Series(f"{short_name(render(text.corridor(world, c)))} ({corridor_unit(world, c)})",
                     CORRIDOR_COLORS[i % len(CORRIDOR_COLORS)], xs,
                     [h.get("flows", {}).get(c, 0.0) for h in history])
              for i, c in enumerate(active_corridors(history, world))]
    title = tr("debrief.chart.flows")

    def draw(surface, rect, style):
        if not series:
            return no_data(surface, rect, title, tr("debrief.no_flows"), style)
        return line_chart(surface, rect, series, title, tr("debrief.axis.year"), tr("debrief.axis.volume"), style)
    return ChartSpec("corridor_flows", title, draw)


def trade_chart(history: Sequence[dict], world) -> ChartSpec:
    """Each great power's trade with the C5 states, year by year."""
    xs = years(history)
    greats = [p for p in world.order if world.powers[p].kind != "c5"]
    series = [Series(name_of(world, p), color_of(world, p), xs, game_trade(history, p)) for p in greats]
    title = tr("debrief.chart.trade")

    def draw(surface, rect, style):
        if not history:
            return no_data(surface, rect, title, tr("debrief.no_years"), style)
        return line_chart(surface, rect, series, title, tr("debrief.axis.year"), tr("debrief.axis.usd"), style)
    return ChartSpec("trade", title, draw)


# --- your game vs history -------------------------------------------------------------
def _ref_points(ref: RefSeries) -> tuple[list[int], list[float]]:
    """A reference series' years and values."""
    return [y for y, _ in ref.values], [v for _, v in ref.values]


def _compare_lines(history, world, refs: Sequence[RefSeries], game_values, color_for, label_for):
    """Game (solid) and history (dashed) series for each reference series."""
    xs = years(history)
    out = []
    for r in refs:
        col, label = color_for(r), label_for(r)
        out.append(Series(tr("debrief.game_series", name=label), col, xs, game_values(r)))
        rx, ry = _ref_points(r)
        out.append(Series(tr("debrief.history_series", name=label), col, rx, ry, dashed=True))
    return out


def history_charts(history: Sequence[dict], world, reference: Reference | None) -> list[ChartSpec]:
    """The "your game vs history" charts for the reference series a scenario ships."""
    if reference is None:
        return []
    specs = []
    trade = [r for r in reference.series if r.compare == "trade" and not r.state]  # per-state series: bench/fidelity.py
    if trade:
        def trade_label(r):
            return f"{name_of(world, r.power)}-{name_of(world, r.state)}" if r.state else name_of(world, r.power)
        series = _compare_lines(history, world, trade, lambda r: game_trade(history, r.power, r.state),
                                lambda r: color_of(world, r.state or r.power), trade_label)
        specs.append(_line_spec("vs_history_trade", tr("debrief.chart.vs_trade"), series, tr("debrief.axis.usd")))
    flows = [r for r in reference.series if r.compare == "flow" and r.corridor in world.corridors]
    if flows:
        ids = list(world.corridors)
        series = _compare_lines(
            history, world, flows, lambda r: [h.get("flows", {}).get(r.corridor, 0.0) for h in history],
            lambda r: CORRIDOR_COLORS[ids.index(r.corridor) % len(CORRIDOR_COLORS)],
            lambda r: f"{reference.label(r)} ({flow_unit(world, r)})")
        specs.append(_line_spec("vs_history_flows", tr("debrief.chart.vs_flows"), series,
                                tr("debrief.axis.volume")))
    shares = [r for r in reference.series if r.compare == "share"]
    if shares:
        specs.append(_shares_spec(history, world, shares))
    return specs


def _line_spec(name: str, title: str, series: list[Series], y_label: str) -> ChartSpec:
    """A comparison line chart spec."""
    def draw(surface, rect, style):
        return line_chart(surface, rect, series, title, tr("debrief.axis.year"), y_label, style)
    return ChartSpec(name, title, draw)


def nearest(values: Sequence[tuple[int, float]], year: int) -> float:
    """The reference value of the year closest to `year` (the earlier one on a tie); 0 when none."""
    if not values:
        return 0.0
    return min(values, key=lambda yv: (abs(yv[0] - year), yv[0]))[1]


def _shares_spec(history, world, shares: Sequence[RefSeries]) -> ChartSpec:
    """Final influence shares in the game beside the latest real trade shares (a proxy)."""
    last = history[-1].get("influence", {}) if history else {}
    cats = [tr("debrief.share_category", power=name_of(world, r.power), state=name_of(world, r.state))
            for r in shares]
    game = Series(tr("debrief.game_influence"), "#444444", range(len(cats)),
                  [100 * last.get(r.state, {}).get(r.power, 0.0) for r in shares])
    final_year = history[-1]["year"] if history else 0
    real = Series(tr("debrief.history_trade_share"), "#444444", range(len(cats)),
                  [100 * nearest(r.values, final_year) for r in shares], dashed=True)
    title = tr("debrief.chart.vs_shares")

    def draw(surface, rect, style):
        return bar_chart(surface, rect, cats, [game, real], title, tr("debrief.axis.share_pct"), style,
                         y_unit="%", category_colors=[color_of(world, r.power) for r in shares])
    return ChartSpec("vs_history_shares", title, draw)


def all_charts(history: Sequence[dict], world, reference: Reference | None) -> list[ChartSpec]:
    """Every chart of the debrief, in the order the export writes them."""
    specs = [scores_chart(history, world), final_scores_chart(history, world), tension_chart(history, world),
             trade_chart(history, world), flows_chart(history, world)]
    specs += [influence_chart(history, world, s) for s in c5_states(world)]
    return specs + history_charts(history, world, reference)
