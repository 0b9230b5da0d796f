"""The installed game: a wheel built from this tree holds every data file and runs from any folder.

The wheel is built without build isolation (the test environment's setuptools) and installed
into a new virtual environment that borrows only the dependencies (pygame-ce, attrs,
platformdirs) from the test environment, so the game itself comes from the wheel alone.
"""
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from game import paths

ROOT = Path(__file__).resolve().parents[1]
CODE = ("game", "ai")
BUILD_FILES = ("pyproject.toml", "README.md")
SLOW = 300  # seconds any one command may take on a busy machine


def _source_files() -> set[str]:
    """What the wheel must hold, in wheel paths: all code, everything under assets/ and scenarios/, docs/*.md."""
    mapped = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-dir"]
    into = {folder: package.replace(".", "/") for package, folder in mapped.items()}
    assert set(into) == set(paths.DATA_FOLDERS), "every data folder game.paths reads is mapped into the package"
    want = set()
    for folder in CODE + paths.DATA_FOLDERS:
        for f in (ROOT / folder).rglob("*"):
            if not f.is_file() or "__pycache__" in f.parts or f.name.startswith("."):
                continue
            rel = f.relative_to(ROOT / folder).as_posix()
            if folder == "docs" and (f.suffix != ".md" or "/" in rel):
                continue  # docs/ ships its markdown (the in-game documents), not the README screenshot
            want.add(f"{into.get(folder, folder)}/{rel}")
    return want


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of this tree (so the build leaves nothing in the checkout)."""
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    src.mkdir()
    for name in BUILD_FILES:
        shutil.copy2(ROOT / name, src / name)
    for folder in CODE + paths.DATA_FOLDERS:
        shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                          "-w", str(work), str(src)], capture_output=True, text=True, timeout=SLOW)
    assert out.returncode == 0, out.stderr[-2000:]
    (whl,) = work.glob("heartland-*.whl")
    return whl


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh environment with the wheel installed; returns its bin folder."""
    env = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    deps = sysconfig.get_paths()["purelib"]  # only a path entry: its .pth files (the editable install) stay unread
    Path(site, "_heartland_test_deps.pth").write_text(deps + "\n")
    out = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                          "-q", str(wheel)], capture_output=True, text=True, timeout=SLOW)
    assert out.returncode == 0, out.stderr[-2000:]
    return python.parent


@pytest.fixture
def classroom(tmp_path) -> Path:
    """A student's working folder holding their own game.py and ai.py, which must not shadow the game."""
    folder = tmp_path / "classroom"
    folder.mkdir()
    for name in ("game.py", "ai.py"):
        (folder / name).write_text(f'raise SystemExit("the student\'s {name} was imported")\n')
    return folder


def run(cmd: list, cwd: Path, **env) -> subprocess.CompletedProcess:
    """A command with a headless display and the given environment changes (None removes a variable)."""
    full = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    for key, value in env.items():
        full.pop(key, None) if value is None else full.__setitem__(key, value)
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=full, capture_output=True, text=True, timeout=SLOW)


def test_the_wheel_holds_every_code_and_data_file(wheel):
    """Every module, asset, scenario, catalogue, font and in-game document of the tree is in the wheel."""
    with zipfile.ZipFile(wheel) as z:
        names = {n for n in z.namelist() if ".dist-info/" not in n}
    assert names == _source_files()
    assert "game/_data/scenarios/2015.toml" in names and "game/_data/docs/rules.md" in names


def test_the_wheel_declares_the_command_and_only_used_dependencies(wheel):
    """`heartland` is a console script; numpy (never imported) is not a dependency."""
    with zipfile.ZipFile(wheel) as z:
        meta = z.read(next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))).decode()
        entry = z.read(next(n for n in z.namelist() if n.endswith(".dist-info/entry_points.txt"))).decode()
    assert "heartland = game.cli:console" in entry
    requires = [line.split(":", 1)[1].strip().lower() for line in meta.splitlines() if line.startswith("Requires-Dist:")]
    assert any(r.startswith("platformdirs") for r in requires)
    assert not any(r.startswith("numpy") for r in requires)


def test_the_installed_command_runs_from_a_students_folder(installed, classroom, tmp_path):
    """validate, simulate (saves into the user's folder, not the package) and folders, beside a game.py."""
    home = tmp_path / "user"
    env = {"HEARTLAND_HOME": None, "HOME": str(home), "XDG_DATA_HOME": None, "XDG_CONFIG_HOME": None}
    heartland = installed / "heartland"
    out = run([heartland, "validate", "2015"], classroom, **env)
    assert out.returncode == 0 and out.stdout.strip() == "2015: ok", out.stdout + out.stderr
    out = run([heartland, "simulate", "--games", "2", "--agent", "greedy", "--save", "--json"], classroom, **env)
    assert out.returncode == 0, out.stderr
    saves = home / ".local/share/Heartland/saves"
    assert sorted(p.name for p in saves.glob("*.json")) == ["2015-seed1.json", "2015-seed2.json"]
    out = run([heartland, "folders"], classroom, **env)
    shown = {k: Path(v.strip()) for k, v in (line.split(":", 1) for line in out.stdout.splitlines())}
    assert shown["game data"].parts[-3:] == ("site-packages", "game", "_data")
    assert shown["game data"].is_relative_to(installed.parent) and shown["saves"] == saves
    assert sorted(p.name for p in classroom.iterdir()) == ["ai.py", "game.py"]  # nothing written where it ran


def test_python_m_game_and_a_bad_scenario(installed, classroom, tmp_path):
    """`python -P -m game` ignores the student's game.py; a bad scenario is one sentence and exit 2."""
    out = run([installed / "python", "-P", "-m", "game", "validate", "2015"], classroom, HEARTLAND_HOME=str(tmp_path))
    assert out.returncode == 0 and "2015: ok" in out.stdout, out.stdout + out.stderr
    out = run([installed / "heartland", "validate", "no-such-id"], classroom, HEARTLAND_HOME=str(tmp_path))
    assert out.returncode == 2 and "Traceback" not in out.stdout + out.stderr


def test_the_installed_demo_shows_every_scene(installed, tmp_path):
    """One demo year from the wheel: the map, catalogues and rules reference are all found."""
    out = run([installed / "heartland", "demo", "--years", "1", "--screenshots", "shots"], tmp_path,
              HEARTLAND_HOME=str(tmp_path / "home"))
    assert out.returncode == 0, out.stdout + out.stderr
    assert len(list((tmp_path / "shots").glob("*.png"))) >= 20
