"""The scenarios a player can choose: shipped ones, examples and the user's own.

`list_scenarios()` never raises: a broken file is listed with every problem, as the setup
screen shows it.
"""
from __future__ import annotations

from pathlib import Path

from attrs import frozen

from game.errors import HeartlandError
from game.scenario.loader import load
from game.scenario.index import scenario_files
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
    error: str = ""  # the first problem, "" when it loads
    warnings: tuple[str, ...] = ()  # plausible but probably wrong; shown, never blocking
    problems: tuple[str, ...] = ()  # every problem, each `file:line: key: sentence` (the file's name, not its folder)
    short_description: str = ""  # what the short form is about ([short] description), "" when not given


def describe(path: Path) -> ScenarioInfo:
    """One file's entry: its metadata, or its first problem as a sentence."""
    try:
        sc = load(str(path))
    except HeartlandError as e:
        errors = getattr(e, "errors", None) or []
        first = errors[0].describe() if errors else str(e)
        return ScenarioInfo(path.stem, path.stem, str(path), 0, 0, "", "", first,
                            problems=tuple(_short(x) for x in errors) or (first,))
    except (OSError, RecursionError, ValueError) as e:  # never let one bad file break the list
        said = tr("scenario.err.list_unreadable", path=str(path), error=str(e))
        return ScenarioInfo(path.stem, path.stem, str(path), 0, 0, "", "", said, problems=(said,))
    return summary(sc, path)


def summary(sc, path: Path) -> ScenarioInfo:
    """The entry of a scenario already loaded from `path`."""
    w = sc.world
    short = sc.raw.get("short")
    return ScenarioInfo(sc.id, sc.title, str(path), w.start_year, w.end_year, sc.description.strip(),
                        sc.teaching_notes.strip(), warnings=tuple(_short(x) for x in sc.warnings),
                        short_description=str(short.get("description", "")).strip() if isinstance(short, dict) else "")


def _short(w) -> str:
    """A problem or warning as the setup screen shows it: the file's name (not its folder), line, key, sentence."""
    return w.describe(Path(w.path).name)


def list_scenarios() -> list[ScenarioInfo]:
    """Every scenario with its metadata; a file whose id another file already answers to carries the
    same warning `validate` gives (see `loader.id_clash`)."""
    return [describe(path) for path in scenario_files()]
