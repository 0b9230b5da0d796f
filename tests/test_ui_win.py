"""How to win, on screen: one number per power (points), the top bar, the scoreboard, the setup's page."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.rules import objectives
from game.ui import theme, words
from tests.test_ui_flow import click, frame, key, make_app, start_game, top


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """A private HEARTLAND_HOME."""
    pygame.init()
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))
    return tmp_path


def drawn_texts(app) -> list[str]:
    """Every text one frame draws."""
    drawn = theme.record_start()
    try:
        frame(app)
    finally:
        theme.record_stop()
    return list(drawn)


def to_play(app) -> None:
    """Close the opening cards and hand-overs."""
    while top(app) != "GameScene":
        click(app, "ready" if top(app) == "HandOverScene" else "next")


def test_top_bar_shows_points_place_and_what_the_next_round_pays():
    """The top bar names the seat's points, place and next round's projected pay, as the rules work them out;
    no agenda score out of 100 is drawn anywhere on the play screen or its Agenda tab."""
    app = make_app()
    s = start_game(app, ("japan",))
    to_play(app)
    mine = next(st for st in objectives.standings(s.world) if st.power == "japan")
    texts = drawn_texts(app)
    assert mine.tied and mine.shared == 1  # no round scored yet: every power shares first place
    want = f"place =1 · round {mine.next_year}: +{words.points(mine.projected)}"
    assert any(want in t for t in texts), texts
    click(app, "tab-agenda")
    texts = drawn_texts(app)
    assert not any("/100" in t and "score" in t.lower() for t in texts)
    assert not any("Agenda score" in t for t in texts)


def test_scoreboard_lists_every_power_with_its_points_and_projection():
    """S opens the scoreboard: every power with the points and projected pay the rules give it, and every
    power's objectives; S closes it again."""
    app = make_app()
    s = start_game(app, ("japan",))
    to_play(app)
    key(app, pygame.K_s)
    assert top(app) == "ScoreboardScene"
    joined = "\n".join(drawn_texts(app))
    for st in objectives.standings(s.world):
        assert f"=1. {words.pname(s.world, st.power)}" in joined  # all tied before the first round
        assert f"{words.points(st.points)} (+{words.points(st.projected)})" in joined
        for o in s.world.powers[st.power].objectives:
            assert words.objective(o) in joined
    key(app, pygame.K_s)
    assert top(app) == "GameScene"


def test_how_to_win_page_shows_the_objectives_the_seed_will_deal():
    """The setup screen's How to win page lists the scoring rounds and, for the chosen seed, exactly the
    objectives the started game then deals each power."""
    from game.scenario.loader import load
    from game.session import Seat, Session
    app = make_app()
    click(app, "new")
    setup = app.manager.top
    i = next(i for i, info in enumerate(setup.scenarios) if info.id == "2015")
    click(app, f"scenario{i}")
    setup.set_seed(11)
    click(app, "how")
    assert top(app) == "HowToWinScene"
    joined = "\n".join(drawn_texts(app))
    w = load("2015").world
    started = Session.start(w, {p: Seat(p, False) for p in w.order}, 11).world
    for y in objectives.rounds(started):
        assert str(y) in joined
    for p in w.order:
        for o in started.powers[p].objectives:
            assert words.objective(o) in joined
    listed = {words.objective(o) for p in w.order for o in w.powers[p].objectives}
    shown = [t for t in joined.split("\n") if t in listed]
    assert len(shown) == sum(len(started.powers[p].objectives) for p in w.order) < len(
        [o for p in w.order for o in w.powers[p].objectives])  # only the dealt ones, not the whole list
    key(app, pygame.K_ESCAPE)
    assert top(app) == "SetupScene"



def test_year_summary_opens_with_you_then_the_biggest_events_and_the_full_log_is_one_click_deeper():
    """After a scoring-round year, the summary's first page names the seat's points before and after and what
    each of its objectives paid (adding up to the change), then at most three events; Full log shows every
    line of the year the seat may read."""
    from game.rules.actions import EndTurn
    from game.scenario.loader import load
    from game.session import Seat, Session
    from game.ui.summary import BIG_EVENTS, YearSummaryScene, objective_pay
    sc = load("2015", short=True)
    s = Session.start(sc.world, {p: Seat(p, p == "china") for p in sc.world.order}, 2)
    while not s.year_worlds or len(s.year_worlds[-1].scored) < 1:
        s.act(EndTurn("china")) if s.human_to_move() else s.ai_step()
    after = s.year_worlds[-1]
    before = s.year_worlds[-2] if len(s.year_worlds) > 1 else s.start_world
    year = s.year_marks[-1].year
    app = make_app()
    scene = YearSummaryScene(s, before, after, year, "china")
    app.manager.push(scene)
    texts = drawn_texts(app)
    gained = objectives.total(after, "china") - objectives.total(before, "china")
    assert abs(sum(v for _, v in objective_pay(after, "china")) - gained) < 1e-6
    first = next(i for i, t in enumerate(texts) if t.startswith("Your points:"))
    assert f"-> {words.points(objectives.total(after, 'china'))}" in texts[first]
    events = [e.text for e in s.visible_log("china") if e.year == year and e.rule == "event"]
    shown = [t for t in events if t in " ".join(texts)]
    assert len(shown) == min(BIG_EVENTS, len(events))
    assert not any(e.rule == "ai" and e.text in " ".join(texts) for e in s.log if e.year == year)
    click(app, "full-log")
    full = " ".join(drawn_texts(app))
    lines = [e for e in s.visible_log("china") if e.year == year]
    assert lines[0].text in full and not any(t.startswith("Your points:") for t in drawn_texts(app))


def test_year_summary_lists_equal_points_in_seat_order_with_a_shared_place():
    """After a year without a scoring round every power has 0 points: the summary's "Points so far" lists them all
    as =1 in seat order (not by a lead nobody sees), the same list and places as the scoreboard's."""
    from game.rules.actions import EndTurn
    from game.scenario.loader import load
    from game.session import Seat, Session
    from game.ui.scoreboard import standing_rows
    from game.ui.summary import YearSummaryScene
    sc = load("2015")
    s = Session.start(sc.world, {p: Seat(p, p == "china") for p in sc.world.order}, 4)
    while not s.year_worlds:
        s.act(EndTurn("china")) if s.human_to_move() else s.ai_step()
    after, order = s.year_worlds[-1], sc.world.order
    assert not after.scored and len(set(objectives.world_leads(after).values())) > 1  # the hidden leads differ
    app = make_app()
    app.manager.push(YearSummaryScene(s, s.start_world, after, s.year_marks[-1].year, "china"))
    texts = drawn_texts(app)
    names = [words.pname(after, p) for p in order]
    listed = [t for t in texts if any(t.startswith(f"=1. {n}") for n in names)]
    assert listed == [f"=1. {n}" + (" *" if p == "china" else "") for p, n in zip(order, names)], listed
    assert [r.left for r in standing_rows(after, "china")] == listed


def test_a_standing_objective_says_it_is_held_in_every_game():
    """2025 Japan's rare-earth objective is kept in every deal: its row on the how-to-win page and the scoreboard
    says so, in the reader's language; a dealt objective's row does not."""
    from game import text
    from game.scenario.loader import load
    from game.ui.scoreboard import dealt_world, objective_rows
    w = dealt_world(load("2025").world, 1)
    standing = [o for o in w.powers["japan"].objectives if o.standing]
    assert standing, "2025 Japan holds a standing objective"
    rows = {r.left for r in objective_rows(w, "japan")}
    marked = [r for r in rows if "held in every game" in r]
    assert len(marked) == len(standing)
    assert not any("held in every game" in r.left for r in objective_rows(w, "china"))
    text.set_language("ja")
    try:
        assert any("毎回保持" in r.left for r in objective_rows(w, "japan"))
    finally:
        text.set_language("en")
