"""Map geometry: the Lambert conformal conic projection and the map asset loader.

Pure Python (no pygame), nothing is computed or read at import time. Map
coordinates are kilometres, x east and y north, origin at (LON_0, LAT_0).
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import attrs

from game.paths import asset

LAT_1, LAT_2 = 30.0, 55.0  # standard parallels, degrees north
LAT_0, LON_0 = 40.0, 85.0  # latitude of origin, central meridian
RADIUS_KM = 6371.0  # spherical Earth
FORMAT_VERSION = 1
DEFAULT_PATH = asset("map", "heartland_map.json")

Point = tuple[float, float]
Ring = tuple[Point, ...]


@attrs.frozen
class Country:
    """One country: ISO A3 code, name, rings (even-odd rule) and label anchor."""

    iso: str
    name: str
    rings: tuple[Ring, ...]
    label: Point


@attrs.frozen
class Place:
    """A waypoint corridors refer to by id."""

    id: str
    name: str
    xy: Point
    lonlat: Point


@attrs.frozen
class MapData:
    """The whole map asset."""

    countries: dict[str, Country]
    places: dict[str, Place]
    bounds: tuple[float, float, float, float]


def _t(lat: float) -> float:
    """tan(pi/4 + phi/2) for a latitude in degrees."""
    return math.tan(math.pi / 4 + math.radians(lat) / 2)


@functools.cache
def _lcc_constants() -> tuple[float, float, float]:
    """Cone constant n, radius factor F and rho at the origin latitude."""
    c1, c2 = math.cos(math.radians(LAT_1)), math.cos(math.radians(LAT_2))
    n = math.log(c1 / c2) / math.log(_t(LAT_2) / _t(LAT_1))
    f = RADIUS_KM * c1 * _t(LAT_1) ** n / n
    return n, f, f / _t(LAT_0) ** n


def project(lon: float, lat: float) -> Point:
    """Project degrees (lon, lat) to map kilometres (x east, y north)."""
    n, f, rho0 = _lcc_constants()
    rho = f / _t(lat) ** n
    theta = n * math.radians(lon - LON_0)
    return rho * math.sin(theta), rho0 - rho * math.cos(theta)


def point_in_rings(x: float, y: float, rings) -> bool:
    """Even-odd test of (x, y) against all rings (holes and islands alike)."""
    inside = False
    for ring in rings:
        x0, y0 = ring[-1]
        for x1, y1 in ring:
            if (y1 > y) != (y0 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
            x0, y0 = x1, y1
    return inside


def _point(p) -> Point:
    """A JSON [x, y] pair as a float tuple."""
    return float(p[0]), float(p[1])


def load_map(path: str | Path | None = None) -> MapData:
    """Read the map asset (default: assets/map/heartland_map.json)."""
    with open(path or DEFAULT_PATH, encoding="utf-8") as fh:
        raw = json.load(fh)
    if raw.get("format_version") != FORMAT_VERSION:
        raise ValueError(f"unsupported map format: {raw.get('format_version')!r}")
    countries = {
        iso: Country(iso, c["name"], tuple(tuple(map(_point, r)) for r in c["rings"]),
                     _point(c["label"]))
        for iso, c in raw["countries"].items()
    }
    places = {
        pid: Place(pid, p["name"], _point(p["xy"]), _point(p["lonlat"]))
        for pid, p in raw["places"].items()
    }
    return MapData(countries, places, tuple(map(float, raw["bounds"])))
