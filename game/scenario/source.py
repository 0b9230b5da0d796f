"""Scenario files: reading them safely, finding lines, resolving `extends`, merging.

A scenario may extend another (`extends = "2025"` or a path relative to the file);
the merged data keeps, for every key, the file that set it, so an error points into
the right file and line. Paths may only lead into the scenario folders.
"""
from __future__ import annotations

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


def _error(where: str, line: int | None, key: str, message: str) -> ScenarioErrors:
    return ScenarioErrors([ScenarioError(where, line, key, message)])


def read_text(path: Path) -> str:
    """The file's text; one sentence when it is missing, huge, empty, binary or not UTF-8."""
    where = str(path)
    try:
        data = read_regular(path, MAX_BYTES)
    except TooLarge as e:
        raise _error(where, None, "", f"the file is {e.size:,} bytes; a scenario may be at most {MAX_BYTES:,}.") from None
    except FileNotFoundError:
        raise _error(where, None, "", "no such scenario file.") from None
    except (NotRegular, IsADirectoryError):
        raise _error(where, None, "", "this is not a file but a folder, pipe or device; a scenario is a .toml file.") from None
    except (OSError, ValueError) as e:
        raise _error(where, None, "", f"the file cannot be read ({getattr(e, 'strerror', None) or e}).") from None
    if b"\x00" in data:
        raise _error(where, None, "", "this is a binary file, not a TOML scenario.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise _error(where, line, "", "the file is not UTF-8 text; save it as UTF-8.") from None
    if not text.strip():
        raise _error(where, None, "", "the file is empty; a scenario needs at least format_version and [scenario].")
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
        return ".".join(p.strip("\"'") for p in parts)

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
                ScenarioError(where, n, key, f"is set twice (first on line {first}); keep only one."
                              + (f" ({more} more keys are set twice.)" if more and i == len(shown_) - 1 else ""))
                for i, (n, key, first) in enumerate(shown_)]) from None
        raise _syntax(str(e), where, text) from None
    except RecursionError:
        raise _error(where, None, "", f"lists or tables are nested too deeply; a scenario nests at most "
                     f"{MAX_NESTING} levels.") from None
    except ValueError:  # tomllib refuses integers longer than Python converts
        m = re.search(r"\d{%d,}" % LONG_DIGITS, text)
        line = text[:m.start()].count("\n") + 1 if m else None
        raise _error(where, line, "", "a number here has thousands of digits; write a number of normal size.") from None


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


SYNTAX_HINTS = (
    ("Illegal character '\\n'", "a text in quotes is not closed on this line; add the missing \"."),
    ("Unterminated string", "a text in quotes is never closed; add the missing \"."),
    ("Unclosed array", "a list [ ... ] is never closed; add the missing ]."),
    ("Invalid value", "this value is not valid: write text in straight double quotes \"...\", numbers with a "
                      "decimal point (0.5, not 0,5), true or false in lower case."),
    ("Expected newline or end of document after a statement", "only one key = value may stand on a line; something "
     "follows the value (a decimal comma, a second value, or a comment without #?)."),
    ("Expected '=' after a key", "a key must be followed by = and a value (words with spaces need quotes)."),
)


def _friendly(msg: str) -> str:
    """A plain sentence for the common TOML syntax errors."""
    for start, sentence in SYNTAX_HINTS:
        if msg.startswith(start):
            return f"TOML syntax error: {sentence}"
    return f"TOML syntax error: {msg}."


def _syntax(message: str, where: str, text: str) -> ScenarioErrors:
    """One sentence for a TOML syntax error, with the line it was found on."""
    m = re.search(r"\(at line (\d+), column (\d+)\)", message)
    msg = re.sub(r"\s*\(at (line|end of document).*\)", "", message).rstrip(".")
    if m:
        return _error(where, int(m.group(1)), "", _friendly(msg))
    last = len(text.splitlines()) or 1
    return _error(where, last, "", f"TOML syntax error at the end of the file: {msg}; "
                  "a string, list or table opened earlier was never closed.")


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
        raise _error(str(path), line, shown(key), f"a key of {parts} dotted parts nests tables more than "
                     f"{MAX_NESTING} levels deep; a scenario never needs that many.")
    raw = parse_toml(text, str(path), locator)
    if deep := nesting_problem(raw, MAX_NESTING):
        short = deep if len(deep) <= 80 else deep[:77] + "..."
        raise _error(str(path), locator.line(deep), short, f"tables or lists are nested more than {MAX_NESTING} "
                     "levels deep; a scenario never needs that many.")
    if not raw:
        raise _error(str(path), None, "", "the file has no settings, only comments; a scenario needs at least "
                     "format_version and a [scenario] table.")
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
        raise _error(where, line, "extends", "should be a scenario id like \"2025\" or a file name like \"base.toml\".")
    base_path = base_file(base_name, path)
    if isinstance(base_path, str):
        raise _error(where, line, "extends", base_path)
    here = path.resolve()
    chain = seen + (here,)
    if base_path in chain:
        loop = " -> ".join(p.name for p in chain[chain.index(base_path):] + (base_path,))
        raise _error(where, line, "extends", f"the scenarios extend each other in a circle ({loop}).")
    if len(chain) > MAX_DEPTH:
        raise _error(where, line, "extends", f"more than {MAX_DEPTH} scenarios extend one another; shorten the chain.")
    base = _resolve(base_path, chain)
    return merge(base, src)


def base_file(name: str, child: Path) -> Path | str:
    """The file `extends = name` names, or a sentence saying why it cannot be used."""
    folder = child.resolve().parent
    looks_like_path = name.endswith(".toml") or "/" in name or "\\" in name
    if not looks_like_path and not is_plain_id(name):
        return ("must be a scenario id (letters, digits, _ and -, at most 64) or a .toml file name; "
                f"'{shown(name)}' is neither.")
    if looks_like_path and not _plain_path(name):
        return (f"'{shown(name)}' is not a usable file name (at most {MAX_NAME} characters, "
                "no control characters).")
    if not looks_like_path:
        from game.scenario.index import lookup
        if (found := lookup(name, near=folder)) is not None and found.is_file():
            return found.resolve()
        return (f"there is no scenario '{name}'; use a shipped id (1992, 2015, 2025), a scenario in "
                f"{user_dir()} or a .toml file next to this one.")
    if Path(name).is_absolute() or name.startswith("~"):
        return "must be a scenario id or a path relative to this file, not an absolute path."
    target = (folder / name).resolve()
    allowed = roots() + (folder,)
    if not any(target == r or r in target.parents for r in allowed):
        return (f"'{name}' leads outside the scenario folders; a base scenario must be in {SCENARIO_DIR}, "
                f"{user_dir()} or this file's folder.")
    if target.suffix != ".toml":
        return f"'{name}' is not a .toml scenario file."
    if not target.is_file():
        return f"there is no file '{name}' next to this scenario."
    return target


MAX_NAME = 255


def _plain_path(name: str) -> bool:
    """A relative path a person could have typed: printable, of sane length."""
    return 0 < len(name) <= MAX_NAME and name.isprintable() and all(len(part) <= MAX_NAME for part in name.split("/"))


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
                                      "should be a list of dotted names like [\"events.covid\", \"corridors.tapi\"]."))
        removals = []
    for item in removals:
        if not _delete(raw, item.split(".")):
            problems.append(ScenarioError(child.path, child.locator.item_line("remove", item), "remove",
                                          f"'{item}' is not in the base scenario, so it cannot be removed."))
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
