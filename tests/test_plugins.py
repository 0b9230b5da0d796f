"""Agents as plug-ins: `simulate --seat POWER=AGENT`, a user's agent file, and the `tournament` command."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ai import plugins
from game.cli import main
from game.scenario.loader import load
from game.sim import play_session
from game.tournament import schedule, standings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "greedy_agent.py"

SPY = '''
class Spy:
    """Plays at random and remembers what it was shown."""
    seen = []

    def choose(self, view, legal, rng):
        Spy.seen.append((view.current(), tuple((o.sender, o.receiver) for o in view.offers.values()), legal[-1].verb))
        return rng.choice(legal)
'''

BROKEN = {
    "missing": ("", "nowhere.py:Agent", "there is no such agent file"),
    "no_class": ("class Other:\n    def choose(self, view, legal, rng):\n        return legal[-1]\n", "{f}:Agent",
                 "the file has no class 'Agent'"),
    "not_agent": ("class Agent:\n    pass\n", "{f}:Agent", "'Agent' is not an agent"),
    "syntax": ("class Agent(:\n", "{f}:Agent", "SyntaxError"),
    "import_error": ("import no_such_module_here\n", "{f}:Agent", "ModuleNotFoundError"),
    "no_class_part": ("", "{f}", "names a file but no class"),
    "bad_init": ("class Agent:\n    def __init__(self, x):\n        pass\n    def choose(self, view, legal, rng):\n"
                 "        return legal[-1]\n", "{f}:Agent", "failed when the game created the agent"),
    "illegal": ("class Agent:\n    def choose(self, view, legal, rng):\n        return 'end'\n", "{f}:Agent",
                "chose 'end' in 2015, which is not one of its legal actions"),
    "raises": ("class Agent:\n    def choose(self, view, legal, rng):\n        return 1 / 0\n", "{f}:Agent",
               "failed in 2015: ZeroDivisionError"),
}


def test_a_user_agent_file_plays_a_seat_beside_built_in_names(capsys):
    code = main(["simulate", "--short", "--games", "1", "--json", "--seat", f"japan={EXAMPLE}:Greedy",
                 "--seat", "china=random", "--seat", "kazakhstan=hard", "--seat", "russia=summits"])
    out = capsys.readouterr()
    assert code == 0, out.err
    result = json.loads(out.out.strip().splitlines()[-1])
    assert result["games"] == 1 and set(result["mean_score"]) >= {"Japan", "China"}


def test_every_built_in_name_makes_an_agent():
    sc = load("2015")
    for name in plugins.builtin_names():
        agent = plugins.make(sc.world, "kazakhstan", name)
        assert callable(agent.choose), name


def test_a_user_agent_sees_only_its_seats_view_and_plays_only_legal_actions(tmp_path):
    f = tmp_path / "spy.py"
    f.write_text(SPY)
    sc = load("2015", short=True)
    agents = {p: plugins.make(sc.world, p, "normal") for p in sc.world.order}
    agents["kazakhstan"] = plugins.make(sc.world, "kazakhstan", f"{f}:Spy")
    session = play_session(sc.world, agents, 3)
    seen = agents["kazakhstan"].inner.seen
    assert seen and all(me == "kazakhstan" for me, _, _ in seen)
    assert all("kazakhstan" in pair for _, offers, _ in seen for pair in offers)  # nobody else's private offers
    assert all(last == "end" for _, _, last in seen)  # the last legal action ends the turn
    assert session.world.status != "playing"


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_bad_agent_gets_one_sentence_naming_it_and_exit_2(case, tmp_path, capsys):
    text, spec, said = BROKEN[case]
    f = tmp_path / f"{case}.py"
    if text:
        f.write_text(text)
    code = main(["simulate", "--short", "--games", "1", "--seat", "japan=" + spec.format(f=f)])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert said in err and "Traceback" not in err and len(err.splitlines()) == 1, err
    if case in ("illegal", "raises"):
        assert "seat japan" in err and str(f) in err


@pytest.mark.parametrize("seat, said", [("japan", "is not a seat choice"), ("atlantis=hard", "There is no seat 'atlantis'"),
                                        ("japan=wizard", "There is no built-in agent 'wizard'")])
def test_a_bad_seat_choice_gets_one_sentence_and_exit_2(seat, said, capsys):
    assert main(["simulate", "--games", "1", "--seat", seat]) == 2
    assert said in capsys.readouterr().err


def test_every_agent_takes_every_contested_seat_once_per_seed_on_the_same_dice():
    seats = ("japan", "china", "kazakhstan")
    for n in (1, 2, 3, 5):
        plan = schedule(n, seats, [4, 9])
        assert len(plan) == 2 * n
        for seed in (4, 9):
            games = [held for s, held in plan if s == seed]
            for a in range(n):
                assert sorted(p for held in games for p, who in held if who == a) == sorted(seats)


def test_standings_count_points_wins_and_seats_of_each_agent():
    plan = schedule(2, ("japan", "china"), [1])
    games = [{"winner": "china", "points": {"japan": 3.0, "china": 5.0}},
             {"winner": "japan", "points": {"japan": 1.0, "china": 2.0}}]
    rows = {r["agent"]: r for r in standings(["a", "b"], ("japan", "china"), plan, games)}
    # game 1: a japan, b china (china wins); game 2: b japan (wins), a china
    assert rows["a"]["per_seat"] == {"japan": 3.0, "china": 2.0} and rows["a"]["wins"] == 0
    assert rows["b"]["per_seat"] == {"japan": 1.0, "china": 5.0} and rows["b"]["wins"] == 2
    assert rows["b"]["mean_points"] == 3.0 and rows["a"]["mean_points"] == 2.5


def _tournament(hash_seed: str, jobs: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "SDL_VIDEODRIVER": "dummy"}
    return subprocess.run([sys.executable, "run_game.py", "tournament", "--short", "--agents", "normal",
                           f"{EXAMPLE}:Greedy", "--seats", "japan", "kazakhstan", "--seeds", "1", "--others", "greedy", "--jobs", jobs],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)


def test_tournament_prints_a_table_and_json_the_same_across_processes_and_hash_seeds():
    one, two = _tournament("1", "2"), _tournament("2", "1")
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    assert one.stdout == two.stdout
    lines = one.stdout.strip().splitlines()
    assert lines[0].split()[:4] == ["#", "agent", "points", "wins"]
    result = json.loads(lines[-1])
    assert result["games"] == 2 and result["seats"] == ["japan", "kazakhstan"]
    assert sorted(r["agent"] for r in result["agents"]) == sorted(["normal", f"{EXAMPLE}:Greedy"])
    assert all(r["plays"] == 2 and set(r["per_seat"]) == {"japan", "kazakhstan"} for r in result["agents"])


def test_tournament_refuses_a_bad_contestant_with_one_sentence(capsys):
    assert main(["tournament", "--agents", "normal", "normal"]) == 2
    assert "entered twice" in capsys.readouterr().err
    assert main(["tournament", "--agents", "normal", "nowhere.py:Bot"]) == 2
    assert "nowhere.py: there is no such agent file" in capsys.readouterr().err
