"""Validation and effects of each action: `validate` checks, `apply` assumes legal.

Each verb has a `check_<verb>(world, action) -> [reasons]` and a
`do_<verb>(world, action) -> (world, log)`; phases name which verbs they allow.
"""
from __future__ import annotations

from typing import Callable, Mapping

from attrs import frozen

from game.model.ops import evolve

from game.errors import IllegalAction
from game.model import AID_KINDS, GREAT, RESOURCES, Contract, Item, Offer, Pledge, Summit, World
from game.model import Policy as PolicyRecord
from game.model.ops import add_treasury, next_id, put, with_corridor, with_economy, with_forum
from game.rules import actions as A
from game.rules import (backlash, caucus, contracts, debt, dependence, economy, geography, haggle, hedging, institutions,
                        migration, phases, refining, tender, transit, water)
from game.rules.influence import per_gdp
from game.rules.log import Entry
from game.text import Msg, Ref, msg
from game.text import corridor as K
from game.text import forum as F
from game.text import power as P
from game.text import powers as Ps
from game.text import resource as R
from game.text import river

AP_COST = {"aid": 1, "build": 1, "upgrade": 1, "develop": 1, "refine": 1, "summit": 1,
           "join": 1, "leave": 1, "policy": 1, "tariff": 1, "water": 1, "tender": 1, "convene": 1, "entry": 1}


@frozen
class Card:
    """A policy card: what it needs named, what it costs, how long it lasts."""

    needs: tuple[str, ...]
    cost: float = 0.0
    years_param: str = ""  # parameter giving how long it stays in force ("" = until the game ends)
    coercive: bool = False


CARDS: dict[str, Card] = {
    "export_controls": Card(("target", "resource"), 0.0, "dependence.control_years", True),
    "transit_pressure": Card(("corridor",), 0.0, "dependence.control_years", True),
    "deep_sea": Card(("resource",), 1.0),
    "recycling": Card(("resource",), 0.5),
    "re_alliance": Card((), 0.3),
}


def _funds(world: World, p: str, cost: float) -> list[Msg]:
    free = economy.free_funds(world, p)
    return [] if cost <= free + 1e-9 else [msg("illegal.funds", actor=P(world, p), free=free, cost=cost)]


def _c5(world: World, pid: str, role: str) -> list[Msg]:
    if pid not in world.economies:
        return [msg("illegal.must_be_c5", role=msg(f"role.{role}"), id=pid)]
    return []


def _great(world: World, pid: str, role: str) -> list[Msg]:
    if pid not in world.powers or world.powers[pid].kind != GREAT:
        return [msg("illegal.must_be_great", role=msg(f"role.{role}"), id=pid)]
    return []


def _no_corridor(kid: str) -> list[Msg]:
    return [msg("illegal.no_corridor", id=kid)]


# --- offers -------------------------------------------------------------------

_MADE: list = [None, 0, {}]  # memo: the last offers mapping seen, its year and the offers made that year by sender


def offers_made(world: World, p: str) -> int:
    """How many offers p has made this year (counters included; a multi-party pact counts once)."""
    if _MADE[0] is not world.offers or _MADE[1] != world.year:  # mappings are never mutated: identity is a safe key
        made: dict[str, set] = {}
        for o in world.offers.values():
            if o.year == world.year:
                made.setdefault(o.sender, set()).add(o.pact or o.id)
        _MADE[:] = [world.offers, world.year, {q: len(ids) for q, ids in made.items()}]
    return _MADE[2].get(p, 0)


def check_item(world: World, item: Item, giver: str, taker: str) -> list[Msg]:
    """Reasons `giver` cannot give `item` to `taker` (empty when it can)."""
    if item.kind == "aid":
        reasons = _great(world, giver, "aid_donor") + _c5(world, taker, "aid_recipient")
        if item.aid_kind not in AID_KINDS:
            reasons.append(msg("illegal.aid_kind", kind=item.aid_kind, kinds=tuple(Ref("aid", k) for k in AID_KINDS)))
        if item.amount <= 0:
            reasons.append(msg("illegal.aid_positive"))
        return reasons or _funds(world, giver, item.amount)
    if item.kind == "contract":
        return check_contract(world, giver, taker, item)
    if item.kind == "cofinance":
        reasons = _great(world, giver, "cofinancer")
        k = world.corridors.get(item.corridor)
        if k is None:
            return reasons + _no_corridor(item.corridor)
        if taker not in k.path and giver not in k.path:
            reasons.append(msg("illegal.not_crossing", corridor=K(world, k.id), country=P(world, taker)))
        if item.amount <= 0:
            reasons.append(msg("illegal.cofinance_positive"))
        return reasons or _funds(world, giver, item.amount)
    if item.kind == "statement":
        if item.against and item.against not in world.powers:
            return [msg("illegal.statement_target", id=item.against)]
        if item.against in (giver, taker):
            return [msg("illegal.statement_self")]
        return []
    if item.kind == "transit":
        return check_consent(world, giver, item)
    if item.kind == "concession":
        return check_concession(world, giver, taker, item)
    if item.kind == "water":
        return check_release(world, giver, taker, item)
    if item.kind == "energy":
        reasons = _c5(world, giver, "energy_supplier") + _c5(world, taker, "energy_buyer")
        if item.amount <= 0:
            reasons.append(msg("illegal.energy_positive"))
        return reasons or _funds(world, giver, item.amount)
    if item.kind in ("writedown", "grace"):
        return check_relief(world, giver, taker, item)
    if item.kind == "quota":
        return check_quota(world, giver, taker, item)
    return [msg("illegal.not_item", kind=item.kind)]


def check_relief(world: World, creditor: str, c: str, item: Item) -> list[Msg]:
    """Reasons `creditor` cannot write down or reschedule c's debt to it on the item's terms."""
    reasons = _great(world, creditor, "creditor") + _c5(world, c, "debtor")
    if reasons:
        return reasons
    owed = debt.owed(world, c, creditor)
    if owed <= 0:
        return [msg("illegal.no_debt", debtor=P(world, c), creditor=P(world, creditor))]
    if item.kind == "writedown" and not 0 < item.amount <= owed + 1e-9:
        return [msg("illegal.writedown_range", debtor=P(world, c), creditor=P(world, creditor), owed=owed)]
    if item.kind == "grace" and not 1 <= item.years <= world.param("debt.max_grace"):
        return [msg("illegal.grace_years", most=int(world.param("debt.max_grace")))]
    return []


def check_quota(world: World, host: str, c: str, item: Item) -> list[Msg]:
    """Reasons `host` cannot grant c's migrants the entry level an item names."""
    reasons = _great(world, host, "migrant_host") + _c5(world, c, "migrant_sender")
    if reasons:
        return reasons
    return _entry_limits(world, host, c, item.amount)


def _entry_limits(world: World, host: str, c: str, level: float) -> list[Msg]:
    """An entry level must differ from the current one, lie within the rules' bounds, for a state with migrants there."""
    if world.economies[c].remittances.get(host, 0.0) <= 0:
        return [msg("illegal.no_migrants", country=P(world, c), host=P(world, host))]
    if not migration.in_range(world, level):
        return [msg("illegal.entry_range", low=world.param("migration.min_entry"), high=world.param("migration.max_entry"))]
    if abs(migration.level(world, c, host) - level) < 1e-9:
        return [msg("illegal.entry_same", host=P(world, host), country=P(world, c), level=level)]
    return []


def check_concession(world: World, host: str, bidder: str, item: Item) -> list[Msg]:
    """Reasons `bidder` cannot bid for `host`'s tendered concession on the item's terms."""
    reasons = _c5(world, host, "tender_host") + _great(world, bidder, "bidder")
    if reasons:
        return reasons
    if tender.tender_of(world, host, item) is None:
        return [msg("illegal.no_tender", host=P(world, host), resource=R(item.resource))]
    if not 0.5 <= item.price_factor <= 2.0:
        return [msg("illegal.contract_price")]
    if not geography.routes(world, host, item.resource, bidder):
        return [msg("illegal.no_route_to", host=P(world, host), resource=R(item.resource), bidder=P(world, bidder))]
    return []


def second_bid(world: World, a: A.Propose) -> list[Msg]:
    """A reason when a great power bids again in a tender it has a bid pending in."""
    for i in a.asks:  # a bid asks for a concession (tender.is_bid): anything else is answered without building the offer
        if i.kind == "concession":
            break
    else:
        return []
    mine = Offer("?", a.actor, a.target, a.gives, a.asks, world.year)
    again = any(o.sender == a.actor for o in tender.rival_bids(world, mine))
    return [msg("illegal.bid_twice", bidder=P(world, a.actor))] if again else []


def check_release(world: World, giver: str, taker: str, item: Item) -> list[Msg]:
    """Reasons `giver` cannot promise `taker` to release a river for the item's years."""
    r = world.rivers.get(item.corridor)
    if r is None:
        return [msg("illegal.no_river", id=item.corridor)]
    if giver not in r.upstream:
        return [msg("illegal.not_upstream", country=P(world, giver), river=river(world, r.id))]
    if taker not in r.downstream:
        return [msg("illegal.not_downstream", country=P(world, taker), river=river(world, r.id))]
    if not 1 <= item.years <= world.param("water.max_years"):
        return [msg("illegal.release_years", most=world.param("water.max_years"))]
    return []


def check_consent(world: World, giver: str, item: Item) -> list[Msg]:
    """Reasons `giver` cannot give its consent to a corridor crossing it at the item's fee."""
    k = world.corridors.get(item.corridor)
    if k is None:
        return _no_corridor(item.corridor)
    if giver not in transit.transit_states(world, k):
        return [msg("illegal.consent_not_needed", corridor=K(world, k.id), country=P(world, giver))]
    if not transit.needs_consent(k) or giver in k.consents:
        return [msg("illegal.consent_closed", country=P(world, giver), corridor=K(world, k.id))]
    return _fee_limits(world, k, item.amount)


def _fee_limits(world: World, k, fee: float) -> list[Msg]:
    """A transit fee must lie between 0 and the corridor's cap."""
    cap = transit.fee_cap(world, k)
    return [] if 0 <= fee <= cap + 1e-9 else [msg("illegal.fee_range", corridor=K(world, k.id), cap=cap)]


def check_contract(world: World, seller: str, buyer: str, item: Item) -> list[Msg]:
    """Reasons a supply contract from seller to buyer cannot be signed."""
    reasons = _c5(world, seller, "seller") + _great(world, buyer, "buyer")
    if item.resource not in RESOURCES:
        return reasons + [msg("illegal.not_resource", id=item.resource, resources=tuple(R(r) for r in RESOURCES))]
    if reasons:
        return reasons
    if item.amount <= 0 or item.years <= 0:
        reasons.append(msg("illegal.contract_size"))
    longest = int(world.param("contracts.max_years"))
    if item.years > longest:
        reasons.append(msg("illegal.contract_years", longest=longest, years=item.years))
    if not 0.5 <= item.price_factor <= 2.0:
        reasons.append(msg("illegal.contract_price"))
    least = caucus.floor(world, seller, buyer)
    if item.price_factor < least - 1e-9:
        reasons.append(msg("illegal.below_floor", seller=P(world, seller), floor=least))
    capacity = world.economies[seller].production.get(item.resource, 0.0)
    sold = contracted(world, seller, item.resource)
    if sold + item.amount > capacity + 1e-9:
        reasons.append(msg("illegal.oversold", seller=P(world, seller), left=max(0.0, capacity - sold),
                           resource=R(item.resource), amount=item.amount))
    if item.corridor:
        k = world.corridors.get(item.corridor)
        if k is None:
            reasons += _no_corridor(item.corridor)
        elif item.resource not in k.goods or seller not in k.path[:-1] or buyer not in k.markets:
            reasons.append(msg("illegal.cannot_carry", corridor=K(world, k.id), resource=R(item.resource),
                               seller=P(world, seller), buyer=P(world, buyer)))
    return reasons


_SOLD: list = [None, {}]  # memo: the last contracts mapping seen and its active volumes by (seller, resource)


def contracted(world: World, seller: str, r: str) -> float:
    """Volume of r that seller's active contracts already commit (summed in the contracts' order)."""
    if _SOLD[0] is not world.contracts:  # mappings are never mutated, so identity is a safe key
        sold: dict[tuple[str, str], float] = {}
        for c in world.contracts.values():
            if contracts.active(c):
                sold[c.seller, c.resource] = sold.get((c.seller, c.resource), 0) + c.volume
        _SOLD[:] = [world.contracts, sold]
    return _SOLD[1].get((seller, r), 0)


def check_offer_items(world: World, sender: str, receiver: str, gives, asks) -> list[Msg]:
    """Reasons an offer's items cannot be exchanged."""
    if not gives and not asks:
        return [msg("illegal.offer_empty")]
    reasons: list[Msg] = []
    for i in gives:
        reasons += check_item(world, i, sender, receiver)
    for i in asks:
        reasons += check_item(world, i, receiver, sender)
    statements = [i for i in (*gives, *asks) if i.kind == "statement"]
    for c in (sender, receiver) if statements else ():
        for i in statements:
            if c in world.economies and hedging.refuses_bloc(world, c, i.against):
                reasons.append(msg("illegal.no_bloc", actor=P(world, c), against=P(world, i.against)))
    return reasons


def _max_offers(world: World, p: str) -> list[Msg]:
    """A reason when p has made as many offers this year as the rules allow."""
    if offers_made(world, p) >= world.param("play.max_offers"):
        return [msg("illegal.max_offers", actor=P(world, p), n=int(world.param("play.max_offers")))]
    return []


def check_propose(world: World, a: A.Propose) -> list[Msg]:
    if a.target not in world.powers or a.target == a.actor:
        return [msg("illegal.not_other_power", id=a.target)]
    return _max_offers(world, a.actor) + second_bid(world, a) + check_offer_items(world, a.actor, a.target, a.gives, a.asks)


def check_proposal_terms(world: World, a: A.Propose) -> list[Msg]:
    """`check_propose` but for the yearly limit on offers (the legal-action menu asks that once for a seat)."""
    if a.target not in world.powers or a.target == a.actor:
        return [msg("illegal.not_other_power", id=a.target)]
    return second_bid(world, a) + check_offer_items(world, a.actor, a.target, a.gives, a.asks)


def do_propose(world: World, a: A.Propose, reply_to: str = "") -> tuple[World, list[Entry]]:
    world, oid = next_id(world, "o")
    offer = Offer(oid, a.actor, a.target, a.gives, a.asks, world.year, reply_to=reply_to)
    world = evolve(world, offers=put(world.offers, oid, offer))
    return world, [Entry.of(world, a.actor, "log.offers", private=(a.actor, a.target), actor=P(world, a.actor),
                            target=P(world, a.target), deal=describe_offer(world, offer))]


def check_pact(world: World, a: A.Pact) -> list[Msg]:
    return check_pact_terms(world, a, limit=True)


def check_pact_terms(world: World, a: A.Pact, limit: bool = False) -> list[Msg]:
    """`check_pact` but for the yearly limit on offers unless `limit` (the legal-action menu asks that once for a seat)."""
    parties = [p.party for p in a.parts]
    if len(parties) < 2:
        return [msg("illegal.pact_two")]
    if len(set(parties)) != len(parties) or a.actor in parties or any(p not in world.powers for p in parties):
        return [msg("illegal.pact_parties")]
    reasons = _max_offers(world, a.actor) if limit else []
    for p in a.parts:
        reasons += check_offer_items(world, a.actor, p.party, p.gives, p.asks)
    paid = sum(i.amount for p in a.parts for i in p.gives if i.kind in ("aid", "cofinance", "energy"))
    return reasons or _funds(world, a.actor, paid)


def do_pact(world: World, a: A.Pact) -> tuple[World, list[Entry]]:
    world, pid = next_id(world, "d")
    parties = tuple(p.party for p in a.parts)
    log = []
    for p in a.parts:
        world, oid = next_id(world, "o")
        offer = Offer(oid, a.actor, p.party, p.gives, p.asks, world.year, pact=pid,
                      partners=tuple(q for q in parties if q != p.party))
        world = evolve(world, offers=put(world.offers, oid, offer))
        log.append(Entry.of(world, a.actor, "log.pact_part", private=(a.actor, p.party), actor=P(world, a.actor),
                            party=P(world, p.party), partners=Ps(world, offer.partners), deal=describe_offer(world, offer)))
    return world, log


def pact_parts(world: World, pid: str) -> list[Offer]:
    """Every part of the multi-party deal `pid`."""
    return [o for o in world.offers.values() if o.pact == pid]


def fail_pact(world: World, pid: str) -> World:
    """A part was refused or left unanswered: every part still open fails."""
    for o in pact_parts(world, pid):
        if o.status in ("pending", "agreed"):
            world = _set_offer(world, o, "failed")
    return world


def describe_item(world: World, item: Item) -> Msg:
    """A short phrase for one offer item."""
    if item.kind == "aid":
        return msg("item.aid", amount=item.amount, kind=Ref("aid", item.aid_kind))
    if item.kind == "contract":
        route = K(world, item.corridor) if item.corridor else msg("word.cheapest_route")
        return msg("item.contract", volume=item.amount, unit=Ref("unit", item.resource), resource=R(item.resource),
                   n=item.years, price=item.price_factor, route=route)
    if item.kind == "concession":
        return msg("item.concession", volume=item.amount, unit=Ref("unit", item.resource), resource=R(item.resource),
                   n=item.years, price=item.price_factor)
    if item.kind == "cofinance":
        return msg("item.cofinance", amount=item.amount, corridor=K(world, item.corridor))
    if item.kind == "transit":
        return msg("item.transit", fee=item.amount, corridor=K(world, item.corridor))
    if item.kind == "water":
        return msg("item.water", river=river(world, item.corridor), n=item.years)
    if item.kind == "energy":
        return msg("item.energy", amount=item.amount)
    if item.kind == "writedown":
        return msg("item.writedown", amount=item.amount)
    if item.kind == "grace":
        return msg("item.grace", n=item.years)
    if item.kind == "quota":
        return msg("item.quota", level=item.amount)
    return msg("item.statement_against", power=P(world, item.against)) if item.against else msg("item.statement")


def describe_items(world: World, items) -> "Msg | tuple[Msg, ...]":
    """Several items (a list in the reader's language), or 'nothing'."""
    return tuple(describe_item(world, i) for i in items) or msg("word.nothing")


def describe_offer(world: World, offer: Offer) -> Msg:
    """`gives ...; asks ...` in words."""
    return msg("offer.terms", gives=describe_items(world, offer.gives), asks=describe_items(world, offer.asks))


def _pending_to(world: World, actor: str, oid: str) -> list[Msg]:
    offer = world.offers.get(oid)
    if offer is None or offer.status != "pending" or offer.receiver != actor:
        return [msg("illegal.no_offer", id=oid, actor=P(world, actor))]
    return []


def check_accept(world: World, a: A.Accept) -> list[Msg]:
    reasons = _pending_to(world, a.actor, a.offer)
    if reasons:
        return reasons
    o = world.offers[a.offer]
    return check_offer_items(world, o.sender, o.receiver, o.gives, o.asks)


def give_item(world: World, item: Item, giver: str, taker: str) -> World:
    """One item of an accepted offer takes effect."""
    if item.kind == "aid":
        world, pid = next_id(world, "p")
        pledge = Pledge(pid, giver, taker, item.aid_kind, item.amount, world.year + 1)
        return evolve(world, pledges=put(world.pledges, pid, pledge))
    if item.kind in ("contract", "concession"):
        if item.kind == "concession":
            world = tender.award(world, giver, taker, item)
        world, cid = next_id(world, "c")
        con = Contract(cid, giver, taker, item.resource, item.amount, item.price_factor, item.years, item.corridor)
        return evolve(world, contracts=put(world.contracts, cid, con))
    if item.kind == "cofinance":
        return cofinance(world, giver, taker, item.corridor, item.amount)
    if item.kind == "statement":
        c, p = (giver, taker) if giver in world.economies else (taker, giver)
        if c in world.economies and p in world.powers and world.powers[p].kind == GREAT:
            world = hedging.win(world, c, p, world.param("institutions.forum_bonus"))
        return world
    if item.kind == "transit":
        k = world.corridors[item.corridor]
        return with_corridor(world, k.id, consents=k.consents + (giver,), transit=put(k.transit, giver, item.amount))
    if item.kind == "water":
        return water.promise(world, item.corridor, giver, item.years)
    if item.kind == "energy":
        return water.pay_energy(world, giver, taker, item.amount)
    if item.kind in ("writedown", "grace"):
        return debt.grant(world, giver, taker, item)
    if item.kind == "quota":
        return migration.set_level(world, giver, taker, item.amount)
    return world


def add_stake(owners: Mapping[str, float], payer: str, stake: float) -> dict[str, float]:
    """Stakes are shares of a corridor: `payer` gains `stake` and, when the shares would pass 1,
    every stake is scaled by 1 / total so they add up to 1 (the owners stay the same)."""
    new = dict(owners)
    new[payer] = new.get(payer, 0.0) + stake
    total = sum(new.values())
    return {p: s / total for p, s in new.items()} if total > 1 else new


def cofinance(world: World, payer: str, c: str, kid: str, amount: float) -> World:
    """payer puts money into corridor kid: a stake, progress if building, and for a great power influence in c (the
    holders of influence are the great powers and "others", rule 10: a Central Asian payer wins none in a neighbour,
    as building wins it none)."""
    k = world.corridors[kid]
    world = add_treasury(world, payer, -amount)
    stake = amount / max(k.build_cost, amount, 0.01)
    owners = add_stake(k.owners, payer, stake)
    progress = min(k.build_years, k.progress + k.build_years * stake) if k.status == "building" else k.progress
    world = with_corridor(world, kid, owners=owners, progress=progress)
    if c in world.economies and c != payer and world.powers[payer].kind == GREAT:
        world = hedging.win(world, c, payer, world.param("influence.cofinance") * per_gdp(world, c, amount))
    return world


def do_accept(world: World, a: A.Accept) -> tuple[World, list[Entry]]:
    o = world.offers[a.offer]
    if tender.is_bid(o):
        return award(world, o, a.actor)
    if not o.pact:
        return take_effect(world, o, a.actor)
    world = _set_offer(world, o, "agreed")
    parts = pact_parts(world, o.pact)
    if any(p.status != "agreed" for p in parts):
        waiting = [p.receiver for p in parts if p.status != "agreed"]
        return world, [Entry.of(world, a.actor, "log.pact_waits", private=(o.sender, o.receiver), actor=P(world, a.actor),
                                sender=P(world, o.sender), waiting=Ps(world, waiting))]
    log = []
    for p in parts:
        world, more = take_effect(world, p, p.receiver)
        log += more
    return world, log


def award(world: World, o: Offer, actor: str) -> tuple[World, list[Entry]]:
    """A tender's host accepts one bid: it takes effect and every rival bid fails."""
    rivals = [b for b in tender.rival_bids(world, o) if b.id != o.id]
    world, log = take_effect(world, o, actor)
    for b in rivals:
        world = _set_offer(world, world.offers[b.id], "failed")
    r = next(i.resource for i in o.asks if i.kind == "concession")
    return world, log + [Entry.of(world, actor, "log.tender_won", rule="tender", host=P(world, actor),
                                  resource=R(r), winner=P(world, o.sender))]


def take_effect(world: World, o: Offer, actor: str) -> tuple[World, list[Entry]]:
    """An accepted offer (or one part of a completed pact) takes effect."""
    for item in o.gives:
        world = give_item(world, item, o.sender, o.receiver)
    for item in o.asks:
        world = give_item(world, item, o.receiver, o.sender)
    c, p = (o.receiver, o.sender) if o.receiver in world.economies else (o.sender, o.receiver)
    if c in world.economies and p in world.powers and world.powers[p].kind == GREAT:
        world = backlash.displease(world, c, p)
    world = _set_offer(world, o, "accepted")
    return world, [Entry.of(world, actor, "log.accepts", actor=P(world, actor), sender=P(world, o.sender),
                            deal=describe_offer(world, o))]


def _set_offer(world: World, o: Offer, status: str, reason: str = "") -> World:
    return evolve(world, offers=put(world.offers, o.id, evolve(o, status=status, reason=reason or o.reason)))


def check_reject(world: World, a: A.Reject) -> list[Msg]:
    return _pending_to(world, a.actor, a.offer)


def do_reject(world: World, a: A.Reject) -> tuple[World, list[Entry]]:
    o = world.offers[a.offer]
    world = _set_offer(world, o, "rejected")
    if o.pact:
        world = fail_pact(world, o.pact)
    return world, [Entry.of(world, a.actor, "log.declines", private=(o.sender, o.receiver), actor=P(world, a.actor),
                            sender=P(world, o.sender))]


def check_counter(world: World, a: A.Counter) -> list[Msg]:
    reasons = _pending_to(world, a.actor, a.offer)
    if reasons:
        return reasons
    o = world.offers[a.offer]
    if not haggle.may_counter(world, o):
        return [msg("illegal.counter_limit", n=int(world.param("haggle.rounds")))]
    if o.pact:
        return [msg("illegal.pact_counter")]
    if tender.is_bid(o):
        return [msg("illegal.counter_bid")]
    return check_offer_items(world, a.actor, o.sender, a.gives, a.asks)


def do_counter(world: World, a: A.Counter) -> tuple[World, list[Entry]]:
    o = world.offers[a.offer]
    world = _set_offer(world, o, "countered")
    return do_propose(world, A.Propose(a.actor, o.sender, a.gives, a.asks), reply_to=o.id)


# --- aid, building, development ------------------------------------------------

def check_aid(world: World, a: A.Aid) -> list[Msg]:
    return check_item(world, Item("aid", aid_kind=a.kind, amount=a.amount), a.actor, a.target)


def do_aid(world: World, a: A.Aid) -> tuple[World, list[Entry]]:
    """Aid is offered, never imposed: a pledge offer the recipient accepts or declines in its
    next diplomacy turn; once accepted it becomes a pledge due the year after."""
    item = Item("aid", aid_kind=a.kind, amount=a.amount)
    world, oid = next_id(world, "o")
    offer = Offer(oid, a.actor, a.target, (item,), (), world.year)
    world = evolve(world, offers=put(world.offers, oid, offer))
    return world, [Entry.of(world, a.actor, "log.offers_pledge", rule="credibility", actor=P(world, a.actor),
                            target=P(world, a.target), item=describe_item(world, item))]


def check_build(world: World, a: A.Build) -> list[Msg]:
    k = world.corridors.get(a.corridor)
    if k is None:
        return _no_corridor(a.corridor)
    if k.status != "planned":
        return [msg("illegal.not_planned", corridor=K(world, k.id), status=Ref("status_word", k.status))]
    limit = world.param("play.build_risk_limit")
    unsafe = [c for c in k.path if world.risks.get(c, 0.0) > limit]
    if unsafe:
        return [msg("illegal.war_zone", corridor=K(world, k.id), country=P(world, unsafe[0]),
                    risk=world.risks[unsafe[0]], limit=limit)]
    missing = transit.missing_consent(world, k, a.actor)
    if missing:
        return [msg("illegal.no_consent", corridor=K(world, k.id), countries=Ps(world, missing), n=len(missing))]
    return _funds(world, a.actor, k.build_cost)


def do_build(world: World, a: A.Build) -> tuple[World, list[Entry]]:
    k = world.corridors[a.corridor]
    world = add_treasury(world, a.actor, -k.build_cost)
    owners = add_stake(k.owners, a.actor, 1.0)
    world = with_corridor(world, k.id, status="building", progress=0.0, owners=owners)
    for c in k.path:
        if c in world.economies and world.powers[a.actor].kind == GREAT:
            world = hedging.win(world, c, a.actor, world.param("influence.cofinance")
                                  * per_gdp(world, c, k.build_cost / len(k.path)))
    return world, [Entry.of(world, a.actor, "log.builds", rule="geography", actor=P(world, a.actor),
                            corridor=K(world, k.id), cost=k.build_cost, n=k.build_years)]


def upgrade_cost(world: World, k) -> float:
    """US$ bn one upgrade of `k` costs: its own `upgrade_cost`, else the rules' `play.upgrade_cost`.

    Source: 004_a1b4f633fd039a28.txt (the Middle Corridor needs ports, vessels and customs,
    not only track: a dear route to widen)."""
    return k.upgrade_cost or world.param("play.upgrade_cost")


def upgrade_wait(world: World, k) -> int:
    """Years before `k` can be upgraded again: `upgraded + upgrade_years - year` (0 = now)."""
    return max(0, k.upgraded + k.upgrade_years - world.year) if k.upgraded and k.upgrade_years else 0


def check_upgrade(world: World, a: A.Upgrade) -> list[Msg]:
    k = world.corridors.get(a.corridor)
    if k is None:
        return _no_corridor(a.corridor)
    if k.status != "operating" or k.upgrade_step <= 0:
        return [msg("illegal.no_upgrade", corridor=K(world, k.id))]
    if a.actor not in (*k.path, *k.controllers, *k.owners):
        return [msg("illegal.upgrade_who", corridor=K(world, k.id))]
    if upgrade_wait(world, k):
        return [msg("illegal.upgrade_wait", corridor=K(world, k.id), upgraded=k.upgraded,
                    next=k.upgraded + k.upgrade_years)]
    return _funds(world, a.actor, upgrade_cost(world, k))


def do_upgrade(world: World, a: A.Upgrade) -> tuple[World, list[Entry]]:
    k = world.corridors[a.corridor]
    world = cofinance(world, a.actor, next((c for c in k.path if c in world.economies), ""), k.id,
                      upgrade_cost(world, k))
    world = with_corridor(world, k.id, capacity=k.capacity + k.upgrade_step, upgraded=world.year)
    return world, [Entry.of(world, a.actor, "log.upgrades", rule="geography", actor=P(world, a.actor),
                            corridor=K(world, k.id), before=k.capacity, after=k.capacity + k.upgrade_step)]


def check_develop(world: World, a: A.Develop) -> list[Msg]:
    reasons = _c5(world, a.target, "deposit_host")
    if reasons:
        return reasons
    eco = world.economies[a.target]
    if eco.production.get(a.resource, 0.0) <= 0 and eco.reserves.get(a.resource, 0.0) <= 0:
        return [msg("illegal.no_deposit", country=P(world, a.target), resource=R(a.resource))]
    if a.actor != a.target and world.powers[a.actor].kind != GREAT:
        return [msg("illegal.develop_who")]
    return _funds(world, a.actor, develop_cost(world, a.target, a.resource))


def develop_amount(world: World, c: str, r: str) -> float:
    """Capacity a development adds: a share of output, or of reserves when nothing is mined yet."""
    eco = world.economies[c]
    base = eco.production.get(r, 0.0) or eco.reserves.get(r, 0.0) * 0.01
    share = base * world.param("economy.develop_share")
    return max(share, refining.deposit_step(world, c)) if r == refining.REFINED else share


def develop_cost(world: World, c: str, r: str) -> float:
    """What developing `r` in `c` costs: `develop_payback` years of what the added output sells at the
    world price, at least `economy.develop_cost`."""
    added = develop_amount(world, c, r) * world.prices.get(r, 0.0)
    return max(world.param("economy.develop_cost"), world.param("economy.develop_payback") * added)


def do_develop(world: World, a: A.Develop) -> tuple[World, list[Entry]]:
    cost = develop_cost(world, a.target, a.resource)
    amount = develop_amount(world, a.target, a.resource)
    due = world.year + int(world.param("economy.develop_years"))
    world = add_treasury(world, a.actor, -cost)
    eco = world.economies[a.target]
    world = with_economy(world, a.target, projects=eco.projects + ((a.resource, amount, due),))
    if a.actor != a.target:
        world = hedging.win(world, a.target, a.actor, world.param("influence.cofinance") * per_gdp(world, a.target, cost))
        if a.resource == refining.REFINED and world.powers[a.actor].kind == GREAT:
            world = refining.offtake(world, a.target, a.actor, amount)
    return world, [Entry.of(world, a.actor, "log.develops", actor=P(world, a.actor), resource=R(a.resource),
                            country=P(world, a.target), amount=amount, due=due)]


def check_refine(world: World, a: A.Refine) -> list[Msg]:
    reasons = _c5(world, a.target, "refinery_host")
    if reasons:
        return reasons
    if a.actor != a.target and world.powers[a.actor].kind != GREAT:
        return [msg("illegal.refine_who")]
    return _funds(world, a.actor, world.param("refining.cost"))


def do_refine(world: World, a: A.Refine) -> tuple[World, list[Entry]]:
    due = world.year + int(world.param("refining.years"))
    step = world.param("refining.step")
    world = add_treasury(world, a.actor, -world.param("refining.cost"))
    eco = world.economies[a.target]
    world = with_economy(world, a.target, projects=eco.projects + (("refining", step, due),))
    return world, [Entry.of(world, a.actor, "log.refines", rule="refining", actor=P(world, a.actor),
                            country=P(world, a.target), step=step, due=due)]


# --- forums and summits --------------------------------------------------------

def check_summit(world: World, a: A.Summit) -> list[Msg]:
    f = world.forums.get(a.forum)
    if f is None:
        return [msg("illegal.no_forum", id=a.forum)]
    if f.host != a.actor:
        return [msg("illegal.not_host", forum=F(world, f.id), host=P(world, f.host), actor=P(world, a.actor))]
    if any(s.forum == a.forum for s in world.summits):
        return [msg("illegal.already_meets", forum=F(world, f.id))]
    if a.level not in (1, 2):
        return [msg("illegal.summit_level")]
    return _funds(world, a.actor, world.param("play.summit_cost") * a.level)


def do_summit(world: World, a: A.Summit) -> tuple[World, list[Entry]]:
    f = world.forums[a.forum]
    world = add_treasury(world, a.actor, -world.param("play.summit_cost") * a.level)
    if a.level > f.level:
        world = institutions.upgrade(world, f.id)
    invited = tuple(m for m in f.members if m in world.economies)
    world = evolve(world, summits=world.summits + (Summit(f.id, a.actor, invited),))
    return world, [Entry.of(world, a.actor, f"log.convenes{a.level}", rule="institutions", actor=P(world, a.actor),
                            forum=F(world, f.id), invited=Ps(world, invited))]


def _invitation(world: World, actor: str, fid: str):
    return next((s for s in world.summits if s.forum == fid and actor in s.invited and actor not in s.answers), None)


def check_attend(world: World, a: A.Attend) -> list[Msg]:
    return [] if _invitation(world, a.actor, a.forum) else [msg("illegal.no_invitation", actor=P(world, a.actor), id=a.forum)]


def do_attend(world: World, a: A.Attend) -> tuple[World, list[Entry]]:
    s = _invitation(world, a.actor, a.forum)
    answered = evolve(s, answers=put(s.answers, a.actor, a.yes))
    world = evolve(world, summits=tuple(answered if x is s else x for x in world.summits))
    return world, [Entry.of(world, a.actor, "log.will_attend" if a.yes else "log.stays_away", rule="backlash",
                            actor=P(world, a.actor), forum=F(world, a.forum))]


def check_join(world: World, a: A.Join) -> list[Msg]:
    f = world.forums.get(a.forum)
    if f is None:
        return [msg("illegal.no_forum", id=a.forum)]
    if a.actor in f.members:
        return [msg("illegal.already_member", actor=P(world, a.actor), forum=F(world, f.id))]
    if f.caucus and a.actor not in world.economies:
        return [msg("illegal.caucus_only", forum=F(world, f.id))]
    if a.actor in world.economies and hedging.refuses_bloc(world, a.actor, f.against):
        return [msg("illegal.no_bloc", actor=P(world, a.actor), against=P(world, f.against))]
    return []


def do_join(world: World, a: A.Join) -> tuple[World, list[Entry]]:
    f = world.forums[a.forum]
    world = with_forum(world, f.id, members=f.members + (a.actor,))
    return world, [Entry.of(world, a.actor, "log.joins", rule="institutions", actor=P(world, a.actor),
                            forum=F(world, f.id))]


def check_leave(world: World, a: A.Leave) -> list[Msg]:
    f = world.forums.get(a.forum)
    if f is None or a.actor not in f.members or f.host == a.actor:
        return [msg("illegal.cannot_leave", actor=P(world, a.actor), forum=F(world, a.forum))]
    return []


def do_leave(world: World, a: A.Leave) -> tuple[World, list[Entry]]:
    f = world.forums[a.forum]
    world = with_forum(world, f.id, members=tuple(m for m in f.members if m != a.actor))
    return world, [Entry.of(world, a.actor, "log.leaves", rule="institutions", actor=P(world, a.actor),
                            forum=F(world, f.id))]


# --- policy cards ---------------------------------------------------------------

def check_policy(world: World, a: A.Policy) -> list[Msg]:
    card = CARDS.get(a.card)
    if card is None:
        return [msg("illegal.not_card", id=a.card, cards=tuple(Ref("card", c) for c in CARDS))]
    if a.card not in world.powers[a.actor].cards:
        return [msg("illegal.cannot_play", actor=P(world, a.actor), card=Ref("card", a.card))]
    reasons = []
    if "target" in card.needs:
        reasons += _great(world, a.target, "target") if a.target != a.actor else [msg("illegal.target_self")]
    if "resource" in card.needs and a.resource not in RESOURCES:
        reasons.append(msg("illegal.not_resource", id=a.resource, resources=tuple(R(r) for r in RESOURCES)))
    if "corridor" in card.needs:
        k = world.corridors.get(a.corridor)
        if k is None or a.actor not in k.controllers or k.status != "operating":
            reasons.append(msg("illegal.no_control", actor=P(world, a.actor), id=a.corridor))
    if any(p.card == a.card and p.actor == a.actor and p.target == a.target and p.resource == a.resource
           and p.corridor == a.corridor for p in world.policies.values()):
        reasons.append(msg("illegal.in_force"))
    return reasons + _funds(world, a.actor, card.cost)


def enact(world: World, actor: str, card_id: str, target: str = "", resource: str = "", corridor: str = "",
          cost: float = 0.0) -> World:
    """A policy card comes into force (played, or fired by an event): its record and its effects."""
    card = CARDS[card_id]
    years = int(world.param(card.years_param)) if card.years_param else 0
    world = add_treasury(world, actor, -cost)
    world, pid = next_id(world, "x")
    pol = PolicyRecord(pid, card_id, actor, target, resource, corridor, world.year, years)
    world = evolve(world, policies=put(world.policies, pid, pol))
    if card_id == "transit_pressure":
        world = with_corridor(world, corridor, status="disrupted", disrupted_years=years)
    if card.coercive:
        world = dependence.coerce(world, actor)
    return world


def do_policy(world: World, a: A.Policy) -> tuple[World, list[Entry]]:
    world = enact(world, a.actor, a.card, a.target, a.resource, a.corridor, CARDS[a.card].cost)
    return world, [Entry.of(world, a.actor, "log.plays", rule="dependence", actor=P(world, a.actor),
                            card=Ref("card", a.card), details=card_details(world, a))]


def card_details(world: World, a: A.Policy) -> "Msg | str":
    """What a played card names (target, resource, corridor), in brackets; '' when nothing."""
    named = tuple(x for x in (P(world, a.target) if a.target else None, R(a.resource) if a.resource else None,
                              K(world, a.corridor) if a.corridor else None) if x is not None)
    return msg("word.brackets", inner=named) if named else ""


# --- transit fees -----------------------------------------------------------------

def check_tariff(world: World, a: A.Tariff) -> list[Msg]:
    k = world.corridors.get(a.corridor)
    if k is None:
        return _no_corridor(a.corridor)
    if not transit.upstream(world, k, a.actor):
        return [msg("illegal.no_exporter", country=P(world, a.actor), corridor=K(world, k.id))]
    if abs(transit.fee_of(world, k, a.actor) - a.fee) < 1e-9:
        return [msg("illegal.fee_same", country=P(world, a.actor), fee=a.fee, corridor=K(world, k.id))]
    return _fee_limits(world, k, a.fee)


def do_tariff(world: World, a: A.Tariff) -> tuple[World, list[Entry]]:
    k = world.corridors[a.corridor]
    old = transit.fee_of(world, k, a.actor)
    world = with_corridor(world, k.id, transit=put(k.transit, a.actor, a.fee))
    return world, [Entry.of(world, a.actor, "log.tariff", rule="transit", actor=P(world, a.actor), corridor=K(world, k.id),
                            old=old, fee=a.fee)]


# --- water -------------------------------------------------------------------------

def check_water(world: World, a: A.Water) -> list[Msg]:
    r = world.rivers.get(a.river)
    if r is None:
        return [msg("illegal.no_river", id=a.river)]
    who, where = P(world, a.actor), river(world, r.id)
    if a.actor not in r.upstream:
        return [msg("illegal.no_dam", country=who, river=where)]
    if water.holds(r, a.actor) == a.hold:
        return [msg("illegal.already_holds" if a.hold else "illegal.already_releases", country=who, river=where)]
    if a.hold and water.promised(world, r, a.actor):
        return [msg("illegal.promised_release", country=who, river=where, year=str(r.promises[a.actor]))]
    return []


def do_water(world: World, a: A.Water) -> tuple[World, list[Entry]]:
    world = water.set_hold(world, a.river, a.actor, a.hold)
    r = world.rivers[a.river]
    key = "log.water_hold" if a.hold else "log.water_release"
    return world, [Entry.of(world, a.actor, key, rule="water", actor=P(world, a.actor), river=river(world, r.id))]


# --- concession tenders ---------------------------------------------------------

def check_tender(world: World, a: A.Tender) -> list[Msg]:
    reasons = _c5(world, a.actor, "tender_host")
    if reasons:
        return reasons
    if a.resource not in tender.tenderable(world, a.actor):
        return [msg("illegal.nothing_to_tender", host=P(world, a.actor), resource=R(a.resource))]
    if tender.blocked(world, a.actor, a.resource):
        return [msg("illegal.tender_open", host=P(world, a.actor), resource=R(a.resource))]
    return []


def do_tender(world: World, a: A.Tender) -> tuple[World, list[Entry]]:
    world, tid = next_id(world, "t")
    world = tender.open_tender(world, a.actor, a.resource, tid)
    t = world.tenders[tid]
    return world, [Entry.of(world, a.actor, "log.tender_opens", rule="tender", host=P(world, a.actor),
                            volume=t.volume, unit=Ref("unit", t.resource), resource=R(t.resource), n=t.years)]


# --- the C5 consultative meeting ------------------------------------------------------

def check_convene(world: World, a: A.Convene) -> list[Msg]:
    f = world.forums.get(a.forum)
    if f is None or not f.caucus:
        return [msg("illegal.no_caucus", id=a.forum)]
    if a.actor not in f.members:
        return [msg("illegal.not_member", actor=P(world, a.actor), forum=F(world, f.id))]
    if f.level <= 0:
        return [msg("illegal.not_founded", forum=F(world, f.id))]
    if a.actor in f.convened:
        return [msg("illegal.already_convened", actor=P(world, a.actor), forum=F(world, f.id))]
    return _funds(world, a.actor, world.param("caucus.cost"))


def do_convene(world: World, a: A.Convene) -> tuple[World, list[Entry]]:
    world = caucus.convene(world, a.forum, a.actor)
    return world, [Entry.of(world, a.actor, "log.convenes_caucus", rule="caucus", actor=P(world, a.actor),
                            forum=F(world, a.forum))]


# --- labour migration ---------------------------------------------------------------

def check_entry(world: World, a: A.Entry) -> list[Msg]:
    reasons = _great(world, a.actor, "migrant_host") + _c5(world, a.target, "migrant_sender")
    return reasons or _entry_limits(world, a.actor, a.target, a.level)


def do_entry(world: World, a: A.Entry) -> tuple[World, list[Entry]]:
    old = migration.level(world, a.target, a.actor)
    world = migration.set_level(world, a.actor, a.target, a.level)
    key = "log.entry_eases" if a.level > old else "log.entry_tightens"
    return world, [Entry.of(world, a.actor, key, rule="migration", actor=P(world, a.actor), country=P(world, a.target),
                            old=old, level=a.level)]


def do_end(world: World, a: A.EndTurn) -> tuple[World, list[Entry]]:
    return world, []


# --- dispatch ---------------------------------------------------------------------

CHECKS: dict[str, Callable] = {v: globals().get(f"check_{v}", lambda w, a: []) for v in A.KINDS}
EFFECTS: dict[str, Callable] = {v: globals()[f"do_{v}"] for v in A.KINDS}


def validate(world: World, action: A.Action) -> list[Msg]:
    """Why `action` is not allowed now (messages); an empty list when it is."""
    if world.status != "playing":
        return [msg("illegal.game_over")]
    if action.actor not in world.powers:
        return [msg("illegal.not_power", id=action.actor)]
    if action.actor != world.current():
        return [msg("illegal.not_your_turn", current=P(world, world.current()), actor=P(world, action.actor))]
    if action.verb not in phases.verbs(world.phase):
        return [msg("illegal.wrong_phase", verb=Ref("verb", action.verb), phase=Ref("phase", world.phase))]
    cost = AP_COST.get(action.verb, 0)
    if cost > world.ap_left.get(action.actor, 0):
        return [msg("illegal.no_ap", actor=P(world, action.actor))]
    return CHECKS[action.verb](world, action)


def apply(world: World, action: A.Action) -> tuple[World, list[Entry]]:
    """The world after a LEGAL action, and what to log. Call `validate` first: no checks here."""
    cost = AP_COST.get(action.verb, 0)
    if cost:
        world = evolve(world, ap_left=put(world.ap_left, action.actor, world.ap_left[action.actor] - cost))
    return EFFECTS[action.verb](world, action)


def checked_apply(world: World, action: A.Action) -> tuple[World, list[Entry]]:
    """Validate, then apply; IllegalAction with the reasons when it is not allowed."""
    reasons = validate(world, action)
    if reasons:
        raise IllegalAction(reasons)
    return apply(world, action)
