"""Validation and effects of each action: `validate` checks, `apply` assumes legal.

Each verb has a `check_<verb>(world, action) -> [reasons]` and a
`do_<verb>(world, action) -> (world, log)`; phases name which verbs they allow.
"""
from __future__ import annotations

from typing import Callable

from attrs import frozen

from game.model.ops import evolve

from game.errors import IllegalAction
from game.model import AID_KINDS, GREAT, RESOURCES, UNITS, Contract, Item, Offer, Pledge, Summit, World
from game.model import Policy as PolicyRecord
from game.model.ops import add_treasury, next_id, put, with_corridor, with_economy, with_forum
from game.rules import actions as A
from game.rules import backlash, dependence, economy, hedging, institutions
from game.rules.influence import add_influence, per_gdp
from game.rules.log import Entry

PHASES: dict[str, tuple[str, ...]] = {
    "diplomacy": ("propose", "accept", "reject", "counter", "summit", "attend", "end"),
    "answers": ("accept", "reject", "counter", "attend", "end"),
    "actions": ("aid", "build", "upgrade", "develop", "refine", "join", "leave", "policy", "end"),
}
AP_COST = {"aid": 1, "build": 1, "upgrade": 1, "develop": 1, "refine": 1, "summit": 1,
           "join": 1, "leave": 1, "policy": 1}


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


def name(world: World, pid: str) -> str:
    """A power's display name (or the id for outside countries)."""
    return world.powers[pid].name if pid in world.powers else pid.replace("_", " ").title()


def _funds(world: World, p: str, cost: float) -> list[str]:
    free = economy.free_funds(world, p)
    return [] if cost <= free + 1e-9 else [f"{name(world, p)} has ${free:.2f}bn free, and this costs ${cost:.2f}bn."]


def _c5(world: World, pid: str, what: str) -> list[str]:
    if pid not in world.economies:
        return [f"{what} must be a Central Asian state; '{pid}' is not."]
    return []


def _great(world: World, pid: str, what: str) -> list[str]:
    if pid not in world.powers or world.powers[pid].kind != GREAT:
        return [f"{what} must be a great power; '{pid}' is not."]
    return []


# --- offers -------------------------------------------------------------------

def offers_made(world: World, p: str) -> int:
    """How many offers p has made this year (counters included)."""
    return sum(1 for o in world.offers.values() if o.sender == p and o.year == world.year)


def check_item(world: World, item: Item, giver: str, taker: str) -> list[str]:
    """Reasons `giver` cannot give `item` to `taker` (empty when it can)."""
    if item.kind == "aid":
        reasons = _great(world, giver, "An aid donor") + _c5(world, taker, "An aid recipient")
        if item.aid_kind not in AID_KINDS:
            reasons.append(f"Aid kind '{item.aid_kind}' is not one of {', '.join(AID_KINDS)}.")
        if item.amount <= 0:
            reasons.append("Aid must be a positive amount.")
        return reasons or _funds(world, giver, item.amount)
    if item.kind == "contract":
        return check_contract(world, giver, taker, item)
    if item.kind == "cofinance":
        reasons = _great(world, giver, "A co-financer")
        k = world.corridors.get(item.corridor)
        if k is None:
            return reasons + [f"There is no corridor '{item.corridor}'."]
        if taker not in k.path and giver not in k.path:
            reasons.append(f"{k.name} does not cross {name(world, taker)}.")
        if item.amount <= 0:
            reasons.append("Co-financing must be a positive amount.")
        return reasons or _funds(world, giver, item.amount)
    if item.kind == "statement":
        if item.against and item.against not in world.powers:
            return [f"A statement can only be aimed at a power; '{item.against}' is not one."]
        if item.against in (giver, taker):
            return ["A joint statement cannot be aimed at one of its own signatories."]
        return []
    return [f"'{item.kind}' is not an offer item."]


def check_contract(world: World, seller: str, buyer: str, item: Item) -> list[str]:
    """Reasons a supply contract from seller to buyer cannot be signed."""
    reasons = _c5(world, seller, "A seller") + _great(world, buyer, "A buyer")
    if item.resource not in RESOURCES:
        return reasons + [f"'{item.resource}' is not a resource; resources are {', '.join(RESOURCES)}."]
    if reasons:
        return reasons
    if item.amount <= 0 or item.years <= 0:
        reasons.append("A contract needs a positive volume and at least one year.")
    if not 0.5 <= item.price_factor <= 2.0:
        reasons.append("A contract's price must be between 0.5 and 2 times the world price.")
    capacity = world.economies[seller].production.get(item.resource, 0.0)
    sold = sum(c.volume for c in world.contracts.values() if c.seller == seller and c.resource == item.resource)
    if sold + item.amount > capacity + 1e-9:
        reasons.append(f"{name(world, seller)} can sell {max(0.0, capacity - sold):.2f} more of its "
                       f"{item.resource.replace('_', ' ')}, not {item.amount:g}.")
    if item.corridor:
        k = world.corridors.get(item.corridor)
        if k is None:
            reasons.append(f"There is no corridor '{item.corridor}'.")
        elif item.resource not in k.goods or seller not in k.path[:-1] or buyer not in k.markets:
            reasons.append(f"{k.name} cannot carry {item.resource.replace('_', ' ')} from "
                           f"{name(world, seller)} to {name(world, buyer)}.")
    return reasons


def check_offer_items(world: World, sender: str, receiver: str, gives, asks) -> list[str]:
    """Reasons an offer's items cannot be exchanged."""
    if not gives and not asks:
        return ["An offer needs at least one item."]
    reasons = [r for i in gives for r in check_item(world, i, sender, receiver)]
    reasons += [r for i in asks for r in check_item(world, i, receiver, sender)]
    for c in (sender, receiver):
        for i in (*gives, *asks):
            if i.kind == "statement" and c in world.economies and hedging.refuses_bloc(world, c, i.against):
                reasons.append(f"{name(world, c)} joins no bloc aimed at {name(world, i.against)}.")
    return reasons


def check_propose(world: World, a: A.Propose) -> list[str]:
    if a.target not in world.powers or a.target == a.actor:
        return [f"'{a.target}' is not another power."]
    reasons = []
    if offers_made(world, a.actor) >= world.param("play.max_offers"):
        reasons.append(f"{name(world, a.actor)} has made its {world.param('play.max_offers'):g} offers this year.")
    return reasons + check_offer_items(world, a.actor, a.target, a.gives, a.asks)


def do_propose(world: World, a: A.Propose, reply_to: str = "") -> tuple[World, list[Entry]]:
    world, oid = next_id(world, "o")
    offer = Offer(oid, a.actor, a.target, a.gives, a.asks, world.year, reply_to=reply_to)
    world = evolve(world, offers=put(world.offers, oid, offer))
    return world, [Entry.of(world, a.actor, f"{name(world, a.actor)} offers {name(world, a.target)}: "
                            f"{describe_offer(offer)}.", private=(a.actor, a.target))]


def describe_item(item: Item) -> str:
    """A short phrase for one offer item."""
    if item.kind == "aid":
        return f"${item.amount:g}bn {dict(grant='grant', tc='technical cooperation', loan='loan')[item.aid_kind]}"
    if item.kind == "contract":
        route = f" via {item.corridor}" if item.corridor else ""
        return (f"{item.amount:g} {UNITS.get(item.resource, '')} of {item.resource.replace('_', ' ')} a year for {item.years} years "
                f"at {item.price_factor:g}x the world price{route}")
    if item.kind == "cofinance":
        return f"${item.amount:g}bn co-financing of {item.corridor}"
    return f"a joint statement{' aimed at ' + item.against if item.against else ''}"


def describe_offer(offer: Offer) -> str:
    """`gives ...; asks ...` in words."""
    gives = ", ".join(describe_item(i) for i in offer.gives) or "nothing"
    asks = ", ".join(describe_item(i) for i in offer.asks) or "nothing"
    return f"gives {gives}; asks {asks}"


def _pending_to(world: World, actor: str, oid: str) -> list[str]:
    offer = world.offers.get(oid)
    if offer is None or offer.status != "pending" or offer.receiver != actor:
        return [f"There is no offer '{oid}' waiting for {name(world, actor)}'s answer."]
    return []


def check_accept(world: World, a: A.Accept) -> list[str]:
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
    if item.kind == "contract":
        world, cid = next_id(world, "c")
        con = Contract(cid, giver, taker, item.resource, item.amount, item.price_factor, item.years, item.corridor)
        return evolve(world, contracts=put(world.contracts, cid, con))
    if item.kind == "cofinance":
        return cofinance(world, giver, taker, item.corridor, item.amount)
    if item.kind == "statement":
        c, p = (giver, taker) if giver in world.economies else (taker, giver)
        if c in world.economies and p in world.powers and world.powers[p].kind == GREAT:
            world = add_influence(world, c, p, world.param("institutions.forum_bonus"))
        return world
    return world


def cofinance(world: World, payer: str, c: str, kid: str, amount: float) -> World:
    """payer puts money into corridor kid: a stake, progress if building, influence in c."""
    k = world.corridors[kid]
    world = add_treasury(world, payer, -amount)
    stake = amount / max(k.build_cost, amount, 0.01)
    owners = put(k.owners, payer, k.owners.get(payer, 0.0) + stake)
    progress = k.progress + (k.build_years * stake if k.status == "building" else 0.0)
    world = with_corridor(world, kid, owners=owners, progress=progress)
    if c in world.economies:
        world = add_influence(world, c, payer, world.param("influence.cofinance") * per_gdp(world, c, amount))
    return world


def do_accept(world: World, a: A.Accept) -> tuple[World, list[Entry]]:
    o = world.offers[a.offer]
    for item in o.gives:
        world = give_item(world, item, o.sender, o.receiver)
    for item in o.asks:
        world = give_item(world, item, o.receiver, o.sender)
    c, p = (o.receiver, o.sender) if o.receiver in world.economies else (o.sender, o.receiver)
    if c in world.economies and p in world.powers and world.powers[p].kind == GREAT:
        world = backlash.displease(world, c, p)
    world = _set_offer(world, o, "accepted")
    return world, [Entry.of(world, a.actor, f"{name(world, a.actor)} accepts {name(world, o.sender)}'s offer: "
                            f"{describe_offer(o)}.")]


def _set_offer(world: World, o: Offer, status: str, reason: str = "") -> World:
    return evolve(world, offers=put(world.offers, o.id, evolve(o, status=status, reason=reason or o.reason)))


def check_reject(world: World, a: A.Reject) -> list[str]:
    return _pending_to(world, a.actor, a.offer)


def do_reject(world: World, a: A.Reject) -> tuple[World, list[Entry]]:
    o = world.offers[a.offer]
    world = _set_offer(world, o, "rejected")
    return world, [Entry.of(world, a.actor, f"{name(world, a.actor)} declines {name(world, o.sender)}'s offer.",
                            private=(o.sender, o.receiver))]


def check_counter(world: World, a: A.Counter) -> list[str]:
    reasons = _pending_to(world, a.actor, a.offer)
    if reasons:
        return reasons
    o = world.offers[a.offer]
    if o.reply_to:
        return ["A counter-offer cannot be countered again: accept or decline it."]
    return check_offer_items(world, a.actor, o.sender, a.gives, a.asks)


def do_counter(world: World, a: A.Counter) -> tuple[World, list[Entry]]:
    o = world.offers[a.offer]
    world = _set_offer(world, o, "countered")
    return do_propose(world, A.Propose(a.actor, o.sender, a.gives, a.asks), reply_to=o.id)


# --- aid, building, development ------------------------------------------------

def check_aid(world: World, a: A.Aid) -> list[str]:
    return check_item(world, Item("aid", aid_kind=a.kind, amount=a.amount), a.actor, a.target)


def do_aid(world: World, a: A.Aid) -> tuple[World, list[Entry]]:
    world = give_item(world, Item("aid", aid_kind=a.kind, amount=a.amount), a.actor, a.target)
    kind = describe_item(Item("aid", aid_kind=a.kind, amount=a.amount))
    return world, [Entry.of(world, a.actor, f"{name(world, a.actor)} pledges {kind} to {name(world, a.target)}, "
                            f"due in {world.year + 1}.", rule="credibility")]


def check_build(world: World, a: A.Build) -> list[str]:
    k = world.corridors.get(a.corridor)
    if k is None:
        return [f"There is no corridor '{a.corridor}'."]
    if k.status != "planned":
        return [f"{k.name} is {k.status}, not planned."]
    limit = world.param("play.build_risk_limit")
    unsafe = [c for c in k.path if world.risks.get(c, 0.0) > limit]
    if unsafe:
        return [f"{k.name} cannot be built while {name(world, unsafe[0])} is at war or in chaos "
                f"(risk {world.risks[unsafe[0]]:.0%}, above {limit:.0%})."]
    return _funds(world, a.actor, k.build_cost)


def do_build(world: World, a: A.Build) -> tuple[World, list[Entry]]:
    k = world.corridors[a.corridor]
    world = add_treasury(world, a.actor, -k.build_cost)
    owners = put(k.owners, a.actor, k.owners.get(a.actor, 0.0) + 1.0)
    world = with_corridor(world, k.id, status="building", progress=0.0, owners=owners)
    for c in k.path:
        if c in world.economies and world.powers[a.actor].kind == GREAT:
            world = add_influence(world, c, a.actor, world.param("influence.cofinance")
                                  * per_gdp(world, c, k.build_cost / len(k.path)))
    return world, [Entry.of(world, a.actor, f"{name(world, a.actor)} starts building {k.name} "
                            f"(${k.build_cost:g}bn, {k.build_years} years).", rule="geography")]


def upgrade_cost(world: World, k) -> float:
    """US$ bn one upgrade of `k` costs: its own `upgrade_cost`, else the rules' `play.upgrade_cost`.

    Source: 004_a1b4f633fd039a28.txt (the Middle Corridor needs ports, vessels and customs,
    not only track: a dear route to widen)."""
    return k.upgrade_cost or world.param("play.upgrade_cost")


def upgrade_wait(world: World, k) -> int:
    """Years before `k` can be upgraded again: `upgraded + upgrade_years - year` (0 = now)."""
    return max(0, k.upgraded + k.upgrade_years - world.year) if k.upgraded and k.upgrade_years else 0


def check_upgrade(world: World, a: A.Upgrade) -> list[str]:
    k = world.corridors.get(a.corridor)
    if k is None:
        return [f"There is no corridor '{a.corridor}'."]
    if k.status != "operating" or k.upgrade_step <= 0:
        return [f"{k.name} cannot be upgraded now."]
    if a.actor not in (*k.path, *k.controllers, *k.owners):
        return [f"Only the countries on {k.name}, its controllers and its owners can upgrade it."]
    if upgrade_wait(world, k):
        return [f"{k.name} was upgraded in {k.upgraded}; its next upgrade can start in {k.upgraded + k.upgrade_years}."]
    return _funds(world, a.actor, upgrade_cost(world, k))


def do_upgrade(world: World, a: A.Upgrade) -> tuple[World, list[Entry]]:
    k = world.corridors[a.corridor]
    world = cofinance(world, a.actor, next((c for c in k.path if c in world.economies), ""), k.id,
                      upgrade_cost(world, k))
    world = with_corridor(world, k.id, capacity=k.capacity + k.upgrade_step, upgraded=world.year)
    return world, [Entry.of(world, a.actor, f"{name(world, a.actor)} upgrades {k.name}: capacity "
                            f"{k.capacity:g} -> {k.capacity + k.upgrade_step:g}.", rule="geography")]


def check_develop(world: World, a: A.Develop) -> list[str]:
    reasons = _c5(world, a.target, "The host of a deposit")
    if reasons:
        return reasons
    eco = world.economies[a.target]
    if eco.production.get(a.resource, 0.0) <= 0 and eco.reserves.get(a.resource, 0.0) <= 0:
        return [f"{name(world, a.target)} has no {a.resource.replace('_', ' ')} to develop."]
    if a.actor != a.target and world.powers[a.actor].kind != GREAT:
        return ["Only the state itself or a great power can develop its deposits."]
    return _funds(world, a.actor, world.param("economy.develop_cost"))


def develop_amount(world: World, c: str, r: str) -> float:
    """Capacity a development adds: a share of output, or of reserves when nothing is mined yet."""
    eco = world.economies[c]
    base = eco.production.get(r, 0.0) or eco.reserves.get(r, 0.0) * 0.01
    return base * world.param("economy.develop_share")


def do_develop(world: World, a: A.Develop) -> tuple[World, list[Entry]]:
    cost = world.param("economy.develop_cost")
    amount = develop_amount(world, a.target, a.resource)
    due = world.year + int(world.param("economy.develop_years"))
    world = add_treasury(world, a.actor, -cost)
    eco = world.economies[a.target]
    world = with_economy(world, a.target, projects=eco.projects + ((a.resource, amount, due),))
    if a.actor != a.target:
        world = add_influence(world, a.target, a.actor, world.param("influence.cofinance") * per_gdp(world, a.target, cost))
    return world, [Entry.of(world, a.actor, f"{name(world, a.actor)} develops {a.resource.replace('_', ' ')} in "
                            f"{name(world, a.target)}: +{amount:.2f} from {due}.")]


def check_refine(world: World, a: A.Refine) -> list[str]:
    reasons = _c5(world, a.target, "A refinery's host")
    if reasons:
        return reasons
    if a.actor != a.target and world.powers[a.actor].kind != GREAT:
        return ["Only the state itself or a great power can build its refineries."]
    return _funds(world, a.actor, world.param("refining.cost"))


def do_refine(world: World, a: A.Refine) -> tuple[World, list[Entry]]:
    due = world.year + int(world.param("refining.years"))
    step = world.param("refining.step")
    world = add_treasury(world, a.actor, -world.param("refining.cost"))
    eco = world.economies[a.target]
    world = with_economy(world, a.target, projects=eco.projects + (("refining", step, due),))
    return world, [Entry.of(world, a.actor, f"{name(world, a.actor)} builds rare-earth refining in "
                            f"{name(world, a.target)}: +{step:g} kt a year from {due}.", rule="refining")]


# --- forums and summits --------------------------------------------------------

def check_summit(world: World, a: A.Summit) -> list[str]:
    f = world.forums.get(a.forum)
    if f is None:
        return [f"There is no forum '{a.forum}'."]
    if f.host != a.actor:
        return [f"{f.name} is convened by {name(world, f.host)}, not {name(world, a.actor)}."]
    if any(s.forum == a.forum for s in world.summits):
        return [f"{f.name} already meets this year."]
    if a.level not in (1, 2):
        return ["A summit is held at level 1 (ministers) or 2 (leaders)."]
    return _funds(world, a.actor, world.param("play.summit_cost") * a.level)


def do_summit(world: World, a: A.Summit) -> tuple[World, list[Entry]]:
    f = world.forums[a.forum]
    world = add_treasury(world, a.actor, -world.param("play.summit_cost") * a.level)
    if a.level > f.level:
        world = institutions.upgrade(world, f.id)
    invited = tuple(m for m in f.members if m in world.economies)
    world = evolve(world, summits=world.summits + (Summit(f.id, a.actor, invited),))
    level = "leaders'" if a.level == 2 else "ministers'"
    return world, [Entry.of(world, a.actor, f"{name(world, a.actor)} convenes a {level} meeting of {f.name}; "
                            f"invited: {', '.join(name(world, c) for c in invited)}.", rule="institutions")]


def _invitation(world: World, actor: str, fid: str):
    return next((s for s in world.summits if s.forum == fid and actor in s.invited and actor not in s.answers), None)


def check_attend(world: World, a: A.Attend) -> list[str]:
    return [] if _invitation(world, a.actor, a.forum) else [f"{name(world, a.actor)} has no open invitation to '{a.forum}'."]


def do_attend(world: World, a: A.Attend) -> tuple[World, list[Entry]]:
    s = _invitation(world, a.actor, a.forum)
    answered = evolve(s, answers=put(s.answers, a.actor, a.yes))
    world = evolve(world, summits=tuple(answered if x is s else x for x in world.summits))
    verb = "will attend" if a.yes else "stays away from"
    return world, [Entry.of(world, a.actor, f"{name(world, a.actor)} {verb} {world.forums[a.forum].name}.",
                            rule="backlash")]


def check_join(world: World, a: A.Join) -> list[str]:
    f = world.forums.get(a.forum)
    if f is None:
        return [f"There is no forum '{a.forum}'."]
    if a.actor in f.members:
        return [f"{name(world, a.actor)} is already a member of {f.name}."]
    if a.actor in world.economies and hedging.refuses_bloc(world, a.actor, f.against):
        return [f"{name(world, a.actor)} joins no bloc aimed at {name(world, f.against)}."]
    return []


def do_join(world: World, a: A.Join) -> tuple[World, list[Entry]]:
    f = world.forums[a.forum]
    world = with_forum(world, f.id, members=f.members + (a.actor,))
    return world, [Entry.of(world, a.actor, f"{name(world, a.actor)} joins {f.name}.", rule="institutions")]


def check_leave(world: World, a: A.Leave) -> list[str]:
    f = world.forums.get(a.forum)
    if f is None or a.actor not in f.members or f.host == a.actor:
        return [f"{name(world, a.actor)} cannot leave '{a.forum}'."]
    return []


def do_leave(world: World, a: A.Leave) -> tuple[World, list[Entry]]:
    f = world.forums[a.forum]
    world = with_forum(world, f.id, members=tuple(m for m in f.members if m != a.actor))
    return world, [Entry.of(world, a.actor, f"{name(world, a.actor)} leaves {f.name}.", rule="institutions")]


# --- policy cards ---------------------------------------------------------------

def check_policy(world: World, a: A.Policy) -> list[str]:
    card = CARDS.get(a.card)
    if card is None:
        return [f"'{a.card}' is not a policy card; cards are {', '.join(CARDS)}."]
    if a.card not in world.powers[a.actor].cards:
        return [f"{name(world, a.actor)} cannot play {a.card.replace('_', ' ')}."]
    reasons = []
    if "target" in card.needs:
        reasons += _great(world, a.target, "The target") if a.target != a.actor else ["A power cannot target itself."]
    if "resource" in card.needs and a.resource not in RESOURCES:
        reasons.append(f"'{a.resource}' is not a resource.")
    if "corridor" in card.needs:
        k = world.corridors.get(a.corridor)
        if k is None or a.actor not in k.controllers or k.status != "operating":
            reasons.append(f"{name(world, a.actor)} does not control an open corridor '{a.corridor}'.")
    if any(p.card == a.card and p.actor == a.actor and p.target == a.target and p.resource == a.resource
           and p.corridor == a.corridor for p in world.policies.values()):
        reasons.append("That card is already in force.")
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
    what = " ".join(x for x in (a.card.replace("_", " "), a.target, a.resource.replace("_", " "), a.corridor) if x)
    return world, [Entry.of(world, a.actor, f"{name(world, a.actor)} plays {what}.", rule="dependence")]


def do_end(world: World, a: A.EndTurn) -> tuple[World, list[Entry]]:
    return world, []


# --- dispatch ---------------------------------------------------------------------

CHECKS: dict[str, Callable] = {v: globals().get(f"check_{v}", lambda w, a: []) for v in A.KINDS}
EFFECTS: dict[str, Callable] = {v: globals()[f"do_{v}"] for v in A.KINDS}


def validate(world: World, action: A.Action) -> list[str]:
    """Why `action` is not allowed now; an empty list when it is."""
    if world.status != "playing":
        return ["The game is over."]
    if action.actor not in world.powers:
        return [f"'{action.actor}' is not a power in this game."]
    if action.actor != world.current():
        return [f"It is {name(world, world.current())}'s turn, not {name(world, action.actor)}'s."]
    if action.verb not in PHASES.get(world.phase, ()):
        return [f"'{action.verb}' is not allowed in the {world.phase} phase."]
    cost = AP_COST.get(action.verb, 0)
    if cost > world.ap_left.get(action.actor, 0):
        return [f"{name(world, action.actor)} has no action points left this year."]
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
