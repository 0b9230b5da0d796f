"""What every World must satisfy, and the closed vocabulary of fields events may change.

`FIELDS` names each number in the World with its range and unit; events may set, add to
or scale only the fields marked `event`, and the result is kept within the range
(`bounded`). `problems(world)` lists every broken invariant: numbers outside their range
or not finite, unknown ids, missing rule parameters, stakes above 1. Saves are checked
with it on load, and the soak (`bench/soak.py`) after every event and every year.
"""
from __future__ import annotations

import math
from typing import Any, Iterator

import attrs
from attrs import frozen

from game.fileio import is_plain_id
from game.model import C5, GREAT, OTHERS, RESOURCES, World
from game.rules import phases
from game.rules.params import PARAMS
from game.text import Msg, msg

STATUSES = ("playing", "over", "collapsed")
CORRIDOR_STATUSES = ("planned", "building", "operating", "disrupted")
MAX_YEARS = 60  # the longest game
LAST_YEAR = 2200
SLACK = 1e-6  # rounding allowed on a range's edge


@frozen
class Field:
    """One kind of number in the World: where it is (`*` for any id), its range, unit and meaning."""

    path: str
    low: float
    high: float
    unit: str
    meaning: str
    whole: bool = False
    event: bool = True  # events may set, add to or scale it


FIELDS: tuple[Field, ...] = (
    Field("end_year", 1900, LAST_YEAR, "year", "the last year played (at most 60 years after the start)", whole=True),
    Field("prices.*", 0, 100, "US$ bn per unit", "world price of a resource"),
    Field("risks.*", 0, 1, "0..1", "a named supply risk"),
    Field("tension.*", 0, 1, "0..1", "tension between two great powers"),
    Field("influence.*.*", 0, 10_000, "points", "a holder's influence in a Central Asian state", event=False),
    Field("trust.*.*", 0, 1, "0..1", "a state's trust in a great power", event=False),
    Field("powers.*.treasury", 0, 1_000_000, "US$ bn", "money in hand"),
    Field("powers.*.income", 0, 100_000, "US$ bn a year", "yearly budget or base fiscal income"),
    Field("powers.*.action_points", 0, 20, "actions", "actions a year", whole=True),
    Field("powers.*.credibility", 0, 1, "0..1", "chance a pledge is delivered on time"),
    Field("powers.*.demand.*", 0, 1_000_000, "units a year", "yearly import need of a resource"),
    Field("powers.*.sources.*.*", 0, 1, "share", "exposure of a resource to one source"),
    Field("powers.*.security.*", 0, 1, "0..1", "supply security of a resource", event=False),
    Field("powers.*.transit_income", 0, 1_000_000, "US$ bn", "last year's transit fees", event=False),
    Field("powers.*.trade_drive", -0.5, 0.5, "a year", "growth of its goods trade beyond the states' own"),
    Field("powers.*.agenda.*", 0, 100, "weight", "weight of a term in the power's agenda score", event=False),
    Field("economies.*.gdp", 0.01, 1_000_000, "US$ bn", "GDP (always above 0)"),
    Field("economies.*.gdp_start", 0.01, 1_000_000, "US$ bn", "GDP at the start", event=False),
    Field("economies.*.stability", 0, 100, "0..100", "stability"),
    Field("economies.*.production.*", 0, 1_000_000, "units a year", "exportable output of a resource"),
    Field("economies.*.reserves.*", 0, 1_000_000_000, "units", "known reserves of a resource"),
    Field("economies.*.refining", 0, 10_000, "kt a year", "rare-earth refining capacity"),
    Field("economies.*.debt.*", 0, 1_000_000, "US$ bn", "debt to one creditor"),
    Field("economies.*.goods.*", 0, 1_000_000, "US$ bn a year", "goods trade with a great power"),
    Field("economies.*.remittances.*", 0, 1_000_000, "US$ bn a year", "money migrants in a great power send home"),
    Field("economies.*.entry.*", 0, 10, "x", "how open a host is to a state's migrants (1 = as at the start)",
          event=False),  # events scale remittances; an entry level moves only by rule migration
    Field("economies.*.grace.*", 0, LAST_YEAR, "year", "last year of a creditor's grace on debt service", whole=True,
          event=False),
    Field("economies.*.reexport", 0, 0.5, "a year", "extra growth of goods from outside its common market"),
    Field("economies.*.tolerance", 0.1, 1, "share", "largest influence share accepted without a premium"),
    Field("economies.*.revenue", -1_000_000, 1_000_000, "US$ bn", "last year's net export revenue", event=False),
    Field("economies.*.growth", -1, 10, "fraction", "last year's GDP growth", event=False),
    Field("economies.*.diversify", 0, 1, "0..1", "wish to diversify routes"),
    Field("corridors.*.capacity", 0, 100_000, "units a year", "what a corridor can carry"),
    Field("corridors.*.unit_cost", 0, 10, "US$ bn per unit", "cost of carrying one unit"),
    Field("corridors.*.fee", 0, 10, "US$ bn per unit", "fee to each controller"),
    Field("corridors.*.build_cost", 0, 1000, "US$ bn", "cost to build"),
    Field("corridors.*.build_years", 0, 30, "years", "years to build", whole=True),
    Field("corridors.*.progress", 0, 30, "years", "years of construction done"),
    Field("corridors.*.upgrade_step", 0, 10_000, "units a year", "capacity one upgrade adds"),
    Field("corridors.*.upgrade_cost", 0, 1000, "US$ bn", "cost of one upgrade (0: the rules' default)"),
    Field("corridors.*.upgrade_years", 0, 30, "years", "least years between two upgrades", whole=True),
    Field("corridors.*.upgraded", 0, LAST_YEAR, "year", "the year of its last upgrade", whole=True, event=False),
    Field("corridors.*.cargo", 0, 10_000, "Mt a year", "general cargo carried before resources"),
    Field("corridors.*.owners.*", 0, 1, "share", "a power's stake in a corridor"),
    Field("corridors.*.disrupted_years", 0, 30, "years", "years a disrupted corridor stays closed", whole=True),
    Field("contracts.*.volume", 0, 100_000, "units a year", "contracted yearly volume"),
    Field("contracts.*.price_factor", 0, 10, "x world price", "price as a multiple of the world price"),
    Field("contracts.*.years_left", 0, 60, "years", "years a contract still runs", whole=True),
    Field("pledges.*.amount", 0, 100_000, "US$ bn", "aid promised", event=False),
    Field("forums.*.level", 0, 2, "level", "0 not founded, 1 ministers, 2 leaders", whole=True),
    Field("forums.*.market", 0, 0.5, "a year", "a common market's growth of goods trade between members"),
    Field("scores.*", -1_000_000, 1_000_000, "points", "agenda score", event=False),
)
CHOICES = {"corridors.*.status": CORRIDOR_STATUSES}  # words events may set


def _parts_match(pattern: str, path: str) -> bool:
    a, b = pattern.split("."), path.split(".")
    return len(a) == len(b) and all(x == "*" or x == y for x, y in zip(a, b))


def field_for(path: str) -> Field | None:
    """The Field a concrete dotted path belongs to (None when it names no number in the vocabulary)."""
    return next((f for f in FIELDS if _parts_match(f.path, path)), None)


def pattern_of(path: str) -> str:
    """The pattern of `FIELDS` or `CHOICES` a concrete dotted path belongs to ("" when it names none)."""
    f = field_for(path)
    return f.path if f else next((p for p in CHOICES if _parts_match(p, path)), "")


def choices_for(path: str) -> tuple[str, ...]:
    """The words a textual field accepts (empty when it is not one)."""
    return next((c for p, c in CHOICES.items() if _parts_match(p, path)), ())


def limits(f: Field, world: World) -> tuple[float, float]:
    """A field's range in this World (the end year also stays within the game's length and after now)."""
    if f.path == "end_year":
        return max(f.low, world.year, world.start_year), min(f.high, world.start_year + MAX_YEARS)
    return f.low, f.high


def bounded(f: Field, value: float, world: World) -> float:
    """`value` kept within the field's range (whole fields rounded); ValueError when it is not finite."""
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        raise ValueError(f"{value!r} is not a finite number for {f.path}")
    low, high = limits(f, world)
    value = min(high, max(low, value))
    return int(round(value)) if f.whole else float(value)


def expand(world: World, pattern: str) -> Iterator[tuple[str, Any]]:
    """Every (concrete path, value) in the World matching a pattern with `*` wildcards."""
    stack: list[tuple[Any, str, list[str]]] = [(world, "", pattern.split("."))]
    while stack:
        obj, path, rest = stack.pop()
        if not rest:
            yield path, obj
            continue
        head, tail = rest[0], rest[1:]
        if head == "*":
            if isinstance(obj, dict) or hasattr(obj, "items"):
                for k, v in reversed(list(obj.items())):
                    stack.append((v, f"{path}.{k}" if path else str(k), tail))
            continue
        if isinstance(obj, dict) or (hasattr(obj, "get") and not attrs.has(type(obj))):
            if head in obj:
                stack.append((obj[head], f"{path}.{head}" if path else head, tail))
        elif hasattr(obj, head):
            stack.append((getattr(obj, head), f"{path}.{head}" if path else head, tail))


def _shown(text: object) -> str:
    """An id as a clause names it: printable and short."""
    text = "".join(ch if ch.isprintable() else "?" for ch in str(text))
    return text if len(text) <= 40 else text[:37] + "..."


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def problems(w: World) -> list[Msg]:
    """Every broken invariant of a World, as short clauses (messages: shown in the reader's language; empty when it
    is sound)."""
    out = _shape(w)
    if out:
        return out  # ids and order are wrong: the rest would only repeat it
    for f in FIELDS:
        low, high = (f.low, f.high) if f.path != "end_year" else (w.start_year, w.start_year + MAX_YEARS)
        for path, v in expand(w, f.path):
            if not _number(v) or not math.isfinite(v):
                out.append(msg("inv.not_finite", path=path, value=repr(v)))
            elif not low - SLACK <= v <= high + SLACK:
                out.append(msg("inv.out_of_range", path=path, value=v, low=low, high=high))
    out += _records(w) + _rules(w) + _scoring(w)
    return out


def _shape(w: World) -> list[Msg]:
    """Phase, status, years, seats and the tables keyed by power."""
    out = []
    if w.phase not in phases.PHASES:
        out.append(phases.unknown(w.phase))
    if w.status not in STATUSES:
        out.append(msg("inv.status", status=_shown(w.status)))
    if not w.start_year <= w.year <= w.end_year or w.end_year > LAST_YEAR:
        out.append(msg("inv.year", year=str(w.year), start=str(w.start_year), end=str(w.end_year)))
    if sorted(w.order) != sorted(w.powers) or len(set(w.order)) != len(w.order):
        out.append(msg("inv.order"))
    if not -1 <= w.turn < len(w.order):
        out.append(msg("inv.turn", turn=str(w.turn)))
    for pid, p in w.powers.items():
        if not is_plain_id(pid):
            out.append(msg("inv.record_id", record=msg("inv.record.power"), id=_shown(pid)))
        elif p.id != pid:
            out.append(msg("inv.record_self", record=msg("inv.record.power"), filed=_shown(pid), id=_shown(p.id)))
        if p.kind not in (GREAT, C5):
            out.append(msg("inv.power_kind", id=pid))
    c5 = sorted(p for p, pw in w.powers.items() if pw.kind == C5)
    greats = {p for p, pw in w.powers.items() if pw.kind == GREAT}
    holders = set(w.powers) | {OTHERS}  # great powers, others, and a state that co-financed a neighbour's route
    for name, table in (("economy", w.economies), ("influence", w.influence), ("trust", w.trust)):
        if sorted(table) != c5:
            out.append(msg(f"inv.tables.{name}"))
    for c, row in w.influence.items():
        if not set(row) <= holders or c in row:
            out.append(msg("inv.influence_holder", state=c, others=OTHERS))
        elif not sum(v for v in row.values() if _number(v) and math.isfinite(v)) > 0:
            out.append(msg("inv.no_influence", state=c))
    for c, row in w.trust.items():
        if not set(row) <= greats:
            out.append(msg("inv.trust_holder", state=c))
    for key in w.tension:
        pair = key.split("|")
        if len(pair) != 2 or pair != sorted(pair) or not set(pair) <= greats or pair[0] == pair[1]:
            out.append(msg("inv.tension_pair", pair=_shown(key)))
    if any(not _number(v) or v < 0 for v in w.ap_left.values()):
        out.append(msg("inv.ap"))
    if any(r not in w.prices for r in RESOURCES):
        out.append(msg("inv.price"))
    return out


def _records(w: World) -> list[Msg]:
    """Every id a corridor, contract, pledge, forum, offer or policy names exists."""
    from game.rules.play import CARDS
    out = []
    for table, items in (("corridor", w.corridors), ("contract", w.contracts), ("pledge", w.pledges),
                         ("forum", w.forums), ("offer", w.offers), ("policy", w.policies)):
        for key, rec in items.items():
            if not is_plain_id(key):
                out.append(msg("inv.record_id", record=msg(f"inv.record.{table}"), id=_shown(key)))
            elif rec.id != key:
                out.append(msg("inv.record_self", record=msg(f"inv.record.{table}"), filed=_shown(key), id=_shown(rec.id)))
    powers = w.powers
    for k in w.corridors.values():
        if k.status not in CORRIDOR_STATUSES:
            out.append(msg("inv.corridor_status", id=k.id, status=_shown(k.status)))
        if any(o not in powers for o in k.owners):
            out.append(msg("inv.corridor_owner", id=k.id))
        elif sum(k.owners.values()) > 1 + SLACK:
            out.append(msg("inv.corridor_stakes", id=k.id))
    for k in w.contracts.values():
        if k.seller not in w.economies or k.buyer not in powers or k.resource not in RESOURCES:
            out.append(msg("inv.contract_names", id=k.id))
        elif k.corridor and k.corridor not in w.corridors:
            out.append(msg("inv.contract_corridor", id=k.id, corridor=_shown(k.corridor)))
    for p in w.pledges.values():
        if p.donor not in powers or p.recipient not in powers:
            out.append(msg("inv.names_no_power", record=msg("inv.record.pledge"), id=p.id))
    for f in w.forums.values():
        if (f.host not in powers and not (f.caucus and not f.host)) or any(m not in powers for m in f.members) or (f.against and f.against not in powers):
            out.append(msg("inv.names_no_power", record=msg("inv.record.forum"), id=f.id))
    for o in w.offers.values():
        if o.sender not in powers or o.receiver not in powers:
            out.append(msg("inv.names_no_power", record=msg("inv.record.offer"), id=o.id))
    for p in w.policies.values():
        if p.card not in CARDS or p.actor not in powers or (p.target and p.target not in powers):
            out.append(msg("inv.policy", id=p.id))
    return out + _arc(w)


def _arc(w: World) -> list[Msg]:
    """The year's tension moves name known kinds and powers; crisis cards have finite weights and thresholds."""
    from game.rules.tension import KINDS
    out = []
    if any(len(m) != 3 or m[1] not in KINDS or m[0] not in w.powers or m[2] not in w.powers for m in w.moves):
        out.append(msg("inv.move"))
    for c in w.crises:
        if not (_finite(c.weight) and c.weight > 0 and _finite(c.tension) and _finite(c.stability)):
            out.append(msg("inv.crisis", id=_shown(c.id)))
    return out


def _rules(w: World) -> list[Msg]:
    """Every rule parameter is present, finite and within its range."""
    out = []
    missing = [name for name in PARAMS if name not in w.rules]
    if missing:
        out.append(msg("inv.param_missing", name=missing[0]))
    for name, v in w.rules.items():
        p = PARAMS.get(name)
        if p is None:
            out.append(msg("inv.param_unknown", name=_shown(name)))
        elif not _number(v) or not math.isfinite(v) or not p.low - SLACK <= v <= p.high + SLACK:
            out.append(msg("inv.param_range", name=name, value=repr(v), low=p.low, high=p.high))
    return out


def _finite(v: Any) -> bool:
    return _number(v) and math.isfinite(v)


def _scoring(w: World) -> list[Msg]:
    """Scoring rounds within the game's years, finite weights and points, objectives of a known kind."""
    from game.rules.objectives import KINDS
    out = []
    if list(w.rounds) != sorted(set(w.rounds)) or any(not w.start_year <= y <= w.start_year + MAX_YEARS
                                                       for y in w.rounds):
        out.append(msg("inv.rounds"))  # (an event may end it earlier)
    if w.round_weights and (len(w.round_weights) != len(w.rounds)
                            or not all(_finite(x) and x >= 0 for x in w.round_weights)):
        out.append(msg("inv.round_weights"))
    if len(w.scored) > len(w.rounds) or any(set(row) - set(w.powers) or not all(_finite(v) for v in row.values())
                                            for row in w.scored):
        out.append(msg("inv.scored"))
    for pid, p in w.powers.items():
        for o in p.objectives:
            if not is_plain_id(o.id) or o.kind not in KINDS or not all(_finite(x) for x in (*o.points, *o.at)):
                out.append(msg("inv.objective", id=_shown(o.id), power=pid))
            elif any(a not in w.powers for a in o.among):
                out.append(msg("inv.objective_among", id=o.id, power=pid))
    return out
