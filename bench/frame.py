#!/usr/bin/env python3
"""Frame-time benchmark: the map scene at 1280x720 and 1920x1080 beside a bare blit-and-flip.

For each size it times 600 frames of the map scene (update + draw + flip) and 600
frames of a bare full-screen blit and flip in the same run, then times launching the
game to its main menu (`run_game.py --startup-probe`) against `import pygame;
pygame.init()` in fresh processes. Goals: map_p99_ms_720p < 4, ratio_median_720p <= 8,
start-up under twice the bare pygame start. Prints one JSON object on its last line.

Until game.ui.map_scene.MapScene exists the map figures are null and the debrief scene
is measured in its place (debrief_*), with a note. A benchmark, not a test.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

FRAMES = 600
WARMUP = 30
SIZES = {"720p": (1280, 720), "1080p": (1920, 1080)}
STARTUP_RUNS = 5
DT = 1 / 60


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by nearest rank."""
    s = sorted(values)
    k = max(0, min(len(s) - 1, round(q / 100 * len(s) + 0.5) - 1))
    return s[k]


def summary(times_s: list[float]) -> dict:
    """Median and 99th percentile in milliseconds."""
    ms = [t * 1000 for t in times_s]
    return {"median": round(statistics.median(ms), 4), "p99": round(percentile(ms, 99), 4)}


def time_frames(step, frames: int = FRAMES) -> list[float]:
    """Seconds taken by each of `frames` calls of `step` after a warm-up."""
    for _ in range(WARMUP):
        step()
    out = []
    for _ in range(frames):
        t0 = time.perf_counter()
        step()
        out.append(time.perf_counter() - t0)
    return out


def bare_blit(screen: pygame.Surface) -> list[float]:
    """A full-screen blit and flip, the floor any scene is compared with."""
    image = pygame.Surface(screen.get_size()).convert()
    image.fill((30, 40, 60))

    def step():
        pygame.event.pump()
        screen.blit(image, (0, 0))
        pygame.display.flip()
    return time_frames(step)


def scene_frames(screen: pygame.Surface, scene) -> list[float]:
    """update + draw + flip of one scene."""
    def step():
        pygame.event.pump()
        scene.update(DT)
        scene.draw(screen)
        pygame.display.flip()
    return time_frames(step)


def finished_session():
    """A 2015 game with AIs in every seat, played one year so the map has flows and shares."""
    from game.scenario.loader import load
    from game.session import Seat, Session
    world = load("2015").world
    session = Session.start(world, {p: Seat(p, human=False) for p in world.order}, 1)
    while session.world.status == "playing" and len(session.history) < 1:
        session.ai_step()
    return session


def map_scene_class():
    """game.ui.map_scene.MapScene, or None while it is not built."""
    try:
        from game.ui.map_scene import MapScene
    except ImportError:
        return None
    return MapScene


def make_scene(cls, session):
    """A scene on a manager, entered as the game would show it."""
    from game.ui.scene import SceneManager
    scene = cls(session)
    SceneManager().push(scene)
    return scene


def startup_ms(command: list[str], runs: int = STARTUP_RUNS) -> float:
    """Median wall time of a fresh process running `command`, in ms."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 1)


def main() -> int:
    """Run every measurement and print the JSON summary last."""
    pygame.init()
    session = finished_session()
    MapScene = map_scene_class()
    out: dict = {"frames": FRAMES, "video_driver": os.environ.get("SDL_VIDEODRIVER", "")}
    for tag, size in SIZES.items():
        screen = pygame.display.set_mode(size)
        bare = summary(bare_blit(screen))
        out[f"bare_blit_ms_{tag}"] = bare["median"]
        out[f"bare_blit_p99_ms_{tag}"] = bare["p99"]
        if MapScene is not None:
            m = summary(scene_frames(screen, make_scene(MapScene, session)))
            out[f"map_median_ms_{tag}"], out[f"map_p99_ms_{tag}"] = m["median"], m["p99"]
            out[f"ratio_median_{tag}"] = round(m["median"] / bare["median"], 2) if bare["median"] else None
        else:
            from game.ui.debrief import DebriefScene
            d = summary(scene_frames(screen, make_scene(DebriefScene, session)))
            out[f"debrief_median_ms_{tag}"], out[f"debrief_p99_ms_{tag}"] = d["median"], d["p99"]
            out[f"map_median_ms_{tag}"] = out[f"map_p99_ms_{tag}"] = out[f"ratio_median_{tag}"] = None
        print(f"{tag}: " + ", ".join(f"{k}={v}" for k, v in out.items() if k.endswith(tag)))
    pygame.display.quit()
    if MapScene is None:
        out["note"] = ("game.ui.map_scene.MapScene is not built yet: map_* are null; "
                       "debrief_* measure the debrief scene in its place")
    py = sys.executable
    out["startup_ms"] = startup_ms([py, "run_game.py", "--startup-probe"])
    out["pygame_init_ms"] = startup_ms([py, "-c", "import pygame; pygame.init()"])
    out["startup_ratio"] = round(out["startup_ms"] / out["pygame_init_ms"], 2)
    out["goals"] = {"map_p99_ms_720p": "< 4", "ratio_median_720p": "<= 8", "startup_ratio": "< 2"}
    print(f"startup: {out['startup_ms']} ms to the main menu, bare pygame {out['pygame_init_ms']} ms "
          f"(ratio {out['startup_ratio']})")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
