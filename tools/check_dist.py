"""Check the one-file build (`make dist`) the way a classroom PC would use it.

From a fresh folder that holds a student's own game.py, with a fresh home folder and no
HEARTLAND_HOME: `--help`, `validate 2015`, a bad scenario (exit 2), `simulate --games 2 --save`
(the saves must land in the user's data folder), `folders` (the data must come from inside
the executable) and one demo year on a headless display (every scene drawn). Prints one JSON
object on its last line; exits 1 naming the first check that failed.

    python tools/check_dist.py [dist/heartland]
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EXE = ROOT / "dist" / ("heartland.exe" if os.name == "nt" else "heartland")
TIMEOUT = 600


class CheckFailed(Exception):
    """One check of the build did not hold."""


def run(exe: Path, args: list[str], cwd: Path, home: Path) -> tuple[subprocess.CompletedProcess, float]:
    """Run the executable in `cwd` with `home` as the user's home; the result and its seconds."""
    env = {k: v for k, v in os.environ.items() if k != "HEARTLAND_HOME" and not k.startswith("XDG_")}
    env.update(HOME=str(home), USERPROFILE=str(home), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    started = time.perf_counter()
    out = subprocess.run([str(exe), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    return out, time.perf_counter() - started


def expect(ok: bool, what: str, out: subprocess.CompletedProcess | None = None) -> None:
    """Raise CheckFailed naming `what` (with the command's last output) unless `ok`."""
    if not ok:
        tail = "" if out is None else f" (exit {out.returncode}: {(out.stdout + out.stderr)[-600:]})"
        raise CheckFailed(what + tail)


def check(exe: Path, work: Path) -> dict:
    """Every check in order; the figures measured."""
    room, home = work / "classroom", work / "home"
    room.mkdir()
    home.mkdir()
    (room / "game.py").write_text('raise SystemExit("the student\'s game.py was imported")\n')
    figures = {"exe_mb": round(exe.stat().st_size / 2**20, 1)}
    out, figures["help_s"] = run(exe, ["--help"], room, home)
    expect(out.returncode == 0 and "usage: heartland" in out.stdout, "--help prints the usage", out)
    out, figures["validate_s"] = run(exe, ["validate", "2015"], room, home)
    expect(out.returncode == 0 and out.stdout.strip() == "2015: ok", "validate 2015 is ok", out)
    out, _ = run(exe, ["validate", "no-such-scenario"], room, home)
    expect(out.returncode == 2 and "Traceback" not in out.stderr, "a bad scenario is one sentence, exit 2", out)
    out, _ = run(exe, ["folders"], room, home)
    shown = {k: Path(v.strip()) for k, v in (line.split(":", 1) for line in out.stdout.splitlines())}
    expect(shown.get("saves", room).is_relative_to(home), "the saves folder is in the user's home", out)
    expect(not shown.get("game data", room).is_relative_to(room), "the game's data comes from the executable", out)
    out, figures["simulate_s"] = run(exe, ["simulate", "--games", "2", "--save", "--json"], room, home)
    expect(out.returncode == 0 and json.loads(out.stdout.splitlines()[-1])["games"] == 2, "simulate plays 2 games", out)
    saves = sorted(p.name for p in shown["saves"].glob("*.json"))
    figures["saves"] = len(saves)
    expect(saves == ["2015-seed1.json", "2015-seed2.json"], f"the saves land in {shown['saves']} (found {saves})")
    out, figures["demo_s"] = run(exe, ["demo", "--years", "1", "--screenshots", "shots"], room, home)
    shots = len(list((room / "shots").glob("*.png")))
    figures["demo_screenshots"] = shots
    expect(out.returncode == 0 and shots >= 20, "the demo draws every scene for one year", out)
    expect(sorted(p.name for p in room.iterdir()) == ["game.py", "shots"], "nothing else is written where it runs")
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in figures.items()}


def main(argv: list[str]) -> int:
    """Check the executable named in argv (default dist/heartland); JSON on the last line."""
    exe = Path(argv[0]).resolve() if argv else DEFAULT_EXE
    if not exe.is_file():
        print(f"{exe}: no such executable; build it with `make dist`.")
        print(json.dumps({"ok": False, "failed": "no executable"}))
        return 1
    with tempfile.TemporaryDirectory(prefix="heartland-dist-") as work:
        try:
            figures = check(exe, Path(work))
        except CheckFailed as e:
            print(f"The one-file build failed a check: {e}")
            print(json.dumps({"ok": False, "failed": str(e)}))
            return 1
    print(f"{exe.name}: every check passed.")
    print(json.dumps({"ok": True, **figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
