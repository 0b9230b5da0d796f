"""Build the bundled fonts in assets/fonts from Noto Sans CJK and Noto Sans (SIL Open Font License 1.1).

Each language gets the face whose glyph shapes its readers expect (Japanese, Traditional and
Simplified Chinese forms differ), subset to a national character set (JIS X 0208, Big5 level 1,
GB2312), the characters every catalogue and shipped scenario uses, Latin, Cyrillic and
punctuation; Noto Sans covers Latin, Cyrillic and symbols as the last fallback. A coverage file
lists which characters each font has, so the screen can fall back per character.

Source fonts: Debian's fonts-noto-cjk and fonts-noto-core packages (`apt-get download`, then
`dpkg-deb -x`), passed as --cjk (NotoSansCJK-Regular.ttc) and --sans (NotoSans-Regular.ttf).
Needs fontTools (not a game dependency): `pip install fonttools`.

    python tools/build_fonts.py --cjk .../NotoSansCJK-Regular.ttc --sans .../NotoSans-Regular.ttf \\
        --default .venv/lib/python3.11/site-packages/pygame/freesansbold.ttf
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "fonts"
FACES = {"ja": ("Noto Sans CJK JP", "NotoSansJP-Regular.otf"), "zh-TW": ("Noto Sans CJK TC", "NotoSansTC-Regular.otf"),
         "zh-CN": ("Noto Sans CJK SC", "NotoSansSC-Regular.otf")}
COMMON = [(0x20, 0x7E), (0xA0, 0x17F), (0x370, 0x3FF), (0x400, 0x4FF), (0x2000, 0x206F), (0x2070, 0x209F),
          (0x20A0, 0x20BF), (0x2100, 0x214F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x257F),
          (0x25A0, 0x25FF), (0x3000, 0x303F), (0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF00, 0xFFEF)]


def national(lang: str) -> set[str]:
    """The characters of the language's national standard set (decoded from its legacy encoding)."""
    codec, lead, trail = {"ja": ("euc_jp", range(0xA1, 0xF5), range(0xA1, 0xFF)),
                          "zh-TW": ("big5", range(0xA1, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]),
                          "zh-CN": ("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))}[lang]
    out = set()
    for a in lead:
        for b in trail:
            try:
                out.add(bytes((a, b)).decode(codec))
            except UnicodeDecodeError:
                pass
    return out


def used_characters() -> set[str]:
    """Every character of every catalogue and every shipped scenario."""
    chars = set()
    for path in [*(ROOT / "assets" / "i18n").glob("*.json"), *(ROOT / "scenarios").rglob("*.toml")]:
        chars |= set(path.read_text("utf-8"))
    return {c for c in chars if c.isprintable()}


def ranges(codepoints) -> list[list[int]]:
    """Sorted code points as [first, last] runs."""
    out: list[list[int]] = []
    for cp in sorted(codepoints):
        if out and cp == out[-1][1] + 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def subset(font, chars: set[str], path: Path) -> set[int]:
    """Write `font` cut down to `chars`; the code points it covers."""
    from fontTools import subset as ft
    have = set(font.getBestCmap())
    keep = {ord(c) for c in chars} & have
    options = ft.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    sub = ft.Subsetter(options)
    sub.populate(unicodes=keep)
    sub.subset(font)
    font.save(str(path))
    return keep


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cjk", required=True)
    ap.add_argument("--sans", required=True)
    ap.add_argument("--default", required=True, help="pygame's freesansbold.ttf (site-packages/pygame/)")
    ns = ap.parse_args()
    from fontTools.ttLib import TTCollection, TTFont
    OUT.mkdir(parents=True, exist_ok=True)
    base = {chr(cp) for lo, hi in COMMON for cp in range(lo, hi + 1)} | used_characters()
    coverage = {}
    for lang, (face, name) in FACES.items():
        fonts = {f["name"].getDebugName(4): f for f in TTCollection(ns.cjk).fonts}
        coverage[name] = ranges(subset(fonts[face], base | national(lang), OUT / name))
        print(name, (OUT / name).stat().st_size)
    coverage["NotoSans-Regular.ttf"] = ranges(subset(TTFont(ns.sans), base, OUT / "NotoSans-Regular.ttf"))
    coverage["default"] = ranges(TTFont(ns.default).getBestCmap())  # pygame's own font, drawn as is
    (OUT / "coverage.json").write_text(json.dumps(coverage, separators=(",", ":")), "utf-8")


if __name__ == "__main__":
    main()
