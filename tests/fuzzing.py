"""Fuzzing helpers shared by the seeded tests (tests/test_harden_fuzz.py) and the larger run
(bench/fuzz.py): mutations of the shipped scenario files, event effects as text, and the checks
every answer must pass (validate answers with sentences in under a second, never raises; what it
accepts loads into a World whose invariants hold)."""
from __future__ import annotations

import json
import re
import time
import tomllib
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

from game.errors import ScenarioError
from game.rules import invariants

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("scenarios/1992.toml", "scenarios/2015.toml", "scenarios/2025.toml",
           "scenarios/examples/japan_first.toml", "scenarios/examples/caspian_crisis.toml")
KEY_LINE = re.compile(r"^(\s*)([^=#\[\s][^=]*?)(\s*=\s*)(.+)$")
TIME_LIMIT = 1.0  # CPU seconds for one validation

WRONG_TYPES = ['"text"', "1", "-1", "0.5", "true", "[]", '["a", 1]', "{}", "{ a = 1 }", "1979-05-27",
               "07:32:00", "[[1], [2]]", '""', '"../../etc/passwd"', '"a b"', "'x'"]
KEY_NAMES = ["id", "kind", "treasury", "capacity", "path", "effects", "when", "year", "start_year", "owners",
             "x", "a.b.c", '"a b"', "format_version", "extends", "remove", "ÿ", "capacity2", "Effects"]


@lru_cache(maxsize=None)
def shipped_text(name: str) -> str:
    """A shipped scenario file's text."""
    return (ROOT / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def simple_keys(name: str) -> tuple[int, ...]:
    """Lines of a shipped file that are one whole `key = value` (so a value can be swapped in place)."""
    out = []
    for i, line in enumerate(shipped_text(name).splitlines()):
        if KEY_LINE.match(line):
            try:
                tomllib.loads(line)
            except tomllib.TOMLDecodeError:
                continue
            out.append(i)
    return tuple(out)


def huge_numbers() -> st.SearchStrategy[str]:
    """Numbers far outside any range: thousands of digits, the float limits, inf and nan."""
    digits = st.integers(1, 5000)
    return st.one_of(digits.map(lambda n: "9" * n), digits.map(lambda n: "-" + "9" * n),
                     digits.map(lambda n: "0x" + "f" * n),
                     st.sampled_from(["1e308", "-1e308", "1.7976931348623157e308", "inf", "-inf", "nan",
                                      "5e-324", "0", "-0.0", "1_000_000_000_000", "9223372036854775808"]))


def deep_values() -> st.SearchStrategy[str]:
    """Values nested deep: arrays, inline tables, and long strings."""
    depth = st.integers(1, 3000)
    return st.one_of(depth.map(lambda n: "[" * n + "]" * n), depth.map(lambda n: "{a=" * n + "1" + "}" * n),
                     depth.map(lambda n: '"' + "x" * (n * 20) + '"'),
                     depth.map(lambda n: "[" + ", ".join(["1"] * n) + "]"))


def new_values() -> st.SearchStrategy[str]:
    """Any replacement for a value: another type, a huge number, a deep nest."""
    return st.one_of(st.sampled_from(WRONG_TYPES), huge_numbers(), deep_values())


@st.composite
def mutated_scenario(draw) -> tuple[str, str]:
    """(shipped file name, its text after 1-4 mutations of keys, values, headers or lines)."""
    name = draw(st.sampled_from(SHIPPED))
    lines = shipped_text(name).splitlines()
    keyed = list(simple_keys(name))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["drop", "duplicate", "rename", "value", "value", "value", "header", "swap",
                                   "deep_key", "line"]))
        i = draw(st.sampled_from(keyed)) if keyed else 0
        if i >= len(lines):
            continue
        m = KEY_LINE.match(lines[i])
        if op == "drop":
            del lines[i]
            keyed = [k if k < i else k - 1 for k in keyed if k != i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
            keyed = [k if k < i else k + 1 for k in keyed]
        elif op == "rename" and m:
            lines[i] = m.group(1) + draw(st.sampled_from(KEY_NAMES)) + m.group(3) + m.group(4)
        elif op == "value" and m:
            lines[i] = m.group(1) + m.group(2) + m.group(3) + draw(new_values())
        elif op == "header":
            headers = [n for n, text in enumerate(lines) if text.lstrip().startswith("[")]
            if headers:
                h = draw(st.sampled_from(headers))
                lines[h] = draw(st.sampled_from([lines[h] + "\n" + lines[h], "", "[" + lines[h] + "]",
                                                 lines[h].replace("]", ".x]", 1), "[powers]", "[[events]]"]))
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "deep_key":
            lines.insert(i, ".".join(f"k{n}" for n in range(draw(st.integers(2, 6000)))) + " = 1")
        elif op == "line":
            lines[i] = draw(st.text(max_size=40))
    return name, "\n".join(lines) + "\n"


def check_validation(path: Path) -> list[str]:
    """Validate a file as an author would: the problems found with the answer (empty when sound).

    validate must return (never raise) within TIME_LIMIT CPU seconds, every problem one line naming a
    .toml file; a file it accepts must load, warn without raising, and give a World whose invariants hold."""
    from game.scenario.loader import load, validate, warnings
    started = time.process_time()
    try:
        errors = validate(str(path))
    except Exception as e:  # the finding this fuzzing looks for
        return [f"validate raised {type(e).__name__}: {str(e)[:200]}"]
    spent = time.process_time() - started
    found = [f"validation took {spent:.2f} s of CPU"] if spent > TIME_LIMIT else []
    for e in errors:
        text = e.describe() if isinstance(e, ScenarioError) else repr(e)
        if not isinstance(e, ScenarioError) or not e.message or "\n" in text or not e.path.endswith(".toml"):
            found.append(f"not one sentence naming a file: {text[:200]!r}")
    if errors:
        return found
    try:
        world = load(str(path)).world
        warnings(str(path))
    except Exception as e:
        return found + [f"accepted but load or warnings raised {type(e).__name__}: {str(e)[:200]}"]
    return found + [f"accepted but its World breaks: {p}" for p in invariants.problems(world)[:3]]


# --- event effects as an author writes them ----------------------------------------------------

EVENT_LINE = 'effects = ["scale prices.oil 0.6"'  # the first effect list in 2015.toml (the covid event)
EVENT_ID = "covid"
VERBS = ("set", "add", "scale", "open", "close", "damage", "found", "join", "leave", "influence", "trust",
         "policy", "", "SET", "remove")
WORDS = ("cpc", "tapi", "sco", "eaeu", "japan", "china", "kazakhstan", "all", "c5", "oil", "gas", "-",
         "export_controls", "transit_pressure", "nowhere", "")
NUMBERS = ("0", "1", "-1", "0.5", "2", "1e9", "-1e9", "nan", "inf", "-inf", "1e308", "9" * 400, "0.0001", "x")


@lru_cache(maxsize=1)
def event_paths() -> tuple[str, ...]:
    """Concrete dotted paths of every event field in the 2015 World, and some that are not fields."""
    from game.scenario.loader import load
    world = load("2015").world
    paths = [p for f in invariants.FIELDS for p, _ in invariants.expand(world, f.path)]
    return tuple(sorted(set(paths))) + ("year", "powers.japan.name", "corridors.cpc.status", "nowhere.x",
                                        "powers", "rules.hedging.penalty", "prices", "scores.japan")


@st.composite
def effect_text(draw) -> str:
    """One effect as text: a verb with arguments from the vocabulary, other words, and odd numbers."""
    verb = draw(st.sampled_from(VERBS))
    arg = st.one_of(st.sampled_from(event_paths()), st.sampled_from(WORDS), st.sampled_from(NUMBERS),
                    st.text(alphabet="abcxyz._|*-019", max_size=12))
    args = draw(st.lists(arg, min_size=0, max_size=5))
    return " ".join([verb, *args]).strip()


def with_effects(effects: list[str]) -> str:
    """The 2015 text with `effects` written first in the covid event's list."""
    listed = "".join(json.dumps(e) + ", " for e in effects)
    return shipped_text("scenarios/2015.toml").replace(EVENT_LINE, "effects = [" + listed + EVENT_LINE[12:], 1)


def check_effects(path: Path, effects: list[str]) -> list[str]:
    """Validate a scenario whose event carries `effects`; when accepted, fire it three times on its World:
    the invariants must hold after each firing."""
    from game.rules import events
    from game.scenario.loader import load
    path.write_text(with_effects(effects), encoding="utf-8")
    from game.scenario.loader import validate
    found = check_validation(path)
    if found or validate(str(path)):
        return found  # a finding, or refused in sentences (the answer wanted)
    world = load(str(path)).world
    event = next(e for e in world.events if e.id == EVENT_ID)
    for n in range(3):
        try:
            world = events.fire(world, event)
        except Exception as e:
            return [f"firing {effects} raised {type(e).__name__}: {str(e)[:200]}"]
        broken = invariants.problems(world)
        if broken:
            return [f"after firing {effects} {n + 1} time(s): {broken[0]}"]
    return []


# --- the shipped rules from any sound World ------------------------------------------------------

@st.composite
def sound_world_edits(draw) -> tuple[str, list[tuple[str, float]]]:
    """(scenario id, edits): event fields set to values at the edges or inside their ranges."""
    from game.scenario.loader import load
    sid = draw(st.sampled_from(("1992", "2015", "2025")))
    world = load(sid).world
    fields = [f for f in invariants.FIELDS if f.event and f.path != "end_year"]
    edits = []
    for _ in range(draw(st.integers(1, 8))):
        f = draw(st.sampled_from(fields))
        paths = [p for p, _ in invariants.expand(world, f.path)]
        if paths:
            high = reachable_high(f)
            value = draw(st.one_of(st.sampled_from([f.low, high]), st.floats(f.low, high)))
            edits.append((draw(st.sampled_from(paths)), value))
    return sid, edits


def reachable_high(f) -> float:
    """The top of a field's range a fuzzed World starts from: a sanity cap (10,000 and above: money, goods,
    capacity) only to a thousandth, as the rules grow such values year by year; other ranges in full."""
    return f.high if f.high < 10_000 else f.high / 1000


def check_rules_from(sid: str, edits: list[tuple[str, float]], seed: int = 1, years: int = 2) -> list[str]:
    """Set `edits` on a scenario's opening World and play `years` years with random agents: every
    invariant must hold after each event and at each year's end, and nothing may raise."""
    from ai.baseline import RandomAgent
    from game.rules import events
    from game.scenario.loader import load
    from game.session import Seat, Session
    world = load(sid).world
    for path, value in edits:
        world = events.effect(world, ("set", path, repr(value)))
    broken = [f"the edited World: {p}" for p in invariants.problems(world)]
    if broken:
        return broken
    session = Session.start(world, {p: Seat(p, False) for p in world.order}, seed,
                            make_agent=lambda w, seat: RandomAgent(0.3))
    session.on_year_end.append(lambda s: broken.extend(f"end of {s.world.year}: {p}" for p in invariants.problems(s.world)))
    real_fire = events.fire

    def checked_fire(w, ev):
        after = real_fire(w, ev)
        broken.extend(f"after {ev.id}: {p}" for p in invariants.problems(after))
        return after
    events.fire = checked_fire
    try:
        stop, steps = world.year + years, 0
        while session.world.status == "playing" and session.world.year < stop and steps < 500:
            session.run_ai(limit=20)
            steps += 1
    except Exception as e:
        return [f"{edits}: {type(e).__name__}: {str(e)[:200]}"]
    finally:
        events.fire = real_fire
    return [f"{edits}: {b}" for b in broken[:3]]
