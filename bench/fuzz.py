"""Fuzz: thousands of mutated shipped scenarios and event effects, the larger run of tests/test_harden_fuzz.py.

Each mutated file must get an answer from `validate` in sentences within a second of CPU, never an
exception; what it accepts must load into a World whose invariants hold, and an event carrying fuzzed
effects must keep them after firing. Prints one JSON object on its last line; exit 1 on any finding.
`python bench/fuzz.py --examples 2000 --seed 1` (outside CI).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def run(examples: int, seed: int) -> dict:
    """Run `examples` scenario mutations and `examples` effect lists; count findings and the slowest validation."""
    from hypothesis import HealthCheck, given, seed as hseed, settings
    from hypothesis import strategies as st

    from tests import fuzzing
    findings: list[str] = []
    counts = {"scenarios": 0, "effects": 0}
    slowest = [0.0]
    folder = Path(tempfile.mkdtemp(prefix="heartland-fuzz-"))
    run_settings = settings(max_examples=examples, deadline=None, database=None,
                            suppress_health_check=list(HealthCheck))

    @hseed(seed)
    @run_settings
    @given(fuzzing.mutated_scenario())
    def scenarios(case):
        name, text = case
        path = folder / Path(name).name
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        started = time.process_time()
        found = fuzzing.check_validation(path)
        slowest[0] = max(slowest[0], time.process_time() - started)
        counts["scenarios"] += 1
        findings.extend(f"{name}: {f}" for f in found)

    @hseed(seed)
    @run_settings
    @given(st.lists(fuzzing.effect_text(), min_size=1, max_size=3))
    def effects(listed):
        counts["effects"] += 1
        findings.extend(fuzzing.check_effects(folder / "effects.toml", listed))

    started = time.perf_counter()
    scenarios()
    effects()
    return {"scenarios": counts["scenarios"], "effect_lists": counts["effects"], "findings": len(findings),
            "first_findings": findings[:5], "slowest_validation_cpu_s": round(slowest[0], 3),
            "seconds": round(time.perf_counter() - started, 1)}


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz; exit 1 when anything was found."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ns = ap.parse_args(argv)
    out = run(max(1, ns.examples), ns.seed)
    print(json.dumps(out))
    return 1 if out["findings"] else 0


if __name__ == "__main__":
    sys.exit(main())
