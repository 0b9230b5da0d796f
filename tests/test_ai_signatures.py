"""Each personality shows its signature in a small fixture built from the 2015 World."""
from attrs import evolve

from game.model import Item
from game.model.ops import put
from game.rules import actions as A
from game.rules.legal import contract_item
from tests.ai_fixtures import aid, controls_on, decide, pending, scenario, with_share


def test_kazakhstan_refuses_a_deal_that_puts_a_power_above_its_tolerance():
    world = scenario().world
    near = with_share(world, "kazakhstan", "china", 0.445)
    far = with_share(world, "kazakhstan", "china", 0.30)
    offer = [aid("grant", 1.0)]
    refused = decide(pending(near, "china", "kazakhstan", offer), "kazakhstan")
    taken = decide(pending(far, "china", "kazakhstan", offer), "kazakhstan")
    assert isinstance(refused.action, A.Reject)
    assert isinstance(taken.action, A.Accept)
    assert "above the 45% it tolerates" in str(refused.reason)
    assert refused.terms["share_after"] > refused.terms["tolerance"] > refused.terms["share_before"]


def test_japan_takes_the_middle_corridor_contract_at_a_premium_under_chinas_export_controls():
    world = scenario().world
    world = evolve(world, trust=put(world.trust, "kazakhstan", {**world.trust["kazakhstan"], "japan": 0.7}))
    item = contract_item(world, "kazakhstan", "japan", "rare_earths", "middle_corridor", 1.3)
    ask = [aid("grant", 0.8)]
    pressed = decide(pending(controls_on(world, "china", "japan", "rare_earths"), "kazakhstan", "japan", [item], ask), "japan")
    calm = decide(pending(world, "kazakhstan", "japan", [item], ask), "japan")
    assert isinstance(pressed.action, A.Accept), pressed.reason
    assert isinstance(calm.action, A.Reject), calm.reason
    assert "avoids China" in str(pressed.reason) and "export controls" in str(pressed.reason)


def test_china_puts_nothing_on_the_route_and_answers_by_its_projected_points():
    """China has no route habit: it takes the deal only when its projected objective points
    (ai.race) beat the money it pays at its money price (it does not hoard: money is cheap to it)."""
    world = controls_on(scenario().world, "china", "japan", "rare_earths")
    item = contract_item(world, "kazakhstan", "china", "rare_earths", "china_rail", 1.3)
    for grant in (0.8, 4.0):
        answer = decide(pending(world, "kazakhstan", "china", [item], [aid("grant", grant)]), "china")
        assert answer.terms["route"] == 0.0
        assert isinstance(answer.action, A.Accept) == (answer.terms["total"] > 0), answer.reason


def test_turkmenistan_turns_down_a_bloc_that_kazakhstan_accepts():
    """Turkmenistan's neutrality refuses any bloc by rule; Kazakhstan weighs it. With its autonomy race set aside
    (dealt another race) it takes US$ 3 bn for the statement; with that race in play (and its GDP race gone from
    2015, autonomy is a third of its races) the autonomy the bloc costs it outweighs any grant up to US$ 8 bn."""
    from game.model.ops import with_power
    world = scenario().world
    objs = world.powers["kazakhstan"].objectives
    racing = decide(pending(world, "china", "kazakhstan", [aid("grant", 3.0), Item("statement", against="japan")],
                            [Item("statement", against="japan")]), "kazakhstan")
    assert isinstance(racing.action, A.Reject) and racing.terms["race"] < 0, racing.reason
    world = with_power(world, "kazakhstan", objectives=tuple(o for o in objs if o.measure != "autonomy_gain"))
    bloc = [aid("grant", 3.0), Item("statement", against="japan")]
    tm = decide(pending(world, "china", "turkmenistan", bloc, [Item("statement", against="japan")]), "turkmenistan")
    kz = decide(pending(world, "china", "kazakhstan", bloc, [Item("statement", against="japan")]), "kazakhstan")
    assert isinstance(tm.action, A.Reject)
    assert "bloc" in str(tm.reason)
    assert isinstance(kz.action, A.Accept), kz.reason


def test_uzbekistan_is_closed_before_its_opening_year_and_open_after():
    world = scenario().world
    offer = [aid("grant", 1.0)]
    closed = decide(pending(world, "japan", "uzbekistan", offer), "uzbekistan")
    from attrs import evolve
    opened = decide(pending(evolve(world, year=2017), "japan", "uzbekistan", offer), "uzbekistan")
    assert isinstance(closed.action, A.Reject) and "closed" in str(closed.reason)
    assert isinstance(opened.action, A.Accept), opened.reason


def test_kyrgyzstan_fears_debt_more_than_kazakhstan():
    world = scenario().world
    loan = [aid("loan", 0.6)]
    kg = decide(pending(world, "china", "kyrgyzstan", loan), "kyrgyzstan")
    kz = decide(pending(world, "china", "kazakhstan", loan), "kazakhstan")
    assert isinstance(kg.action, A.Reject) and "debt" in str(kg.reason)
    assert isinstance(kz.action, A.Accept)


def test_china_reaches_for_export_controls_only_under_pressure_and_only_when_they_pay():
    """The card's habit holds only under tension with Japan; even then China plays it only if
    its projected objective points (ai.race) do not fall (coercion chosen by the projection), less the
    risk of collapse it adds; on the brink (0.9, one card from the collapse level) it does not play it,
    since a regional collapse would lose China the game too (rule 23)."""
    from attrs import evolve

    from ai import projection as P
    from ai import race
    from ai.factory import make_agent
    from game.rules.play import apply
    world = evolve(scenario().world, phase="actions", turn=1, ap_left={p: 3 for p in scenario().world.order})
    tense_world = evolve(world, tension={**world.tension, "china|japan": 0.7})
    card = A.Policy("china", "export_controls", "japan", "rare_earths")
    for w, habit in ((world, None), (tense_world, 2.5)):
        agent = make_agent(w, "china", "normal", scenario().personalities)
        base = P.settle_goods(w)
        value, terms = agent.value(w, "china", card, base, race.parts(base, "china"), race.value(base, "china"))
        assert terms.get("habit") == habit
        if habit:
            assert "tension with Japan" in str(terms["card_rule"])
            risk = P.collapse_cost(w, apply(w, card)[0], card)
            assert 0 < risk < 1.0  # 0.8 after the card: about 0.13 points (COLLAPSE_DOUBT 0.03)
            assert abs(value - ((terms["delta"] if terms["delta"] < 0 else terms["delta"] + habit) - risk)) < 1e-9
        choice = decide(w, "china")
        played = isinstance(choice.action, A.Policy) and choice.action.card == "export_controls"
        assert not played or (habit and terms["delta"] >= 0), choice.reason
    brink = decide(evolve(world, tension={**world.tension, "china|japan": 0.9}), "china")
    assert not (isinstance(brink.action, A.Policy) and brink.action.card == "export_controls"), brink.reason


def test_japan_leads_with_technical_cooperation():
    from attrs import evolve
    world = evolve(scenario().world, phase="actions", turn=0, ap_left={p: 3 for p in scenario().world.order})
    choice = decide(world, "japan")
    assert isinstance(choice.action, A.Aid) and choice.action.kind == "tc", choice.reason
    assert "technical cooperation" in str(choice.reason)
