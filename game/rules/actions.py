"""Actions: small frozen records with a text form, like `aid japan kyrgyzstan grant 0.2`.

`str(action)` gives the text; `parse(text)` reads it back. Offer items are written
`aid/grant/0.2`, `contract/uranium/2/1.1/5/middle_corridor` (resource, volume,
price factor, years, corridor or `-`), `cofinance/middle_corridor/0.3`,
`statement/-` or `statement/china` (a bloc aimed at China), `transit/line_d/0.006` (consent
to a planned corridor crossing the giver, at the transit fee it will charge), `water/syr_darya/3`
(an upstream state's promise to release a river for 3 years), `energy/0.2` (winter fuel and
power worth US$ 0.2bn), `concession/rare_earths/1/1.1/10` (a tendered concession: resource, units a
year, price factor, years), `writedown/0.3` (a creditor writes off US$ 0.3bn of the debt owed it),
`grace/3` (a creditor defers debt service for 3 years), `quota/1.2` (a host sets its entry level for the
other side's migrants to 1.2).
"""
from __future__ import annotations

from typing import ClassVar

import attrs
from attrs import frozen

from game.errors import IllegalAction
from game.text import msg
from game.model import Item

Items = tuple[Item, ...]
ITEM_MARKS = {"gives": "give", "asks": "ask"}  # words that open each list of items in the text form


@frozen
class Action:
    """Base of every action: who acts."""

    actor: str
    verb: ClassVar[str] = ""

    def __str__(self) -> str:
        words = [self.verb]
        for f in attrs.fields(type(self)):
            if f.type == "Items":
                words.append(ITEM_MARKS[f.name])
            words.append(_fmt(getattr(self, f.name)))
        return " ".join(words)


@frozen
class Aid(Action):
    """Pledge ODA: a grant, technical cooperation or a loan, delivered next year."""

    target: str
    kind: str
    amount: float
    verb: ClassVar[str] = "aid"


@frozen
class Propose(Action):
    """Send an offer: what the actor gives and what it asks of the target."""

    target: str
    gives: Items
    asks: Items
    verb: ClassVar[str] = "propose"


@frozen
class Part:
    """One party's share of a multi-party deal: what the proposer gives it and asks of it."""

    party: str
    gives: Items
    asks: Items


@frozen
class Pact(Action):
    """Propose one deal to several powers at once: it takes effect only if every party accepts its part.

    Text form: `pact china with tajikistan give aid/grant/0.3 ask transit/line_d/0.006 with kyrgyzstan ...`.
    """

    parts: tuple[Part, ...]
    verb: ClassVar[str] = "pact"

    def __str__(self) -> str:
        words = [self.verb, self.actor]
        for p in self.parts:
            words += ["with", p.party, "give", _fmt(p.gives), "ask", _fmt(p.asks)]
        return " ".join(words)


@frozen
class Accept(Action):
    """Accept an offer made to the actor."""

    offer: str
    verb: ClassVar[str] = "accept"


@frozen
class Reject(Action):
    """Refuse an offer made to the actor."""

    offer: str
    verb: ClassVar[str] = "reject"


@frozen
class Counter(Action):
    """Answer an offer with another; the counter cannot itself be countered."""

    offer: str
    gives: Items
    asks: Items
    verb: ClassVar[str] = "counter"


@frozen
class Build(Action):
    """Start building a planned corridor, paying its cost."""

    corridor: str
    verb: ClassVar[str] = "build"


@frozen
class Upgrade(Action):
    """Add capacity to an operating corridor."""

    corridor: str
    verb: ClassVar[str] = "upgrade"


@frozen
class Develop(Action):
    """Invest in a deposit: more output after some years."""

    target: str
    resource: str
    verb: ClassVar[str] = "develop"


@frozen
class Refine(Action):
    """Build rare-earth refining capacity in a C5 state."""

    target: str
    verb: ClassVar[str] = "refine"


@frozen
class Summit(Action):
    """Convene a forum this year at level 1 (ministers) or 2 (leaders)."""

    forum: str
    level: int
    verb: ClassVar[str] = "summit"


@frozen
class Attend(Action):
    """Answer a summit invitation."""

    forum: str
    yes: bool
    verb: ClassVar[str] = "attend"


@frozen
class Join(Action):
    """Join a forum."""

    forum: str
    verb: ClassVar[str] = "join"


@frozen
class Leave(Action):
    """Leave a forum."""

    forum: str
    verb: ClassVar[str] = "leave"


@frozen
class Policy(Action):
    """Play a policy card; unused arguments are `-`."""

    card: str
    target: str = ""
    resource: str = ""
    corridor: str = ""
    verb: ClassVar[str] = "policy"


@frozen
class Tariff(Action):
    """A Central Asian state sets the transit fee it charges on a corridor that crosses it."""

    corridor: str
    fee: float
    verb: ClassVar[str] = "tariff"


@frozen
class Water(Action):
    """An upstream state holds a river's water for winter hydro-power, or releases it for the summer harvest."""

    river: str
    hold: bool
    verb: ClassVar[str] = "water"


@frozen
class Tender(Action):
    """A Central Asian state puts a concession on one of its resources up for tender; great powers bid next year."""

    resource: str
    verb: ClassVar[str] = "tender"


@frozen
class Convene(Action):
    """A Central Asian state convenes this year's meeting of a C5-only forum (the leaders' consultative meeting)."""

    forum: str
    verb: ClassVar[str] = "convene"


@frozen
class Entry(Action):
    """A great power sets how open it is to a Central Asian state's migrant workers (1 = as at the start)."""

    target: str
    level: float
    verb: ClassVar[str] = "entry"


@frozen
class EndTurn(Action):
    """Finish this phase's turn."""

    verb: ClassVar[str] = "end"


KINDS: dict[str, type[Action]] = {cls.verb: cls for cls in
                                  (Aid, Propose, Pact, Accept, Reject, Counter, Build, Upgrade, Develop, Refine,
                                   Summit, Attend, Join, Leave, Policy, Tariff, Water, Tender, Convene, Entry, EndTurn)}


def _fmt(value) -> str:
    if isinstance(value, tuple):
        return " ".join(item_text(i) for i in value) or "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        short = f"{value:g}"
        return short if float(short) == value else repr(value)  # exact: replays re-read this text
    return str(value) if value != "" else "-"


def item_text(item: Item) -> str:
    """The text form of one offer item."""
    fields = {
        "aid": (item.aid_kind, item.amount),
        "contract": (item.resource, item.amount, item.price_factor, item.years, item.corridor),
        "concession": (item.resource, item.amount, item.price_factor, item.years),
        "cofinance": (item.corridor, item.amount),
        "statement": (item.against,),
        "transit": (item.corridor, item.amount),
        "water": (item.corridor, item.years),
        "energy": (item.amount,),
        "writedown": (item.amount,),
        "grace": (item.years,),
        "quota": (item.amount,),
    }[item.kind]
    return "/".join([item.kind, *(_fmt(v) for v in fields)])


def parse_item(text: str) -> Item:
    """Read one offer item from its text form."""
    kind, *args = text.split("/")
    args = ["" if a == "-" else a for a in args]
    try:
        if kind == "aid":
            return Item("aid", aid_kind=args[0], amount=float(args[1]))
        if kind == "contract":
            return Item("contract", resource=args[0], amount=float(args[1]), price_factor=float(args[2]),
                        years=int(args[3]), corridor=args[4])
        if kind == "concession":
            return Item("concession", resource=args[0], amount=float(args[1]), price_factor=float(args[2]),
                        years=int(args[3]))
        if kind == "cofinance":
            return Item("cofinance", corridor=args[0], amount=float(args[1]))
        if kind == "statement":
            return Item("statement", against=args[0] if args else "")
        if kind == "transit":
            return Item("transit", corridor=args[0], amount=float(args[1]))
        if kind == "water":
            return Item("water", corridor=args[0], years=int(args[1]))
        if kind in ("energy", "writedown", "quota"):
            return Item(kind, amount=float(args[0]))
        if kind == "grace":
            return Item("grace", years=int(args[0]))
    except (IndexError, ValueError):
        pass
    raise IllegalAction([msg("illegal.parse_item", text=text)])


def _items(tokens: list[str]) -> tuple[Items, Items]:
    gives: list[Item] = []
    asks: list[Item] = []
    target = gives
    for tok in tokens:
        if tok in ("give", "ask"):
            target = gives if tok == "give" else asks
        elif tok != "-":
            target.append(parse_item(tok))
    return tuple(gives), tuple(asks)


def parse_pact(rest: list[str]) -> Pact:
    """Read a pact from the words after `pact`: the actor, then `with PARTY give ... ask ...` per party."""
    if len(rest) < 2 or rest[1] != "with":
        raise IllegalAction([msg("illegal.parse_pact")])
    parts, chunk = [], []
    for tok in rest[2:] + ["with"]:
        if tok == "with":
            if not chunk:
                raise IllegalAction([msg("illegal.parse_pact_party")])
            parts.append(Part(chunk[0], *_items(chunk[1:])))
            chunk = []
        else:
            chunk.append(tok)
    return Pact(rest[0], tuple(parts))


def parse(text: str) -> Action:
    """Read an action from its text form; IllegalAction if it cannot be read."""
    words = text.split() if isinstance(text, str) else []
    if not words:
        raise IllegalAction([msg("illegal.parse_empty")])
    verb, *rest = words
    cls = KINDS.get(verb)
    if cls is None:
        raise IllegalAction([msg("illegal.parse_verb", verb=verb, verbs=", ".join(KINDS))])
    if cls is Pact:
        return parse_pact(rest)
    names = [f for f in attrs.fields(cls)]
    if any(f.type in ("Items",) for f in names):
        simple = [f for f in names if f.type != "Items"]
        head, tail = rest[:len(simple)], rest[len(simple):]
        if len(head) != len(simple):
            raise IllegalAction([msg("illegal.parse_items", text=text, n=len(simple), verb=verb,
                                     fields=", ".join(f.name for f in simple))])
        gives, asks = _items(tail)
        return cls(*(_convert(f, v) for f, v in zip(simple, head)), gives, asks)
    if len(rest) != len(names):
        raise IllegalAction([msg("illegal.parse_words", text=text, n=len(names), verb=verb,
                                 fields=", ".join(f.name for f in names))])
    return cls(*(_convert(f, v) for f, v in zip(names, rest)))


def _convert(f: attrs.Attribute, value: str):
    if value == "-":
        return ""
    try:
        if f.type == "float":
            return float(value)
        if f.type == "int":
            return int(value)
        if f.type == "bool":
            return value == "yes"
    except ValueError:
        raise IllegalAction([msg("illegal.parse_number", value=value, field=f.name)]) from None
    return value
