"""Scripted policies: trivial ways to play a seat, the yardsticks of `bench/agency.py`.

Each replaces the normal AI in one seat and must lose to it (GAME_V2.md targets):
`nothing` ends every turn; `summits` calls and attends summits and nothing else;
`aid` gives (a great power) or asks for (a C5 state) the largest aid on the menu;
`accept` accepts every offer and attends every summit; `sell2x` offers contracts for
all its output at twice the world price (a great power: asks to buy at twice the price).
"""
from __future__ import annotations

import random

from ai.base import Decision
from game.model import GREAT, Item, World
from game.rules import actions as A
from game.rules import geography
from game.rules.legal import contract_item
from game.rules.play import offers_made, validate


def _end(legal: list) -> Decision:
    return Decision(legal[-1])


def _first(legal: list, kind: type) -> A.Action | None:
    return next((a for a in legal if isinstance(a, kind)), None)


class Nothing:
    """Ends every turn (open offers lapse; invitations are answered by the default rule)."""

    def choose(self, view: World, legal: list, rng: random.Random) -> Decision:
        """End the turn."""
        return _end(legal)


class SummitsOnly:
    """Calls its forums' summits at the highest level and attends every summit; nothing else."""

    def choose(self, view: World, legal: list, rng: random.Random) -> Decision:
        """A summit call or a yes to an invitation, else end the turn."""
        calls = [a for a in legal if isinstance(a, A.Summit)]
        if calls:
            return Decision(max(calls, key=lambda a: a.level))
        yes = next((a for a in legal if isinstance(a, A.Attend) and a.yes), None)
        return Decision(yes) if yes else _end(legal)


class LargestAid:
    """A great power gives the largest aid on its menu; a C5 state asks each great power for a grant."""

    def choose(self, view: World, legal: list, rng: random.Random) -> Decision:
        """The largest aid action, chosen at random among equals, else end the turn."""
        aid = [a for a in legal if isinstance(a, A.Aid)]
        if aid:
            top = max(a.amount for a in aid)
            return Decision(rng.choice([a for a in aid if a.amount == top]))
        asks = [a for a in legal if isinstance(a, A.Propose) and not a.gives
                and any(i.kind == "aid" for i in a.asks)]
        return Decision(max(asks, key=lambda a: sum(i.amount for i in a.asks))) if asks else _end(legal)


class AcceptAll:
    """Accepts every offer and attends every summit; makes no move of its own."""

    def choose(self, view: World, legal: list, rng: random.Random) -> Decision:
        """Accept or attend, else end the turn."""
        yes = _first(legal, A.Accept) or next((a for a in legal if isinstance(a, A.Attend) and a.yes), None)
        return Decision(yes) if yes else _end(legal)


class SellDouble:
    """Offers contracts for all the seller's output at twice the world price, one per partner."""

    PRICE = 2.0

    def choose(self, view: World, legal: list, rng: random.Random) -> Decision:
        """The next contract offer at twice the price, else end the turn."""
        if view.phase != "diplomacy" or offers_made(view, view.current()) >= view.param("play.max_offers"):
            return _end(legal)
        for offer in self.offers(view, view.current()):
            if not validate(view, offer):
                return Decision(offer)
        return _end(legal)

    def offers(self, view: World, me: str):
        """Every contract offer it would make this year, to partners not yet asked."""
        asked = {o.receiver for o in view.offers.values() if o.sender == me and o.year == view.year}
        great = view.powers[me].kind == GREAT
        pairs = [(c, me) for c in view.c5()] if great else [(me, q) for q in view.great_powers()]
        for seller, buyer in pairs:
            if (buyer if not great else seller) in asked:
                continue
            for r, made in view.economies[seller].production.items():
                route = geography.routes(view, seller, r, buyer)[:1]
                if made <= 0 or not route:
                    continue
                item = contract_item(view, seller, buyer, r, route[0].id, self.PRICE)
                whole = Item("contract", resource=r, amount=round(made, 3), price_factor=self.PRICE,
                             years=item.years, corridor=item.corridor)
                target = seller if great else buyer
                for it in (whole, item):
                    yield A.Propose(me, target, (), (it,)) if great else A.Propose(me, target, (it,), ())


POLICIES = {"nothing": Nothing, "summits": SummitsOnly, "aid": LargestAid, "accept": AcceptAll,
            "sell2x": SellDouble}
