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
        hit = self.table.get(key)
        if hit is not None:
            self.table.move_to_end(key)
            self.hits += 1
            return hit[1]
        self.misses += 1
        result = compute()
        self.table[key] = (kept, result)
        if len(self.table) > self.size:
            self.table.popitem(last=False)
        return result


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


@contextmanager
def off():
    """Within the block every memo table computes afresh (and stores nothing)."""
    was = _ON[0]
    _ON[0] = False
    try:
        yield
    finally:
        _ON[0] = was
