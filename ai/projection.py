"""A cheap look at the end of the year: the World after an action and its expected consequences.

`project` applies an action, assumes the receiver answers an offer as the valuation
rule says, delivers the new pledges, holds a called summit, finishes builds (discounted
by the years they take) and, when goods can move differently, re-runs the geography
rule. `deepen` adds a year's economy and influence drift for the hard level. Only rule
modules are used, never the engine, and only what the seat's view shows.
"""
from __future__ import annotations

import math

from attrs import frozen

from ai import race

from game.model import GREAT, LOAD, Contract, Offer, Tender, World
from game.model.memo import on as memo_on
from game.model.ops import evolve, next_id, put, with_corridor, with_economy, with_power, with_powers
from game.rules import actions as A
from game.rules import backlash, credibility, economy, energy, geography, institutions, valuation
from game.rules import caucus, dependence, dilution, migration, tender, tension, water
from game.rules import refining as refining_rule
from game.rules.influence import decay_all
from game.rules.play import AP_COST, EFFECTS, apply

UNAFFORDABLE = 100.0  # points of the value scale: a contract the buyer could not pay is never worth signing
ROUTE_POINTS = 5.0  # value-scale points per unit of route habit (a route avoiding the powers it avoids)
COLLAPSE_POINTS = 20.0  # value-scale points a regional collapse costs a seat: every power loses the whole game
GREAT_BAR = 0.05  # points a great power's answer must gain before the public model calls it a yes (its usual least gain)
COLLAPSE_DOUBT = 0.03  # width of the doubt about where the tension track ends the year (0.05 left 0 collapses in 500 2025 games)
POINTS_PER_UTILITY = 4.0  # points of the value scale a C5 seat puts on one unit of valuation utility (10 let the money of
# contracts that cost a seat its race outweigh the race: docs/balance.md, "C5 seats judge offers by their race")
GOODS_VERBS = ("build", "upgrade", "develop", "refine", "policy", "tariff", "tender")


@frozen
class Outcome:
    """A projected World, the chance it comes about and the years until it does."""

    world: World
    chance: float
    years: int
    offer: str = ""  # id of the offer the action made, if any
    slipped: World | None = None  # the World if the action's new pledges slip (trust lost, no aid)
    slip_chance: float = 0.0  # chance of that: accepted but not delivered on time
    credit: float = 0.0  # points of `world` owed to projects already under way, not to the action


def settle_goods(world: World) -> World:
    """Goods moved again over the current routes and contracts; the C5 states' transit fees and security updated."""
    flows = geography.resolve(world)
    world = evolve(world, flows=flows.flows, exports=flows.exports, trade=flows.trade, received=flows.received)
    income = {c: {"transit_income": flows.fees.get(c, 0.0)} for c in world.economies  # the C5 seats' fee income, so a
              if flows.fees.get(c, 0.0) or world.powers[c].transit_income}  # tariff shows its worth; great powers keep last year's
    return security(with_powers(world, income))


UNREAD = frozenset({"offers", "serial", "ap_left"})  # World fields that neither `settle_goods` nor `race.value` reads
# (tests/test_memo.py): what making an offer changes
_ALIKE: list = [None, None]  # the last World `settled_alike` settled, and the World it settled to


def settled_alike(world: World) -> World:
    """`settle_goods(world)`, or the settled World of the last World asked about when `world` holds the very same
    records as that one in every field but the UNREAD ones: one AI turn projects many offers, and the World before
    each is answered differs from the others only in its offers. Equal to `settle_goods(world)` in all the goods and
    the race read (`world`'s own offers, ids handed out and action points may not be in it)."""
    last = _ALIKE
    if last[0] is not None and memo_on() and alike(last[0], world):
        return last[1]
    settled = settle_goods(world)
    last[:] = [world, settled]
    race.pin(settled)
    return settled


def alike(a: World, b: World) -> bool:
    """Whether two Worlds hold the very same object in every field but the UNREAD ones."""
    fields = b.__dict__
    return type(a) is type(b) and all(value is fields[name] for name, value in a.__dict__.items() if name not in UNREAD)


def security(world: World) -> World:
    """Each great power's supply security from the current deliveries."""
    return energy.refresh(world)


def graft(world: World, base: World) -> World:
    """`world` with the goods flows of `base` and the C5 seats' fee income they pay (when the action cannot change them)."""
    world = evolve(world, flows=base.flows, exports=base.exports, trade=base.trade, received=base.received)
    income = {c: {"transit_income": base.powers[c].transit_income} for c in world.economies
              if world.powers[c].transit_income != base.powers[c].transit_income}
    return security(with_powers(world, income))


def great_answer(world: World, p: str, offer_id: str, habits=None, thrift: float = 0.5,
                 race_w: float = 1.0, life: bool = False) -> tuple[float, dict, World]:
    """A great power's worth of accepting an offer, in points of the AI's value scale: the change in
    its projected objective points (`ai.race`: goods moved, security won, influence won), less `thrift`
    per US$ bn it pays now and per US$ bn of a contract's whole-life premium, plus its route habit.
    `life`: the World after is the one over the new contracts' life (`in_full`: their routes given the room they lack)."""
    o = world.offers[offer_id]
    judged = valuation.appraise(world, p, o, habits, reasoned=False)
    base = settled_alike(world)
    signed, _ = EFFECTS["accept"](world, A.Accept(o.receiver, offer_id))
    after, kept = deliver(remittance_influence(signed, world), world)
    goods = settle_goods if after.contracts.keys() != world.contracts.keys() else (lambda w: graft(w, base))
    if life:
        goods = (lambda settle: lambda w: in_full(settle(w), world))(goods)
    after = goods(after)
    before = race.value(base, p, race_w)
    delta = race.value(after, p, race_w) - before
    if kept < 1.0:  # its own pledges in the deal may slip: trust lost instead of aid given
        delta = kept * delta + (1.0 - kept) * (race.value(goods(slip_new(signed, world)), p, race_w) - before)
    terms = {**judged.terms, "delta": delta}
    return sum(great_parts(terms, thrift).values()), terms, after


def great_parts(terms: dict, thrift: float) -> dict[str, float]:
    """The parts a great power's worth of accepting an offer is the sum of: the change in its projected
    points (`position`), `thrift` x the money (the contract's whole-life premium, the consent it wins, what
    it pays now), a contract it could not pay for (UNAFFORDABLE against) and its route habit."""
    return {"position": terms["delta"], "premium": thrift * lifetime(terms), "consent": thrift * terms.get("consent", 0.0),
            "paid": -thrift * terms.get("paid", 0.0), "unaffordable": -UNAFFORDABLE * terms.get("unaffordable", 0.0),
            "route": ROUTE_POINTS * terms.get("route", 0.0)}


def habit_value(net: float, habit: float) -> float:
    """A move's worth: its projected net gain, plus habit points only when that gain is not negative.

    Habits rank moves that pay for themselves (character), but never pay for a move the
    projection says hurts the seat's own score (a card, a premium route or an aid habit
    played at a loss is what let "do nothing" beat the AI, GAME_V2.md)."""
    return net + habit if net >= 0 else net


def lifetime(terms: dict) -> float:
    """US$ bn a contract costs a great power over its life: the discounted premium its treasury pays
    (the supply security it wins already shows in its projected points)."""
    return -terms.get("premium", 0.0)


def acceptance(world: World, offer_id: str, judge: bool, hope: float = 0.0, reads: bool = False,
               unseen: float = 0.0, rivals: float = 0.0) -> float:
    """Chance the receiver accepts an offer: 1 or 0 as its valuation says (always 1 unjudged);
    with `hope` > 0, a logistic chance of width `hope` around the receiver's modelled margin
    (the public model does not know the receiver's habits, and a refusal costs only an action point),
    times `1 - unseen` (the share of offers the model calls good that are refused for reasons it cannot see).
    A Central Asian receiver's margin is the public valuation rule's, plus with `reads` the change in its
    projected objective points over POINTS_PER_UTILITY (`receiver_margin`: its objectives are public).
    With `rivals` above 0 (the chance that a rival great power that would find a bid worth paying makes one), a bid
    in a tender must also beat the bids the rivals are expected to make (`outbid_chance`: the host takes the best)."""
    if not judge:
        return 1.0
    margin = receiver_margin(world, offer_id, reads)
    if hope <= 0:
        chance = 1.0 - unseen if margin > 0 else 0.0
    else:
        chance = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, margin / hope))))
        chance = chance * (1.0 - unseen) if chance >= 0.05 else 0.0
    if rivals > 0 and chance > 0 and tender.is_bid(world.offers[offer_id]):
        chance *= outbid_chance(world, world.offers[offer_id], hope, rivals, reads)
    return chance


def outbid_chance(world: World, bid: Offer, hope: float = 0.0, bids: float = 1.0, reads: bool = False) -> float:
    """Chance a bid in a tender beats the rival great powers' bids as the public model expects them. The host
    takes the bid it values most by the valuation rule; a rival bid in view is met for sure, and each other rival
    great power that would find one of its standard bids (`tender.standard_bids`) worth paying, and could pay it,
    makes one with chance `bids` (a great power has other uses for its offers), any of those bids as likely: the
    chance is, over the rivals, the product of `1 - bids + bids x` the share of those bids this one beats (a
    logistic of width `hope` around the gap in the host's valuation, a step when `hope` is 0); 1 when no rival
    would bid. With `reads` the rivals and the host are read as the AI seats play: a rival makes the bid its
    projected points value most (`points_bid`), if any, and the host values each bid by its own reading
    (`host_reading`: its race too)."""
    host = bid.receiver
    item = next(i for i in bid.asks if i.kind == "concession")
    t = tender.tender_of(world, host, item)
    if t is None:
        return 1.0
    worth = (lambda b: host_reading(world, b)) if reads else (lambda b: valuation.appraise(world, host, b).total)
    mine = worth(bid)

    def beats(other: Offer) -> float:
        gap = mine - worth(other)
        if hope <= 0:
            return 1.0 if gap > 0 else 0.0
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, gap / hope))))

    chance = 1.0
    for o in tender.rival_bids(world, bid):
        if o.sender != bid.sender:
            chance *= beats(o)
    for p in world.great_powers():
        if p == bid.sender or any(o.sender == p for o in tender.rival_bids(world, bid)):
            continue
        if reads:
            theirs = points_bid(world, p, host, t)
            made = [theirs] if theirs is not None else []
        else:
            made = [b for b in payable_bids(world, p, host, t) if valuation.appraise(world, p, b).total > 0]
        if made:
            chance *= 1.0 - bids + bids * sum(beats(b) for b in made) / len(made)
    return chance


def receiver_margin(world: World, offer_id: str, reads: bool = False) -> float:
    """How far above its bar the receiver of an offer is modelled to value it, on public information: a great
    power by its projected points (`great_answer`, less GREAT_BAR), a Central Asian state by the valuation
    rule's utility, plus with `reads` the change in its own projected objective points / POINTS_PER_UTILITY,
    as a Central Asian seat playing to win answers (`ai.agent.race_judgement`)."""
    o = world.offers[offer_id]
    if is_great(world, o.receiver):
        return great_answer(world, o.receiver, offer_id)[0] - GREAT_BAR
    judged = valuation.appraise(world, o.receiver, o, reasoned=False)
    if reads and not (judged.bloc or judged.terms.get("closed")):  # a bloc it refuses or closed doors: the rule's no
        return judged.total + great_answer(world, o.receiver, offer_id, life=True)[1]["delta"] / POINTS_PER_UTILITY
    return judged.total


def deliver(world: World, before: World) -> tuple[World, float]:
    """New pledges delivered at once; the chance that they all arrive on time."""
    chance = 1.0
    for pid, pl in world.pledges.items():
        if pid not in before.pledges:
            chance *= credibility.chance(world, pl.donor, pl.recipient)
            world = credibility.delivered(economy.give_aid(world, pl), pl)
    return world, chance


def hold_summit(world: World, before: World) -> World:
    """The summits the action called meet with those the backlash rule says will come (the
    summits others called earlier this year meet in both worlds, so they are left out)."""
    for s in world.summits:
        if s in before.summits:
            continue
        came = tuple(c for c in s.invited if c in world.economies and
                     s.answers.get(c, backlash.summit_choice(world, c, s.host, world.forums[s.forum].level).attends))
        world = institutions.meet(world, s.forum, came)
        for c in came:
            world = backlash.displease(world, c, s.host)
    return evolve(world, summits=())


def finish(world: World, before: World, action: A.Action | None = None) -> tuple[World, int]:
    """Builds, deposits and refineries started by the action counted as done (for a refinery, with the
    host's rare-earth deposits and refineries under way); the years they take."""
    years = 0
    for kid, k in world.corridors.items():
        if k.status == "building" and before.corridors[kid].status == "planned":
            years = max(years, k.build_years)
            world = with_corridor(world, kid, status="operating")
    for c, eco in world.economies.items():
        done = len(before.economies[c].projects)
        new = eco.projects[done:]
        if isinstance(action, A.Refine) and action.target == c:  # the deposits it will refine come first
            new = tuple(x for x in eco.projects if x[0] in (refining_rule.REFINED, "refining") or x in new)
        if not new:
            continue
        world, took = complete(world, c, new)
        years = max(years, took)
    return world, years


def tendered(world: World, action: A.Tender) -> World:
    """The World once the concession a tender opened is won by the bid expected to win (`expected_bid`): its mine
    adds to the host's output and its whole volume is sold to the winner under contract, on the cheapest route to it
    (the host's goods do not go where it would like but where the winner's contract takes them); the World
    unchanged when no great power would bid (the tender lapses)."""
    c, r = action.actor, action.resource
    t = tender.current(world, c, r)
    bid = expected_bid(world, c, r) if t is not None else None
    if bid is None:
        return world
    item = next(i for i in bid.asks if i.kind == "concession")
    eco = world.economies[c]
    world = with_economy(world, c, production={**eco.production, r: eco.production.get(r, 0.0) + t.volume})
    world, cid = next_id(world, "c")
    con = Contract(cid, c, bid.sender, r, item.amount, item.price_factor, item.years)
    return evolve(world, contracts=put(world.contracts, cid, con))


def expected_bid(view: World, c: str, r: str, habits=None, t: Tender | None = None, reads: bool = False) -> Offer | None:
    """Of the standard bids each great power would find worth making (and could pay) for a concession `c` would
    tender on `r` (`t`: the tender open for bids), the one `c` values most by the valuation rule (`habits`: its own;
    None: the public rule; None when no great power would bid). With `reads` (`t` open for bids) both sides are read
    as the AI seats play: each great power makes the one bid its projected points value most (`great_answer`, above
    GREAT_BAR), if any, and the host ranks the bids made by the valuation rule plus the change in its projected
    objective points over POINTS_PER_UTILITY (as `receiver_margin` reads it), taking none it values at 0 or less."""
    if t is None:
        t = Tender("?", c, r, tender.volume(view, c, r), int(view.param("tender.years")), view.year)
    if reads:
        return _read_bid(view, c, t, habits)
    best, worth = None, 0.0
    for p in view.great_powers():
        for b in payable_bids(view, p, c, t):
            if valuation.appraise(view, p, b, reasoned=False).total > 0:
                mine = valuation.appraise(view, c, b, habits, reasoned=False).total
                if best is None or mine > worth:
                    best, worth = b, mine
    return best


def _read_bid(view: World, c: str, t: Tender, habits=None) -> Offer | None:
    """`expected_bid` with `reads`: each great power's best bid by its projected points, the host's pick by its own."""
    best, worth = None, 0.0
    for p in view.great_powers():
        b = points_bid(view, p, c, t)
        mine = host_reading(view, b, habits) if b is not None else 0.0
        if mine > worth:
            best, worth = b, mine
    return best


def points_bid(view: World, p: str, c: str, t: Tender) -> Offer | None:
    """The standard bid in tender `t` that great power `p` could pay and its projected points value most
    (`great_answer`), if that is above GREAT_BAR: the bid the AI's great power would make (None: none)."""
    made = [(great_answer(with_offer(view, b), p, b.id)[0], b) for b in payable_bids(view, p, c, t)]
    if not made:
        return None
    points, b = max(made, key=lambda m: m[0])  # the first of equal bids
    return b if points > GREAT_BAR else None


def payable_bids(view: World, p: str, c: str, t: Tender) -> list[Offer]:
    """Great power `p`'s standard bids in `c`'s tender `t` (`tender.standard_bids`) that its free funds could pay."""
    bids = [Offer("?", p, c, gives, asks, view.year) for gives, asks in tender.standard_bids(view, t, p)]
    return [b for b in bids if economy.free_funds(view, p) >= sum(i.amount for i in b.gives)]


def host_reading(view: World, bid: Offer, habits=None) -> float:
    """A Central Asian host's worth of a bid as the AI hosts judge them: the valuation rule plus the change in its
    projected objective points over POINTS_PER_UTILITY (as `receiver_margin` reads it)."""
    c = bid.receiver
    world = view if view.offers.get(bid.id) == bid else with_offer(view, bid)
    return (valuation.appraise(world, c, bid, habits, reasoned=False).total
            + great_answer(world, c, bid.id, habits, life=True)[1]["delta"] / POINTS_PER_UTILITY)


def with_offer(view: World, offer: Offer) -> World:
    """The view with `offer` pending under its own id."""
    return evolve(view, offers=put(view.offers, offer.id, offer))


def in_full(world: World, before: World) -> World:
    """The World over the life of the contracts signed since `before`: the route each takes is given the room
    it lacks now (a buyer who has bought the goods makes room for them, as an upgrade does), and goods are
    re-routed (`settle_goods`; contracts still ship in the rule's order, as far as the seller's output goes).
    The World itself when every new contract ships in full."""
    shipped = geography.resolve(world).shipped
    grown = world
    for cid, con in world.contracts.items():
        short = con.volume - shipped.get(cid, con.volume)
        if cid in before.contracts or con.status != "active" or short <= 1e-9:
            continue
        named = grown.corridors.get(con.corridor)
        found = [named] if named is not None else geography.routes(grown, con.seller, con.resource, con.buyer)[:1]
        for k in found:
            grown = with_corridor(grown, k.id, capacity=k.capacity + short * LOAD[con.resource])
    return world if grown is world else settle_goods(grown)


def remittance_influence(world: World, view: World) -> World:
    """The influence ahead from remittances the action changed (an entry level or a quota, rule migration)."""
    for c, eco in world.economies.items():
        for g in eco.remittances:
            if eco.remittances[g] != view.economies[c].remittances.get(g, 0.0):
                world = migration.influence_ahead(world, c, g, view)
    return world


def meeting(world: World, action: A.Convene) -> World:
    """The World once the meeting the seat convened is held (rule caucus): its stance for the seat, with as many
    attending as have convened so far or the quorum, whichever is more (the others are expected to come)."""
    f = world.forums[action.forum]
    attending = max(len(f.convened), int(world.param("caucus.quorum")))
    return caucus.stance(world, f, (action.actor,), attending)


def complete(world: World, c: str, projects: tuple) -> tuple[World, int]:
    """`projects` of `c` counted as on stream; the years the last of them takes."""
    eco = world.economies[c]
    prod, refined, years = dict(eco.production), eco.refining, 0
    for what, amount, due in projects:
        years = max(years, due - world.year)
        if what == "refining":
            refined += amount
        else:
            prod[what] = prod.get(what, 0.0) + amount
    left = list(eco.projects)
    for x in projects:
        left.remove(x)
    return with_economy(world, c, production=prod, refining=refined, projects=tuple(left)), years


def plan(world: World, me: str, action: A.Action) -> tuple[World, int]:
    """The develop-then-refine plan (rule 7): after a rare-earth development, or a refinery, the
    refining builds the host still needs to refine all its rare-earth output, counted done and paid
    by `me` (`refining.cost` each, `refining.years`), as many as its action points left this year can start
    (a build started later comes on stream a year later: the plan counts only the year's builds, so that
    a path that pays only after the last scoring round is not counted as paying); `world` itself when there
    is no such plan (no refining needed or no action point left, or the ore is worth its full price and
    reaches buyers directly)."""
    c = getattr(action, "target", "")
    if not isinstance(action, (A.Develop, A.Refine)) or c not in world.economies:
        return world, 0
    if getattr(action, "resource", refining_rule.REFINED) != refining_rule.REFINED:
        return world, 0
    builds = refining_rule.builds_needed(world, c) if refining_rule.needs_refining(world) else 0
    builds = min(builds, world.ap_left.get(me, 0) // max(1, AP_COST["refine"]))  # those it can start this year
    if builds <= 0:
        return world, 0
    eco = world.economies[c]
    world = with_economy(world, c, refining=eco.refining + builds * world.param("refining.step"))
    t = world.powers[me].treasury
    return with_power(world, me, treasury=t - builds * world.param("refining.cost")), int(world.param("refining.years"))


def programme_bill(world: World, pol) -> float:
    """US$ bn an alternative-supply programme will cost its owner over the rest of the game
    (`dependence.programme_cost` for each year it is online up to the last year)."""
    years = sum(1 for y in range(world.year, world.end_year + 1)
                if dependence.programme_online(evolve(world, year=y), pol))
    return years * dependence.programme_cost(world, pol)


def bill_programmes(world: World, before: World) -> World:
    """New programmes charged their whole-life cost at once (a programme that comes online
    years later still drains the treasury then: the end-of-year view must not miss it)."""
    for pid, pol in world.policies.items():
        if pid not in before.policies and pol.card in dependence.PROGRAMMES:
            t = world.powers[pol.actor].treasury
            world = with_power(world, pol.actor, treasury=max(0.0, t - programme_bill(world, pol)))
    return world


def grow_c5(world: World, base: World, me: str) -> World:
    """A C5 seat's GDP moved by the change in its export revenue against the baseline."""
    if me not in world.economies:
        return world
    rev = sum(world.exports.get(me, {}).values()) - sum(base.exports.get(me, {}).values())
    eco = world.economies[me]
    return with_economy(world, me, gdp=eco.gdp * (1 + world.param("economy.export_growth") * rev / max(eco.gdp, 0.1)))


def project(view: World, me: str, action: A.Action, base: World, judge: bool = True, hope: float = 0.0,
            race_w: float = 1.0, reads: bool = False, unseen: float = 0.0, rivals: float = 0.0) -> Outcome:
    """The World at the year's end if `me` takes `action` (call only with legal actions); when the
    action makes pledges, also the World where they slip (`Outcome.slipped`, with its chance)."""
    world, _ = apply(view, action)
    if isinstance(action, A.Tender):
        world = tendered(world, action)
    if isinstance(action, A.Convene):
        world = meeting(world, action)
    chance, offer_id = 1.0, ""
    if isinstance(action, (A.Propose, A.Counter, A.Aid, A.Pact)):
        made = [oid for oid in world.offers if oid not in view.offers]
        offer_id = made[0]
        for oid in made:
            chance *= acceptance(world, oid, judge, hope, reads, unseen, rivals)
        if chance <= 0:
            return Outcome(graft(world, base), 0.0, 0, offer_id)
        for oid in made:
            world, _ = EFFECTS["accept"](world, A.Accept(world.offers[oid].receiver, oid))
    world = remittance_influence(world, view)
    signed = world
    world, delivered = deliver(signed, view)
    world, years = year_end(world, view, base, me, action, race_w)
    if delivered >= 1.0:
        return Outcome(world, chance, years, offer_id, credit=under_way(view, base, me, action, race_w))
    slipped, _ = year_end(slip_new(signed, view), view, base, me, action, race_w)
    return Outcome(world, chance * delivered, years, offer_id, slipped, chance * (1.0 - delivered))


def under_way(view: World, base: World, me: str, action: A.Action, race_w: float = 1.0) -> float:
    """Projected points (`ai.race`) a refinery's projection owes to the host's rare-earth deposits already under way (it
    counts them done, `finish`): the refinery is judged on what it adds to them, not on them."""
    if not isinstance(action, A.Refine) or action.target not in view.economies:
        return 0.0
    pending = tuple(x for x in view.economies[action.target].projects if x[0] in (refining_rule.REFINED, "refining"))
    if not pending:
        return 0.0
    world, _ = complete(view, action.target, pending)
    return race.value(grow_c5(settle_goods(world), base, me), me, race_w) - race.value(base, me, race_w)


def year_end(world: World, view: World, base: World, me: str, action: A.Action,
             race_w: float = 1.0) -> tuple[World, int]:
    """The rest of the projection: summits held, builds finished, programmes billed, goods re-routed."""
    if world.summits != view.summits:
        world = hold_summit(world, view)
    world, years = finish(world, view, action)
    if isinstance(action, A.Tender):
        years = max(years, 1)  # the bids come next year
    world = bill_programmes(world, view)
    if action.verb in GOODS_VERBS or world.contracts.keys() != view.contracts.keys():
        done = water_changes(grow_c5(settle_goods(world), base, me), view)
        planned, more = plan(world, me, action)
        if planned is not world:  # the two-step plan, when it scores better than the step alone
            planned = water_changes(grow_c5(settle_goods(planned), base, me), view)
            if race.value(planned, me, race_w) > race.value(done, me, race_w):
                return planned, max(years, more)
        return done, years
    return water_changes(graft(world, base), view), years


def water_changes(world: World, before: World) -> World:
    """This year's effect of every river an upstream state began (or stopped) holding since `before`."""
    for rid, r in world.rivers.items():
        was = before.rivers[rid].held if rid in before.rivers else ()
        for u in r.upstream:
            if (u in r.held) != (u in was):
                world = water.shift(world, rid, u, 1.0 if u in r.held else -1.0)
    return world


def slip_new(world: World, before: World) -> World:
    """Every new pledge slips: the recipient's trust in the donor falls (`credibility.slip`)."""
    for pid, pl in world.pledges.items():
        if pid not in before.pledges:
            world, _ = credibility.slip(world, pl)
    return world


def expected_delta(out: Outcome, me: str, base_score: float, race_w: float = 1.0) -> float:
    """Expected change in `me`'s projected points: delivered x its gain + slipped x its (usually negative) change."""
    delta = out.chance * (race.value(out.world, me, race_w) - base_score) - out.credit
    if out.slipped is not None:
        delta += out.slip_chance * (race.value(out.slipped, me, race_w) - base_score)
    return delta


def deepen(world: World) -> World:
    """A year's drift after the projection: money, growth, debt, influence decay and dilution."""
    flows = geography.resolve(world)
    world = economy.settle(world, flows.revenue, flows.fees)
    return dilution.dilute(decay_all(world))


def score(world: World, me: str, race_w: float = 1.0) -> float:
    """`me`'s projected objective points in a World, on the AI's value scale (`ai.race`)."""
    return race.value(world, me, race_w)


def is_great(world: World, p: str) -> bool:
    """Whether `p` is a great power."""
    return world.powers[p].kind == GREAT


def collapse_risk(view: World, extra: tuple = ()) -> float:
    """How likely the year ends in collapse, as the seat sees it: the year's moves so far plus `extra`,
    settled by the tension rule; `logistic((track - tension.collapse) / COLLAPSE_DOUBT)` once someone coerced."""
    world = evolve(view, moves=view.moves + tuple(extra))
    if not tension.coercers(world):
        return 0.0
    gap = tension.track(tension.settle(world)) - view.param("tension.collapse")
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, gap / COLLAPSE_DOUBT))))


def collapse_cost(view: World, after: World, action: A.Action) -> float:
    """Points the action's tension moves cost through the risk of collapse (negative when they calm the year)."""
    made = tension.moves_of(view, after, action)
    if not made:
        return 0.0
    return COLLAPSE_POINTS * (collapse_risk(view, made) - collapse_risk(view))
