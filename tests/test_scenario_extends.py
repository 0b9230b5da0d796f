"""Inheritance (`extends`, merging by id, `remove`), the user folder and the catalog."""
from __future__ import annotations

import pytest

from game.scenario.catalog import list_scenarios
from game.scenario.loader import load, validate
from game.scenario.source import find, user_dir
from tests.scenario_helpers import BASE_TEXT, changed, line_of

HEAD = 'format_version = 1\nextends = "{base}"\n[scenario]\nid = "{id}"\ntitle = "T"\n'


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty user folder under $HEARTLAND_HOME."""
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path / "home"))
    folder = user_dir()
    folder.mkdir(parents=True)
    return folder


def test_user_dir_follows_heartland_home(home, tmp_path):
    """$HEARTLAND_HOME/scenarios is the user folder."""
    assert home == tmp_path / "home" / "scenarios"


def test_override_only_what_is_named(home):
    """A child changes one key of one corridor; every other key and table comes from the base."""
    (home / "mine.toml").write_text(HEAD.format(base="2015", id="mine") + "[corridors.cpc]\ncapacity = 99.0\n")
    w, base = load("mine").world, load("2015").world
    assert w.corridors["cpc"].capacity == 99.0
    assert w.corridors["cpc"].name == base.corridors["cpc"].name and w.corridors["cpc"].path == base.corridors["cpc"].path
    assert list(w.corridors) == list(base.corridors) and w.powers == base.powers


def test_tables_merge_by_id_and_new_items_are_added(home):
    """A new corridor and a new event join the inherited ones."""
    extra = ('[corridors.new_rail]\nname = "New"\nmode = "rail"\npath = ["kazakhstan", "china"]\ngoods = ["oil"]\n'
             'markets = ["china"]\ncapacity = 5.0\nunit_cost = 0.05\nstatus = "planned"\nbuild_cost = 1.0\nbuild_years = 2\n'
             '[events.new_card]\ntitle = "A card"\nnote = "Only a card is shown; nothing changes."\nsource = "test"\nyear = 2016\n')
    (home / "mine.toml").write_text(HEAD.format(base="2015", id="mine") + extra)
    w = load("mine").world
    assert "new_rail" in w.corridors and "cpc" in w.corridors
    assert [e.id for e in w.events][-1] == "new_card" and len(w.events) == len(load("2015").world.events) + 1


def test_remove_deletes_inherited_items(home):
    """`remove` takes out whole items and single keys."""
    text = HEAD.format(base="2015", id="mine").replace('\n[scenario]', '\nremove = ["events.covid", "corridors.tapi", "powers.japan.agenda.un_support"]\n[scenario]')
    (home / "mine.toml").write_text(text)
    w = load("mine").world
    assert "covid" not in [e.id for e in w.events] and "tapi" not in w.corridors
    assert "un_support" not in w.powers["japan"].agenda and "influence" in w.powers["japan"].agenda


def test_extends_a_relative_path_and_a_chain(tmp_path, home):
    """A file may extend a file next to it, which extends a shipped scenario."""
    (tmp_path / "a.toml").write_text(HEAD.format(base="2025", id="a") + "[powers.japan]\ntreasury = 9.0\n")
    (tmp_path / "b.toml").write_text(HEAD.format(base="a.toml", id="b") + "[powers.china]\ntreasury = 1.0\n")
    sc = load(str(tmp_path / "b.toml"))
    assert sc.world.powers["japan"].treasury == 9.0 and sc.world.powers["china"].treasury == 1.0
    assert sc.world.start_year == 2025 and len(sc.files) == 3


def test_extends_an_id_in_the_user_folder(home, tmp_path):
    """`extends = "mine"` finds mine.toml in the user folder."""
    (home / "mine.toml").write_text(HEAD.format(base="2015", id="mine") + "[powers.japan]\ntreasury = 7.0\n")
    (tmp_path / "x.toml").write_text(HEAD.format(base="mine", id="x"))
    assert load(str(tmp_path / "x.toml")).world.powers["japan"].treasury == 7.0
    assert find("mine") == home / "mine.toml"


def test_error_in_a_base_points_into_the_base(tmp_path, home):
    """A bad value inherited from a base is reported in the base file, at its line."""
    base = changed("stability = 65.0", "stability = 650.0")
    (tmp_path / "base.toml").write_text(base)
    (tmp_path / "child.toml").write_text(HEAD.format(base="base.toml", id="child"))
    err = [e for e in validate(str(tmp_path / "child.toml")) if e.key == "economies.kazakhstan.stability"][0]
    assert err.path.endswith("base.toml") and err.line == line_of(base, "stability = 650.0")


def test_fixing_a_base_error_in_the_child(tmp_path, home):
    """A child that overrides the bad key hides the base's mistake."""
    (tmp_path / "base.toml").write_text(changed("stability = 65.0", "stability = 650.0"))
    (tmp_path / "child.toml").write_text(HEAD.format(base="base.toml", id="child") + "[economies.kazakhstan]\nstability = 60.0\n")
    assert validate(str(tmp_path / "child.toml")) == []


def test_shortened_game_drops_inherited_late_events_quietly(home):
    """Ending earlier than the base does not make inherited later events an error."""
    (home / "short.toml").write_text(HEAD.format(base="2015", id="short") + "end_year = 2019\n")
    assert validate("short") == []
    assert load("short").world.end_year == 2019


def test_new_event_outside_the_years_is_an_error(home):
    """An event the child adds outside the years is reported."""
    (home / "late.toml").write_text(HEAD.format(base="2015", id="late") +
                                    '[events.late]\ntitle = "Late"\nnote = "Too late."\nsource = "test"\nyear = 2040\n')
    errors = validate("late")
    assert [e.key for e in errors] == ["events.late.year"] and errors[0].path.endswith("late.toml")


def test_catalog_lists_shipped_examples_and_user_files(home):
    """The setup screen's list: shipped, examples, then user files; a broken one carries its first error."""
    (home / "mine.toml").write_text(HEAD.format(base="2015", id="mine"))
    (home / "broken.toml").write_text(changed("treasury = 2.0 ", "treasure = 2.0 "))
    (home / "blob.toml").write_bytes(b"\x00\x01")
    (home / "copy.toml").write_text(BASE_TEXT)
    infos = {i.path.rsplit("/", 1)[-1]: i for i in list_scenarios()}
    assert infos["2025.toml"].title == "Rare Earth Crunch" and infos["2025.toml"].start_year == 2025
    assert infos["2025.toml"].error == "" and infos["1992.toml"].end_year == 2004
    assert infos["caspian_crisis.toml"].error == ""
    assert infos["mine.toml"].error == "" and infos["mine.toml"].start_year == 2015
    assert "treasure" in infos["broken.toml"].error and infos["broken.toml"].error.count("\n") == 0
    assert "binary" in infos["blob.toml"].error
    assert infos["copy.toml"].error == "" and any("also the id of" in w for w in infos["copy.toml"].warnings)
    assert infos["2015.toml"].teaching_notes.startswith("Watch three things")


def test_catalog_without_a_user_folder(tmp_path, monkeypatch):
    """No user folder is fine: only the shipped scenarios and examples are listed."""
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path / "nowhere"))
    ids = [i.id for i in list_scenarios()]
    assert ids[:3] == ["1992", "2015", "2025"] and all(not i.error for i in list_scenarios())


def test_personalities_pass_through(home):
    """[personalities.<power>] tables reach the Scenario unchanged."""
    (home / "p.toml").write_text(HEAD.format(base="2015", id="p") +
                                 '[personalities.china]\npersonality = "hawk"\ndifficulty = "hard"\n')
    base = load("2015").personalities
    assert load("p").personalities == {**base, "china": {"personality": "hawk", "difficulty": "hard"}}
