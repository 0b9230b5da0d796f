"""Plausible but wrong scenarios: a warning naming file, line and key, shown by `validate` and the
setup screen, never blocking."""
from __future__ import annotations

import pytest

from game.scenario.loader import load, warnings
from tests.scenario_helpers import changed, line_of
from tests.test_harden_files import cli


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path / "home"))
    (tmp_path / "home" / "scenarios").mkdir(parents=True)
    return tmp_path / "home"


def warned(tmp_path, text: str, name: str = "w.toml") -> list:
    path = tmp_path / name
    path.write_text(text)
    load(str(path))  # warnings never block
    found = warnings(str(path))
    assert all(w.path == str(path) and w.line for w in found), [w.describe() for w in found]
    return found


CASES = {
    "stability 0.75 where 0-100 is meant": (
        ("stability = 65.0             # plausible", "stability = 0.75"), "economies.kazakhstan.stability", "unit"),
    "a negative price scale": (
        ('effects = ["scale prices.oil 0.6"', 'effects = ["scale prices.oil -0.6"'), "events.covid.effects", "negative"),
    "a railway from Kazakhstan straight to Japan": (
        ('path = ["kazakhstan", "china"]', 'path = ["kazakhstan", "japan"]'), "path", "share no border or sea"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_plausible_but_wrong_values_are_warned_about(tmp_path, name):
    (old, new), key, needle = CASES[name]
    text = changed(old, new)
    found = warned(tmp_path, text)
    assert any(key in w.key and needle in w.text for w in found), [w.describe() for w in found]
    w = next(w for w in found if key in w.key)
    assert w.line == line_of(text, new.split(" #")[0][:25])


def test_a_policy_with_actor_and_target_swapped(tmp_path):
    text = changed("[economies.kazakhstan]", '[policies.swapped]\ncard = "export_controls"\nactor = "japan"\n'
                   'target = "china"\nresource = "rare_earths"\n\n[economies.kazakhstan]')
    found = warned(tmp_path, text)
    assert any(w.key == "policies.swapped.actor" and "swapped" in w.text for w in found)


def test_a_later_start_that_drops_an_event_others_wait_for(home, tmp_path):
    text = ('format_version = 1\nextends = "1992"\n[scenario]\nid = "late"\ntitle = "Late"\nstart_year = 1998\n')
    found = warned(tmp_path, text)
    assert any(w.key == "scenario.start_year" and w.line == 6 and "shanghai_five" in w.text
               and "sco_founded" in w.text for w in found), \
        [w.describe() for w in found]


def test_two_files_with_one_id_are_treated_alike_everywhere(home, tmp_path):
    from game.scenario.catalog import list_scenarios
    twin = home / "scenarios" / "twin.toml"
    twin.write_text(changed('title = "Belt and Road"', 'title = "Twin"'))
    found = warned(tmp_path, twin.read_text(), name="copy.toml")
    assert any(w.key == "scenario.id" and "2015.toml" in w.text for w in found)
    listed = {i.title: i for i in list_scenarios()}
    assert not listed["Twin"].error and any("also the id of" in w for w in listed["Twin"].warnings)
    assert listed["Belt and Road"].warnings == ()
    out = cli("validate", str(twin), home=home)
    assert out.returncode == 0 and "warning: scenario.id" in out.stdout and "ok (1 warning)" in out.stdout
    from game.scenario.source import SCENARIO_DIR, find
    assert find("2015") == SCENARIO_DIR / "2015.toml"  # by id (simulate, saves), the file the warning names


def test_shipped_scenarios_have_no_warnings():
    for sid in ("1992", "2015", "2025", "scenarios/examples/japan_first.toml",
                "scenarios/examples/caspian_crisis.toml"):
        assert warnings(sid) == [], sid


def test_the_setup_screen_shows_the_warnings(home, tmp_path, monkeypatch):
    import pygame
    from game.scenario.catalog import list_scenarios
    from game.ui import setup as setup_module
    (home / "scenarios" / "odd.toml").write_text(
        changed('id = "2015"', 'id = "odd"').replace('title = "Belt and Road"', 'title = "Odd"', 1)
        .replace("stability = 65.0             # plausible", "stability = 0.75", 1))
    pygame.display.init()
    pygame.font.init()  # left running: other tests keep fonts made with it
    from game.ui.app import App, Settings
    for size in ((1280, 720), (1920, 1080)):
        screen = pygame.display.set_mode(size)
        app = App(screen, Settings(*size), tmp_path / "settings.json")
        scene = setup_module.SetupScene()
        app.manager.push(scene)
        titles = [i.title for i in scene.scenarios]
        scene.choose(titles.index("Odd"))
        drawn = []
        real = setup_module.theme.paragraph
        monkeypatch.setattr(setup_module.theme, "paragraph",
                            lambda surface, text, *a, **k: (drawn.append(text), real(surface, text, *a, **k))[1])
        app.step(0.0, [])
        monkeypatch.setattr(setup_module.theme, "paragraph", real)
        assert any("Author's warning" in t and "stability" in t for t in drawn)
        pygame.image.save(screen, str(tmp_path / f"setup-warning-{size[0]}.png"))
    assert any(i.warnings for i in list_scenarios() if i.title == "Odd")


def test_an_event_that_waits_for_an_optional_one_is_warned_about(home, tmp_path):
    """An author's event that waits for an optional event (on in historical games only) would never fire in
    other games: `validate` says so, naming the line of its `after`; made optional too, it is not warned about."""
    event = ('[events.iran_talks]\ntitle = "Talks"\nnote = "Iran and Turkmenistan talk about the debt."\n'
             'source = "test"\nyear = 2019\nafter = "iran_gas_cut"\neffects = ["add economies.turkmenistan.stability 1"]\n')
    text = 'format_version = 1\nextends = "2015"\n[scenario]\nid = "talks"\ntitle = "Talks"\n' + event
    found = [w for w in warned(tmp_path, text) if "iran_gas_cut" in w.text]
    assert [(w.key, w.line) for w in found] == [("events.iran_talks.after", line_of(text, 'after = "iran_gas_cut"'))]
    assert "never fires" in found[0].text
    optional = text.replace('year = 2019\n', 'year = 2019\noptional = true\n')
    assert not [w for w in warned(tmp_path, optional, "o.toml") if "iran_gas_cut" in w.text]
    out = cli("validate", str(tmp_path / "w.toml"), home=home)
    assert out.returncode == 0 and "warning: events.iran_talks.after" in out.stdout
