"""Actions: small frozen records with a text form, like `aid japan kyrgyzstan grant 0.2`.

`str(action)` gives the text; `parse(text)` reads it back. Offer items are written
`aid/grant/0.2`, `contract/uranium/2/1.1/5/middle_corridor` (resource, volume,
price factor, years, corridor or `-`), `cofinance/middle_corridor/0.3`,
`statement/-` or `statement/china` (a bloc aimed at China).
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
class EndTurn(Action):
    """Finish this phase's turn."""

    verb: ClassVar[str] = "end"


KINDS: dict[str, type[Action]] = {cls.verb: cls for cls in
                                  (Aid, Propose, Accept, Reject, Counter, Build, Upgrade, Develop, Refine,
                                   Summit, Attend, Join, Leave, Policy, EndTurn)}


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
        "cofinance": (item.corridor, item.amount),
        "statement": (item.against,),
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
        if kind == "cofinance":
            return Item("cofinance", corridor=args[0], amount=float(args[1]))
        if kind == "statement":
            return Item("statement", against=args[0] if args else "")
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


def parse(text: str) -> Action:
    """Read an action from its text form; IllegalAction if it cannot be read."""
    verb, *rest = text.split()
    cls = KINDS.get(verb)
    if cls is None:
        raise IllegalAction([msg("illegal.parse_verb", verb=verb, verbs=", ".join(KINDS))])
    names = [f for f in attrs.fields(cls)]
    if any(f.type in ("Items",) for f in names):
        simple = [f for f in names if f.type != "Items"]
        head, tail = rest[:len(simple)], rest[len(simple):]
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
