"""A tour of the screens: a short game a year old and every scene stack a player meets in it.

Shared by the tests that look at every scene (plain words, no ids) and by `bench/frame.py`,
which times a frame of each."""
from __future__ import annotations


def played_session(phase: str = "diplomacy"):
    """The short form of 2015 with a computer in every seat but Japan, a year played, at Japan's turn of
    `phase` in the second year."""
    from game.rules.actions import EndTurn
    from game.scenario.loader import load
    from game.session import Seat, Session
    sc = load("2015", short=True)
    s = Session.start(sc.world, {p: Seat(p, p == "japan") for p in sc.world.order}, 2)
    start = s.world.year
    while s.world.year == start or s.current() != "japan" or s.world.phase != phase:
        s.act(EndTurn("japan")) if s.human_to_move() else s.ai_step()
    return s


def every_scene(s):
    """(name, scene stack) for every scene the player meets, over a game a year old (the action lists in the
    action phase of the year after, where they hold actions)."""
    from game.rules.phases import PHASES
    from game.ui import confirm, dialogs, summary
    from game.ui.debrief import TABS, DebriefScene
    from game.ui.game import GameScene
    from game.ui.menu import LoadScene, MainMenuScene, SettingsScene
    from game.ui.replay import ReplayScene
    from game.ui.scoreboard import HowToWinScene, ScoreboardScene, dealt_world
    from game.ui.setup import SetupScene
    w = s.world
    game = GameScene(s)
    yield "menu", [MainMenuScene()]
    yield "settings", [SettingsScene()]
    yield "load", [LoadScene()]
    setup = SetupScene()
    setup.enter()
    yield "setup", [setup]
    yield "how to win", [setup, HowToWinScene(dealt_world(setup.world(), 1), "x")]
    for tab in ("state", "agenda"):
        view = GameScene(s)
        view.tab = tab
        yield f"play {tab}", [view]
    corridor = GameScene(s)
    corridor.selected = next(iter(w.corridors))
    yield "play corridor", [corridor]
    acting = GameScene(played_session("actions"))
    for title, verbs in (("summit", ("summit",)), ("aid", ("aid",)), ("build", ("build", "upgrade", "tariff")),
                         ("develop", ("develop", "refine", "water")), ("forums", ("join", "leave")),
                         ("policy", ("policy",))):
        host = game if set(verbs) <= set(PHASES[w.phase].verbs) else acting  # the phase that offers the verbs
        yield f"list {title}", [host, dialogs.ActionListScene(host, title, verbs)]
    yield "answers", [game, dialogs.AnswersScene(game)]
    for kind in dialogs.KINDS:
        nego = dialogs.NegotiationScene(game)
        if kind in nego.kinds():
            nego.set_kind(kind)
            nego.add()
            yield f"negotiation {kind}", [game, nego]
    yield "cards", [game, dialogs.EventCardsScene(w, w.news or tuple(e.id for e in w.events[:2]))]
    before = s.year_worlds[-2] if len(s.year_worlds) > 1 else s.start_world
    yield "summary", [game, summary.YearSummaryScene(s, before, s.year_worlds[-1], s.year_marks[-1].year, "japan")]
    yield "scoreboard", [game, ScoreboardScene(game)]
    yield "confirm", [game, confirm.ConfirmScene("?", "Yes", lambda: None)]
    yield "pause", [game, dialogs.PauseScene(game)]
    yield "hand-over", [dialogs.HandOverScene("China")]
    for i, tab in enumerate(TABS):
        if tab != "export":  # the export tab names the files it writes, as it must
            deb = DebriefScene(s)
            deb.set_tab(i)
            yield f"debrief {tab}", [deb]
    yield "year by year", [ReplayScene(s)]
