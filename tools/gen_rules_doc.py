#!/usr/bin/env python3
"""Write docs/rules.md, the rules reference, from the rule modules and the rules table.

Run `python tools/gen_rules_doc.py` after changing a rule's docstring or parameters;
tests/test_docs.py fails while docs/rules.md is out of date.
"""
from __future__ import annotations

import inspect
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.rules.catalog import BOOKKEEPING, LEVERS, REFERENCE_COLUMNS, RULES, RuleInfo  # noqa: E402
from game.rules.params import PARAMS  # noqa: E402
from game.text import msg  # noqa: E402
from game.text import render as text  # noqa: E402


def en(key: str) -> str:
    """A reference text from the English catalogue (the in-game reference shows the reader's language)."""
    return text(msg(key), "en")


def intro() -> str:
    """The title and the opening paragraph."""
    return f"# {en('reference.title')}\n\n{en('reference.intro')}\n"


def table_head() -> list[str]:
    """The header rows of a parameter table."""
    return ["| " + " | ".join(en(k) for k in REFERENCE_COLUMNS) + " |", "|---|---|---|---|"]


def summary(rule: RuleInfo) -> str:
    """The plain one-line description of a rule: the first line of its module docstring, after the colon."""
    head = (inspect.getdoc(rule.load()) or "").partition("\n")[0]
    title = head.split(":", 1)[-1].strip() if ":" in head else head
    return title[:1].upper() + title[1:]


def section(rule: RuleInfo) -> str:
    """One rule's section: docstring as text, then its parameter table."""
    body = (inspect.getdoc(rule.load()) or "").partition("\n")[2]
    lines = [f"## {rule.number}. {rule.name}", "", f"*{summary(rule)}*", "", body.strip(), ""]
    params = rule.params()
    if params:
        lines += table_head()
        lines += [f"| `{n}` | {p.default:g} | {p.low:g} to {p.high:g} | {p.meaning} |" for n, p in params.items()]
        lines.append("")
    return "\n".join(lines)


def other_params() -> str:
    """Parameters that belong to no rule section (play settings)."""
    covered = {n for r in (*RULES, *BOOKKEEPING, *LEVERS) for n in r.params()}
    rest = {n: p for n, p in PARAMS.items() if n not in covered}
    lines = [f"## {en('reference.play_settings')}", ""] + table_head()
    lines += [f"| `{n}` | {p.default:g} | {p.low:g} to {p.high:g} | {p.meaning} |" for n, p in rest.items()]
    return "\n".join(lines) + "\n"


def render() -> str:
    """The whole reference."""
    parts = [intro(), f"# {en('reference.nine')}", ""] + [section(r) for r in RULES]
    parts += [f"# {en('reference.bookkeeping')}", ""] + [section(r) for r in BOOKKEEPING]
    parts += [f"# {en('reference.levers')}", ""] + [section(r) for r in LEVERS] + [other_params()]
    return "\n".join(parts)


if __name__ == "__main__":
    (ROOT / "docs" / "rules.md").write_text(render(), encoding="utf-8")
    print("wrote docs/rules.md")
