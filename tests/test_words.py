"""Words outside the catalogues' screens: the short form's description, the tournament's and `--seat`'s help."""
import os
import re
import unicodedata

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game import text
from game.ui import theme


@pytest.fixture
def japanese():
    text.set_language("ja")
    yield
    text.set_language("en")


def test_the_setup_screen_shows_the_short_forms_description_in_the_readers_language(japanese):
    """Choosing the short form shows the [short] description, translated by the scenario's [i18n] tables."""
    from game.ui.scene import SceneManager
    from game.ui.setup import SetupScene
    pygame.init()
    scene = SetupScene()
    SceneManager().push(scene)
    scene.choose(next(i for i, s in enumerate(scene.scenarios) if s.path.endswith("2015.toml")))
    surface = pygame.Surface((1280, 720))

    def drawn() -> str:
        seen = theme.record_start()
        try:
            scene.draw(surface)
        finally:
            theme.record_stop()
        return "".join(seen)

    assert "授業1回分" not in drawn()
    scene.toggle_short()
    shown = drawn()
    assert "授業1回分" in shown and "one lesson" not in shown


def test_a_child_scenario_shows_the_bases_short_description_translated_or_its_own(tmp_path, monkeypatch):
    """A scenario that extends another and writes no `[short] description` shows the base's, with the base's
    translations under its own key; one that writes its own shows its own, translated by its own [i18n] only."""
    from game.scenario import loader
    from game.scenario.catalog import describe
    given: dict[str, dict[str, str]] = {}
    monkeypatch.setattr(loader, "register_texts", lambda texts: [given.setdefault(k, {}).update(v) for k, v in texts.items()])
    loader.load("2015")
    base_ja = "一帯一路の最初の事業から2019年までの5年間：授業1回分。"
    assert given["ja"]["scenario.2015.short_description"] == base_ja
    head = 'format_version = 1\nextends = "2015"\n[scenario]\nid = "child"\ntitle = "Child"\n'
    cases = {"": ("Five years from the Belt and Road's first projects to 2019: one lesson.", base_ja),
             '[short]\ndescription = "Mine."\n': ("Mine.", None),
             '[short]\ndescription = "Mine."\n[i18n.ja]\nshort.description = "私の。"\n': ("Mine.", "私の。")}
    for extra, (english, japanese) in cases.items():
        given.clear()
        (tmp_path / "child.toml").write_text(head + extra, encoding="utf-8")
        assert describe(tmp_path / "child.toml").short_description == english
        assert given.get("ja", {}).get("scenario.child.short_description") == japanese, extra


def test_the_tournament_and_seat_help_speak_the_readers_language(japanese, capsys):
    """`tournament --help` and `simulate --help` (its `--seat`) come from the catalogues."""
    from game.cli import parser
    for argv, said in ((["tournament", "--help"], "出場するエージェント"), (["simulate", "--help"], "席を担当するもの")):
        with pytest.raises(SystemExit):
            parser().parse_args(argv)
        out = capsys.readouterr().out
        assert said in out and "FILE.py:CLASS" in out and "the contestants" not in out


def test_the_tournament_table_heads_speak_the_readers_language(japanese):
    """The standings' column heads are catalogue words."""
    from game.tournament import table
    head = table([{"agent": "hard", "mean_points": 1.0, "wins": 1, "games": 2, "per_seat": {}}], (), {})[0]
    assert "エージェント" in head and "agent" not in head


def test_every_action_verb_has_a_name_and_a_refusal_names_it(japanese):
    """A refusal for the wrong phase names the action in the reader's language, never its verb id."""
    import inspect

    from game.rules import actions as A
    from game.rules.play import validate
    from game.scenario.loader import load
    verbs = {c.verb for _, c in inspect.getmembers(A, inspect.isclass) if issubclass(c, A.Action) and c.verb}
    assert {f"verb.{v}" for v in verbs} <= set(text.catalogue("en")) and len(verbs) > 15
    from game.rules import phases
    from game.session import Seat, Session
    w = load("2015").world
    world = Session.start(w, {p: Seat(p, True) for p in w.order}, 1).world
    me, other = world.current(), world.c5()[-1]
    if "aid" in phases.verbs(world.phase):
        action, name = A.Propose(me, other, (), ()), "「提案」"
    else:
        action, name = A.Aid(me, other, "grant", 0.2), "「援助」"
    said = [text.render(r) for r in validate(world, action)]
    assert any(name in s for s in said) and not any(action.verb in s for s in said), (world.phase, said)


def test_seed_documents_and_rivers_are_named_in_the_readers_language(japanese):
    """An event card's seed document is named by its Japanese title; a river by its Japanese name."""
    from game.scenario.loader import load
    from game.ui import words
    assert words.cited("001_78d6b60161a582b5.txt") == "洪銘德「日本の対中央アジア外交政策の分析」"
    world = load("2015").world
    assert words.rname(world, "syr_darya") == text.tr("name.river.syr_darya") != world.rivers["syr_darya"].name


def test_terminal_widths_count_east_asian_wide_characters_twice():
    """A table for the terminal measures text by columns: 日本 takes 4, half-width ｶﾅ 1 each, a combining accent 0."""
    assert text.display_width("日本") == 4 and text.display_width("ｶﾅ") == 2 and text.display_width("e\u0301") == 1
    assert text.display_width("Казахстан") == 9 and text.pad("日本", 6, ">") == "  日本"
    lines = text.table_lines([["国", "点"], ["カザフスタン", "9.8"], ["China", "10.25"]], "<>")
    assert len({text.display_width(ln) for ln in lines}) == 1, lines


def columns(line: str) -> int:
    """Terminal columns, counted here on their own: wide (W) and full-width (F) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_simulate_table_speaks_the_readers_language_with_columns_aligned(lang):
    """`simulate` prints its games and each power's record in the reader's words and numbers, and each column's
    right edge is the same terminal column on every line, whatever the script of the names."""
    from game.cli import results_table
    from game.scenario.loader import load
    world = load("2015").world
    names = {p: world.powers[p].name for p in world.order}
    games = [{"seed": 7, "winner": "kazakhstan", "status": "over", "points": {p: 1.25 * i for i, p in enumerate(world.order)}},
             {"seed": 1234, "winner": None, "status": "collapsed", "points": {}}]
    wins = {n: int(p == "kazakhstan") for p, n in names.items()}
    mean = {n: 10.5 for n in names.values()}
    text.set_language(lang)
    lines = results_table(world, games, wins, mean, mean)
    said = "\n".join(lines)
    assert str(text.power(world, "kazakhstan")) in said and text.tr("sim.status.collapsed") in said
    if lang != "en":
        assert not [w for w in ("Kazakhstan", "winner", "mean points", "collapsed") if w in said], said
    games_table, records = lines[:4], lines[5:]
    for table in (games_table, records):
        assert len({columns(ln) for ln in table}) == 1, table
    head, ends = games_table[0], []
    for p in world.order:
        name = str(text.power(world, p))
        ends.append(columns(head[:head.index(name) + len(name)]))
    for line in games_table[1:]:  # each power's points end where its name ends
        cells = list(re.finditer(r"\S+", line))[-len(world.order):]
        assert [columns(line[:c.end()]) for c in cells] == ends, (head, line)
    assert text.number(10.5, ".1f") in said and (lang != "ru" or "10,5" in said)


@pytest.mark.parametrize("lang", ("en", "ja", "ru"))
def test_a_states_debt_shows_its_unit_and_its_share_of_gdp(lang):
    """Kazakhstan's panel gives its debt as money in the reader's units with its share of GDP, and each creditor's
    amount as money too ("China $8bn", "中国 80億ドル"), never a bare "China 8.00"."""
    from game.rules.economy import debt_ratio
    from game.ui.app import Settings
    from tests.test_ui_scenes import draw_scene, make_session
    pygame.init()
    s = make_session()
    w = s.world
    eco = w.economies["kazakhstan"]
    text.set_language(lang)
    drawn = draw_scene(pygame.Surface((1920, 1080)), Settings(1920, 1080, language=lang), "game", lambda: _game(s))
    total = text.tr("panel.debt", total=sum(eco.debt.values()), share=debt_ratio(w, "kazakhstan"))
    assert total in drawn and text.money(sum(eco.debt.values())) in total and "%" in total, drawn
    owed = [text.tr("panel.debt_to", creditor=text.power(w, k), amount=v) for k, v in eco.debt.items()]
    assert text.render(tuple(owed)) in drawn and text.money(eco.debt["china"]) in owed[0], drawn
    assert not [t for t in drawn if re.search(r"\d\.\d\d(,|$)", t) and str(text.power(w, "china")) in t]


def _game(session):
    """The play screen with Kazakhstan's panel open."""
    from game.ui.game import GameScene
    scene = GameScene(session)
    scene.selected = "kazakhstan"
    return scene


def test_lines_never_break_at_a_no_break_space():
    """Russian money and percentages keep their no-break spaces: "8 млрд $" is never split over two lines."""
    from game.ui import theme
    said = "Китай: 8\u00a0млрд\u00a0$, Япония: 1\u00a0млрд\u00a0$, 5\u00a0%"
    lines = theme.break_lines(said, 12, len)
    assert "".join(lines).replace(" ", "") == said.replace(" ", "") and "8\u00a0млрд\u00a0$," in lines, lines
    assert all(not ln.startswith(("млрд", "$", "%")) for ln in lines), lines


def test_russian_screens_write_decimals_with_a_comma():
    """Every scene in Russian writes its numbers the Russian way (trust 0,65, growth +0,0 %, points 2,2, the
    debt's share 5 %): no figure with a decimal point is left from an f-string that skipped the language."""
    from game.ui.app import Settings
    from tests.test_ui_scenes import draw_scene, scenes_to_render
    pygame.init()
    drawn = {}
    for name, make in scenes_to_render():
        drawn[name] = draw_scene(pygame.Surface((1920, 1080)), Settings(1920, 1080, language="ru"), name, make)
        theme.set_scale(1.0)
    found = {name: [t for t in texts if re.search(r"\d\.\d", t)] for name, texts in drawn.items()}
    assert not any(found.values()), {k: v[:5] for k, v in found.items() if v}
    assert any(re.search(r"доверие 0,\d\d", t) for t in drawn["game"]), drawn["game"]
    from game.ui.charts import tick_label
    text.set_language("ru")
    assert tick_label(1234.5, 0.5) == "1\u00a0234,5" and tick_label(0.25, 0.05, "%") == "0,25%"


def test_a_development_is_offered_with_its_price_and_what_it_adds():
    """The action list names what a development costs and adds (rule 11: years of the added output's sales):
    Kazakh oil shows the price play.develop_cost gives, far above the least cost; with the payback at 0 the
    same action shows the least cost."""
    from attrs import evolve

    from game.rules import actions as A
    from game.rules.play import develop_amount, develop_cost
    from game.scenario.loader import load
    from game.ui import words
    w = load("2015").world
    act = A.Develop("kazakhstan", "kazakhstan", "oil")
    shown = words.action(w, act)
    assert words.money(develop_cost(w, "kazakhstan", "oil")) in shown
    assert f"{develop_amount(w, 'kazakhstan', 'oil'):g}" in shown
    cheap = evolve(w, rules={**w.rules, "economy.develop_payback": 0.0})
    assert words.money(cheap.param("economy.develop_cost")) in words.action(cheap, act)
    assert words.money(develop_cost(w, "kazakhstan", "oil")) not in words.action(cheap, act)


def test_a_row_label_starts_with_a_capital_where_the_script_has_one():
    """Resource names are lower-case inside sentences ('develop oil'); as the state panel's row labels they
    start with a capital in English and Russian, and Japanese and Chinese are left as they are."""
    from game.ui import words
    for lang, plain in (("en", "oil"), ("ru", "нефть")):
        text.set_language(lang)
        assert words.resource("oil") == plain
        assert words.heading(words.resource("oil")) == plain[0].upper() + plain[1:]
    text.set_language("ja")
    assert words.heading(words.resource("oil")) == words.resource("oil")
    text.set_language("en")
