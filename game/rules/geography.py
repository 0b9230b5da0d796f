"""Rule 2, geography and cost: goods take the cheapest open route within capacity.

Netback per unit on corridor k = price x price_factor x grade - load[r] x (s x u[k] + fees[k]),
where s is `geography.cost_scale` (1: the corridors' own transport costs; 0: distance costs
nothing), load[r] is the capacity a unit of r takes (costs and fees are per unit of capacity,
so a kt of rare earths pays a thousandth of a Mt of oil) and fees[k] sums, over each
tollkeeper (a controller off the exporter's path or downstream of it, and each Central
Asian transit state downstream of it), that keeper's fee: its own transit fee on k if it
set one (rule `transit`), else fee[k]; a fee above the base sends part of the
exporter's goods elsewhere (`transit.throughput`). A corridor's general
cargo takes its room first (trade.cargo). Contracts ship first,
on their named corridor or the cheapest open one reaching the buyer; the rest of a
state's output goes to the cheapest open corridors until capacity runs out. Trade between a
state and a buyer counts the goods at the price paid but never above the world price,
units x price x min(price_factor, 1) x grade: a premium is a transfer, not more trade, so a
buyer that pays twice the price wins no more trade (or influence by it). Export
diversity `D[c] = 1 - HHI(export value by gatekeeper)`, a gatekeeper being the great
power that controls a route (or the route itself when no great power does).
Sources: 000_81351d1bb27a5d01.txt (the eastern route is short and cheap),
004_a1b4f633fd039a28.txt (the Black Sea route avoids China; single-route risk).
"""
from __future__ import annotations

from itertools import islice

from attrs import frozen

from game.model import LOAD, Corridor, World
from game.model.memo import Memo, ids
from game.model.memo import on as memo_on
from game.rules import dependence, refining, trade, transit

OPEN = "operating"


@frozen
class Flows:
    """What one year's resolution moved and earned."""

    flows: dict  # corridor -> resource -> units
    exports: dict  # C5 -> corridor -> US$ bn
    trade: dict  # C5 -> buyer -> US$ bn, never above the world price
    revenue: dict  # C5 -> US$ bn (netback)
    fees: dict  # controller -> US$ bn
    received: dict  # buyer -> resource -> secure units
    shipped: dict  # contract id -> units


def tollkeepers(world: World, k: Corridor, exporter: str) -> list[str]:
    """Who charges `exporter` on `k`: controllers downstream of it or off its path, and C5 transit states downstream."""
    start = k.path.index(exporter) if exporter in k.path else -1
    keepers = [*k.controllers, *transit.transit_states(world, k)]
    return [ctl for ctl in dict.fromkeys(keepers)
            if ctl != exporter and (ctl not in k.path or k.path.index(ctl) > start)]


def fees(world: World, k: Corridor, exporter: str) -> float:
    """Transit fees per unit that `exporter` pays on `k`."""
    return sum(transit.fee_of(world, k, ctl) for ctl in tollkeepers(world, k, exporter))


def route_cost(world: World, k: Corridor, exporter: str) -> float:
    """Cost per unit, transport plus fees, for `exporter` on `k`."""
    return transport(world, k) + fees(world, k, exporter)


def transport(world: World, k: Corridor) -> float:
    """Transport cost per unit on `k`: its own cost times `geography.cost_scale`."""
    return k.unit_cost * world.param("geography.cost_scale")


def carries(k: Corridor, c: str, r: str) -> bool:
    """Whether `k` is open and can take good `r` from state `c`."""
    return k.status == OPEN and r in k.goods and c in k.path[:-1]


def routes(world: World, c: str, r: str, buyer: str = "") -> list[Corridor]:
    """Open corridors that take `r` from `c` (to `buyer`, if named), cheapest first (worked out once
    per set of corridor records: `network`)."""
    return list(network(world).routes(c, r, buyer))


def cheapest(world: World, c: str, r: str, buyer: str, cost) -> list[Corridor]:
    """Open corridors that take `r` from `c` (to `buyer`, if named), sorted by `cost(k, c)`, then id."""
    found = [k for k in world.corridors.values() if carries(k, c, r) and (not buyer or buyer in k.markets)]
    return sorted(found, key=lambda k: (cost(k, c), k.id))


def output(world: World, c: str, r: str) -> float:
    """What `c` can produce of `r` this year: capacity scaled by stability."""
    eco = world.economies[c]
    weight = world.param("economy.stability_output")
    return eco.production.get(r, 0.0) * (1 - weight + weight * eco.stability / 100)


def netback(world: World, c: str, r: str, k: Corridor, price_factor: float = 1.0, cost: float | None = None) -> float:
    """US$ bn earned by `c` per unit of `r` sold over `k` (`cost`: its route cost, when already known)."""
    cost = route_cost(world, k, c) if cost is None else cost
    return unit_net(world.prices[r], price_factor, refining.grade(world, c, r), LOAD[r], cost)


def traded(units: float, price: float, price_factor: float, grade: float) -> float:
    """The trade a shipment counts, US$ bn: at the price paid but never above the world price (a premium is a
    transfer, not more trade), `units x price x min(price_factor, 1) x grade`."""
    return units * price * min(price_factor, 1.0) * grade


def unit_net(price: float, price_factor: float, grade: float, load: float, cost: float) -> float:
    """Netback per unit from its parts: `price x price_factor x grade - load x cost`."""
    return price * price_factor * grade - load * cost


class _Ledger:
    """Running totals while goods are allotted to corridors."""

    def __init__(self, world: World):
        self.world = world
        self.room = {k.id: k.capacity - trade.cargo(k) for k in world.corridors.values() if k.status == OPEN}
        self.left = {(c, r): output(world, c, r) for c in world.economies for r in world.economies[c].production}
        self.flows, self.exports, self.trade = {}, {}, {}
        self.revenue = {c: 0.0 for c in world.economies}
        self.fees, self.received, self.shipped = {}, {}, {}
        self.net = network(world)
        self.goods: dict[tuple[str, str], tuple[float, float, float]] = {}  # (state, good) -> `terms`, once per resolution

    def terms(self, c: str, r: str) -> tuple[float, float, float]:
        """The world price of `r`, the grade of `c`'s `r` and the share of it that arrives secure, worked out once
        per state and good (`refining.grade`, `refining.secure_share`)."""
        key = (c, r)
        got = self.goods.get(key)
        if got is None:
            got = self.goods[key] = (self.world.prices[r], refining.grade(self.world, c, r),
                                     refining.secure_share(self.world, c, r))
        return got

    def continued(self, world: World | None) -> "_Ledger":
        """A ledger for `world` holding this one's running totals (`world` has the same goods inputs, so the
        same terms and network; the totals are copied, so shipping more on either leaves the other as it was).
        With None, a copy to keep for later that holds no World (`allot_after`). The terms worked out so far are
        shared: they are those of the same goods inputs."""
        new = object.__new__(_Ledger)
        new.world, new.net, new.goods = world, (network(world) if world is not None else None), self.goods
        new.room, new.left = dict(self.room), dict(self.left)
        new.flows, new.exports, new.trade, new.received = (
            {outer: dict(row) for outer, row in table.items()}
            for table in (self.flows, self.exports, self.trade, self.received))
        new.revenue, new.fees, new.shipped = dict(self.revenue), dict(self.fees), dict(self.shipped)
        return new

    def ship(self, c: str, r: str, k: Corridor, want: float, buyer: str, price_factor: float) -> float:
        """Move up to `want` units of `r` from `c` over `k` to `buyer`; return what moved."""
        units = min(want, self.left.get((c, r), 0.0), self.room.get(k.id, 0.0) / LOAD[r])
        if units <= 1e-9:
            return 0.0
        load = LOAD[r]
        self.left[(c, r)] -= units
        self.room[k.id] -= units * load
        price, grade, secure = self.terms(c, r)
        value = units * price * price_factor * grade
        _add(self.flows, k.id, r, units)
        _add(self.exports, c, k.id, value)
        _add(self.trade, c, buyer, traded(units, price, price_factor, grade))
        self.revenue[c] += units * unit_net(price, price_factor, grade, load, self.net.cost(k, c))  # `netback`
        fees = self.fees
        for ctl, fee in self.net.toll_fees(k, c):
            fees[ctl] = fees.get(ctl, 0.0) + units * load * fee
        _add(self.received, buyer, r, units * secure)
        return units


def _add(table: dict, outer: str, inner: str, amount: float) -> None:
    row = table.setdefault(outer, {})
    row[inner] = row.get(inner, 0.0) + amount


def ship_contracts(world: World, ledger: _Ledger, skip: int = 0) -> None:
    """Contracted volumes move first, on their named corridor or the cheapest that reaches the buyer (`skip`: the
    first contracts have shipped already)."""
    for con in islice(world.contracts.values(), skip, None):
        if con.status != "active":  # paused or defaulted
            continue
        named = world.corridors.get(con.corridor)
        candidates = [named] if named and carries(named, con.seller, con.resource) else (
            [] if con.corridor else ledger.net.routes(con.seller, con.resource, con.buyer))
        want = con.volume
        for k in candidates:
            allowed = want * (1 - dependence.cut_share(world, k, con.resource, con.buyer)) \
                * ledger.net.throughput(k, con.seller)
            want -= ledger.ship(con.seller, con.resource, k, allowed, con.buyer, con.price_factor)
            if want <= 1e-9:
                break
        ledger.shipped[con.id] = con.volume - want


def ship_spot(world: World, ledger: _Ledger) -> None:
    """Uncontracted output goes to the cheapest open routes, sold at the world price."""
    for (c, r), left in list(ledger.left.items()):
        for k in ledger.net.routes(c, r):
            if ledger.left[(c, r)] <= 1e-9:
                break
            ledger.ship(c, r, k, ledger.left[(c, r)] * ledger.net.throughput(k, c), k.markets[0], 1.0)


_FLOWS = Memo(256)  # goods key -> Flows (~10 KB each; a normal AI game reuses only its 128 latest; a full hard 2015 game
# loses 4 of its 24,871 hits against 1,024 entries, and the debrief's memory goal holds: docs/speed.md, Memory)
_SHIPPED = Memo(64)  # (goods key less the contracts, the contracts) -> the ledger once they have shipped, before the spot market
_NETWORKS = Memo(128)  # corridor records and powers' kinds -> Network (a year of hard AI reuses its 45 latest: C5 answers look at
# contracts with the room they lack, `ai.projection.in_full`)


def goods_key(world: World) -> tuple[tuple, tuple]:
    """What `resolve` reads, as a key: the identities of the corridor records, the contracts
    themselves (plain values: a contract signed again in another projection is the same key), each
    state's output inputs, prices, export controls, the powers' kinds and the rules table; and
    the records whose identities it names."""
    kept = (*world.corridors.values(), world.rules, *(eco.production for eco in world.economies.values()))
    key = (ids(kept), tuple(world.contracts.values()),
           tuple((c, eco.stability, eco.refining) for c, eco in world.economies.items()),
           tuple(world.prices.items()),
           tuple((pol.actor, pol.target, pol.resource) for pol in world.policies.values()
                 if pol.card == dependence.CONTROLS),
           tuple(p.kind for p in world.powers.values()))
    return key, kept


def resolve(world: World) -> Flows:
    """Allot this year's output to corridors: contracts first, then the spot market (a world whose
    goods inputs were resolved before gets the same Flows again; Flows are read, never changed)."""
    key, kept = goods_key(world)
    return _FLOWS.get(key, kept, lambda: allot_after(world, key, kept))


def allot_after(world: World, key: tuple, kept: tuple) -> Flows:
    """`allot(world)`, continued from the ledger of a world resolved before with the same goods inputs and the same
    contracts but `world`'s last (an AI's projection signs one contract; 2-3 year normal and hard games showed no
    other case): contracts ship one after another in their order, so the ledger after all but the last is the same
    in both worlds, and only the last contract and the spot market are shipped anew (the same additions in the same
    order: the same Flows)."""
    rest, contracts = (key[0], *key[2:]), key[1]
    found = _SHIPPED.find((rest, contracts[:-1])) if contracts else None
    ledger, done = (found.continued(world), len(contracts) - 1) if found is not None else (_Ledger(world), 0)
    ship_contracts(world, ledger, done)
    _SHIPPED.put((rest, contracts), kept, ledger.continued(None))
    return spot_market(world, ledger)


class Network:
    """Route costs, tollkeepers, transit throughputs and cheapest-first routes of one set of corridor
    records, each worked out once (they read only the corridors, which powers are C5 states and the rules table)."""

    def __init__(self, world: World):
        self.world = world
        self.keepers: dict = {}  # (corridor id, exporter) -> tollkeepers
        self.costs: dict = {}  # (corridor id, exporter) -> route cost
        self.fee_rows: dict = {}  # (corridor id, exporter) -> ((tollkeeper, its fee), ...)
        self.passing: dict = {}  # (corridor id, exporter) -> transit.throughput
        self.found: dict = {}  # (exporter, good, buyer) -> routes

    def tolls(self, k: Corridor, c: str) -> list[str]:
        """`tollkeepers(world, k, c)`."""
        key = (k.id, c)
        if key not in self.keepers:
            self.keepers[key] = tollkeepers(self.world, k, c)
        return self.keepers[key]

    def throughput(self, k: Corridor, c: str) -> float:
        """`transit.throughput(world, k, c)`: the share of `c`'s goods that still take `k` at its transit fees."""
        key = (k.id, c)
        kept = self.passing.get(key)
        if kept is None:
            kept = self.passing[key] = transit.throughput(self.world, k, c)
        return kept

    def toll_fees(self, k: Corridor, c: str) -> tuple[tuple[str, float], ...]:
        """Each tollkeeper of `c` on `k` with the fee per unit it charges (`transit.fee_of`)."""
        key = (k.id, c)
        rows = self.fee_rows.get(key)
        if rows is None:
            rows = self.fee_rows[key] = tuple((ctl, transit.fee_of(self.world, k, ctl)) for ctl in self.tolls(k, c))
        return rows

    def cost(self, k: Corridor, c: str) -> float:
        """`route_cost(world, k, c)` (the same sum in the same order, so the same bits)."""
        key = (k.id, c)
        if key not in self.costs:
            fees = sum(transit.fee_of(self.world, k, ctl) for ctl in self.tolls(k, c))
            self.costs[key] = transport(self.world, k) + fees
        return self.costs[key]

    def routes(self, c: str, r: str, buyer: str = "") -> list[Corridor]:
        """Open corridors that take `r` from `c` (to `buyer`, if named), cheapest first."""
        key = (c, r, buyer)
        if key not in self.found:
            self.found[key] = cheapest(self.world, c, r, buyer, self.cost)
        return self.found[key]


_LAST_NETWORK: list = [None, None, None, None]  # the last (corridors, powers, rules) mappings asked about, their Network


def network(world: World) -> Network:
    """The Network of `world`'s corridors, shared with every world holding the same corridor records and rules table."""
    last = _LAST_NETWORK
    if last[0] is world.corridors and last[1] is world.powers and last[2] is world.rules and memo_on():  # never mutated
        return last[3]
    kept = (*world.corridors.values(), world.rules)
    key = (ids(kept), tuple(p.kind for p in world.powers.values()), tuple(world.powers))
    net = _NETWORKS.get(key, kept, lambda: Network(world))
    last[:] = [world.corridors, world.powers, world.rules, net]
    return net


def allot(world: World) -> Flows:
    """The geography rule itself, computed afresh: contracts first, then the spot market."""
    ledger = _Ledger(world)
    ship_contracts(world, ledger)
    return spot_market(world, ledger)


def spot_market(world: World, ledger: _Ledger) -> Flows:
    """The year's Flows once the spot market has taken what the contracts in `ledger` left."""
    ship_spot(world, ledger)
    return Flows(ledger.flows, ledger.exports, ledger.trade, ledger.revenue, ledger.fees,
                 ledger.received, ledger.shipped)


def gatekeeper(world: World, k: Corridor, exporter: str) -> str:
    """Who can cut `k` for `exporter`: its first great-power controller, else the route itself."""
    for ctl in k.controllers:
        if ctl != exporter and ctl in world.powers and world.powers[ctl].kind == "great":
            return ctl
    return k.id


def export_diversity(world: World, c: str, exports: dict | None = None) -> float:
    """`1 - HHI` of `c`'s export value by gatekeeper: 0 with one gatekeeper."""
    by_route = (exports if exports is not None else world.exports).get(c, {})
    by_keeper: dict[str, float] = {}
    for kid, value in by_route.items():
        if kid in world.corridors:
            g = gatekeeper(world, world.corridors[kid], c)
            by_keeper[g] = by_keeper.get(g, 0.0) + value
    total = sum(by_keeper.values())
    if total <= 0:
        return 0.0
    return 1 - sum((v / total) ** 2 for v in by_keeper.values())
