"""Export of a finished game for the classroom: every debrief chart as PNG, the log as CSV.

Pure functions on plain data; they need pygame surfaces and fonts but no window.
A folder that cannot be written gives an `ExportResult` with one plain sentence,
never an exception.
"""
from __future__ import annotations

import csv
import io
import datetime as dt
import os
from pathlib import Path
from typing import Iterable, Sequence

import pygame
from attrs import frozen

from game.fileio import NotRegular, kind_of, safe_stem, write_atomic
from game.paths import exports_dir
from game.text import Ref, name_of
from game.ui.charts import ChartStyle
from game.ui.debrief_charts import ChartSpec
from game.ui.i18n import tr
from game.ui.words import rule_name

CSV_COLUMNS = ("year", "phase", "actor", "rule", "text")
PNG_SIZE = (1600, 900)
GAME_LOG = "game_log.csv"  # the log's file name in the export folder


@frozen
class ExportResult:
    """The files written, or the sentence saying why nothing could be."""

    folder: Path
    paths: tuple[Path, ...] = ()
    error: str = ""

    @property
    def ok(self) -> bool:
        """Whether the export succeeded."""
        return not self.error


def default_folder(scenario_id: str, today: dt.date | None = None, base: Path | None = None) -> Path:
    """<the user's exports folder (game.paths)>/<scenario>-<date>."""
    day = (today or dt.date.today()).isoformat()
    return (base or exports_dir()) / f"{safe_stem(scenario_id)}-{day}"


def folder_from_text(text: str) -> Path:
    """The folder a person typed, with ~ expanded."""
    return Path(os.path.expandvars(text.strip())).expanduser()


def log_rows(entries: Iterable) -> list[dict]:
    """The CSV rows of log entries (year, phase, actor, rule, text), names and texts in the active language."""
    return [{"year": e.year, "phase": name_of(Ref("phase", e.phase)) if e.phase else "",
             "actor": name_of(Ref("power", e.actor)) if e.actor else "", "rule": rule_name(e.rule), "text": e.text}
            for e in entries]


def write_log_csv(entries: Iterable, path: Path) -> Path:
    """Write the game log as CSV (UTF-8 with a BOM) with a header row, all in the active language; returns the path."""
    buffer = io.StringIO(newline="")
    w = csv.writer(buffer)
    w.writerow([tr(f"debrief.csv.{c}") for c in CSV_COLUMNS])
    w.writerows([row[c] for c in CSV_COLUMNS] for row in log_rows(entries))
    write_atomic(path, buffer.getvalue(), encoding="utf-8-sig", newline="")  # the BOM tells spreadsheets it is UTF-8
    return path


def render_chart(spec: ChartSpec, size: tuple[int, int] = PNG_SIZE, style: ChartStyle | None = None) -> pygame.Surface:
    """A chart drawn onto a new surface of `size`."""
    surface = pygame.Surface(size)
    spec.draw(surface, surface.get_rect(), style or ChartStyle(scale=size[0] / 1280))
    return surface


def write_chart_png(spec: ChartSpec, folder: Path, size: tuple[int, int] = PNG_SIZE) -> Path:
    """Save one chart as <folder>/<name>.png; returns the path."""
    path = folder / f"{spec.name}.png"
    if kind_of(path) not in ("file", "missing"):  # a pipe or device named like the chart is never opened
        raise NotRegular(f"{path} is not a regular file")
    pygame.image.save(render_chart(spec, size), str(path))
    return path


def _problem(folder: Path, err: OSError) -> str:
    """One plain sentence for a folder that cannot be written."""
    if folder.exists() and not folder.is_dir():
        return tr("debrief.export.not_folder", folder=str(folder))
    reason = (err.strerror or str(err)).rstrip(".").lower()
    return tr("debrief.export.failed", folder=str(folder), reason=reason)


def export_all(specs: Sequence[ChartSpec], log: Iterable, folder: Path,
               size: tuple[int, int] = PNG_SIZE) -> ExportResult:
    """Write every chart as PNG and the log as game_log.csv into `folder` (created if missing)."""
    folder = Path(folder)
    try:
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(20, "not a directory")
        folder.mkdir(parents=True, exist_ok=True)
        paths = [write_chart_png(s, folder, size) for s in specs]
        paths.append(write_log_csv(log, folder / GAME_LOG))
    except (OSError, pygame.error) as err:
        return ExportResult(folder, (), _problem(folder, err if isinstance(err, OSError) else OSError(str(err))))
    return ExportResult(folder, tuple(paths))
