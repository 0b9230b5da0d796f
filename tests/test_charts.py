"""Charts draw real content: series colours in the plot, a legend, ticks covering the data."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.ui.charts import ChartStyle, Series, bar_chart, fit, line_chart, nice_ticks, stacked_chart

RED, BLUE, GREEN = "#D55E00", "#0072B2", "#009E73"


@pytest.fixture(scope="module", autouse=True)
def _pygame():
    pygame.font.init()
    yield


def count_color(surface, rect, hexcolor, tol=12):
    """How many pixels inside `rect` are within `tol` of the colour."""
    target = pygame.Color(hexcolor)
    n = 0
    for x in range(rect.left, rect.right, 2):
        for y in range(rect.top, rect.bottom, 2):
            c = surface.get_at((x, y))
            if abs(c.r - target.r) <= tol and abs(c.g - target.g) <= tol and abs(c.b - target.b) <= tol:
                n += 1
    return n


def test_nice_ticks_cover_the_range_with_round_steps():
    ticks = nice_ticks(0, 97)
    assert ticks[0] <= 0 and ticks[-1] >= 97
    steps = {round(b - a, 6) for a, b in zip(ticks, ticks[1:])}
    assert len(steps) == 1 and steps.pop() in (10, 20, 25)


def test_nice_ticks_small_and_flat_ranges():
    assert nice_ticks(0, 0.5)[-1] >= 0.5
    flat = nice_ticks(3, 3)
    assert flat[0] <= 3 <= flat[-1] and len(flat) >= 2


def test_line_chart_draws_each_series_in_the_plot_and_a_legend():
    s = pygame.Surface((800, 450))
    xs = list(range(2015, 2026))
    layout = line_chart(s, s.get_rect(), [Series("China", RED, xs, [10 + i for i in range(11)]),
                                          Series("Russia", BLUE, xs, [30 - i for i in range(11)])],
                        "Scores", "Year", "Score", y_range=(0, 100))
    assert count_color(s, layout.plot, RED) > 20
    assert count_color(s, layout.plot, BLUE) > 20
    assert layout.legend is not None and not layout.legend.colliderect(layout.plot)
    assert count_color(s, layout.legend, RED) > 5 and count_color(s, layout.legend, BLUE) > 5
    assert layout.y_ticks[0] == 0 and layout.y_ticks[-1] == 100
    assert layout.x_ticks[0] == 2015 and layout.x_ticks[-1] == 2025


def test_line_chart_higher_values_are_drawn_higher():
    s = pygame.Surface((800, 450))
    layout = line_chart(s, s.get_rect(), [Series("Low", BLUE, [1, 2], [10, 10]), Series("High", RED, [1, 2], [90, 90])],
                        y_range=(0, 100))
    plot = layout.plot
    top_half = pygame.Rect(plot.left, plot.top, plot.width, plot.height // 2)
    bottom_half = pygame.Rect(plot.left, plot.centery, plot.width, plot.height // 2)
    assert count_color(s, top_half, RED) > 0 and count_color(s, top_half, BLUE) == 0
    assert count_color(s, bottom_half, BLUE) > 0 and count_color(s, bottom_half, RED) == 0


def test_stacked_chart_fills_the_plot_in_proportion():
    s = pygame.Surface((900, 500))
    xs = [2015, 2016, 2017]
    layers = [Series("China", RED, xs, [0.75] * 3), Series("Russia", BLUE, xs, [0.25] * 3)]
    layout = stacked_chart(s, s.get_rect(), xs, layers, "Influence", "Year", "Share")
    red, blue = count_color(s, layout.plot, RED), count_color(s, layout.plot, BLUE)
    assert red > 0 and blue > 0
    assert 2.4 < red / blue < 3.6  # 75% vs 25% of the plot area
    assert layout.y_ticks[-1] == pytest.approx(1.0)


def test_stacked_chart_with_one_year_draws_bars():
    s = pygame.Surface((600, 400))
    layout = stacked_chart(s, s.get_rect(), [2015], [Series("China", RED, [2015], [1.0])], "One year")
    assert count_color(s, layout.plot, RED) > 100


def test_bar_chart_category_colours_and_hatched_reference():
    s = pygame.Surface((800, 450))
    game = Series("Game", "#444444", [0, 1], [40, 80])
    ref = Series("History", "#444444", [0, 1], [60, 20], dashed=True)
    layout = bar_chart(s, s.get_rect(), ["China", "Russia"], [game, ref], "Bars", "Share",
                       category_colors=[RED, BLUE], y_range=(0, 100))
    assert count_color(s, layout.plot, RED) > 100 and count_color(s, layout.plot, BLUE) > 100
    assert count_color(s, layout.legend, "#444444") > 5  # legend swatches for both groups


def test_large_style_makes_bigger_text():
    small, large = pygame.Surface((800, 450)), pygame.Surface((800, 450))
    series = [Series("China", RED, [1, 2], [1, 2])]
    a = line_chart(small, small.get_rect(), series, "T", style=ChartStyle(scale=1.0))
    b = line_chart(large, large.get_rect(), series, "T", style=ChartStyle(scale=1.6))
    assert b.legend.height > a.legend.height


def test_long_legend_labels_are_shortened_to_fit():
    pygame.font.init()
    label = "A very long corridor name that cannot possibly fit in a small legend box"
    out = fit(label, 18, 120)
    assert out.endswith("...") and len(out) < len(label)
    assert fit("short", 18, 400) == "short"


def test_many_long_labels_go_below_the_plot():
    s = pygame.Surface((700, 500))
    xs = [1, 2, 3]
    series = [Series(f"Corridor number {i} with a long descriptive name", RED, xs, [i, i, i]) for i in range(6)]
    layout = line_chart(s, s.get_rect(), series, "Flows")
    assert layout.legend.top >= layout.plot.bottom

