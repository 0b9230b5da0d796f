"""Event cards in words: every effect a plain sentence in the reader's language, every source translatable."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.rules import invariants
from game.scenario.explain import AFTER_STAR, STAR_NAMES, effect_text, field_key, field_names
from game.scenario.loader import load
from game.text import LANGUAGES, Msg, catalogue, render
from tests.test_i18n import placeholders
from tests.test_ui_words import ID_LIKE

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted((ROOT / "scenarios").glob("*.toml")) + sorted((ROOT / "scenarios" / "examples").glob("*.toml"))
RAW_PATH = re.compile(r"\b[a-z_]+\.[a-z_|.]+\b|[|{}]")
FALLBACKS = ("field.other", "field.unnamed", "effect.unknown", "text.plain")
ACRONYMS = {"CPC", "GDP", "CSTO", "SCO", "EAEU", "USA", "EurAsEC", "CIS", "TAPI", "BTC", "BTK", "CAREC", "OTS"}


def keys_in(m) -> list[str]:
    """Every catalogue key a message uses, its arguments' included."""
    if isinstance(m, Msg):
        return [m.key] + [k for v in m.args.values() for k in keys_in(v)]
    if isinstance(m, (list, tuple)):
        return [k for v in m for k in keys_in(v)]
    return []


def foreign_words(text: str, lang: str) -> list[str]:
    """Latin words a Japanese, Chinese or Russian sentence should not hold (acronyms aside)."""
    if lang == "en":
        return []
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in ACRONYMS]


@pytest.fixture(scope="module")
def shipped_effects():
    """(scenario file, world, event id, effect) for every effect of every shipped event."""
    out = []
    for path in SHIPPED:
        w = load(str(path)).world
        out += [(path.name, w, ev.id, eff) for ev in w.events for eff in ev.effects]
    return out


def test_every_effect_of_every_shipped_event_reads_as_a_sentence_in_every_language(shipped_effects):
    """No raw path, id, key or placeholder, no fallback for a field nobody wrote a sentence for, and in Japanese,
    Chinese and Russian no English word (the names are translated too)."""
    assert len(shipped_effects) > 100
    bad = []
    for name, w, eid, eff in shipped_effects:
        m = effect_text(w, eff)
        fallback = [k for k in keys_in(m) if k in FALLBACKS]
        for lang in LANGUAGES:
            said = render(m, lang)
            problems = RAW_PATH.findall(said) + ID_LIKE.findall(said) + foreign_words(said, lang) + fallback
            if problems or not said.strip():
                bad.append((name, eid, " ".join(eff), lang, said, problems))
    assert not bad, bad[:10]


def sample_path(world, pattern: str) -> str:
    """A concrete path of `pattern` in `world`: each star replaced by an id of what it names."""
    ids = {"resource": "oil", "place": "malacca", "pair": "china|japan", "power": "japan", "state": "kazakhstan",
           "corridor": next(iter(world.corridors)), "forum": next(iter(world.forums)),
           "contract": next(iter(world.contracts)), "creditor": "china", "partner": "china", "host": "russia",
           "owner": "china", "origin": "middle_east"}
    parts, out = pattern.split("."), []
    for i, part in enumerate(parts):
        kind = (AFTER_STAR[parts[i - 2]] if parts[i - 1] == "*" else STAR_NAMES[parts[i - 1]]) if part == "*" else ""
        out.append(ids[kind] if kind else part)
    return ".".join(out)


def test_every_field_events_may_change_has_its_sentence_in_every_language():
    """Each field the event engine lets `set`, `add` or `scale` change (invariants.FIELDS marked for events, and
    the words a corridor's status takes) has a name in every catalogue whose placeholders are the names its path
    gives; set, add and scale each read as a sentence about it."""
    w = load("2015").world
    patterns = [f.path for f in invariants.FIELDS if f.event] + list(invariants.CHOICES)
    for pattern in patterns:
        path = sample_path(w, pattern)
        given = set(field_names(w, pattern, path))
        for lang in LANGUAGES:
            entry = catalogue(lang).get(field_key(pattern))
            assert isinstance(entry, str) and placeholders(entry) == given, (lang, pattern, entry)
        if pattern in invariants.CHOICES:
            effects = [("set", path, invariants.CHOICES[pattern][0])]
        else:
            effects = [("set", path, "1"), ("add", path, "-0.5"), ("scale", path, "1.5")]
        for eff in effects:
            m = effect_text(w, eff)
            assert not [k for k in keys_in(m) if k in FALLBACKS], eff
            for lang in LANGUAGES:
                said = render(m, lang)
                assert not RAW_PATH.findall(said) and not ID_LIKE.findall(said), (eff, lang, said)


def test_effect_sentences_say_which_way_and_how_much():
    """add: rises or falls by the amount (money as money); scale: by the percentage; set: becomes."""
    w = load("2015").world
    said = {eff: render(effect_text(w, tuple(eff.split())), "en") for eff in (
        "add tension.china|japan 0.1", "add economies.kazakhstan.stability -5", "scale prices.oil 0.6",
        "scale prices.gas 1.4", "add powers.japan.income 0.5", "set corridors.line_d.status planned",
        "add prices.oil 0")}
    assert said["add tension.china|japan 0.1"] == "tension between China and Japan rises by 0.1"
    assert said["add economies.kazakhstan.stability -5"] == "stability in Kazakhstan falls by 5"
    assert said["scale prices.oil 0.6"] == "the world price of oil falls by 40%"
    assert said["scale prices.gas 1.4"] == "the world price of gas rises by 40%"
    assert said["add powers.japan.income 0.5"] == "Japan's yearly income rises by $0.5bn"
    assert said["set corridors.line_d.status planned"].endswith("becomes planned")
    assert said["add prices.oil 0"] == "the world price of oil stays as it is"
    assert render(effect_text(w, ("add", "powers.japan.income", "0.5")), "ja") == "日本の年間収入が5億ドル上がる"
    assert render(effect_text(w, ("add", "tension.china|japan", "0.1")), "ru") == "напряжённость (Китай и Япония): рост на 0,1"


def test_a_field_nobody_wrote_a_sentence_for_reads_as_a_figure_for_what_it_names():
    """A path outside the sentences (a field events may not change, from an edited save) names the things in it,
    never the path; a path naming nothing known is "a figure of the world"; an unknown verb says so."""
    w = load("2015").world
    assert render(effect_text(w, ("add", "influence.kazakhstan.china", "0.1")), "en") == \
        "a figure for Kazakhstan, China rises by 0.1"
    assert render(effect_text(w, ("add", "influence.kazakhstan.china", "0.1")), "ja") == "カザフスタン、中国に関する数値が0.1上がる"
    assert render(effect_text(w, ("set", "nothing.here", "2")), "en") == "a figure of the world becomes 2"
    assert render(effect_text(w, ("explode", "x")), "en") == "an effect this version of the game does not know"


def test_a_source_is_a_kind_the_catalogues_translate_with_years_as_data():
    """"public record (2016)": the kind in the reader's language, the years as written; a note that is itself a kind
    is translated too; a seed document by its title; a part in other words (an author's own) as written."""
    from game.ui import words
    from game.text import set_language
    try:
        set_language("ja")
        assert words.cited("public record (1992-97)") == "公開情報（1992-97）"
        assert words.cited("GAME_BRIEF section 6 (public record)") == "ゲーム企画書 第6節（公開情報）"
        assert words.cited("SCENARIO_DATA routes") == "シナリオデータ：輸送路"
        assert words.cited("001_78d6b60161a582b5.txt") == "洪銘德「日本の対中央アジア外交政策の分析」"
        assert words.cited("public record (Gazprom, 2016)") == "public record (Gazprom, 2016)"  # words: the author's to translate
        assert words.cited("my grandmother's diary") == "my grandmother's diary"
        set_language("ru")
        assert words.cited("invented for teaching") == "придумано для урока"
    finally:
        set_language("en")
    assert words.cited("public record (1990s)") == "public record (1990s)"


def test_every_shipped_events_source_reads_in_every_language(shipped_effects):
    """Each shipped event's source, as its card shows it, holds no file name, id or English word in Japanese,
    Chinese and Russian: kinds and years by the catalogues, the rest by the scenario's `events.ID.source`."""
    from game.ui import words
    from game.text import set_language
    bad = []
    try:
        for path in SHIPPED:
            for ev in load(str(path)).world.events:
                for lang in LANGUAGES:
                    set_language(lang)
                    said = words.source(ev)
                    problems = ID_LIKE.findall(said) + [w for w in foreign_words(said, lang) if w not in ("CGTN", "NCOC")]
                    if problems or (ev.source and not said):
                        bad.append((path.name, ev.id, lang, said, problems))
    finally:
        set_language("en")
    assert not bad, bad[:10]


def test_an_authors_translation_of_a_source_is_shown_with_seed_documents_by_title(tmp_path):
    """`[i18n.LANG] events.ID.source` gives an event's source in a language; a seed file in it is named by title."""
    from game.ui import words
    from game.text import set_language
    (tmp_path / "mine.toml").write_text(
        'format_version = 1\nextends = "2015"\n[scenario]\nid = "mine"\ntitle = "Mine"\n'
        '[events.diary]\ntitle = "Diary"\nnote = "n"\nsource = "my diary; 001_78d6b60161a582b5.txt"\nyear = 2016\n'
        '[i18n.ja]\nevents.diary.source = "私の日記；001_78d6b60161a582b5.txt"\n', encoding="utf-8")
    ev = next(e for e in load(str(tmp_path / "mine.toml")).world.events if e.id == "diary")
    try:
        set_language("ja")
        assert words.source(ev) == "私の日記；洪銘德「日本の対中央アジア外交政策の分析」"
        set_language("ru")
        assert words.source(ev) == "my diary; Хун Мин-дэ, «Анализ внешней политики Японии в Центральной Азии»"
    finally:
        set_language("en")
