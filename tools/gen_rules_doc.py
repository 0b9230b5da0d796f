#!/usr/bin/env python3
"""Write docs/rules.md, the rules reference in English, from the rule modules and the rules table.

Run `python tools/gen_rules_doc.py` after changing a rule's docstring or parameters;
tests/test_docs.py fails while docs/rules.md is out of date, and tests/test_i18n.py names
the translations in assets/i18n/rulebook/ that the change made stale
(`python tools/gen_rules_doc.py --stale` lists them with the new English).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.rules import rulebook  # noqa: E402
from game.rules.catalog import RuleInfo  # noqa: E402
from game.text import LANGUAGES  # noqa: E402


def summary(rule: RuleInfo) -> str:
    """The plain one-line description of a rule: the first line of its module docstring, after the colon."""
    return rulebook.english_summary(rule)


def render() -> str:
    """The whole reference in English."""
    return rulebook.markdown("en")


def stale_report() -> str:
    """Each language's stale or missing translations, with the English and fingerprint to translate."""
    english = rulebook.english_texts()
    lines = []
    for lang in LANGUAGES[1:]:
        for key in rulebook.stale(lang):
            lines.append(f"{lang} {key} en={rulebook.fingerprint(english[key])}: {english[key]}")
    return "\n".join(lines) or "every translation is up to date"


if __name__ == "__main__":
    if "--stale" in sys.argv[1:]:
        print(stale_report())
    else:
        (ROOT / "docs" / "rules.md").write_text(render(), encoding="utf-8")
        print("wrote docs/rules.md")
