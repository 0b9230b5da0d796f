"""`validate --explain FILE`: what a scenario changes against its base, as messages.

Values it changes (base value -> its value), items it adds or removes, its events with
their years and effects in words, inherited events it drops (removed, or outside its years),
the figures a later start takes from the yearly series, and the base figures it carries over unchanged.
"""
from __future__ import annotations

from typing import Any

from game.model import RESOURCES, EventDef, World
from game.scenario.series import leaf
from game.rules import invariants
from game.text import Ref, content, corridor, forum, joined, lookup, msg, plain, power, resource

ITEM_TABLES = ("powers", "economies", "influence", "trust", "corridors", "contracts", "pledges", "policies",
               "forums", "events", "rivers", "personalities")  # tables whose entries are whole items
QUIET = ("extends", "remove", "format_version", "i18n", "events")  # reported otherwise, or not at all
TEXTS = ("scenario.id", "scenario.title", "scenario.description", "scenario.teaching_notes")


# --- effects and events in words ---------------------------------------------------------

# What each `*` of a field's path names, by the path part before it (see `invariants.FIELDS`): the placeholder
# the field's sentence (`field.<path without its stars>` in the catalogues) fills with that thing's name.
STAR_NAMES = {"prices": "resource", "risks": "place", "tension": "pair", "powers": "power", "economies": "state",
              "corridors": "corridor", "forums": "forum", "contracts": "contract", "demand": "resource",
              "production": "resource", "reserves": "resource", "sources": "resource", "debt": "creditor",
              "goods": "partner", "remittances": "host", "owners": "owner", "entry": "host", "grace": "creditor"}
AFTER_STAR = {"sources": "origin"}  # a second star names this (powers.*.sources.<resource>.<origin>)
MONEY_UNITS = ("US$ bn", "US$ bn a year")  # fields whose numbers are shown as money


def _state(world: World, sid: str):
    """A state, or every state for `*`."""
    return msg("effect.every_state") if sid == "*" else power(world, sid)


def _holder(world: World, hid: str):
    """A great power or the outside powers."""
    return msg("legend.others") if hid == "others" else power(world, hid)


def field_key(pattern: str) -> str:
    """The catalogue key of a field's name: `field.` and its path without the stars."""
    name = ".".join(p for p in pattern.split(".") if p != "*")
    return f"field.{name}"


def _named_thing(world: World, kind: str, ident: str):
    """A thing a path names, by what its star stands for: a name in the reader's language."""
    if kind == "resource":
        return resource(ident)
    if kind == "corridor":
        return corridor(world, ident)
    if kind == "forum":
        return forum(world, ident)
    if kind == "contract" and ident in world.contracts:
        c = world.contracts[ident]
        return msg("field.contract", resource=resource(c.resource), seller=power(world, c.seller),
                   buyer=power(world, c.buyer))
    return power(world, ident)  # powers, states, creditors, hosts, risks' places


def field_names(world: World, pattern: str, path: str) -> dict[str, Any]:
    """The names a concrete path gives its field's sentence: {placeholder: name} for each star."""
    out: dict[str, Any] = {}
    parts, given = pattern.split("."), path.split(".")
    for i, (part, ident) in enumerate(zip(parts, given)):
        if part != "*":
            continue
        name = AFTER_STAR.get(parts[i - 2], "") if i > 1 and parts[i - 1] == "*" else STAR_NAMES.get(parts[i - 1], "")
        if name == "pair":
            a, _, b = ident.partition("|")
            out.update(a=power(world, a), b=power(world, b))
        elif name:
            out[name] = _named_thing(world, name, ident)
    return out


def _thing_in(world: World, ident: str):
    """Whatever a path part names (a power, corridor, forum or resource), or None for a field's own word."""
    tables = (("resource", RESOURCES), ("power", world.powers),
              ("corridor", world.corridors), ("forum", world.forums))
    kind = next((k for k, ids in tables if ident in ids), "")
    return _named_thing(world, kind, ident) if kind else None


def subject(world: World, path: str):
    """What a path names, as a phrase: "tension between China and Japan"; a field nobody wrote a phrase for
    is "a figure for" the things its path names (never the path itself)."""
    pattern = invariants.pattern_of(path)
    if pattern and isinstance(lookup(field_key(pattern), "en"), str):
        return msg(field_key(pattern), **field_names(world, pattern, path))
    named = [t for t in (_thing_in(world, x) for x in path.replace("|", ".").split(".")) if t is not None]
    return msg("field.other", names=tuple(named)) if named else msg("field.unnamed")


def _amount(path: str, number: float):
    """A number a field takes, as the field counts it (money in the language's way, else plain)."""
    f = invariants.field_for(path)
    return msg("value.money" if f and f.unit in MONEY_UNITS else "value.number", value=number)


# How precisely a field's value is shown, by its unit: what a reader can tell apart, not the World's float.
SHARE_UNITS = ("share", "fraction")  # shown as percentages
ROUNDING = {"0..100": 0, "0..1": 2, "x": 2, "x world price": 2, "units a year": 1, "units": 1, "kt a year": 1,
            "Mt a year": 1, "points": 3, "a year": 3, "years": 1, "level": 0, "year": 0, "actions": 0}


def measure(path: str, number: float):
    """A value of the field at `path` with the precision its measure deserves: stability 61 (not 60.923), money as
    money, shares as percentages, a 0..1 figure to two decimals, prices to three significant digits."""
    f = invariants.field_for(path)
    unit = f.unit if f else ""
    if unit in MONEY_UNITS:
        return msg("value.money", value=number)
    if unit in SHARE_UNITS:
        return msg("value.share", value=number)
    digits = 0 if f and f.whole else ROUNDING.get(unit)
    shown = float(f"{number:.3g}") if digits is None else round(number, digits)
    return msg("value.measure", value=int(shown) if shown == int(shown) else shown)


def change_text(world: World, verb: str, path: str, value: str):
    """A `set`, `add` or `scale` effect as a sentence: "tension between China and Japan rises by 0.1"."""
    what = subject(world, path)
    try:
        number = float(value)
    except ValueError:  # a word a field takes (a corridor's status)
        return msg("effect.set", subject=what, value=Ref("status_word", value))
    if verb == "set":
        return msg("effect.set", subject=what, value=_amount(path, number))
    change = number if verb == "add" else number - 1
    if change == 0:
        return msg("effect.same", subject=what)
    amount = _amount(path, abs(change)) if verb == "add" else msg("value.share", value=abs(change))
    return msg("effect.rise" if change > 0 else "effect.fall", subject=what, value=amount)


def effect_text(world: World, eff: tuple):
    """One effect as a message: "closes Middle Corridor for 2 years" (the event card, --explain and the events report)."""
    verb, *a = eff
    if verb in ("set", "add", "scale"):
        return change_text(world, verb, a[0], a[1])
    if verb == "open":
        return msg("effect.open", corridor=corridor(world, a[0]))
    if verb == "close":
        return msg("effect.close", corridor=corridor(world, a[0]), n=int(float(a[1])))
    if verb == "damage":
        return msg("effect.damage", corridor=corridor(world, a[0]), share=float(a[1]))
    if verb == "found":
        return msg("effect.found", forum=forum(world, a[0]))
    if verb in ("join", "leave"):
        return msg(f"effect.{verb}", forum=forum(world, a[0]), power=power(world, a[1]))
    if verb in ("influence", "trust"):
        who = _holder(world, a[1]) if verb == "influence" else power(world, a[1])
        return msg(f"effect.{verb}", state=_state(world, a[0]), power=who, amount=float(a[2]))
    if verb == "policy":
        card, actor, target, res = a
        return msg("effect.policy", card=Ref("card", card), actor=power(world, actor),
                   target=power(world, target) if target != "-" else msg("effect.nobody"),
                   resource=Ref("resource", res) if res != "-" else msg("effect.nothing"))
    return msg("effect.unknown")


CONDITION_KEYS = {"==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge", "has": "has", "lacks": "lacks"}


def condition_text(world: World, cond: tuple):
    """An event's condition ("path op value") in words: "the state of CPC is not operating",
    "Uzbekistan is a member of the CSTO", "the Middle East supply risk is above 0.2"."""
    path, op, value = cond
    key = CONDITION_KEYS[op]
    parts = path.split(".")
    if op in ("has", "lacks") and len(parts) == 3 and parts[0] == "forums" and parts[2] == "members":
        return msg(f"explain.cond.member.{key}", power=power(world, str(value)), forum=forum(world, parts[1]))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        shown = measure(path, value)
    elif parts[-1] == "status":
        shown = Ref("status_word", str(value))  # the status as a word in a sentence ("is not operating")
    else:
        shown = _thing_in(world, str(value)) or plain(str(value))
    return msg(f"explain.cond.{key}", subject=subject(world, path), value=shown)


def when_text(world: World, ev: EventDef):
    """When an event fires, in words."""
    parts = []
    if ev.weight > 0:
        parts.append(msg("explain.when.random", weight=ev.weight))
    if ev.year:
        parts.append(msg("explain.when.year" if not ev.when else "explain.when.from", year=ev.year))
    if ev.when:
        parts.append(msg("explain.when.if", conditions=joined([condition_text(world, c) for c in ev.when], "semi")))
    if ev.after:
        parts.append(msg("explain.when.after", event=ev.after))
    return joined(parts) if parts else msg("explain.when.never")


def event_text(world: World, ev: EventDef, key: str):
    """An event: its title and id, when it fires and what it does."""
    effects = joined([effect_text(world, e) for e in ev.effects], "semi") if ev.effects else msg("explain.card_only")
    return msg(key, title=content(f"event.{ev.id}.title", ev.title), id=ev.id, when=when_text(world, ev), effects=effects)


# --- the file against its base -----------------------------------------------------------

def leaves(table: Any, prefix: str = "") -> dict[str, Any]:
    """Every leaf value of nested tables by dotted key."""
    if not isinstance(table, dict):
        return {prefix: table}
    out: dict[str, Any] = {}
    for k, v in table.items():
        out.update(leaves(v, f"{prefix}.{k}" if prefix else str(k)))
    return out


def _shown(v: Any) -> str:
    """A value as the file writes it."""
    if isinstance(v, list):
        return "[" + ", ".join(_shown(x) for x in v) + "]"
    if isinstance(v, str):
        return f'"{v}"' if len(v) <= 60 else f'"{v[:57]}..."'
    return str(v).lower() if isinstance(v, bool) else str(v)


def _item(key: str) -> str | None:
    """The whole item a key belongs to (`corridors.new_rail`), or None for plain tables."""
    parts = key.split(".")
    return ".".join(parts[:2]) if parts[0] in ITEM_TABLES and len(parts) >= 2 else None


def _has(raw: dict, dotted: str) -> bool:
    """Whether nested `raw` holds the dotted key (TOML has no empty value, so a found None cannot be)."""
    return leaf(raw, dotted) is not None


def value_changes(base_raw: dict, own_raw: dict, merged_raw: dict) -> list:
    """What the file's own keys change: new items, changed values, values set to what they were."""
    out, added = [], []
    for key, new in leaves({k: v for k, v in own_raw.items() if k not in QUIET}).items():
        if key in TEXTS:
            continue
        item = _item(key)
        if item and not _has(base_raw, item):
            if item not in added:
                added.append(item)
            continue
        if not _has(merged_raw, key):
            continue
        old = leaves(base_raw).get(key) if _has(base_raw, key) else None
        if old is None:
            out.append(msg("explain.new_value", field=key, value=_shown(new)))
        elif old == new:
            out.append(msg("explain.same", field=key, value=_shown(new)))
        else:
            out.append(msg("explain.value", field=key, old=_shown(old), new=_shown(new)))
    return [msg("explain.added", field=item) for item in added] + out


def dropped_events(base: World, world: World, removed: list[str]) -> list:
    """Inherited events this scenario removes or whose fixed year falls outside its years."""
    out = []
    kept = {ev.id for ev in world.events}
    for ev in base.events:
        if ev.id not in kept and f"events.{ev.id}" in removed:
            out.append(msg("explain.dropped.removed", title=content(f"event.{ev.id}.title", ev.title), id=ev.id))
        elif ev.id in kept and ev.year and not ev.when and not world.start_year <= ev.year <= world.end_year:
            out.append(msg("explain.dropped.years", title=content(f"event.{ev.id}.title", ev.title), id=ev.id,
                           year=ev.year, start=world.start_year, end=world.end_year))
    return out


def series_text(taken, start: int):
    """A figure a later start took from the yearly series, with the year and source of its value."""
    key = "explain.series" if taken.year == start else "explain.series_last"
    if taken.since is not None:  # a shift series: say what moved the figure
        return msg("explain.series_shift", field=taken.key, old=measure(taken.key, taken.old),
                   new=measure(taken.key, taken.value), year=taken.year, factor=_shown(taken.series.factor),
                   since=taken.since, before=_shown(taken.series.at(taken.since)), now=_shown(taken.series.at(taken.year)),
                   source=plain(taken.series.source))
    return msg(key, field=taken.key, old=measure(taken.key, taken.old), new=measure(taken.key, taken.value), year=taken.year, start=start,
               source=plain(taken.series.source))


def explain(name: str) -> list:
    """What the scenario `name` (id or path) changes against its base, as messages, in reading order."""
    from game.scenario.loader import build, load
    from game.scenario.source import resolve
    merged = resolve(name)
    base = load(merged.chain[-2].path) if len(merged.chain) > 1 else None  # first: the file's own texts win
    sc = build(merged)
    top = merged.top
    own_events = [ev for ev in sc.world.events if ev.id in (top.raw.get("events") or {})]
    own_optional = [ev for ev in sc.optional_events if ev.id in (top.raw.get("events") or {})]  # docs/scenarios.md 5.1
    if base is None:
        lines = [msg("explain.whole", file=top.path, events=len(sc.world.events) + len(sc.optional_events),
                     start=sc.world.start_year, end=sc.world.end_year)]
        return (lines + [event_text(sc.world, ev, "explain.event_own") for ev in own_events]
                + [event_text(sc.world, ev, "explain.event_optional") for ev in own_optional])
    lines = [msg("explain.base", file=top.path, base=base.id, title=content(f"scenario.{base.id}.title", base.title),
                 start=base.world.start_year, end=base.world.end_year)]
    removed = [r for r in top.raw.get("remove", []) if isinstance(r, str)]
    lines += [msg("explain.removed", field=r) for r in removed if not r.startswith("events.")]
    lines += value_changes(base.raw, top.raw, merged.raw)
    base_ids = {ev.id for ev in base.world.events}
    for ev in own_events:
        lines.append(event_text(sc.world, ev, "explain.event_changed" if ev.id in base_ids else "explain.event"))
    lines += [event_text(sc.world, ev, "explain.event_optional") for ev in own_optional]
    lines += dropped_events(base.world, sc.world, removed)
    lines += [series_text(t, sc.world.start_year) for t in sc.series]
    lines += [plain(w.describe()) for w in sc.warnings]
    if all(m.key in ("explain.same", "text.plain", "explain.series", "explain.series_last", "explain.series_shift") for m in lines[1:]):
        lines.append(msg("explain.nothing"))
    return lines

