"""`validate --explain` says what a file changes; `simulate --events-report` says what its events did."""
from __future__ import annotations


from game import cli
from game.scenario.explain import explain
from game.text import render
from tests.test_scenario_lookup import home  # noqa: F401  (the user scenario folder fixture)

HEAD = 'format_version = 1\nextends = "2025"\n{remove}[scenario]\nid = "{id}"\ntitle = "T"\nend_year = {end}\n'
EVENT = '[events.{id}]\ntitle = "{title}"\nnote = "n"\nsource = "test"\nyear = {year}\neffects = [{effects}]\n'


def write(folder, sid: str, body: str = "", end: int = 2035, remove: str = ""):
    path = folder / f"{sid}.toml"
    path.write_text(HEAD.format(id=sid, end=end, remove=f"remove = [{remove}]\n" if remove else "") + body)
    return path


def event(eid: str, year: int, *effects: str, title: str = "E") -> str:
    return EVENT.format(id=eid, title=title, year=year, effects=", ".join(f'"{e}"' for e in effects))


def sentences(name: str) -> list[str]:
    return [render(m) for m in explain(name)]


def test_explain_lists_values_items_events_and_dropped_events(home):
    """Each change is one sentence: values with the base's value, a new item, an event in words, dropped events."""
    body = ("[powers.japan]\ntreasury = 9.5\n[economies.kazakhstan]\nstability = 62.0\n"
            '[forums.new_club]\nname = "New Club"\nhost = "japan"\nmembers = ["japan", "kazakhstan"]\nlevel = 1\n'
            + event("blockade", 2027, "close middle_corridor 2", "join sco japan", title="Blockade"))
    write(home, "lesson", body, end=2029, remove='"events.caspian_storm", "corridors.tapi"')
    said = sentences("lesson")
    assert said[0].startswith(str(home / "lesson.toml")) and '"2025"' in said[0] and "Rare Earth Crunch" in said[0]
    assert "Changes powers.japan.treasury from 3.0 to 9.5." in said
    assert any("economies.kazakhstan.stability" in s and "changes nothing" in s for s in said)  # 62.0 is the base's
    assert "Adds forums.new_club, which the base does not have." in said
    assert "Removes the inherited corridors.tapi." in said
    blockade = [s for s in said if "Blockade" in s]
    assert len(blockade) == 1 and "in 2027" in blockade[0] and "for 2 years" in blockade[0] and "joins" in blockade[0]
    assert any("caspian_storm" in s and "remove" in s for s in said)
    late = [s for s in said if s.startswith("Drops the inherited event") and "falls outside 2025-2029" in s and "recycling_online" in s]
    assert late, said


def test_explain_of_a_file_that_changes_nothing_and_of_a_shipped_base(home, capsys):
    write(home, "same")
    said = sentences("same")
    assert said[-1] == "It changes nothing: it plays exactly as its base." and len(said) == 3
    assert cli.main(["validate", "--explain", "2015"]) == 0
    out = capsys.readouterr().out.splitlines()
    from game.scenario.loader import load
    sc = load("2015")
    listed = len(sc.world.events) + len(sc.optional_events)
    assert "extends no other scenario" in out[0] and len(out) == 1 + listed
    assert f"with {listed} events" in out[0]  # the count takes in the optional events listed below it
    assert out[-1].startswith('Optional event "Turkmenistan cuts its gas to Iran" (iran_gas_cut), in play only when')


def test_explain_of_a_broken_file_lists_its_problems(home, capsys):
    path = write(home, "bad", "[powers.japan]\ntreasury = \"lots\"\n")
    assert cli.main(["validate", "--explain", "bad"]) == 2
    assert f"{path}:8: powers.japan.treasury" in capsys.readouterr().out


def report(name: str, seed: int = 2) -> list[str]:
    from game.scenario.loader import load
    from game.scenario.report import events_report
    from ai.baseline import RandomAgent
    sc = load(name)
    return [render(m) for m in events_report(sc, seed, lambda w: {p: RandomAgent() for p in w.order})]


def test_events_report_says_what_each_event_changed_and_when_it_did_nothing(home):
    """An effect that sets what already is, and a policy the base's own event puts in force anyway, are warned
    about; a real closure is not; an event that never fires is named."""
    body = (event("closure", 2026, "close middle_corridor 2", title="Closure")
            + event("same_price", 2026, "set prices.oil 0.505", title="Same price")
            + event("ban", 2026, "policy export_controls china japan rare_earths", title="Ban")
            + '[events.never]\ntitle = "Never"\nnote = "n"\nsource = "t"\nyear = 2026\n'
              'when = ["economies.kazakhstan.stability < 1"]\n')
    write(home, "report", body, end=2028)
    lines = report("report")
    assert lines[0] == 'Events report for "report", seed 2:'
    text = "\n".join(lines)
    closure = text.split('"Closure" (closure)')[1].split("\n2")[0]
    assert "Middle Corridor" in closure and "closes for 2 years" in closure and "Operating -> Disrupted" in closure and "warning" not in closure
    same = text.split('"Same price" (same_price)')[1].split("\n2")[0]
    assert "0.505 -> 0.505" in same and "changed nothing" in same
    ban = text.split('"Ban" (ban)')[1].split("\n2")[0]
    assert "warning: the control game" in ban and "end of 2026" in ban, ban
    assert 'warning: the scenario\'s event "Never" (never) never fired in this game.' in lines


def test_simulate_prints_the_events_report(home, capsys):
    write(home, "short", event("closure", 2026, "close middle_corridor 2", title="Closure"), end=2027)
    assert cli.main(["simulate", "--scenario", "short", "--games", "1", "--agent", "random", "--events-report"]) == 0
    out = capsys.readouterr().out
    assert 'Events report for "short", seed 1:' in out and '2026: "Closure" (closure)' in out


LATE = 'format_version = 1\nextends = "2015"\n[scenario]\nid = "late"\ntitle = "Late"\nstart_year = {start}\n{extra}'


def test_a_later_start_names_the_base_figures_it_carries_unchanged(home):
    """Starting in 2021 on the 2015 base: one warning, at the file's start_year line, naming the 2015 figures kept
    that no yearly series gives (treasuries); a figure the file sets itself is no longer named; starting in the
    base's year warns nothing."""
    from game.scenario.loader import carried_figures, load
    from game.scenario.source import resolve
    (home / "late.toml").write_text(LATE.format(start=2021, extra=""))
    kept = carried_figures(resolve("late"))
    assert "world.prices.oil" in kept and "economies.kazakhstan.gdp" in kept and "powers.japan.treasury" in kept
    sc = load("late")
    unseries = [k for k in kept if k not in {t.key for t in sc.series}]
    said = [w for w in sc.warnings if w.key == "scenario.start_year" and "2015 figures" in str(w.message)]
    assert len(said) == 1 and said[0].line == 6 and said[0].path == str(home / "late.toml")
    assert f"(and {len(unseries) - 6} more)" in str(said[0].message) and unseries[0] in str(said[0].message)
    (home / "late.toml").write_text(LATE.format(start=2021, extra="[powers.japan]\ntreasury = 4.0\n"))
    assert "powers.japan.treasury" not in carried_figures(resolve("late"))
    assert len(carried_figures(resolve("late"))) == len(kept) - 1
    assert any("2015 figures" in s for s in sentences("late"))
    (home / "late.toml").write_text(LATE.format(start=2015, extra=""))
    assert not [w for w in load("late").warnings if "figures" in str(w.message)]


def test_event_cards_say_what_the_event_does():
    """The event card in game lists its effects in words; a card with no effect says nothing more."""
    from game.scenario.loader import load
    from game.ui.dialogs import EventCardsScene
    w = load("scenarios/examples/caspian_crisis.toml").world
    card = EventCardsScene(w, ("caspian_blockade",))
    said = card.effects(card.cards[0])
    assert said.startswith("What it does: Middle Corridor") and "closes for 2 years" in said
    assert "tension between China and Japan rises by 0.05" in said
    assert card.effects(type(card.cards[0])("x", "t", "n", "s")) == ""


def test_measures_are_shown_with_the_precision_they_deserve():
    """--explain and the events report show each figure as its measure is read: stability as a whole number, trust
    to two decimals, money as money, shares as percentages, prices to three digits, big amounts grouped; the
    language's separators; the record's ids as names."""
    from game import text
    from game.scenario.explain import measure
    from game.scenario.loader import load
    from game.scenario.report import recorded
    shown = {path: render(measure(path, v)) for path, v in (
        ("economies.kazakhstan.stability", 60.923), ("trust.kazakhstan.japan", 0.6543), ("economies.kazakhstan.gdp", 184.4),
        ("economies.kazakhstan.tolerance", 0.45), ("prices.oil", 0.47134), ("economies.kazakhstan.reserves.oil", 3900000.0),
        ("corridors.middle_corridor.build_years", 4.0), ("economies.kazakhstan.production.oil", 74.44))}
    assert shown == {"economies.kazakhstan.stability": "61", "trust.kazakhstan.japan": "0.65", "economies.kazakhstan.gdp": "$184bn",
                     "economies.kazakhstan.tolerance": "45%", "prices.oil": "0.471", "economies.kazakhstan.reserves.oil": "3,900,000",
                     "corridors.middle_corridor.build_years": "4", "economies.kazakhstan.production.oil": "74.4"}
    w = load("2015").world
    trust = recorded(w, ("trust", "*", "japan", "0.05"), "kazakhstan:0.600 kyrgyzstan:0.655")
    assert render(trust) == "Kazakhstan 0.6, Kyrgyzstan 0.66"
    assert render(recorded(w, ("add", "economies.uzbekistan.stability", "5"), "55.9234")) == "56"
    assert render(recorded(w, ("close", "middle_corridor", "2"), "operating")) == "Operating"
    assert render(recorded(w, ("add", "economies.uzbekistan.stability", "5"), "not a number")) == "not a number"
    text.set_language("ru")
    assert render(trust) == "Казахстан: 0,6, Киргизия: 0,66" and render(measure("trust.kazakhstan.japan", 0.6543)) == "0,65"
    text.set_language("ja")
    assert render(trust) == "カザフスタン 0.6、キルギス 0.66"


def test_a_later_start_explains_stability_as_a_whole_number(home):
    """Starting 2015's game in 2020, --explain says what the yearly series did to each state's stability in whole
    numbers (65 in the base, 62 for 2020), as the game shows stability, never 61.968."""
    import re

    from game.scenario.explain import explain
    (home / "late.toml").write_text(LATE.format(start=2020, extra="[short]\nrounds = [2021]\nend_year = 2021\n"))
    said = [render(m) for m in explain("late") if "stability" in render(m)]
    assert len(said) == 5, said
    assert all(re.search(r"stability from the yearly series: \d+ in the base, \d+ for 2020,", s) for s in said), said


def test_an_events_conditions_are_explained_in_words_not_paths():
    """--explain names what each condition reads and compares in the reader's language: a corridor's state,
    a number with its measure, membership of a forum; never the raw "path op value"."""
    from game import text
    from game.model import EventDef
    from game.scenario.explain import when_text
    from game.scenario.loader import load
    w = load("1992").world
    ev = EventDef("x", "t", "n", "s", year=1995, when=(("corridors.cpc.status", "!=", "operating"),
                                                      ("risks.middle_east", ">", 0.2),
                                                      ("forums.csto.members", "lacks", "uzbekistan")))
    said = render(when_text(w, ev))
    assert "corridors." not in said and "risks." not in said and "!=" not in said
    assert "is not operating" in said and "supply risk is above 0.2" in said
    assert "Uzbekistan is not a member of" in said
    text.set_language("ja")
    try:
        said = render(when_text(w, ev))
        assert "ウズベキスタンが" in said and "加盟国でない" in said and "を超える" in said
    finally:
        text.set_language("en")
