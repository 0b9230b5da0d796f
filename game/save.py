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
import tempfile
import typing
from collections import abc
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping

import attrs
from attrs import frozen

from game import engine, paths
from game.errors import HeartlandError, SaveError
from game.model import World
from game.rules.log import Entry
from game.session import AgentFactory, Seat, Session, YearMark, default_agents

MAGIC = "heartland-save"
FORMAT_VERSION = 2
OLDEST_FORMAT = 1  # formats from here to FORMAT_VERSION load (older ones are migrated)
SUFFIX = ".json"
BODY_KEY = '"body":'
QUICKSAVE = "quicksave.json"
AUTOSAVE_PREFIX = "autosave-"
MAX_BYTES = 64_000_000
PHASES = ("events", "income", "diplomacy", "answers", "actions", "resolution", "end")
STATUSES = ("playing", "over", "collapsed")
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
                raise _Bad(f"{where} should be a table")
            return {k: value_dec(v, f"{where}.{k}") for k, v in data.items()}
        return mapping
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])

            def many(data, where):
                if not isinstance(data, list):
                    raise _Bad(f"{where} should be a list")
                return tuple(item(v, f"{where}[{i}]") for i, v in enumerate(data))
            return many
        items = tuple(_loose_number if a is float else _decoder(a) for a in args)

        def fixed(data, where):
            if not isinstance(data, list) or len(data) != len(items):
                raise _Bad(f"{where} should be a list of {len(items)} values")
            return tuple(dec(v, f"{where}[{i}]") for i, (dec, v) in enumerate(zip(items, data)))
        return fixed
    return _scalar_decoder(tp)


def _scalar_decoder(tp: Any) -> Callable[[Any, str], Any]:
    """Check a plain value's type; a float that was NaN comes back as NaN."""
    def as_str(v, where):
        if not isinstance(v, str):
            raise _Bad(f"{where} should be text")
        return v

    def as_int(v, where):
        if not isinstance(v, int) or isinstance(v, bool):
            raise _Bad(f"{where} should be a whole number")
        return v

    def as_float(v, where):
        if v is None:
            return math.nan
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise _Bad(f"{where} should be a number")
        return v

    def as_bool(v, where):
        if not isinstance(v, bool):
            raise _Bad(f"{where} should be true or false")
        return v
    return {str: as_str, int: as_int, float: as_float, bool: as_bool}.get(tp, lambda v, where: v)


def _loose_number(v: Any, where: str) -> Any:
    """A number inside a fixed tuple, such as an event condition's value, which may also be text."""
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        raise _Bad(f"{where} should be a number or text")
    return v


def _record_decoder(cls: type) -> Callable[[Any, str], Any]:
    """Decode an attrs record field by field; missing fields take their defaults."""
    hints = _hints(cls)
    fields = [(f.name, _decoder(hints[f.name]), f.default is attrs.NOTHING) for f in attrs.fields(cls) if f.init]
    names = {f[0] for f in fields}

    def record(data, where):
        if not isinstance(data, dict):
            raise _Bad(f"{where} should be a table")
        extra = [k for k in data if k not in names]
        if extra:
            raise _Bad(f"{where} has an unknown key '{extra[0]}'")
        kwargs = {}
        for name, dec, required in fields:
            if name in data:
                kwargs[name] = dec(data[name], f"{where}.{name}")
            elif required:
                raise _Bad(f"{where}.{name} is missing")
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as e:
            raise _Bad(f"{where} cannot be rebuilt ({e})") from None
    return record


def from_data(cls: type, data: Any, where: str = "world") -> Any:
    """The inverse of `engine.to_data` for a record of type `cls`; ValueError if it does not fit."""
    try:
        return _decoder(cls)(data, where)
    except _Bad as e:
        raise ValueError(str(e)) from None


def world_from_data(data: Any) -> World:
    """A World from `engine.to_data(world)`: `world_hash` of the result equals the original's."""
    return from_data(World, data, "world")


# --- what a possible World looks like ------------------------------------------------------

def world_problems(w: World) -> list[str]:
    """Reasons a decoded World could not arise in play (empty when it looks sound)."""
    out = []
    if w.phase not in PHASES:
        out.append(f"the phase '{w.phase}' does not exist")
    if w.status not in STATUSES:
        out.append(f"the status '{w.status}' does not exist")
    if not w.start_year <= w.year <= w.end_year:
        out.append(f"the year {w.year} lies outside the game's years {w.start_year}-{w.end_year}")
    if sorted(w.order) != sorted(w.powers) or len(set(w.order)) != len(w.order):
        out.append("the seat order does not list every power once")
    if not -1 <= w.turn < len(w.order):
        out.append(f"the turn {w.turn} names no seat")
    for pid, p in w.powers.items():
        if p.id != pid:
            out.append(f"the power filed as '{pid}' calls itself '{p.id}'")
        if not _finite(p.treasury, p.income) or p.action_points < 0:
            out.append(f"{pid}'s treasury, income or action points are impossible")
    for c, e in w.economies.items():
        if c not in w.powers:
            out.append(f"the economy '{c}' belongs to no power")
        if not _finite(e.gdp, e.stability) or not 0 <= e.stability <= 100 or e.gdp < 0:
            out.append(f"{c}'s GDP or stability is impossible")
    for c, row in w.trust.items():
        if any(not 0 <= v <= 1 for v in row.values()):
            out.append(f"trust in {c} lies outside 0..1")
    for table, items in (("corridor", w.corridors), ("contract", w.contracts), ("pledge", w.pledges),
                         ("forum", w.forums), ("offer", w.offers), ("policy", w.policies)):
        for key, rec in items.items():
            if rec.id != key:
                out.append(f"the {table} filed as '{key}' calls itself '{rec.id}'")
    for k in w.contracts.values():
        if k.seller not in w.powers or k.buyer not in w.powers:
            out.append(f"the contract '{k.id}' names a power that does not exist")
    for o in w.offers.values():
        if o.sender not in w.powers or o.receiver not in w.powers:
            out.append(f"the offer '{o.id}' names a power that does not exist")
    if any(v < 0 for v in w.ap_left.values()):
        out.append("a power has negative action points left")
    return out


def _finite(*values: float) -> bool:
    return all(isinstance(v, (int, float)) and math.isfinite(v) for v in values)


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
    }


def hash_data(world_data: dict) -> str:
    """`engine.world_hash` of a World already turned into data (saves converting it twice)."""
    text = json.dumps(world_data, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _entry_data(e: Entry) -> list:
    """A log entry as a short list (year, phase, actor, text, rule, terms, private)."""
    return [e.year, e.phase, e.actor, e.text, e.rule, engine.to_data(e.terms), list(e.private)]


def dumps(session: Session, saved_at: str | None = None) -> str:
    """The whole save file's text."""
    return seal(body(session, saved_at))


def seal(content: dict, format_version: int = FORMAT_VERSION, version: str | None = None) -> str:
    """A save file's text: the header, then the body, whose exact bytes the checksum covers."""
    text = _dumps(content)
    return (f'{{"format":"{MAGIC}","format_version":{format_version},'
            f'"game_version":{json.dumps(version or game_version())},'
            f'"checksum":"{checksum(text)}",{BODY_KEY}{text}}}\n')


def write_atomic(path: str | os.PathLike, text: str) -> None:
    """Write a file so that a crash leaves either the old file or the new one, never a mix."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(path.parent)


def _umask() -> int:
    """The process's umask (read without changing it for long)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (where the platform allows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save(session: Session, path: str | os.PathLike) -> None:
    """Save the game to `path` atomically; SaveError in one sentence if it cannot be written."""
    try:
        write_atomic(path, dumps(session))
    except OSError as e:
        raise SaveError(f"{path}: the game could not be saved ({e.strerror or e}).") from None


# --- reading -----------------------------------------------------------------------------

def read(path: str | os.PathLike) -> dict:
    """The checked, migrated body of a save file; SaveError naming the file if it cannot be trusted."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SaveError(f"{path}: the file is {size:,} bytes, too large to be a Heartland save.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SaveError(f"{path}: there is no such save file.") from None
    except IsADirectoryError:
        raise SaveError(f"{path}: this is a folder, not a save file.") from None
    except OSError as e:
        raise SaveError(f"{path}: the save could not be read ({e.strerror or e}).") from None
    return parse(data, str(path))


def parse(data: bytes, where: str) -> dict:
    """Check a save's bytes (format, version, checksum) and return its body, migrated to this format."""
    if not data.strip():
        raise SaveError(f"{where}: the file is empty; it is not a complete save.")
    try:
        doc = json.loads(data)
    except (UnicodeDecodeError, ValueError, RecursionError):
        if data.lstrip().startswith(b'{"format":"' + MAGIC.encode()):
            raise SaveError(f"{where}: the save is cut short or damaged (it is not complete JSON).") from None
        raise SaveError(f"{where}: this is not a Heartland save (it is not JSON).") from None
    if not isinstance(doc, dict) or doc.get("format") != MAGIC:
        raise SaveError(f"{where}: this is not a Heartland save (its format is not '{MAGIC}').")
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(f"{where}: the save has no readable format version.")
    if version > FORMAT_VERSION:
        raise SaveError(f"{where}: this save was made by a newer Heartland (save format {version}, "
                        f"game {doc.get('game_version', '?')}); this version reads formats up to {FORMAT_VERSION}.")
    if version < OLDEST_FORMAT:
        raise SaveError(f"{where}: this save's format {version} is too old to be read; "
                        f"this version reads formats {OLDEST_FORMAT} to {FORMAT_VERSION}.")
    content = doc.get("body")
    if not isinstance(content, dict):
        raise SaveError(f"{where}: the save has no body.")
    if doc.get("checksum") != checksum(_body_text(data)):
        raise SaveError(f"{where}: the save's checksum does not match; the file was damaged or edited.")
    while version < FORMAT_VERSION:
        content = MIGRATIONS[version](content)
        version += 1
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
        raise SaveError(f"{path}: {e}") from None
    except Exception as e:  # a checksummed body that still makes no sense: never a traceback
        raise SaveError(f"{path}: the save could not be understood ({type(e).__name__}: {e}).") from None


def session_from_body(content: dict, make_agent: AgentFactory = default_agents) -> Session:
    """A Session from a checked body (SaveError, without the file name, when it makes no sense)."""
    try:
        world = world_from_data(content["world"])
        seats = {}
        for s in content["seats"]:
            seat = Seat(s["power"], bool(s["human"]), s.get("difficulty", "normal"))
            seats[seat.power] = seat
        actions = [str(a) for a in content["actions"]]
        log = [Entry(y, ph, a, t, r, dict(terms), tuple(pr)) for y, ph, a, t, r, terms, pr in content["log"]]
        marks = [YearMark(int(y), int(n), str(h)) for y, n, h in content.get("years", [])]
        history = list(content.get("history", []))
        scenario = content["scenario"]
        stated_hash = content.get("world_hash", "")
    except ValueError as e:
        raise SaveError(f"the saved World is impossible: {e}.") from None
    except (KeyError, TypeError, AttributeError):
        raise SaveError("the save is missing parts of the game (seats, actions, log or World).") from None
    problems = world_problems(world)
    if sorted(seats) != sorted(world.order):
        problems.append("the seats do not match the powers")
    if any(m.actions > len(actions) for m in marks):
        problems.append("a year mark points past the end of the action log")
    if problems:
        raise SaveError(f"the saved World is impossible: {problems[0]}.")
    if stated_hash and engine.world_hash(world) != stated_hash:
        raise SaveError("the saved World does not match its recorded hash.")
    session = Session(world, seats, str(scenario.get("id", "")), make_agent, actions=actions, log=log,
                      history=history)
    session.scenario_raw = scenario.get("raw")
    session.start_hash = str(scenario.get("start_hash", ""))
    session.year_marks = marks
    session.start_world = _embedded_start(scenario) if scenario.get("start") else None
    session.agents = {p: make_agent(world, seat) for p, seat in seats.items() if not seat.human}
    return session


def _embedded_start(scenario: dict) -> World:
    """The opening World stored in a save made without scenario data."""
    try:
        return world_from_data(scenario["start"])
    except ValueError as e:
        raise SaveError(f"the embedded opening World is impossible: {e}.") from None


def start_world(session: Session) -> World:
    """The game's opening World (scenario plus seed), rebuilt from the embedded scenario if needed."""
    if session.start_world is not None:
        return session.start_world
    if not session.scenario_raw:
        raise SaveError("the game has no embedded scenario to start from.")
    from attrs import evolve
    from game.errors import ScenarioErrors
    from game.scenario.loader import from_raw
    try:
        sc = from_raw(dict(session.scenario_raw), f"the embedded scenario '{session.scenario_id}'")
    except ScenarioErrors as e:
        first = e.errors[0].message if e.errors else "it does not build"
        raise SaveError(f"the embedded scenario no longer builds under this version: {first}") from None
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
    """Save to a new autosave file and delete all but the newest `keep` autosaves."""
    where = saves_dir(folder)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = where / f"{AUTOSAVE_PREFIX}{stamp}-{session.world.year}{SUFFIX}"
    save(session, path)
    old = sorted(where.glob(f"{AUTOSAVE_PREFIX}*{SUFFIX}"))
    for p in old[:max(0, len(old) - max(1, keep))]:
        try:
            p.unlink()
        except OSError:
            pass
    return path


def enable_autosave(session: Session, folder: str | os.PathLike | None = None, keep: int = 5) -> None:
    """Autosave at the end of every year; a failed autosave is logged, never fatal."""
    def hook(s: Session) -> None:
        try:
            autosave(s, folder, keep)
        except Exception as e:  # a full disk or a bad folder must not end the game
            s.log.append(Entry.of(s.world, "", f"Autosave failed: {e}", rule="save"))
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
        raise SaveError(f"{path}: there is no quick-save yet.")
    return load(path, make_agent)


@frozen
class SaveInfo:
    """What a load screen shows for one file; `error` is a sentence when the file is broken."""

    path: Path
    scenario_title: str = ""
    year: int = 0
    saved_at: str = ""
    seats: str = ""
    error: str = ""
    scenario_id: str = ""
    status: str = ""
    kind: str = "save"  # save, autosave, quicksave


def list_saves(folder: str | os.PathLike | None = None) -> list[SaveInfo]:
    """Every save in the folder, newest first; broken ones are listed with their error. Never raises."""
    where = saves_dir(folder)
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
        ai = len(seats) - len(humans)
        summary = (", ".join(names.get(p, p) for p in humans) or "no human seats") + f"; {ai} AI"
        return SaveInfo(path, str(content["scenario"].get("title", "")), int(w["year"]), str(content["saved_at"]),
                        summary, "", str(content["scenario"].get("id", "")), str(w["status"]), kind)
    except SaveError as e:
        return SaveInfo(path, error=str(e), saved_at=_mtime(path), kind=kind)
    except Exception:  # a checksummed file that still makes no sense
        return SaveInfo(path, error=f"{path}: the save is missing parts of the game.", saved_at=_mtime(path), kind=kind)


def _mtime(path: Path) -> str:
    """A file's modification time as ISO text ("" if unknown)."""
    try:
        return _dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone().isoformat(timespec="seconds")
    except OSError:
        return ""
