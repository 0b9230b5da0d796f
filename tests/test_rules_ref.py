"""The rules reference parses simple markdown, shows the glossary and scrolls."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.ui.i18n import tr
from game.ui.rules_ref import GLOSSARY, RulesScene, inline_runs, parse_markdown
from game.ui.scene import Scene, SceneManager

SAMPLE = """# Heartland rules

Each year: events fire, budgets arrive,
powers negotiate.

## 1. Multi-vector hedging

*No power may dominate a C5 state for free.*

An offer costs `hedging.penalty x (s - tol)` in utility.

- first point
- second point
  continued here
1. numbered

```
score = 100 x sum w t
```

| parameter | default | meaning |
|---|---|---|
| `hedging.penalty` | 2 | utility lost |
""" + "\n".join(f"## Section {i}\n\nParagraph {i} with some words to fill the page.\n" for i in range(40))


@pytest.fixture(autouse=True)
def _fonts():
    pygame.font.init()


def key(k):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="")


def test_parse_blocks():
    blocks = parse_markdown(SAMPLE)
    kinds = [b.kind for b in blocks[:9]]
    assert kinds == ["heading", "para", "heading", "para", "para", "bullet", "bullet", "bullet", "code"]
    assert blocks[0].level == 1 and blocks[2].level == 2
    assert blocks[1].text == "Each year: events fire, budgets arrive, powers negotiate."
    assert blocks[6].text == "second point continued here"
    table = next(b for b in blocks if b.kind == "table")
    assert table.rows[0] == ("parameter", "default", "meaning") and len(table.rows) == 2  # separator dropped


def test_inline_runs():
    assert inline_runs("a `x + y` and **b** *c*") == [
        ("plain", "a "), ("code", "x + y"), ("plain", " and "), ("bold", "b"), ("plain", " "), ("emph", "c")]


def test_page_has_headings_and_the_glossary():
    scene = RulesScene(text=SAMPLE)
    scene.draw(pygame.Surface((1280, 720)))
    heads = scene.headings()
    assert heads[:2] == ["Heartland rules", "1. Multi-vector hedging"]
    assert heads[-1] == tr("rules.glossary")
    terms = [b for b in scene.blocks if b.kind == "term"]
    assert len(terms) == len(GLOSSARY) == 16
    assert all(not b.text.startswith("glossary.") for b in terms)  # texts come from the catalogue


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_scrolling_with_keys_and_wheel(size):
    scene = RulesScene(text=SAMPLE)
    surface = pygame.Surface(size)
    scene.draw(surface)
    assert scene.page_height > scene.view_height and scene.scroll == 0
    before = pygame.image.tobytes(surface, "RGB")
    scene.handle_event(key(pygame.K_DOWN))
    arrow = scene.scroll
    assert arrow > 0
    scene.handle_event(key(pygame.K_PAGEDOWN))
    assert scene.scroll > arrow + scene.view_height // 2
    scene.handle_event(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-2))
    wheel = scene.scroll
    scene.handle_event(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1))
    assert scene.scroll < wheel
    scene.draw(surface)
    assert pygame.image.tobytes(surface, "RGB") != before
    scene.handle_event(key(pygame.K_END))
    assert scene.scroll == scene.max_scroll()
    scene.handle_event(key(pygame.K_PAGEDOWN))
    assert scene.scroll == scene.max_scroll()  # never past the end
    scene.handle_event(key(pygame.K_HOME))
    assert scene.scroll == 0
    scene.handle_event(key(pygame.K_UP))
    assert scene.scroll == 0


def test_g_jumps_to_the_glossary():
    scene = RulesScene(text=SAMPLE)
    scene.draw(pygame.Surface((1280, 720)))
    scene.handle_event(key(pygame.K_g))
    glossary_y = next(l.y for l in scene.lines if l.anchor == tr("rules.glossary"))
    assert scene.scroll == min(scene.max_scroll(), glossary_y - 8) > 0


def test_missing_file_gives_a_sentence_and_the_glossary(tmp_path):
    scene = RulesScene(path=tmp_path / "none.md")
    assert scene.missing
    assert scene.blocks[0].text == tr("rules.missing")
    scene.draw(pygame.Surface((1280, 720)))


def test_escape_returns_to_the_scene_below():
    m = SceneManager()
    below = Scene()
    m.push(below)
    m.push(RulesScene(text=SAMPLE))
    m.handle_event(key(pygame.K_ESCAPE))
    assert m.top is below


def test_paragraph_lines_join_with_a_space_between_words_only():
    """A Japanese or Chinese paragraph's source lines join without a space; words keep theirs."""
    from game.ui.rules_ref import join_lines
    assert join_lines(["制度の積み重ね。", "出典：000.txt"]) == "制度の積み重ね。出典：000.txt"
    assert join_lines(["Each year", "  events fire"]) == "Each year events fire"
    assert join_lines(["см. 000.txt", "（注）"]) == "см. 000.txt（注）"


def test_a_narrow_table_keeps_each_column_as_wide_as_its_widest_piece():
    """When a table must shrink, no column gets narrower than its longest code name or word (no overlap)."""
    from game.ui.rules_ref import column_widths
    natural, least = [260, 60, 140, 900], [250, 40, 50, 90]
    assert column_widths(natural, least, 2000, 40) == natural
    widths = column_widths(natural, least, 800, 40)
    assert all(w >= m for w, m in zip(widths, least)) and sum(widths) <= 800
    assert widths[3] > widths[2] > widths[1]  # the spare room goes where the text is long


def test_a_formula_wider_than_the_page_breaks_at_its_spaces():
    """An inline formula too long for the column wraps at its spaces instead of running off the page."""
    formula = " + ".join(f"w{i} x term{i}" for i in range(40))
    scene = RulesScene(text=f"Score: `{formula}`, summed.")
    lines = scene.layout(400, 1.0)
    assert len(lines) > 3
    assert all(px + img.get_width() <= 401 for line in lines for img, px in line.pieces)
