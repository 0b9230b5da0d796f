"""`new-scenario NAME --extends BASE`: a commented file in the user's folder that validates and plays as it is."""
from __future__ import annotations

import tomllib

import pytest

from game import cli, text
from game.scenario.loader import load


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty $HEARTLAND_HOME (the user scenarios folder does not exist yet)."""
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path / "home"))
    return tmp_path / "home" / "scenarios"


def test_the_template_validates_and_plays_as_it_is(home, capsys):
    """Create, validate (no problem, no warning), play one headless game: the example event fires."""
    from ai.baseline import RandomAgent
    from game.sim import play
    assert cli.main(["new-scenario", "lesson", "--extends", "2015"]) == 0
    path = home / "lesson.toml"
    assert str(path) in capsys.readouterr().out
    written = path.read_text("utf-8")
    assert written.count("\n# ") >= 8 and 'extends = "2015"' in written  # commented, on its base
    assert cli.main(["validate", "lesson"]) == 0 and capsys.readouterr().out.strip() == "lesson: ok"
    sc, base = load("lesson"), load("2015")
    assert sc.path == str(path) and sc.world.start_year == base.world.start_year
    game = play(sc.world, {p: RandomAgent() for p in sc.world.order}, 3)
    done = [h for h in game.final.happened if h[1] == "example_drought"]
    assert [h[0] for h in done] == [base.world.start_year + 1] * 2 and all(h[3] != h[4] for h in done)


def test_the_commented_keys_uncommented_hold_the_bases_values(home):
    """Remove every # before a key (except `remove`): the file still loads, with the base's values."""
    import re
    from game.scenario.template import often_changed
    assert cli.main(["new-scenario", "lesson"]) == 0
    path = home / "lesson.toml"
    opened = re.sub(r"^# (?!remove)([A-Za-z_][\w.\"|]* = .+)$", r"\1", path.read_text("utf-8"), flags=re.M)
    assert opened.count("\n# ") < path.read_text("utf-8").count("\n# ") - 8
    path.write_text(opened, "utf-8")
    sc, base = load("lesson"), load("2025")
    assert sc.world.prices == base.world.prices and sc.world.tension == base.world.tension
    tables = dict(often_changed(base))
    assert len(tables) == 4 and all(tables.values())
    for table, keys in tables.items():
        kind, item = table.split(".") if "." in table else (table, "")
        for key, _ in keys:
            if item:
                assert sc.raw[kind][item][key] == base.raw[kind][item][key], (table, key)


def test_refuses_to_overwrite_and_unsafe_names(home, capsys):
    """An existing file or id, or a name that is not a plain id: one sentence and exit 2, nothing written."""
    assert cli.main(["new-scenario", "mine"]) == 0
    before = (home / "mine.toml").read_text("utf-8")
    capsys.readouterr()
    for name in ("mine", "2015", "../escape", "a b", "x" * 80, "-dash"):
        assert cli.main(["new-scenario", "--", name] if name.startswith("-") else ["new-scenario", name]) == 2, name
        err = capsys.readouterr().err.strip()
        assert err and "\n" not in err and "Traceback" not in err, (name, err)
    assert (home / "mine.toml").read_text("utf-8") == before
    assert sorted(p.name for p in home.iterdir()) == ["mine.toml"]


def test_the_comments_follow_the_language_and_still_validate(home):
    """In Japanese the comments are Japanese; the file is the same scenario."""
    assert cli.main(["new-scenario", "nihon", "--lang", "ja"]) == 0
    assert text.language() == "ja"
    written = (home / "nihon.toml").read_text("utf-8")
    assert "シナリオ" in written and "example_drought" in written
    assert load("nihon").world.events[-1].id == "example_drought"
