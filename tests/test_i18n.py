"""Messages as data and complete catalogues: every key in every language, placeholders that match, no sentence in a save."""
from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from game import text
from game.text import LANGUAGES, Msg, Ref, catalogue, msg, plural_form, render

ROOT = Path(__file__).resolve().parents[1]
CODE = [p for d in ("game", "ai") for p in (ROOT / d).rglob("*.py")]
KEY = r"[a-z][a-z0-9_]*(?:\.[a-z0-9_{}\-.\[\]'\"+ ]+)+"


def _sources() -> str:
    return "\n".join(p.read_text("utf-8") for p in CODE)


def literal_keys(src: str) -> set[str]:
    """Keys passed as plain literals to the message functions."""
    calls = r"""(?:\btr|\bmsg|\bMsg|Entry\.of\([^()]*?,[^()]*?,)\s*\(?\s*["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)["']"""
    return set(re.findall(calls, src))


def key_patterns(src: str, calls: str = "") -> list[re.Pattern]:
    """f-string keys (`f"ai.do.{a.verb}"`) as patterns a catalogue key may match (given to `calls` when named)."""
    out = []
    for body in re.findall(calls + r"""\bf["']([a-z][a-z0-9_]*\.[^"'\s]*\{[^"']*)["']""", src):
        parts = re.split(r"\{[^{}]*\}", body)
        if all(re.fullmatch(r"[a-z0-9_.]*", p) for p in parts):
            out.append(re.compile("[a-z0-9_.]*".join(re.escape(p) for p in parts) + "$"))
    return out


def short_game(seed: int, years: int):
    """A finished AI game of the 2015 scenario cut to `years` years, with its scenario embedded."""
    from game.model.ops import evolve
    from game.scenario.loader import load
    from game.session import Seat, Session
    sc = load("2015")
    w = evolve(sc.world, end_year=sc.world.start_year + years - 1)
    s = Session.start(w, {p: Seat(p, human=False) for p in w.order}, seed)
    s.run_ai()
    return s


def placeholders(value) -> set[str]:
    """The names of the placeholders of a catalogue value (all plural forms together)."""
    forms = value.values() if isinstance(value, dict) else [value]
    return {f for form in forms for _, f, _, _ in string.Formatter().parse(form) if f}


def test_every_key_the_code_uses_has_an_english_text():
    """Every literal key given to tr/msg/Entry.of, and every f-string key family, is in the English catalogue."""
    src, en = _sources(), catalogue("en")
    missing = sorted(k for k in literal_keys(src) if k not in en)
    assert not missing, missing
    empty = [p.pattern for p in key_patterns(src, r"(?:\btr|\bmsg|\bMsg|Entry\.of\([^()]*?,[^()]*?,)\(\s*") if not any(p.match(k) for k in en)]
    assert not empty, empty


def test_no_english_key_is_unused():
    """Each English key is used: a literal in the code, an f-string family, or a name looked up from data."""
    src, en = _sources(), catalogue("en")
    quoted = set(re.findall(r"""["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)["']""", src))
    patterns = key_patterns(src)
    data_prefixes = tuple(text.NAME_KEYS.values()) + ("join.", "text.plain")
    unused = sorted(k for k in en if k not in quoted and not k.startswith(data_prefixes)
                    and not any(p.match(k) for p in patterns))
    assert not unused, unused


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_language_has_every_key_and_no_other(lang):
    """A translation has exactly the English keys."""
    en, cat = catalogue("en"), catalogue(lang)
    missing = sorted(set(en) - set(cat))
    extra = sorted(set(cat) - set(en))
    assert not missing, f"{lang} lacks {len(missing)} keys: {missing[:30]}"
    assert not extra, f"{lang} has keys English does not: {extra[:30]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_match_english_and_every_text_renders(lang):
    """Each text has the English placeholders, the plural forms its language needs, and renders with sample values."""
    en, cat = catalogue("en"), catalogue(lang)
    wrong = [k for k in en if k in cat and placeholders(cat[k]) != placeholders(en[k])]
    assert not wrong, [(k, sorted(placeholders(cat[k])), sorted(placeholders(en[k]))) for k in wrong[:20]]
    need = {"ru": {"one", "few", "many", "other"}, "en": {"one", "other"}}.get(lang, {"other"})
    forms = [k for k, v in cat.items() if isinstance(v, dict) and not need <= set(v)]
    assert not forms, forms
    for key, value in cat.items():
        if key.startswith("join."):
            continue  # separators, not sentences
        args = {name: 3 for name in placeholders(value)}
        out = render(Msg(key, args), lang)
        assert "{" not in out and out, (lang, key, out)


def test_plural_forms_and_numbers_follow_the_language():
    """Russian has one/few/many; Japanese one form; numbers take the language's separators; money counts in 億."""
    assert [plural_form("ru", n) for n in (1, 2, 5, 11, 21, 22, 25)] == ["one", "few", "many", "many", "one", "few", "many"]
    assert [plural_form("en", n) for n in (1, 2)] == ["one", "other"] and plural_form("ja", 1) == "other"
    assert text.money(1.5, "en") == "$1.5bn" and text.money(1.5, "ja") == "15億ドル"
    assert text.money(0.25, "zh-CN") == "2.5亿美元" and text.money(1.5, "ru") == "1,5\u00a0млрд\u00a0$"
    assert text._number(0.125, ".1%", "ru") == "12,5\u00a0%" and text._number(1234.5, ",.1f", "en") == "1,234.5"


def test_a_message_renders_in_the_language_active_when_shown():
    """The same log entry reads differently as the language changes; its data does not."""
    from game.scenario.loader import load
    w = load("2015").world
    m = msg("log.joins", actor=text.power(w, "kazakhstan"), forum=text.forum(w, "sco"))
    try:
        texts = {}
        for lang in LANGUAGES:
            text.set_language(lang)
            texts[lang] = str(m)
    finally:
        text.set_language("en")
    assert texts["en"] == "Kazakhstan joins Shanghai Cooperation Organisation."
    assert len(set(texts.values())) == len(LANGUAGES)
    assert text.from_data(json.loads(json.dumps(text.to_data(m)))) == m


def test_saves_and_the_world_hash_do_not_depend_on_the_language(tmp_path):
    """The same game played with English and with Japanese shown gives the same hash and the same log data."""
    from game import save
    out = {}
    try:
        for lang in ("en", "ja"):
            text.set_language(lang)
            s = short_game(3, 2)
            body = save.body(s, saved_at="x")
            out[lang] = (body["world_hash"], json.dumps(body["log"], sort_keys=True))
    finally:
        text.set_language("en")
    assert out["en"] == out["ja"]
    assert '"k": "log.' in out["en"][1] or '"k":"log.' in out["en"][1]


def test_an_old_save_with_sentences_in_its_log_still_loads(tmp_path):
    """Saves written before messages were data kept English sentences; they load as plain text."""
    from game import save
    s = short_game(4, 1)
    content = save.body(s, saved_at="x")
    content["log"] = [[y, ph, a, render(text.as_msg(t)), r, terms, pr] for y, ph, a, t, r, terms, pr in content["log"]]
    path = tmp_path / "old.json"
    path.write_text(save.seal(content), "utf-8")
    loaded = save.load(path)
    assert [e.text for e in loaded.log] == [e.text for e in s.log]
    assert all(e.key == "text.plain" for e in loaded.log)


def test_names_come_from_the_language_then_the_scenario():
    """A shipped name is translated; a name only the scenario knows is shown as written."""
    assert text.name_of(Ref("power", "japan", "Japan"), "ja") == "日本"
    assert text.name_of(Ref("corridor", "my_route", "My route"), "ja") == "My route"
    assert text.name_of(Ref("power", "japan", "Nippon"), "en") == "Nippon"


def test_no_key_is_defined_in_two_files_of_one_language():
    """A key lives in one catalogue file per language, so no file silently overrides another."""
    for lang in LANGUAGES:
        seen: dict[str, str] = {}
        for path in [text.CATALOGUE_DIR / f"{lang}.json", *sorted(text.CATALOGUE_DIR.glob(f"{lang}_*.json"))]:
            if path.is_file():
                for key in json.loads(path.read_text("utf-8")):
                    assert key not in seen, f"{key} is in {seen[key]} and {path.name}"
                    seen[key] = path.name


def test_cjk_lines_break_between_characters_and_keep_closing_punctuation_off_the_start():
    """Japanese wraps without spaces; no line starts with 。、」 or ends with 「."""
    from game.ui import theme
    sentence = "日本は中央アジアの五か国すべてを訪問し、「中央アジア＋日本」対話を首脳級に引き上げた。" * 3
    lines = theme.break_lines(sentence, 10, len)
    assert len(lines) > 5 and "".join(lines) == sentence
    assert not [ln for ln in lines[1:] if ln[0] in theme.NO_START]
    assert not [ln for ln in lines[:-1] if ln[-1] in theme.NO_END]
    assert theme.break_lines("one two three", 7, len) == ["one two", "three"]


def test_every_character_of_every_catalogue_has_a_glyph_in_its_languages_fonts():
    """Nothing a catalogue or a shipped scenario says would draw as a box."""
    from game.ui import theme
    for lang in LANGUAGES:
        have = set().union(*(theme.coverage(f) for f in theme.faces(lang)))
        texts = [v for v in catalogue(lang).values() for v in (v.values() if isinstance(v, dict) else [v])]
        missing = sorted({c for t in texts for c in t if ord(c) not in have and c.isprintable()})
        assert not missing, (lang, missing[:20])
    every = set().union(*(theme.coverage(f) for f in theme.FALLBACK))
    typed = {c for p in (ROOT / "scenarios").rglob("*.toml") for c in p.read_text("utf-8") if c.isprintable()}
    assert not sorted(c for c in typed if ord(c) not in every)
    own = theme.coverage(theme.faces("ja")[0])
    assert ord("日") in own and ord("。") in own


def test_a_scenario_gives_its_texts_in_other_languages_and_bad_entries_are_named(tmp_path, monkeypatch):
    """[i18n.LANG] tables translate titles, names and events; an unknown language or key is one sentence."""
    from game.scenario.loader import load, validate
    monkeypatch.setattr(text, "_authored", {k: dict(v) for k, v in text._authored.items()})
    good = tmp_path / "mine.toml"
    good.write_text('format_version = 1\nextends = "2015"\n[scenario]\nid = "mine"\ntitle = "Mine"\n'
                    '[i18n.ja]\nscenario.title = "わたしのシナリオ"\ncorridors.middle_corridor.name = "カスピ海ルート"\n',
                    "utf-8")
    sc = load(str(good))
    assert text.scenario_text(sc.id, "title", sc.title) == "Mine"  # English: as written
    try:
        text.set_language("ja")
        assert text.scenario_text(sc.id, "title", sc.title) == "わたしのシナリオ"
        assert str(text.corridor(sc.world, "middle_corridor")) == "カスピ海ルート"
        ev = next(e for e in sc.world.events if e.id == "abe_tour")
        assert text.event_text(ev, "title") == "安倍首相、5か国を歴訪"  # inherited from 2015's own [i18n.ja]
    finally:
        text.set_language("en")
    bad = tmp_path / "bad.toml"
    bad.write_text(good.read_text("utf-8") + '[i18n.jp]\nscenario.title = "x"\n[i18n.ru]\nevents.nosuch.title = "x"\n',
                   "utf-8")
    said = [e.describe() for e in validate(str(bad))]
    assert any("i18n.jp" in s and "not a language of the game" in s for s in said), said
    assert any("i18n.ru.events.nosuch.title" in s for s in said), said


def scene_cuts(lang: str, configs) -> list:
    """Draw every scene in `lang` at each (width, height, UI scale): what was cut, as (width, scale, scene, how,
    text); fails at once on a character without a glyph or a scene mostly not in `lang`."""
    import pygame

    from game.ui import theme
    from game.ui.app import Settings
    from tests.test_ui_scenes import draw_scene, scenes_to_render
    have = set().union(*(theme.coverage(f) for f in theme.faces(lang)))
    cut = []
    try:
        for width, height, scale in configs:
            for name, make in scenes_to_render():
                cuts = theme.cuts_start()
                try:
                    drawn = draw_scene(pygame.Surface((width, height)), Settings(width, height, scale=scale, language=lang),
                                       name, make)
                finally:
                    theme.cuts_stop()
                    theme.set_scale(1.0)
                cut += [(width, scale, name, how, s) for how, s in cuts]
                boxes = sorted({c for s in drawn for c in s if c.isprintable() and not c.isspace() and ord(c) not in have})
                assert not boxes, (lang, name, boxes[:10])
                native = [s for s in drawn if any(ord(c) > 0x3000 or 0x400 <= ord(c) < 0x500 for c in s)]
                assert lang == "en" or len(native) >= len(drawn) // 3, (lang, name, drawn[:10])
    finally:
        theme.set_scale(1.0)
        text.set_language("en")
    return cut


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_scene_draws_in_every_language_whole_and_with_a_glyph_for_every_character(lang):
    """Each scene at 720p and 1080p in each language: its texts are in that language, every character has a
    glyph, and no text is cut without an ellipsis, runs out of its box or off the window, or is left out."""
    cut = scene_cuts(lang, ((1280, 720, 1.0), (1920, 1080, 1.0)))
    assert not cut, sorted(set(cut))[:10]


@pytest.mark.parametrize("lang", ("en", "ja", "ru"))
def test_every_scene_fits_a_small_window_and_a_large_ui_scale(lang):
    """Each scene on a 1024x600 netbook screen, and at UI scale 1.5 at 720p and 1080p: nothing cut without an
    ellipsis, out of its box or off the window (dialogs grow with the scale, the map's legend stands in columns,
    the state panel ends with an ellipsis, notes too long for their room become one line with a tooltip)."""
    cut = scene_cuts(lang, ((1024, 600, 1.0), (1280, 720, 1.5), (1920, 1080, 1.5)))
    assert not cut, sorted(set(cut))[:10]


def test_the_cut_recorder_catches_text_off_its_box_and_paragraphs_end_with_an_ellipsis():
    """What the scene test relies on: text past the window or a button's clip is recorded; a paragraph too
    long for its box ends its last line with an ellipsis instead of dropping lines silently."""
    import pygame

    from game.ui import theme
    pygame.font.init()
    surface = pygame.Surface((200, 100))
    cuts = theme.cuts_start()
    try:
        theme.text(surface, "a line far too long to stay inside two hundred pixels", (10, 10), 16)
        surface.set_clip(pygame.Rect(10, 40, 60, 30))
        theme.text(surface, "a button label", (12, 45), 16)
        surface.set_clip(None)
        theme.text(surface, "fits", (10, 70), 16, width=180)
        said = "many words " * 40
        theme.paragraph(surface, said, pygame.Rect(0, 0, 200, 40), 16)
        theme.paragraph(surface, said, pygame.Rect(0, 0, 200, 2), 16)
    finally:
        theme.cuts_stop()
    assert [how for how, _ in cuts] == ["outside", "outside", "dropped"], cuts
    drawn = theme.record_start()
    try:
        theme.paragraph(surface, said, pygame.Rect(0, 0, 200, 40), 16)
    finally:
        theme.record_stop()
    assert drawn and drawn[-1].endswith(theme.ELLIPSIS)



SENTENCE = re.compile(r"""(?:return\s*\[\s*f?["']|reasons\.append\(\s*f?["']|Entry\.of\([^()]*?,[^()]*?,\s*f["'](?!log\.)"""
                      r"""|\.(?:fail|warn)\(\s*f?["'][^"']*["']\s*,\s*f?["']|_error\([^()]*?,[^()]*?,[^()]*?,\s*f?["'])"""
                      r"""[^"']*\s[^"']*["']""")


def test_rules_engine_and_ai_build_messages_never_sentences():
    """No refusal reason or log line in the rules, the engine, the loaders or the AI is an English sentence."""
    roots = [ROOT / "game" / "rules", ROOT / "game" / "scenario", ROOT / "ai"]
    files = [p for r in roots for p in r.rglob("*.py")] + [ROOT / "game" / n for n in ("engine.py", "session.py", "save.py")]
    found = [(p.name, m.group(0)) for p in files for m in SENTENCE.finditer(p.read_text("utf-8"))]
    assert not found, found[:10]


def test_the_rules_reference_speaks_the_readers_language():
    """Each rule's English summary is its docstring's; in Japanese the reference's headings, names and summaries are Japanese."""
    import importlib.util
    from game.rules.catalog import every_rule
    from game.ui.rules_ref import RulesScene
    spec = importlib.util.spec_from_file_location("gen_rules_doc", ROOT / "tools" / "gen_rules_doc.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert all(r.summary_in("en") == gen.summary(r) for r in every_rule())
    try:
        text.set_language("ja")
        blocks = RulesScene().blocks
    finally:
        text.set_language("en")
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert headings[0] == "ハートランド ルール解説" and "1. 多方位外交によるヘッジ" in headings
    assert any(b.text == "*どの大国も、代償なしに中央アジアの国を支配することはできない。*" for b in blocks)
    assert any(b.kind == "table" and b.rows[0][0] == "パラメーター" for b in blocks)


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.toml")) + sorted((ROOT / "scenarios" / "examples").glob("*.toml")),
                         ids=lambda p: p.stem)
def test_every_shipped_scenario_gives_every_text_in_every_language(path, monkeypatch):
    """Each shipped scenario's title, description, teaching notes, short form's description and every event's title
    and note (its own or the ones it inherits) are translated into every language of the game."""
    from game.scenario import loader
    given: dict[str, dict[str, str]] = {}
    monkeypatch.setattr(loader, "register_texts", lambda texts: [given.setdefault(k, {}).update(v) for k, v in texts.items()])
    sc = loader.load(str(path))
    keys = [f"scenario.{sc.id}.{f}" for f in ("title", "description", "teaching_notes")]
    keys += [f"event.{e.id}.{f}" for e in sc.world.events for f in ("title", "note")]
    if (sc.raw.get("short") or {}).get("description"):
        keys.append(f"scenario.{sc.id}.short_description")  # the short form's description, its own or its base's
    for lang in LANGUAGES[1:]:
        missing = [k for k in keys if not given.get(lang, {}).get(k)]
        assert not missing, f"{path.name} lacks {len(missing)} {lang} texts: {missing[:10]}"


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios" / "history").glob("*.toml")), ids=lambda p: p.stem)
def test_every_history_file_gives_what_the_debrief_shows_in_every_language(path, monkeypatch):
    """A history file's title, notes and the labels of the series the debrief draws by label (corridor flows) are
    translated into every language, and the debrief's reference reads them in the reader's language."""
    from game import reference
    given: dict[str, dict[str, str]] = {}
    monkeypatch.setattr(reference, "register_texts", lambda texts: [given.setdefault(k, {}).update(v) for k, v in texts.items()])
    ref = reference.load_reference(path.stem, path.parent)
    keys = [reference.text_key(ref.scenario, f) for f in ("title", "notes")]
    keys += [reference.text_key(ref.scenario, "series", s.id, "label") for s in ref.series if s.compare == "flow"]
    for lang in LANGUAGES[1:]:
        missing = [k for k in keys if not given.get(lang, {}).get(k)]
        assert not missing, f"{path.name} lacks {lang} texts: {missing}"
    text.register_texts(given)
    try:
        text.set_language("ru")
        assert ref.text("notes") == given["ru"][keys[1]] != ref.notes
        assert all(ref.label(s) == given["ru"][reference.text_key(ref.scenario, "series", s.id, "label")]
                   for s in ref.series if s.compare == "flow")
    finally:
        text.set_language("en")
    assert ref.text("title") == ref.title


def test_every_translation_was_checked_against_the_english_it_now_translates():
    """When an English text changes, its four translations may say something else: the key's stamp in
    assets/i18n/reviewed.json (the fingerprint of the English they were checked against) no longer matches
    until someone updates them and runs `python tools/i18n_reviewed.py KEY`."""
    import sys
    sys.path.insert(0, str(ROOT / "tools"))
    import i18n_reviewed
    stale = i18n_reviewed.stale()
    assert not stale, ("the English of these keys changed since their translations were checked; update ja, zh-TW, "
                       f"zh-CN and ru, then run python tools/i18n_reviewed.py {' '.join(stale[:20])}")


def test_a_changed_english_text_makes_its_key_stale(monkeypatch):
    """The stamp follows the English: another text (or another plural form) for a key is stale, the same is not."""
    import sys
    sys.path.insert(0, str(ROOT / "tools"))
    import i18n_reviewed
    en = dict(catalogue("en"))
    key = next(k for k, v in en.items() if isinstance(v, dict))
    monkeypatch.setattr(i18n_reviewed, "catalogue", lambda lang: en)
    assert i18n_reviewed.stale() == []
    en["top.scores"] = en["top.scores"] + " (changed)"
    en[key] = {**en[key], "other": "changed"}
    assert i18n_reviewed.stale() == sorted(["top.scores", key])
