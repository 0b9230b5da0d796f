"""The map: real borders, C5 states tinted by their dominant power, corridors by mode and status.

A fit transform maps map kilometres to the screen rectangle. The static layer
(sea, land, borders, neighbour names) is drawn once per size and cached; the
whole composed map is cached too and redrawn only when the World, the hover or
the selection changes. Line style, not colour alone, tells modes and statuses
apart, so the map reads without colour vision.
"""
from __future__ import annotations

import math

import pygame

from game.text import Ref as Named
from game.ui import theme, words
from game.ui.geo import MapData, load_map, point_in_rings
from game.ui.i18n import render, tr

PAD = (0.45, 0.35, 0.45, 0.2)  # room left, below, right, above the C5 states, as shares of their size
CORRIDOR = (238, 238, 238)
CASING = (16, 18, 22)
DISRUPTED = theme.VERMILLION
MODES = ("oil_pipeline", "gas_pipeline", "rail", "ferry_rail", "road")
STATUSES = ("operating", "building", "planned", "disrupted")
LIT_KEPT = 4  # lit parts of the map kept per composed map (the mouse moves among a few objects)


def shares_of(world, c: str) -> dict[str, float]:
    """Influence shares in c (holder -> 0..1), in the World's order."""
    from game.rules.influence import shares
    return shares(world, c)


def dominant_of(world, c: str) -> str:
    """The holder with the largest influence in c."""
    from game.rules.influence import dominant
    return dominant(world, c)


class MapView:
    """Projection, cached layers, drawing and picking for the region map."""

    def __init__(self, data: MapData | None = None) -> None:
        self._data = data
        self._static: dict[tuple, pygame.Surface] = {}
        self._base: tuple | None = None  # (key, the map with nothing hovered, the rects of what is drawn on top)
        self._on_top: list[pygame.Rect] = []  # names, labels and legend of the base being drawn
        self._lit: dict[tuple, tuple] = {}  # (base key, hover) -> (the lit part of the map, where it goes)
        self._points: dict[tuple, tuple] = {}  # (waypoints, origin, scale) -> the route's points on screen, their box
        self.rect = pygame.Rect(0, 0, 1, 1)
        self.k = 1.0
        self.origin = (0.0, 0.0)
        self._box: tuple | None = None
        self._iso: dict[str, str] = {}
        self.composes = 0  # how many times the composed picture was drawn (tests check the cache)

    @property
    def data(self) -> MapData:
        """The map asset, read on first use."""
        if self._data is None:
            self._data = load_map()
        return self._data

    # --- geometry --------------------------------------------------------------------
    def iso_of(self, world) -> dict[str, str]:
        """Power id -> map country code, matched by the country's name (data, not code)."""
        if not self._iso:
            by_name = {c.name.lower(): iso for iso, c in self.data.countries.items()}
            self._iso = {p: by_name[pw.name.lower()] for p, pw in world.powers.items() if pw.name.lower() in by_name}
        return self._iso

    def view_box(self, world) -> tuple[float, float, float, float]:
        """The km box to show: the C5 states with room around them for neighbours and routes."""
        if self._box is None:
            iso = self.iso_of(world)
            pts = [pt for c in world.c5() if c in iso for ring in self.data.countries[iso[c]].rings for pt in ring]
            if not pts:
                self._box = self.data.bounds
            else:
                xs, ys = [p[0] for p in pts], [p[1] for p in pts]
                w, h = max(xs) - min(xs), max(ys) - min(ys)
                self._box = (min(xs) - PAD[0] * w, min(ys) - PAD[1] * h, max(xs) + PAD[2] * w, max(ys) + PAD[3] * h)
        return self._box

    def fit(self, rect: pygame.Rect, world) -> None:
        """Set the km -> screen transform so the view box fits rect."""
        x0, y0, x1, y1 = self.view_box(world)
        self.rect = pygame.Rect(rect)
        self.k = min(rect.width / (x1 - x0), rect.height / (y1 - y0))
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        self.origin = (rect.centerx - cx * self.k, rect.centery + cy * self.k)

    def to_screen(self, p) -> tuple[float, float]:
        """Map km (x east, y north) to screen pixels."""
        return self.origin[0] + p[0] * self.k, self.origin[1] - p[1] * self.k

    def to_km(self, pos) -> tuple[float, float]:
        """Screen pixels to map km."""
        return (pos[0] - self.origin[0]) / self.k, (self.origin[1] - pos[1]) / self.k

    def ring_points(self, ring) -> list[tuple[float, float]]:
        """A ring in screen coordinates."""
        o0, o1, k = self.origin[0], self.origin[1], self.k
        return [(o0 + x * k, o1 - y * k) for x, y in ring]

    def corridor_points(self, k) -> list[tuple[float, float]]:
        """A corridor's waypoints on screen (worked out once per route and fit: picking asks on every mouse move)."""
        return self._route(k)[0]

    def _route(self, k) -> tuple[list, tuple]:
        """A corridor's points on screen and their box (x0, y0, x1, y1), kept per route and fit."""
        key = (k.waypoints, self.origin, self.k)
        got = self._points.get(key)
        if got is None:
            if len(self._points) > 256:
                self._points.clear()
            pts = [self.to_screen(self.data.places[w].xy) for w in k.waypoints if w in self.data.places]
            box = (min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts),
                   max(p[1] for p in pts)) if pts else (0, 0, -1, -1)
            got = self._points[key] = (pts, box)
        return got

    def forget(self) -> None:
        """Drop the composed pictures (after the screen below a dialog was covered)."""
        self._base = None
        self._lit.clear()

    # --- layers ------------------------------------------------------------------------
    def static_layer(self, world) -> pygame.Surface:
        """Sea, land and borders for the current size (cached); names go on top of the routes later."""
        key = (self.rect.size, self.k, theme.scale())
        if key not in self._static:
            self._static.clear()
            surf = pygame.Surface(self.rect.size)
            surf.fill(theme.SEA)
            shift = (-self.rect.left, -self.rect.top)
            for iso, c in self.data.countries.items():
                for ring in c.rings:
                    pts = [(x + shift[0], y + shift[1]) for x, y in self.ring_points(ring)]
                    if len(pts) >= 3:
                        pygame.draw.polygon(surf, theme.LAND, pts)
                        pygame.draw.lines(surf, theme.LAND_EDGE, True, pts, 1)
            self._static[key] = surf
        return self._static[key]

    def _draw_neighbour_names(self, surf, world, shift) -> None:
        """Names of the countries around the C5 (not the powers in play), with a halo so routes do not hide them."""
        ours = set(self.iso_of(world).values())
        for iso, c in self.data.countries.items():
            if iso in ours:
                continue
            x, y = self.to_screen(c.label)
            x, y = x + shift[0], y + shift[1]
            name = render(Named("country", iso, c.name))
            half = theme.width(name, 13) // 2 + 2
            if half < x < surf.get_width() - half and 12 < y < surf.get_height() - 12 and self._big(c):
                self._on_top.append(theme.halo_text(surf, name, (x, y), 13, (172, 176, 182), anchor="center").inflate(2, 2))

    def _big(self, c) -> bool:
        """Whether a country is large enough on screen to carry a name."""
        xs = [p[0] for p in c.rings[0]]
        return (max(xs) - min(xs)) * self.k > theme.px(60)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, world, hover=None, selected=None,
             legend: bool = False) -> None:
        """Draw the map into rect, the legend in its bottom-left corner when asked (the picture with nothing
        hovered is kept until the World, the selection, the size or the scale changes; the hover is drawn over it)."""
        if self.rect != rect or self._box is None:
            self.fit(rect, world)
        key = (rect.size, Ref(world), selected, theme.scale(), legend, tr("legend.influence"))
        if self._base is None or self._base[0] != key:
            surf = theme.copy_into(self.static_layer(world), self._base[1] if self._base else None)
            self._on_top = []
            self._draw_dynamic(surf, world, None, selected)
            if legend:
                self._on_top.append(self.draw_legend(surf, world, (theme.px(8), surf.get_height() - theme.px(8))))
            self._base = (key, surf, tuple(self._on_top))
            self._lit.clear()
            self.composes += 1
        surface.blit(self._base[1], rect.topleft)
        if hover:
            self.draw_hover(surface, rect, world, hover, selected)

    def draw_hover(self, surface, rect: pygame.Rect, world, hover: str, selected) -> None:
        """The hovered corridor or state lit over the map just blitted, from a kept picture of the part of the map
        it changes (a few are kept per composed map: moving between map objects blits one small picture)."""
        picture, box = theme.kept(self._lit, (self._base[0], hover), lambda: self._lit_part(world, hover, selected),
                                  LIT_KEPT)
        if picture is not None:
            surface.blit(picture, box.move(rect.topleft))

    def _lit_part(self, world, hover: str, selected) -> tuple:
        """The part of the kept map a hover changes, drawn lit: the hovered corridor or state (and the selected
        state's border above it), then the names, labels and legend on top put back from the kept picture."""
        _, base, on_top = self._base
        box = self._lit_box(world, hover, selected).clip(base.get_rect())
        if box.width <= 0 or box.height <= 0:
            return None, box
        part = base.subsurface(box).copy()
        shift = (-self.rect.left - box.left, -self.rect.top - box.top)
        if hover in world.corridors:
            k = world.corridors[hover]
            pts = [(x + shift[0], y + shift[1]) for x, y in self.corridor_points(k)]
            self._draw_corridor(part, world, k, pts, True)
        self._draw_outlines(part, world, ((hover, 2), (selected, 3)), shift)
        for r in on_top:
            if r.colliderect(box):
                part.blit(base, r.move(-box.left, -box.top), r)
        return part, box

    def _lit_box(self, world, hover: str, selected) -> pygame.Rect:
        """Where a hover draws, in the kept map's coordinates: the hovered route's or state's box and the
        selected state's, widened by the lines' width."""
        boxes = []
        if hover in world.corridors:
            k = world.corridors[hover]
            x0, y0, x1, y1 = self._route(k)[1]
            pad = self.width_of(world, k) + theme.px(10) + 2
            boxes.append(pygame.Rect(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad))
        iso = self.iso_of(world)
        for target in (hover, selected):
            if target in iso and target in world.economies:
                for ring in self.data.countries[iso[target]].rings:
                    pts = self.ring_points(ring)
                    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
                    pad = theme.px(3) + 6
                    boxes.append(pygame.Rect(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad,
                                             max(ys) - min(ys) + 2 * pad))
        if not boxes:
            return pygame.Rect(0, 0, 0, 0)
        return boxes[0].unionall(boxes[1:]).move(-self.rect.left, -self.rect.top)

    def _draw_outlines(self, surf, world, targets, shift) -> None:
        """The lit border of each (state, width) in `targets`, in order."""
        iso = self.iso_of(world)
        for target, width in targets:
            if target in iso and target in world.economies:
                for ring in self.data.countries[iso[target]].rings:
                    pts = [(x + shift[0], y + shift[1]) for x, y in self.ring_points(ring)]
                    if len(pts) >= 3:
                        pygame.draw.lines(surf, theme.SELECTION_EDGE, True, pts, theme.px(width) + 4)
                        pygame.draw.lines(surf, theme.SELECTION, True, pts, theme.px(width))

    def _draw_dynamic(self, surf: pygame.Surface, world, hover, selected) -> None:
        """C5 tints, share bars, great-power names, corridors and highlights."""
        shift = (-self.rect.left, -self.rect.top)
        iso = self.iso_of(world)

        def local(pts):
            return [(x + shift[0], y + shift[1]) for x, y in pts]

        for p in world.great_powers():
            if p in iso:
                c = self.data.countries[iso[p]]
                col = theme.hex_color(world.powers[p].color)
                for ring in c.rings:
                    pts = local(self.ring_points(ring))
                    if len(pts) >= 3:
                        pygame.draw.polygon(surf, theme.mix(theme.LAND, col, 0.16), pts)
                        pygame.draw.lines(surf, theme.LAND_EDGE, True, pts, 1)
        for cid in world.c5():
            if cid not in iso:
                continue
            c = self.data.countries[iso[cid]]
            dom = dominant_of(world, cid)
            col = theme.hex_color(world.powers[dom].color) if dom in world.powers else theme.OTHERS
            fill = theme.mix(theme.C5_BASE, col, 0.7)
            for ring in c.rings:
                pts = local(self.ring_points(ring))
                if len(pts) >= 3:
                    pygame.draw.polygon(surf, fill, pts)
                    pygame.draw.lines(surf, (235, 235, 235), True, pts, 1)
        for kid, k in world.corridors.items():
            self._draw_corridor(surf, world, k, local(self.corridor_points(k)), kid == hover or kid == selected)
        self._draw_outlines(surf, world, ((hover, 2), (selected, 3)), shift)
        self._draw_neighbour_names(surf, world, shift)
        for p in world.great_powers():
            if p in iso:
                self._draw_power_name(surf, world, p, self.data.countries[iso[p]], shift)
        placed: list[pygame.Rect] = []
        for cid in world.c5():
            if cid in iso:
                at = local([self.to_screen(self.data.countries[iso[cid]].label)])[0]
                self._draw_label(surf, world, cid, at, placed)

    def _draw_power_name(self, surf, world, p: str, country, shift) -> None:
        """A great power's name on its land, kept inside the map (with an arrow when it lies beyond)."""
        w, h = surf.get_size()
        x, y = self.to_screen(country.label)
        x, y = x + shift[0], y + shift[1]
        pts = [(px_ + shift[0], py_ + shift[1]) for px_, py_ in self.ring_points(country.rings[0])]
        visible = [q for q in pts if 0 <= q[0] < w and 0 <= q[1] < h]
        name = words.pname(world, p).upper()
        col = theme.mix(theme.hex_color(world.powers[p].color), (255, 255, 255), 0.3)
        m = theme.px(60)
        cx, cy = min(max(x, m), w - m), min(max(y, theme.px(16)), h - theme.px(16))
        if not visible:
            name = name + " >" if x > w else "< " + name if x < 0 else name
        self._on_top.append(theme.halo_text(surf, name, (cx, cy), 18, col, True, anchor="center").inflate(2, 2))

    def _draw_label(self, surf, world, cid: str, at, placed: list) -> None:
        """The state's name with a bar of influence shares below it, moved down clear of other labels."""
        x, y = at
        name = words.pname(world, cid)
        img = theme.render(name, 15, (255, 255, 255), True)
        bw, bh = max(img.get_width(), theme.px(70)), theme.px(8)
        box = pygame.Rect(0, 0, bw, img.get_height() + bh + 4)
        box.midbottom = (int(x), int(y + bh + 4))
        while any(box.colliderect(r) for r in placed):
            box.y += box.height // 2
        placed.append(box)
        self._on_top.append(box.inflate(2, 2))
        x, y = box.centerx, box.top + img.get_height()
        surf.blit(img, img.get_rect(midbottom=(x, y)))
        bar = pygame.Rect(int(x - bw / 2), int(y + 2), int(bw), bh)
        pygame.draw.rect(surf, CASING, bar.inflate(2, 2))
        left = bar.left
        for holder, s in shares_of(world, cid).items():
            w = int(round(s * bar.width))
            col = theme.hex_color(world.powers[holder].color) if holder in world.powers else theme.OTHERS
            pygame.draw.rect(surf, col, (left, bar.top, w, bh))
            left += w

    def flow_of(self, world, kid: str) -> float:
        """Units carried last year on a corridor."""
        return sum(world.flows.get(kid, {}).values())

    def width_of(self, world, k) -> int:
        """Line width from the flow (at least 2 px)."""
        flow = self.flow_of(world, k.id)
        return theme.px(2 + min(6.0, 6.0 * math.sqrt(flow / 60.0)))

    def _draw_corridor(self, surf, world, k, pts, lit: bool) -> None:
        """One corridor: line style by mode, pattern by status, width by flow."""
        if len(pts) < 2:
            return
        width = self.width_of(world, k)
        if lit:
            pygame.draw.lines(surf, theme.SELECTION_EDGE, False, pts, width + theme.px(10))
            pygame.draw.lines(surf, theme.SELECTION, False, pts, width + theme.px(6))
        draw_route(surf, pts, k.mode, k.status, width)

    # --- picking -------------------------------------------------------------------------
    def pick(self, pos, world) -> tuple[str, str] | None:
        """("corridor", id) or ("state", id) under a screen point, or None."""
        if not self.rect.collidepoint(pos):
            return None
        best, best_d = None, theme.px(7)
        px, py = pos
        for kid, k in world.corridors.items():
            pts, (x0, y0, x1, y1) = self._route(k)
            if not (x0 - best_d <= px <= x1 + best_d and y0 - best_d <= py <= y1 + best_d):
                continue  # outside the route's box: no segment of it is near
            for a, b in zip(pts, pts[1:]):
                d = seg_distance(pos, a, b)
                if d < best_d:
                    best, best_d = kid, d
        if best:
            return ("corridor", best)
        x, y = self.to_km(pos)
        iso = self.iso_of(world)
        for cid in world.c5():
            if cid in iso and point_in_rings(x, y, self.data.countries[iso[cid]].rings):
                return ("state", cid)
        return None

    def draw_legend(self, surface: pygame.Surface, world, corner) -> pygame.Rect:
        """The legend: power colours, corridor modes and statuses (bottom-left at `corner`); its sections stand
        side by side when one column would be taller than the room above `corner`."""
        lh = theme.line_height(13) + 2
        holders = list(world.great_powers()) + ["others"]
        sections = [("influence", holders), ("modes", list(MODES)), ("status", list(STATUSES))]
        room = corner[1] - theme.px(8)
        columns: list[list] = [[]]
        for sec in sections:
            used = sum(len(e) + 1 for _, e in columns[-1])
            if columns[-1] and (used + len(sec[1]) + 1) * lh + theme.px(12) > room:
                columns.append([])
            columns[-1].append(sec)
        labels = [words.pname(world, h) if h in world.powers else tr("legend.others") for h in holders]
        labels += [tr(f"mode.{m}") for m in MODES] + [tr(f"status.{st}") for st in STATUSES]
        col_w = max([theme.px(190)] + [theme.width(t, 13) + theme.px(42) for t in labels])
        h = max(sum(len(e) + 1 for _, e in col) for col in columns) * lh + theme.px(12)
        rect = pygame.Rect(corner[0], corner[1] - h, col_w * len(columns), h)
        box = pygame.Surface(rect.size, pygame.SRCALPHA)
        box.fill((18, 20, 26, 215))
        surface.blit(box, rect)
        for i, col in enumerate(columns):
            x, y = rect.left + i * col_w + theme.px(8), rect.top + theme.px(6)
            for name, entries in col:
                theme.text(surface, tr(f"legend.{name}"), (x, y), 13, theme.MUTED, True, width=col_w - theme.px(12))
                y += lh
                for entry in entries:
                    self._legend_entry(surface, world, name, entry, x, y, lh, col_w)
                    y += lh
        return rect

    def _legend_entry(self, surface, world, section: str, entry: str, x: int, y: int, lh: int, col_w: int) -> None:
        """One legend row: a colour swatch or a route sample, then its name."""
        if section == "influence":
            col = theme.hex_color(world.powers[entry].color) if entry in world.powers else theme.OTHERS
            pygame.draw.rect(surface, col, (x, y + 2, theme.px(22), lh - 5))
            label = words.pname(world, entry) if entry in world.powers else tr("legend.others")
        elif section == "modes":
            draw_route(surface, [(x, y + lh // 2), (x + theme.px(24), y + lh // 2)], entry, "operating", theme.px(3))
            label = tr(f"mode.{entry}")
        else:
            draw_route(surface, [(x, y + lh // 2), (x + theme.px(24), y + lh // 2)], "oil_pipeline", entry,
                       theme.px(3))
            label = tr(f"status.{entry}")
        theme.text(surface, label, (x + theme.px(30), y), 13, width=col_w - theme.px(42))


class Ref:
    """A key part that matches only the very same object (Worlds are compared by identity, not field by field)."""

    __slots__ = ("obj",)

    def __init__(self, obj) -> None:
        self.obj = obj

    def __eq__(self, other) -> bool:
        return isinstance(other, Ref) and other.obj is self.obj

    def __hash__(self) -> int:
        return id(self.obj)


def seg_distance(p, a, b) -> float:
    """Distance from point p to segment ab."""
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length))
    return math.hypot(p[0] - ax - t * dx, p[1] - ay - t * dy)


def pieces(pts, on: float, off: float):
    """Split a polyline into dash segments of length `on` separated by `off`."""
    out, cur, left, drawing = [], [pts[0]], on, True
    for a, b in zip(pts, pts[1:]):
        seg = math.dist(a, b)
        pos = 0.0
        while seg - pos > left:
            pos += left
            t = pos / seg if seg else 0
            q = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
            if drawing:
                cur.append(q)
                out.append(cur)
            cur = [q]
            drawing = not drawing
            left = on if drawing else off
        left -= seg - pos
        if drawing:
            cur.append(b)
        else:
            cur = [b]
    if drawing and len(cur) > 1:
        out.append(cur)
    return out


def ticks(pts, every: float, half: float):
    """Short cross-ticks along a polyline (railway sleepers)."""
    out, carry = [], every / 2
    for a, b in zip(pts, pts[1:]):
        seg = math.dist(a, b)
        if seg == 0:
            continue
        ux, uy = (b[0] - a[0]) / seg, (b[1] - a[1]) / seg
        pos = carry
        while pos < seg:
            cx, cy = a[0] + ux * pos, a[1] + uy * pos
            out.append(((cx - uy * half, cy + ux * half), (cx + uy * half, cy - ux * half)))
            pos += every
        carry = pos - seg
    return out


def midpoint(pts):
    """The point halfway along a polyline."""
    total = sum(math.dist(a, b) for a, b in zip(pts, pts[1:]))
    walked = 0.0
    for a, b in zip(pts, pts[1:]):
        seg = math.dist(a, b)
        if walked + seg >= total / 2 and seg:
            t = (total / 2 - walked) / seg
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        walked += seg
    return pts[0]


def draw_route(surf, pts, mode: str, status: str, width: int) -> None:
    """A route line: mode by pattern (pipe, double pipe, sleepers, dashes), status by dashes/dots/X."""
    color = CORRIDOR if status != "planned" else (170, 174, 180)
    if status == "planned":
        segs = pieces(pts, theme.px(9), theme.px(6))
    elif status == "building":
        segs = pieces(pts, theme.px(3), theme.px(4))
    else:
        segs = [pts]
    for s in segs:
        if len(s) < 2:
            continue
        pygame.draw.lines(surf, CASING, False, s, width + 2)
        pygame.draw.lines(surf, color, False, s, width)
        if mode == "gas_pipeline" and width >= 3:
            pygame.draw.lines(surf, CASING, False, s, max(1, width // 3))
        if mode == "road":
            pygame.draw.lines(surf, theme.mix(color, CASING, 0.45), False, s, max(1, width // 2))
    if mode in ("rail", "ferry_rail") and status in ("operating", "disrupted"):
        for a, b in ticks(pts, theme.px(8 if mode == "rail" else 14), width / 2 + theme.px(3)):
            pygame.draw.line(surf, color, a, b, 1)
    if mode == "ferry_rail":
        for p in (pts[0], pts[-1]):
            pygame.draw.circle(surf, color, p, max(2, width // 2 + 2), 1)
    if status == "disrupted":
        x, y = midpoint(pts)
        r = theme.px(7)
        pygame.draw.line(surf, DISRUPTED, (x - r, y - r), (x + r, y + r), theme.px(3))
        pygame.draw.line(surf, DISRUPTED, (x - r, y + r), (x + r, y - r), theme.px(3))
