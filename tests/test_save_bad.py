"""Bad saves: each kind gets one clear sentence naming the file, exit code 2 on the command line."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from ai.baseline import RandomAgent
from game import engine, save
from game.errors import SaveError
from game.rules.phases import NAMES
from game.scenario.loader import load as load_scenario
from game.session import Seat, Session

ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def good_text() -> str:
    sc = load_scenario("2015")
    s = Session.start(sc.world, {p: Seat(p, p == "japan") for p in sc.world.order}, 21,
                      make_agent=lambda w, seat: RandomAgent(0.3), scenario_raw=sc.raw)
    person = RandomAgent(0.3)
    while s.world.status == "playing":
        s.run_ai()
        if s.human_to_move():  # the person at the japan seat plays like a random agent
            choice = person.choose(s.view("japan"), s.legal(), random.Random(len(s.actions)))
            s.act(choice.action)
    return save.dumps(s, saved_at="2026-01-01T00:00:00+00:00")


def write(tmp_path, text: str | bytes, name="bad.json") -> Path:
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode())
    return p


def rewrite(edit) -> str:
    """A save whose body was edited and whose checksum was then made to match (a deliberate edit)."""
    doc = json.loads(good_text())
    edit(doc["body"])
    return save.seal(doc["body"])


def one_sentence_naming(err: SaveError, path: Path) -> str:
    msg = str(err)
    assert msg.startswith(str(path)), msg
    assert "\n" not in msg and "Traceback" not in msg
    assert msg.endswith("."), msg
    return msg


def test_the_good_save_loads(tmp_path):
    assert save.load(write(tmp_path, good_text())).world.status != "playing"


@pytest.mark.parametrize("seed", range(8))
def test_truncated_saves_are_refused(tmp_path, seed):
    text = good_text()
    cut = random.Random(seed).randrange(0, len(text) - 2)
    path = write(tmp_path, text[:cut])
    with pytest.raises(SaveError) as e:
        save.load(path)
    msg = one_sentence_naming(e.value, path)
    assert "cut short" in msg or "empty" in msg or "not a Heartland save" in msg


@pytest.mark.parametrize("seed", range(6))
def test_corrupted_bytes_are_caught_by_the_checksum(tmp_path, seed):
    text = good_text()
    rng = random.Random(seed)
    start = text.index('"body":') + 200
    while True:  # change one digit inside the body: still valid JSON, but not the saved game
        i = rng.randrange(start, len(text) - 2)
        if text[i].isdigit():
            break
    bad = text[:i] + str((int(text[i]) + 1) % 10) + text[i + 1:]
    path = write(tmp_path, bad)
    with pytest.raises(SaveError) as e:
        save.load(path)
    msg = one_sentence_naming(e.value, path)
    assert "checksum" in msg or "cut short" in msg


def test_a_value_preserving_edit_is_still_caught(tmp_path):
    """Even an edit that parses to the same numbers changes the bytes the checksum covers."""
    text = good_text()
    i = text.index('"seed":21')
    path = write(tmp_path, text[:i] + '"seed":21.0' + text[i + 9:])
    with pytest.raises(SaveError, match="checksum does not match"):
        save.load(path)
    path = write(tmp_path, text.replace('"body":{', '"body": {'))
    with pytest.raises(SaveError, match="checksum does not match"):
        save.load(path)


def test_an_edited_action_log_is_caught_by_the_checksum(tmp_path):
    doc = json.loads(good_text())
    doc["body"]["actions"][3] = "end japan"
    path = write(tmp_path, json.dumps(doc, separators=(",", ":")))
    with pytest.raises(SaveError, match="checksum does not match"):
        save.load(path)


def test_a_newer_format_is_refused_with_its_version(tmp_path):
    doc = json.loads(good_text())
    doc["format_version"] = save.FORMAT_VERSION + 1
    doc["game_version"] = "9.0.0"
    path = write(tmp_path, json.dumps(doc))
    with pytest.raises(SaveError) as e:
        save.load(path)
    msg = one_sentence_naming(e.value, path)
    assert "newer Heartland" in msg and "9.0.0" in msg


def test_a_format_too_old_is_refused(tmp_path):
    doc = json.loads(good_text())
    doc["format_version"] = 0
    path = write(tmp_path, json.dumps(doc))
    with pytest.raises(SaveError) as e:
        save.load(path)
    assert "too old" in one_sentence_naming(e.value, path)


def test_an_older_format_is_migrated(tmp_path):
    """Format 1 kept seats as {power: "human"|"ai"}, log entries as tables and no year marks."""
    doc = json.loads(good_text())
    body = doc["body"]
    body["seats"] = {s["power"]: "human" if s["human"] else "ai" for s in body["seats"]}
    body["log"] = [dict(zip(("year", "phase", "actor", "text", "rule", "terms", "private"), e)) for e in body["log"]]
    del body["years"]
    path = write(tmp_path, save.seal(body, format_version=1))
    old = save.load(path)
    new = save.load(write(tmp_path, good_text(), "new.json"))
    assert engine.world_hash(old.world) == engine.world_hash(new.world)
    assert old.seats == new.seats and old.log == new.log and old.year_marks == []
    from game.replay import rerun
    run = rerun(old)
    assert not run.diverged and len(run.worlds) == len(new.year_marks) + 1


@pytest.mark.parametrize("edit, words", [
    (lambda b: b["world"].update(year=1900), "year 1900"),
    (lambda b: b["world"].update(phase="lunch"), f"phase 'lunch' does not exist (the phases are {', '.join(NAMES)})"),
    (lambda b: b["world"].update(turn=42), "turn 42"),
    (lambda b: b["world"]["powers"].pop("china"), "seat order"),
    (lambda b: b["world"]["economies"]["kazakhstan"].update(stability=250.0), "stability"),
    (lambda b: b["world"]["powers"]["japan"].update(treasury="lots"), "treasury should be a number"),
    (lambda b: b["world"]["economies"]["kazakhstan"].update(projects=[["oil", 1.0]]), "list of 3 values"),
    (lambda b: b["world"]["powers"]["japan"].update(wealth=3), "unknown key 'wealth'"),
    (lambda b: b["world"].pop("corridors"), "corridors is missing"),
    (lambda b: b["seats"].pop(), "seats do not match"),
    (lambda b: b["world"]["prices"].update(oil=2.0), "does not match its recorded hash"),
    (lambda b: b.pop("actions"), "missing parts"),
    (lambda b: b["log"].__setitem__(0, 7), "missing parts"),
])
def test_edits_into_an_impossible_world_are_refused(tmp_path, edit, words):
    path = write(tmp_path, rewrite(edit))
    with pytest.raises(SaveError) as e:
        save.load(path)
    msg = one_sentence_naming(e.value, path)
    assert words in msg, msg


@pytest.mark.parametrize("content, words", [
    (b"", "empty"),
    (b"\x00\x01\x02binary", "not JSON"),
    (b'{"hello": 1}', "not a Heartland save"),
    (b"[1, 2, 3]", "not a Heartland save"),
    (b'{"format":"heartland-save","format_version":"two","body":{}}', "format version"),
    (b'{"format":"heartland-save","format_version":2}', "no body"),
])
def test_files_that_are_not_saves(tmp_path, content, words):
    path = write(tmp_path, content)
    with pytest.raises(SaveError) as e:
        save.load(path)
    assert words in one_sentence_naming(e.value, path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(SaveError, match="no such save file"):
        save.load(tmp_path / "nope.json")
    with pytest.raises(SaveError, match="folder"):
        save.load(tmp_path)


def test_cannot_write_names_the_file(tmp_path):
    blocker = write(tmp_path, "x", "file")
    sc = load_scenario("2015")
    s = Session.start(sc.world, {p: Seat(p, False) for p in sc.world.order}, 1, scenario_raw=sc.raw)
    with pytest.raises(SaveError, match="could not be saved"):
        save.save(s, blocker / "g.json")


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "run_game.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_command_line_gives_exit_2_and_one_sentence(tmp_path):
    cases = {
        "truncated.json": good_text()[:5000],
        "corrupt.json": good_text().replace('"seed":21', '"seed":22'),
        "newer.json": good_text().replace('"format_version":2', '"format_version":3'),
        "impossible.json": rewrite(lambda b: b["world"].update(phase="lunch")),
    }
    for name, text in cases.items():
        path = write(tmp_path, text, name)
        out = run_cli("replay", str(path))
        assert out.returncode == 2, (name, out.stderr)
        assert "Traceback" not in out.stderr and out.stderr.count("\n") == 1, out.stderr
        assert out.stderr.startswith(str(path)), out.stderr


@pytest.mark.parametrize("edit, english, japanese, russian", [
    (lambda b: b["world"]["powers"]["japan"].update(treasury="lots"), "should be a number", "数でなければなりません",
     "должно быть числом"),
    (lambda b: b["world"]["powers"]["japan"].update(wealth=3), "unknown key", "不明なキー 'wealth'",
     "неизвестный ключ 'wealth'"),
    (lambda b: b["world"].update(turn=42), "names no seat", "手番 42 はどの席も指していません",
     "ход 42 не указывает"),
    (lambda b: b["world"]["economies"]["kazakhstan"].update(stability=250.0), "outside", "範囲 0..100 の外",
     "вне диапазона 0..100"),
])
def test_an_impossible_save_is_explained_in_the_readers_language(tmp_path, edit, english, japanese, russian):
    """Why a save's World cannot be (the decoder's and the invariants' clauses) is a message: the load screen says
    it in the reader's language, never in English."""
    from game import text
    path = write(tmp_path, rewrite(edit))
    for lang, words in (("en", english), ("ja", japanese), ("ru", russian)):
        text.set_language(lang)
        with pytest.raises(SaveError) as e:
            save.load(path)
        said = str(e.value)
        assert words in said, (lang, said)
        if lang != "en":
            assert english not in said and "should be" not in said, said
