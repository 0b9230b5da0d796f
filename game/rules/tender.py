"""Concession tenders: a Central Asian state puts a deposit up for tender; great powers bid against each other.

A C5 state c opens a tender on a resource r it produces or holds reserves of (action
`tender`, one action point): the concession is a new mine of
`volume = tender.output_share x production[c, r]`, or for a deposit not yet mined
`tender.reserve_share x reserves[c, r]`, units a year, sold to the winner for `tender.years` years (one concession per resource in that
time; a tender nobody wins may be tried again `tender.retry_years` after it opened). The year after it opens, each
great power may bid once (an offer to c): a signing bonus (a grant, delivered like aid)
and the price factor it will pay, asking for the concession (offer item
`concession/r/volume/price/years`). c picks one bid by its own valuation of each, the
valuation rule's terms (money, hedging against the bidder's influence, trust in its
pledges, backlash): its whole-life worth to c is
`A(n) x volume x (netback at the bid's price - contracts.lock_in x price)` (new output: there
is no other sale it gives up). Accepting a bid adds the mine to c's production, signs the
supply contract with the winner and closes the tender; every other bid fails. A tender
nobody wins lapses at the end of the bidding year.
Sources: 004_a1b4f633fd039a28.txt (Kazakhstan signs oil, gas, uranium and rare-earth deals
with Japan worth US$3.7bn beside its Chinese ones), 000_81351d1bb27a5d01.txt (the states
take money and technology from every side), 001_78d6b60161a582b5.txt (resources are the
tool with which the states balance the great powers and keep their sovereignty).
"""
from __future__ import annotations

from game.model import Item, Offer, Tender, World
from game.model.ops import evolve, put
from game.rules import contracts, geography, refining


def volume(world: World, c: str, r: str) -> float:
    """Units a year a new concession on c's resource r would produce."""
    eco = world.economies[c]
    made = eco.production.get(r, 0.0)
    if made > 0:
        return round(world.param("tender.output_share") * made, 3)
    return round(world.param("tender.reserve_share") * eco.reserves.get(r, 0.0), 3)


def tenderable(world: World, c: str) -> tuple[str, ...]:
    """The resources c could put up for tender (a positive concession volume), in its production order."""
    eco = world.economies[c]
    return tuple(r for r in dict.fromkeys((*eco.production, *eco.reserves)) if volume(world, c, r) > 0)


def bidding(world: World, t: Tender) -> bool:
    """Whether great powers may bid on t now: opened last year and not yet won."""
    return not t.winner and t.year == world.year - 1


def current(world: World, c: str, r: str) -> Tender | None:
    """c's tender on r opened this year or open for bids, if any."""
    return next((t for t in world.tenders.values() if t.host == c and t.resource == r and not t.winner
                 and t.year >= world.year - 1), None)


def blocked(world: World, c: str, r: str) -> bool:
    """Whether c may not tender r now: a tender on it is under way, one was won less than `tender.years` ago,
    or one nobody won closed less than `tender.retry_years` ago."""
    return current(world, c, r) is not None or any(
        t.host == c and t.resource == r
        and world.year - t.year <= world.param("tender.years" if t.winner else "tender.retry_years")
        for t in world.tenders.values())


def open_for_bids(world: World, c: str, r: str) -> Tender | None:
    """c's tender on r that takes bids now, if any."""
    t = current(world, c, r)
    return t if t is not None and bidding(world, t) else None


def open_tender(world: World, c: str, r: str, tid: str) -> World:
    """c opens tender `tid` on its resource r (bids come next year)."""
    t = Tender(tid, c, r, volume(world, c, r), int(world.param("tender.years")), world.year)
    return evolve(world, tenders=put(world.tenders, tid, t))


def standard_bids(world: World, t: Tender, bidder: str) -> list[tuple[tuple[Item, ...], tuple[Item, ...]]]:
    """The bids the menu offers for t, as (gives, asks): the concession at `tender.premium` over the world price
    with no bonus, then at the world price for a signing bonus of one aid step, doubled `tender.bonus_steps - 1` times."""
    step = world.param("play.aid_step")
    out = [((), (concession(world, t, round(1 + world.param("tender.premium"), 3)),))]
    for k in range(int(world.param("tender.bonus_steps"))):
        out.append(((Item("aid", aid_kind="grant", amount=round(step * 2 ** k, 6)),), (concession(world, t, 1.0),)))
    return out


def concession(world: World, t: Tender, price: float) -> Item:
    """The item a bid asks for: t's concession at the bid's price factor."""
    return Item("concession", resource=t.resource, amount=t.volume, price_factor=price, years=t.years)


def tender_of(world: World, c: str, item: Item) -> Tender | None:
    """The open tender of c that a concession item names (same resource, volume and years), if any."""
    t = open_for_bids(world, c, item.resource)
    return t if t is not None and abs(t.volume - item.amount) < 1e-9 and t.years == item.years else None


def is_bid(offer: Offer) -> bool:
    """Whether an offer is a bid in a tender (it asks for a concession)."""
    return any(i.kind == "concession" for i in offer.asks)


def rival_bids(world: World, offer: Offer) -> list[Offer]:
    """The pending bids in the same tender as `offer`, itself included, in the order they came."""
    r = next(i.resource for i in offer.asks if i.kind == "concession")
    return [o for o in world.offers.values() if o.receiver == offer.receiver and o.status == "pending" and is_bid(o)
            and any(i.kind == "concession" and i.resource == r for i in o.asks)]


def award(world: World, c: str, winner: str, item: Item) -> World:
    """c grants the concession to `winner`: the mine adds to c's production and the tender closes."""
    t = tender_of(world, c, item)
    eco = world.economies[c]
    prod = put(eco.production, item.resource, eco.production.get(item.resource, 0.0) + item.amount)
    world = evolve(world, economies=put(world.economies, c, evolve(eco, production=prod)))
    return evolve(world, tenders=put(world.tenders, t.id, evolve(t, winner=winner)))


def worth(world: World, c: str, buyer: str, item: Item) -> float:
    """Whole-life US$ bn a concession earns c: `A(n) x volume x (netback at the bid's price - contracts.lock_in x price)`."""
    found = geography.routes(world, c, item.resource, buyer)
    if not found:
        return 0.0
    unit = world.prices[item.resource] * refining.grade(world, c, item.resource)
    yearly = item.amount * (geography.netback(world, c, item.resource, found[0], item.price_factor)
                            - world.param("contracts.lock_in") * unit)
    return yearly * contracts.annuity(world, item.years)
