"""Where things are: the game's data files and the user's folders (the only module that computes paths).

The game's data (scenarios, assets, in-game documents) is read through importlib.resources.
Installed from a wheel or frozen into a one-file build it sits inside the package, in
game/_data/<folder> (pyproject.toml maps the top-level assets/, scenarios/ and docs/ there);
in a source checkout it is those folders themselves, beside game/.

The user's folders (saves, settings, their own scenarios, exports) come from platformdirs,
so they are where each system keeps such things; when $HEARTLAND_HOME is set they all sit
in that one folder instead (a USB stick, a shared classroom drive, the tests).
"""
from __future__ import annotations

import atexit
import contextlib
import functools
import importlib.resources
import os
import tempfile
from pathlib import Path

import platformdirs

APP = "Heartland"
HOME_VARIABLE = "HEARTLAND_HOME"
DATA_FOLDERS = ("assets", "scenarios", "docs")  # the top-level folders that ship as data
PACKED = "_data"  # their folder inside the installed package
SETTINGS_FILE = "settings.json"


# --- the game's data ---------------------------------------------------------------------

def _real(resource) -> Path:
    """A filesystem path for a package resource (extracted for the life of the process if zipped)."""
    if isinstance(resource, Path):
        return resource
    stack = contextlib.ExitStack()
    atexit.register(stack.close)
    return Path(stack.enter_context(importlib.resources.as_file(resource)))


@functools.cache
def data_root() -> Path:
    """The folder holding assets/, scenarios/ and docs/: inside the package when installed, else the checkout."""
    package = importlib.resources.files("game")
    packed = package / PACKED
    if packed.is_dir():
        return _real(packed)
    return _real(package).parent


def data(*parts: str) -> Path:
    """A shipped data file or folder, e.g. data("assets", "map", "heartland_map.json")."""
    return data_root().joinpath(*parts)


def asset(*parts: str) -> Path:
    """A file under assets/ (map, catalogues, fonts, sources)."""
    return data("assets", *parts)


def scenario_dir() -> Path:
    """The shipped scenarios (with examples/ and history/ inside)."""
    return data("scenarios")


def document(name: str) -> Path:
    """An in-game document from docs/, e.g. document("rules.md")."""
    return data("docs", name)


@functools.cache
def ai_data(*parts: str) -> Path:
    """A data file of the computer opponents (ai/personalities.toml, ai/historical/...)."""
    return _real(importlib.resources.files("ai")).joinpath(*parts)


# --- the user's folders ------------------------------------------------------------------

def home() -> Path | None:
    """$HEARTLAND_HOME (with ~ expanded), or None when it is not set."""
    value = os.environ.get(HOME_VARIABLE, "").strip()
    return Path(value).expanduser() if value else None


def _dirs() -> platformdirs.PlatformDirs:
    """The system's conventions for this game's folders."""
    return platformdirs.PlatformDirs(APP, appauthor=False)


def saves_dir() -> Path:
    """Saves and autosaves: $HEARTLAND_HOME/saves, else the system's data folder's saves/."""
    base = home()
    return (base if base else _dirs().user_data_path) / "saves"


def user_scenario_dir() -> Path:
    """The user's own scenarios: $HEARTLAND_HOME/scenarios, else the system's data folder's scenarios/."""
    base = home()
    return (base if base else _dirs().user_data_path) / "scenarios"


def settings_file() -> Path:
    """The window and language settings: $HEARTLAND_HOME/settings.json, else in the system's config folder."""
    base = home()
    return (base if base else _dirs().user_config_path) / SETTINGS_FILE


def exports_dir() -> Path:
    """Where exported charts and logs go by default: $HEARTLAND_HOME/exports, else Documents/Heartland."""
    base = home()
    return base / "exports" if base else platformdirs.user_documents_path() / APP


@contextlib.contextmanager
def temporary_home(prefix: str = "heartland-"):
    """Point $HEARTLAND_HOME at a new empty folder until the block ends (the demo leaves the user's folders alone)."""
    old = os.environ.get(HOME_VARIABLE)
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        os.environ[HOME_VARIABLE] = folder
        try:
            yield Path(folder)
        finally:
            if old is None:
                os.environ.pop(HOME_VARIABLE, None)
            else:
                os.environ[HOME_VARIABLE] = old


def user_folders() -> dict[str, Path]:
    """Every folder the game reads or writes for the user, by name (shown by `heartland where`)."""
    return {"saves": saves_dir(), "scenarios": user_scenario_dir(), "settings": settings_file(),
            "exports": exports_dir(), "game data": data_root()}
