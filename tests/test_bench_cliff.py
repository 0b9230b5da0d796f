"""bench/cliff.py on made-up stored games: sweeps counted, wins follow a power's scaled points."""
from __future__ import annotations

import json

from bench import cliff
from game.scenario.loader import load
from tests.test_bench_fit import _games


def test_a_power_ahead_everywhere_sweeps_and_loses_its_wins_when_its_points_shrink(tmp_path, capsys):
    """China far ahead on every measure is first in every round of whatever race it is dealt (a sweep in every game);
    it wins more games with its points doubled and fewer with them cut to a tenth; the command prints the same on
    its JSON line."""
    world = load("2015", short=True).world
    games = _games(world, range(1, 13), "china")
    assert all(n >= 1 for n in cliff.sweeps(games, world)) and sum(cliff.sweeps(games, world).values()) == 12
    wins = {s: cliff.outcomes(games, cliff.scaled(world, "china", s))[0]["china"] for s in (0.1, 1.0, 2.0)}
    assert wins[0.1] < wins[1.0] < wins[2.0] == 12, wins
    path = tmp_path / "games.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in games), encoding="utf-8")
    out = cliff.main(["--scenario", "2015", "--short", str(path), "--power", "china", "--scales", "0.1,2"])
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last == json.loads(json.dumps(out))
    assert [last["scaled"]["china"][k] for k in ("0.1", "1", "2")] == [wins[0.1], wins[1.0], wins[2.0]]
