"""The command line: simulate's table and JSON, validate's messages and exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "run_game.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_simulate_json_reports_all_eight_powers():
    out = run("simulate", "--scenario", "2015", "--short", "--seed", "7", "--games", "3", "--jobs", "2", "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["games"] == 3
    assert set(result["wins"]) == {"Japan", "China", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan",
                                   "Turkmenistan", "Uzbekistan"}
    assert sum(result["wins"].values()) <= 3
    assert set(result["mean_score"]) == set(result["wins"])
    arc = result["arc"]  # the tension track: collapse and crisis rates (rule 23)
    assert arc["start"] == 0.45 and arc["collapse"] == 0.95 and 0 <= arc["collapse_rate"] <= 1
    assert 0 <= arc["mean_peak"] <= 1 and abs(arc["crises_per_game"] - sum(arc["cards"].values()) / 3) < 1e-3


def test_simulate_history_has_yearly_series():
    out = run("simulate", "--games", "1", "--json", "--history", "--agent", "greedy")  # the series, not the AI, are tested
    years = json.loads(out.stdout.strip().splitlines()[-1])["history"][0]["years"]
    assert [y["year"] for y in years] == list(range(2015, 2026))
    first = years[0]
    assert set(first["trade"]) == {"japan", "china", "russia"}
    assert first["trade"]["china"]["turkmenistan"] > 0
    assert abs(sum(first["influence"]["kazakhstan"].values()) - 1) < 1e-3
    assert first["flows"]["cac_china_gas"] > 0
    assert first["track"] == max(first["tension"].values()) and isinstance(first["crises"], list)


def test_validate_broken_scenario_gives_sentence_and_exit_2(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text((ROOT / "scenarios" / "2015.toml").read_text().replace('capacity = 45.0 ', 'capacity = "lots" '))
    out = run("validate", str(bad))
    assert out.returncode == 2
    assert "Traceback" not in out.stdout + out.stderr
    assert f"{bad}:" in out.stdout and "corridors.cac_gas.capacity: should be a number" in out.stdout


def test_unknown_scenario_exit_2_without_traceback():
    out = run("simulate", "--scenario", "nowhere", "--games", "1")
    assert out.returncode == 2
    assert "there is no scenario 'nowhere'" in out.stderr and "Traceback" not in out.stderr


def test_simulate_on_ray_without_ray_is_one_sentence_and_exit_2(monkeypatch, capsys):
    """`simulate --ray ADDRESS` where the optional Ray package is missing: one sentence naming the fix, exit 2
    (the games on a real cluster are compared with a local run in bench/ray_sim.py, not in CI)."""
    from game.cli import main
    monkeypatch.setitem(sys.modules, "ray", None)  # as if not installed, even where it is
    assert main(["simulate", "--games", "1", "--ray", "auto"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "pip install" in err and "heartland[ray]" in err and "Traceback" not in err
