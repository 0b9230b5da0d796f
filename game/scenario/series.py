"""Yearly base series (`scenarios/series/yearly.toml`): real prices and GDP year by year, and the
figures a scenario that starts later than its base takes from them.

Each `[series.<id>]` names the scenario figure it `applies` to (`world.prices.oil`,
`economies.kazakhstan.gdp`, ...; none: reference only), the `unit` it is published in, the
`factor` that turns it into the game's unit, its `source` (with the series code) and its
`values` by year, real values only. `transform = "level"` (the default) sets the figure to
value x factor; `"shift"` (for an index such as a stability proxy) moves the base's own figure
by factor x (value in the start year - value in the base's start year).

A later start takes, for each figure it carries from its base unchanged, the series value of
the latest year after the base's start and not after its own start: the start year itself, or
the series' last real year when the start lies beyond it (the game keeps the last real value;
it projects nothing).
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from attrs import frozen

from game.errors import ScenarioError, ScenarioErrors
from game.paths import scenario_dir
from game.text import msg

SERIES_FILE = scenario_dir() / "series" / "yearly.toml"
FIELDS = ("applies", "unit", "factor", "source", "values", "transform", "anchor")
REQUIRED_FIELDS = ("unit", "factor", "source", "values")
TRANSFORMS = ("level", "shift")
FIRST_YEAR, LAST_YEAR = 1900, 2100  # years a series may give
APPLIES = ("world.prices.*", "economies.*.gdp", "economies.*.stability")  # the yearly figures a series may set


@frozen
class Series:
    """One yearly series: the figure it applies to, its unit and conversion, its source and values."""

    id: str
    applies: str  # dotted scenario key, "" for reference only
    unit: str
    factor: float  # published unit -> the game's unit
    source: str
    values: tuple[tuple[int, float], ...]  # (year, value) ascending
    transform: str = "level"
    anchor: int | None = None  # a shift series: the year a base starting before its first year counts from

    def at(self, year: int) -> float | None:
        """The published value of `year`, or None."""
        return dict(self.values).get(year)

    def since(self, then: int) -> int | None:
        """The year a shift counts from for a base starting in `then`: that year, or the anchor when the base
        starts before the series' first year; None when the series has no value to count from."""
        if self.at(then) is not None:
            return then
        if self.anchor is not None and self.values and then < self.values[0][0]:
            return self.anchor
        return None

    def latest(self, after: int, upto: int) -> tuple[int, float] | None:
        """The (year, value) of the latest year in (after, upto], or None."""
        found = [(y, v) for y, v in self.values if after < y <= upto]
        return found[-1] if found else None


@frozen
class Taken:
    """A figure a later start takes from a series: key, the base's value, the new value and the series' year."""

    key: str
    old: float
    value: float
    year: int
    series: Series
    since: int | None = None  # a shift series: the year its change is counted from


def _figure_ok(applies: str) -> bool:
    """Whether `applies` names a yearly figure a series may set."""
    parts = applies.split(".")
    if len(parts) != 3 or not all(parts):
        return False
    generic = ".".join("*" if i == (2 if parts[0] == "world" else 1) else p for i, p in enumerate(parts))
    return generic in APPLIES


def _year(key: str) -> int | None:
    """A values key as a year, or None when it is not one from FIRST_YEAR to LAST_YEAR."""
    return int(key) if key.isdigit() and FIRST_YEAR <= int(key) <= LAST_YEAR else None


def _number(v: Any) -> bool:
    """A TOML number that is not a boolean."""
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _check(sid: str, table: Any, where: str, line, seen: dict[str, str]) -> tuple[Series | None, list[ScenarioError]]:
    """One `[series.<id>]` table as a Series, or the problems that stop it (each at its file, line and key)."""
    key = f"series.{sid}"
    if not isinstance(table, dict):
        return None, [ScenarioError(where, line(key), key, msg("series.err.not_table"))]
    errs = [ScenarioError(where, line(f"{key}.{k}"), f"{key}.{k}", msg("series.err.field", name=k, allowed=FIELDS))
            for k in table if k not in FIELDS]
    errs += [ScenarioError(where, line(key), key, msg("series.err.missing", field=f)) for f in REQUIRED_FIELDS if f not in table]
    for f in ("unit", "source", "applies"):
        if f in table and (not isinstance(table[f], str) or not table[f].strip()):
            errs.append(ScenarioError(where, line(f"{key}.{f}"), f"{key}.{f}", msg("series.err.text", field=f)))
    applies = table.get("applies", "")
    if isinstance(applies, str) and applies and not _figure_ok(applies):
        errs.append(ScenarioError(where, line(f"{key}.applies"), f"{key}.applies", msg("series.err.applies", value=applies)))
    elif isinstance(applies, str) and applies in seen:
        errs.append(ScenarioError(where, line(f"{key}.applies"), f"{key}.applies",
                                  msg("series.err.twice", value=applies, other=seen[applies])))
    factor = table.get("factor", 1)
    if not _number(factor) or factor <= 0:
        errs.append(ScenarioError(where, line(f"{key}.factor"), f"{key}.factor", msg("series.err.factor")))
    if table.get("transform", "level") not in TRANSFORMS:
        errs.append(ScenarioError(where, line(f"{key}.transform"), f"{key}.transform", msg("series.err.transform")))
    values = table.get("values", {})
    anchor = table.get("anchor")
    if anchor is not None and (table.get("transform") != "shift" or not isinstance(values, dict)
                               or not isinstance(anchor, int) or isinstance(anchor, bool) or str(anchor) not in values):
        errs.append(ScenarioError(where, line(f"{key}.anchor"), f"{key}.anchor", msg("series.err.anchor", value=anchor)))
    if not isinstance(values, dict):
        errs.append(ScenarioError(where, line(f"{key}.values"), f"{key}.values", msg("series.err.values")))
        values = {}
    for y, v in values.items():
        at = f"{key}.values.{y}"
        if _year(y) is None:
            errs.append(ScenarioError(where, line(at), at, msg("series.err.year", year=y, first=FIRST_YEAR, last=LAST_YEAR)))
        elif not _number(v) or v < 0:
            errs.append(ScenarioError(where, line(at), at, msg("series.err.value", year=y)))
    if errs:
        return None, errs
    if applies:
        seen[applies] = sid
    return Series(sid, applies, table["unit"], float(factor), table["source"],
                  tuple(sorted((int(y), float(v)) for y, v in values.items())), table.get("transform", "level"),
                  anchor), []


def load_series(path: Path | str = SERIES_FILE) -> tuple[Series, ...]:
    """The series of a series file; ScenarioErrors names every problem by file, line and key."""
    from game.scenario.schema import FORMAT_VERSION
    from game.scenario.source import read
    src = read(Path(path))
    errs: list[ScenarioError] = []
    if src.raw.get("format_version") != FORMAT_VERSION:
        said = src.raw.get("format_version")
        errs.append(ScenarioError(src.path, src.locator.line("format_version"), "format_version",
                                  msg("scenario.err.version_wrong", version=FORMAT_VERSION, said=repr(said))
                                  if "format_version" in src.raw else msg("scenario.err.version_missing", version=FORMAT_VERSION)))
    errs += [ScenarioError(src.path, src.locator.line(k), k, msg("series.err.top", name=k))
             for k in src.raw if k not in ("format_version", "series")]
    tables = src.raw.get("series", {})
    if not isinstance(tables, dict):
        raise ScenarioErrors(errs + [ScenarioError(src.path, src.locator.line("series"), "series", msg("series.err.not_table"))])
    out, seen = [], {}
    for sid, table in tables.items():
        series, problems = _check(sid, table, src.path, src.locator.line, seen)
        errs += problems
        if series is not None:
            out.append(series)
    if errs:
        raise ScenarioErrors(errs)
    return tuple(out)


def is_series_file(name: str) -> bool:
    """Whether `name` is a series file (a .toml in a folder named `series`), which `validate` checks as one."""
    path = Path(os.path.abspath(name))  # never resolved: a symlink loop is the loader's to report
    return path.suffix == ".toml" and path.parent.name == SERIES_FILE.parent.name


@functools.cache
def shipped() -> tuple[Series, ...]:
    """The shipped yearly series (read once)."""
    return load_series(SERIES_FILE)


def leaf(raw: dict, key: str) -> Any:
    """The value at a dotted key of nested tables, or None."""
    table: Any = raw
    for part in key.split("."):
        if not isinstance(table, dict) or part not in table:
            return None
        table = table[part]
    return table


def taken(raw: dict, years: dict[str, int], start: int, series: tuple[Series, ...]) -> list[Taken]:
    """The figures a scenario starting in `start` takes from `series` instead of keeping the value of the year
    each carries (`years`: figure -> the start year of the file that set it)."""
    out = []
    for s in series:
        then = years.get(s.applies)
        old = leaf(raw, s.applies) if then is not None else None
        pick = s.latest(then, start) if _number(old) else None
        if pick is None:
            continue
        year, v = pick
        since = s.since(then) if s.transform == "shift" else None
        if s.transform == "shift" and since is None:
            continue
        value = old + s.factor * (v - s.at(since)) if since is not None else v * s.factor
        out.append(Taken(s.applies, float(old), round(value, 4), year, s, since))
    return out


def applied(raw: dict, figures: list[Taken]) -> dict:
    """A copy of `raw` with each taken figure set to its series value."""
    if not figures:
        return raw
    out = dict(raw)
    for t in figures:
        *tables, last = t.key.split(".")
        node, copy = raw, out
        for part in tables:
            node = node[part]
            copy[part] = dict(node) if copy[part] is node else copy[part]
            copy = copy[part]
        copy[last] = t.value
    return out
