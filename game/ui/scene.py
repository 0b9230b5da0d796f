"""The scene stack: menus, the map, dialogs and overlays are scenes with a lifecycle.

A scene reads the session's views and emits actions; it never changes a World.
The manager owns the stack: push (an overlay or dialog), pop, replace (a new screen).
Only the top scene receives events; scenes below an overlay still draw when the
overlay says it is transparent.
"""
from __future__ import annotations

import pygame

from game import text
from game.ui import theme


class Scene:
    """Base of every screen and dialog; override what you need."""

    transparent = False  # draw the scene below first (dialogs, overlays)
    dims = False  # a transparent scene that dims what is below it (the manager lays the dimmer)

    def __init__(self) -> None:
        self.manager: SceneManager | None = None

    def enter(self) -> None:
        """Called when the scene is pushed or becomes a replacement."""

    def exit(self) -> None:
        """Called when the scene leaves the stack."""

    def pause(self) -> None:
        """Called when another scene is pushed above this one."""

    def resume(self) -> None:
        """Called when the scene above this one is popped."""

    def covered(self) -> None:
        """Called when an opaque scene is pushed above this one (it cannot be seen): drop kept pictures."""

    def handle_event(self, event: pygame.event.Event) -> bool:
        """React to one input event; True when consumed."""
        return False

    def update(self, dt: float) -> None:
        """Advance animations and timers by `dt` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the scene; must not change any game state."""

    def still(self):
        """What this scene's picture depends on while it is on top, apart from the hovered button and the
        tooltip (a hashable value), or None when that is not known: the manager then draws it on every frame.
        A scene that says it draws nothing that follows the mouse or the clock but a UIScene's buttons and
        tooltips; its other state stays as its last drawing left it while the picture is reused."""
        return None

    def overlay(self, surface: pygame.Surface) -> None:
        """Draw, over a still scene's kept picture, what follows the mouse beside its lit button (called each
        frame before the tooltip; `draw` itself must draw the same for the same mouse)."""

    def look(self):
        """What this scene's picture depends on while a scene above it has the input (a hashable value), or
        None when that is not known: the manager then draws it afresh on every frame instead of reusing the
        picture of the scenes below a dialog."""
        return None


class SceneManager:
    """A stack of scenes with push, pop and replace."""

    def __init__(self) -> None:
        self.stack: list[Scene] = []
        self._backdrop_key = None  # what the kept picture of the scenes below the top one shows
        self._backdrop: tuple = (None, [])  # (that picture, the strings drawn in it)
        self._still_key = None  # what the kept picture of a still top scene (`Scene.still`) shows
        self._still: tuple = (None, [], [], [], None)  # (that picture, its buttons, tooltip zones, strings, the scene)

    @property
    def top(self) -> Scene | None:
        """The scene receiving input, if any."""
        return self.stack[-1] if self.stack else None

    def push(self, scene: Scene) -> None:
        """Put a scene on top; the one below pauses."""
        if self.top:
            self.top.pause()
        if not scene.transparent:
            for below in self.stack:
                below.covered()
        scene.manager = self
        self.stack.append(scene)
        scene.enter()

    def pop(self) -> Scene | None:
        """Remove the top scene; the one below resumes."""
        if not self.stack:
            return None
        scene = self.stack.pop()
        scene.exit()
        if self.top:
            self.top.resume()
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the whole stack for one scene (a new screen)."""
        while self.stack:
            self.stack.pop().exit()
        self.push(scene)

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Give an event to the top scene."""
        return self.top.handle_event(event) if self.top else False

    def update(self, dt: float) -> None:
        """Update the top scene."""
        if self.top:
            self.top.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the visible scenes from the lowest opaque one up. What lies below the top scene (with the
        dimmer of a dialog) is kept as one picture while every scene under it looks the same (`Scene.look`),
        so a frame of a dialog costs a blit and the dialog itself."""
        start = len(self.stack) - 1
        while start > 0 and self.stack[start].transparent:
            start -= 1
        *below, top = self.stack[max(start, 0):] or [None]
        if top is None:
            return
        still = top.still()
        if still is None:
            self._still_key, self._still = None, (None, [], [], [], None)  # a kept picture lives while it is shown
        if not below:
            self._backdrop_key, self._backdrop = None, (None, [])
        if still is not None:
            self.draw_still(surface, below, top, still)
            return
        if below:
            self.draw_backdrop(surface, below, top.dims)
        top.draw(surface)

    def draw_still(self, surface: pygame.Surface, below: list[Scene], top, still) -> None:
        """A top scene that says what it shows (`Scene.still`): its picture, with what is below it, is kept
        unhovered and without a tooltip; each frame blits it, lights the hovered button and draws the tooltip."""
        key = (surface.get_size(), theme.scale(), text.language(), id(top), still,
               tuple(map(id, below)), tuple(scene.look() for scene in below))
        if None in key[-1]:
            key = None
        if key is None or key != self._still_key:
            self._backdrop_key, self._backdrop = None, (None, [])  # the still picture holds what is below

            def paint():
                paint_below(surface, below, top.dims)
                mouse, keyboard = getattr(top, "mouse", None), getattr(top, "keyboard", False)
                if mouse is not None:
                    top.mouse, top.keyboard = (-1, -1), False
                try:
                    top.draw(surface)
                finally:
                    if mouse is not None:
                        top.mouse, top.keyboard = mouse, keyboard
            strings = recorded(paint)
            self._still_key = key
            # top is kept alive beside the picture, as its id is in the key
            self._still = (theme.copy_into(surface, self._still[0]), list(getattr(top, "buttons", [])),
                           list(getattr(top, "tips", [])), strings, top)
        else:
            surface.blit(self._still[0], (0, 0))
            if hasattr(top, "buttons"):
                top.buttons, top.tips = list(self._still[1]), list(self._still[2])
            renote(self._still[3])
        if hasattr(top, "buttons"):  # a UIScene: the hovered button lit, the tooltip
            from game.ui.widgets import paint_button
            hovered = next((b for b in top.buttons if b.enabled and b.rect.collidepoint(top.mouse)), None)
            if hovered is not None:
                paint_button(surface, hovered.rect, hovered, True, hovered.id == top.focus_id)
            top.overlay(surface)
            top.draw_tooltip(surface)

    def draw_backdrop(self, surface: pygame.Surface, below: list[Scene], dim: bool) -> None:
        """The scenes under the top one, each dialog among them dimming what is below it, and the top's dimmer."""
        looks = [scene.look() for scene in below]
        key = None if None in looks else (surface.get_size(), theme.scale(), text.language(), dim,
                                          tuple(map(id, below)), tuple(looks))
        if key is not None and key == self._backdrop_key:
            surface.blit(self._backdrop[0], (0, 0))
            renote(self._backdrop[1])
            return

        strings = recorded(lambda: paint_below(surface, below, dim))
        self._backdrop_key = key
        if key is not None:
            self._backdrop = (theme.copy_into(surface, self._backdrop[0]), strings)


def paint_below(surface: pygame.Surface, below: list[Scene], dim: bool) -> None:
    """The scenes under the top one, each dialog among them dimming what is below it, then the top's dimmer."""
    for scene in below:
        if scene.dims:
            surface.blit(dimmer(surface.get_size()), (0, 0))
        scene.draw(surface)
    if below and dim:
        surface.blit(dimmer(surface.get_size()), (0, 0))


def recorded(paint) -> list[str]:
    """Run `paint`; the strings it drew (a kept picture names them again when it is reused: `renote`)."""
    strings = theme.record_start()
    try:
        paint()
    finally:
        theme.record_stop()
    return list(strings)


def renote(strings: list[str]) -> None:
    """Tell a running recording the strings a kept picture shows (tests read what a frame draws)."""
    if theme.recording():
        for s in strings:
            theme.note(s)


_dim: dict[tuple[int, int], pygame.Surface] = {}


def dimmer(size: tuple[int, int]) -> pygame.Surface:
    """A translucent black sheet of `size` that dims the screen below a dialog (made once per size)."""
    if size not in _dim:
        _dim.clear()
        sheet = pygame.Surface(size, pygame.SRCALPHA)
        sheet.fill((0, 0, 0, 150))
        _dim[size] = sheet
    return _dim[size]
