"""Yearly base series: a later start takes its year's prices and GDP from them, says so, and a bad
series file is refused with file, line and key."""
from __future__ import annotations

import pytest

from game import cli
from game.errors import ScenarioErrors
from game.scenario.explain import explain
from game.scenario.loader import load, resolve
from game.scenario.series import SERIES_FILE, Series, load_series, shipped, taken
from game.text import render
from tests.test_scenario_lookup import home  # noqa: F401  (the user scenario folder fixture)

LATE = 'format_version = 1\nextends = "{base}"\n[scenario]\nid = "late"\ntitle = "Late"\nstart_year = {start}\n{extra}'


def series_for(key: str) -> Series:
    return next(s for s in shipped() if s.applies == key)


def late(home, start: int, base: str = "2015", extra: str = ""):
    (home / "late.toml").write_text(LATE.format(base=base, start=start, extra=extra))
    return load("late")


def test_a_2020_start_on_the_2015_base_takes_2020_prices_gdp_from_the_series(home):
    """Oil, gas and every state's GDP are 2020's real values in the game's units."""
    sc = late(home, 2020)
    oil = series_for("world.prices.oil")
    assert sc.world.prices["oil"] == pytest.approx(oil.at(2020) * oil.factor, abs=1e-4)
    assert sc.world.prices["oil"] != load("2015").world.prices["oil"]
    for sid, eco in sc.world.economies.items():
        assert eco.gdp == pytest.approx(series_for(f"economies.{sid}.gdp").at(2020))
    gas = series_for("world.prices.gas")
    year, value = gas.latest(2015, 2020)
    assert year == max(y for y, _ in gas.values if y <= 2020)
    assert sc.world.prices["gas"] == pytest.approx(value * gas.factor, abs=1e-4)
    assert sc.raw["world"]["prices"]["oil"] == sc.world.prices["oil"]  # saves embed the taken figures
    assert resolve("2015").raw["world"]["prices"]["oil"] == load("2015").world.prices["oil"]  # the base is untouched


def test_the_warning_names_only_figures_without_a_series_and_explain_says_what_was_taken(home):
    """The later-start warning no longer names oil or GDP; validate --explain has one sentence per taken figure."""
    sc = late(home, 2020)
    warned = [str(w.message) for w in sc.warnings if "figures" in str(w.message)]
    assert len(warned) == 1 and "world.prices.oil" not in warned[0] and "gdp" not in warned[0]
    assert "powers.japan.treasury" in warned[0] and "2015 figures" in warned[0]
    said = [render(m) for m in explain("late")]
    oil = [s for s in said if s.startswith("Takes world.prices.oil")]
    assert len(oil) == 1 and "for 2020" in oil[0] and "RBRTE" in oil[0]
    assert any(s.startswith("Takes economies.kazakhstan.gdp") and "NY.GDP.MKTP.CD" in s for s in said)
    assert any(s.startswith("Takes world.prices.gas") and "for 2020" in s and "PNGASEUUSDM" in s for s in said)
    assert len([s for s in said if s.startswith("Takes ")]) == len(sc.series)
    uranium = series_for("world.prices.uranium")
    last = max(y for y, _ in uranium.values)
    assert last < 2024
    late(home, 2024)
    said = [render(m) for m in explain("late")]
    assert any(s.startswith("Takes world.prices.uranium") and f"for {last}, the series' last real year" in s
               for s in said)


def test_a_figure_the_file_sets_itself_and_a_start_in_the_base_year_take_nothing(home):
    """The author's own value wins over the series; starting in the base's year changes nothing."""
    sc = late(home, 2020, extra="[world.prices]\noil = 0.46\n")
    assert sc.world.prices["oil"] == 0.46 and "world.prices.oil" not in {t.key for t in sc.series}
    assert late(home, 2015).series == () and late(home, 2015).world.prices == load("2015").world.prices


def test_a_file_extending_a_later_start_gets_the_same_later_figures(home):
    """A lesson extending a 2020 start (and starting in 2020 too) still takes 2020's figures, not 2015's."""
    late(home, 2020)
    (home / "lesson.toml").write_text('format_version = 1\nextends = "late"\n[scenario]\nid = "lesson"\ntitle = "L"\n')
    assert load("lesson").world.prices == load("late").world.prices
    assert load("lesson").world.economies["uzbekistan"].gdp == load("late").world.economies["uzbekistan"].gdp
    assert any("2015 figures" in str(w.message) for w in load("lesson").warnings)


def test_a_start_past_the_series_keeps_its_last_real_value(home):
    """Starting in 2025 on the 2015 base: each GDP is its series' last real year's (the game projects nothing)."""
    sc = late(home, 2025)
    for sid, eco in sc.world.economies.items():
        s = series_for(f"economies.{sid}.gdp")
        last = max(y for y, _ in s.values)
        assert last <= 2025 and eco.gdp == pytest.approx(s.at(last))
    assert {t.key: t.year for t in sc.series}["economies.kazakhstan.gdp"] == max(y for y, _ in series_for(
        "economies.kazakhstan.gdp").values)
    assert not [t for t in shipped() for y, _ in t.values if y > 2025]  # real values only: nothing after 2025


def test_shift_moves_the_base_figure_by_the_change_of_the_index():
    """A `shift` series (a stability proxy) moves the base's figure by factor x its change since the base year."""
    s = Series("pv", "economies.kazakhstan.stability", "percentile", 0.5, "test", ((2015, 40.0), (2020, 30.0)), "shift")
    raw = {"economies": {"kazakhstan": {"stability": 65.0}}}
    [t] = taken(raw, {"economies.kazakhstan.stability": 2015}, 2021, (s,))
    assert (t.old, t.value, t.year) == (65.0, 60.0, 2020)
    assert taken(raw, {}, 2021, (s,)) == []  # set by the file itself: nothing taken


def test_the_shipped_series_load_and_agree_with_the_bases_own_start_figures():
    """Every shipped series is valid and sourced, and where a base's start year has a value, the base says about the same."""
    series = shipped()
    assert series and all(s.source and s.unit and s.values for s in series)
    for base in ("1992", "2015"):
        raw = resolve(base).raw
        for s in series:
            if not s.applies or s.at(int(base)) is None or s.transform == "shift":
                continue  # a shift series is an index: it moves the base's figure, it does not give it
            table = raw
            for part in s.applies.split("."):
                table = table[part]
            assert table == pytest.approx(s.at(int(base)) * s.factor, rel=0.15), (base, s.id)


def expected_shift(s: Series, base_year: int, base_value: float, start: int) -> float:
    """What a shift series makes of a base figure: the base's own value moved by factor x the index's change."""
    year, now = s.latest(base_year, start)
    before = s.at(base_year) if s.at(base_year) is not None else s.at(s.anchor)
    return base_value + s.factor * (now - before)


def test_the_stability_series_move_each_states_stability_on_a_later_start(home):
    """A 2020 start on the 2015 base moves each state's stability by 0.6 x its WGI rank change 2015-2020."""
    base = load("2015")
    sc = late(home, 2020)
    moved = 0
    for sid, eco in sc.world.economies.items():
        s = series_for(f"economies.{sid}.stability")
        assert s.transform == "shift" and "PV.PER.RNK" in s.source
        want = expected_shift(s, 2015, base.world.economies[sid].stability, 2020)
        assert eco.stability == pytest.approx(want, abs=1e-3)
        moved += eco.stability != base.world.economies[sid].stability
    assert moved >= 4  # the ranks did change for (nearly) every state
    said = [render(m) for m in explain("late")]
    kg = series_for("economies.kyrgyzstan.stability")
    [line] = [x for x in said if x.startswith("Takes economies.kyrgyzstan.stability")]
    assert "PV.PER.RNK" in line and f"from 2015 ({kg.at(2015)})" in line and f"to 2020 ({kg.at(2020)})" in line
    warned = " ".join(str(w.message) for w in sc.warnings)
    assert "stability" not in warned  # no longer carried unchanged


def test_the_1992_base_counts_the_stability_change_from_the_anchor_year(home):
    """The WGI start in 1996: a 2000 start on the 1992 base counts from 1996 (the series' anchor)."""
    base = load("1992")
    sc = late(home, 2000, base="1992")
    s = series_for("economies.tajikistan.stability")
    assert s.anchor == 1996 == s.values[0][0] and s.at(1992) is None
    want = base.world.economies["tajikistan"].stability + s.factor * (s.at(2000) - s.at(1996))
    assert sc.world.economies["tajikistan"].stability == pytest.approx(want, abs=1e-3)
    assert sc.world.economies["tajikistan"].stability != base.world.economies["tajikistan"].stability
    no_anchor = Series("pv", s.applies, s.unit, s.factor, s.source, s.values, "shift")
    assert taken(resolve("1992").raw, {s.applies: 1992}, 2000, (no_anchor,)) == []  # without it: nothing to count from


def test_the_stability_series_change_how_the_game_plays(home):
    """The taken stability is the game's: mean stability, and with it a year of play, differ from a start without it."""
    from ai.baseline import RandomAgent
    from game.model.ops import evolve
    from game.rules.economy import mean_stability
    from game.sim import play
    sc = late(home, 2022)
    keep = "\n".join(f"[economies.{sid}]\nstability = {load('2015').world.economies[sid].stability}"
                     for sid in sc.world.economies)
    (home / "kept.toml").write_text(LATE.format(base="2015", start=2022, extra=keep).replace('"late"', '"kept"'))
    flat = load("kept")
    assert mean_stability(sc.world) != pytest.approx(mean_stability(flat.world))
    agents = {p: RandomAgent() for p in sc.world.order}
    a = play(evolve(sc.world, end_year=2023), agents, 5).history
    b = play(evolve(flat.world, end_year=2023), {p: RandomAgent() for p in flat.world.order}, 5).history
    assert a != b


BAD_ANCHOR = '''format_version = 1
[series.pv]
applies = "economies.kazakhstan.stability"
unit = "rank"
factor = 0.6
source = "test"
anchor = 1996
values = { 1998 = 50.0 }
[series.oil]
applies = "world.prices.oil"
unit = "US$"
factor = 1
source = "test"
anchor = 1998
values = { 1998 = 50.0 }
'''


def _refused(tmp_path, name: str, text: str):
    """A series file `name` holding `text`, and the errors loading it raises (it must raise)."""
    folder = tmp_path / "series"
    folder.mkdir()
    path = folder / name
    path.write_text(text)
    with pytest.raises(ScenarioErrors) as e:
        load_series(path)
    return path, e.value.errors


def test_a_bad_anchor_is_one_sentence_at_its_line(tmp_path, capsys):
    """An anchor that is not one of the series' years, or on a level series, is refused at its own line."""
    path, errors = _refused(tmp_path, "anchor.toml", BAD_ANCHOR)
    by_key = {err.key: err for err in errors}
    assert set(by_key) == {"series.pv.anchor", "series.oil.anchor"}
    assert by_key["series.pv.anchor"].line == 7 and by_key["series.oil.anchor"].line == 14
    assert "1996" in by_key["series.pv.anchor"].text and "shift" in by_key["series.oil.anchor"].text
    assert cli.main(["validate", str(path)]) == 2
    out = capsys.readouterr().out
    assert f"{path}:7: series.pv.anchor:" in out and "Traceback" not in out


BAD = '''format_version = 1
[series.oil]
applies = "powers.japan.gdp"
unit = "US$"
factor = -1
values = { 2015 = 50.0, 19x2 = 1.0, 2016 = "high" }
colour = "red"
'''


def test_a_bad_series_file_names_file_line_and_key_for_every_problem(tmp_path, capsys):
    """Each problem is one sentence at its own line and key; `validate` prints them and exits 2."""
    path, errors = _refused(tmp_path, "mine.toml", BAD)
    by_key = {err.key: err for err in errors}
    assert set(by_key) == {"series.oil.applies", "series.oil.factor", "series.oil.values.19x2", "series.oil.values.2016",
                           "series.oil.colour", "series.oil"}
    assert by_key["series.oil.factor"].line == 5 and by_key["series.oil.colour"].line == 7
    assert by_key["series.oil.applies"].line == 3 and "powers.japan.gdp" in by_key["series.oil.applies"].text
    assert "source" in by_key["series.oil"].text
    assert all(err.path == str(path) for err in errors)
    assert cli.main(["validate", str(path)]) == 2
    out = capsys.readouterr().out
    assert f"{path}:5: series.oil.factor:" in out and "Traceback" not in out
    assert cli.main(["validate", str(SERIES_FILE)]) == 0


def test_the_later_start_recipe_of_the_guide_takes_the_series_and_plays(home):
    """docs/scenarios.md 10.9 as written: loads, takes 2020's oil, warns only about what has no series, plays a year."""
    import re

    from ai.baseline import RandomAgent
    from game.model.ops import evolve
    from game.sim import play
    from tests.scenario_helpers import ROOT
    doc = (ROOT / "docs" / "scenarios.md").read_text(encoding="utf-8")
    text = re.search(r"<!-- later-start -->\n```toml\n(.*?)```", doc, flags=re.S).group(1)
    (home / "from_2020.toml").write_text(text, encoding="utf-8")
    sc = load("from_2020")
    oil = series_for("world.prices.oil")
    assert sc.world.start_year == 2020 and sc.world.prices["oil"] == pytest.approx(oil.at(2020) * oil.factor, abs=1e-4)
    assert sc.world.powers["china"].treasury == 10.0 and sc.world.economies["kazakhstan"].stability == 55.0
    warned = " ".join(str(w.message) for w in sc.warnings)
    assert "powers.china.treasury" not in warned and "world.prices.oil" not in warned and "gdp" not in warned
    history = play(evolve(sc.world, end_year=2020), {p: RandomAgent() for p in sc.world.order}, 3).history
    assert [row["year"] for row in history] == [2020]
