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
    """A scenario file that cannot be used: where, which key, and why."""

    def __init__(self, path: str, line: int | None, key: str, message: str):
        self.path, self.line, self.key, self.message = path, line, key, message
        super().__init__(self.describe())

    def describe(self) -> str:
        """`file:line: key: sentence`, the form every scenario message takes."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ScenarioWarning(ScenarioError):
    """Something plausible but probably wrong in a scenario: shown, never blocking."""

    def describe(self) -> str:
        """`file:line: warning: key: sentence`."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: warning: {self.key}: {self.message}" if self.key else f"{where}: warning: {self.message}"


class ScenarioErrors(HeartlandError):
    """Every problem found in one validation run."""

    def __init__(self, errors: list[ScenarioError]):
        self.errors = list(errors)
        super().__init__("\n".join(e.describe() for e in self.errors))


class SaveError(HeartlandError):
    """A save file that cannot be read or trusted."""
