"""The Central Asian levers are reachable on screen: tariffs and water in the action lists, transit and
water deals on the negotiation table."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from game.rules.actions import EndTurn
from tests.test_ui_flow import click, frame, home, make_app, start_game, top  # noqa: F401  (home: fixture)


def to_phase(app, s, me: str, phase: str) -> None:
    """Play the AIs (and end the human's turns) until `me` is to move in `phase`."""
    while top(app) != "GameScene":
        click(app, "next")
    while not (s.world.phase == phase and s.current() == me):
        if s.human_to_move():
            s.act(EndTurn(s.current()))
        else:
            s.ai_step()
    frame(app)
    while top(app) != "GameScene":
        click(app, "next")


def shot(app, name: str) -> None:
    """Save the screen when LEVER_SHOTS names a folder (used to make the docs' screenshots)."""
    folder = os.environ.get("LEVER_SHOTS")
    if folder:
        frame(app)
        pygame.image.save(app.screen, os.path.join(folder, f"{name}-{app.screen.get_width()}.png"))


def test_kyrgyzstan_sets_a_tariff_and_holds_its_river_from_the_action_lists(size=(1280, 720)):
    """Kyrgyzstan (human) opens Routes and picks a tariff, then Develop and holds the Syr Darya."""
    app = make_app(size)
    s = start_game(app, ("kyrgyzstan",))
    to_phase(app, s, "kyrgyzstan", "actions")
    click(app, "cat-build")
    assert top(app) == "ActionListScene"
    shot(app, "levers-routes")
    labels = [b.label for b in app.manager.top.buttons]
    assert any("transit fee" in str(t) for t in labels), labels
    pick = next(b.id for b in app.manager.top.buttons if "transit fee" in str(b.label) and b.enabled)
    click(app, pick)
    assert s.actions[-1].startswith("tariff kyrgyzstan"), s.actions[-1]
    frame(app)
    click(app, "cat-develop")
    assert top(app) == "ActionListScene"
    shot(app, "levers-water")
    labels = [str(b.label) for b in app.manager.top.buttons]
    assert any("Syr Darya" in t for t in labels), labels


def test_negotiation_table_offers_transit_and_water_items(size=(1280, 720)):
    """Uzbekistan (human) sees Water and Energy with Kyrgyzstan, and Transit with China."""
    app = make_app(size)
    s = start_game(app, ("uzbekistan",))
    to_phase(app, s, "uzbekistan", "diplomacy")
    click(app, "cat-negotiate")
    assert top(app) == "NegotiationScene"
    click(app, "to-kyrgyzstan")
    click(app, "kind-energy")
    frame(app)
    click(app, "add")
    click(app, "kind-water")
    click(app, "add")
    shot(app, "levers-nego-water")
    assert [i.kind for i in app.manager.top.gives] == ["energy"]
    assert [i.kind for i in app.manager.top.asks] == ["water"]
    assert app.manager.top.problems() == []
    click(app, "to-china")
    click(app, "kind-transit")
    shot(app, "levers-nego-transit")
    assert app.manager.top.draft["corridor"] in ("line_d", "cku_rail", "north_south")


def test_china_sends_a_consortium_deal_from_the_negotiation_table(size=(1280, 720)):
    """China (human) sends one deal buying every transit state's consent to a planned route; each party gets its part."""
    app = make_app(size)
    s = start_game(app, ("china",))
    to_phase(app, s, "china", "diplomacy")
    click(app, "cat-negotiate")
    shot(app, "levers-nego-pact")
    click(app, "pact0")
    assert s.actions[-1].startswith("pact china with"), s.actions[-1]
    parts = [o for o in s.world.offers.values() if o.sender == "china" and o.pact]
    assert len(parts) >= 2 and len({o.pact for o in parts}) == 1


def start_2025(app, humans):
    """A 2025 game (the consultative meeting founded) with `humans` at the screen."""
    from game.session import Seat, Session
    from game.scenario.loader import load
    from game.ui.game import GameScene
    w = load("2025").world
    s = Session.start(w, {p: Seat(p, p in humans) for p in w.order}, 3)
    app.manager.replace(GameScene(s))
    return s


def test_tajikistan_convenes_the_c5_meeting_and_russia_sets_entry(size=(1280, 720)):
    """Tajikistan (human) convenes the consultative meeting from Forums; Russia (human) finds the entry levels
    for migrants under Policy."""
    app = make_app(size)
    s = start_2025(app, ("russia",))
    to_phase(app, s, "russia", "actions")
    click(app, "cat-policy")
    assert top(app) == "ActionListScene"
    shot(app, "levers-entry")
    labels = [str(b.label) for b in app.manager.top.buttons]
    assert any("entry for migrants from Tajikistan" in t for t in labels), labels
    app = make_app(size)
    s = start_2025(app, ("tajikistan",))
    to_phase(app, s, "tajikistan", "actions")
    click(app, "cat-forums")
    assert top(app) == "ActionListScene"
    shot(app, "levers-convene")
    pick = next(b.id for b in app.manager.top.buttons if "Convene" in str(b.label) and b.enabled)
    click(app, pick)
    assert s.actions[-1].startswith("convene tajikistan"), s.actions[-1]


def test_negotiation_table_asks_for_debt_relief_and_a_quota(size=(1280, 720)):
    """Tajikistan (human) composes a write-down from China, then a migrant quota from Russia."""
    app = make_app(size)
    s = start_2025(app, ("tajikistan",))
    to_phase(app, s, "tajikistan", "diplomacy")
    click(app, "cat-negotiate")
    assert top(app) == "NegotiationScene"
    click(app, "to-china")
    click(app, "kind-debt")
    frame(app)
    click(app, "add")
    shot(app, "levers-nego-debt")
    assert [i.kind for i in app.manager.top.asks] == ["writedown"]
    assert app.manager.top.problems() == []
    click(app, "to-russia")
    click(app, "kind-quota")
    shot(app, "levers-nego-quota")
    assert app.manager.top.build_item()[0].kind == "quota"
