"""Finding a scenario: by its `[scenario] id` or by its path, shipped and user files alike.

Every caller (`--scenario`, `extends`, the setup screen, the demo, the computer players'
settings) goes through `lookup`, so a name finds the same file everywhere. A file's id is
the one it declares in `[scenario] id`; when no file declares a name, a file called
`<name>.toml` in the folders is used. When two files declare one id, the first in folder
order (shipped, examples, then the user's folder, each by file name) answers to it and the
other is warned about (`twin`).
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

from game.fileio import is_plain_id
from game.paths import scenario_dir, user_scenario_dir


def folders() -> tuple[Path, ...]:
    """The folders scenarios are listed and looked up in, in order: shipped, examples, the user's."""
    shipped = scenario_dir()
    return (shipped, shipped / "examples", user_scenario_dir())


def scenario_files() -> list[Path]:
    """Every scenario file: shipped, then examples, then the user's folder, each sorted by name."""
    files: list[Path] = []
    for folder in folders():
        try:
            files += sorted(p for p in folder.glob("*.toml") if p.is_file())
        except OSError:
            continue
    return files


def looks_like_path(name: str) -> bool:
    """Whether `name` is written as a file path (a .toml name, a folder separator) rather than an id."""
    return name.endswith(".toml") or "/" in name or os.sep in name or not is_plain_id(name)


def declared_id(path: Path) -> str | None:
    """The `[scenario] id` a file declares (None when it cannot be read or declares none)."""
    try:
        stat = path.stat()
    except (OSError, ValueError):
        return None
    return _declared(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _declared(path: str, mtime: int, size: int) -> str | None:
    """`declared_id` for one version of a file (read again when it changes)."""
    from game.errors import ScenarioErrors
    from game.scenario.source import read
    try:
        table = read(Path(path)).raw.get("scenario")
    except (ScenarioErrors, OSError, ValueError, RecursionError):
        return None
    sid = table.get("id") if isinstance(table, dict) else None
    return sid if isinstance(sid, str) and is_plain_id(sid) else None


def files_with_id(sid: str) -> list[Path]:
    """Every scenario file that declares `sid`, in folder order."""
    return [p for p in scenario_files() if declared_id(p) == sid]


def lookup(name: str, near: Path | None = None) -> Path | None:
    """The file `name` stands for: a path as written, else the first file declaring that id, else a
    `<name>.toml` in the folders (or in `near`, the folder of a file that extends it); None when none."""
    if looks_like_path(name) or _exists(Path(name)):
        return Path(name)
    declaring = files_with_id(name)
    if declaring:
        return declaring[0]
    for folder in folders() + ((near,) if near else ()):
        if (folder / f"{name}.toml").is_file():
            return folder / f"{name}.toml"
    return None


def twin(sid: str, path: str) -> Path | None:
    """The other file that answers to `sid` when this one (`path`) does not (None when it does)."""
    if not is_plain_id(sid):
        return None
    other = lookup(sid)
    try:
        if other is None or not other.is_file() or other.resolve() == Path(path).resolve():
            return None
    except (OSError, ValueError):
        return None
    return other


def _exists(p: Path) -> bool:
    """Whether a path exists; False for names the system refuses (too long, NUL)."""
    try:
        return p.exists()
    except (OSError, ValueError):
        return False
