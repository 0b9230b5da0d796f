"""Export writes valid PNGs and a CSV matching the log; a bad folder gives a sentence."""
import csv
import datetime as dt
import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from ai.baseline import GreedyAgent
from game import text
from game.scenario.loader import load
from game.session import Seat, Session
from game.ui import debrief_charts as dc
from game.ui.export import CSV_COLUMNS, default_folder, export_all, folder_from_text, write_log_csv

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def game():
    pygame.font.init()
    w = load("2015").world
    s = Session.start(w, {p: Seat(p, human=False) for p in w.order}, 5, make_agent=lambda w, seat: GreedyAgent())
    s.run_ai()
    return s


def specs(s):
    return dc.all_charts(s.history, s.world, dc.load_reference(s.scenario_id))


def test_export_writes_every_chart_as_png_and_the_log_as_csv(game, tmp_path):
    folder = tmp_path / "exports" / "2015-class"
    result = export_all(specs(game), game.log, folder, size=(800, 450))
    assert result.ok and result.error == ""
    pngs = [p for p in result.paths if p.suffix == ".png"]
    assert len(pngs) == len(specs(game)) and len(pngs) >= 9
    for p in pngs:
        assert p.read_bytes()[:8] == PNG_MAGIC
        img = pygame.image.load(str(p))
        assert img.get_size() == (800, 450)
    names = {p.name for p in pngs}
    assert {"scores.png", "corridor_flows.png", "vs_history_trade.png"} <= names
    assert all(f"influence_{s}.png" in names for s in dc.c5_states(game.world))


def test_csv_rows_match_the_log(game, tmp_path):
    """One row per entry: its year, its phase's, actor's and rule's names and its text."""
    path = write_log_csv(game.log, tmp_path / "log.csv")
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert len(rows) == len(game.log)
    for row, e in zip(rows, game.log):
        assert (int(row["year"]), row["text"]) == (e.year, e.text)
        assert row["phase"] == text.name_of(text.Ref("phase", e.phase)) and row["actor"] in ("", *names(game))
        assert row["rule"] == (text.tr(f"rule.{e.rule}.name") if text.lookup(f"rule.{e.rule}.name") else e.rule)
    assert "Actions" in {r["phase"] for r in rows} and "Japan" in {r["actor"] for r in rows}


def names(s) -> set[str]:
    """Every power's name in the active language."""
    return {str(text.power(s.world, p)) for p in s.world.powers}


def test_the_csv_speaks_the_readers_language(game, tmp_path):
    """In Japanese the header, the phases, the actors and the rules are Japanese, as the texts are."""
    try:
        text.set_language("ja")
        with open(write_log_csv(game.log, tmp_path / "log.csv"), newline="", encoding="utf-8-sig") as f:
            head, *rows = list(csv.reader(f))
        ja_names = names(game)
    finally:
        text.set_language("en")
    assert head == ["年", "フェーズ", "行為者", "ルール", "内容"]
    assert "行動" in {r[1] for r in rows} and "日本" in {r[2] for r in rows} and {r[2] for r in rows} <= {"", *ja_names}
    assert "地理と費用" in {r[3] for r in rows}


def test_text_with_commas_quotes_and_newlines_survives(tmp_path):
    from game.rules.log import Entry
    tricky = [Entry(2020, "diplomacy", "japan", 'Japan says "no", firmly,\nand leaves.', "hedging")]
    with open(write_log_csv(tricky, tmp_path / "t.csv"), newline="", encoding="utf-8-sig") as f:
        (row,) = list(csv.DictReader(f))
    assert row["text"] == tricky[0].text


def test_unwritable_folder_gives_a_sentence_not_a_traceback(game, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = export_all(specs(game)[:1], game.log, blocker / "sub")
    assert not result.ok and result.paths == ()
    assert str(blocker / "sub") in result.error and result.error.endswith(".")
    assert "Traceback" not in result.error and "\n" not in result.error


def test_a_file_in_place_of_the_folder_is_named(game, tmp_path):
    blocker = tmp_path / "report.txt"
    blocker.write_text("x")
    result = export_all(specs(game)[:1], game.log, blocker)
    assert not result.ok and "is a file" in result.error


def test_folder_without_permission(game, tmp_path, monkeypatch):
    """A folder the teacher may not write to gives a sentence (simulated: tests may run as root)."""
    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))
    monkeypatch.setattr(Path, "mkdir", refuse)
    result = export_all(specs(game)[:1], game.log, tmp_path / "ro" / "inner")
    assert not result.ok and "Could not write" in result.error


def test_default_folder_and_typed_paths():
    f = default_folder("2015", dt.date(2026, 3, 1), base=Path("/home/t/exports"))
    assert f == Path("/home/t/exports/2015-2026-03-01")
    assert folder_from_text("  ~/x ") == Path.home() / "x"


def test_the_log_is_written_in_the_active_language_with_a_bom(game, tmp_path):
    """Spreadsheet programs read the BOM as UTF-8; the texts are the reader's language."""
    from game import text
    try:
        text.set_language("ja")
        path = write_log_csv(game.log, tmp_path / "ja.csv")
        shown = [e.text for e in game.log]
    finally:
        text.set_language("en")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))[1:]
    assert [r[CSV_COLUMNS.index("text")] for r in rows] == shown and any("。" in t for t in shown)
