"""The rules reference in every language: each translation is keyed to the English it translates."""
import os
import re

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import attrs
import pytest

from game import text
from game.rules import params, rulebook
from game.rules.catalog import every_rule
from game.text import LANGUAGES

CODE = re.compile(r"`[^`]+`")
SOURCE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")
OTHERS = LANGUAGES[1:]


def spans(body: str) -> set[str]:
    """The inline code (formulas, parameter names) of a text, whitespace made single."""
    return {" ".join(s.split()) for s in CODE.findall(body)}


@pytest.mark.parametrize("lang", OTHERS)
def test_every_rule_body_and_parameter_meaning_is_translated_from_the_current_english(lang):
    """A rule body or parameter meaning with no translation, or one translated from an older English, fails here."""
    stale = rulebook.stale(lang)
    assert not stale, (f"assets/i18n/rulebook/{lang}.json: {len(stale)} texts missing or translated from an older "
                       f"English (`python tools/gen_rules_doc.py --stale` lists them): {stale[:8]}")


@pytest.mark.parametrize("lang", OTHERS)
def test_translations_keep_every_formula_and_source_and_translate_only_texts_that_exist(lang):
    """Formulas and parameter names stay code, source documents stay named, and no key outlives its English."""
    english = rulebook.english_texts()
    have = rulebook.translations(lang)
    assert set(have) <= set(english), sorted(set(have) - set(english))
    for key, entry in have.items():
        assert spans(english[key]) <= spans(entry["text"]), (lang, key, spans(english[key]) - spans(entry["text"]))
        assert set(SOURCE.findall(english[key])) <= set(SOURCE.findall(entry["text"])), (lang, key)


def test_a_changed_english_text_shows_in_english_until_its_translation_is_updated(monkeypatch):
    """Changing a parameter's meaning makes its Japanese stale: the page shows the new English and the check names it."""
    name = "hedging.penalty"
    old = rulebook.translations("ja")[f"param.{name}"]["text"]
    assert old in rulebook.markdown("ja")
    changed = attrs.evolve(params.PARAMS[name], meaning="utility lost per unit of share over a state's tolerance")
    monkeypatch.setitem(params.PARAMS, name, changed)
    assert rulebook.stale("ja") == [f"param.{name}"]
    page = rulebook.markdown("ja")
    assert old not in page and changed.meaning in page


@pytest.mark.parametrize("lang", OTHERS)
def test_the_reference_in_another_language_shows_no_english_sentence(lang):
    """No rule body's opening line, no parameter meaning and no table head of the English page is on the translated one."""
    page = rulebook.markdown(lang)
    english = [t.split("\n")[0] for t in rulebook.english_texts().values()]
    english += [text.render(text.msg(k), "en") for k in ("reference.col.meaning", "reference.intro")]
    shown = [e for e in english if re.sub(CODE, "", e).strip() and e in page]
    assert not shown, shown[:5]
    assert all(f"## {r.number}. {r.title_in(lang)}" in page for r in every_rule())


def test_the_rules_scene_reads_the_active_language():
    """The in-game reference lays out the active language's page: Japanese bodies in Japanese."""
    from game.ui.rules_ref import RulesScene
    try:
        text.set_language("ja")
        paras = [b.text for b in RulesScene().blocks if b.kind == "para"]
    finally:
        text.set_language("en")
    assert any("（カザフスタンの多方位外交）。" in p for p in paras)  # the hedging rule's body
    assert any("。出典：000_81351d1bb27a5d01.txt" in p for p in paras)  # lines joined without a space
