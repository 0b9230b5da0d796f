"""Haggling: an offer may be countered back and forth for a few rounds, each counter meeting the other side part-way.

An offer and the counters that answer it form a chain (each counter's `reply_to` is the
offer it answers). A chain holds at most `haggle.rounds` counters; the last one can only
be accepted or declined. The standard counter (the one the action menu and the AI put
forward) is

    first counter:  one step better for the counterer on every term it can move: aid it
                    receives + play.aid_step, aid it gives x (1 - haggle.aid_cut); the price
                    factor of a contract it sells + haggle.first_step, of one it buys
                    - haggle.first_step
    later counters: every amount x = mine + haggle.meet x (theirs - mine)

where `mine` is the counterer's own last terms in the chain and `theirs` the terms it now
answers (aid amounts and contract price factors; other items as they asked). So the two
sides close the gap round by round, and each side walks away (declines) when even its
own next step is not worth having to it (its walk-away point: the valuation rule's total
at zero), or when no round is left. A person may compose any counter within the rules.
Sources: 004_a1b4f633fd039a28.txt (the Kazakhstan-Japan deals of the Tokyo summit, prices and
who pays for the longer Black Sea route, were settled in talks), 003_7a4fb393b3879089.txt
(the G7's rare-earth price floor stalls on who bears the cost: talks that end without a deal).
"""
from __future__ import annotations

from game.model import Item, Offer, World
from game.model.ops import evolve


def chain(world: World, offer: Offer) -> list[Offer]:
    """The offer and the offers it answers, newest first (as far as the world still holds them)."""
    out = [offer]
    while out[-1].reply_to and out[-1].reply_to in world.offers and len(out) <= len(world.offers):
        out.append(world.offers[out[-1].reply_to])
    return out


def counters_in(world: World, offer: Offer) -> int:
    """How many counters the chain ending at `offer` already holds."""
    return len(chain(world, offer)) - 1


def may_counter(world: World, offer: Offer) -> bool:
    """Whether `offer` may still be countered: its chain holds fewer than `haggle.rounds` counters."""
    return counters_in(world, offer) < int(world.param("haggle.rounds"))


def ask_more(world: World, items: tuple[Item, ...], receiving: bool) -> tuple[Item, ...]:
    """The items one step better for the counterer: more aid received and less given, a dearer contract sold and
    a cheaper one bought."""
    return tuple(_better(world, i, receiving) for i in items)


def _better(world: World, i: Item, receiving: bool) -> Item:
    """One item one step better for the side that receives it (`receiving`) or gives it."""
    if i.kind == "aid":
        more = round(i.amount + world.param("play.aid_step"), 3)
        return evolve(i, amount=more if receiving else round(i.amount * (1 - world.param("haggle.aid_cut")), 3))
    if i.kind == "contract":  # a contract received is one the counterer buys
        step = world.param("haggle.first_step")
        return evolve(i, price_factor=round(i.price_factor + (-step if receiving else step), 2))
    return i


def _alike(a: Item, b: Item) -> bool:
    """Whether two items are the same term at (perhaps) different amounts or prices."""
    return evolve(a, amount=b.amount, price_factor=b.price_factor) == b


def meet(mine: tuple[Item, ...], theirs: tuple[Item, ...], share: float) -> tuple[Item, ...] | None:
    """`mine` moved `share` of the way toward `theirs`, item by item; None when the two are not the same terms."""
    if len(mine) != len(theirs) or not all(_alike(a, b) for a, b in zip(mine, theirs)):
        return None
    return tuple(evolve(b, amount=round(a.amount + share * (b.amount - a.amount), 3)) if b.kind == "aid" else
                 evolve(b, price_factor=round(a.price_factor + share * (b.price_factor - a.price_factor), 2))
                 if b.kind == "contract" else b
                 for a, b in zip(mine, theirs))


def standard_counter(world: World, offer: Offer) -> tuple[tuple[Item, ...], tuple[Item, ...]]:
    """(gives, asks) of the standard counter to `offer` by its receiver (the formula above)."""
    first = (ask_more(world, offer.asks, receiving=False), ask_more(world, offer.gives, receiving=True))
    mine = world.offers.get(offer.reply_to) if offer.reply_to else None
    if mine is None:
        return first
    share = world.param("haggle.meet")
    gives, asks = meet(mine.gives, offer.asks, share), meet(mine.asks, offer.gives, share)
    return first if gives is None or asks is None else (gives, asks)
