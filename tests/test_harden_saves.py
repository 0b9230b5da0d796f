"""Saves that hold: impossible content refused in a sentence even with a recomputed checksum,
older builds load from their snapshot, autosaves kept per game, temporary files cleaned."""
from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import engine, save
from game.errors import SaveError
from game.fileio import write_atomic
from game.rules import invariants
from tests.test_harden_files import cli
from tests.test_save_bad import good_text, one_sentence_naming, write


def resealed(edit, version: str | None = None) -> str:
    """A good save edited, with its World hash and checksum recomputed (a deliberate, careful edit)."""
    doc = json.loads(good_text())
    edit(doc["body"])
    if isinstance(doc["body"].get("world"), dict) and isinstance(doc["body"].get("world_hash"), str):
        doc["body"]["world_hash"] = save.hash_data(doc["body"]["world"])
    return save.seal(doc["body"], version=version)


def world_edit(path: str, value):
    """An edit setting world.<path> (dotted) to value."""
    def edit(body):
        table = body["world"]
        *head, last = path.split(".")
        for part in head:
            table = table[part]
        table[last] = value
    return edit


IMPOSSIBLE = {
    "negative treasury": (world_edit("powers.japan.treasury", -5), "powers.japan.treasury"),
    "NaN price": (world_edit("prices.oil", None), "prices.oil"),
    "infinite GDP": (world_edit("economies.kazakhstan.gdp", 1e309), "economies.kazakhstan.gdp"),
    "zero GDP": (world_edit("economies.kazakhstan.gdp", 0), "economies.kazakhstan.gdp"),
    "tension 100": (world_edit("tension.china|japan", 100), "tension.china|japan"),
    "unknown forum member": (world_edit("forums.sco.members", ["mars"]), "sco"),
    "missing rule key": (lambda b: b["world"]["rules"].pop("hedging.penalty"), "hedging.penalty"),
    "rule out of range": (lambda b: b["world"]["rules"].__setitem__("hedging.penalty", -1), "hedging.penalty"),
    "end year far away": (world_edit("end_year", 999999), "year"),
    "stakes above 1": (world_edit("corridors.cpc.owners", {"russia": 3.0}), "cpc"),
}


@pytest.mark.parametrize("line", ["0\n", "\n", "pass\r\x00"])
def test_an_unreadable_action_with_a_line_break_is_named_in_one_line(tmp_path, line):
    """A save's action holding a line break or another unprintable character is quoted printably: one sentence, one line
    (found by the fuzzed-saves test below)."""
    path = write(tmp_path, resealed(lambda body: body.__setitem__("actions", [line])), name="fuzz.json")
    with pytest.raises(SaveError) as e:
        save.load(path)
    assert "cannot be read" in one_sentence_naming(e.value, path)


@pytest.mark.parametrize("name", sorted(IMPOSSIBLE))
def test_impossible_content_with_a_recomputed_checksum_is_refused(tmp_path, name):
    edit, needle = IMPOSSIBLE[name]
    path = write(tmp_path, resealed(edit))
    with pytest.raises(SaveError) as e:
        save.load(path)
    msg = one_sentence_naming(e.value, path)
    assert needle in msg


UNREADABLE = {
    "empty action": lambda b: b["actions"].__setitem__(3, ""),
    "half an action": lambda b: b["actions"].__setitem__(3, "propose japan"),
    "action not text": lambda b: b["actions"].__setitem__(3, 7),
    "scenario data as text": lambda b: b["scenario"].__setitem__("raw", "x"),
    "scenario as a list": lambda b: b.__setitem__("scenario", []),
    "world hash a number": lambda b: b.__setitem__("world_hash", 5),
}


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_parts_are_one_sentence_and_replay_exits_2(tmp_path, name):
    path = write(tmp_path, resealed(UNREADABLE[name]))
    with pytest.raises(SaveError) as e:
        save.load(path)
    one_sentence_naming(e.value, path)
    out = cli("replay", str(path))
    assert out.returncode == 2 and "Traceback" not in out.stderr and out.stderr.startswith(str(path))


def test_a_format_1_save_with_a_null_log_is_one_sentence(tmp_path):
    body = json.loads(good_text())["body"]
    path = write(tmp_path, save.seal({**body, "log": None, "seats": {}}, format_version=1))
    with pytest.raises(SaveError) as e:
        save.load(path)
    assert "format 1" in one_sentence_naming(e.value, path)
    assert save.list_saves(tmp_path)[0].error  # the Load list shows it with its reason


def _older_build(body):
    """What an older build wrote: its World had no `news` field, so its hash was taken without it."""
    body["world"].pop("news")


def test_a_save_from_an_older_build_loads_from_its_snapshot(tmp_path):
    path = write(tmp_path, resealed(_older_build, version="0.0.1"))
    session = save.load(path)
    assert session.saved_by == "0.0.1" and session.world.status != "playing"


def test_the_same_build_with_a_wrong_world_hash_is_still_refused(tmp_path):
    doc = json.loads(good_text())
    doc["body"]["world"]["powers"]["japan"]["treasury"] += 1  # hash not recomputed
    path = write(tmp_path, save.seal(doc["body"]))
    with pytest.raises(SaveError, match="recorded hash"):
        save.load(path)


def test_replay_says_when_the_rules_changed_since_an_older_build(tmp_path, monkeypatch):
    from game import replay
    path = write(tmp_path, resealed(_older_build, version="0.0.1"))
    real = replay.rerun
    monkeypatch.setattr(replay, "rerun", lambda s: replay.Replay((), None, True, 2015, "the replay diverges in 2015"))
    result = replay.replay_file(path)
    assert "0.0.1" in str(result.message) and "rules have changed" in str(result.message)
    monkeypatch.setattr(replay, "rerun", real)


# --- fuzzing: any edit with a recomputed checksum loads soundly or is one sentence -------------

def leaf_paths(value, path=()):
    """The path (keys and list indexes) of every leaf of nested JSON data."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaf_paths(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from leaf_paths(v, path + (i,))
    else:
        yield path


LEAVES = None


def leaves():
    global LEAVES
    if LEAVES is None:
        LEAVES = list(leaf_paths(json.loads(good_text())["body"]))
    return LEAVES


ODD = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=True),
                st.text(max_size=12), st.just([]), st.just({}), st.just(10**30))


@given(st.lists(st.tuples(st.integers(0, 10**9), ODD), min_size=1, max_size=3))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fuzzed_saves_load_soundly_or_give_one_sentence(tmp_path, edits):
    def edit(body):
        for index, value in edits:
            path = leaves()[index % len(leaves())]
            table = body
            for part in path[:-1]:
                table = table[part]
            table[path[-1]] = value
    path = write(tmp_path, resealed(edit), name="fuzz.json")
    try:
        session = save.load(path)
    except SaveError as e:
        one_sentence_naming(e, path)
        return
    assert invariants.problems(session.world) == []
    assert all(math.isfinite(v) for v in session.world.prices.values())


# --- autosaves per game, stale temporaries, settings ----------------------------------------------


def _game(tmp_path):
    path = write(tmp_path, good_text(), name=f"g{time.perf_counter_ns()}.json")
    session = save.load(path)
    path.unlink()
    return session


def test_autosaves_are_kept_per_game(tmp_path):
    folder = tmp_path / "saves"
    a, b = _game(tmp_path), _game(tmp_path)
    for _ in range(4):
        save.autosave(a, folder, keep=2)
        save.autosave(b, folder, keep=2)
    names = sorted(p.name for p in folder.glob("autosave-*.json"))
    assert len(names) == 4 and a.game_id != b.game_id
    assert sum(a.game_id in n for n in names) == 2 and sum(b.game_id in n for n in names) == 2


def test_a_loaded_game_keeps_its_autosave_group(tmp_path):
    folder = tmp_path / "saves"
    a = _game(tmp_path)
    first = save.autosave(a, folder, keep=2)
    again = save.load(first)
    assert again.game_id == a.game_id
    save.autosave(again, folder, keep=2)
    save.autosave(again, folder, keep=2)
    assert len(list(folder.glob(f"autosave-{a.game_id}-*.json"))) == 2


def test_stale_temporaries_from_killed_saves_are_cleaned(tmp_path):
    folder = tmp_path / "saves"
    folder.mkdir()
    stale, fresh = folder / ".slot.json.abc.tmp", folder / ".slot.json.def.tmp"
    stale.write_text("{")
    fresh.write_text("{")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    save.list_saves(folder)
    assert not stale.exists() and fresh.exists()  # a save in progress elsewhere is left alone


def test_settings_are_written_atomically(tmp_path, monkeypatch):
    from game.ui.app import Settings, load_settings, save_settings
    path = tmp_path / "settings.json"
    save_settings(Settings(1500, 900, 1.25, False), path)

    def crash(*args):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", crash)
    save_settings(Settings(800, 600, 1.0, True), path)  # the write fails: the old file is whole
    assert load_settings(path).width == 1500
    assert not list(tmp_path.glob(".*.tmp"))


def test_an_atomic_write_never_replaces_a_device(tmp_path):
    with pytest.raises(OSError):
        write_atomic(Path(os.devnull), "x")
    assert not Path(os.devnull).is_file()


def test_the_emergency_save_can_be_resumed(tmp_path):
    a = _game(tmp_path)
    path = save.emergency_save(a, tmp_path / "saves")
    back = save.load(path)
    assert engine.world_hash(back.world) == engine.world_hash(a.world)
    assert [i.path.name for i in save.list_saves(tmp_path / "saves")] == [path.name]
