"""How a power values an offer: the rule terms, their total and a sentence saying why.

A C5 state weighs what it gets (aid believed at `0.5 + 0.5 T`, a contract's whole-life
worth, export diversity) against the hedging penalty (counting the influence the
contract's trade will bring the buyer), the feared backlash and what it gives up.
A great power weighs a contract's whole-life supply-security value against the premium
it pays, plus the influence its gifts win, against the money they cost.
Whole-life worth (rule 14, `game.rules.contracts`), with `A(n)` the annuity factor:
seller `A(n) x v x [(p f g - cost_k) - (p g - cost_best) - lock_in x p g]`, against its
best other route to any buyer at the world price; buyer `A(n) x [u x p x (energy value
factor - 1 + insecurity) - v x p x g x (f - resale)]`, u the secure units up to its
uncovered demand, against its best other source, the world market at the world price.
Debt relief (rule 21) is money to the state and money paid by the creditor (the amount written
off, or the interest forgone in a grace), and wins the creditor goodwill influence; a migrant
quota (rule 22) is worth `migration.value_years` years of the change in remittances to the state.
A buyer refuses a contract whose yearly premium, added to its contract bill, exceeds
its yearly income (it could not pay and would default).
The AI and the reasons shown to players both come from here.

`habits` (from an AI personality, optional) add named terms: `aid_appetite` (weight of
aid received), `balance` (weight of the hedging penalty), `debt_fear` (utility lost per unit of debt-to-GDP a loan adds),
`price_weight` (weight of price premiums), `neutral` (refuses every bloc), `closed`
(a state still closed to deals: a penalty), `avoid` + `route_value` (a buyer's worth of
a route that crosses none of the `avoid` powers, tripled while one of them has export
controls on it), `accept_margin` (the least total it accepts).
"""
from __future__ import annotations

from typing import Mapping

from attrs import frozen

from game.model import GREAT, Item, Offer, World
from game.rules import (backlash, contracts, credibility, debt, dependence, economy, energy, geography, hedging,
                        migration, refining, tender, transit, water)
from game.rules.influence import per_gdp, share
from game.text import Msg, joined, msg
from game.text import power as P
from game.text import powers as Ps

SALES = ("contract", "concession")  # items that sell a C5 state's goods to a great power for years
AID_WORTH = {"grant": 1.0, "tc": 0.9, "loan": 0.35}  # a loan must be repaid


@frozen
class Appraisal:
    """The terms behind a decision, in utility, and their total."""

    terms: dict
    total: float
    reason: Msg
    who: str = ""  # the power whose view this is
    bloc: str = ""  # a power the offer would align it against, which it refuses


UNSAID = msg("")  # the reason of an appraisal asked for without one (`appraise(..., reasoned=False)`)


def _c5_and_great(world: World, offer: Offer) -> tuple[str, str]:
    a, b = offer.sender, offer.receiver
    return (a, b) if a in world.economies else (b, a)


def bn_received(world: World, c: str, p: str, items) -> float:
    """US$ bn-equivalent a C5 state gets from items given to it."""
    total = 0.0
    for i in items:
        if i.kind == "aid":
            total += i.amount * AID_WORTH[i.aid_kind] * credibility.value_factor(world, c, p)
        elif i.kind == "cofinance":
            total += 0.5 * i.amount
        elif i.kind in RELIEF:
            total += debt.relief(world, c, p, i)
        elif i.kind == "quota":
            total += migration.quota_worth(world, c, p, i.amount)
    return total


RELIEF = ("writedown", "grace")  # items by which a creditor eases a state's debt (rule debt)


def relief_cost(world: World, p: str, c: str, items) -> float:
    """US$ bn of repayments creditor p gives up with the write-downs and graces among `items`."""
    return sum(debt.relief(world, c, p, i) for i in items if i.kind in RELIEF) if c in world.economies else 0.0


def contract_route(world: World, seller: str, buyer: str, i: Item):
    """The corridor a contract item would ship on: the one it names, else the cheapest to the buyer."""
    if i.corridor:
        return world.corridors.get(i.corridor)
    found = geography.routes(world, seller, i.resource, buyer)
    return found[0] if found else None


def best_netback(world: World, c: str, r: str) -> float:
    """The seller's next-best use of a unit: its best open route to any buyer at the world price (0 if none)."""
    found = geography.routes(world, c, r)
    return max(0.0, geography.netback(world, c, r, found[0])) if found else 0.0


def seller_worth(world: World, c: str, buyer: str, i: Item) -> float:
    """Whole-life US$ bn a contract item earns seller c over its next-best sale, less its lock-in."""
    k = contract_route(world, c, buyer, i)
    if k is None:
        return 0.0
    unit = world.prices[i.resource] * refining.grade(world, c, i.resource)
    gain = geography.netback(world, c, i.resource, k, i.price_factor) - best_netback(world, c, i.resource)
    yearly = i.amount * (gain - world.param("contracts.lock_in") * unit)
    return yearly * contracts.annuity(world, i.years)


def secure_units(world: World, p: str, c: str, i: Item) -> float:
    """Units of a contract that add to p's secure supply, up to the demand not yet covered."""
    need = world.powers[p].demand.get(i.resource, 0.0) - world.received.get(p, {}).get(i.resource, 0.0)
    return max(0.0, min(i.amount * refining.secure_share(world, c, i.resource), need))


def security_worth(world: World, p: str, c: str, i: Item) -> float:
    """Whole-life US$ bn of supply security a contract gives buyer p over buying on the world market."""
    need = world.powers[p].demand.get(i.resource, 0.0)
    insecurity = 1 - world.powers[p].security.get(i.resource, 1.0) if need else 0.0
    premium = energy.value_factor(world, p, i.resource) - 1 + insecurity
    return secure_units(world, p, c, i) * world.prices[i.resource] * premium * contracts.annuity(world, i.years)


def buyer_premium(world: World, c: str, i: Item) -> float:
    """Whole-life US$ bn a buyer's treasury pays for a contract over the goods' resale at home."""
    unit = world.prices[i.resource] * refining.grade(world, c, i.resource)
    over = i.price_factor - world.param("contracts.resale")
    return i.amount * unit * over * contracts.annuity(world, i.years)


def affordable(world: World, p: str, c: str, items) -> bool:
    """Whether p's yearly income covers its contract bill with `items` added (else it would default)."""
    extra = sum(buyer_premium(world, c, i) / max(contracts.annuity(world, i.years), 1e-9) for i in items)
    return contracts.yearly_bill(world, p) + extra <= max(0.0, world.powers[p].income) + 1e-9


def trade_gain(world: World, c: str, items) -> float:
    """Influence the buyer wins in c over a contract's life from the trade it brings (with decay)."""
    keep = 1 - world.param("influence.decay")
    gain = 0.0
    for i in items:
        if i.kind in SALES:
            yearly = geography.traded(i.amount, world.prices[i.resource], i.price_factor,
                                      refining.grade(world, c, i.resource))
            life = (1 - keep ** max(0, i.years)) / max(1 - keep, 1e-9)
            gain += world.param("influence.trade") * per_gdp(world, c, yearly) * life
    return gain


def diversity_gain(world: World, c: str, items) -> float:
    """Rise in c's export diversity if contracts ship on the routes they name."""
    exports = {k: dict(v) for k, v in world.exports.items()}
    row = exports.setdefault(c, {})
    moved = False
    for i in items:
        if i.kind == "contract" and i.corridor in world.corridors:
            row[i.corridor] = row.get(i.corridor, 0.0) + i.amount * world.prices[i.resource]
            moved = True
    if not moved:
        return 0.0
    return geography.export_diversity(world, c, exports) - geography.export_diversity(world, c)


def influence_gain(world: World, c: str, p: str, items) -> float:
    """Influence p would win in c from the items it gives."""
    gain = 0.0
    for i in items:
        if i.kind == "aid":
            gain += economy.aid_influence(world, c, p, i.aid_kind, i.amount)
        elif i.kind == "cofinance":
            gain += world.param("influence.cofinance") * per_gdp(world, c, i.amount)
        elif i.kind == "statement":
            gain += world.param("institutions.forum_bonus")
        elif i.kind in RELIEF:
            gain += debt.goodwill(world, c, p, i)
        elif i.kind == "quota":
            gain += migration.quota_influence(world, c, p, i.amount)
    return gain


def consent_cost(world: World, c: str, items) -> float:
    """US$ bn c asks for the transit consents among the items it gives (rule `transit`)."""
    return sum(transit.consent_price(world, c, world.corridors[i.corridor], i.amount)
               for i in items if i.kind == "transit" and i.corridor in world.corridors)


def consent_worth(world: World, p: str, items) -> float:
    """US$ bn a great power puts on transit consents to planned corridors that reach its market:
    `transit.builder_value x transit.holdout x build_cost / n` each (the route is worth more to it than the state's hold-out)."""
    worth = 0.0
    for i in items:
        k = world.corridors.get(i.corridor) if i.kind == "transit" else None
        if k is not None and p in k.markets:
            worth += (world.param("transit.builder_value") * world.param("transit.holdout") * k.build_cost
                      / max(1, len(transit.transit_states(world, k))))
    return worth


def labour_worth(world: World, p: str, c: str, items) -> float:
    """US$ bn host p puts on the migrant quotas among the items it gives c (rule migration: the labour it gains)."""
    if c not in world.economies:
        return 0.0
    return sum(migration.labour_worth(world, c, p, i.amount) for i in items if i.kind == "quota")


def debt_added(world: World, c: str, items) -> float:
    """Rise in c's debt-to-GDP ratio from the loans among `items`."""
    return sum(i.amount for i in items if i.kind == "aid" and i.aid_kind == "loan") / max(world.economies[c].gdp, 0.1)


def appraise_c5(world: World, offer: Offer, habits: Mapping | None = None, reasoned: bool = True) -> Appraisal:
    """A C5 state's view of an offer with a great power, from its own side (`reasoned`: with its reason in words)."""
    h = habits or {}
    c, p = _c5_and_great(world, offer)
    to_c = offer.gives if offer.receiver == c else offer.asks
    from_c = offer.asks if offer.receiver == c else offer.gives
    eco = world.economies[c]
    money = per_gdp(world, c, h.get("aid_appetite", 1.0) * bn_received(world, c, p, to_c)
                    + h.get("price_weight", 1.0) * sum(seller_worth(world, c, p, i) for i in from_c if i.kind == "contract")
                    + h.get("price_weight", 1.0) * sum(tender.worth(world, c, p, i) for i in from_c if i.kind == "concession")
                    - sum(i.amount for i in from_c if i.kind in ("aid", "cofinance"))
                    - consent_cost(world, c, from_c))
    diversity = world.param("geography.diversity_value") * (1 + eco.diversify) * diversity_gain(world, c, from_c)
    gain = influence_gain(world, c, p, to_c) + trade_gain(world, c, from_c)
    terms = {"money": money, "diversity": diversity,
             "hedging": -h.get("balance", 1.0) * hedging.penalty(world, c, p, gain),
             "backlash": -backlash.fear(world, c, p),
             "debt": -h.get("debt_fear", 0.0) * debt_added(world, c, to_c),
             "closed": -1.0 if h.get("closed") else 0.0, "margin": -h.get("accept_margin", 0.0),
             "share_before": share(world, c, p), "share_after": hedging.share_after(world, c, p, gain),
             "tolerance": eco.tolerance}
    statements = [i for i in (*to_c, *from_c) if i.kind == "statement"]
    bloc = next((i.against for i in statements if hedging.refuses_bloc(world, c, i.against)), "")
    if not bloc and h.get("neutral"):
        bloc = next((i.against for i in statements if i.against), "")
    total = sum(c5_parts(terms).values())
    if bloc:
        total = -1.0
    return Appraisal(terms, total, c5_reason(world, c, p, terms, total, bloc) if reasoned else UNSAID, c, bloc)


EVEN = 1e-9  # a total this close to 0 is an even balance
C5_PARTS = ("money", "diversity", "hedging", "backlash", "debt", "closed", "margin")  # what a C5 state's total sums


def c5_parts(t: Mapping[str, float]) -> dict[str, float]:
    """The parts a C5 state's total is the sum of (`margin`: less the least it accepts)."""
    return {k: t.get(k, 0.0) for k in C5_PARTS}


def deciders(parts: Mapping[str, float], total: float) -> tuple[str, ...]:
    """The parts that decided an answer whose `total` is the sum of `parts` (accept when above 0), largest
    first: every part on the winning side without which the answer would change; when no single part is
    needed so, those on the winning side, largest first, until without them it would change. An even
    balance counts as changed (an offer with nothing for it and nothing against it is no reason to act)."""
    accepts = total > 0
    side = [k for k, v in sorted(parts.items(), key=lambda kv: -abs(kv[1])) if abs(v) > EVEN and (v > 0) == accepts]
    needed = tuple(k for k in side if _changes(total - parts[k], accepts))
    if needed:
        return needed
    rest, out = total, []
    for k in side:
        out.append(k)
        rest -= parts[k]
        if _changes(rest, accepts):
            break
    return tuple(out)


def _changes(rest: float, accepted: bool) -> bool:
    """Whether a total of `rest` would no longer give the answer (an even balance counts as changed)."""
    return rest <= EVEN if accepted else rest >= -EVEN


def c5_bits(world: World, c: str, p: str, t: Mapping[str, float], names) -> list[Msg]:
    """One clause per named part of a C5 state's appraisal."""
    said = {"money": lambda: msg("ai.c5.value" if t["money"] >= 0 else "ai.c5.cost", money=t["money"]),
            "diversity": lambda: msg("ai.c5.diversity" if t["diversity"] > 0 else "ai.c5.diversity_loss",
                                     gain=t["diversity"]),
            "hedging": lambda: msg("ai.c5.share", power=P(world, p), before=t["share_before"], after=t["share_after"],
                                   tolerance=t["tolerance"]),
            "backlash": lambda: msg("ai.c5.backlash", fear=-t["backlash"]),
            "debt": lambda: msg("ai.c5.debt", debt=-t["debt"]),
            "closed": lambda: msg("ai.c5.closed"),
            "margin": lambda: msg("ai.c5.margin", margin=-t["margin"])}
    return [said[k]() for k in names if k in said]


def c5_reason(world: World, c: str, p: str, t: dict, total: float, bloc: str, extra: Mapping | None = None) -> Msg:
    """One or two sentences naming the terms that decided a C5 state's answer, and only those
    (`deciders`: taking them away would change the answer). `extra`: further parts of the total an AI
    adds, name -> (value, clauses that say it)."""
    cn = P(world, c)
    if bloc:
        return msg("ai.c5.bloc", who=cn, bloc=P(world, bloc))
    extra = extra or {}
    parts = {**c5_parts(t), **{k: v for k, (v, _) in extra.items()}}
    named = deciders(parts, total)
    body = joined([b for k in named for b in (extra[k][1] if k in extra else c5_bits(world, c, p, t, (k,)))], "semi")
    if total > 0:
        return msg("ai.c5.accepts", who=cn, body=body, total=total)
    if named == ("closed",):
        return msg("ai.c5.declines_closed", who=cn)
    if t["money"] > 0 and "money" not in named:
        return msg("ai.c5.declines_despite_value", who=cn, body=body, money=t["money"])
    return msg("ai.c5.declines", who=cn, body=body)


def avoids(world: World, corridor: str, powers) -> bool:
    """Whether a named corridor neither crosses nor is controlled by any of `powers`."""
    k = world.corridors.get(corridor)
    return bool(k) and bool(powers) and not any(q in k.controllers or q in k.path for q in powers)


def route_worth(world: World, p: str, to_p, h: Mapping) -> float:
    """What p's habit puts on contracts that ship on routes avoiding its rivals."""
    worth = 0.0
    avoid = tuple(h.get("avoid", ()))
    for i in to_p:
        if i.kind == "contract" and avoids(world, i.corridor, avoid):
            pressed = any(dependence.controls(world, q, p, i.resource) for q in avoid)
            worth += h.get("route_value", 0.0) * (3.0 if pressed else 1.0)
    return worth


def appraise_great(world: World, p: str, offer: Offer, habits: Mapping | None = None, reasoned: bool = True) -> Appraisal:
    """A great power's view of an offer: goods for its security against money paid (`reasoned`: with its reason in
    words)."""
    h = habits or {}
    to_p = offer.gives if offer.receiver == p else offer.asks
    from_p = offer.asks if offer.receiver == p else offer.gives
    c = offer.receiver if offer.receiver != p else offer.sender
    bought = [i for i in to_p if i.kind in SALES and c in world.economies]
    goods = sum(security_worth(world, p, c, i) for i in bought)
    premium = sum(buyer_premium(world, c, i) for i in bought)
    paid = sum(i.amount for i in from_p if i.kind in ("aid", "cofinance")) + relief_cost(world, p, c, from_p)
    standing = 0.0
    if c in world.economies:
        standing = influence_gain(world, c, p, from_p) * world.economies[c].gdp ** 0.5
    route = route_worth(world, p, to_p, h)
    consent = consent_worth(world, p, to_p) + labour_worth(world, p, c, from_p)
    total = goods + standing + route + consent - paid - premium - h.get("accept_margin", 0.0)
    unaffordable = 1.0 if bought and not affordable(world, p, c, bought) else 0.0
    if unaffordable:
        total = -1.0
    terms = {"goods": goods, "standing": standing, "paid": paid, "premium": premium, "route": route,
             "consent": consent, "unaffordable": unaffordable}
    return Appraisal(terms, total, great_reason(world, p, to_p, terms, total, h) if reasoned else UNSAID, p)


def great_reason(world: World, p: str, to_p, t: dict, total: float, h: Mapping) -> Msg:
    """One or two sentences naming the terms that decided a great power's answer."""
    verb = "accepts" if total > 0 else "declines"
    if t.get("unaffordable"):
        return msg("ai.great.unaffordable", who=P(world, p))
    premium = t.get("premium", 0.0)
    body = (msg("ai.great.terms_premium", goods=t["goods"], standing=t["standing"], paid=t["paid"], premium=premium)
            if abs(premium) > 0.005 else msg("ai.great.terms", goods=t["goods"], standing=t["standing"], paid=t["paid"]))
    if t.get("consent", 0.0) > 0:
        body = joined([body, msg("ai.great.consent", worth=t["consent"])], "semi")
    if t["route"] > 0:
        pressed = any(dependence.controls(world, q, p, i.resource) for q in h.get("avoid", ())
                      for i in to_p if i.kind == "contract")
        avoided = joined(Ps(world, [q for q in h.get("avoid", ()) if q in world.powers]), "and")
        body = joined([body, msg("ai.great.route_pressed" if pressed else "ai.great.route", avoided=avoided,
                                 worth=t["route"])], "semi")
    return msg(f"ai.great.{verb}", who=P(world, p), body=body)


def appraise_neighbour(world: World, p: str, offer: Offer, habits: Mapping | None = None) -> Appraisal:
    """A C5 state's view of a deal with another C5 state: winter energy and water releases, in US$ bn over sqrt(GDP)."""
    h = habits or {}
    to_p = offer.gives if offer.receiver == p else offer.asks
    from_p = offer.asks if offer.receiver == p else offer.gives
    energy_net = sum(i.amount for i in to_p if i.kind == "energy") - sum(i.amount for i in from_p if i.kind == "energy")
    upstream = offer.sender if any(i.kind == "water" for i in offer.gives) else offer.receiver
    flows = sum(water.release_worth(world, i.corridor, p, i.years, upstream)
                for i in (*to_p, *from_p) if i.kind == "water" and i.corridor in world.rivers)
    money = per_gdp(world, p, energy_net + flows)
    total = money - h.get("accept_margin", 0.0)
    verb = "accepts" if total > 0 else "declines"
    why = msg(f"ai.neighbour.{verb}", who=P(world, p), energy=energy_net, water=flows, money=money)
    return Appraisal({"money": money, "energy": energy_net, "water": flows, "margin": -h.get("accept_margin", 0.0)},
                     total, why, p)


def appraise(world: World, p: str, offer: Offer, habits: Mapping | None = None, reasoned: bool = True) -> Appraisal:
    """p's appraisal of an offer it is party to (habits: an AI personality's extra terms). `reasoned=False` leaves
    the reason in words out (`UNSAID`): the same terms and total, for an AI's projection that reads only those."""
    if world.powers[p].kind == GREAT:
        return appraise_great(world, p, offer, habits, reasoned)
    other = offer.sender if offer.receiver == p else offer.receiver
    if world.powers[other].kind != GREAT:
        return appraise_neighbour(world, p, offer, habits)
    return appraise_c5(world, offer, habits, reasoned)
