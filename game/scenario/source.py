"""Scenario files: reading them safely, finding lines, resolving `extends`, merging.

A scenario may extend another (`extends = "2025"` or a path relative to the file);
the merged data keeps, for every key, the file that set it, so an error points into
the right file and line. Paths may only lead into the scenario folders.
"""
from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from attrs import field, frozen

from game.errors import ScenarioError, ScenarioErrors
from game.fileio import NotRegular, TooLarge, is_plain_id, read_regular
from game.paths import scenario_dir
from game.text import msg
from game.paths import user_scenario_dir as user_dir  # noqa: F401  (the user's folder; re-exported)
from game.text import Msg, msg

SCENARIO_DIR = scenario_dir()
MAX_BYTES = 250_000  # nine times the largest shipped scenario; any file this size validates in well under a second
MAX_REPORTED = 20  # problems of one kind listed before the rest are summed up
MAX_DEPTH = 8  # longest chain of `extends`
MAX_NESTING = 12  # deepest tables and lists inside one file
LONG_DIGITS = 4000  # a run of digits this long is not a scenario number


def roots() -> tuple[Path, ...]:
    """The folders scenarios may be read from by id."""
    return (SCENARIO_DIR.resolve(), user_dir().resolve())


def find(name: str) -> Path:
    """The file a scenario id or path stands for (see `index.lookup`); the name as a path when none does."""
    from game.scenario.index import lookup
    return lookup(name) or Path(name)


def _error(where: str, line: int | None, key: str, message: Msg) -> ScenarioErrors:
    return ScenarioErrors([ScenarioError(where, line, key, message)])


def read_text(path: Path) -> str:
    """The file's text; one sentence when it is missing, huge, empty, binary or not UTF-8."""
    where = str(path)
    try:
        data = read_regular(path, MAX_BYTES)
    except TooLarge as e:
        raise _error(where, None, "", msg("scenario.err.file_too_large", size=e.size, most=MAX_BYTES)) from None
    except FileNotFoundError:
        raise _error(where, None, "", msg("scenario.err.no_file")) from None
    except (NotRegular, IsADirectoryError):
        raise _error(where, None, "", msg("scenario.err.not_regular")) from None
    except (OSError, ValueError) as e:
        raise _error(where, None, "", msg("scenario.err.unreadable", error=str(getattr(e, "strerror", None) or e))) from None
    if b"\x00" in data:
        raise _error(where, None, "", msg("scenario.err.binary"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise _error(where, line, "", msg("scenario.err.not_utf8")) from None
    if not text.strip():
        raise _error(where, None, "", msg("scenario.err.empty"))
    return text.removeprefix("\ufeff")


class Locator:
    """Finds the line of a dotted key in a TOML text (tables, dotted and quoted keys)."""

    KEY = re.compile(r'^\s*((?:"[^"]*"|\'[^\']*\'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:"[^"]*"|\'[^\']*\'|[A-Za-z0-9_\-]+))*)\s*=')

    def __init__(self, text: str):
        self.lines: dict[str, int] = {}
        self.text_lines = text.splitlines()
        self.duplicates: list[tuple[int, str, int]] = []  # (line, key, first line)
        self.deepest: tuple[int, int, str] = (0, 0, "")  # (parts, line, key) of the longest dotted key
        self.first_under: dict[str, int] = {}  # table or key prefix -> first line of a key inside it
        table, in_string = "", False
        for n, line in enumerate(self.text_lines, 1):
            if in_string:
                in_string = _toggles(line, in_string)
                continue
            if header := table_header(line):
                table = self._norm(header[0])
                self._add(table, n, array=header[1])
            elif m := self.KEY.match(line):
                key = self._norm(m.group(1))
                self._add(f"{table}.{key}" if table else key, n)
                in_string = _toggles(line[m.end():], False)

    def _add(self, key: str, n: int, array: bool = False) -> None:
        depth = key.count(".") + 1
        if depth > self.deepest[0]:
            self.deepest = (depth, n, key)
        if key in self.lines and not array:
            self.duplicates.append((n, key, self.lines[key]))
            return
        self.lines.setdefault(key, n)
        if depth <= MAX_NESTING:  # deeper keys are refused before they are looked up
            cut = -1
            while (cut := key.find(".", cut + 1)) > 0:
                self.first_under.setdefault(key[:cut], n)

    @staticmethod
    def _norm(key: str) -> str:
        if '"' not in key and "'" not in key:  # the usual bare key: no regex needed
            return ".".join(part.strip() for part in key.split("."))
        parts = re.findall(r'"[^"]*"|\'[^\']*\'|[^.\s]+', key)
        return ".".join(_unquoted(p) for p in parts)

    def line(self, path: str) -> int | None:
        """The line of `path`, or of its nearest enclosing key or table."""
        parts = path.split(".")
        while parts:
            key = ".".join(parts)
            n = self.lines.get(key) or self.first_under.get(key)
            if n:
                return n
            parts.pop()
        return None

    def item_line(self, path: str, item: str) -> int | None:
        """The line of one list item written under `path` (its own line when the list spans lines)."""
        start = self.line(path)
        if start is None:
            return None
        for n in range(start, min(start + 60, len(self.text_lines)) + 1):
            text = self.text_lines[n - 1]
            if item in text:
                return n
            if n > start and (table_header(text) or self.KEY.match(text)):
                break
        return start


def table_header(line: str) -> tuple[str, bool] | None:
    """(name, is_array) when the line is a `[table]` or `[[array]]` header; linear in the line's length."""
    text = line.strip()
    if not text.startswith("["):
        return None
    array = text.startswith("[[")
    inner = text[2:] if array else text[1:]
    end = inner.find("]")
    if end < 0:
        return None
    rest = inner[end + 1:]
    if array:
        rest = rest.removeprefix("]")
    rest = rest.strip()
    name = inner[:end].strip()
    if not name or (rest and not rest.startswith("#")):
        return None
    return name, array


def _toggles(text: str, inside: bool) -> bool:
    """Whether a multi-line string is still open after `text`."""
    for _ in re.findall(r'"""|\'\'\'', text):
        inside = not inside
    return inside


def parse_toml(text: str, where: str, locator: Locator | None = None) -> dict:
    """Parse TOML; a syntax error names its line, a key set twice names the key."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        locator = locator or Locator(text)
        if locator.duplicates:
            shown_ = locator.duplicates[:MAX_REPORTED]
            more = len(locator.duplicates) - len(shown_)
            raise ScenarioErrors([
                ScenarioError(where, n, key, msg("scenario.err.set_twice", first=first,
                                                 more=msg("scenario.err.more_twice", n=more) if more and i == len(shown_) - 1 else ""))
                for i, (n, key, first) in enumerate(shown_)]) from None
        raise _syntax(str(e), where, text) from None
    except RecursionError:
        raise _error(where, None, "", msg("scenario.err.nested", most=MAX_NESTING)) from None
    except ValueError:  # tomllib refuses integers longer than Python converts
        m = re.search(r"\d{%d,}" % LONG_DIGITS, text)
        line = text[:m.start()].count("\n") + 1 if m else None
        raise _error(where, line, "", msg("scenario.err.long_number")) from None


def nesting_problem(value: Any, limit: int) -> str:
    """The dotted key where `value` nests deeper than `limit` tables or lists ("" when it does not)."""
    stack = [(value, "", 0)]
    while stack:
        item, key, depth = stack.pop()
        if depth > limit:
            return key or "(top)"
        if isinstance(item, dict):
            stack.extend((v, f"{key}.{k}" if key else str(k), depth + 1) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((v, key, depth + 1) for v in item)
    return ""


def huge_number(value: Any) -> str | None:
    """The dotted key of the first whole number beyond 64 bits, such as 0xfff... of thousands of digits
    (None when there is none): it could not even be written out in a sentence."""
    stack = [(value, "")]
    while stack:
        item, key = stack.pop()
        if isinstance(item, dict):
            stack.extend((v, f"{key}.{k}" if key else str(k)) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((v, key) for v in item)
        elif isinstance(item, int) and not isinstance(item, bool) and abs(item) >= 1 << 63:
            return key
    return None


SYNTAX_HINTS = (  # the start of tomllib's message -> the scenario.syntax.* key of a plain sentence
    ("Illegal character '\\n'", "open_line"),
    ("Unterminated string", "open_string"),
    ("Unclosed array", "open_list"),
    ("Invalid value", "invalid_value"),
    ("Expected newline or end of document after a statement", "one_per_line"),
    ("Expected '=' after a key", "no_equals"),
)


def _friendly(detail: str) -> Msg:
    """A plain sentence for the common TOML syntax errors (tomllib's own words for the rest)."""
    for start, name in SYNTAX_HINTS:
        if detail.startswith(start):
            return msg("scenario.err.syntax", detail=msg(f"scenario.syntax.{name}"))
    return msg("scenario.err.syntax_raw", detail=detail)


def _syntax(message: str, where: str, text: str) -> ScenarioErrors:
    """One sentence for a TOML syntax error, with the line it was found on."""
    m = re.search(r"\(at line (\d+), column (\d+)\)", message)
    detail = re.sub(r"\s*\(at (line|end of document).*\)", "", message).rstrip(".")
    if m:
        return _error(where, int(m.group(1)), "", _friendly(detail))
    last = len(text.splitlines()) or 1
    return _error(where, last, "", msg("scenario.err.syntax_end", detail=detail))


@frozen
class Source:
    """One scenario file read from disk: where, its text's locator, its data."""

    path: str
    locator: Locator
    raw: dict


@frozen
class Merged:
    """The merged data of a scenario and its bases, with the file that set each key."""

    raw: dict
    origins: dict = field(factory=dict)  # dotted key -> Source
    chain: tuple[Source, ...] = ()  # the files, base first
    top: Source | None = None

    def where(self, key: str) -> tuple[str, int | None]:
        """The file and line that set `key` (or its nearest enclosing table)."""
        parts = key.split(".") if key else []
        while parts:
            src = self.origins.get(".".join(parts))
            if src is not None:
                return src.path, src.locator.line(key)
            parts.pop()
        return self.top.path, self.top.locator.line(key) if key else None

    def source(self, key: str) -> Source:
        """The file that set `key`."""
        parts = key.split(".") if key else []
        while parts:
            src = self.origins.get(".".join(parts))
            if src is not None:
                return src
            parts.pop()
        return self.top


def read(path: Path) -> Source:
    """Read and parse one file (no `extends` followed)."""
    text = read_text(path)
    locator = Locator(text)
    parts, line, key = locator.deepest
    if parts > MAX_NESTING:  # refused before parsing: TOML parsers take quadratic time on such keys
        raise _error(str(path), line, shown(key), msg("scenario.err.deep_key", n=parts, most=MAX_NESTING))
    raw = parse_toml(text, str(path), locator)
    if deep := nesting_problem(raw, MAX_NESTING):
        short = deep if len(deep) <= 80 else deep[:77] + "..."
        raise _error(str(path), locator.line(deep), short, msg("scenario.err.deep_value", most=MAX_NESTING))
    if (big := huge_number(raw)) is not None:
        short = big if len(big) <= 80 else big[:77] + "..."
        raise _error(str(path), locator.line(big) if big else None, short, msg("scenario.err.huge_number"))
    if not raw:
        raise _error(str(path), None, "", msg("scenario.err.only_comments"))
    return Source(str(path), locator, raw)


def resolve(name: str) -> Merged:
    """Read a scenario and every base it extends, merged; ScenarioErrors on any file problem."""
    from game.scenario.index import looks_like_path, lookup
    path = lookup(name)
    if path is None and not looks_like_path(name):
        raise ScenarioErrors([ScenarioError(name, None, "", msg("scenario.err.unknown_id", id=name,
                                                                    folder=str(user_dir())))])
    return _resolve(path or Path(name), ())


def _resolve(path: Path, seen: tuple[Path, ...]) -> Merged:
    src = read(path)
    base_name = src.raw.get("extends")
    if base_name is None:
        return Merged(_copy(src.raw), _origins(src.raw, src, ""), (src,), src)
    where = src.path
    line = src.locator.line("extends")
    if not isinstance(base_name, str) or not base_name.strip():
        raise _error(where, line, "extends", msg("scenario.err.extends_value"))
    base_path = base_file(base_name, path)
    if isinstance(base_path, Msg):
        raise _error(where, line, "extends", base_path)
    here = path.resolve()
    chain = seen + (here,)
    if base_path in chain:
        loop = " -> ".join(p.name for p in chain[chain.index(base_path):] + (base_path,))
        raise _error(where, line, "extends", msg("scenario.err.extends_circle", loop=loop))
    if len(chain) > MAX_DEPTH:
        raise _error(where, line, "extends", msg("scenario.err.extends_deep", most=MAX_DEPTH))
    base = _resolve(base_path, chain)
    return merge(base, src)


def base_file(name: str, child: Path) -> Path | Msg:
    """The file `extends = name` names, or a message saying why it cannot be used."""
    folder = child.resolve().parent
    looks_like_path = name.endswith(".toml") or "/" in name or "\\" in name
    if not looks_like_path and not is_plain_id(name):
        return msg("scenario.err.extends_neither", name=shown(name))
    if looks_like_path and not _plain_path(name):
        return msg("scenario.err.extends_bad_name", name=shown(name), most=MAX_NAME)
    if not looks_like_path:
        from game.scenario.index import lookup
        if (found := lookup(name, near=folder)) is not None and found.is_file():
            return found.resolve()
        return msg("scenario.err.extends_no_scenario", name=name, folder=str(user_dir()))
    if Path(name).is_absolute() or name.startswith("~"):
        return msg("scenario.err.extends_absolute")
    target = (folder / name).resolve()
    allowed = roots() + (folder,)
    if not any(target == r or r in target.parents for r in allowed):
        return msg("scenario.err.extends_outside", name=name, shipped=str(SCENARIO_DIR), folder=str(user_dir()))
    if target.suffix != ".toml":
        return msg("scenario.err.extends_not_toml", name=name)
    if not target.is_file():
        return msg("scenario.err.extends_no_file", name=name)
    return target


MAX_NAME = 255


def _plain_path(name: str) -> bool:
    """A relative path a person could have typed: printable, of sane length."""
    return 0 < len(name) <= MAX_NAME and name.isprintable() and all(len(part) <= MAX_NAME for part in name.split("/"))


def _unquoted(part: str) -> str:
    """One part of a dotted key as TOML reads it: quotes removed, escapes in "..." decoded."""
    if part.startswith('"') and "\\" in part:
        try:
            return json.loads(part)
        except ValueError:
            pass
    return part.strip("\"'")


def shown(text: str) -> str:
    """Text from a file, printable and short, for a sentence."""
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= 40 else text[:37] + "..."


def _origins(value: Any, src: Source, prefix: str) -> dict:
    """Every key of `value` (tables and leaves) mapped to the file it comes from."""
    out = {}
    if prefix:
        out[prefix] = src
    if isinstance(value, dict):
        for k, v in value.items():
            out.update(_origins(v, src, f"{prefix}.{k}" if prefix else str(k)))
    return out


def merge(base: Merged, child: Source) -> Merged:
    """`child` laid over `base`: tables merge key by key, everything else is replaced.

    `remove = ["corridors.tapi", ...]` in the child first deletes inherited items.
    """
    raw, origins = _copy(base.raw), dict(base.origins)
    problems = []
    removals = child.raw.get("remove", [])
    if not isinstance(removals, list) or not all(isinstance(r, str) for r in removals):
        problems.append(ScenarioError(child.path, child.locator.line("remove"), "remove",
                                      msg("scenario.err.remove_list")))
        removals = []
    for item in removals:
        if not _delete(raw, item.split(".")):
            problems.append(ScenarioError(child.path, child.locator.item_line("remove", item), "remove",
                                          msg("scenario.err.remove_unknown", item=item)))
            continue
        origins = {k: s for k, s in origins.items() if k != item and not k.startswith(item + ".")}
    if problems:
        raise ScenarioErrors(problems)
    for key, value in child.raw.items():
        if key in ("extends", "remove"):
            continue
        _lay(raw, origins, key, value, child, key)
    raw.pop("extends", None)
    raw.pop("remove", None)
    return Merged(raw, origins, base.chain + (child,), child)


def _lay(table: dict, origins: dict, key: str, value: Any, src: Source, path: str) -> None:
    """Set table[key] = value, merging tables, and record where each key came from."""
    old = table.get(key)
    if isinstance(old, dict) and isinstance(value, dict):
        origins[path] = src
        for k, v in value.items():
            _lay(old, origins, k, v, src, f"{path}.{k}")
        return
    for k in [k for k in origins if k.startswith(path + ".")]:
        del origins[k]
    table[key] = _copy(value)
    origins.update(_origins(value, src, path))


def _delete(table: dict, parts: list[str]) -> bool:
    """Delete a dotted key from nested tables; whether it was there."""
    for part in parts[:-1]:
        table = table.get(part)
        if not isinstance(table, dict):
            return False
    if not isinstance(table, dict) or parts[-1] not in table:
        return False
    del table[parts[-1]]
    return True


def _copy(value: Any) -> Any:
    """A deep copy of plain TOML data."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
