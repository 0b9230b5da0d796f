"""The one source of legality: the menu of actions a seat may take now, and its view.

`legal_actions` lists every kind of action open to the seat with standard amounts
(the rules table's `play.*` steps); `validate` accepts any other amounts within the
rules, so the negotiation table can compose freely.
"""
from __future__ import annotations

from collections.abc import Sequence

from game.model import memo
from game.model.ops import evolve

from game.model import AID_KINDS, GREAT, Item, World
from game.rules import actions as A
from game.rules import caucus, credibility, debt, economy, geography, haggle, migration, phases, tender, transit, water
from game.rules.play import AP_COST, CARDS, CHECKS, check_pact_terms, check_proposal_terms, offers_made


def view_for(world: World, power: str) -> World:
    """What `power` may see: the World without other powers' private offers."""
    offers = {oid: o for oid, o in world.offers.items() if power in (o.sender, o.receiver)}
    return evolve(world, offers=offers)


def _answers(world: World, p: str):
    for o in world.offers.values():
        if o.receiver == p and o.status == "pending":
            yield A.Accept(p, o.id)
            yield A.Reject(p, o.id)
            if haggle.may_counter(world, o) and not tender.is_bid(o):
                yield A.Counter(p, o.id, *haggle.standard_counter(world, o))
    for s in world.summits:
        if p in s.invited and p not in s.answers:
            yield A.Attend(p, s.forum, True)
            yield A.Attend(p, s.forum, False)


def contract_item(world: World, seller: str, buyer: str, r: str, corridor: str = "", price: float = 1.0) -> Item:
    """A standard contract: a share of the seller's output for the standard years."""
    volume = round(world.economies[seller].production.get(r, 0.0) * world.param("play.contract_share"), 3)
    return Item("contract", resource=r, amount=volume, price_factor=price,
                years=int(world.param("play.contract_years")), corridor=corridor)


def _offers_from_great(world: World, p: str):
    if economy.free_funds(world, p) < world.param("play.aid_step"):
        return
    yield from _consortia(world, p)
    yield from _bids(world, p)
    yield from _great_offers(world, p)


def _great_offers(world: World, p: str):
    """Great power p's standard offers to each Central Asian state: aid, a statement, a loan for a contract,
    co-finance and consent."""
    step = world.param("play.aid_step")
    corridors = [(k, transit.missing_consent(world, k, p)) for k in world.corridors.values()]  # the same for every c
    grant, statement = (Item("aid", aid_kind="grant", amount=step),), (Item("statement"),)  # the same for every c
    loan = (Item("aid", aid_kind="loan", amount=5 * step),)
    for c in world.c5():
        yield A.Propose(p, c, grant, ())
        yield A.Propose(p, c, statement, statement)
        for r, made in world.economies[c].production.items():
            if made <= 0:
                continue
            for k in geography.routes(world, c, r, p)[:1]:
                yield A.Propose(p, c, loan, (contract_item(world, c, p, r, k.id, 1.1),))
        for k, missing in corridors:
            if c in k.path and k.status in ("planned", "building"):
                yield A.Propose(p, c, (Item("cofinance", corridor=k.id, amount=5 * step),), ())
            if c in missing:
                yield consent_offer(world, p, c, k)


def _bids(world: World, p: str):
    """The standard bids in every tender open to great power p."""
    for t in world.tenders.values():
        if tender.bidding(world, t):
            yield from (A.Propose(p, t.host, gives, asks) for gives, asks in tender.standard_bids(world, t, p))


def _consortia(world: World, p: str):
    """A pipeline or railway consortium: one pact buying the consent of every state a planned route into p's market crosses."""
    for k in world.corridors.values():
        missing = transit.missing_consent(world, k, p)
        if p in k.markets and len(missing) >= 2:
            parts = [A.Part(c, *_consent_items(world, p, c, k)) for c in missing]
            yield A.Pact(p, tuple(parts))
            more = world.param("play.aid_step") * 2  # a sweetened version for states that hold out
            yield A.Pact(p, tuple(evolve(part, gives=tuple(evolve(i, amount=round(i.amount + more, 6)) for i in part.gives))
                                  for part in parts))


def rounded_up(amount: float, step: float) -> float:
    """`amount` rounded up to whole steps, at least one step."""
    return round(max(1, -(-amount // step)) * step, 6)


def consent_offer(world: World, p: str, c: str, k) -> A.Propose:
    """Great power p offers c a grant of c's asking price for its consent to k at c's current fee."""
    return A.Propose(p, c, *_consent_items(world, p, c, k))


def _consent_items(world: World, p: str, c: str, k) -> tuple[tuple[Item, ...], tuple[Item, ...]]:
    """(a grant of c's asking price, c's consent to k at its current fee)."""
    fee = transit.fee_of(world, k, c)
    price = transit.consent_price(world, c, k, fee) / max(0.05, credibility.value_factor(world, c, p))
    grant = Item("aid", aid_kind="grant", amount=rounded_up(price, world.param("play.aid_step")))
    return (grant,), (Item("transit", corridor=k.id, amount=fee),)


def _offers_from_c5(world: World, c: str):
    step = world.param("play.aid_step")
    consents = [k for k in world.corridors.values() if c in transit.missing_consent(world, k)]  # the same for every p
    loan, grant = (Item("aid", aid_kind="loan", amount=5 * step),), (Item("aid", aid_kind="grant", amount=step),)
    for p in world.great_powers():
        price = max(1.0, caucus.floor(world, c, p))  # a member bound by the C5 stance asks at least the common floor
        for r, made in world.economies[c].production.items():
            if made > 0 and geography.routes(world, c, r, p):
                yield A.Propose(c, p, (contract_item(world, c, p, r, price=price),), loan)
        yield A.Propose(c, p, (), grant)
        for item in debt.standard_requests(world, c, p):  # relief asked plain, and for a statement of support
            yield A.Propose(c, p, (), (item,))
            yield A.Propose(c, p, (Item("statement"),), (item,))
        if world.economies[c].remittances.get(p, 0.0) > 0:
            up = migration.level(world, c, p) + world.param("migration.step")
            if migration.in_range(world, up):
                yield A.Propose(c, p, (Item("statement"),), (Item("quota", amount=round(up, 6)),))
        for k in consents:
            if p in k.markets:
                fee = min(transit.fee_cap(world, k), transit.fee_of(world, k, c) + world.param("transit.step"))
                price = rounded_up(transit.consent_price(world, c, k, fee), step)
                yield A.Propose(c, p, (Item("transit", corridor=k.id, amount=round(fee, 6)),),
                                (Item("aid", aid_kind="grant", amount=price),))


def _water_offers(world: World, c: str, other: str):
    """Water deals between neighbours: a release promise for winter energy, from either side."""
    years = 2
    for r in world.rivers.values():
        if c in r.downstream and other in r.upstream:
            price = _energy_price(world, r, years)
            if economy.free_funds(world, c) >= price:
                yield A.Propose(c, other, (Item("energy", amount=price),), (Item("water", corridor=r.id, years=years),))
        if c in r.upstream and other in r.downstream:
            price = _energy_price(world, r, years)
            yield A.Propose(c, other, (Item("water", corridor=r.id, years=years),), (Item("energy", amount=price),))


def _energy_price(world: World, r, years: int) -> float:
    """Winter energy that makes up an upstream state's lost power for `years`, in whole steps, plus a step."""
    step = world.param("water.energy_step")
    return round(rounded_up(years * r.hydro, step) + step, 6)


def _diplomacy(world: World, p: str):
    for _, part in _diplomacy_parts(world, p):
        yield from part(world, p)


def _diplomacy_parts(world: World, p: str):
    """The parts of p's diplomacy menu in order, as (name, part): `part(world, p)` yields its actions."""
    yield "answers", _answers
    yield "summits", _summits
    if offers_made(world, p) < world.param("play.max_offers"):
        if world.powers[p].kind == GREAT:
            if economy.free_funds(world, p) >= world.param("play.aid_step"):  # as `_offers_from_great`
                yield "consortia", _consortia
                yield "bids", _bids
                yield "great_offers", _great_offers
        else:
            yield "c5_offers", _offers_from_c5
            yield "water_offers", _water_offers_of


def _summits(world: World, p: str):
    for f in world.forums.values():
        if f.host == p and f.level > 0:
            yield A.Summit(p, f.id, 1)
            yield A.Summit(p, f.id, 2)


def _water_offers_of(world: World, c: str):
    """Central Asian state c's water deals with each neighbour."""
    for q in world.c5():
        if q != c:
            yield from _water_offers(world, c, q)


def _actions(world: World, p: str):
    for _, part in _actions_parts(world, p):
        yield from part(world, p)


def _actions_parts(world: World, p: str):
    """The parts of p's action menu in order, as (name, part): `part(world, p)` yields its actions."""
    great = world.powers[p].kind == GREAT
    if great:
        yield "aid", _aid
    yield "develop", _develop
    yield "corridors", _corridor_works
    yield "forums", _forum_moves
    if great:
        yield "entry", _entry
    yield "tariffs", _tariffs
    if not great:
        yield "tender", _tender
    yield "water", _water
    yield "cards", _cards


def _aid(world: World, p: str):
    for c in world.c5():
        for kind in AID_KINDS:
            yield A.Aid(p, c, kind, world.param("play.aid_step") * (5 if kind == "loan" else 1))


def _develop(world: World, p: str):
    for c in (world.c5() if world.powers[p].kind == GREAT else (p,)):
        for r in world.economies[c].production:
            yield A.Develop(p, c, r)
        if world.economies[c].production.get("rare_earths", 0) > 0:
            yield A.Refine(p, c)


def _corridor_works(world: World, p: str):
    great = world.powers[p].kind == GREAT
    for k in world.corridors.values():
        if great or p in k.path:
            if k.status == "planned":
                yield A.Build(p, k.id)
            elif k.status == "operating" and k.upgrade_step > 0:
                yield A.Upgrade(p, k.id)


def _forum_moves(world: World, p: str):
    for f in world.forums.values():
        yield A.Leave(p, f.id) if p in f.members else A.Join(p, f.id)
        if caucus.may_convene(world, f, p):
            yield A.Convene(p, f.id)


def _entry(world: World, p: str):
    for c in migration.hosts(world, p):
        yield from (A.Entry(p, c, level) for level in migration.steps(world, c, p))


def _tender(world: World, p: str):
    yield from (A.Tender(p, r) for r in tender.tenderable(world, p))


def _water(world: World, p: str):
    for r in world.rivers.values():
        if p in r.upstream:
            yield A.Water(p, r.id, not water.holds(r, p))


def _tariffs(world: World, p: str):
    """A transit state's fee on each corridor crossing it, a step up and a step down."""
    step = world.param("transit.step")
    for k in world.corridors.values():
        if transit.upstream(world, k, p) and k.status != "planned":
            fee = transit.fee_of(world, k, p)
            for new in (fee + step, fee - step):
                if 0 <= new <= transit.fee_cap(world, k) + 1e-9:
                    yield A.Tariff(p, k.id, round(new, 6))


def _cards(world: World, p: str):
    for card in world.powers[p].cards:
        needs = CARDS[card].needs if card in CARDS else ()
        if "target" in needs:
            for q in world.great_powers():
                for r in world.powers[q].demand:
                    yield A.Policy(p, card, q, r, "")
        elif "corridor" in needs:
            for k in world.corridors.values():
                if p in k.controllers:
                    yield A.Policy(p, card, "", "", k.id)
        elif "resource" in needs:
            for r in world.powers[p].demand:
                yield A.Policy(p, card, "", r, "")
        else:
            yield A.Policy(p, card)


def menu(world: World, power: str):
    """Every kind of action the current phase's menu offers `power` with the phase's verbs (none in an automatic
    phase), unchecked."""
    phase = phases.get(world.phase)
    if not phase.menu:
        return []
    return [a for a in phases.function(phase.menu)(world, power) if a.verb in phase.verbs]


PARTS = {"game.rules.legal:_diplomacy": _diplomacy_parts, "game.rules.legal:_actions": _actions_parts}
# Parts whose checked actions are kept per seat while the World fields they read stay the same (`memo.Kept`);
# the others read this year's offers, which every proposal changes.
KEPT_PARTS = frozenset({"summits", "consortia", "great_offers", "c5_offers", "water_offers", "aid", "develop",
                        "corridors", "forums", "entry", "tariffs", "tender", "water", "cards"})
# Parts listed only while their seat has offers left to make this year (`_diplomacy_parts`): their proposals
# and pacts are checked without the yearly limit on offers, which is asked once, before them.
OFFER_PARTS = frozenset({"consortia", "bids", "great_offers", "c5_offers", "water_offers"})
_CHECKS_UNDER_LIMIT = {**CHECKS, "propose": check_proposal_terms, "pact": check_pact_terms}
_KEPT = memo.Kept()


def _checked_part(world: World, p: str, name: str, part, verbs) -> list[A.Action]:
    """The actions of one menu part that have the phase's verbs and pass their checks."""
    checks = _CHECKS_UNDER_LIMIT if name in OFFER_PARTS else CHECKS
    return [a for a in part(world, p) if a.verb in verbs and not checks[a.verb](world, a)]


def _is_open(world: World, power: str) -> bool:
    """Whether `power` decides now in a phase where seats act (else it has no legal actions at all)."""
    return world.status == "playing" and world.current() == power and phases.get(world.phase).interactive


def _pays_for_more(world: World, power: str) -> bool:
    """Whether `power` has the action points for any verb of the phase but the end of its turn."""
    ap = world.ap_left.get(power, 0)
    return any(AP_COST.get(v, 0) <= ap for v in phases.get(world.phase).verbs if v != A.EndTurn.verb)


def _checked(world: World, power: str) -> list[A.Action]:
    """Every action but the end of its turn that `power`, whose turn it is, may take now, in the menu's order.

    The phase's menu is worked out part by part (`PARTS`); a kept part's checked actions are reused while every
    World field they were worked out from is unchanged (the same seat taking several actions in a turn), so the same
    list comes out as checking the whole menu afresh. A seat without the action points any of the phase's verbs costs
    (the last call of an action turn) is offered nothing, unchecked."""
    if not _pays_for_more(world, power):
        return []
    phase = phases.get(world.phase)
    ap = world.ap_left.get(power, 0)
    if phase.menu not in PARTS:
        return [a for a in menu(world, power) if AP_COST.get(a.verb, 0) <= ap and not CHECKS[a.verb](world, a)]
    found: list[A.Action] = []
    for name, part in PARTS[phase.menu](world, power):
        if name in KEPT_PARTS:
            found += _KEPT.get((name, power, phase.verbs), world,
                               lambda w, name=name, part=part: _checked_part(w, power, name, part, phase.verbs))
        else:
            found += _checked_part(world, power, name, part, phase.verbs)
    return [a for a in found if AP_COST.get(a.verb, 0) <= ap]


def legal_actions(world: World, power: str) -> list[A.Action]:
    """Every action `power` may take now (standard amounts), the end of its turn last; [] when it is not its turn
    (`_checked`)."""
    return _checked(world, power) + [A.EndTurn(power)] if _is_open(world, power) else []


class Menu(Sequence):
    """`legal_actions(world, power)` as a sequence whose menu is checked only when first read: its last action, the
    end of the turn, is there without checking anything (`menu[-1]`: a random seat that ends its turn by chance, a
    third of its decisions, reads no more). Any other read checks the whole menu once: the same list as
    `legal_actions`, the end of the turn the very object handed out before."""

    def __init__(self, world: World, power: str):
        self.world, self.power = world, power
        self.end = A.EndTurn(power) if _is_open(world, power) else None
        self._all: list[A.Action] | None = None if self.end is not None else []

    def actions(self) -> list[A.Action]:
        """The whole list, checked on first use."""
        if self._all is None:
            self._all = _checked(self.world, self.power) + [self.end]
        return self._all

    def handed_out(self, action: A.Action) -> bool:
        """Whether `action` is the very object of one of the menu's actions handed out (checked, then)."""
        return action is self.end or (self._all is not None and any(a is action for a in self._all))

    def __getitem__(self, i):
        if i == -1 and self.end is not None:
            return self.end
        return self.actions()[i]

    def __len__(self) -> int:
        return len(self.actions())

    def __iter__(self):
        return iter(self.actions())

    def __contains__(self, action) -> bool:
        return action in self.actions()

