"""The scene stack: menus, the map, dialogs and overlays are scenes with a lifecycle.

A scene reads the session's views and emits actions; it never changes a World.
The manager owns the stack: push (an overlay or dialog), pop, replace (a new screen).
Only the top scene receives events; scenes below an overlay still draw when the
overlay says it is transparent.
"""
from __future__ import annotations

import pygame


class Scene:
    """Base of every screen and dialog; override what you need."""

    transparent = False  # draw the scene below first (dialogs, overlays)

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

    def handle_event(self, event: pygame.event.Event) -> bool:
        """React to one input event; True when consumed."""
        return False

    def update(self, dt: float) -> None:
        """Advance animations and timers by `dt` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the scene; must not change any game state."""


class SceneManager:
    """A stack of scenes with push, pop and replace."""

    def __init__(self) -> None:
        self.stack: list[Scene] = []

    @property
    def top(self) -> Scene | None:
        """The scene receiving input, if any."""
        return self.stack[-1] if self.stack else None

    def push(self, scene: Scene) -> None:
        """Put a scene on top; the one below pauses."""
        if self.top:
            self.top.pause()
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
        """Draw the visible scenes from the lowest opaque one up."""
        start = len(self.stack) - 1
        while start > 0 and self.stack[start].transparent:
            start -= 1
        for scene in self.stack[max(start, 0):]:
            scene.draw(surface)
