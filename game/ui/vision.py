"""Colour-vision checks: how a colour looks under deuteranopia, protanopia and tritanopia, and how far apart
two colours are then, so the screen can tell apart by shape (markers, dashes) what it cannot by colour.

The simulation is Machado, Oliveira and Fernandes (2009), "A physiologically-based model for simulation
of color vision deficiency", severity 1.0, applied to linear RGB; the distance is Euclidean in CIELAB
(1976), where about 2.3 is a just noticeable difference and under 20 reads as "the same line" on a chart.
"""
from __future__ import annotations

import math

MACHADO = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
KINDS = tuple(MACHADO)
CONFUSED = 20.0  # CIELAB distance below which two chart lines read as one colour


def _linear(c: int) -> float:
    """An sRGB channel (0..255) in linear light."""
    v = c / 255
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def _srgb(v: float) -> int:
    """A linear channel back to sRGB 0..255."""
    v = min(1.0, max(0.0, v))
    return round(255 * (12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055))


def simulate(rgb, kind: str) -> tuple[int, int, int]:
    """How `rgb` looks to a person with `kind` colour blindness."""
    lin = [_linear(c) for c in rgb[:3]]
    return tuple(_srgb(sum(m * v for m, v in zip(row, lin))) for row in MACHADO[kind])


def lab(rgb) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour."""
    r, g, b = (_linear(c) for c in rgb[:3])
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           0.0193 * r + 0.1192 * g + 0.9505 * b)
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
         for t in (xyz[0] / 0.95047, xyz[1] / 1.0, xyz[2] / 1.08883)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def distance(a, b, kind: str = "") -> float:
    """How far apart two colours look (CIELAB), to normal vision or under `kind`."""
    if kind:
        a, b = simulate(a, kind), simulate(b, kind)
    return math.dist(lab(a), lab(b))


def confusable(a, b) -> bool:
    """Whether two colours read as one to normal vision or under any of the three simulations."""
    return any(distance(a, b, kind) < CONFUSED for kind in ("",) + KINDS)


def contrast(a, b) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    def luminance(c):
        r, g, b = (_linear(x) for x in c[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
