"""game.paths: the game's data through importlib.resources, the user's folders through platformdirs."""
import os
import re
import sys
from pathlib import Path

import platformdirs
import pytest

from game import cli, paths

ROOT = Path(__file__).resolve().parents[1]
# Only game/paths.py may find files by itself; everything else asks it.
PATH_MAKERS = re.compile(r"__file__|Path\.home\(|HEARTLAND_HOME|platformdirs|importlib\.resources|os\.getcwd|Path\.cwd")


def test_no_other_module_computes_paths():
    """No module of the game or its AI finds files through __file__, the home folder or the variable."""
    offenders = []
    for folder in ("game", "ai"):
        for f in sorted((ROOT / folder).rglob("*.py")):
            if f == ROOT / "game" / "paths.py":
                continue
            for n, line in enumerate(f.read_text("utf-8").splitlines(), 1):
                code = line.split("#", 1)[0]
                if PATH_MAKERS.search(code) and not code.lstrip().startswith(('"', "'")):
                    offenders.append(f"{f.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == []


def test_the_data_is_found():
    """The map, catalogues, scenarios, documents and AI tables are where paths says, and are files."""
    for path in (paths.asset("map", "heartland_map.json"), paths.asset("i18n", "en.json"), paths.asset("i18n", "en_names.json"),
                 paths.scenario_dir() / "2015.toml", paths.scenario_dir() / "history" / "2015.toml",
                 paths.document("rules.md"), paths.ai_data("personalities.toml"), paths.ai_data("historical", "2015.toml")):
        assert path.is_file(), path
    assert (paths.data_root() / "scenarios").is_dir() and (paths.data_root() / "assets").is_dir()


def test_heartland_home_holds_every_user_folder(tmp_path, monkeypatch):
    """With $HEARTLAND_HOME set, saves, scenarios, settings and exports all sit in it (~ expanded)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("HEARTLAND_HOME", "~/stick")
    stick = tmp_path / "stick"
    assert paths.saves_dir() == stick / "saves"
    assert paths.user_scenario_dir() == stick / "scenarios"
    assert paths.settings_file() == stick / "settings.json"
    assert paths.exports_dir() == stick / "exports"


@pytest.mark.parametrize("value", [None, "", "   "])
def test_without_heartland_home_the_system_folders_are_used(value, tmp_path, monkeypatch):
    """Unset (or blank) $HEARTLAND_HOME: the system's data, config and documents folders (XDG on Linux)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_DOCUMENTS_DIR", "docs")):
        monkeypatch.setenv(var, str(tmp_path / sub))
    if value is None:
        monkeypatch.delenv("HEARTLAND_HOME", raising=False)
    else:
        monkeypatch.setenv("HEARTLAND_HOME", value)
    dirs = platformdirs.PlatformDirs("Heartland", appauthor=False)
    assert paths.saves_dir() == dirs.user_data_path / "saves"
    assert paths.user_scenario_dir() == dirs.user_data_path / "scenarios"
    assert paths.settings_file() == dirs.user_config_path / "settings.json"
    assert paths.exports_dir() == platformdirs.user_documents_path() / "Heartland"
    if sys.platform == "linux":  # what the XDG variables promise on this system
        assert paths.saves_dir() == tmp_path / "data" / "Heartland" / "saves"
        assert paths.settings_file() == tmp_path / "config" / "Heartland" / "settings.json"
        assert paths.exports_dir() == tmp_path / "docs" / "Heartland"
    for folder in paths.user_folders().values():  # none of them is inside the game's own files
        assert not folder.is_relative_to(paths.data_root() / "scenarios")


def test_temporary_home_is_empty_and_restored(tmp_path, monkeypatch):
    """The demo's private home is a new folder while the block runs; the old value comes back after."""
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))
    with paths.temporary_home() as home:
        assert paths.home() == home != tmp_path and list(home.iterdir()) == []
        assert paths.saves_dir() == home / "saves"
    assert paths.home() == tmp_path and not home.exists()
    monkeypatch.delenv("HEARTLAND_HOME")
    with paths.temporary_home():
        assert paths.home() is not None
    assert "HEARTLAND_HOME" not in os.environ


def test_folders_command_lists_them(tmp_path, monkeypatch, capsys):
    """`heartland folders` prints each folder, named."""
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))
    assert cli.main(["folders"]) == 0
    shown = dict(line.split(":", 1) for line in capsys.readouterr().out.splitlines())
    assert Path(shown["saves"].strip()) == tmp_path / "saves"
    assert Path(shown["game data"].strip()) == paths.data_root()


def test_simulate_save_without_a_folder_uses_the_saves_folder(tmp_path, monkeypatch, capsys):
    """`simulate --save` with no folder writes into the user's saves folder and says where."""
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path))
    assert cli.main(["simulate", "--games", "1", "--agent", "random", "--save"]) == 0
    assert [p.name for p in (tmp_path / "saves").iterdir()] == ["2015-seed1.json"]
    assert f"saves: {tmp_path / 'saves'}" in capsys.readouterr().out
