#!/usr/bin/env python3
"""Record that the translations of catalogue keys were checked against their current English.

`assets/i18n/reviewed.json` holds, for every key, the fingerprint of the English text its
Japanese, Chinese and Russian texts were last checked against. tests/test_i18n.py fails when a
key's English changed since (the translations may now say something else). After changing an
English text: update ja, zh-TW, zh-CN and ru, then `python tools/i18n_reviewed.py KEY...`.
`--new` stamps the keys that have no stamp yet (just added in all five languages); `--stale`
lists the keys whose English changed, with the English they should now translate.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.rules.rulebook import fingerprint  # noqa: E402
from game.text import CATALOGUE_DIR, catalogue  # noqa: E402

REVIEWED = CATALOGUE_DIR / "reviewed.json"


def english_print(value) -> str:
    """The fingerprint of an English catalogue value (a text, or a table of plural forms)."""
    return fingerprint(value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False))


def reviewed() -> dict[str, str]:
    """key -> the fingerprint of the English its translations were checked against."""
    return json.loads(REVIEWED.read_text("utf-8")) if REVIEWED.exists() else {}


def stale() -> list[str]:
    """The English keys whose text is not the one their translations were checked against (or never were)."""
    have = reviewed()
    return sorted(k for k, v in catalogue("en").items() if have.get(k) != english_print(v))


def stamp(keys) -> None:
    """Record the current English of `keys` as checked; stamps of keys English no longer has are dropped."""
    en = catalogue("en")
    have = {k: v for k, v in reviewed().items() if k in en}
    have.update({k: english_print(en[k]) for k in keys})
    REVIEWED.write_text(json.dumps(dict(sorted(have.items())), indent=0, ensure_ascii=False) + "\n", "utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("keys", nargs="*", help="keys whose translations you checked against their current English")
    ap.add_argument("--new", action="store_true", help="also stamp every key that has no stamp yet")
    ap.add_argument("--stale", action="store_true", help="list the keys whose English changed since review")
    ns = ap.parse_args(argv)
    if ns.stale:
        en, have = catalogue("en"), reviewed()
        for k in stale():
            print(f"{k}{'' if k in have else ' (new)'}: {json.dumps(en[k], ensure_ascii=False)}")
        return 0
    en, have = catalogue("en"), reviewed()
    unknown = [k for k in ns.keys if k not in en]
    if unknown:
        print(f"not English catalogue keys: {', '.join(unknown)}", file=sys.stderr)
        return 2
    stamp([*ns.keys, *(k for k in en if ns.new and k not in have)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
