"""The broken-scenario suite: each bad file gives a message naming its file, line and key."""
from __future__ import annotations

import pytest

from game.cli import main
from game.errors import ScenarioErrors
from game.scenario.loader import load, validate
from tests.scenario_helpers import BASE_TEXT, changed, line_of

S = "s.toml"  # the file under test in every case
EXT = 'format_version = 1\nextends = "2015"\n[scenario]\nid = "mine"\ntitle = "Mine"\n'


def _case(name, files, file, needle, key, words):
    """files: name -> text or bytes; the error must be in `file` at the line of `needle`."""
    return pytest.param(files, file, needle, key, words, id=name)


def _one(old, new, key, words, needle=None):
    """The 2015 file with `old` replaced by `new`; the error is expected on the line of
    `needle` inside `new` (its last line when not given; "" for no line check)."""
    text = changed(old, new)
    if needle == "":
        return {S: text}, S, "", key, words
    inner = needle or new.splitlines()[-1]
    if inner not in new:
        return {S: text}, S, line_of(text, inner), key, words
    line = line_of(BASE_TEXT, old) + new[:new.index(inner)].count("\n")
    return {S: text}, S, line, key, words


CASES = [
    # --- syntax and file-level problems
    pytest.param(*_one("capacity = 45.0      # ~44-50", "capacity = 45.0 45", "", "TOML syntax error"), id="syntax-two-values"),
    pytest.param(*_one('name = "Japan"', 'name = "Japan', "", "TOML syntax error"), id="syntax-unclosed-string"),
    pytest.param(*_one("capacity = 45.0      # ~44-50", "capacity = 45.0\ncapacity = 50.0", "corridors.cac_gas.capacity", "set twice"),
                 id="duplicate-key"),
    pytest.param({S: BASE_TEXT + '\n[corridors.cpc]\nname = "again"\n'}, S, "[corridors.cpc]\nname = \"again\"",
                 "corridors.cpc", "set twice", id="duplicate-table"),
    pytest.param({S: changed("format_version = 1", "format_version = 2")}, S, "format_version = 2", "format_version",
                 "must be 1", id="format-version-wrong"),
    pytest.param({S: changed("format_version = 1\n", "")}, S, None, "format_version", "is missing", id="format-version-missing"),
    # --- types, ranges, choices
    pytest.param(*_one("treasury = 2.0 ", 'treasury = "lots" ', "powers.japan.treasury", "should be a number"), id="type-text-for-number"),
    pytest.param(*_one("action_points = 3", "action_points = 2.5", "powers.japan.action_points", "whole number"), id="type-float-for-int"),
    pytest.param(*_one("start_year = 2015", "start_year = 2015-01-01", "scenario.start_year", "not a date"), id="type-date"),
    pytest.param(*_one('goods = ["gas"]', 'goods = ["gas", 3]', "corridors.cac_gas.goods", "should be text"), id="type-list-entry"),
    pytest.param(*_one("stability = 65.0", "stability = 165.0", "economies.kazakhstan.stability", "out of range"), id="range-stability"),
    pytest.param(*_one("capacity = 45.0      # ~44-50 bcm/yr in 2007 (SCENARIO_DATA)", "capacity = -5.0", "corridors.cac_gas.capacity", "out of range"), id="range-negative"),
    pytest.param(*_one('status = "operating"', 'status = "open"', "corridors.cac_gas.status", "not one of"), id="choice-status"),
    pytest.param(*_one('kind = "great"', 'kind = "superpower"', "powers.japan.kind", "not one of"), id="choice-kind"),
    # --- unknown keys, with suggestions
    pytest.param(*_one("treasury = 2.0 ", "treasure = 2.0 ", "powers.japan.treasure", "Did you mean 'treasury'"), id="unknown-key"),
    pytest.param({S: BASE_TEXT + '\n[corridor.x]\nname = "x"\n'}, S, "[corridor.x]", "corridor", "Did you mean 'corridors'",
                 id="unknown-table"),
    pytest.param({S: BASE_TEXT + '\n[rules.hedging]\npenalti = 3.0\n'}, S, "penalti", "rules.hedging.penalti",
                 "Did you mean 'hedging.penalty'", id="unknown-rule"),
    pytest.param(*_one("russia = 0.40\nchina = 0.35", "rusia = 0.40\nchina = 0.35", "influence.kazakhstan.rusia", "Did you mean 'russia'",
                       needle="rusia = 0.40"), id="unknown-influence-holder"),
    pytest.param({S: BASE_TEXT + '\n[personalities.chna]\npersonality = "x"\n'}, S, "[personalities.chna]", "personalities.chna",
                 "Did you mean 'china'", id="personality-unknown-power"),
    # --- references between ids
    pytest.param(*_one('path = ["turkmenistan", "uzbekistan", "kazakhstan", "russia"]',
                       'path = ["turkmenistan", "uzbekistan", "kazakhstan", "russa"]', "corridors.cac_gas.path", "Did you mean 'russia'"),
                 id="corridor-unknown-country"),
    pytest.param(*_one('waypoints = ["dauletabad", "khiva"', 'waypoints = ["dauletabat", "khiva"', "corridors.cac_gas.waypoints",
                       "not a place on the map"), id="corridor-unknown-waypoint"),
    pytest.param(*_one('goods = ["gas"]', 'goods = ["gaz"]', "corridors.cac_gas.goods", "not a resource"), id="corridor-unknown-good"),
    pytest.param(*_one('corridor = "cac_china_gas"', 'corridor = "cac_china_gass"', "contracts.tm_cn_gas.corridor", "no corridor"),
                 id="contract-missing-corridor"),
    pytest.param(*_one('corridor = "kz_china_oil"', 'corridor = "cac_china_gas"', "contracts.kz_cn_oil.corridor", "does not carry oil"),
                 id="contract-wrong-goods"),
    pytest.param(*_one('seller = "turkmenistan"', 'seller = "japan"', "contracts.tm_cn_gas.seller", "not a Central Asian state"),
                 id="contract-seller-not-c5"),
    pytest.param(*_one('"tajikistan", "uzbekistan"]  # 2001', '"tajikistan", "uzbekstan"]  # 2001', "forums.sco.members",
                       "Did you mean 'uzbekistan'"), id="forum-unknown-member"),
    pytest.param(*_one('order = ["japan", "china", "russia", "kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"]',
                       'order = ["japan", "china", "russia", "kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan"]',
                       "scenario.order", "missing: uzbekistan"), id="order-missing-power"),
    pytest.param(*_one('tension = { "china|japan" = 0.45', 'tension = { "china|china" = 0.45', "world.tension.china|china",
                       "two different great powers"), id="tension-bad-pair"),
    pytest.param(*_one("rare_earths = { china = 0.7, australia = 0.1 }", "rare_earths = { china = 0.7, austria = 0.1 }",
                       "powers.japan.sources.rare_earths.austria", "neither a power nor a risk"), id="source-unknown"),
    # --- years
    pytest.param(*_one("end_year = 2025", "end_year = 2010", "scenario.end_year", "comes before start_year"), id="years-out-of-order"),
    pytest.param(*_one("year = 2020\neffects = [\"scale prices.oil 0.6\"", "year = 2030\neffects = [\"scale prices.oil 0.6\"",
                       "events.covid.year", "outside the scenario's years", needle="year = 2030"), id="event-year-outside"),
    pytest.param(*_one("last_met = 2014\n\n[forums.eaeu]", "last_met = 2019\n\n[forums.eaeu]", "forums.sco.last_met",
                       "after the scenario starts", needle="last_met = 2019"), id="forum-met-in-future"),
    # --- events
    pytest.param(*_one('"scale prices.oil 0.6"', '"multiply prices.oil 0.6"', "events.covid.effects", "not an effect"), id="effect-unknown-verb"),
    pytest.param(*_one('effects = ["close middle_corridor 1"]', 'effects = ["close middle_corridor"]', "events.caspian_storm.effects",
                       "takes 2 arguments"), id="effect-arg-count"),
    pytest.param(*_one('"set corridors.cpc.capacity 67.0"', '"set corridors.cpcc.capacity 67.0"', "events.cpc_expansion.effects",
                       "does not name a value"), id="effect-bad-path"),
    pytest.param(*_one('"influence * others 0.03"', '"influence * other 0.03"', "events.eu_strategy.effects",
                       "Did you mean 'others'"), id="effect-bad-holder"),
    pytest.param(*_one('"close middle_corridor 1"', '"close middle_corridor soon"', "events.caspian_storm.effects",
                       "not a number of years"), id="effect-bad-number"),
    pytest.param(*_one('when = ["risks.middle_east > 0.2"]', 'when = ["risks.middle_east bigger 0.2"]', "events.gulf_calm.when",
                       "not a condition"), id="condition-bad-op"),
    pytest.param(*_one('when = ["corridors.cku_rail.status == planned"]', 'when = ["corridors.cku_rail.status > planned"]',
                       "events.cku_launch.when", "compares numbers"), id="condition-type"),
    pytest.param(*_one('year = 2021\neffects = ["scale prices.oil 1.5"', 'year = 2021\nafter = "covidd"\neffects = ["scale prices.oil 1.5"',
                       "events.recovery.after", "Did you mean 'covid'", needle='after = "covidd"'), id="event-after-missing"),
    pytest.param(*_one("weight = 1.0\nonce = false\neffects = [\"add risks.malacca 0.05\"]", "once = false\neffects = [\"add risks.malacca 0.05\"]",
                       "events.malacca_scare", "never fires", needle="[events.malacca_scare]"), id="event-never-fires"),
    # --- bytes
    pytest.param({S: BASE_TEXT.encode()[:500] + b"\xff\xfe" + BASE_TEXT.encode()[500:]}, S, None, "", "not UTF-8", id="not-utf8"),
    pytest.param({S: b"\x00\x01\x02binary" * 10}, S, None, "", "binary file", id="binary"),
    pytest.param({S: b"# padding\n" * 120_000}, S, None, "", "at most", id="huge"),
    pytest.param({S: ""}, S, None, "", "empty", id="empty"),
    pytest.param({S: "   \n\n# only a comment\n"}, S, None, "", "only comments", id="blank"),
    # --- inheritance
    pytest.param({S: 'format_version = 1\nextends = "o.toml"\n[scenario]\nid = "s"\n',
                  "o.toml": 'format_version = 1\nextends = "s.toml"\n[scenario]\nid = "o"\n'}, "o.toml", 'extends = "s.toml"', "extends",
                 "in a circle", id="extends-cycle"),
    pytest.param({S: 'format_version = 1\nextends = "s.toml"\n'}, S, 'extends', "extends", "in a circle", id="extends-self"),
    pytest.param({S: 'format_version = 1\nextends = "../../../../etc/passwd"\n'}, S, "extends", "extends",
                 "leads outside the scenario folders", id="extends-escape"),
    pytest.param({S: 'format_version = 1\nextends = "/etc/passwd.toml"\n'}, S, "extends", "extends", "not an absolute path",
                 id="extends-absolute"),
    pytest.param({S: 'format_version = 1\nextends = "2031"\n'}, S, "extends", "extends", "there is no scenario '2031'",
                 id="extends-missing-id"),
    pytest.param({S: 'format_version = 1\nextends = "gone.toml"\n'}, S, "extends", "extends", "there is no file", id="extends-missing-file"),
    pytest.param({S: 'format_version = 1\nextends = 2015\n'}, S, "extends", "extends", "should be a scenario id", id="extends-number"),
    pytest.param({S: EXT.replace('extends = "2015"\n', 'extends = "2015"\nremove = ["events.covidd"]\n')}, S, "remove", "remove",
                 "not in the base scenario", id="remove-missing"),
    pytest.param({S: 'format_version = 1\nextends = "2015"\n[powers.japan]\ntreasury = 5.0\n'}, S, "extends", "extends",
                 "needs its own [scenario] id", id="extends-without-id"),
    pytest.param({S: EXT + '[powers.japan]\ntreasury = 5.0\nremove = ["events.covid"]\n'}, S, "remove = [", "powers.japan.remove",
                 "belongs at the top of the file", id="top-level-key-in-table"),
    pytest.param({S: EXT + '[corridors.cpc]\ncapacity = "big"\n'}, S, 'capacity = "big"', "corridors.cpc.capacity",
                 "should be a number", id="extends-error-in-child"),
    pytest.param({S: EXT.replace('"2015"', '"b.toml"'),
                  "b.toml": changed("stability = 65.0", "stability = -1.0")}, "b.toml", "stability = -1.0",
                 "economies.kazakhstan.stability", "out of range", id="extends-error-in-base"),
    pytest.param({S: EXT + '[corridors.line_d]\ntransit = { kazakhstan = 0.01 }\n'}, S, "transit = {", "corridors.line_d.transit.kazakhstan",
                 "not known here", id="transit-fee-off-path"),
    pytest.param({S: EXT + '[corridors.line_d]\ntransit = { tajikistan = 50.0 }\n'}, S, "transit = {", "corridors.line_d.transit.tajikistan",
                 "out of range", id="transit-fee-too-high"),
    pytest.param({S: EXT + '[corridors.cku_rail]\nconsents = ["tajikistan"]\n'}, S, "consents = [", "corridors.cku_rail.consents",
                 "not a Central Asian state on this corridor's path", id="consent-off-path"),
    pytest.param({S: EXT + '[rivers.syr_darya]\nfarm_loss = { kyrgyzstan = 0.01 }\n'}, S, "farm_loss = {",
                 "rivers.syr_darya.farm_loss.kyrgyzstan", "not known here", id="river-upstream-farms"),
    pytest.param({S: EXT + '[rivers.nile]\nname = "Nile"\nupstream = ["egypt"]\nhydro = 0.1\nfarm_loss = { uzbekistan = 0.01 }\n'},
                 S, 'upstream = ["egypt"]', "rivers.nile.upstream", "not a Central Asian state", id="river-unknown-upstream"),
    pytest.param({S: EXT + '[pledges.p1]\ndonor = "usa"\nrecipient = "kazakhstan"\nkind = "grant"\namount = 0.1\ndue_year = 2016\n'},
                 S, 'donor = "usa"', "pledges.p1.donor", "not a great power", id="pledge-unknown-donor"),
]


@pytest.mark.parametrize("files,file,needle,key,words", CASES)
def test_broken_scenario_names_file_line_and_key(tmp_path, monkeypatch, files, file, needle, key, words):
    """Each broken file is refused with a message naming the right file, line and key."""
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path / "home"))
    for name, content in files.items():
        target = tmp_path / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    errors = validate(str(tmp_path / S))
    assert errors, "the broken scenario was accepted"
    hits = [e for e in errors if e.key == key and words in e.text]
    assert hits, "\n".join(e.describe() for e in errors)
    err = hits[0]
    assert err.path.endswith(file)
    if isinstance(needle, int):
        assert err.line == needle, err.describe()
    elif needle:
        text = files[file] if isinstance(files[file], str) else files[file].decode("utf-8", "replace")
        assert err.line == line_of(text, needle), err.describe()


def test_not_utf8_names_the_line(tmp_path):
    """A byte that is not UTF-8 is reported on its own line."""
    data = BASE_TEXT.encode()
    (tmp_path / S).write_bytes(data[:500] + b"\xff" + data[500:])
    err = validate(str(tmp_path / S))[0]
    assert err.line == data[:500].count(b"\n") + 1 and "UTF-8" in err.text


def test_case_count():
    """The suite holds at least 30 broken scenarios."""
    assert len(CASES) >= 30


def test_every_problem_is_reported_at_once(tmp_path):
    """Several mistakes in one file are all reported, in line order."""
    text = changed("treasury = 2.0 ", "treasure = 2.0 ")
    text = changed("stability = 65.0", "stability = 165.0", text)
    text = changed('goods = ["gas"]', 'goods = ["gaz"]', text)
    (tmp_path / S).write_text(text, encoding="utf-8")
    errors = validate(str(tmp_path / S))
    keys = [e.key for e in errors]
    assert {"powers.japan.treasure", "economies.kazakhstan.stability", "corridors.cac_gas.goods"} <= set(keys)
    assert [e.line for e in errors] == sorted(e.line for e in errors)


def test_message_form(tmp_path):
    """Each message reads `file:line: key: sentence`."""
    (tmp_path / S).write_text(changed("treasury = 2.0 ", "treasure = 2.0 "), encoding="utf-8")
    with pytest.raises(ScenarioErrors) as info:
        load(str(tmp_path / S))
    line = line_of(changed("treasury = 2.0 ", "treasure = 2.0 "), "treasure")
    assert [e for e in info.value.errors if e.key == "powers.japan.treasure"][0].describe() == (
        f"{tmp_path / S}:{line}: powers.japan.treasure: 'treasure' is not a known key here. Did you mean 'treasury'?")


def test_cli_validate_exit_codes(tmp_path, capsys):
    """`validate` prints every problem and exits 2 on any error, 0 when all files are fine."""
    bad = tmp_path / S
    bad.write_text(changed("treasury = 2.0 ", "treasure = 2.0 "), encoding="utf-8")
    assert main(["validate", "2015", str(bad)]) == 2
    out = capsys.readouterr().out
    assert "2015: ok" in out and "powers.japan.treasure" in out and "Traceback" not in out
    assert main(["validate", "1992", "2015", "2025"]) == 0
    (tmp_path / "bin.toml").write_bytes(b"\x00\x00")
    assert main(["validate", str(tmp_path / "bin.toml")]) == 2
    assert "binary file" in capsys.readouterr().out
