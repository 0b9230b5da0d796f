"""Agents by name: the built-in ones and a user's agent class from a Python file named on the command line.

A seat spec is `POWER=AGENT`, AGENT being a built-in name (a difficulty: easy, normal, hard,
historical; a baseline: random, greedy; a scripted policy of `ai/scripted.py`: nothing,
summits, aid, accept, sell2x) or `path/to/file.py:ClassName`. Loading that file is the only
place the game runs code it did not ship, and only from a path the user typed.

A user's agent is wrapped in `Guarded`: it sees only its seat's view and a copy of the legal
actions; it must return one of them (or a Decision holding one). An agent that raises or
returns anything else stops the game with `AgentError` naming the seat, the year and the file
(the command line prints it as one sentence and exits 2): a contest must not go on with a
seat that is not playing by the rules.
"""
from __future__ import annotations

import functools
import importlib.util
import random
import sys
import zlib
from pathlib import Path

from ai.base import Decision
from ai.personality import LEVELS
from game.errors import HeartlandError
from game.model import World
from game.rules.actions import Action
from game.text import msg

BASELINES = ("random", "greedy")


class AgentError(HeartlandError):
    """A seat spec or an agent file that cannot be used, or an agent that broke the contract mid-game."""


def builtin_names() -> tuple[str, ...]:
    """Every built-in agent name, in the order the help lists them."""
    from ai.scripted import POLICIES
    return (*LEVELS, *BASELINES, *POLICIES)


def is_file_spec(spec: str) -> bool:
    """Whether an agent spec names a Python file (`file.py:Class`) rather than a built-in agent."""
    return ":" in spec or spec.endswith(".py")


def parse_seat(text: str, powers: tuple[str, ...]) -> tuple[str, str]:
    """`POWER=AGENT` as (power, agent spec); AgentError when the power or the agent is unknown."""
    power, sep, spec = text.partition("=")
    power, spec = power.strip().lower(), spec.strip()
    if not sep or not power or not spec:
        raise AgentError(msg("cli.agent.seat_form", text=text))
    if power not in powers:
        raise AgentError(msg("cli.agent.no_power", power=power, powers=", ".join(powers)))
    check_spec(spec)
    return power, spec


def check_spec(spec: str) -> None:
    """AgentError unless `spec` is a built-in name or a loadable agent class in a file."""
    if is_file_spec(spec):
        agent_class(spec)
    elif spec not in builtin_names():
        raise AgentError(msg("cli.agent.no_name", name=spec, names=", ".join(builtin_names())))


def _split(spec: str) -> tuple[Path, str]:
    """`path/file.py:Class` as (path, class name)."""
    path, _, name = spec.rpartition(":") if ":" in spec else (spec, "", "")
    if not path.endswith(".py"):  # a Windows drive letter `C:\\bots\\a.py` has no class part
        path, name = spec, ""
    return Path(path), name.strip()


@functools.lru_cache(maxsize=32)
def agent_class(spec: str) -> type:
    """The agent class a `file.py:Class` spec names, loaded once per process; AgentError when it cannot be used."""
    path, name = _split(spec)
    if not name:
        raise AgentError(msg("cli.agent.no_class_part", spec=spec))
    if not path.is_file():
        raise AgentError(msg("cli.agent.no_file", path=str(path)))
    module = _load(path)
    cls = getattr(module, name, None)
    if cls is None:
        raise AgentError(msg("cli.agent.no_class", path=str(path), name=name))
    if not isinstance(cls, type) or not callable(getattr(cls, "choose", None)):
        raise AgentError(msg("cli.agent.not_agent", path=str(path), name=name))
    return cls


def _load(path: Path):
    """Run the file as a module of its own (the one place user code is loaded)."""
    module_name = f"heartland_agent_{zlib.crc32(str(path.resolve()).encode()):08x}"
    try:
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module  # dataclasses and pickling look the module up by name
        spec.loader.exec_module(module)
    except Exception as e:  # any error in the user's file is reported, never a traceback
        sys.modules.pop(module_name, None)
        raise AgentError(msg("cli.agent.load_failed", path=str(path), error=_one_line(e))) from None
    return module


def _one_line(e: BaseException) -> str:
    """An exception as `Kind: message` (with the line for a syntax error)."""
    if isinstance(e, SyntaxError):
        return f"SyntaxError: {e.msg} (line {e.lineno})"
    return f"{type(e).__name__}: {e}".rstrip(": ")


def make(world: World, power: str, spec: str, overrides=None):
    """The agent `spec` names for `power`: a built-in one or a new instance of a user's class (guarded)."""
    if is_file_spec(spec):
        cls = agent_class(spec)
        try:
            inner = cls()
        except Exception as e:
            raise AgentError(msg("cli.agent.init_failed", path=str(_split(spec)[0]), name=cls.__name__,
                                 error=_one_line(e))) from None
        return Guarded(inner, power, str(_split(spec)[0]))
    if spec in LEVELS:
        from ai.factory import make_agent
        return make_agent(world, power, spec, overrides)
    if spec in BASELINES:
        from ai.baseline import GreedyAgent, RandomAgent
        return {"random": RandomAgent, "greedy": GreedyAgent}[spec]()
    from ai.scripted import POLICIES
    if spec in POLICIES:
        return POLICIES[spec]()
    raise AgentError(msg("cli.agent.no_name", name=spec, names=", ".join(builtin_names())))


class Guarded:
    """A user's agent held to the contract: one of the legal actions, from the seat's view alone."""

    def __init__(self, inner, power: str, path: str):
        self.inner, self.power, self.path = inner, power, path

    def choose(self, view: World, legal: list[Action], rng: random.Random) -> Decision:
        """The inner agent's choice, checked; AgentError (seat, year, file) when it raises or breaks the contract."""
        try:
            got = self.inner.choose(view, list(legal), rng)
        except Exception as e:
            raise AgentError(msg("cli.agent.raised", power=self.power, year=str(view.year), path=self.path,
                                 error=_one_line(e))) from None
        action = got.action if isinstance(got, Decision) else got
        if not isinstance(action, Action) or action not in legal:
            raise AgentError(msg("cli.agent.illegal", power=self.power, year=str(view.year), path=self.path,
                                 got=_shown(got)))
        return Decision(legal[legal.index(action)])  # the menu's own object; its words are not the game's to log


def _shown(got) -> str:
    """What an agent returned, short enough for one sentence."""
    text = str(got.action if isinstance(got, Decision) else got)
    return text if len(text) <= 80 else text[:77] + "..."
