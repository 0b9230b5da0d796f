"""The scenarios a player can choose: shipped ones, examples and the user's own.

`list_scenarios()` never raises: a broken file is listed with its first problem, as the
setup screen shows it.
"""
from __future__ import annotations

from pathlib import Path

from attrs import frozen

from game.errors import HeartlandError
from game.scenario.loader import load
from game.scenario.source import SCENARIO_DIR, user_dir
from game.text import tr


@frozen
class ScenarioInfo:
    """One scenario file as the setup screen lists it ("" error when it loads)."""

    id: str
    title: str
    path: str
    start_year: int
    end_year: int
    description: str
    teaching_notes: str
    error: str = ""
    warnings: tuple[str, ...] = ()  # plausible but probably wrong; shown, never blocking


def scenario_files() -> list[Path]:
    """Every scenario file: shipped, then examples, then the user's folder, each sorted by name."""
    folders = (SCENARIO_DIR, SCENARIO_DIR / "examples", user_dir())
    files: list[Path] = []
    for folder in folders:
        try:
            files += sorted(p for p in folder.glob("*.toml") if p.is_file())
        except OSError:
            continue
    return files


def describe(path: Path) -> ScenarioInfo:
    """One file's entry: its metadata, or its first problem as a sentence."""
    try:
        sc = load(str(path))
    except HeartlandError as e:
        errors = getattr(e, "errors", None)
        first = errors[0].describe() if errors else str(e)
        return ScenarioInfo(path.stem, path.stem, str(path), 0, 0, "", "", first)
    except (OSError, RecursionError, ValueError) as e:  # never let one bad file break the list
        return ScenarioInfo(path.stem, path.stem, str(path), 0, 0, "", "", tr("scenario.err.list_unreadable", path=str(path), error=str(e)))
    w = sc.world
    return ScenarioInfo(sc.id, sc.title, str(path), w.start_year, w.end_year, sc.description.strip(),
                        sc.teaching_notes.strip(), warnings=tuple(_short(x) for x in sc.warnings))


def _short(w) -> str:
    """A warning as the setup screen shows it: the file's name (not its folder), line, key, sentence."""
    return w.describe(Path(w.path).name)


def list_scenarios() -> list[ScenarioInfo]:
    """Every scenario with its metadata; a file whose id another file already answers to carries the
    same warning `validate` gives (see `loader.id_clash`)."""
    return [describe(path) for path in scenario_files()]
