"""Personalities and difficulty levels as data: ai/personalities.toml plus scenario overrides.

A personality is a table of habits (weights for action kinds, preferred aid kinds,
thresholds, when to play which card). `resolve(power, overrides)` merges the shipped
table with a scenario's `[personalities.<power>]` table; `check(table)` lists bad keys
as (key path, sentence) so scenario validation can report them in plain words.
"""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any, Mapping

from attrs import frozen

from game.paths import ai_data

DATA = ai_data("personalities.toml")
VERBS = ("aid", "propose", "pact", "summit", "build", "upgrade", "develop", "refine", "join", "leave", "policy",
         "tariff", "water")
AID = ("grant", "tc", "loan")
LEVELS = ("easy", "normal", "hard", "historical")


@frozen
class Key:
    """One personality key: its type, range, default and meaning."""

    kind: str  # float, int, bool, str, list, table
    default: Any
    low: float = 0.0
    high: float = 1e9
    meaning: str = ""


KEYS: dict[str, Key] = {
    "name": Key("str", "", meaning="the personality's display name"),
    "summary": Key("str", "", meaning="one sentence on how it plays"),
    "sources": Key("str", "", meaning="the documents its habits come from"),
    "weights": Key("table", {}, 0, 10, "multiplier on the value of each action kind (aid, propose, summit, ...)"),
    "aid_kinds": Key("table", {}, 0, 10, "multiplier on aid of each kind it gives or asks for (grant, tc, loan)"),
    "targets": Key("table", {}, 0, 10, "interest in dealing with each power (multiplier)"),
    "avoid": Key("list", [], meaning="powers whose routes it pays a premium to avoid"),
    "route_value": Key("float", 0.0, 0, 10, "utility of a contract on a route avoiding `avoid` (x3 under their export controls)"),
    "route_premium": Key("float", 0.0, 0, 1, "extra price factor it offers for a contract on such a route"),
    "own_routes": Key("float", 0.0, 0, 10, "bonus points for building routes into its market or under its control"),
    "forum_value": Key("float", 0.0, 0, 10, "points per state expected at a summit it hosts, at leaders' level"),
    "followup": Key("float", 0.5, 0, 5, "bonus for topping up where it already has pledges or contracts"),
    "thrift": Key("float", 0.5, 0, 10, "points lost per US$ bn spent"),
    "reserve": Key("float", 0.2, 0, 1, "share of its treasury it never spends"),
    "min_gain": Key("float", 0.05, 0, 10, "least value (points) an action must bring before it acts"),
    "summit_bias": Key("float", 0.0, -1, 1, "added to the expected gain of attending a summit"),
    "patience": Key("float", 0.85, 0, 1, "how much a gain one year later is worth now"),
    "diversify": Key("float", 1.0, 0, 10, "weight on export routes with a new gatekeeper"),
    "aid_appetite": Key("float", 1.0, 0, 10, "weight of aid received in its answers"),
    "balance": Key("float", 1.0, 0, 10, "weight it puts on the hedging penalty (keeping every power below tolerance)"),
    "debt_fear": Key("float", 0.0, 0, 10, "utility lost per unit of debt-to-GDP a loan adds"),
    "price_weight": Key("float", 1.0, 0, 10, "weight of price premiums in its answers"),
    "ask_premium": Key("float", 0.1, 0, 1, "price premium it asks in its own contract offers"),
    "counter_gap": Key("float", 0.1, 0, 5, "it counters offers worth at least minus this much"),
    "haggle_reach": Key("float", 0.3, 0, 5, "it makes a counter that is not the last of a negotiation while the other side values it at least minus this much (rule 25)"),
    "accept_margin": Key("float", 0.0, -1, 5, "least total an offer must reach before it accepts"),
    "neutral": Key("bool", False, meaning="refuses every bloc and every forum"),
    "closed_until": Key("int", 0, 0, 3000, "before this year it makes no offers and takes none (0 = always open)"),
    "hydro": Key("float", 0.0, 0, 10, "bonus for technical cooperation asked for hydro-power projects"),
    "cards": Key("table", {}, meaning="card id -> when to play it (weight, tension_above, own_share_below, ...)"),
}
CARD_KEYS: dict[str, Key] = {
    "weight": Key("float", 1.0, 0, 10, "points the card is worth when its conditions hold"),
    "tension_above": Key("float", 0.0, 0, 1, "only when tension with the target exceeds this"),
    "own_share_below": Key("float", 1.0, 0, 1, "only when its mean influence share is below this"),
    "rival_share_above": Key("float", 0.0, 0, 1, "only when a rival's mean share exceeds this"),
    "security_below": Key("float", 1.0, 0, 1, "only when its security in the card's resource is below this"),
    "from_year": Key("int", 0, 0, 3000, "not before this year"),
    "controlled": Key("bool", False, meaning="only while another power has export controls on it"),
}
LEVEL_KEYS: dict[str, Key] = {
    "noise": Key("float", 0.0, 0, 10, "random points added to each option, times the options' spread"),
    "sample": Key("int", 40, 1, 10000, "options looked at per decision"),
    "judge_offers": Key("bool", True, meaning="whether it checks that the receiver will accept its offers"),
    "lookahead": Key("int", 0, 0, 100, "best options re-checked with a full year's resolution"),
    "margin": Key("float", 0.0, 0, 10, "extra value it asks for before acting"),
    "script": Key("bool", False, meaning="plays the historical script where it has a move"),
    "hope": Key("float", 0.0, 0, 10, "width of its doubt about a receiver's answer (0: it trusts its model's yes or no)"),
    "reads": Key("bool", False, meaning="models a Central Asian receiver as playing for its public objectives too"),
    "unseen": Key("float", 0.0, 0, 1, "share of the offers its model calls good that it expects refused for reasons it cannot see"),
    "naive": Key("bool", False, meaning="judges offers by money alone and goes to every summit (ignores hedging, backlash, debt)"),
    "race": Key("float", 1.0, 0, 1, "weight of the objective race in what it plays for (0: its national agenda alone)"),
    "top_price": Key("float", 2.0, 0, 2, "the highest multiple of the world price it offers when it offers to buy (0: no such offers)"),
    "accept_price": Key("float", 2.0, 0, 2, "the highest multiple of the world price at which a great power accepts a contract to buy (2: the rule's ceiling, no bar)"),
    "playouts": Key("int", 0, 0, 1000, "its best moves (and its answers) re-checked by playing the rest of the game out with the pure rules (0: none)"),
    "playout": Key("float", 0.0, 0, 1, "share of a move's or an answer's projected change replaced by the change its play-out shows"),
    "playout_kinds": Key("list", [], meaning="the kinds of power (great, c5) whose seats play out at this level (empty: every kind)"),
    "rivals": Key("float", 0.0, 0, 1, "in a tender, the chance it gives each rival great power of bidding too (public rule): its bid is won only if the host values it above theirs (0: rivals ignored)"),
    "follow": Key("int", 0, 0, 100, "its best moves valued with the best move it could make next (a two-step plan; 0: none)"),
    "follow_kinds": Key("list", [], meaning="the kinds of power (great, c5) whose seats plan two moves at this level (empty: every kind)"),
    "dice": Key("int", 1, 1, 20, "draws of the years' events and dice each play-out is run on, its worths averaged"),
    "playout_habit": Key("bool", False, meaning="a move's habit points count only when its played-out net gain is not negative (as they do with the one-year gain, `projection.habit_value`)"),
    "playout_doubt": Key("bool", False, meaning="a play-out's rounds count as the race projects them from the year it decides in (`race.DOUBT`), not in the whole places one draw paid"),
    "trust": Key("float", 0.0, 0, 100, "a seat that plays out leaves the move (or answer) its one-year projection chose only for one its play-outs value above it by more than this (value points; 0: the play-outs alone decide)"),
    "replies": Key("bool", False, meaning="in its play-outs, pending offers are answered as the public model says and the great powers make the bids it expects to win tenders (False: a passive world)"),
}
META = ("personality", "difficulty")


@frozen
class Personality:
    """A power's habits of play, merged from the shipped table and the scenario's overrides."""

    id: str
    values: Mapping[str, Any]

    def __getattr__(self, key: str) -> Any:
        """Any key of KEYS by attribute, e.g. `persona.thrift`."""
        if key in KEYS:
            return self.values.get(key, KEYS[key].default)
        raise AttributeError(key)

    def weight(self, verb: str) -> float:
        """The multiplier on actions of `verb`."""
        return float(self.weights.get(verb, 1.0))

    def habits(self, year: int) -> dict:
        """The habits valuation.appraise understands."""
        return {"aid_appetite": self.aid_appetite, "balance": self.balance, "debt_fear": self.debt_fear, "price_weight": self.price_weight,
                "neutral": self.neutral, "closed": self.closed(year), "avoid": tuple(self.avoid),
                "route_value": self.route_value, "accept_margin": self.accept_margin}

    def closed(self, year: int) -> bool:
        """Whether the state still keeps its doors closed this year."""
        return bool(self.closed_until) and year < self.closed_until


@frozen
class Level:
    """A difficulty level's settings."""

    id: str
    noise: float
    sample: int
    judge_offers: bool
    lookahead: int
    margin: float
    script: bool
    naive: bool = False
    hope: float = 0.0
    race: float = 1.0
    top_price: float = 2.0
    accept_price: float = 2.0
    reads: bool = False
    unseen: float = 0.0
    playouts: int = 0
    playout: float = 0.0
    playout_kinds: tuple = ()
    dice: int = 1
    replies: bool = False
    playout_habit: bool = False
    playout_doubt: bool = False
    trust: float = 0.0
    rivals: float = 0.0
    follow: int = 0
    follow_kinds: tuple = ()

    def plays_out(self, kind: str) -> bool:
        """Whether a seat of this kind of power plays its moves and answers out (`playouts`, `playout_kinds`)."""
        return self.playouts > 0 and (not self.playout_kinds or kind in self.playout_kinds)

    def follows(self, kind: str) -> bool:
        """Whether a seat of this kind of power values its best moves with their best next move (`follow`, `follow_kinds`)."""
        return self.follow > 0 and (not self.follow_kinds or kind in self.follow_kinds)


@functools.lru_cache(maxsize=4)
def shipped(path: str = str(DATA)) -> dict:
    """The shipped personalities file, parsed once."""
    return tomllib.loads(Path(path).read_text(encoding="utf-8"))


def level(name: str) -> Level:
    """A difficulty level by name (normal when unknown)."""
    table = shipped().get("difficulty", {})
    raw = table.get(name, table.get("normal", {}))
    vals = {k: tuple(raw.get(k, spec.default)) if spec.kind == "list" else raw.get(k, spec.default)
            for k, spec in LEVEL_KEYS.items()}
    return Level(name if name in table else "normal", **vals)


def resolve(power: str, overrides: Mapping | None = None) -> Personality:
    """`power`'s personality: the shipped table (or the one the scenario names) plus overrides."""
    over = dict(overrides or {})
    base_id = over.get("personality") or power
    data = shipped()
    merged = dict(data.get(base_id, {}))
    for k, v in over.items():
        if k in META:
            continue
        if isinstance(v, dict) and isinstance(merged.get(k), dict):
            merged[k] = {**merged[k], **v}
        else:
            merged[k] = v
    return Personality(base_id, merged)


def _check_value(path: str, value: Any, spec: Key) -> list[tuple[str, str]]:
    if spec.kind == "bool":
        return [] if isinstance(value, bool) else [(path, "should be true or false.")]
    if spec.kind == "str":
        return [] if isinstance(value, str) else [(path, "should be text in quotes.")]
    if spec.kind == "list":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return [] if ok else [(path, "should be a list of power ids in quotes.")]
    if spec.kind in ("float", "int"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return [(path, f"should be a number ({spec.meaning}).")]
        if spec.kind == "int" and not isinstance(value, int):
            return [(path, "should be a whole number.")]
        if not spec.low <= value <= spec.high:
            return [(path, f"is {value}; it should be between {spec.low:g} and {spec.high:g} ({spec.meaning}).")]
        return []
    return []


def _check_table(path: str, value: Any, names: tuple[str, ...] | None, low: float, high: float) -> list:
    if not isinstance(value, dict):
        return [(path, "should be a table of names and numbers.")]
    out = []
    for k, v in value.items():
        if names is not None and k not in names:
            out.append((f"{path}.{k}", f"is not one of {', '.join(names)}."))
        else:
            out += _check_value(f"{path}.{k}", v, Key("float", 0.0, low, high, "a multiplier"))
    return out


def check_cards(path: str, value: Any) -> list[tuple[str, str]]:
    """Problems in a personality's `cards` table."""
    if not isinstance(value, dict):
        return [(path, "should be a table with one table per card.")]
    out = []
    for card, rules in value.items():
        if not isinstance(rules, dict):
            out.append((f"{path}.{card}", "should be a table like { weight = 1.0, tension_above = 0.6 }."))
            continue
        for k, v in rules.items():
            spec = CARD_KEYS.get(k)
            if spec is None:
                out.append((f"{path}.{card}.{k}", f"is not a card condition; they are {', '.join(CARD_KEYS)}."))
            else:
                out += _check_value(f"{path}.{card}.{k}", v, spec)
    return out


def check(table: Any, prefix: str = "") -> list[tuple[str, str]]:
    """Every problem in one personality table, as (key path, sentence); [] when it is good."""
    if not isinstance(table, dict):
        return [(prefix or "personality", "should be a table of personality keys.")]
    out: list[tuple[str, str]] = []
    for k, v in table.items():
        path = f"{prefix}.{k}" if prefix else k
        if k == "personality":
            known = [n for n in shipped() if n not in ("difficulty", "format_version")]
            if v not in known:
                out.append((path, f"'{v}' is not a personality; they are {', '.join(known)}."))
        elif k == "difficulty":
            if v not in LEVELS:
                out.append((path, f"'{v}' is not a difficulty; they are {', '.join(LEVELS)}."))
        elif k not in KEYS:
            near = [n for n in KEYS if n[:4] == str(k)[:4]]
            hint = f" Did you mean '{near[0]}'?" if near else ""
            out.append((path, f"is not a personality key.{hint}"))
        elif k == "weights":
            out += _check_table(path, v, VERBS, 0, 10)
        elif k == "aid_kinds":
            out += _check_table(path, v, AID, 0, 10)
        elif k == "targets":
            out += _check_table(path, v, None, 0, 10)
        elif k == "cards":
            out += check_cards(path, v)
        else:
            out += _check_value(path, v, KEYS[k])
    return out


def check_file(data: Mapping) -> list[tuple[str, str]]:
    """Problems in a whole personalities file (the shipped one or an author's)."""
    out = []
    for name, table in data.items():
        if name == "format_version":
            continue
        if name == "difficulty":
            for lv, raw in table.items():
                for k, v in raw.items():
                    spec = LEVEL_KEYS.get(k)
                    out += [(f"difficulty.{lv}.{k}", "is not a difficulty setting.")] if spec is None else \
                        _check_value(f"difficulty.{lv}.{k}", v, spec)
            continue
        out += check(table, name)
    return out
