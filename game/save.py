"""Versioned saves: plain JSON, written atomically, checked on the way back in.

A save holds the scenario (embedded, so it loads after the shipped files change),
the seed, the seats, the action log, the game log, the year marks and a snapshot of
the World. Loading decodes the snapshot (fast, never re-runs the game); `game.replay`
re-runs the action log and checks it reaches the same World. Every problem with a
file becomes a `SaveError` whose message is one sentence naming the file.
The format is documented in docs/saves.md.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import math
import os
import typing
import uuid
from collections import abc
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping

import attrs
from attrs import frozen

from game import engine, paths
from game.errors import HeartlandError, SaveError
from game.fileio import NotRegular, TooLarge, clean_stale_temps, read_regular, safe_stem, write_atomic  # noqa: F401
from game.model import World
from game.rules import invariants
from game.rules.actions import parse as parse_action
from game.scenario.source import shown
from game.rules.log import Entry
from game.text import LANGUAGES, Msg, Ref, as_msg, msg
from game.text import to_data as msg_data
from game.session import AgentFactory, Seat, Session, YearMark, default_agents

MAGIC = "heartland-save"
FORMAT_VERSION = 2
OLDEST_FORMAT = 1  # formats from here to FORMAT_VERSION load (older ones are migrated)
SUFFIX = ".json"
BODY_KEY = '"body":'
QUICKSAVE = "quicksave.json"
AUTOSAVE_PREFIX = "autosave-"
EMERGENCY_PREFIX = "emergency-"
MAX_BYTES = 64_000_000
DIFFICULTIES = ("easy", "normal", "hard", "historical")


# --- versions ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def game_version() -> str:
    """The game's version, from the installed package's metadata ("unknown" in an uninstalled checkout)."""
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("heartland")
    except PackageNotFoundError:
        return "unknown"


# --- World <-> plain data ------------------------------------------------------------------

class _Bad(Exception):
    """A value in a save that does not fit the World's shape (internal; becomes SaveError)."""


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict:
    return typing.get_type_hints(cls)


@lru_cache(maxsize=None)
def _decoder(tp: Any) -> Callable[[Any, str], Any]:
    """A function turning plain data into a value of type `tp` (attrs records, tuples, mappings)."""
    if isinstance(tp, type) and attrs.has(tp):
        return _record_decoder(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (abc.Mapping, dict) or tp in (dict, Mapping):
        value_dec = _decoder(args[1]) if len(args) == 2 else (lambda v, where: v)

        def mapping(data, where):
            if not isinstance(data, dict):
                raise _Bad(msg("save.bad.table", where=where))
            return {k: value_dec(v, f"{where}.{k}") for k, v in data.items()}
        return mapping
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])

            def many(data, where):
                if not isinstance(data, list):
                    raise _Bad(msg("save.bad.list", where=where))
                return tuple(item(v, f"{where}[{i}]") for i, v in enumerate(data))
            return many
        items = tuple(_loose_number if a is float else _decoder(a) for a in args)

        def fixed(data, where):
            if not isinstance(data, list) or len(data) != len(items):
                raise _Bad(msg("save.bad.list_of", where=where, n=len(items)))
            return tuple(dec(v, f"{where}[{i}]") for i, (dec, v) in enumerate(zip(items, data)))
        return fixed
    return _scalar_decoder(tp)


def _scalar_decoder(tp: Any) -> Callable[[Any, str], Any]:
    """Check a plain value's type; a float that was NaN comes back as NaN."""
    def as_str(v, where):
        if not isinstance(v, str):
            raise _Bad(msg("save.bad.text", where=where))
        return v

    def as_int(v, where):
        if not isinstance(v, int) or isinstance(v, bool):
            raise _Bad(msg("save.bad.whole", where=where))
        return v

    def as_float(v, where):
        if v is None:
            return math.nan
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise _Bad(msg("save.bad.number", where=where))
        return v

    def as_bool(v, where):
        if not isinstance(v, bool):
            raise _Bad(msg("save.bad.bool", where=where))
        return v
    return {str: as_str, int: as_int, float: as_float, bool: as_bool}.get(tp, lambda v, where: v)


def _loose_number(v: Any, where: str) -> Any:
    """A number inside a fixed tuple, such as an event condition's value, which may also be text."""
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        raise _Bad(msg("save.bad.number_or_text", where=where))
    return v


def _record_decoder(cls: type) -> Callable[[Any, str], Any]:
    """Decode an attrs record field by field; missing fields take their defaults."""
    hints = _hints(cls)
    fields = [(f.name, _decoder(hints[f.name]), f.default is attrs.NOTHING) for f in attrs.fields(cls) if f.init]
    names = {f[0] for f in fields}

    def record(data, where):
        if not isinstance(data, dict):
            raise _Bad(msg("save.bad.table", where=where))
        extra = [k for k in data if k not in names]
        if extra:
            raise _Bad(msg("save.bad.key", where=where, name=str(extra[0])[:40]))
        kwargs = {}
        for name, dec, required in fields:
            if name in data:
                kwargs[name] = dec(data[name], f"{where}.{name}")
            elif required:
                raise _Bad(msg("save.bad.missing", where=f"{where}.{name}"))
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as e:
            raise _Bad(msg("save.bad.rebuild", where=where, error=str(e))) from None
    return record


def from_data(cls: type, data: Any, where: str = "world") -> Any:
    """The inverse of `engine.to_data` for a record of type `cls`; ValueError if it does not fit."""
    try:
        return _decoder(cls)(data, where)
    except _Bad as e:
        raise ValueError(e.args[0]) from None  # the message, shown in the reader's language


def _said(e: Exception):
    """What a ValueError says: its message when it carries one (the decoder's), else its text."""
    return e.args[0] if e.args and isinstance(e.args[0], Msg) else str(e)


def world_from_data(data: Any) -> World:
    """A World from `engine.to_data(world)`: `world_hash` of the result equals the original's."""
    return from_data(World, data, "world")


# --- what a possible World looks like ------------------------------------------------------

def world_problems(w: World) -> list[str]:
    """Reasons a decoded World could not arise in play (empty when it looks sound)."""
    return invariants.problems(w)


# --- writing -----------------------------------------------------------------------------

def _json_default(value: Any) -> Any:
    """TOML dates and times in an embedded scenario become ISO text."""
    if isinstance(value, (_dt.date, _dt.time, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} cannot be saved")


def _dumps(data: Any) -> str:
    """The canonical text: compact, ASCII, keys in their own order (the World's order matters)."""
    return json.dumps(data, separators=(",", ":"), default=_json_default, allow_nan=True)


def checksum(body_text: str) -> str:
    """The body's SHA-256, as written in the header."""
    return "sha256:" + hashlib.sha256(body_text.encode("ascii")).hexdigest()


def scenario_hash(raw: Any) -> str:
    """A content hash of scenario data, independent of key order."""
    text = json.dumps(raw, sort_keys=True, separators=(",", ":"), default=_json_default)
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def _scenario_block(session: Session) -> dict:
    """The embedded scenario: id, title, content hash, the merged data and the opening World's hash."""
    raw = session.scenario_raw
    if raw is None and session.scenario_id:
        raw = _shipped_raw(session.scenario_id, start_world(session))
        session.scenario_raw = raw
    raw = {k: v for k, v in (raw or {}).items() if k not in ("extends", "remove")} or None
    if not session.start_hash:
        session.start_hash = engine.world_hash(start_world(session))
    block = {"id": session.scenario_id, "title": session.world.title,
             "hash": scenario_hash(raw) if raw else "", "raw": raw, "start_hash": session.start_hash}
    if raw is None:  # no scenario data to embed: keep the opening World itself
        block["start"] = engine.to_data(start_world(session))
    return block


def _shipped_raw(scenario_id: str, start: World) -> dict | None:
    """The shipped scenario's data, if it builds exactly this game's opening World."""
    from attrs import evolve
    from game.scenario.loader import load as load_scenario
    try:
        sc = load_scenario(scenario_id)
    except HeartlandError:
        return None
    same = engine.world_hash(evolve(sc.world, seed=start.seed)) == engine.world_hash(start)
    return sc.raw if same else None


def body(session: Session, saved_at: str | None = None) -> dict:
    """Everything a save holds, as plain data."""
    w = session.world
    world_data = engine.to_data(w)
    return {
        "saved_at": saved_at or _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "scenario": _scenario_block(session),
        "seed": w.seed,
        "seats": [{"power": s.power, "human": s.human, "difficulty": s.difficulty} for s in session.seats.values()],
        "actions": list(session.actions),
        "years": [[m.year, m.actions, m.hash] for m in session.year_marks],
        "history": session.history,
        "log": [_entry_data(e) for e in session.log],
        "world_hash": hash_data(world_data),
        "world": world_data,
    } | ({"game_id": session.game_id} if session.game_id else {})


def hash_data(world_data: dict) -> str:
    """`engine.world_hash` of a World already turned into data (saves converting it twice)."""
    text = json.dumps(world_data, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _entry_data(e: Entry) -> list:
    """A log entry as a short list (year, phase, actor, message as data, rule, terms, private)."""
    return [e.year, e.phase, e.actor, msg_data(e.msg), e.rule, engine.to_data(e.terms), list(e.private)]


def dumps(session: Session, saved_at: str | None = None) -> str:
    """The whole save file's text."""
    return seal(body(session, saved_at))


def seal(content: dict, format_version: int = FORMAT_VERSION, version: str | None = None) -> str:
    """A save file's text: the header, then the body, whose exact bytes the checksum covers."""
    text = _dumps(content)
    return (f'{{"format":"{MAGIC}","format_version":{format_version},'
            f'"game_version":{json.dumps(version or game_version())},'
            f'"checksum":"{checksum(text)}",{BODY_KEY}{text}}}\n')


def save(session: Session, path: str | os.PathLike) -> None:
    """Save the game to `path` atomically; SaveError in one sentence if it cannot be written."""
    try:
        write_atomic(path, dumps(session))
    except OSError as e:
        raise SaveError(msg("save.err.write", path=str(path), error=str(e.strerror or e))) from None


# --- reading -----------------------------------------------------------------------------

def read(path: str | os.PathLike) -> dict:
    """The checked, migrated body of a save file; SaveError naming the file if it cannot be trusted."""
    path = Path(path)
    try:
        data = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        raise SaveError(msg("save.err.no_file", path=str(path))) from None
    except IsADirectoryError:
        raise SaveError(msg("save.err.folder", path=str(path))) from None
    except TooLarge as e:
        raise SaveError(msg("save.err.too_large", path=str(path), size=e.size)) from None
    except NotRegular:
        raise SaveError(msg("save.err.special", path=str(path))) from None
    except (OSError, ValueError) as e:
        raise SaveError(msg("save.err.read", path=str(path), error=str(getattr(e, "strerror", None) or e))) from None
    return parse(data, str(path))


def parse(data: bytes, where: str) -> dict:
    """Check a save's bytes (format, version, checksum) and return its body, migrated to this format."""
    if not data.strip():
        raise SaveError(msg("save.err.empty", path=where))
    try:
        doc = json.loads(data)
    except (UnicodeDecodeError, ValueError, RecursionError):
        if data.lstrip().startswith(b'{"format":"' + MAGIC.encode()):
            raise SaveError(msg("save.err.cut_short", path=where)) from None
        raise SaveError(msg("save.err.not_json", path=where)) from None
    if not isinstance(doc, dict) or doc.get("format") != MAGIC:
        raise SaveError(msg("save.err.not_ours", path=where, magic=MAGIC))
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(msg("save.err.no_version", path=where))
    if version > FORMAT_VERSION:
        raise SaveError(msg("save.err.newer", path=where, version=version, game=str(doc.get("game_version", "?")),
                            newest=FORMAT_VERSION))
    if version < OLDEST_FORMAT:
        raise SaveError(msg("save.err.older", path=where, version=version, oldest=OLDEST_FORMAT, newest=FORMAT_VERSION))
    content = doc.get("body")
    if not isinstance(content, dict):
        raise SaveError(msg("save.err.no_body", path=where))
    if doc.get("checksum") != checksum(_body_text(data)):
        raise SaveError(msg("save.err.checksum", path=where))
    try:
        while version < FORMAT_VERSION:
            content = MIGRATIONS[version](content)
            version += 1
    except (AttributeError, KeyError, TypeError, ValueError):
        raise SaveError(msg("save.err.not_migrated", path=str(where), version=version)) from None
    content["saved_by"] = str(doc.get("game_version", ""))
    return content


def _body_text(data: bytes) -> str:
    """The body's exact text inside a save file ("" if the file is not laid out as written)."""
    start = data.find(BODY_KEY.encode())
    end = data.rstrip().rfind(b"}")
    if start < 0 or end <= start:
        return ""
    try:
        return data[start + len(BODY_KEY):end].decode("ascii")
    except UnicodeDecodeError:
        return ""


def _migrate_1(old: dict) -> dict:
    """Format 1 (seats as {power: "human"|"ai"}, a log of dicts, no year marks) -> format 2."""
    new = dict(old)
    seats = old.get("seats", {})
    if isinstance(seats, dict):
        new["seats"] = [{"power": p, "human": kind == "human", "difficulty": "normal"} for p, kind in seats.items()]
    new["log"] = [[e.get("year"), e.get("phase"), e.get("actor"), e.get("text"), e.get("rule", ""),
                   e.get("terms", {}), e.get("private", [])] if isinstance(e, dict) else e
                  for e in old.get("log", [])]
    new.setdefault("years", [])
    new.setdefault("history", [])
    return new


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _migrate_1}


def load(path: str | os.PathLike, make_agent: AgentFactory = default_agents) -> Session:
    """The saved game, ready to continue; SaveError with one sentence naming the file otherwise."""
    content = read(path)
    try:
        return session_from_body(content, make_agent)
    except SaveError as e:
        raise SaveError(msg("save.err.in_file", path=str(path), error=e.args[0] if e.args else "")) from None
    except Exception as e:  # a checksummed body that still makes no sense: never a traceback
        raise SaveError(msg("save.err.not_understood", path=str(path), error=f"{type(e).__name__}: {e}")) from None


def session_from_body(content: dict, make_agent: AgentFactory = default_agents) -> Session:
    """A Session from a checked body (SaveError, without the file name, when it makes no sense)."""
    try:
        world = world_from_data(content["world"])
        seats = {}
        for s in content["seats"]:
            seat = Seat(s["power"], bool(s["human"]), s.get("difficulty", "normal"))
            seats[seat.power] = seat
        actions = _actions(content["actions"])
        log = [Entry(y, ph, a, as_msg(t), r, dict(terms), tuple(pr)) for y, ph, a, t, r, terms, pr in content["log"]]
        marks = [YearMark(int(y), int(n), str(h)) for y, n, h in content.get("years", [])]
        history = list(content.get("history", []))
        scenario = content["scenario"]
        stated_hash = content.get("world_hash", "")
        if not isinstance(scenario, dict) or not isinstance(scenario.get("raw") or {}, dict):
            raise SaveError(msg("save.err.scenario_not_table"))
        if not isinstance(stated_hash, str):
            raise SaveError(msg("save.err.hash_not_text"))
    except ValueError as e:
        raise SaveError(msg("save.err.impossible", detail=_said(e))) from None
    except (KeyError, TypeError, AttributeError):
        raise SaveError(msg("save.err.missing_parts")) from None
    problems = world_problems(world)
    if sorted(seats) != sorted(world.order):
        problems.append(msg("save.err.seats"))
    if any(m.actions > len(actions) for m in marks):
        problems.append(msg("save.err.marks"))
    if problems:
        raise SaveError(msg("save.err.impossible", detail=problems[0]))
    built_here = content.get("saved_by", "") == game_version()
    if stated_hash and engine.world_hash(world) != stated_hash and built_here:
        raise SaveError(msg("save.err.hash"))
    session = Session(world, seats, str(scenario.get("id", "")), make_agent, actions=actions, log=log,
                      history=history)
    session.scenario_raw = scenario.get("raw")
    session.start_hash = str(scenario.get("start_hash", ""))
    session.year_marks = marks
    session.saved_by = "" if built_here else str(content.get("saved_by", ""))
    session.game_id = safe_stem(content.get("game_id"), "") if content.get("game_id") else ""
    session.start_world = _embedded_start(scenario) if scenario.get("start") else None
    session.agents = {p: make_agent(world, seat) for p, seat in seats.items() if not seat.human}
    return session


def _actions(items: Any) -> list[str]:
    """The action log, every entry readable as an action (SaveError naming the first that is not)."""
    if not isinstance(items, list):
        raise SaveError(msg("save.err.actions_not_list"))
    for i, text in enumerate(items):
        try:
            parse_action(text)
        except HeartlandError as e:
            raise SaveError(msg("save.err.bad_action", n=i + 1, text=shown(str(text)), error=str(e))) from None
    return list(items)


def _embedded_start(scenario: dict) -> World:
    """The opening World stored in a save made without scenario data."""
    try:
        return world_from_data(scenario["start"])
    except ValueError as e:
        raise SaveError(msg("save.err.opening_impossible", detail=_said(e))) from None


def start_world(session: Session) -> World:
    """The game's opening World (scenario plus seed), rebuilt from the embedded scenario if needed."""
    if session.start_world is not None:
        return session.start_world
    if not session.scenario_raw:
        raise SaveError(msg("save.err.no_scenario"))
    from attrs import evolve
    from game.errors import ScenarioErrors
    from game.scenario.loader import from_raw
    try:
        sc = from_raw(dict(session.scenario_raw), f"the embedded scenario '{session.scenario_id}'")
    except ScenarioErrors as e:
        first = e.errors[0].message if e.errors else msg("save.err.does_not_build")
        raise SaveError(msg("save.err.scenario_stale", detail=first)) from None
    session.start_world = evolve(sc.world, seed=session.world.seed)
    return session.start_world


# --- year by year ------------------------------------------------------------------------

def year_worlds(session: Session) -> list[World]:
    """The opening World, then the World after each finished year (replayed from the log if needed)."""
    if session.year_worlds and len(session.year_worlds) == len(session.year_marks) and session.start_world:
        return [engine.start(session.start_world)[0], *session.year_worlds]
    from game.replay import rerun
    run = rerun(session)
    if run.diverged:
        raise SaveError(run.message)
    session.year_worlds = list(run.worlds[1:])
    return list(run.worlds)


# --- the saves folder ----------------------------------------------------------------------

def saves_dir(folder: str | os.PathLike | None = None) -> Path:
    """Where saves go: `folder`, else the user's saves folder (game.paths)."""
    return Path(folder) if folder is not None else paths.saves_dir()


def autosave(session: Session, folder: str | os.PathLike | None = None, keep: int = 5) -> Path:
    """Save to a new autosave file of this game; keep the newest `keep` of this game's autosaves."""
    where = saves_dir(folder)
    if not session.game_id:
        session.game_id = uuid.uuid4().hex[:12]
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = where / f"{AUTOSAVE_PREFIX}{session.game_id}-{stamp}-{session.world.year}{SUFFIX}"
    save(session, path)
    prune_autosaves(where, session.game_id, keep)
    clean_stale_temps(where)
    return path


def prune_autosaves(folder: Path, game_id: str, keep: int) -> None:
    """Delete all but the newest `keep` autosaves of one game (other games' autosaves stay)."""
    mine = sorted(folder.glob(f"{AUTOSAVE_PREFIX}{game_id}-*{SUFFIX}"))
    for p in mine[:max(0, len(mine) - max(1, keep))]:
        try:
            p.unlink()
        except OSError:
            pass


def emergency_save(session: Session, folder: str | os.PathLike | None = None) -> Path:
    """Save a game that hit an unexpected error to its own file, so it can be resumed; the path."""
    if not session.game_id:
        session.game_id = uuid.uuid4().hex[:12]
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = saves_dir(folder) / f"{EMERGENCY_PREFIX}{session.game_id}-{stamp}{SUFFIX}"
    save(session, path)
    return path


def enable_autosave(session: Session, folder: str | os.PathLike | None = None, keep: int = 5) -> None:
    """Autosave at the end of every year; a failed autosave is logged, never fatal."""
    def hook(s: Session) -> None:
        try:
            autosave(s, folder, keep)
        except Exception as e:  # a full disk or a bad folder must not end the game
            s.log.append(Entry.of(s.world, "", "log.autosave_failed", rule="save", error=str(e)))
    session.on_year_end.append(hook)


def quicksave(session: Session, folder: str | os.PathLike | None = None) -> Path:
    """Save to the one quick-save slot."""
    path = saves_dir(folder) / QUICKSAVE
    save(session, path)
    return path


def quickload(folder: str | os.PathLike | None = None, make_agent: AgentFactory = default_agents) -> Session:
    """Load the quick-save slot; SaveError if there is none or it is broken."""
    path = saves_dir(folder) / QUICKSAVE
    if not path.exists():
        raise SaveError(msg("save.err.no_quicksave", path=str(path)))
    return load(path, make_agent)


@frozen
class SaveInfo:
    """What a load screen shows for one file; `error` is a sentence when the file is broken."""

    path: Path
    scenario_title: str = ""
    year: int = 0
    saved_at: str = ""
    seats: Msg | str = ""  # the human seats and the number of computer players, rendered when shown
    error: str = ""
    scenario_id: str = ""
    status: str = ""
    kind: str = "save"  # save, autosave, quicksave
    titles: tuple[tuple[str, str], ...] = ()  # (language, title) the embedded scenario gives in other languages

    def title_in(self, lang: str) -> str:
        """The scenario's title in `lang`, as written when the scenario gives none in it."""
        return dict(self.titles).get(lang) or self.scenario_title


def list_saves(folder: str | os.PathLike | None = None) -> list[SaveInfo]:
    """Every save in the folder, newest first; broken ones are listed with their error. Never raises."""
    where = saves_dir(folder)
    clean_stale_temps(where)
    try:
        paths = [p for p in where.iterdir() if p.suffix == SUFFIX and not p.name.startswith(".")]
    except OSError:
        return []
    infos = [_info(p) for p in paths]
    return sorted(infos, key=lambda i: (i.saved_at or _mtime(i.path), i.path.name), reverse=True)


def _info(path: Path) -> SaveInfo:
    """One file's SaveInfo."""
    kind = "quicksave" if path.name == QUICKSAVE else "autosave" if path.name.startswith(AUTOSAVE_PREFIX) else "save"
    try:
        content = read(path)
        w = content["world"]
        seats = content["seats"]
        humans = [s["power"] for s in seats if s["human"]]
        names = {p: w["powers"][p]["name"] for p in w["order"]}
        people = tuple(Ref("power", p, str(names.get(p, ""))) for p in humans) or msg("load.no_humans")
        summary = msg("load.seat_list", humans=people, n=len(seats) - len(humans))
        return SaveInfo(path, str(content["scenario"].get("title", "")), int(w["year"]), str(content["saved_at"]),
                        summary, "", str(content["scenario"].get("id", "")), str(w["status"]), kind,
                        _titles(content["scenario"].get("raw")))
    except SaveError as e:
        return SaveInfo(path, error=str(e), saved_at=_mtime(path), kind=kind)
    except Exception:  # a checksummed file that still makes no sense
        error = msg("save.err.in_file", path=str(path), error=msg("save.err.missing_parts"))
        return SaveInfo(path, error=str(error), saved_at=_mtime(path), kind=kind)


def _titles(raw: Any) -> tuple[tuple[str, str], ...]:
    """(language, title) for each language the embedded scenario's [i18n.LANG] tables title it in."""
    tables = raw.get("i18n") if isinstance(raw, dict) else None
    if not isinstance(tables, dict):
        return ()
    found = [(lang, (tables.get(lang) or {}).get("scenario", {}).get("title")) for lang in LANGUAGES]
    return tuple((lang, t) for lang, t in found if isinstance(t, str) and t)


def _mtime(path: Path) -> str:
    """A file's modification time as ISO text ("" if unknown)."""
    try:
        return _dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone().isoformat(timespec="seconds")
    except OSError:
        return ""
