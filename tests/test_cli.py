"""The command line: simulate's table and JSON, validate's messages and exit codes."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

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


ARGPARSE_ENGLISH = ("usage:", "error:", "the following arguments are required", "invalid choice", "unrecognized",
                    "show this help message and exit", "positional arguments", "options:", "expected one argument")


def _said(argv: list[str], capsys) -> tuple[int, str, str]:
    """The exit code, stdout and stderr of the command line run in this process."""
    from game.cli import main
    with pytest.raises(SystemExit) as ended:
        main(argv)
    out = capsys.readouterr()
    return ended.value.code, out.out, out.err


def test_argparse_errors_speak_the_chosen_language_in_one_sentence_with_exit_2(capsys):
    """argparse's own words (error:, invalid choice, required, unrecognized, expected one argument) come from the
    catalogue in every language: one line on stderr, exit code 2; English keeps argparse's wording."""
    from game.text import LANGUAGES, render, msg
    bad = (["simulate", "--agent", "wizard"], ["tournament"], ["simulate", "--bogus"], ["simulate", "--games"],
           ["validate"])
    for lang in LANGUAGES:
        for argv in bad:
            code, out, err = _said(["--lang", lang] + argv, capsys)
            assert code == 2 and not out and len(err.strip().splitlines()) == 1, (lang, argv, err)
            said = render(msg("cli.argparse.error", prog="\x01", message="\x00"), lang)
            assert said.split("\x00")[0].split("\x01")[1] in err and "Traceback" not in err, (lang, err)
            if lang == "en":
                assert "error:" in err
            else:
                assert not [w for w in ARGPARSE_ENGLISH if w in err], (lang, argv, err)
        if lang != "en":
            code, _, err = _said(["--lang", lang, "simulate", "--agent", "wizard"], capsys)
            choice = render(msg("cli.argparse.choice", value="'wizard'", choices="'personality', 'random', 'greedy'"), lang)
            assert choice in err, (lang, err)


def test_help_speaks_the_chosen_language_and_every_option_has_a_help_text(capsys):
    """`--help` of the game and of each sub-command: argparse's headings and its help line translated, and no
    option of ours without a help text of its own (so `--lang ja simulate --help` explains --scenario, --seed...)."""
    import argparse
    from game.cli import parser
    from game.text import set_language, tr
    top = parser()
    subs = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction)).choices
    for name, sub in [("", top)] + list(subs.items()):
        silent = [a.dest for a in sub._actions if not a.help and not isinstance(a, argparse._SubParsersAction)]
        assert not silent, (name, silent)
    for lang in ("ja", "zh-TW", "zh-CN", "ru"):
        for command in ("simulate", "tournament", "validate", "replay", "demo", "new-scenario", "folders"):
            code, out, _ = _said(["--lang", lang, command, "--help"], capsys)
            set_language(lang)
            assert code == 0 and out.startswith(tr("cli.argparse.usage")), (lang, command, out[:40])
            assert tr("cli.argparse.help") in out and tr("cli.argparse.options") + ":" in out
            assert not [w for w in ARGPARSE_ENGLISH if w in out], (lang, command)
        assert tr("cli.help.games", default=20) in out.replace("\n", " ") or command != "simulate"
    set_language("ja")
    code, out, _ = _said(["--lang", "ja", "simulate", "--help"], capsys)
    flat = " ".join(out.split())
    assert "行うゲームの数" in flat and "最初のゲームのシード" in flat and "同時にゲームを進める" in flat


def test_validate_says_ok_in_the_chosen_language(capsys):
    """validate's verdict line is a catalogue sentence: "2015: ok" in English, not "ok" in Japanese or Russian."""
    from game.cli import main
    assert main(["validate", "2015"]) == 0 and capsys.readouterr().out.strip() == "2015: ok"
    for lang, said in (("ja", "2015: エラーなし"), ("ru", "2015: ошибок нет"), ("zh-CN", "2015：无错误")):
        assert main(["--lang", lang, "validate", "2015"]) == 0
        out = capsys.readouterr().out.strip()
        assert out == said and "ok" not in out, out


def test_simulate_json_objective_text_speaks_the_chosen_language(capsys):
    """`simulate --json`: each objective's machine fields (id, measure, kind, points, at) are the same in every
    language, and its `text` is the screens' line in the chosen language, never the English one."""
    from game.cli import main
    args = ["simulate", "--scenario", "2015", "--short", "--games", "1", "--agent", "random", "--json"]
    said = {}
    for lang in ("en", "ja", "ru"):
        assert main(["--lang", lang] + args) == 0
        said[lang] = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["objectives"]
    machine = {lang: {p: [{k: v for k, v in o.items() if k != "text"} for o in objs] for p, objs in d.items()}
               for lang, d in said.items()}
    assert machine["en"] == machine["ja"] == machine["ru"]
    from game.scenario.loader import load
    shipped = load("2015", short=True).world.powers
    o = shipped["japan"].objectives[0]
    pts = "/".join(f"{x:g}" for x in o.points)
    first = said["en"]["japan"][0]
    assert first["id"] == o.id == "influence_gained" and o.bonus > 0
    assert first["text"] == f"Influence gained, by place: {pts}, up to +{o.bonus:g} for a lead of {o.clear:g}"
    assert said["ja"]["japan"][0]["text"] == f"影響力の増加、順位別：{pts}、首位で{o.clear:g}の差なら最大+{o.bonus:g}"
    halves = [(p, k, x) for p, pw in shipped.items() for k, ob in enumerate(pw.objectives) for x in ob.points
              if x != int(x)]  # a point with a fraction: Russian writes its decimal comma
    p, k, x = halves[0]
    text = said["ru"][p][k]["text"]
    assert f"{x:g}".replace(".", ",") in text and "gain" not in text, text


def test_a_threshold_objective_reads_in_each_language():
    """A threshold objective's steps: a phrase per step, joined the language's way (no decimal comma confusion in
    Russian), and the screens show the same line (`words.objective`)."""
    from game.model import Objective
    from game.rules.objectives import describe
    from game.text import render
    from game.ui import words
    obj = Objective("calm", "stability", "threshold", (2.0, 1.5), (), (0.5, 0.75))
    assert render(describe(obj), "en") == "Stability: 2 at 0.5, 1.5 at 0.75"
    assert render(describe(obj), "ja") == "安定：0.5で2点、0.75で1.5点"
    assert render(describe(obj), "ru") == "Стабильность: 2 при 0,5; 1,5 при 0,75"
    assert words.objective(obj) == render(describe(obj))


def test_history_tables_write_figures_the_readers_way(capsys):
    """`simulate --history` in Russian: the tables' figures take the decimal comma, as every figure on screen does."""
    from game.cli import main
    args = ["simulate", "--scenario", "2015", "--short", "--games", "1", "--agent", "random", "--history"]
    assert main(["--lang", "ru"] + args) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines() if re.match(r" \d{4} ", line)]
    cells = [c for row in rows for c in row[1:]]
    assert len(rows) >= 5 * 5 and cells and all("." not in c for c in cells), cells[:10]
    assert any("," in c for c in cells)


def test_help_in_japanese_and_chinese_fits_the_terminal_by_columns(capsys, monkeypatch):
    """A CJK character takes two terminal columns: the help is wrapped by columns (and between characters), so no
    line is wider than the terminal, no line starts with closing punctuation, and the usage lines line up."""
    from game.text import CLOSING, display_width, wrap_columns
    monkeypatch.setenv("COLUMNS", "80")
    for lang in ("ja", "zh-TW", "zh-CN"):
        for command in ("simulate", "tournament", "validate"):
            code, out, _ = _said(["--lang", lang, command, "--help"], capsys)
            lines = out.splitlines()
            assert code == 0 and max(display_width(line) for line in lines) <= 80, (lang, command)
            assert not [line for line in lines if line.strip() and line.strip()[0] in CLOSING], (lang, command)
            usage = lines[:lines.index("")]
            start = display_width(usage[0].split("[-h]")[0])
            assert all(display_width(line) - len(line.lstrip()) == start for line in usage[1:]), usage
    assert wrap_columns("ab cd（既定: 2015）", 8) == ["ab cd", "（既定:", "2015）"]
    assert wrap_columns("影響力の増加、順位", 12) == ["影響力の増", "加、順位"]  # "、" never opens a line


def test_a_reader_that_went_away_ends_the_command_quietly():
    """`simulate ... | head` closes the pipe early: the command stops with exit 1 and says nothing, no traceback
    (stdout here is a pipe whose reader is already gone, so the first write fails every time)."""
    code = ("import os, sys; r, w = os.pipe(); os.close(r); os.dup2(w, 1); from game import cli; "
            "sys.exit(cli.main(['validate', 'scenarios/2015.toml']))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 1 and done.stderr == ""
