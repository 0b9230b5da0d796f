"""Messages as data: a key and its arguments, rendered in the reader's language only when shown.

Rules, the engine, the AI and the loaders never build sentences. They build `Msg`s:

    msg("log.joins", actor=power("kazakhstan"), forum=forum("sco"))

and the screen calls `render(m)` (or `str(m)`) when it shows one. A message's arguments are
numbers, plain strings, other messages, lists of these, or `Ref`s to a named thing of the
world (a power, corridor, forum, resource, ...), which render as that thing's name in the
reader's language. Saves store `to_data(m)`, never the sentence, so a save and the world hash
are the same in every language.

Catalogues are JSON files in assets/i18n: `<lang>.json` plus every `<lang>_*.json`. A value
is a Python format string (`{amount:money}` formats US$ bn, `{share:.0%}` a share, numbers
use the language's separators) or, for counts, a table of CLDR plural forms selected by the
argument `n`: `{"one": "{n} year", "other": "{n} years"}`.
"""
from __future__ import annotations

import json
import string
import unicodedata
from typing import Any, Mapping

from attrs import field, frozen

from game.paths import asset

CATALOGUE_DIR = asset("i18n")
LANGUAGES = ("en", "ja", "zh-TW", "zh-CN", "ru")  # the shipped catalogues, in the picker's order
LANGUAGE_NAMES = {"en": "English", "ja": "日本語", "zh-TW": "繁體中文", "zh-CN": "简体中文", "ru": "Русский"}
NAME_KEYS = {"power": "name.power.", "country": "name.country.", "corridor": "name.corridor.", "forum": "name.forum.", "place": "name.place.", "river": "name.river.",
             "resource": "resource.", "card": "card.", "aid": "aid.", "term": "term.", "mode": "mode.",
             "status": "status.", "status_word": "status.word.", "phase": "phase.", "verb": "verb.", "aim": "aim.", "unit": "unit."}
_cache: dict[str, dict[str, Any]] = {}
_language = ["en"]
_authored: dict[str, dict[str, str]] = {}  # lang ("" = as written) -> key -> text a scenario author gave


@frozen
class Ref:
    """A named thing of the world (kind, id), shown as its name in the reader's language."""

    kind: str
    id: str
    default: str = ""  # the name as the scenario wrote it, shown when no catalogue has one

    def __str__(self) -> str:
        return name_of(self)


@frozen
class Msg:
    """A message: a catalogue key and the arguments its placeholders take."""

    key: str
    args: Mapping[str, Any] = field(factory=dict)

    def __str__(self) -> str:
        return render(self)


def msg(key: str, **args) -> Msg:
    """A message for `key` with its arguments."""
    return Msg(key, args)


def plain(text: str) -> Msg:
    """A message that is already text (an old save's sentence, a name a person typed)."""
    return Msg("text.plain", {"text": text})


def joined(items, sep: str = "comma") -> Msg:
    """Several messages as one, separated the language's way (`sep`: comma, semi, and)."""
    return Msg(f"join.{sep}", {"items": tuple(items)})


def content(key: str, default: str) -> Msg:
    """A scenario's own text (an event's title, a note) under `key`, shown as written when untranslated."""
    return Msg(key, {"_": default})


def moment(when) -> Msg:
    """A date and time (a `datetime`) as a message: the day, the month's name, the year and the time, the language's way."""
    return Msg("time.moment", {"day": when.day, "month": Msg(f"time.month.{when.month}"), "year": when.year,
                               "hour": when.hour, "minute": when.minute})


def scenario_text(sid: str, field: str, default: str) -> str:
    """A scenario's title, description or teaching notes in the reader's language (as written when untranslated)."""
    return render(content(f"scenario.{sid}.{field}", default))


def event_text(ev, field: str) -> str:
    """An event's title or note in the reader's language (as the scenario wrote it when untranslated)."""
    return render(content(f"event.{ev.id}.{field}", getattr(ev, field)))


def _named(world, table: str, kind: str, key: str) -> Ref:
    """A reference to the record `key` of `world.<table>`, carrying its scenario name as the fallback."""
    record = getattr(world, table).get(key) if world is not None else None
    return Ref(kind, key, record.name if record else "")


def power(world, pid: str) -> Ref:
    """A reference to a power or outside country of `world`."""
    return _named(world, "powers", "power", pid)


def river(world, rid: str) -> Ref:
    """A reference to a river of `world`."""
    return _named(world, "rivers", "river", rid)


def corridor(world, kid: str) -> Ref:
    """A reference to a corridor of `world`."""
    return _named(world, "corridors", "corridor", kid)


def forum(world, fid: str) -> Ref:
    """A reference to a forum of `world`."""
    return _named(world, "forums", "forum", fid)


def resource(r: str) -> Ref:
    """A reference to a resource."""
    return Ref("resource", r)


def powers(world, pids) -> tuple[Ref, ...]:
    """References to several powers (a list renders with the language's separator)."""
    return tuple(power(world, p) for p in pids)


# --- catalogues -------------------------------------------------------------------------

def catalogue(lang: str) -> dict[str, Any]:
    """The catalogue of `lang`, loaded on first use ({} when there is none)."""
    if lang not in _cache:
        merged: dict[str, Any] = {}
        paths = [CATALOGUE_DIR / f"{lang}.json", *sorted(CATALOGUE_DIR.glob(f"{lang}_*.json"))]
        for path in paths:
            if path.is_file():
                merged.update(json.loads(path.read_text("utf-8")))
        _cache[lang] = merged
    return _cache[lang]


def set_language(lang: str) -> None:
    """Choose the language of every later `tr` and `render` call."""
    _language[0] = normalize(lang)


def language() -> str:
    """The active language."""
    return _language[0]


def normalize(lang: str) -> str:
    """A shipped language code for a locale name ('ja_JP.UTF-8' -> 'ja', 'zh_Hant' -> 'zh-TW'); 'en' if none fits."""
    low = (lang or "").replace("_", "-").split(".")[0].lower()
    if low.startswith("zh"):
        return "zh-TW" if any(t in low for t in ("tw", "hk", "mo", "hant")) else "zh-CN"
    for code in LANGUAGES:
        if low == code.lower() or low.split("-")[0] == code:
            return code
    return "en"


def system_language() -> str:
    """The shipped language closest to the system locale."""
    import locale
    import os
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(var):
            return normalize(os.environ[var])
    try:
        return normalize(locale.getlocale()[0] or "")
    except ValueError:
        return "en"


def register_texts(texts: Mapping[str, Mapping[str, str]]) -> None:
    """Add a scenario author's texts: {lang or "": {key: text}}, looked up before the catalogues."""
    for lang, table in texts.items():
        _authored.setdefault(lang, {}).update(table)


def lookup(key: str, lang: str | None = None) -> Any:
    """The raw catalogue entry for `key`: the author's, the language's, the author's default, English, the key."""
    lang = lang or _language[0]
    for table in (_authored.get(lang, {}), catalogue(lang), _authored.get("", {}), catalogue("en")):
        if key in table:
            return table[key]
    return None


def tr(key: str, **values) -> str:
    """The text for `key` in the active language, with placeholders filled."""
    return render(Msg(key, values))


# --- rendering --------------------------------------------------------------------------

def render(m: Any, lang: str | None = None) -> str:
    """A message, a reference, a list or a plain value as text in `lang` (the active one by default)."""
    lang = lang or _language[0]
    if isinstance(m, str):
        return m
    if isinstance(m, Ref):
        return name_of(m, lang)
    if isinstance(m, (list, tuple)):
        return list_sep(lang).join(render(x, lang) for x in m)
    if not isinstance(m, Msg):
        return _number(m, "", lang) if isinstance(m, (int, float)) and not isinstance(m, bool) else str(m)
    template = lookup(m.key, lang)
    if template is None:
        return str(m.args.get("_", m.key))
    if m.key.startswith("join."):
        return template.join(render(x, lang) for x in m.args.get("items", ()))
    if isinstance(template, dict):
        template = template.get(plural_form(lang, m.args.get("n", 0)), template.get("other", m.key))
    if not m.args:
        return template
    try:
        return _Formatter(lang).vformat(template, (), m.args)
    except (KeyError, IndexError, ValueError):
        return template


def name_of(ref: Ref, lang: str | None = None) -> str:
    """The name of a world thing in `lang`."""
    lang = lang or _language[0]
    key = NAME_KEYS.get(ref.kind, ref.kind + ".") + ref.id
    tables = [_authored.get(lang, {})] + ([catalogue(lang)] if lang != "en" else [])
    tables += [{key: ref.default} if ref.default else {}, _authored.get("", {}), catalogue("en")]
    for table in tables:
        if isinstance(table.get(key), str):
            return table[key]
    return ref.id.replace("_", " ").title()


def list_sep(lang: str) -> str:
    """How items of a list are separated."""
    return "、" if lang in ("ja", "zh-TW", "zh-CN") else ", "


def plural_form(lang: str, n: Any) -> str:
    """The CLDR plural category of `n` in `lang` (integers; fractions are 'other')."""
    if not isinstance(n, (int, float)) or n != int(n):
        return "other" if lang != "ru" else "other"
    n = abs(int(n))
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return "one"
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return "few"
        return "many"
    if lang in ("ja", "zh-TW", "zh-CN"):
        return "other"
    return "one" if n == 1 else "other"


def _number(value: float, spec: str, lang: str) -> str:
    """A number formatted by `spec` with the language's decimal and group separators."""
    if spec == "money":
        return money(value, lang)
    text = format(value, spec or ("g" if isinstance(value, float) else "d"))
    if lang == "ru":
        text = text.replace(",", "\u00a0").replace(".", ",")
        if text.endswith("%"):
            text = text[:-1] + "\u00a0%"
    return text


def number(value: float, spec: str = "", lang: str | None = None) -> str:
    """A number formatted by `spec` the way `lang` (the active language by default) writes numbers."""
    return _number(value, spec, lang or _language[0])


def money(bn: float, lang: str | None = None) -> str:
    """An amount in US$ bn the way `lang` writes money (Japanese and Chinese count in 億)."""
    lang = lang or _language[0]
    if lang in ("ja", "zh-TW", "zh-CN"):
        oku = f"{bn * 10:,.2f}".rstrip("0").rstrip(".")
        unit = {"ja": "億ドル", "zh-TW": "億美元", "zh-CN": "亿美元"}[lang]
        return oku + unit
    amount = f"{bn:,.2f}".rstrip("0").rstrip(".") if abs(bn) < 100 else f"{bn:,.0f}"
    if lang == "ru":
        return amount.replace(",", "\u00a0").replace(".", ",") + "\u00a0млрд\u00a0$"
    return f"${amount}bn"


class _Formatter(string.Formatter):
    """Fills placeholders: messages render, numbers take the language's separators."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, spec: str) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _number(value, spec, self.lang)
        return format(render(value, self.lang), spec)


# --- plain-text tables (the command line) -----------------------------------------------

def display_width(text: str) -> int:
    """The columns `text` takes in a terminal: East Asian wide and full-width characters take 2, combining marks 0."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int, align: str = "<") -> str:
    """`text` filled with spaces to `width` terminal columns, on the right ("<") or the left (">")."""
    fill = " " * max(0, width - display_width(text))
    return text + fill if align == "<" else fill + text


def table_lines(rows: list[list[str]], align: str, gap: str = "  ") -> list[str]:
    """Rows of cells as lines whose columns line up in a terminal in any script; `align` has "<" or ">" per column."""
    widths = [max((display_width(r[i]) for r in rows if i < len(r)), default=0) for i in range(len(align))]
    return [gap.join(pad(c, w, a) for c, w, a in zip(r, widths, align)).rstrip() for r in rows]


CLOSING = frozenset("、。，．：；！？）」』】〕〉》”’:;,.!?)]}%")  # never starts a line when it follows without a space
OPENING = frozenset("（「『【〔〈《“‘([{")  # never ends a line when something follows without a space


def wrap_columns(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` terminal columns: broken at spaces and, in Japanese and Chinese, between
    characters, never before closing punctuation nor after an opening bracket (a word longer than `width` keeps
    a line of its own)."""
    tokens: list[list[str]] = []  # [the space before it ("" or " "), the unbreakable piece]
    gap = ""
    for ch in text:
        if ch.isspace():
            gap = " " if tokens else ""
            continue
        if tokens and not gap:
            last = tokens[-1][1][-1]
            narrow = display_width(ch) == 1 and display_width(last) == 1
            if ch in CLOSING or last in OPENING or narrow:
                tokens[-1][1] += ch
                continue
        tokens.append([gap, ch])
        gap = ""
    lines: list[str] = []
    line = ""
    for gap, piece in tokens:
        if line and display_width(line + gap + piece) > width:
            lines.append(line)
            line = piece
        else:
            line = line + gap + piece if line else piece
    return lines + ([line] if line else [])


# --- data for saves ---------------------------------------------------------------------

def to_data(value: Any) -> Any:
    """Plain JSON data for a message argument: {"k", "a"} for a message, {"ref", "id"} for a reference."""
    if isinstance(value, Msg):
        return {"k": value.key, "a": {k: to_data(v) for k, v in value.args.items()}}
    if isinstance(value, Ref):
        return {"ref": value.kind, "id": value.id, **({"name": value.default} if value.default else {})}
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    return value


def from_data(data: Any) -> Any:
    """The message argument `to_data` wrote; a bare string (an old save's sentence) becomes plain text."""
    if isinstance(data, dict):
        if "k" in data:
            return Msg(str(data["k"]), {str(k): from_data(v) for k, v in dict(data.get("a") or {}).items()})
        if "ref" in data:
            return Ref(str(data["ref"]), str(data.get("id", "")), str(data.get("name", "")))
        return {str(k): from_data(v) for k, v in data.items()}
    if isinstance(data, list):
        return tuple(from_data(v) for v in data)
    return data


def as_msg(data: Any) -> Msg:
    """A message from saved data, old sentences included."""
    value = from_data(data)
    return value if isinstance(value, Msg) else plain(str(value))
