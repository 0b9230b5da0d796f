"""Small worlds for the AI tests, built from the 2015 scenario."""
from __future__ import annotations

import random

from attrs import evolve

from ai.factory import make_agent
from game.model import Item, Offer, Policy
from game.model.ops import put
from game.rules import objectives
from game.rules.legal import legal_actions, view_for
from game.scenario.loader import load


def scenario():
    """The shipped 2015 scenario, its measures at the start taken as `engine.start` takes them
    (every objective's gain counts from here; its objectives all kept, none dealt)."""
    sc = load("2015")
    return evolve(sc, world=evolve(sc.world, start_measures=objectives.measures(sc.world)))


def pending(world, sender: str, receiver: str, gives, asks=()):
    """The world in the answers phase with one offer waiting for `receiver`."""
    offer = Offer("o900", sender, receiver, tuple(gives), tuple(asks), world.year)
    return evolve(world, phase="answers", turn=world.order.index(receiver), offers={"o900": offer},
                  ap_left={p: 3 for p in world.order})


def with_share(world, c: str, p: str, target: float):
    """The world with p's influence share in c set to `target` (others scaled)."""
    inf = dict(world.influence[c])
    rest = sum(v for h, v in inf.items() if h != p)
    total = sum(inf.values())
    new = {h: (target * total if h == p else v / rest * (1 - target) * total) for h, v in inf.items()}
    return evolve(world, influence=put(world.influence, c, new))


def controls_on(world, actor: str, target: str, resource: str):
    """The world with `actor`'s export controls on `resource` to `target` in force."""
    pol = Policy("x900", "export_controls", actor, target, resource, "", world.year, 2)
    return evolve(world, policies=put(world.policies, "x900", pol))


def decide(world, power: str, difficulty: str = "normal", overrides=None, seed: int = 1):
    """The decision `power`'s agent takes now."""
    sc_over = overrides if overrides is not None else scenario().personalities
    agent = make_agent(world, power, difficulty, sc_over)
    return agent.choose(view_for(world, power), legal_actions(world, power), random.Random(seed))


def aid(kind: str, amount: float) -> Item:
    """An aid item."""
    return Item("aid", aid_kind=kind, amount=amount)
