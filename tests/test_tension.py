"""Rule 23, tension by play: each move acting, crisis cards on crossing, collapse, the AI's caution, determinism."""
from __future__ import annotations

import re

import pytest

from ai import projection as P
from game import engine
from game.cli import main
from game.model import CrisisDef, Item, Offer
from game.model.ops import evolve
from game.rules import actions as A
from game.rules import tension
from game.rules.play import apply
from game.scenario.loader import load, validate
from tests.scenario_helpers import ROOT, changed, last_json_under_hash_seeds, line_of
from tests.worlds import at_turn, corridor, tiny

DOC = (ROOT / "docs" / "scenarios.md").read_text(encoding="utf-8")


def played(world, action):
    """The world after `action` through the engine's step (which notes the year's tension moves)."""
    return engine.step(world, action)[0]


def test_tension_rises_after_coercion():
    """Export controls by China on Japan: China-Japan tension rises by `tension.coercion`; the pair that did not
    coerce (Japan-Russia) eases by `tension.restraint`."""
    w = at_turn(tiny(), "china", "actions")
    after = played(w, A.Policy("china", "export_controls", "japan", "rare_earths"))
    assert ("china", "coerce", "japan") in after.moves
    settled = tension.settle(after)
    assert settled.tension["china|japan"] == pytest.approx(0.2 + w.param("tension.coercion"))
    assert settled.tension["japan|russia"] == pytest.approx(0.2 - w.param("tension.restraint"))
    assert settled.moves == ()


def test_tension_falls_after_a_summit_of_a_forum_both_belong_to():
    """China convenes the SCO, of which Russia is a member: China-Russia tension falls (summit and restraint)."""
    w = at_turn(tiny(), "china")
    after = played(w, A.Summit("china", "sco", 1))
    assert after.moves == (("china", "summit", "russia"),)
    drop = w.param("tension.summit") + w.param("tension.restraint")
    assert tension.settle(after).tension["china|russia"] == pytest.approx(0.1 - drop)


def test_a_deal_between_great_powers_lowers_their_tension_and_a_statement_against_a_rival_raises_it():
    w = tiny()
    deal = Offer("o1", "japan", "china", (Item("aid", aid_kind="grant", amount=0.2),), (), 2025)
    bloc = Offer("o2", "japan", "kazakhstan", (Item("aid", aid_kind="grant", amount=0.2),),
                 (Item("statement", against="russia"),), 2025)
    before = evolve(w, offers={"o1": deal, "o2": bloc})
    after = evolve(before, offers={k: evolve(o, status="accepted") for k, o in before.offers.items()})
    made = tension.moves_of(before, after, A.Accept("china", "o1"))
    assert ("japan", "deal", "china") in made and ("japan", "bloc", "russia") in made
    moved = tension.change(evolve(w, moves=tuple(made)))
    assert moved["china|japan"] == pytest.approx(-w.param("tension.deal") - w.param("tension.restraint"))
    assert moved["japan|russia"] == pytest.approx(w.param("tension.bloc") - w.param("tension.restraint"))


def test_a_route_built_to_bypass_rivals_raises_tension_with_them():
    """Japan builds a Caspian line from Kazakhstan for oil that China's and Russia's routes carry: a route grab."""
    caspian = corridor("caspian", ("kazakhstan", "azerbaijan"), ("japan", "world"), 0.09, ("azerbaijan",),
                       status="planned", build_cost=1.0, build_years=2, consents=("kazakhstan",))
    w = tiny(corridors={**tiny().corridors, "caspian": caspian})
    w = at_turn(w, "japan", "actions")
    after = played(w, A.Build("japan", "caspian"))
    assert sorted(q for a, k, q in after.moves if k == "route") == ["china", "russia"]
    assert tension.settle(after).tension["china|japan"] == pytest.approx(0.2 + w.param("tension.route")
                                                                         - w.param("tension.restraint"))


DECK = (CrisisDef("standoff", "sea_standoff", "src", tension=0.5, effects=(("add", "risks.malacca", "0.05"),)),
        CrisisDef("unrest", "bishkek_2020", "src", stability=30.0,
                  effects=(("add", "economies.kyrgyzstan.stability", "-4"),)))


def test_a_crisis_card_fires_when_the_track_crosses_its_threshold_and_only_once():
    rng = engine.rng(tiny(), "end", "crisis")
    calm = tiny(crises=DECK)
    assert tension.year_end(calm, rng)[1] is None
    hot = tiny(crises=DECK, tension={**calm.tension, "china|japan": 0.6})
    w, card, collapsed = tension.year_end(hot, rng)
    assert card.id == "standoff" and not collapsed
    assert "standoff" in w.fired and w.risks["malacca"] == pytest.approx(0.15)
    assert tension.fired_in(w, w.year) == ["standoff"]
    assert tension.year_end(w, rng)[1] is None  # spent


def test_a_stability_card_fires_when_the_region_weakens():
    rng = engine.rng(tiny(), "end", "crisis")
    weak = tiny(crises=DECK)
    weak = evolve(weak, economies={c: evolve(e, stability=25.0) for c, e in weak.economies.items()})
    assert tension.year_end(weak, rng)[1].id == "unrest"


def test_collapse_ends_the_game_and_everyone_loses():
    """A track at the collapse level in a year in which China coerced: the year ends in collapse, no winner."""
    w = tiny(phase="end", turn=-1, tension={"china|japan": 0.9, "japan|russia": 0.2, "china|russia": 0.1},
             moves=(("china", "coerce", "japan"),))
    done, log = engine.advance(w)
    assert done.status == "collapsed" and engine.winner(done) == ""
    assert "log.collapse_tension" in [e.key for e in log]
    assert done.record["track"] == pytest.approx(1.0)


def test_no_collapse_without_coercion_even_at_the_top():
    """Blocs and route grabs may push the track to the top; without coercion that year the game goes on."""
    w = tiny(phase="end", turn=-1, tension={"china|japan": 0.99, "japan|russia": 0.2, "china|russia": 0.1},
             moves=(("japan", "bloc", "china"), ("japan", "route", "china")))
    done, log = engine.advance(w)
    assert done.status == "playing" and done.year == w.year + 1
    assert tension.track(done) == 1.0
    assert "log.tension_warning" in [e.key for e in log]


def test_the_ai_counts_the_risk_of_collapse():
    """Coercion costs the AI points near the collapse threshold, hardly any far from it; calming moves are worth something."""
    def cost(level: float, action):
        w = at_turn(tiny(tension={"china|japan": level, "japan|russia": 0.2, "china|russia": 0.1}), "china", "actions")
        return P.collapse_cost(w, apply(w, action)[0], action)
    squeeze = A.Policy("china", "export_controls", "japan", "rare_earths")
    assert cost(0.3, squeeze) < 0.01
    assert cost(0.88, squeeze) > 5.0
    assert cost(0.88, squeeze) < P.COLLAPSE_POINTS
    # From the warning level a squeeze still costs under a point (COLLAPSE_DOUBT 0.03; 2.4 at 0.05): China may press
    # on to 0.85, where a surprise crisis card can tip the region (a few percent of 2025 games collapse).
    assert cost(0.75, squeeze) < 1.0


def test_the_documented_crisis_deck_validates(tmp_path, monkeypatch):
    """The crisis deck example of docs/scenarios.md loads without a problem or a warning."""
    monkeypatch.setenv("HEARTLAND_HOME", str(tmp_path / "home"))
    folder = tmp_path / "home" / "scenarios"
    folder.mkdir(parents=True)
    text = re.search(r"<!-- crisis deck example -->\n```toml\n(.*?)```", DOC, flags=re.S).group(1)
    (folder / "crisis_deck.toml").write_text(text, encoding="utf-8")
    sc = load("crisis_deck")
    assert sc.warnings == ()
    cards = {c.id: c for c in sc.world.crises}  # the base's deck, with the example's cards over it
    assert cards["c5_appeal"].weight == 2.0 and cards["contract_freeze"].tension == 0.75
    assert sc.world.param("tension.collapse") == 0.9


@pytest.mark.parametrize("sid", ["1992", "2015", "2025"])
def test_every_shipped_scenario_has_a_sourced_deck(sid):
    deck = load(sid).world.crises
    assert 3 <= len(deck) <= 5
    assert all(c.source and c.effects for c in deck)
    assert any(c.tension > 0 for c in deck) and any(c.stability > 0 for c in deck)


BAD = [  # (case, the card's lines after its text and source, key named, words in the sentence, the line named)
    ("both thresholds", "tension = 0.6\nstability = 30.0", "crises.bad", "exactly one threshold", "[crises.bad]"),
    ("no text", 'tension = 0.6\ntext = "no_such_card"', "crises.bad.text", "no_such_card", 'text = "no_such_card"'),
    ("bad effect", 'tension = 0.6\neffects = ["close nowhere 2"]', "crises.bad.effects", "nowhere", "effects = "),
]


@pytest.mark.parametrize("case,body,key,words,needle", BAD, ids=[b[0] for b in BAD])
def test_a_bad_crisis_card_is_named_by_file_line_and_key(tmp_path, case, body, key, words, needle, capsys):
    head = '[crises.bad]\nsource = "test"\n' + ("" if "text =" in body else 'text = "sea_standoff"\n')
    text = changed("[events.", head + body + "\n\n[events.")
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    hit = [e for e in validate(str(path)) if e.key == key]
    assert hit and words in str(hit[0]), [str(e) for e in validate(str(path))]
    assert hit[0].line == line_of(text, needle)
    assert main(["validate", str(path)]) == 2
    assert "Traceback" not in capsys.readouterr().err


HOT_GAME = """
import json
from ai.factory import agents_for
from game import engine
from game.model.ops import evolve
from game.rules import tension
from game.scenario.loader import load
from game.sim import play
sc = load("2025", short=True)
w = evolve(sc.world, end_year=sc.world.start_year + 1, tension={**sc.world.tension, "china|japan": 0.78})
r = play(w, agents_for(w, "normal", sc.personalities), 5)
print(json.dumps([engine.world_hash(r.final), r.final.fired, [h["track"] for h in r.history]]))
"""


def test_the_arc_is_the_same_across_hash_seeds():
    """A hot 2025 start (crisis cards drawn) gives the same World, cards and track under different PYTHONHASHSEEDs."""
    outs = last_json_under_hash_seeds(HOT_GAME, ("3", "4242"))
    assert outs[0] == outs[1]
    assert any(c in outs[0][1] for c in ("contract_freeze", "c5_appeal", "strait_incident"))


def test_the_scoreboard_shows_the_track_its_warning_and_the_years_crises():
    """The scoreboard's tension rows: the track (marked past the warning level), each pair, the crisis cards drawn."""
    from game.ui import theme
    from game.ui.scoreboard import tension_rows
    w = tension.fire(tiny(crises=DECK, tension={"china|japan": 0.86, "japan|russia": 0.2, "china|russia": 0.1}), DECK[0])
    rows = tension_rows(w)
    assert rows[1].right == "86%" and rows[1].color == theme.VERMILLION and rows[1].bold
    assert [r.right for r in rows[2:5]] == ["86%", "20%", "10%"]
    assert any("Standoff at sea" in r.left for r in rows)
    calm = tension_rows(tiny(crises=DECK))
    assert calm[1].right == "20%" and not calm[1].bold and not any("Standoff" in r.left for r in calm)
