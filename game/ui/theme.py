"""Colours, fonts and the one text-drawing function every scene uses.

Colours follow the Okabe-Ito palette (safe for the common colour-vision
deficiencies); power colours come from the scenario's `color` field. Fonts are
loaded on first use and scaled by the UI-scale setting. `text()` can record every
string it draws, so tests can prove a screen shows nothing private.
"""
from __future__ import annotations

import pygame

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
PANEL_EDGE = (70, 80, 98)
TEXT = (232, 234, 238)
MUTED = (150, 158, 172)
ACCENT = SKY
BUTTON = (52, 62, 80)
BUTTON_HOVER = (70, 86, 112)
BUTTON_OFF = (42, 46, 56)
FOCUS = YELLOW
SEA = (28, 44, 66)
LAND = (70, 74, 80)
LAND_EDGE = (40, 44, 50)
C5_BASE = (110, 114, 120)
WARN = VERMILLION
OTHERS = (140, 140, 140)

_state = {"scale": 1.0}
_fonts: dict[tuple[int, bool], pygame.font.Font] = {}
_cache: dict[tuple, pygame.Surface] = {}
_wrapped: dict[tuple, list[str]] = {}
_fitted: dict[tuple, str] = {}
_recorder: list[list[str]] = []


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


def raw_font(pixels: int, bold: bool = False) -> pygame.font.Font:
    """The game font at exactly `pixels`, loaded on first use and cached."""
    if not pygame.font.get_init():  # first use, or pygame was quit since: cached fonts are dead
        pygame.font.init()
        _fonts.clear()
    key = (pixels, bold)
    if key not in _fonts:
        f = pygame.font.Font(None, pixels)
        f.set_bold(bold)
        _fonts[key] = f
    return _fonts[key]


def font(size: int = 16, bold: bool = False) -> pygame.font.Font:
    """The game font at `size` points, scaled by the UI scale."""
    return raw_font(max(8, int(px(size) * 1.25)), bold)


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
    key = (s, px(size), color, bold)
    surf = _cache.get(key)
    if surf is None:
        if len(_cache) > 3000:
            _cache.clear()
        surf = font(size, bold).render(s, True, color)
        _cache[key] = surf
    note(s)
    return surf


def note(s: str) -> None:
    """Tell any running recording that `s` was drawn (every text path calls this)."""
    for rec in _recorder:
        rec.append(s)


def text(surface: pygame.Surface, s: str, pos, size: int = 16, color=TEXT, bold: bool = False,
         anchor: str = "topleft", width: int | None = None) -> pygame.Rect:
    """Draw one line of text (ellipsized to `width` pixels when given); returns its rectangle."""
    if width is not None:
        s = fit(s, width, size, bold)
    surf = render(s, size, color, bold)
    rect = surf.get_rect(**{anchor: pos})
    surface.blit(surf, rect)
    return rect


ELLIPSIS = "\u2026"


def fit(s: str, width: int, size: int = 16, bold: bool = False) -> str:
    """`s` as it fits on one line of `width` pixels: whole, or cut and ended with an ellipsis (cached)."""
    key = (s, width, px(size), bold)
    out = _fitted.get(key)
    if out is None:
        f = font(size, bold)
        if f.size(s)[0] <= width:
            out = s
        else:
            lo, hi = 0, len(s)  # the longest prefix that fits with the ellipsis
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if f.size(s[:mid].rstrip() + ELLIPSIS)[0] <= width:
                    lo = mid
                else:
                    hi = mid - 1
            out = s[:lo].rstrip() + ELLIPSIS if lo else (ELLIPSIS if f.size(ELLIPSIS)[0] <= width else "")
        if len(_fitted) > 4000:
            _fitted.clear()
        _fitted[key] = out
    return out


def fits(s: str, width: int, size: int = 16, bold: bool = False) -> bool:
    """Whether `s` fits on one line of `width` pixels."""
    return font(size, bold).size(s)[0] <= width


HALO = (14, 16, 20)


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
    key = (s, width, px(size), bold)
    got = _wrapped.get(key)
    if got is None:
        got = _wrap(s, width, size, bold)
        if len(_wrapped) > 2000:
            _wrapped.clear()
        _wrapped[key] = got
    return list(got)


def _wrap(s: str, width: int, size: int, bold: bool) -> list[str]:
    """The uncached line breaking of `wrap`."""
    f = font(size, bold)
    lines: list[str] = []
    for para in s.split("\n"):
        words, line = para.split(), ""
        for w in words:
            trial = f"{line} {w}".strip()
            if f.size(trial)[0] <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = w
        lines.append(line)
    return lines


def paragraph(surface: pygame.Surface, s: str, rect: pygame.Rect, size: int = 16, color=TEXT,
              bold: bool = False, spacing: float = 1.15) -> int:
    """Draw wrapped text inside rect (clipped at its bottom); returns the y after the last line."""
    y = rect.top
    step = int(font(size, bold).get_linesize() * spacing)
    for line in wrap(s, rect.width, size, bold):
        if y + step > rect.bottom + 2:
            break
        text(surface, line, (rect.left, y), size, color, bold)
        y += step
    return y


def line_height(size: int = 16) -> int:
    """Height of one line of text at `size`."""
    return font(size).get_linesize()


def panel(surface: pygame.Surface, rect: pygame.Rect, color=PANEL, edge=PANEL_EDGE, radius: int = 6) -> None:
    """A filled panel with a border."""
    pygame.draw.rect(surface, color, rect, border_radius=px(radius))
    pygame.draw.rect(surface, edge, rect, 1, border_radius=px(radius))
