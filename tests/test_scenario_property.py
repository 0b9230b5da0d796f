"""Property tests: whatever is changed in a valid scenario, the validator answers with its
own error type (or accepts the file), never with another exception."""
from __future__ import annotations

import tomllib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.errors import ScenarioErrors
from game.scenario.loader import build, validate
from game.scenario.source import Locator, Merged, Source, read_text
from tests.scenario_helpers import BASE_TEXT, ROOT

RAW = tomllib.loads(BASE_TEXT)
SRC = Source("2015.toml", Locator(BASE_TEXT), RAW)
SAMPLE = {"2025": (ROOT / "scenarios" / "2025.toml").read_text(encoding="utf-8")}


def _paths(value, prefix=()):
    """Every key path in nested tables (and list positions)."""
    out = []
    if isinstance(value, dict):
        for k, v in value.items():
            out.append(prefix + (k,))
            out += _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.append(prefix + (i,))
            out += _paths(v, prefix + (i,))
    return out


PATHS = _paths(RAW)
WORDS = st.sampled_from(["japan", "china", "kazakhstan", "cpc", "oil", "operating", "", "x", "sco", "*",
                         "set prices.oil 2", "close cpc 1", "fired has covid", "influence * japan 0.1",
                         "corridors.cpc.status == planned", "prices.oil > 0.1", "join sco japan", "policy a b c d",
                         "add corridors.cpc 1", "damage cpc 2", "trust nowhere japan x", "powers.japan.agenda"])
LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), WORDS,
                   st.text(max_size=20))
VALUES = st.recursive(LEAVES, lambda kids: st.one_of(st.lists(kids, max_size=3),
                                                     st.dictionaries(WORDS | st.text(max_size=5), kids, max_size=3)),
                      max_leaves=6)


def _copy(v):
    if isinstance(v, dict):
        return {k: _copy(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_copy(x) for x in v]
    return v


def _mutate(raw, path, value, delete):
    raw = _copy(raw)
    target = raw
    for part in path[:-1]:
        target = target[part]
    if delete:
        del target[path[-1]]
    elif value is not None:
        target[path[-1]] = value
    return raw


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), VALUES, st.booleans()), min_size=1, max_size=4))
def test_mutated_data_gives_only_scenario_errors(changes):
    """Replacing or deleting values anywhere gives ScenarioErrors with file and key, or a World."""
    raw = RAW
    for path, value, delete in changes:
        try:
            raw = _mutate(raw, path, value, delete)
        except (KeyError, IndexError, TypeError):
            continue
    merged = Merged(raw, {}, (SRC,), SRC)
    try:
        build(merged)
    except ScenarioErrors as e:
        assert e.errors and all(err.path == "2015.toml" and err.message for err in e.errors)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_text_gives_only_scenario_errors(tmp_path_factory, data):
    """Cutting, doubling or overwriting lines of a real file gives ScenarioErrors, never another exception."""
    text = data.draw(st.sampled_from([BASE_TEXT, SAMPLE["2025"]]))
    lines = text.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["drop", "dup", "replace", "cut"]))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "cut":
            lines[i] = lines[i][: data.draw(st.integers(0, max(0, len(lines[i]))))]
        else:
            lines[i] = data.draw(st.text(max_size=30) | st.sampled_from(
                ["[x]", "a = 1", "extends = \"2015\"", "remove = [\"events.covid\"]", "[[corridors]]", "year = 1e999",
                 "capacity = nan", "]", "\"\"\"", "[powers.japan.agenda]", "x.y.z = {a = 1}"]))
    path = tmp_path_factory.mktemp("m") / "m.toml"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))  # lone surrogates: not UTF-8
    errors = validate(str(path))
    assert all(e.message and e.path == str(path) or e.path.endswith(".toml") for e in errors)


def test_read_text_refuses_non_files(tmp_path):
    """A folder given as a scenario is refused in one sentence."""
    try:
        read_text(tmp_path)
    except ScenarioErrors as e:
        assert "not a file" in e.errors[0].text
    else:
        raise AssertionError("a folder was read")
