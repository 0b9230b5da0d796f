"""Memo tables: results a pure rule already worked out for the same inputs, reused.

A World is immutable and records that do not change are shared between the worlds
built from one another, so a rule's inputs can be keyed by the identities of the
records it reads (plus the few plain values it reads). Each entry keeps those records
alive, so while it is in the table no other object can take one of their ids. Tables
are bounded (least recently used out first) and can be switched off for a block
(`memo.off()`), which tests use to check that reused and fresh results are identical.
"""
from __future__ import annotations

from collections import OrderedDict
from contextlib import contextmanager
from typing import Callable

_ON = [True]
_TABLES: list = []  # every Memo made, for `clear`
_MISSING = object()  # `Memo.get`: no result stored (a stored result may be None)


class Memo:
    """A bounded least-recently-used table: key -> (the records the key names, result)."""

    def __init__(self, size: int):
        self.size = size
        self.table: OrderedDict = OrderedDict()
        self.hits = self.misses = 0
        _TABLES.append(self)

    def get(self, key, kept, compute: Callable[[], object]):
        """The result stored for `key`, or `compute()` stored with the records `kept` alive."""
        if not _ON[0]:
            return compute()
        hit = self.find(key, _MISSING)
        if hit is not _MISSING:
            return hit
        result = compute()
        self.put(key, kept, result)
        return result

    def find(self, key, missing=None):
        """The result stored for `key` (`missing` when there is none, or the tables are off)."""
        hit = self.table.get(key) if _ON[0] else None
        if hit is None:
            self.misses += 1
            return missing
        self.table.move_to_end(key)
        self.hits += 1
        return hit[1]

    def put(self, key, kept, result) -> None:
        """Store `result` for `key` with the records `kept` alive (nothing when the tables are off)."""
        if not _ON[0]:
            return
        self.table[key] = (kept, result)
        if len(self.table) > self.size:
            self.table.popitem(last=False)


class Last:
    """The result for the last inputs asked about, kept while the very same objects are asked about again (mappings
    are never changed in place, so their identity is a safe key; the inputs are kept alive beside the result)."""

    def __init__(self) -> None:
        self.inputs: tuple | None = None
        self.result = None

    def get(self, inputs: tuple, compute: Callable[[], object]):
        """The result kept for `inputs`, or `compute()` kept for them."""
        last = self.inputs
        if not _ON[0] or last is None or len(last) != len(inputs) or any(a is not b for a, b in zip(last, inputs)):
            self.inputs, self.result = inputs, compute()
        return self.result


def on() -> bool:
    """Whether the memo tables are in use (not inside `off()`)."""
    return _ON[0]


def ids(records) -> tuple[int, ...]:
    """The identities of `records`, in order (a key part; keep the records alive beside it)."""
    return tuple(map(id, records))


def clear() -> None:
    """Empty every memo table (a benchmark's fresh start)."""
    for memo in _TABLES:
        memo.table.clear()
        memo.hits = memo.misses = 0


def clear_kept() -> None:
    """Empty every `Kept` table (tests start each from nothing, so a rule one test patched never answers another)."""
    for memo in _TABLES:
        if isinstance(memo, Kept):
            memo.table.clear()


@contextmanager
def off():
    """Within the block every memo table computes afresh (and stores nothing)."""
    was = _ON[0]
    _ON[0] = False
    try:
        yield
    finally:
        _ON[0] = was


# --- results kept while the World fields they read stay the same ----------------------------------------------

_READS: list = [set()]  # [the World fields read on a reading World since the running `Kept.get` began]
_SOURCE = "_memo_source"  # where a reading World keeps the field table of the World it reads


class _Read:
    """A field of a reading World not read yet (a class attribute an instance's own value hides once it is read):
    the first read takes the value from the World it reads, notes the field's name and keeps the value."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __get__(self, world, cls=None):
        if world is None:
            return self
        own = world.__dict__
        own[self.name] = value = own[_SOURCE][self.name]
        _READS[0].add(self.name)
        return value


def _reading_class():
    """The World subclass that notes each field read (made on first use: memo imports no model)."""
    import attrs

    from game.model.world import World
    names = [a.name for a in attrs.fields(World)]
    shadowed = [n for n in names if hasattr(World, n)]
    assert not shadowed, f"class attributes would answer for these fields unread: {shadowed}"
    doc = """A World that starts with no fields of its own: the first read of a field takes it from the World it
        reads (noting its name) and keeps it, so later reads cost nothing. Copies made of it (`ops.evolve`,
        `attrs.evolve`) read through it in the same way."""
    return type("Reading", (World,), {"__doc__": doc, **{n: _Read(n) for n in names}})


_READING: list = []  # [the Reading class], once made
_EQUAL_BY_VALUE = (int, str)  # field values compared by value (of the same type); any other by identity


class Kept:
    """A pure rule's result for one World, reused for any later World whose fields it read are the very same.

    The rule runs once on a reading World that notes every field it reads (and every field read on the Worlds
    copied from it); the result is stored with those fields' values. A later World gets it when each of those
    fields is the same object (the same value, for whole numbers and strings): records and mappings are never changed
    in place, so the rule would read exactly what it read before and, being pure, give the same result. One
    result per key is kept (the last); `off()` computes afresh.
    """

    def __init__(self):
        self.table: dict = {}  # key -> (((field, value), ...), result)
        self.hits = self.misses = 0
        _TABLES.append(self)

    def get(self, key, world, compute: Callable[[object], object]):
        """`compute(world)`, or the result kept under `key` when every field it read is unchanged in `world`."""
        if not _ON[0]:
            return compute(world)
        if not _READING:
            _READING.append(_reading_class())
        fields = world.__dict__
        if _SOURCE in fields:  # already reading for an outer rule: that reading notes this rule's reads too
            return compute(world)
        kept = self.table.get(key)
        if kept is not None:
            for name, value in kept[0]:
                now = fields[name]
                if now is not value and not (type(value) in _EQUAL_BY_VALUE and type(now) is type(value)
                                             and now == value):
                    break
            else:
                self.hits += 1
                return kept[1]
        self.misses += 1
        reading = object.__new__(_READING[0])
        reading.__dict__[_SOURCE] = fields
        outer, _READS[0] = _READS[0], set()  # a rule reading a World it built itself (not a copy of its reading one)
        try:  # asks afresh, noting its own reads apart from the outer rule's
            result = compute(reading)
        finally:
            read, _READS[0] = _READS[0], outer
        self.table[key] = (tuple([(n, fields[n]) for n in sorted(read)]), result)  # in name order, not the set's
        return result
