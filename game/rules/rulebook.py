"""The rules reference as markdown in any language, from the rule modules and the rules table.

The English stays in one place: each rule's module docstring (its summary line, then its
body: the formula in words and its sources) and each parameter's `meaning` in the rules
table. A translation lives in `assets/i18n/rulebook/<lang>.json` as
`{"<module>": {"en": FINGERPRINT, "text": ...}, "param.<name>": {...}}`, where FINGERPRINT
is `fingerprint(english)` of the English it translates: when the English changes, the
translation is stale, the reference shows the English until it is updated, and
tests/test_i18n.py names it. `tools/gen_rules_doc.py` writes the English as docs/rules.md;
the game shows `markdown(language())`.
"""
from __future__ import annotations

import hashlib
import inspect
import json
from typing import Any

from game.paths import asset
from game.rules.catalog import BOOKKEEPING, LEVERS, REFERENCE_COLUMNS, RULES, RuleInfo, every_rule
from game.rules.params import PARAMS, Param
from game.text import msg, render

RULEBOOK_DIR = asset("i18n", "rulebook")
_cache: dict[str, dict[str, Any]] = {}


def fingerprint(english: str) -> str:
    """A short hash of an English text, stored beside its translation."""
    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:10]


def english_summary(rule: RuleInfo) -> str:
    """A rule's one-line description: the first line of its module docstring, after the colon."""
    head = (inspect.getdoc(rule.load()) or "").partition("\n")[0]
    title = head.split(":", 1)[-1].strip() if ":" in head else head
    return title[:1].upper() + title[1:]


def english_body(rule: RuleInfo) -> str:
    """A rule's body: its module docstring after the first line (formula in words, sources)."""
    return (inspect.getdoc(rule.load()) or "").partition("\n")[2].strip()


def english_texts() -> dict[str, str]:
    """Every text of the reference a translation keys: rule bodies by module, meanings by `param.<name>`."""
    texts = {r.module: english_body(r) for r in every_rule()}
    texts.update({f"param.{n}": p.meaning for n, p in PARAMS.items()})
    return texts


def translations(lang: str) -> dict[str, Any]:
    """The rulebook translations of `lang` (empty for English or when there is no file)."""
    if lang not in _cache:
        path = RULEBOOK_DIR / f"{lang}.json"
        _cache[lang] = json.loads(path.read_text("utf-8")) if lang != "en" and path.is_file() else {}
    return _cache[lang]


def translated(key: str, english: str, lang: str) -> str:
    """The text under `key` in `lang` when its translation is of this English; else the English."""
    entry = translations(lang).get(key)
    return entry["text"] if entry and entry.get("en") == fingerprint(english) else english


def stale(lang: str) -> list[str]:
    """Keys of `lang` missing or translated from an older English text."""
    have = translations(lang)
    return [k for k, en in english_texts().items() if have.get(k, {}).get("en") != fingerprint(en)]


def _t(key: str, lang: str, **args) -> str:
    """A reference label from the catalogue in `lang`."""
    return render(msg(key, **args), lang)


def table_head(lang: str) -> list[str]:
    """The header rows of a parameter table."""
    head = " | ".join(_t(k, lang) for k in REFERENCE_COLUMNS)
    rows = (f"| {head} |", "|---|---|---|---|")
    return list(rows)


def param_row(name: str, p: Param, lang: str) -> str:
    """One parameter's row: code name, default, range and meaning."""
    span = _t("reference.range", lang, low=f"{p.low:g}", high=f"{p.high:g}")
    return f"| `{name}` | {p.default:g} | {span} | {translated(f'param.{name}', p.meaning, lang)} |"


def section(rule: RuleInfo, lang: str) -> str:
    """One rule's section: name, summary, body, then its parameter table."""
    summary = english_summary(rule) if lang == "en" else rule.summary_in(lang)
    body = translated(rule.module, english_body(rule), lang)
    lines = [f"## {rule.number}. {rule.title_in(lang)}", "", f"*{summary}*", "", body, ""]
    params = rule.params()
    if params:
        lines += table_head(lang) + [param_row(n, p, lang) for n, p in params.items()] + [""]
    return "\n".join(lines)


def other_params(lang: str) -> str:
    """Parameters that belong to no rule section (play settings)."""
    covered = {n for r in every_rule() for n in r.params()}
    lines = [f"## {_t('reference.play_settings', lang)}", ""] + table_head(lang)
    lines += [param_row(n, p, lang) for n, p in PARAMS.items() if n not in covered]
    return "\n".join(lines) + "\n"


def markdown(lang: str = "en") -> str:
    """The whole reference in `lang`."""
    parts = [f"# {_t('reference.title', lang)}\n\n{_t('reference.intro', lang)}\n"]
    for heading, rules in (("reference.nine", RULES), ("reference.bookkeeping", BOOKKEEPING), ("reference.levers", LEVERS)):
        parts += [f"# {_t(heading, lang)}", ""] + [section(r, lang) for r in rules]
    return "\n".join(parts + [other_params(lang)])
