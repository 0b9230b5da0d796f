"""What an instructor meets walking through a lesson: `simulate --history` reads as tables, the events
report marks the scenario's own events, and a later start is told what it inherits in its own file."""
from __future__ import annotations

import json

import pytest

from game import cli
from game.errors import ScenarioErrors
from game.history_text import _name
from game.scenario.loader import load
from tests.test_scenario_lookup import home  # noqa: F401  (the user scenario folder fixture)

LATE = 'format_version = 1\nextends = "2015"\n[scenario]\nid = "late"\ntitle = "Late"\nstart_year = {start}\n{extra}'


def test_history_without_json_prints_the_first_games_tables(capsys):
    """Without --json, --history prints a table a year for prices, stability, GDP, trade and treasuries, and the
    events with their effects; its figures are the ones --json gives for the same game."""
    args = ["simulate", "--scenario", "2015", "--short", "--games", "1", "--agent", "random", "--history"]
    assert cli.main(args) == 0
    text = capsys.readouterr().out
    assert cli.main(args + ["--json"]) == 0
    years = json.loads(capsys.readouterr().out.splitlines()[-1])["history"][0]["years"]
    for title in ("World prices", "Stability of the five states", "GDP of the five states",
                  "trade with the five", "Treasuries", "Events fired"):
        assert title in text
    stability = text.split("Stability of the five states")[1].split("\n\n")[0].splitlines()
    assert "Kazakhs" in stability[1] and "mean" in stability[1]
    rows = {int(line.split()[0]): line.split()[1:] for line in stability[2:]}
    assert sorted(rows) == [y["year"] for y in years]
    last = years[-1]
    assert float(rows[last["year"]][0]) == pytest.approx(last["states"]["kazakhstan"]["stability"], abs=0.051)
    fired = [ev for y in years for ev in y["events"]]
    assert fired and all(f'({ev["id"]})' in text for ev in fired)
    assert '"history"' not in text  # no JSON without --json


def test_the_history_tables_keep_columns_in_cjk(capsys):
    """A Japanese name is cut by terminal cells, so every header cell is 8 cells wide."""
    assert _name("カザフスタン") == "  カザフ" and _name("Kazakhstan") == " Kazakhs"
    assert cli.main(["simulate", "--scenario", "2015", "--short", "--games", "1", "--agent", "random", "--history",
                     "--lang", "ja"]) == 0
    text = capsys.readouterr().out
    assert "5か国の安定度" in text and "カザフ" in text


def test_the_events_report_marks_the_scenarios_own_events():
    """caspian_crisis extends 2025: its own events say so, the inherited ones do not."""
    from ai.baseline import RandomAgent
    from game.scenario.report import events_report, own_event_ids
    from game.text import render
    sc = load("scenarios/examples/caspian_crisis.toml")
    own = own_event_ids(sc)
    assert own and own != {ev.id for ev in sc.world.events}
    lines = [render(m) for m in events_report(sc, 1, lambda w: {p: RandomAgent() for p in w.order})]
    heads = [line for line in lines if line[:4].isdigit()]
    marked = [line for line in heads if line.endswith("this scenario's own event")]
    assert marked and all(line.split("(")[-1].split(")")[0] in own for line in marked)
    assert all(line.split("(")[-1].split(")")[0] not in own for line in heads if line not in marked)
    base = load("2015")
    assert not [render(m) for m in events_report(base, 1, lambda w: {p: RandomAgent() for p in w.order}, None)
                if "own event" in render(m)]  # a base: every event is its own, none is marked


def test_a_start_inside_the_inherited_short_form_drops_it_with_a_warning(home):
    """Starting in 2019 on the 2015 base: the base's short rounds 2016 and 2018 come before the start; the file
    is told so in its own line, and the short form is the default five years instead of an error in the base."""
    (home / "late.toml").write_text(LATE.format(start=2019, extra=""))
    sc = load("late")
    said = [w for w in sc.warnings if "short form" in str(w.message)]
    assert len(said) == 1 and said[0].path.endswith("late.toml") and said[0].line == 6
    assert "2016, 2018" in str(said[0].message)
    short = load("late", short=True)
    assert (short.world.start_year, short.world.end_year) == (2019, 2023)


def test_a_start_past_the_bases_end_is_one_error_at_the_authors_start_year(home, capsys):
    """Starting in 2026 on the 2015 base (which ends in 2025): the error is at the file's start_year and says
    to set end_year; it no longer points into the shipped base."""
    path = home / "late.toml"
    path.write_text(LATE.format(start=2026, extra=""))
    with pytest.raises(ScenarioErrors) as e:
        load("late")
    [err] = e.value.errors
    assert err.path == str(path) and err.line == 6 and err.key == "scenario.start_year"
    assert "end_year" in err.text and "2025" in err.text
    assert cli.main(["validate", str(path)]) == 2
    out = capsys.readouterr().out
    assert f"{path}:6: scenario.start_year:" in out and "2015.toml" not in out
    path.write_text(LATE.format(start=2026, extra="").replace("start_year = 2026", "start_year = 2026\nend_year = 2030"))
    assert load("late").world.start_year == 2026


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720)])
def test_setup_screen_labels_refit_to_every_language(size, tmp_path, monkeypatch):
    """On the setup screen, in every language, every button label and every seat's name shows whole: the seat
    buttons take their widths from the language's labels, the left column widens for a long form label."""
    import os
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame
    from game import text
    from game.text import LANGUAGES
    from game.ui import theme
    from game.ui.setup import SetupScene
    from game.ui.widgets import fit_label
    from game.ui import words
    from tests.test_ui_flow import frame, make_app
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))
    pygame.init()
    try:
        for lang in LANGUAGES:
            setup = SetupScene()
            app = make_app(size, lang, setup)
            frame(app)
            got = theme.record_start()
            try:
                app.manager.draw(app.screen)
            finally:
                theme.record_stop()
            for b in setup.buttons:
                shown, _ = fit_label(b.label, b.rect.width - theme.px(10), 20 if b.id == "start" else 16)
                assert shown == b.label, (lang, size, b.id, b.label)
            w = setup.world()
            assert all(words.pname(w, p) in got for p in w.order), (lang, size)
            assert len({b.rect.right for b in setup.buttons if b.id.startswith("difficulty-")}) == 1
    finally:
        theme.set_scale(1.0)
        text.set_language("en")


def test_setup_description_scrolls_to_its_last_line_in_a_small_window(tmp_path, monkeypatch):
    """At 1024x600 a long description and its teaching notes do not fit: the panel says more lies below, and
    the wheel over it brings every line into view, none cut with an ellipsis."""
    import os
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame
    from game import text
    from game.text import LANGUAGES
    from game.ui import theme
    from game.ui.i18n import tr
    from game.ui.setup import SetupScene
    from tests.test_ui_flow import frame, make_app
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))
    pygame.init()
    scrolled = 0
    try:
        for lang in LANGUAGES:
            setup = SetupScene()
            app = make_app((1024, 600), lang, setup)
            frame(app)
            centre = setup.detail_rect.center
            body = [line for line, *_ in setup.body_lines(setup.current(), setup.detail_rect.width - theme.px(24))]
            seen = []
            for _ in range(len(body) + 2):
                got = theme.record_start()
                try:
                    app.manager.draw(app.screen)
                finally:
                    theme.record_stop()
                assert not [s for s in got if theme.ELLIPSIS in s], (lang, [s for s in got if theme.ELLIPSIS in s])
                seen += got
                if not setup.body_more:
                    break
                assert tr("setup.more_text") in got
                scrolled += 1
                frame(app, [pygame.event.Event(pygame.MOUSEMOTION, pos=centre, rel=(0, 0), buttons=(0, 0, 0)),
                            pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False)])
            assert setup.body_more == 0 and all(line in seen for line in body), lang
            text.set_language("en")
    finally:
        theme.set_scale(1.0)
        text.set_language("en")
    assert scrolled  # some language did not fit at first: the scrolling was exercised
