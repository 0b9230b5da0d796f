"""Helpers for the scenario tests: a copy of 2015.toml with one change, and file writing."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE_TEXT = (ROOT / "scenarios" / "2015.toml").read_text(encoding="utf-8")


def changed(old: str, new: str, text: str = BASE_TEXT) -> str:
    """The 2015 text with the first `old` replaced by `new` (which must be there)."""
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first occurrence of `needle`."""
    return text[:text.index(needle)].count("\n") + 1


def last_json_under_hash_seeds(script: str, hash_seeds: tuple[str, ...]) -> list:
    """The JSON on the last line `python -c script` prints in a fresh process, once per PYTHONHASHSEED."""
    import json
    import os
    import subprocess
    import sys
    outs = []
    for hashseed in hash_seeds:
        env = {**os.environ, "PYTHONHASHSEED": hashseed, "PYTHONPATH": str(ROOT)}
        out = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
        outs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return outs
