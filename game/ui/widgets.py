"""Immediate-mode widgets: a scene draws its buttons and tooltip zones every frame.

`UIScene.button(...)` draws a button and registers it for the mouse and the
keyboard (Tab or arrows move the focus, Enter or Space activates, a hotkey picks
it); a disabled button still shows, and its tooltip says why it is disabled.
`UIScene.tip(rect, text)` makes any rectangle (a number, a bar) show a tooltip
when hovered. The last registered zones answer the next input events.
"""
from __future__ import annotations

import functools
import time
from typing import Callable

import pygame
from dataclasses import dataclass

from game.ui import theme
from game.ui.scene import Scene, recorded, renote


CLICK_GUARD_S = 0.4  # a second click this soon, at the same spot, on another button than the first, is dropped
CLICK_SLOP = 4  # pixels the mouse may move between the two clicks and still be "the same spot"
_last_click: list = [-1e9, (-1, -1), ""]  # time, position and button id of the last click on any scene's button


@dataclass
class Button:
    """A clickable, focusable rectangle with a label."""

    id: str
    rect: pygame.Rect
    label: str
    on_click: Callable[[], None] | None
    enabled: bool = True
    tooltip: str = ""
    hotkey: int | None = None
    selected: bool = False
    size: int = 16  # the label's text size


class UIScene(Scene):
    """A scene with buttons, keyboard focus and tooltips."""

    def __init__(self) -> None:
        super().__init__()
        self.buttons: list[Button] = []
        self.tips: list[tuple[pygame.Rect, str]] = []
        self.focus_id: str = ""
        self.mouse = (-1, -1)
        self.keyboard = False  # the last input came from the keyboard (show the focused button's tooltip)
        self.offset = (0, 0)  # where the surface being drawn on sits on the screen (cached layers)

    def pause(self) -> None:
        """Another scene is on top: forget the mouse so no stale tooltip shows below it."""
        self.mouse = (-1, -1)

    # --- registration, during draw ---------------------------------------------------
    def begin(self) -> None:
        """Forget last frame's zones (call first in draw)."""
        self.buttons = []
        self.tips = []

    def button(self, surface: pygame.Surface, rect, label: str, on_click=None, *, enabled: bool = True,
               tooltip: str = "", hotkey: int | None = None, selected: bool = False, id: str = "",
               size: int = 16) -> Button:
        """Draw and register a button; a label too wide for it is set smaller, then cut with an ellipsis."""
        local = pygame.Rect(rect)
        b = Button(id or label, local.move(self.offset), label, on_click, enabled, tooltip, hotkey, selected, size)
        self.buttons.append(b)
        paint_button(surface, local, b, b.rect.collidepoint(self.mouse), b.id == self.focus_id)
        if b.tooltip:
            self.tips.append((b.rect, b.tooltip))
        return b

    def tip(self, rect, text: str) -> None:
        """Show `text` as a tooltip while the mouse is over rect."""
        self.tips.append((pygame.Rect(rect).move(self.offset), text))

    def draw_tooltip(self, surface: pygame.Surface) -> None:
        """Draw the tooltip of the hovered zone, or of the focused button (call last in draw)."""
        found = next((t for r, t in reversed(self.tips) if r.collidepoint(self.mouse)), "")
        anchor = self.mouse
        if not found and self.keyboard:
            b = self.focused()
            if b and b.tooltip:
                found, anchor = b.tooltip, b.rect.bottomleft
        if found:
            tooltip_box(surface, found, anchor)

    # --- input ---------------------------------------------------------------------------
    def focused(self) -> Button | None:
        """The button with the keyboard focus."""
        return next((b for b in self.buttons if b.id == self.focus_id), None)

    def activate(self, b: Button) -> bool:
        """Press a button if it is enabled."""
        self.focus_id = b.id
        if b.enabled and b.on_click:
            b.on_click()
            return True
        return False

    def move_focus(self, step: int) -> None:
        """Move the keyboard focus to the next or previous button."""
        if not self.buttons:
            return
        ids = [b.id for b in self.buttons]
        i = ids.index(self.focus_id) if self.focus_id in ids else (-1 if step > 0 else 0)
        self.focus_id = ids[(i + step) % len(ids)]

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Mouse and keyboard for the registered buttons; then `on_key`."""
        if event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos
            self.keyboard = False
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.mouse = event.pos
            for b in reversed(self.buttons):
                if b.rect.collidepoint(event.pos):
                    if self.guarded(b, event.pos):
                        return True
                    _last_click[:] = [time.monotonic(), event.pos, b.id]
                    self.activate(b)
                    return True
            return self.on_click(event.pos)
        if event.type == pygame.KEYDOWN:
            self.keyboard = True
            if self.on_key(event):
                return True
            if event.key == pygame.K_TAB:
                self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
                return True
            if event.key in (pygame.K_DOWN, pygame.K_RIGHT):
                self.move_focus(1)
                return True
            if event.key in (pygame.K_UP, pygame.K_LEFT):
                self.move_focus(-1)
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                b = self.focused()
                if b:
                    self.activate(b)
                    return True
            for b in self.buttons:
                if b.hotkey is not None and b.hotkey == event.key:
                    self.activate(b)
                    return True
        return False

    def guarded(self, b: Button, pos) -> bool:
        """Whether a click is dropped: within CLICK_GUARD_S of the last one, at the same spot, on a button that
        moved there since (a row that shifted under the cursor after the first click)."""
        when, where, bid = _last_click
        return (time.monotonic() - when < CLICK_GUARD_S and bid != b.id
                and abs(pos[0] - where[0]) <= CLICK_SLOP and abs(pos[1] - where[1]) <= CLICK_SLOP)

    def on_click(self, pos) -> bool:
        """A click outside every button (the map, a list)."""
        return False

    def on_key(self, event: pygame.event.Event) -> bool:
        """A scene's own keys, before focus keys."""
        return False

    def find(self, label_or_id: str) -> Button | None:
        """The registered button with this id or label (tests, scripts)."""
        return next((b for b in self.buttons if label_or_id in (b.id, b.label)), None)


MIN_LABEL_SIZE = 12  # a button label shrinks down to this size before it is cut with an ellipsis


def paint_button(surface: pygame.Surface, local: pygame.Rect, b: Button, hover: bool, focus: bool) -> None:
    """Draw button `b` at `local` (its rectangle on `surface`): lit when hovered or selected, ringed when focused;
    a label too wide for it is set smaller, then cut with an ellipsis (and becomes its tooltip)."""
    color = theme.BUTTON_OFF if not b.enabled else theme.BUTTON_HOVER if hover or b.selected else theme.BUTTON
    pygame.draw.rect(surface, color, local, border_radius=theme.px(5))
    edge = theme.ACCENT if b.selected else theme.PANEL_EDGE
    pygame.draw.rect(surface, edge, local, 1, border_radius=theme.px(5))
    if focus:
        pygame.draw.rect(surface, theme.FOCUS, local.inflate(4, 4), 2, border_radius=theme.px(6))
    fg = theme.TEXT if b.enabled else theme.MUTED
    shown, size = fit_label(b.label, local.width - theme.px(10), b.size)
    if shown != b.label and not b.tooltip:
        b.tooltip = b.label
    clip = surface.get_clip()
    surface.set_clip(local.inflate(-2, -2).clip(clip) if clip else local.inflate(-2, -2))
    theme.text(surface, shown, local.center, size, fg, anchor="center")
    surface.set_clip(clip)


def fit_label(label: str, width: int, size: int) -> tuple[str, int]:
    """A button label and the text size that fit `width`: smaller by up to 3 steps, then ellipsized."""
    return _fit_label(label, width, size, theme.scale())


@functools.lru_cache(maxsize=2048)
def _fit_label(label: str, width: int, size: int, scale: float) -> tuple[str, int]:
    """`fit_label` at one UI scale (cached)."""
    for s in range(size, max(MIN_LABEL_SIZE, size - 3) - 1, -1):
        if theme.fits(label, width, s):
            return label, s
    s = max(MIN_LABEL_SIZE, size - 3) if size > MIN_LABEL_SIZE else size
    return theme.fit(label, width, s), s


TIPS_KEPT = 8  # tooltip pictures kept (a few objects are pointed at in turn)
_tips: dict[tuple, tuple] = {}  # (text, width, scale, language) -> (picture, strings drawn)


def tooltip_box(surface: pygame.Surface, text: str, anchor) -> None:
    """A tooltip near anchor, kept inside the surface (its picture is kept per text, width, scale and language:
    a pointed object shows the same tooltip frame after frame)."""
    from game import text as texts
    width = min(theme.px(360), surface.get_width() - 20)
    picture, strings = theme.kept(_tips, (text, width, theme.scale(), texts.language()),
                                  lambda: _tooltip_picture(text, width), TIPS_KEPT)
    w, h = picture.get_size()
    x, y = anchor[0] + 14, anchor[1] + 18
    x = max(4, min(x, surface.get_width() - w - 4))
    if y + h > surface.get_height() - 4:
        y = max(4, anchor[1] - h - 8)
    surface.blit(picture, (x, y))
    renote(strings)


def _tooltip_picture(text: str, width: int) -> tuple[pygame.Surface, list[str]]:
    """A tooltip's box with its text wrapped to `width` (transparent outside its rounded corners)."""
    lines = theme.wrap(text, width - theme.px(16), 14)
    lh = theme.line_height(14)
    w = max(theme.width(line, 14) for line in lines) + theme.px(16)
    h = lh * len(lines) + theme.px(12)
    picture = pygame.Surface((w, h), pygame.SRCALPHA)

    def paint():
        theme.panel(picture, picture.get_rect(), (20, 22, 28), theme.ACCENT, 4)
        for i, line in enumerate(lines):
            theme.text(picture, line, (theme.px(8), theme.px(6) + i * lh), 14)
    return picture, recorded(paint)


NUMBER_KEYS = [pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6, pygame.K_7, pygame.K_8,
               pygame.K_9]
