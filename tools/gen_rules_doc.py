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

from game.rules.catalog import BOOKKEEPING, LEVERS, RULES, RuleInfo  # noqa: E402
from game.rules.params import PARAMS  # noqa: E402

INTRO = """# Heartland rules reference

Each year: events fire, budgets and pledges arrive, powers negotiate (diplomacy, then
answers to offers), spend action points (actions), and the year resolves (goods flow,
money moves, influence and trust update, scores). The nine balancing rules below decide
what happens; each names its formula, its parameters (a scenario can change any of them
in its `[rules]` table) and the source document it comes from (in `shared/seeds/`).
"""


def section(rule: RuleInfo) -> str:
    """One rule's section: docstring as text, then its parameter table."""
    doc = inspect.getdoc(rule.load()) or ""
    head, _, body = doc.partition("\n")
    title = head.split(":", 1)[-1].strip() if ":" in head else head
    title = title[:1].upper() + title[1:]
    lines = [f"## {rule.number}. {rule.name}", "", f"*{title}*", "", body.strip(), ""]
    params = rule.params()
    if params:
        lines += ["| parameter | default | range | meaning |", "|---|---|---|---|"]
        lines += [f"| `{n}` | {p.default:g} | {p.low:g} to {p.high:g} | {p.meaning} |" for n, p in params.items()]
        lines.append("")
    return "\n".join(lines)


def other_params() -> str:
    """Parameters that belong to no rule section (play settings)."""
    covered = {n for r in (*RULES, *BOOKKEEPING, *LEVERS) for n in r.params()}
    rest = {n: p for n, p in PARAMS.items() if n not in covered}
    lines = ["## Play settings", "", "| parameter | default | range | meaning |", "|---|---|---|---|"]
    lines += [f"| `{n}` | {p.default:g} | {p.low:g} to {p.high:g} | {p.meaning} |" for n, p in rest.items()]
    return "\n".join(lines) + "\n"


def render() -> str:
    """The whole reference."""
    parts = [INTRO, "# The nine balancing rules", ""] + [section(r) for r in RULES]
    parts += ["# Bookkeeping", ""] + [section(r) for r in BOOKKEEPING]
    parts += ["# Levers of the Central Asian states", ""] + [section(r) for r in LEVERS] + [other_params()]
    return "\n".join(parts)


if __name__ == "__main__":
    (ROOT / "docs" / "rules.md").write_text(render(), encoding="utf-8")
    print("wrote docs/rules.md")
