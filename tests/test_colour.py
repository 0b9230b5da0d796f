"""Colour and contrast: the map's selection outline is a colour no power uses, chart lines a colour-blind reader
cannot tell apart by colour differ in marker or dash, and screen text is at least 4.5:1 (game/ui/vision.py)."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path

import pygame
import pytest

from game.scenario.loader import load
from game.ui import theme
from game.ui import vision

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p.stem for p in (ROOT / "scenarios").glob("*.toml"))


def power_colours(world) -> dict[str, tuple[int, int, int]]:
    """Each power's colour as RGB."""
    return {p: tuple(pygame.Color(world.powers[p].color))[:3] for p in world.order}


def test_the_simulation_knows_the_confusions_the_issue_reported():
    """Under deuteranopia Kyrgyzstan's green and Uzbekistan's grey of 2015 read as one, though far apart to normal
    sight; and the three simulations leave black and white apart."""
    c = power_colours(load("2015").world)
    assert vision.distance(c["kyrgyzstan"], c["uzbekistan"]) > 2 * vision.CONFUSED
    assert vision.distance(c["kyrgyzstan"], c["uzbekistan"], "deuteranopia") < vision.CONFUSED
    assert all(vision.distance((0, 0, 0), (255, 255, 255), k) > 90 for k in vision.KINDS)


@pytest.mark.parametrize("scenario", SHIPPED)
def test_the_selection_outline_is_no_powers_colour(scenario):
    """The map's selection (white on black) is apart from every power's colour, to normal sight and under
    deuteranopia, protanopia and tritanopia (it used to be Turkmenistan's yellow, near Japan's orange)."""
    for p, col in power_colours(load(scenario).world).items():
        assert not vision.confusable(theme.SELECTION, col), (scenario, p)
        assert not vision.confusable(theme.SELECTION_EDGE, col), (scenario, p)


def test_chart_lines_that_read_as_one_colour_differ_in_shape():
    """Every line chart of a played game's debrief: any two lines whose colours a colour-blind reader (or anyone)
    could confuse have different markers or dashes."""
    from ai.baseline import GreedyAgent
    from game.session import Seat, Session
    from game.ui import charts
    from game.ui import debrief_charts as dc
    pygame.init()
    w = load("2015", short=True).world
    s = Session.start(w, {p: Seat(p, human=False) for p in w.order}, 3, make_agent=lambda w, seat: GreedyAgent())
    s.run_ai()
    drawn: list = []
    real = charts.line_chart

    def recording(surface, rect, series, *args, **kwargs):
        drawn.append(list(series))
        return real(surface, rect, series, *args, **kwargs)

    dc.line_chart, saved = recording, dc.line_chart
    try:
        for spec in dc.all_charts(s.history, s.world, dc.load_reference("2015")):
            spec.draw(pygame.Surface((900, 600)), pygame.Rect(0, 0, 900, 600), charts.ChartStyle())
    finally:
        dc.line_chart = saved
    assert len(drawn) >= 3
    pairs = 0
    for series in drawn:
        shapes = charts.line_markers(series)
        for i, a in enumerate(series):
            for j in range(i + 1, len(series)):
                b = series[j]
                if vision.confusable(pygame.Color(a.color)[:3], pygame.Color(b.color)[:3]):
                    pairs += 1
                    assert (shapes[i], a.dashed) != (shapes[j], b.dashed), (a.label, b.label)
    assert pairs > 0  # the charts do hold lines only shape tells apart


@pytest.mark.parametrize("ink", ("TEXT", "MUTED", "SKY", "YELLOW", "WARN"))
def test_text_colours_reach_4_5_to_1_on_every_background(ink):
    """WCAG AA for body text: each text colour on the screen background, the panels and the dialogs."""
    for ground in ("BG", "PANEL", "DIALOG"):
        assert vision.contrast(getattr(theme, ink), getattr(theme, ground)) >= 4.5, (ink, ground)
