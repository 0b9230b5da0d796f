"""Hot-seat privacy: two human seats play a year; every text drawn for one on any of its screens (map,
panels, feed, answers, negotiation table, scoreboard, year summary) is scanned for the other's secrets:
offers it sent or received, and log lines (the AIs' reasons included) private to it."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.model import Item
from game.rules.actions import EndTurn, Propose
from game.ui import words

HUMANS = ("japan", "china")
SECRET_GRANT = {"japan": ("kazakhstan", 0.65), "china": ("uzbekistan", 0.85)}


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """A private HEARTLAND_HOME."""
    pygame.init()
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))


def rendered(make_scenes, size=(1280, 720)) -> list[str]:
    """Every text drawn by each scene stack `make_scenes` yields (a list of scenes, bottom first)."""
    from tests.test_ui_words import drawn_by
    return [t for stack in make_scenes() for t in drawn_by(stack, size)]


def seat_screens(s, seat: str, summary: tuple | None):
    """The scenes a seat sees on its turn: the play screen (both tabs), answers, the negotiation table with
    an item composed, the scoreboard and, when a year has passed, its year summary."""
    from game.ui import dialogs
    from game.ui.summary import YearSummaryScene
    from game.ui.game import GameScene
    from game.ui.scoreboard import ScoreboardScene

    def scenes():
        game = GameScene(s)
        game.viewer = seat
        yield [game]
        agenda = GameScene(s)
        agenda.tab = "agenda"
        yield [agenda]
        yield [game, dialogs.AnswersScene(game)]
        nego = dialogs.NegotiationScene(game)
        nego.add()
        yield [game, nego]
        yield [game, ScoreboardScene(game)]
        if summary:
            for full in (False, True):
                page = YearSummaryScene(s, *summary, seat)
                page.full = full
                yield [game, page]
    return scenes


def terms(w, o) -> str:
    """An offer's terms as every text about it words them (the offer line, an AI's reason for it)."""
    return f"gives {words.items(w, o.gives)}; asks {words.items(w, o.asks)}"


def secrets_of(s, offers: dict, seat: str, other: str) -> list[str]:
    """What `seat` knows and `other` must not: the terms of offers between `seat` and a third power that were
    never accepted (an accepted deal is public), and log lines private to `seat` that `other` may not read."""
    w = s.world
    public = {terms(w, o) for o in offers.values() if o.status == "accepted"}
    hidden = [terms(w, o) for o in offers.values() if seat in (o.sender, o.receiver)
              and other not in (o.sender, o.receiver) and o.status != "accepted"]
    lines = [e.text for e in s.log if e.private and seat in e.private and other not in e.private]
    return [t for t in hidden if t not in public] + lines


def play_one_year():
    """Two human seats through the short form's first year and into the next: each sends one private grant,
    every screen of each seat is drawn on each of its turns; returns the session and the texts per seat."""
    from game.scenario.loader import load
    from game.session import Seat, Session
    sc = load("2015", short=True)
    w = sc.world
    s = Session.start(w, {p: Seat(p, p in HUMANS) for p in w.order}, 5)
    texts = {p: [] for p in HUMANS}
    sent, turns_next_year, start, before = set(), set(), s.world.year, s.world
    summary, offers = None, {}
    for _ in range(5000):
        offers.update(s.world.offers)
        if s.world.year > start and turns_next_year == set(HUMANS):
            break
        if not s.human_to_move():
            s.ai_step()
            if s.world.year > start and summary is None:
                summary = (before, s.world, start)
            continue
        me = s.current()
        texts[me] += rendered(seat_screens(s, me, summary))
        if s.world.year > start:
            turns_next_year.add(me)
        if me not in sent and s.world.phase == "diplomacy":
            target, amount = SECRET_GRANT[me]
            s.act(Propose(me, target, (Item("aid", aid_kind="grant", amount=amount),), ()))
            sent.add(me)
            texts[me] += rendered(seat_screens(s, me, summary))
        s.act(EndTurn(me))
    assert turns_next_year == set(HUMANS) and sent == set(HUMANS)
    return s, texts, offers


def test_no_human_seat_sees_the_other_human_seats_secrets():
    """Japan's screens draw none of China's secrets and China's none of Japan's; each sees its own offer."""
    s, texts, offers = play_one_year()
    for seat, other in (HUMANS, HUMANS[::-1]):
        mine = " ".join(texts[seat])
        theirs = " ".join(texts[other])
        secrets = secrets_of(s, offers, seat, other)
        assert len(secrets) >= 2  # its own grant and at least one more private line
        target, amount = SECRET_GRANT[seat]
        assert f"{words.money(amount)} grant" in mine  # the scan is not empty: the seat sees its own offer
        leaked = [t for t in secrets if t in theirs]
        assert not leaked, (other, leaked[:3])
    reasons = [e for e in s.log if e.rule == "ai" and e.private and any(p in e.private for p in HUMANS)]
    assert reasons  # the AIs' reasons for their private offers to a human seat are among the secrets scanned


def test_an_ai_reason_is_as_private_as_its_action():
    """The reason an AI logs for a private offer is readable only by the parties; a public move's reason by all."""
    from game.rules.log import Entry
    from game.session import private_to
    w = __import__("game.scenario.loader", fromlist=["load"]).load("2015").world
    offer = Entry.of(w, "russia", "log.joins", private=("russia", "kyrgyzstan"))
    public = Entry.of(w, "russia", "log.joins")
    assert private_to([offer]) == ("russia", "kyrgyzstan")
    assert private_to([offer, public]) == () and private_to([]) == ()


def test_no_likely_view_of_a_human_counterpart():
    """Japan composing an offer to Kazakhstan: a human Kazakhstan gets no preview, a computer one does."""
    from game.scenario.loader import load
    from game.session import Seat, Session
    from game.ui import dialogs
    from game.ui.game import GameScene
    for human_kz in (True, False):
        w = load("2015").world
        s = Session.start(w, {p: Seat(p, p == "japan" or (human_kz and p == "kazakhstan")) for p in w.order}, 3)
        while s.current() != "japan":
            s.act(EndTurn(s.current())) if s.human_to_move() else s.ai_step()

        def scenes():
            game = GameScene(s)
            nego = dialogs.NegotiationScene(game)
            nego.set_target("kazakhstan")
            nego.add()
            yield [game, nego]
        joined = " ".join(rendered(scenes))
        assert ("Their likely view" in joined) is not human_kz
        assert ("played by a person" in joined) is human_kz
