"""The game's typed errors: one base, one kind per boundary."""
from __future__ import annotations


class HeartlandError(Exception):
    """Base of every error the game reports to a person; its message may be a game.text.Msg, rendered when shown."""

    def __str__(self) -> str:
        from game.text import render
        return " ".join(render(a) for a in self.args) if self.args else ""


class IllegalAction(HeartlandError):
    """An action that is not allowed now; `reasons` are messages (game.text.Msg), rendered when shown."""

    def __init__(self, reasons):
        self.reasons = tuple(reasons)
        super().__init__(*self.reasons)

    def __str__(self) -> str:
        return "; ".join(self.texts())

    def texts(self) -> list[str]:
        """The reasons in the active language."""
        from game.text import render
        return [render(r) for r in self.reasons]


class ScenarioError(HeartlandError):
    """A scenario file that cannot be used: where, which key, and why (`message`, a game.text.Msg)."""

    label = ""  # a catalogue key said before the key ("warning"), or none

    def __init__(self, path: str, line: int | None, key: str, message):
        self.path, self.line, self.key, self.message = path, line, key, message
        super().__init__()

    def __str__(self) -> str:
        return self.describe()

    def describe(self, path: str | None = None) -> str:
        """`file:line: key: sentence` in the active language, the form every scenario message takes (`path` shown instead of the full one)."""
        from game.text import render, tr
        shown = path or self.path
        parts = [f"{shown}:{self.line}" if self.line else shown] + ([tr(self.label)] if self.label else [])
        return ": ".join(parts + ([self.key] if self.key else []) + [render(self.message)])

    @property
    def text(self) -> str:
        """The sentence alone, in the active language."""
        from game.text import render
        return render(self.message)


class ScenarioWarning(ScenarioError):
    """Something plausible but probably wrong in a scenario: shown, never blocking (`file:line: warning: key: sentence`)."""

    label = "scenario.warning"


class ScenarioErrors(HeartlandError):
    """Every problem found in one validation run."""

    def __init__(self, errors: list[ScenarioError]):
        self.errors = list(errors)
        super().__init__()

    def __str__(self) -> str:
        return "\n".join(e.describe() for e in self.errors)


class SaveError(HeartlandError):
    """A save file that cannot be read or trusted."""
