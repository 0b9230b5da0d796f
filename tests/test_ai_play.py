"""Difficulty matters, reasons read as sentences, and simulate reports win rates with intervals."""
import json
import random

from attrs import evolve

from ai.factory import make_agent
from game.cli import main, wilson
from game.session import Seat, Session
from game.sim import play
from tests.ai_fixtures import scenario


def short(years: int = 3):
    """The 2015 World cut to a few years."""
    sc = scenario()
    return sc, evolve(sc.world, end_year=sc.world.start_year + years - 1)


def test_hard_beats_easy_over_seeded_games():
    """Each seat in turn plays hard and then easy against normal opponents (its own seed)."""
    sc, world = short(2)
    gaps = []
    for seed, seat in enumerate(world.order, 1):
        scores = {}
        for level in ("easy", "hard"):
            agents = {p: make_agent(world, p, level if p == seat else "normal", sc.personalities) for p in world.order}
            scores[level] = play(world, agents, seed).scores[seat]
        gaps.append(scores["hard"] - scores["easy"])
    assert sum(gaps) > 0, gaps
    assert sum(1 for g in gaps if g >= 0) >= 4, gaps  # hard does at least as well for half the seats


def test_every_ai_reason_is_a_sentence_in_the_log():
    sc, world = short(2)
    seats = {p: Seat(p, human=False) for p in world.order}
    session = Session.start(world, seats, 7)
    session.run_ai()
    ai = [e for e in session.log if e.rule == "ai"]
    assert len(ai) > 40
    for e in ai:
        assert e.text[0].isupper() and e.text.endswith("."), e.text
        assert "{" not in e.text and "nan" not in e.text and len(e.text) < 400, e.text
        assert e.actor and isinstance(e.terms, dict)
    answers = [e for e in ai if " accepts" in e.text or " declines" in e.text]
    assert answers and all(e.terms for e in answers)


def test_session_default_agents_are_personalities_at_the_seat_difficulty():
    sc, world = short(1)
    session = Session.start(world, {p: Seat(p, human=False, difficulty="hard") for p in world.order}, 3)
    agent = session.agents["japan"]
    assert agent.level.id == "hard" and agent.persona.id == "japan"


def test_wilson_interval():
    low, high = wilson(10, 100)
    assert 0.05 < low < 0.1 < high < 0.18
    assert wilson(0, 20)[0] == 0.0 and wilson(20, 20)[1] == 1.0


def test_simulate_prints_win_rates_and_intervals(tmp_path, capsys):
    text = (tmp_path / "s.toml")
    src = 'format_version = 1\nextends = "2015"\n[scenario]\nid = "s"\nend_year = 2015\n'
    text.write_text(src)
    assert main(["simulate", "--scenario", str(text), "--games", "2", "--json", "--difficulty", "easy"]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out["games"] == 2 and set(out) >= {"games", "wins", "mean_score", "win_rate", "ci"}
    assert abs(sum(out["win_rate"].values()) - 1.0) < 1e-6
    for lo, hi in out["ci"].values():
        assert 0.0 <= lo <= hi <= 1.0
