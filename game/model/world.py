"""The World: every changing fact of a game, as immutable attrs records.

A change never mutates a record: rules build a new one with `attrs.evolve`.
Mappings inside records are treated as read-only; helpers in `game.model.ops`
return updated copies. Iteration order of every mapping is the order the
scenario gave, so no outcome depends on hashing.
"""
from __future__ import annotations

from typing import Mapping

from attrs import field, frozen


RESOURCES = ("oil", "gas", "uranium", "rare_earths")
# Units: oil Mt, gas bcm, uranium kt U, rare earths kt. Corridor capacity is in Mt
# (bcm on gas pipelines); LOAD converts a unit of each good into capacity used.
LOAD = {"oil": 1.0, "gas": 1.0, "uranium": 0.001, "rare_earths": 0.001}
UNITS = {"oil": "Mt", "gas": "bcm", "uranium": "kt U", "rare_earths": "kt"}
AID_KINDS = ("grant", "tc", "loan")
OTHERS = "others"  # the outside share of influence: USA, EU, Turkey
GREAT = "great"
C5 = "c5"


@frozen
class Objective:
    """One public objective of a power: a measure and how it pays each scoring round (game.rules.objectives)."""

    id: str
    measure: str  # an agenda term, or a term + "_gain" (its change since the start)
    kind: str  # "rank" or "threshold"
    points: tuple[float, ...]  # rank: points for 1st, 2nd, ...; threshold: points for each step
    among: tuple[str, ...] = ()  # rank: the powers compared (the owner included); () = its kind
    at: tuple[float, ...] = ()  # threshold: the steps, ascending
    bonus: float = 0.0  # rank: points first place earns beyond points[0] for a lead of `clear` or more
    clear: float = 0.0  # rank: the lead over the best rival that earns the whole bonus (in proportion below)
    standing: bool = False  # kept in every deal, never drawn: the scenario's own question for this power


@frozen(slots=False)  # a __dict__ lets `ops.evolve` copy a Power in one step (AI projections copy it ~20,000 times a game)
class Power:
    """One of the eight seats: a great power or a Central Asian (C5) state."""

    id: str
    name: str
    kind: str  # GREAT or C5
    treasury: float  # US$ bn
    income: float  # US$ bn a year: aid budget (great) or base fiscal income (C5)
    action_points: int
    agenda: Mapping[str, float] = field()  # term -> weight
    credibility: float = 0.8  # base chance a pledge is delivered on time
    demand: Mapping[str, float] = field(factory=dict)  # resource -> units a year
    sources: Mapping[str, Mapping[str, float]] = field(factory=dict)
    security: Mapping[str, float] = field(factory=dict)  # resource -> 0..1
    transit_income: float = 0.0  # last year's fees earned, US$ bn
    cards: tuple[str, ...] = ()  # policy cards this power may play
    color: str = "#888888"
    objectives: tuple[Objective, ...] = ()  # its public objectives, paid at each scoring round
    trade_drive: float = 0.0  # yearly growth of its goods trade with the region beyond the states' own growth


@frozen
class Economy:
    """A C5 state's economy: output, debt, stability and its hedging tolerance."""

    gdp: float  # US$ bn
    gdp_start: float
    stability: float  # 0..100
    production: Mapping[str, float] = field()  # resource -> capacity a year
    reserves: Mapping[str, float] = field(factory=dict)
    refining: float = 0.0  # rare-earth refining capacity, kt a year
    debt: Mapping[str, float] = field(factory=dict)  # creditor -> US$ bn
    tolerance: float = 0.5  # largest influence share it accepts without a premium
    revenue: float = 0.0  # last year's export revenue, US$ bn
    growth: float = 0.0  # last year's GDP growth, fraction
    projects: tuple[tuple[str, float, int], ...] = ()  # (resource or "refining", capacity, year due)
    diversify: float = 0.0  # wish to diversify routes, raised when a route is cut (0..1)
    never_against: tuple[str, ...] = ()  # powers it will never join a bloc against
    goods: Mapping[str, float] = field(factory=dict)  # great power -> goods trade, US$ bn a year (not resources)
    remittances: Mapping[str, float] = field(factory=dict)  # great power -> migrants' money received, US$ bn a year
    reexport: float = 0.0  # extra yearly growth of goods from outside its common market (passed on to members)
    grace: Mapping[str, int] = field(factory=dict)  # creditor -> last year of a rescheduling grace (no debt service due)
    entry: Mapping[str, float] = field(factory=dict)  # host power -> how open it is to this state's migrants (1 = as at the start)


@frozen
class Corridor:
    """A transport route: path, mode, goods, capacity, cost, controllers, status."""

    id: str
    name: str
    mode: str  # oil_pipeline, gas_pipeline, rail, ferry_rail, road
    path: tuple[str, ...]  # country ids along the route, exporters first
    waypoints: tuple[str, ...]  # map places, by id
    goods: tuple[str, ...]
    markets: tuple[str, ...]  # buyers it reaches: great power ids and/or "world"
    capacity: float  # units a year (Mt, or bcm for gas)
    unit_cost: float  # US$ bn per unit carried
    fee: float  # US$ bn per unit, paid to each controller that is not the exporter
    controllers: tuple[str, ...]
    status: str  # planned, building, operating, disrupted
    build_cost: float = 0.0
    build_years: int = 0
    progress: float = 0.0  # years of construction done
    upgrade_step: float = 0.0  # capacity added by one upgrade
    owners: Mapping[str, float] = field(factory=dict)  # stakes, power -> share
    disrupted_years: int = 0
    transit: Mapping[str, float] = field(factory=dict)  # C5 state on the path -> its transit fee (default: fee)
    consents: tuple[str, ...] = ()  # C5 states that agreed to a planned corridor crossing them
    upgrade_cost: float = 0.0  # US$ bn one upgrade costs (0: the rules' play.upgrade_cost)
    upgrade_years: int = 0  # least years between two upgrades (ports, customs and rolling stock take time)
    upgraded: int = 0  # the year of its last upgrade (0: never)
    cargo: float = 0.0  # general cargo a year (containers, grain, metals, transit), Mt, carried before resources


@frozen
class River:
    """A river shared by upstream states with dams and downstream states that irrigate from it."""

    @property
    def downstream(self) -> tuple[str, ...]:
        """The states that irrigate from it, in the scenario's order."""
        return tuple(self.farm_loss)

    id: str
    name: str
    upstream: tuple[str, ...]
    hydro: float  # US$ bn an upstream state's GDP is higher while it holds the water for winter power (rule water)
    farm_loss: Mapping[str, float]  # downstream state -> share by which its GDP is lower while the water is held
    held: tuple[str, ...] = ()  # upstream states holding the water this year
    promises: Mapping[str, int] = field(factory=dict)  # upstream state -> last year it promised to release
    applied: Mapping[str, float] = field(factory=dict)  # upstream state -> the GDP factor its hold applied (rule water)


@frozen
class Tender:
    """A concession a Central Asian state has put up for tender: a new deposit's output for some years."""

    id: str
    host: str
    resource: str
    volume: float  # units a year the new mine will produce, sold to the winner
    years: int  # years the winner's supply contract runs
    year: int  # the year it was opened; great powers bid the year after
    winner: str = ""  # the great power whose bid was accepted ("" = none yet)


@frozen(cache_hash=True)  # the goods key of every resolution hashes the contracts (`geography.goods_key`)
class Contract:
    """A seller's promise to deliver a yearly volume to a buyer, maybe on a named corridor."""

    id: str
    seller: str
    buyer: str
    resource: str
    volume: float
    price_factor: float  # multiple of the world price
    years_left: int
    corridor: str = ""  # "" = the cheapest open route
    status: str = "active"  # active, paused


@frozen
class Pledge:
    """Aid promised by a donor and not yet delivered."""

    id: str
    donor: str
    recipient: str
    kind: str  # grant, tc, loan
    amount: float
    due_year: int
    slips: int = 0


@frozen
class Forum:
    """An institution or dialogue: members, level and the standing it gives its host."""

    id: str
    name: str
    host: str  # the great power that convenes it ("" for a caucus of Central Asian states)
    members: tuple[str, ...]
    level: int  # 0 dormant, 1 ministers, 2 leaders
    last_met: int
    standing: float = 0.0  # accumulated bonus, decays slowly
    against: str = ""  # a power this bloc is aimed at ("" = none)
    market: float = 0.0  # a common market: yearly growth added to goods trade between its members
    caucus: bool = False  # a forum of Central Asian states only, with no great-power host (rule caucus)
    convened: tuple[str, ...] = ()  # members that have convened its meeting this year (a caucus)
    united: tuple[str, ...] = ()  # members bound by the common stance of its last meeting (a caucus)


@frozen
class Item:
    """One thing a side gives in an offer."""

    kind: str  # aid, contract, cofinance, statement, transit (corridor, fee as amount), water (corridor = river, years), energy (amount),
    # writedown (amount of debt), grace (years without debt service), quota (amount = entry level for migrants)
    resource: str = ""
    aid_kind: str = ""
    amount: float = 0.0  # US$ bn (aid, cofinance) or volume (contract)
    price_factor: float = 1.0
    years: int = 0
    corridor: str = ""
    against: str = ""


@frozen
class Offer:
    """A proposal between two powers: what the sender gives and what it asks."""

    id: str
    sender: str
    receiver: str
    gives: tuple[Item, ...]
    asks: tuple[Item, ...]
    year: int
    status: str = "pending"  # pending, accepted, rejected, countered, lapsed; agreed, failed (parts of a pact)
    reply_to: str = ""
    reason: str = ""
    pact: str = ""  # id of the multi-party deal this offer is one part of ("" = a deal between two)
    partners: tuple[str, ...] = ()  # the pact's other receiving parties


@frozen
class Policy:
    """A policy card in force."""

    id: str
    card: str
    actor: str
    target: str = ""
    resource: str = ""
    corridor: str = ""
    started: int = 0
    years_left: int = 0


@frozen
class Summit:
    """A summit called this year: invitations and answers."""

    forum: str
    host: str
    invited: tuple[str, ...]
    answers: Mapping[str, bool] = field(factory=dict)


@frozen
class EventDef:
    """A scripted or random event: when it fires and what it does (data, never code)."""

    id: str
    title: str
    note: str
    source: str
    year: int = 0  # 0 = no fixed year
    when: tuple[tuple[str, str, float], ...] = ()  # (path, op, value) conditions
    after: str = ""  # fires only once this event has fired
    weight: float = 0.0  # > 0: a random event drawn with this weight
    effects: tuple[tuple[str, ...], ...] = ()  # (verb, args...)
    once: bool = True


@frozen
class CrisisDef:
    """A crisis card of the scenario's deck: drawn when the tension track or regional stability crosses its threshold."""

    id: str
    text: str  # catalogue key family: `crisis.<text>.title` and `crisis.<text>.note`
    source: str
    tension: float = 0.0  # > 0: eligible once the tension track stands at or above this
    stability: float = 0.0  # > 0: eligible once mean C5 stability stands at or below this
    weight: float = 1.0  # its chance against the other eligible cards
    effects: tuple[tuple[str, ...], ...] = ()  # (verb, args...), the events' vocabulary
    once: bool = True


@frozen(slots=False)  # a __dict__ lets `ops.evolve` copy a World in one step (it is copied ~20,000 times a game)
class World:
    """The whole state of a game at one moment."""

    scenario_id: str
    title: str
    seed: int
    year: int
    start_year: int
    end_year: int
    phase: str
    turn: int
    order: tuple[str, ...]
    powers: Mapping[str, Power]
    economies: Mapping[str, Economy]
    influence: Mapping[str, Mapping[str, float]]  # C5 id -> holder -> influence
    trust: Mapping[str, Mapping[str, float]]  # C5 id -> great power -> 0..1
    tension: Mapping[str, float]  # "a|b" (sorted ids) -> 0..1
    corridors: Mapping[str, Corridor]
    contracts: Mapping[str, Contract]
    pledges: Mapping[str, Pledge]
    forums: Mapping[str, Forum]
    offers: Mapping[str, Offer]
    policies: Mapping[str, Policy]
    prices: Mapping[str, float]  # US$ bn per unit
    risks: Mapping[str, float]
    rules: Mapping[str, float]
    events: tuple[EventDef, ...] = ()
    fired: tuple[str, ...] = ()
    summits: tuple[Summit, ...] = ()
    ap_left: Mapping[str, int] = field(factory=dict)
    flows: Mapping[str, Mapping[str, float]] = field(factory=dict)
    trade: Mapping[str, Mapping[str, float]] = field(factory=dict)  # C5 -> buyer -> US$ bn
    exports: Mapping[str, Mapping[str, float]] = field(factory=dict)  # C5 -> corridor -> US$ bn
    received: Mapping[str, Mapping[str, float]] = field(factory=dict)  # buyer -> resource -> units
    scores: Mapping[str, float] = field(factory=dict)
    serial: int = 0  # last id handed out
    status: str = "playing"  # playing, over, collapsed
    news: tuple[str, ...] = ()  # event cards shown this year (event ids)
    rivers: Mapping[str, River] = field(factory=dict)
    tenders: Mapping[str, Tender] = field(factory=dict)
    rounds: tuple[int, ...] = ()  # years at whose end a scoring round is held
    round_weights: tuple[float, ...] = ()  # each round's multiplier (() = all 1)
    scored: tuple[Mapping[str, float], ...] = ()  # points each power earned in each round held so far
    measured: tuple[Mapping[str, Mapping[str, float]], ...] = ()  # the measures each round was scored on
    start_measures: Mapping[str, Mapping[str, float]] = field(factory=dict)  # measures when the game began
    happened: tuple[tuple[int, str, str, str, str], ...] = ()  # (year, event id, effect, before, after) applied
    record: Mapping[str, object] = field(factory=dict)  # the figures of the last finished year (game.history)
    crises: tuple[CrisisDef, ...] = ()  # the scenario's crisis deck (game.rules.tension)
    moves: tuple[tuple[str, str, str], ...] = ()  # this year's moves that move tension: (actor, kind, other)

    def great_powers(self) -> tuple[str, ...]:
        """Ids of the great powers, in seat order."""
        return _seats(self.order, self.powers)[0]

    def c5(self) -> tuple[str, ...]:
        """Ids of the Central Asian states, in seat order."""
        return _seats(self.order, self.powers)[1]

    def current(self) -> str:
        """The seat whose move it is, or "" outside the interactive phases."""
        return self.order[self.turn] if 0 <= self.turn < len(self.order) else ""

    def param(self, name: str) -> float:
        """A balancing parameter from the rules table."""
        return self.rules[name]


_SEATS: dict = {}  # (seat order, the kind of each seat) -> its great powers and C5 states (one entry a scenario)


def _seats(order: tuple[str, ...], powers: Mapping[str, Power]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(great powers, Central Asian states) of `order`, in seat order, worked out once per order and kinds (every
    projection of an AI makes new powers mappings, all with the kinds of the scenario's)."""
    kinds = tuple(powers[p].kind for p in order)
    got = _SEATS.get((order, kinds))
    if got is None:
        got = _SEATS[order, kinds] = (tuple(p for p, k in zip(order, kinds) if k == GREAT),
                                      tuple(p for p, k in zip(order, kinds) if k == C5))
    return got


def tension_key(a: str, b: str) -> str:
    """The key of the tension between two great powers, independent of order."""
    return "|".join(sorted((a, b)))
