"""Build assets/map/heartland_map.json from the Natural Earth 1:110m countries.

One-time conversion, kept so the asset can be rebuilt:
    pip install pyshp && python tools/build_map.py [path/to/naturalearth_lowres.shp]

Steps: clip every country to the lon/lat frame (Sutherland-Hodgman), densify
long edges so they follow the projection's curved parallels, project (Lambert
conformal conic from game/ui/geo.py), simplify with Douglas-Peucker per border
chain (borders shared by two countries are simplified identically, so no
slivers), round to 0.1 km and write deterministic JSON.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import shapefile  # pyshp, needed only by this script

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.ui import geo  # noqa: E402

SRC = Path("/work/shared/data/naturalearth_110m/naturalearth_lowres.shp")
OUT = ROOT / "assets" / "map" / "heartland_map.json"
FRAME = (26.0, 18.0, 148.0, 60.0)  # lon_min, lat_min, lon_max, lat_max
DENSIFY_DEG = 0.5
TOLERANCE_KM = 5.0
MIN_RING_KM2 = 200.0  # drop slivers left by the clip and specks of islands
KEY_DIGITS = 3  # vertices equal to 1 m are the same vertex

PLACES = {  # id: (name, lon, lat)
    "tengiz": ("Tengiz", 53.4, 46.1),
    "atyrau": ("Atyrau", 51.9, 47.1),
    "novorossiysk": ("Novorossiysk", 37.8, 44.7),
    "aktau": ("Aktau", 51.2, 43.65),
    "baku": ("Baku", 49.87, 40.4),
    "tbilisi": ("Tbilisi", 44.8, 41.7),
    "poti": ("Poti", 41.67, 42.15),
    "ceyhan": ("Ceyhan", 35.8, 36.9),
    "kars": ("Kars", 43.1, 40.6),
    "istanbul": ("Istanbul", 29.0, 41.0),
    "turkmenbashi": ("Turkmenbashi", 52.97, 40.0),
    "ashgabat": ("Ashgabat", 58.4, 37.95),
    "galkynysh": ("Galkynysh", 62.4, 37.3),
    "dauletabad": ("Dauletabad", 61.4, 36.4),
    "bukhara": ("Bukhara", 64.4, 39.8),
    "khiva": ("Khiva", 60.4, 41.4),
    "tashkent": ("Tashkent", 69.24, 41.3),
    "shymkent": ("Shymkent", 69.6, 42.3),
    "kyzylorda": ("Kyzylorda", 65.5, 44.85),
    "aktobe": ("Aktobe", 57.2, 50.3),
    "almaty": ("Almaty", 76.9, 43.2),
    "khorgos": ("Khorgos", 80.4, 44.2),
    "dostyk": ("Dostyk", 82.5, 45.25),
    "alashankou": ("Alashankou", 82.6, 45.2),
    "urumqi": ("Urumqi", 87.6, 43.8),
    "kashgar": ("Kashgar", 75.99, 39.47),
    "torugart": ("Torugart Pass", 75.3, 40.56),
    "jalal_abad": ("Jalal-Abad", 73.0, 40.93),
    "andijan": ("Andijan", 72.34, 40.78),
    "osh": ("Osh", 72.8, 40.5),
    "bishkek": ("Bishkek", 74.6, 42.87),
    "dushanbe": ("Dushanbe", 68.77, 38.56),
    "astana": ("Astana", 71.45, 51.17),
    "kenkiyak": ("Kenkiyak", 57.2, 48.6),
    "kumkol": ("Kumkol", 65.5, 46.4),
    "atasu": ("Atasu", 71.6, 48.7),
    "beyneu": ("Beyneu", 55.2, 45.3),
    "alexandrov_gay": ("Alexandrov Gay", 48.6, 50.15),
    "orenburg": ("Orenburg", 55.1, 51.8),
    "samara": ("Samara", 50.1, 53.2),
    "termez": ("Termez", 67.3, 37.2),
    "herat": ("Herat", 62.2, 34.35),
    "kandahar": ("Kandahar", 65.7, 31.6),
    "multan": ("Multan", 71.5, 30.2),
    "gwadar": ("Gwadar", 62.3, 25.1),
    "karachi": ("Karachi", 67.0, 24.86),
    "lanzhou": ("Lanzhou", 103.8, 36.06),
    "xian": ("Xi'an", 108.9, 34.3),
    "lianyungang": ("Lianyungang", 119.2, 34.6),
    "shanghai": ("Shanghai", 121.5, 31.2),
    "tokyo": ("Tokyo", 139.7, 35.7),
    "moscow_dir": ("to Moscow", 44.0, 56.0),
    "europe_dir": ("to Europe", 27.0, 44.0),
}


def read_countries(src=SRC):
    """Yield (key, name, lon/lat rings) for every shape; '-99' codes fall back to the name."""
    with shapefile.Reader(str(src)) as reader:
        for rec in reader.iterShapeRecords():
            iso, name = rec.record["iso_a3"], rec.record["name"]
            key = iso if iso != "-99" else name.upper().replace(" ", "_").replace(".", "")
            pts, parts = rec.shape.points, list(rec.shape.parts) + [len(rec.shape.points)]
            yield key, name, [pts[a:b - 1] for a, b in zip(parts, parts[1:])]  # drop closing point


def _cross(p, q, axis, value):
    """Point where segment pq meets the line coord[axis] == value (order-independent)."""
    p, q = sorted((p, q))
    t = (value - p[axis]) / (q[axis] - p[axis])
    other = p[1 - axis] + t * (q[1 - axis] - p[1 - axis])
    return (value, other) if axis == 0 else (other, value)


def clip_ring(ring, frame=FRAME):
    """Sutherland-Hodgman clip of a ring to the lon/lat frame rectangle."""
    lon0, lat0, lon1, lat1 = frame
    for axis, value, sign in ((0, lon0, 1), (0, lon1, -1), (1, lat0, 1), (1, lat1, -1)):
        out = []
        for prev, cur in zip(ring[-1:] + ring[:-1], ring):
            cur_in = sign * (cur[axis] - value) >= 0
            if cur_in != (sign * (prev[axis] - value) >= 0):
                out.append(_cross(prev, cur, axis, value))
            if cur_in:
                out.append(cur)
        ring = out
    return ring


def densify(ring, step=DENSIFY_DEG):
    """Insert points so no lon/lat edge is longer than `step` degrees."""
    out = []
    for p, q in zip(ring, ring[1:] + ring[:1]):
        k = max(1, math.ceil(max(abs(q[0] - p[0]), abs(q[1] - p[1])) / step))
        out += [(p[0] + (q[0] - p[0]) * i / k, p[1] + (q[1] - p[1]) * i / k) for i in range(k)]
    return out


def area(ring):
    """Signed shoelace area (positive for counter-clockwise)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1])) / 2


def _seg_dist(p, a, b):
    """Distance from p to segment ab."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2
    t = max(0.0, min(1.0, t))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def douglas_peucker(chain, tol):
    """Simplify an open chain, keeping both ends."""
    keep, stack = {0, len(chain) - 1}, [(0, len(chain) - 1)]
    while stack:
        a, b = stack.pop()
        if b - a < 2:
            continue
        d, i = max((_seg_dist(chain[i], chain[a], chain[b]), i) for i in range(a + 1, b))
        if d > tol:
            keep.add(i)
            stack += [(a, i), (i, b)]
    return [chain[i] for i in sorted(keep)]


def _key(p):
    """Hashable identity of a vertex."""
    return round(p[0], KEY_DIGITS), round(p[1], KEY_DIGITS)


def simplify_ring(ring, owners, tol=TOLERANCE_KM):
    """Douglas-Peucker between junctions (vertices where the set of owning countries changes)."""
    n = len(ring)
    own = [owners[_key(p)] for p in ring]
    fixed = [i for i in range(n) if own[i] != own[i - 1] or own[i] != own[(i + 1) % n]]
    if len(fixed) < 2:
        start = fixed[0] if fixed else 0
        far = max(range(n), key=lambda i: math.dist(ring[i], ring[start]))
        fixed = sorted({start, far})
    out = []
    for a, b in zip(fixed, fixed[1:] + [fixed[0] + n]):
        out += douglas_peucker([ring[i % n] for i in range(a, b + 1)], tol)[:-1]
    return out


def round_ring(ring):
    """Round to 0.1 km and drop repeated vertices."""
    out = []
    for x, y in ring:
        p = [round(x, 1), round(y, 1)]
        if not out or p != out[-1]:
            out.append(p)
    return out[:-1] if len(out) > 1 and out[0] == out[-1] else out


def label_point(rings, grid=16, rounds=6):
    """Pole of inaccessibility of the largest ring, by repeated grid refinement."""
    ring = max(rings, key=lambda r: abs(area(r)))
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    best, best_d = None, -1.0
    for _ in range(rounds):
        for i in range(grid + 1):
            for j in range(grid + 1):
                p = (cx + w * (i / grid - 0.5), cy + h * (j / grid - 0.5))
                if not geo.point_in_rings(*p, [ring]):
                    continue
                d = min(_seg_dist(p, a, b) for a, b in zip(ring, ring[1:] + ring[:1]))
                if d > best_d:
                    best, best_d = p, d
        (cx, cy), w, h = best, w * 4 / grid, h * 4 / grid
    return [round(best[0], 1), round(best[1], 1)]


def build(src=SRC):
    """Return the asset as a JSON-ready dict."""
    shapes = {}  # key -> (name, projected rings)
    for key, name, rings in read_countries(src):
        rings = [densify(r) for r in map(clip_ring, rings) if len(r) >= 3]
        rings = [[geo.project(*p) for p in r] for r in rings]
        rings = [r for r in rings if abs(area(r)) >= MIN_RING_KM2]
        if rings:
            shapes[key] = (name, rings)
    owners = {}
    for key, (_, rings) in shapes.items():
        for r in rings:
            for p in r:
                owners.setdefault(_key(p), set()).add(key)
    owners = {k: frozenset(v) for k, v in owners.items()}
    countries = {}
    for key, (name, rings) in sorted(shapes.items()):
        rings = [round_ring(simplify_ring(r, owners)) for r in rings]
        rings = [r for r in rings if len(r) >= 3 and abs(area(r)) >= MIN_RING_KM2]
        rings.sort(key=lambda r: -abs(area(r)))
        countries[key] = {"name": name, "rings": rings, "label": label_point(rings)}
    xs = [p[0] for c in countries.values() for r in c["rings"] for p in r]
    ys = [p[1] for c in countries.values() for r in c["rings"] for p in r]
    places = {
        pid: {"name": name, "lonlat": [lon, lat],
              "xy": [round(v, 1) for v in geo.project(lon, lat)]}
        for pid, (name, lon, lat) in PLACES.items()
    }
    return {
        "format_version": geo.FORMAT_VERSION,
        "source": "Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com), "
                  "as bundled in geopandas 0.14.4 (naturalearth_lowres)",
        "projection": {"type": "lambert_conformal_conic", "lat_1": geo.LAT_1, "lat_2": geo.LAT_2,
                       "lat_0": geo.LAT_0, "lon_0": geo.LON_0, "radius_km": geo.RADIUS_KM,
                       "units": "km", "y_axis": "north"},
        "frame_lonlat": list(FRAME),
        "simplification": {"method": "douglas_peucker", "tolerance_km": TOLERANCE_KM,
                           "rounding_km": 0.1},
        "bounds": [min(xs), min(ys), max(xs), max(ys)],
        "countries": countries,
        "places": places,
    }


def main():
    """Build and write the asset (optional argument: another path to the .shp)."""
    data = build(sys.argv[1] if len(sys.argv) > 1 else SRC)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    n = sum(len(r) for c in data["countries"].values() for r in c["rings"])
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data['countries'])} countries, {n} vertices, "
          f"{OUT.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
