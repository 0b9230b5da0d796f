"""Colours, fonts and the one text-drawing function every scene uses.

Colours follow the Okabe-Ito palette (safe for the common colour-vision
deficiencies); power colours come from the scenario's `color` field. Fonts are
loaded on first use and scaled by the UI-scale setting. `text()` can record every
string it draws, so tests can prove a screen shows nothing private.

Each language draws with its own face (assets/fonts: Japanese, Traditional and Simplified
Chinese glyph shapes differ) and falls back per character to the other bundled fonts, so a
scenario title typed in any of these scripts shows. `wrap` breaks lines between words and
between CJK characters, keeping closing punctuation off the start of a line (kinsoku).
"""
from __future__ import annotations

import json
from collections import OrderedDict

import pygame

from game import text as i18n
from game.paths import asset

# Okabe-Ito and neutrals
BLACK = (0, 0, 0)
ORANGE = (230, 159, 0)
SKY = (86, 180, 233)
GREEN = (0, 158, 115)
YELLOW = (240, 228, 66)
BLUE = (0, 114, 178)
VERMILLION = (213, 94, 0)
PURPLE = (204, 121, 167)

BG = (24, 28, 36)
PANEL = (34, 40, 52)
DIALOG = (30, 35, 46)
PANEL_EDGE = (70, 80, 98)
TEXT = (232, 234, 238)
MUTED = (150, 158, 172)
ACCENT = SKY
BUTTON = (52, 62, 80)
BUTTON_HOVER = (70, 86, 112)
BUTTON_OFF = (42, 46, 56)
FOCUS = YELLOW
SELECTION = (255, 255, 255)  # the map's selection and hover: white on a black casing, a pair no power's colour
SELECTION_EDGE = (0, 0, 0)   # comes near, to normal sight or under colour blindness (tests/test_colour.py)
SEA = (28, 44, 66)
LAND = (70, 74, 80)
LAND_EDGE = (40, 44, 50)
C5_BASE = (110, 114, 120)
WARN = (250, 120, 50)  # vermillion lightened to 4.5:1 on every panel (tests/test_colour.py)
OTHERS = (140, 140, 140)

TEXT_CACHE_BYTES = 8 * 2 ** 20  # rendered lines kept for reuse, at most this many bytes of pixels


class SurfaceCache:
    """Rendered text by key, bounded by the bytes of its pixels: the least recently used out first."""

    def __init__(self, limit: int):
        self.limit = limit
        self.table: OrderedDict = OrderedDict()
        self.bytes = 0

    def get(self, key) -> pygame.Surface | None:
        """The surface stored for `key` (now the most recently used), or None."""
        surf = self.table.get(key)
        if surf is not None:
            self.table.move_to_end(key)
        return surf

    def put(self, key, surf: pygame.Surface) -> None:
        """Store `surf`, dropping the least recently used surfaces until the pixels fit the limit."""
        self.table[key] = surf
        self.bytes += size_of(surf)
        while self.bytes > self.limit and len(self.table) > 1:
            _, old = self.table.popitem(last=False)
            self.bytes -= size_of(old)

    def clear(self) -> None:
        """Forget every surface."""
        self.table.clear()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self.table)


def size_of(surf: pygame.Surface) -> int:
    """Bytes of a surface's pixels."""
    return surf.get_pitch() * surf.get_height()


_state = {"scale": 1.0}
_fonts: dict[tuple, pygame.font.Font] = {}
_cache = SurfaceCache(TEXT_CACHE_BYTES)
_wrapped: dict[tuple, list[str]] = {}
_fitted: dict[tuple, str] = {}
_recorder: list[list[str]] = []
_cut_log: list[list[tuple[str, str]]] = []  # running recordings of text that could not be shown whole


def set_scale(scale: float) -> None:
    """Set the UI scale (fonts and spacing); clears the text caches."""
    _state["scale"] = max(0.6, min(2.5, scale))
    _fonts.clear()
    _cache.clear()
    _wrapped.clear()
    _fitted.clear()


def scale() -> float:
    """The current UI scale."""
    return _state["scale"]


def px(n: float) -> int:
    """A length in pixels at the current UI scale."""
    return int(round(n * _state["scale"]))


FONT_DIR = asset("fonts")
FACES = {"ja": "NotoSansJP-Regular.otf", "zh-TW": "NotoSansTC-Regular.otf", "zh-CN": "NotoSansSC-Regular.otf"}
FALLBACK = ("default", "NotoSansJP-Regular.otf", "NotoSansTC-Regular.otf", "NotoSansSC-Regular.otf",
            "NotoSans-Regular.ttf")
CJK_SIZE = 0.85  # CJK faces are taller for their size: this keeps line heights close to the default font's


def faces(lang: str | None = None) -> tuple[str, ...]:
    """The fonts `lang` draws with, its own first, then the fallbacks in order."""
    first = FACES.get(lang or i18n.language(), "default")
    return (first, *(f for f in FALLBACK if f != first))


_coverage: dict[str, frozenset[int]] = {}


def coverage(face: str) -> frozenset[int]:
    """The code points a bundled font has (from assets/fonts/coverage.json; empty when unknown)."""
    if not _coverage:
        try:
            raw = json.loads((FONT_DIR / "coverage.json").read_text("utf-8"))
        except (OSError, ValueError):
            raw = {}
        for name, runs in raw.items():
            _coverage[name] = frozenset(cp for lo, hi in runs for cp in range(lo, hi + 1))
        _coverage.setdefault("default", frozenset(range(32, 127)))
    return _coverage.get(face, frozenset())


def raw_font(pixels: int, bold: bool = False, face: str = "") -> pygame.font.Font:
    """A font at exactly `pixels` (the active language's face unless named), loaded on first use and cached."""
    if not pygame.font.get_init():  # first use, or pygame was quit since: cached fonts are dead
        pygame.font.init()
        _fonts.clear()
    face = face or faces()[0]
    key = (pixels, bold, face)
    if key not in _fonts:
        path = FONT_DIR / face
        if face != "default" and path.is_file():
            f = pygame.font.Font(path, max(6, round(pixels * CJK_SIZE)) if face in FACES.values() else pixels)
        else:
            f = pygame.font.Font(None, pixels)
        f.set_bold(bold)
        _fonts[key] = f
    return _fonts[key]


def pixels(size: int) -> int:
    """The pixel size of the game font at `size` points under the UI scale."""
    return max(8, int(px(size) * 1.25))


def font(size: int = 16, bold: bool = False, face: str = "") -> pygame.font.Font:
    """The game font at `size` points, scaled by the UI scale."""
    return raw_font(pixels(size), bold, face)


_runs: dict[tuple, tuple[tuple[str, str], ...]] = {}


def runs(s: str, lang: str | None = None) -> tuple[tuple[str, str], ...]:
    """`s` cut into (face, text) runs, each character drawn by the first font of the language that has it."""
    lang = lang or i18n.language()
    key = (s, lang)
    got = _runs.get(key)
    if got is None:
        order = faces(lang)
        first = coverage(order[0])
        s = "".join(" " if c.isspace() and ord(c) not in first else c for c in s)  # any font draws a space
        if all(ord(c) in first for c in s):
            got = ((order[0], s),)
        else:
            out: list[list[str]] = []
            for c in s:
                face = next((f for f in order if ord(c) in coverage(f)), order[0])
                if out and out[-1][0] == face:
                    out[-1][1] += c
                else:
                    out.append([face, c])
            got = tuple((f, t) for f, t in out)
        if len(_runs) > 4000:
            _runs.clear()
        _runs[key] = got
    return got


def line_width(s: str, pixels_: int, bold: bool = False) -> int:
    """How wide `s` is drawn at `pixels_`, fallback fonts included."""
    return sum(raw_font(pixels_, bold, face).size(part)[0] for face, part in runs(s))


def width(s: str, size: int = 16, bold: bool = False) -> int:
    """How wide `s` is drawn at `size` points, fallback fonts included."""
    return line_width(s, pixels(size), bold)


def draw_line(s: str, pixels_: int, color, bold: bool = False) -> pygame.Surface:
    """One line at `pixels_`, drawn run by run in the fonts that have its characters, on the baseline of the
    language's own face (so a line with a borrowed glyph, an arrow, sits where its neighbours do)."""
    parts = runs(s)
    if len(parts) == 1:
        return raw_font(pixels_, bold, parts[0][0]).render(s, True, color)
    pictures = [(raw_font(pixels_, bold, face), raw_font(pixels_, bold, face).render(part, True, color))
                for face, part in parts]
    main = raw_font(pixels_, bold)
    ascent = main.get_ascent()
    height = max([main.get_height()] + [ascent - f.get_ascent() + p.get_height() for f, p in pictures])
    out = pygame.Surface((sum(p.get_width() for _, p in pictures), height), pygame.SRCALPHA)
    x = 0
    for f, p in pictures:
        out.blit(p, (x, ascent - f.get_ascent()))
        x += p.get_width()
    return out


def hex_color(value: str, default=(136, 136, 136)) -> tuple[int, int, int]:
    """An '#RRGGBB' string as an RGB tuple."""
    try:
        v = value.lstrip("#")
        return int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16)
    except (ValueError, IndexError, AttributeError):
        return default


def mix(a, b, t: float) -> tuple[int, int, int]:
    """The colour t of the way from a to b."""
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def record_start() -> list[str]:
    """Start recording every string drawn; returns the list that fills up."""
    out: list[str] = []
    _recorder.append(out)
    return out


def record_stop() -> None:
    """Stop the most recent recording."""
    if _recorder:
        _recorder.pop()


def recording() -> bool:
    """Whether any recording is running (cached pictures then name the strings they show)."""
    return bool(_recorder)


def render(s: str, size: int = 16, color=TEXT, bold: bool = False) -> pygame.Surface:
    """A rendered line of text (cached)."""
    key = (s, px(size), color, bold, i18n.language())
    surf = _cache.get(key)
    if surf is None:
        surf = draw_line(s, pixels(size), color, bold)
        _cache.put(key, surf)
    note(s)
    return surf


def note(s: str) -> None:
    """Tell any running recording that `s` was drawn (every text path calls this)."""
    for rec in _recorder:
        rec.append(s)


def cuts_start() -> list[tuple[str, str]]:
    """Start recording text cut without an ellipsis: (how, text) pairs, how in outside, too_wide, dropped."""
    out: list[tuple[str, str]] = []
    _cut_log.append(out)
    return out


def cuts_stop() -> None:
    """Stop the most recent cut recording."""
    if _cut_log:
        _cut_log.pop()


def cut(how: str, s: str) -> None:
    """Tell any running cut recording that `s` could not be shown whole (`how`: outside, too_wide, dropped)."""
    for rec in _cut_log:
        rec.append((how, s))


def check_inside(surface: pygame.Surface, rect: pygame.Rect, s: str) -> None:
    """Record `s` as cut when its ink runs off `surface` or out of the box its clip rectangle sets (a button's)."""
    if _cut_log and s.strip():
        box = surface.get_clip().inflate(2, 2)
        ink = rect.inflate(0, -rect.height // 3)  # a line's box has room above and below its letters
        if not box.contains(ink):
            cut("outside", s)


def text(surface: pygame.Surface, s: str, pos, size: int = 16, color=TEXT, bold: bool = False,
         anchor: str = "topleft", width: int | None = None) -> pygame.Rect:
    """Draw one line of text (ellipsized to `width` pixels when given); returns its rectangle."""
    if width is not None:
        s = fit(s, width, size, bold)
    surf = render(s, size, color, bold)
    rect = surf.get_rect(**{anchor: pos})
    surface.blit(surf, rect)
    check_inside(surface, rect, s)
    return rect


ELLIPSIS = "\u2026"


def fit(s: str, width: int, size: int = 16, bold: bool = False) -> str:
    """`s` as it fits on one line of `width` pixels: whole, or cut and ended with an ellipsis (cached)."""
    key = (s, width, px(size), bold, i18n.language())
    out = _fitted.get(key)
    if out is None:
        if globals()["width"](s, size, bold) <= width:
            out = s
        else:
            wide = globals()["width"]
            lo, hi = 0, len(s)  # the longest prefix that fits with the ellipsis
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if wide(s[:mid].rstrip() + ELLIPSIS, size, bold) <= width:
                    lo = mid
                else:
                    hi = mid - 1
            out = s[:lo].rstrip() + ELLIPSIS if lo else (ELLIPSIS if wide(ELLIPSIS, size, bold) <= width else "")
        if len(_fitted) > 4000:
            _fitted.clear()
        _fitted[key] = out
    return out


def fits(s: str, width: int, size: int = 16, bold: bool = False) -> bool:
    """Whether `s` fits on one line of `width` pixels."""
    return globals()["width"](s, size, bold) <= width


HALO = (14, 16, 20)


def kept(table: dict, key, make, limit: int):
    """`table[key]`, made by `make()` the first time (the oldest entry goes when `limit` are kept): the small
    picture caches of the screen (tooltips, previews, the map's lit parts)."""
    if key not in table:
        if len(table) >= limit:
            table.pop(next(iter(table)))
        table[key] = make()
    return table[key]


def copy_into(src: pygame.Surface, kept: pygame.Surface | None) -> pygame.Surface:
    """`src` copied into `kept` when it has the same size and format, else a new copy: a picture kept across frames
    reuses one block of memory instead of freeing and taking a new one on each change (which the allocator keeps)."""
    if kept is None or kept.get_size() != src.get_size() or kept.get_bitsize() != src.get_bitsize() \
            or kept.get_flags() != src.get_flags():
        return src.copy()
    kept.blit(src, (0, 0))
    return kept


def halo_text(surface: pygame.Surface, s: str, pos, size: int = 16, color=TEXT, bold: bool = False,
              anchor: str = "topleft", halo=HALO) -> pygame.Rect:
    """One line of text with a thin dark halo around it, legible over lines and fills."""
    shade = render(s, size, halo, bold)
    rect = shade.get_rect(**{anchor: pos})
    for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1)):
        surface.blit(shade, rect.move(dx, dy))
    return text(surface, s, pos, size, color, bold, anchor)


def wrap(s: str, width: int, size: int = 16, bold: bool = False) -> list[str]:
    """Split text into lines no wider than `width` pixels (cached)."""
    key = (s, width, px(size), bold, i18n.language())
    got = _wrapped.get(key)
    if got is None:
        got = _wrap(s, width, size, bold)
        if len(_wrapped) > 2000:
            _wrapped.clear()
        _wrapped[key] = got
    if _cut_log:
        for line in got:
            if globals()["width"](line, size, bold) > width:
                cut("too_wide", line)
    return list(got)


NO_START = set("。、，．,.・：；？！?!）)］]｝}〕〉》」』】〙〗〟’”»›ー々〻ゝゞぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ…‥%％")
NO_END = set("（(［[｛{〔〈《「『【〘〖〝‘“«‹")
NO_BREAK = "\u00a0\u2007\u202f"  # spaces a line never breaks at (no-break, figure, narrow no-break)


def is_cjk(c: str) -> bool:
    """Whether a line may break before and after `c` without a space (CJK scripts and full-width forms)."""
    cp = ord(c)
    return (0x2E80 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF
            or 0x20000 <= cp <= 0x3FFFF)


def tokens(para: str) -> list[tuple[str, bool]]:
    """A paragraph as unbreakable pieces, each with whether a space comes before it.

    Words break at spaces (not at no-break spaces: "8 млрд $" stays whole); CJK text breaks between characters,
    except that closing punctuation stays with what it follows and opening punctuation with what it precedes
    (kinsoku)."""
    out: list[list] = []
    space, glue_next = False, False
    for c in para:
        if c.isspace() and c not in NO_BREAK:
            space, glue_next = True, False
            continue
        joins = out and not space and (glue_next or c in NO_START or not (is_cjk(c) or is_cjk(out[-1][0][-1])))
        if joins:
            out[-1][0] += c
        else:
            out.append([c, space and bool(out)])
        space, glue_next = False, c in NO_END
    return [(t, sp) for t, sp in out]


def break_lines(s: str, limit: int, measure) -> list[str]:
    """`s` broken into lines whose `measure(line)` is at most `limit` (a piece wider than that gets its own line)."""
    lines: list[str] = []
    for para in s.split("\n"):
        line = ""
        for piece, space in tokens(para):
            trial = f"{line} {piece}" if space and line else line + piece
            if not line or measure(trial) <= limit:
                line = trial
            else:
                lines.append(line)
                line = piece
        lines.append(line)
    return lines


def _wrap(s: str, width: int, size: int, bold: bool) -> list[str]:
    """The uncached line breaking of `wrap`."""
    return break_lines(s, width, lambda line: globals()["width"](line, size, bold))


def paragraph_height(s: str, width: int, size: int = 16, bold: bool = False, spacing: float = 1.15) -> int:
    """The height `paragraph` needs to draw `s` whole in `width`."""
    return len(wrap(s, width, size, bold)) * int(font(size, bold).get_linesize() * spacing)


def paragraph(surface: pygame.Surface, s: str, rect: pygame.Rect, size: int = 16, color=TEXT,
              bold: bool = False, spacing: float = 1.15) -> int:
    """Draw wrapped text inside rect (clipped at its bottom); returns the y after the last line."""
    y = rect.top
    step = int(font(size, bold).get_linesize() * spacing)
    lines = wrap(s, rect.width, size, bold)
    room = max(0, (rect.bottom + 2 - y) // step) if step else len(lines)
    if len(lines) > room:  # the last line that fits ends with an ellipsis
        if not room:
            cut("dropped", " ".join(lines))
        lines = lines[:room - 1] + [ellipsized(lines[room - 1], rect.width, size, bold)] if room else []
    for line in lines:
        text(surface, line, (rect.left, y), size, color, bold)
        y += step
    return y


def ellipsized(line: str, width: int, size: int = 16, bold: bool = False) -> str:
    """A line followed by more text that is not shown: ended with an ellipsis, cut to `width` if need be."""
    marked = line.rstrip() + ELLIPSIS
    return marked if fits(marked, width, size, bold) else fit(line + ELLIPSIS + ELLIPSIS, width, size, bold)


def line_height(size: int = 16) -> int:
    """Height of one line of text at `size`."""
    return font(size).get_linesize()


def panel(surface: pygame.Surface, rect: pygame.Rect, color=PANEL, edge=PANEL_EDGE, radius: int = 6) -> None:
    """A filled panel with a border."""
    pygame.draw.rect(surface, color, rect, border_radius=px(radius))
    pygame.draw.rect(surface, edge, rect, 1, border_radius=px(radius))


def gauge(surface: pygame.Surface, bar: pygame.Rect, level: float, color, marks, reach: int, width: int) -> None:
    """A bar filled to `level` (0..1) in `color`, with a tick of `width` at each (share, colour) of `marks`
    standing `reach` pixels above and below it (the tension gauge of the top bar and the guide)."""
    pygame.draw.rect(surface, BUTTON_OFF, bar)
    pygame.draw.rect(surface, color, (bar.left, bar.top, int(bar.width * min(1.0, level)), bar.height))
    for share, tick in marks:
        x = bar.left + int(bar.width * share)
        pygame.draw.line(surface, tick, (x, bar.top - reach), (x, bar.bottom + reach - 1), width)
    pygame.draw.rect(surface, PANEL_EDGE, bar, 1)
