"""The rules reference and glossary in game: the reader's language's rulebook shown as a scrolling page.

The markdown is parsed simply into blocks (headings, paragraphs, bullet lists, code
lines, tables); inline `code`, *emphasis* and **bold** are styled. The page is
`game.rules.rulebook.markdown` in the active language (docs/rules.md is its English);
the glossary's texts come from the translation catalogue. The page is laid out once per width and
only the visible lines are drawn.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pygame
from attrs import frozen

from game.rules import rulebook
from game.text import language
from game.ui import theme
from game.ui.charts import font
from game.ui.i18n import tr
from game.ui.scene import Scene

GLOSSARY = ("world", "power", "great", "c5", "corridor", "contract", "pledge", "forum", "event", "objective", "round", "agenda",
            "influence", "autonomy", "trust", "tension")
BG, INK, MUTED, CODE, ACCENT, RULE = "#1D2330", "#F2F2F2", "#AEB6C4", "#F0C674", "#E69F00", "#3B4760"
SCROLL_STEP = 60  # pixels per wheel notch or arrow press, at 720p
MONO_RATIO = 0.72  # the default font draws small for its size; this matches the monospace one to it
_mono: dict[int, pygame.font.Font] = {}


@frozen
class Block:
    """One piece of the page: heading, para, bullet, code, table or term (glossary)."""

    kind: str
    text: str = ""
    level: int = 0
    rows: tuple[tuple[str, ...], ...] = ()


def join_lines(lines: list[str]) -> str:
    """A paragraph's source lines as one text: a space between words, none beside a Japanese or Chinese character."""
    text = ""
    for line in (s.strip() for s in lines):
        if text and line and not (wide(text[-1]) or wide(line[0])):
            text += " "
        text += line
    return text


def wide(ch: str) -> bool:
    """True for a full-width character (CJK ideographs, kana, full-width punctuation)."""
    return unicodedata.east_asian_width(ch) in "WF"


def parse_markdown(source: str) -> list[Block]:
    """Headings, paragraphs, bullets, fenced code and tables from simple markdown."""
    blocks: list[Block] = []
    para: list[str] = []
    table: list[tuple[str, ...]] = []
    in_code = False

    def flush() -> None:
        if para:
            blocks.append(Block("para", join_lines(para)))
            para.clear()
        if table:
            blocks.append(Block("table", rows=tuple(table)))
            table.clear()

    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            in_code = not in_code
            continue
        if in_code:
            blocks.append(Block("code", line.rstrip()))
        elif not stripped:
            flush()
        elif m := re.match(r"^(#{1,6})\s+(.*)$", stripped):
            flush()
            blocks.append(Block("heading", m.group(2).strip(), len(m.group(1))))
        elif stripped.startswith("|"):
            if para:
                flush()
            cells = tuple(c.strip() for c in stripped.strip("|").split("|"))
            if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                table.append(cells)
        elif m := re.match(r"^(\s*)([-*+]|\d+[.)])\s+(.*)$", line):
            flush()
            blocks.append(Block("bullet", m.group(3), len(m.group(1)) // 2, rows=((m.group(2),),)))
        elif line.startswith("    ") and not para:
            blocks.append(Block("code", line[4:].rstrip()))
        elif not para and blocks and blocks[-1].kind == "bullet" and line.startswith((" ", "\t")):
            last = blocks.pop()  # a bullet's continuation line
            blocks.append(Block("bullet", f"{last.text} {stripped}", last.level, last.rows))
        else:
            para.append(stripped)
    flush()
    return blocks


def glossary_blocks() -> list[Block]:
    """The glossary as a heading and one term block per word."""
    return [Block("heading", tr("rules.glossary"), 1)] + [
        Block("term", tr(f"glossary.{k}.text"), rows=((tr(f"glossary.{k}"),),)) for k in GLOSSARY]


def inline_runs(text: str) -> list[tuple[str, str]]:
    """Split text into (style, text) runs: code, bold, emph or plain."""
    runs = []
    for part in re.split(r"(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)", text):
        if not part:
            continue
        if part.startswith("`"):
            runs.append(("code", part[1:-1]))
        elif part.startswith("**"):
            runs.append(("bold", part[2:-2]))
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            runs.append(("emph", part[1:-1]))
        else:
            runs.append(("plain", part))
    return runs


def longest_piece(cell: str, size: int) -> int:
    """The width of a cell's widest unbreakable piece (a code name, a word, a CJK character)."""
    widths = [styled_font(style, size).size(text)[0] if style == "code" else
              max((styled_font(style, size).size(word)[0] for word, _ in theme.tokens(text)), default=0)
              for style, text in inline_runs(cell)]
    return max(widths, default=0)


def column_widths(natural: list[int], least: list[int], width: int, floor: int) -> list[int]:
    """Table columns: natural widths when they fit, else each keeps its widest piece and the rest is shared."""
    if sum(natural) <= width:
        return natural
    spare = width - sum(least)
    if spare <= 0:
        return [max(floor, int(n * width / sum(natural))) for n in natural]
    stretch = sum(n - m for n, m in zip(natural, least)) or 1
    return [m + int((n - m) * spare / stretch) for n, m in zip(natural, least)]


def mono(size: int) -> pygame.font.Font:
    """A cached monospace font (the default font when none is installed)."""
    if not pygame.font.get_init():
        pygame.font.init()
        _mono.clear()
    if size not in _mono:
        _mono[size] = pygame.font.SysFont("dejavusansmono,liberationmono,monospace", size)
    return _mono[size]


def styled_font(style: str, size: int) -> pygame.font.Font:
    """The font of an inline style."""
    if style == "code":
        return mono(max(8, round(size * MONO_RATIO)))
    return font(size, bold=(style == "bold"))


def runs_width(runs, size: int) -> int:
    """The width of styled runs on one line."""
    return sum(styled_font(style, size).size(text)[0] for style, text in runs)


@frozen
class Line:
    """A laid-out line: pre-rendered pieces at x offsets, its top y and height."""

    y: int
    height: int
    pieces: tuple[tuple[pygame.Surface, int], ...]
    anchor: str = ""  # the heading text when this line starts a heading


class RulesScene(Scene):
    """The rules reference and glossary, scrollable with wheel, arrows and PgUp/PgDn."""

    def __init__(self, path: Path | None = None, text: str | None = None) -> None:
        super().__init__()
        source = text if text is not None else self._read(path) if path else rulebook.markdown(language())
        self.missing = source is None
        self.blocks = (parse_markdown(source) if source else [Block("para", tr("rules.missing"))]) + glossary_blocks()
        self.scroll = 0
        self.page_height = 0
        self.view_height = 1
        self._layout_key: tuple | None = None
        self.lines: list[Line] = []

    @staticmethod
    def _read(path: Path) -> str | None:
        """The markdown file's text, or None when it cannot be read."""
        try:
            return Path(path).read_text("utf-8")
        except OSError:
            return None

    # --- layout ------------------------------------------------------------------------
    def layout(self, width: int, k: float) -> list[Line]:
        """Lay the page out for a text column `width` pixels wide at scale `k`."""
        key = (width, round(k, 3))
        if key == self._layout_key:
            return self.lines
        lines: list[Line] = []
        y = 0
        base = round(22 * k)
        for b in self.blocks:
            y = self._block(b, lines, y, width, base, k)
        self.lines, self.page_height, self._layout_key = lines, y, key
        return lines

    def _block(self, b: Block, lines: list[Line], y: int, width: int, base: int, k: float) -> int:
        """Lay out one block below `y`; returns the y after it."""
        gap = round(10 * k)
        if b.kind == "heading":
            size = {1: round(34 * k), 2: round(27 * k), 3: round(23 * k)}.get(b.level, base + 2)
            y += gap * (2 if b.level <= 2 else 1)
            y = self._wrap([("bold", b.text)], lines, y, 0, width, size, ACCENT if b.level == 1 else INK, anchor=b.text)
            if b.level == 1:
                surf = pygame.Surface((width, max(1, round(2 * k))))
                surf.fill(pygame.Color(RULE))
                lines.append(Line(y + 2, surf.get_height() + 4, ((surf, 0),)))
                y += surf.get_height() + 4
            return y + gap // 2
        if b.kind == "para":
            return self._wrap(inline_runs(b.text), lines, y, 0, width, base, INK) + gap
        if b.kind == "bullet":
            indent = round((24 + 22 * b.level) * k)
            marker = b.rows[0][0] if b.rows and b.rows[0][0][0].isdigit() else "\u2022"
            m = font(base).render(marker, True, pygame.Color(ACCENT))
            top = y
            y = self._wrap(inline_runs(b.text), lines, y, indent, width, base, INK) + round(4 * k)
            lines.append(Line(top, 0, ((m, indent - m.get_width() - round(8 * k)),)))
            return y
        if b.kind == "code":
            img = mono(round(base * MONO_RATIO)).render(b.text or " ", True, pygame.Color(CODE))
            lines.append(Line(y, img.get_height(), ((img, round(24 * k)),)))
            return y + img.get_height() + 2
        if b.kind == "term":
            y = self._wrap([("bold", b.rows[0][0])], lines, y, 0, width, base + 2, ACCENT)
            return self._wrap(inline_runs(b.text), lines, y, round(24 * k), width, base, INK) + gap
        if b.kind == "table":
            return self._table(b, lines, y, width, base - 2, k) + gap
        return y

    def _wrap(self, runs, lines: list[Line], y: int, indent: int, width: int, size: int, ink: str,
              anchor: str = "") -> int:
        """Word-wrap styled runs into lines starting at `indent`; returns the y after them."""
        colours = {"code": CODE, "emph": MUTED}
        pieces: list[tuple[pygame.Surface, int, int]] = []  # image, x, ascent
        x = indent
        space = font(size).size(" ")[0]
        first = True

        def flush(y: int) -> int:
            """Close the current line, aligning pieces on a common baseline."""
            ascent = max(a for _, _, a in pieces)
            height = max(max(img.get_height() + ascent - a for img, _, a in pieces), font(size).get_linesize())
            placed = tuple((img, px) for img, px, _ in pieces)
            offsets = [ascent - a for _, _, a in pieces]
            if any(offsets):
                canvas = pygame.Surface((max(px + img.get_width() for img, px in placed) + 1, height), pygame.SRCALPHA)
                for (img, px), dy in zip(placed, offsets):
                    canvas.blit(img, (px, dy))
                placed = ((canvas, 0),)
            lines.append(Line(y, height, placed, anchor if first else ""))
            return y + height

        gap = False  # a space is due before the next piece
        for style, text in runs:
            f = styled_font(style, size)
            f.set_italic(style == "emph" and not any(map(wide, text)))  # no slanted CJK: it spreads the characters
            gap = gap or text[:1].isspace()
            whole = style == "code" and f.size(text)[0] <= width - indent  # a formula breaks only if it must
            for word, spaced in ([(text, False)] if whole else theme.tokens(text)):
                if (gap or spaced) and x > indent:
                    x += space
                gap = False
                img = f.render(word, True, pygame.Color(colours.get(style, ink)))
                hangs = all(c in theme.NO_START for c in word)  # closing punctuation hangs past the edge (kinsoku)
                if x + img.get_width() > width and x > indent and not hangs:
                    y, first, pieces, x = flush(y), False, [], indent
                pieces.append((img, x, f.get_ascent()))
                x += img.get_width()
            gap = text[-1:].isspace()
            f.set_italic(False)
        if pieces:
            y = flush(y)
        return y

    def _table(self, b: Block, lines: list[Line], y: int, width: int, size: int, k: float) -> int:
        """A table: header in bold, columns sized to content, long cells wrapped."""
        ncols = max(len(r) for r in b.rows)
        rows = [tuple(r) + ("",) * (ncols - len(r)) for r in b.rows]
        pad = round(16 * k)
        natural = [max(runs_width(inline_runs(r[c]), size) for r in rows) + pad for c in range(ncols)]
        least = [max(longest_piece(r[c], size) for r in rows) + pad for c in range(ncols)]
        widths = column_widths(natural, least, width, round(40 * k))
        indent = round(12 * k)
        for ri, row in enumerate(rows):
            x, bottom = indent, y
            for c, cell in enumerate(row):
                runs = [("bold", re.sub(r"[`*]", "", cell))] if ri == 0 else inline_runs(cell)
                sub: list[Line] = []
                end = self._wrap(runs, sub, y, 0, widths[c] - round(12 * k), size, INK if ri else ACCENT)
                lines.extend(Line(s.y, s.height, tuple((img, px + x) for img, px in s.pieces)) for s in sub)
                bottom = max(bottom, end)
                x += widths[c]
            sep = pygame.Surface((min(width, sum(widths)), 1))
            sep.fill(pygame.Color(RULE))
            lines.append(Line(bottom + 2, 3, ((sep, indent),)))
            y = bottom + round(6 * k)
        return y

    # --- scrolling -----------------------------------------------------------------------
    def max_scroll(self) -> int:
        """The largest scroll offset."""
        return max(0, self.page_height - self.view_height)

    def scroll_by(self, dy: int) -> None:
        """Scroll by `dy` pixels, kept within the page."""
        self.scroll = max(0, min(self.max_scroll(), self.scroll + dy))

    def jump_to(self, heading: str) -> bool:
        """Scroll so that `heading` is at the top; False when it is not on the page."""
        for line in self.lines:
            if line.anchor == heading:
                self.scroll = max(0, min(self.max_scroll(), line.y - 8))
                return True
        return False

    def headings(self) -> list[str]:
        """The page's headings in order (after layout)."""
        return [line.anchor for line in self.lines if line.anchor]

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Wheel, arrows, PgUp/PgDn, Home/End, G for the glossary, Esc to go back."""
        step = round(SCROLL_STEP * self.view_height / 600)
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_by(-event.y * step)
            return True
        if event.type != pygame.KEYDOWN:
            return False
        moves = {pygame.K_DOWN: step, pygame.K_UP: -step, pygame.K_PAGEDOWN: self.view_height - step,
                 pygame.K_PAGEUP: -(self.view_height - step), pygame.K_SPACE: self.view_height - step,
                 pygame.K_HOME: -10 ** 9, pygame.K_END: 10 ** 9}
        if event.key in moves:
            self.scroll_by(moves[event.key])
        elif event.key == pygame.K_g:
            self.jump_to(tr("rules.glossary"))
        elif event.key == pygame.K_ESCAPE:
            if self.manager and len(self.manager.stack) > 1:
                self.manager.pop()
        else:
            return False
        return True

    # --- drawing -------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Title bar, the visible part of the page, a scroll bar and the key hint."""
        W, H = surface.get_size()
        k = H / 720
        surface.fill(pygame.Color(BG))
        pad = round(18 * k)
        title = font(round(32 * k), bold=True).render(tr("rules.title"), True, pygame.Color(INK))
        surface.blit(title, (pad, pad))
        top = pad + title.get_height() + round(10 * k)
        hint = font(round(17 * k)).render(tr("rules.hint"), True, pygame.Color(MUTED))
        bottom = H - hint.get_height() - pad
        surface.blit(hint, (pad, H - pad // 2 - hint.get_height()))
        column = min(W - 2 * pad - round(20 * k), round(1100 * k))
        left = (W - column) // 2
        self.view_height = bottom - top
        self.layout(column, k)
        self.scroll_by(0)
        clip = surface.get_clip()
        surface.set_clip(pygame.Rect(0, top, W, self.view_height))
        for line in self.lines:
            y = top + line.y - self.scroll
            if y > bottom or y + max(line.height, 40) < top:
                continue
            for img, x in line.pieces:
                surface.blit(img, (left + x, y))
        surface.set_clip(clip)
        self._scrollbar(surface, pygame.Rect(W - pad, top, round(6 * k), self.view_height))

    def _scrollbar(self, surface, track: pygame.Rect) -> None:
        """A thin scroll bar showing where the view is."""
        pygame.draw.rect(surface, pygame.Color(RULE), track, border_radius=3)
        if self.page_height <= self.view_height:
            return
        h = max(20, track.height * self.view_height // self.page_height)
        y = track.top + (track.height - h) * self.scroll // max(1, self.max_scroll())
        pygame.draw.rect(surface, pygame.Color(ACCENT), (track.left, y, track.width, h), border_radius=3)
