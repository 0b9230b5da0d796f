"""The economy: aid taking effect, export revenue, transit fees, debt, growth, stability.

Aid delivered (US$ bn a): grant -> recipient treasury +a; technical cooperation ->
GDP x (1 + tc_growth x a / GDP); loan -> treasury +a and debt to the donor +a. Each gives
the donor `influence.<kind> x a / sqrt(GDP)` influence, times the hedging rival bonus.
Yearly: treasury += fiscal_share x netback revenue + income (a loss never takes it below 0,
as when a price falls under the cost of carrying the goods); controllers earn fees; debt costs
interest + repay x principal, except to a creditor that granted a grace this year (rule debt; unpaid
service is rolled into debt, never overdrawing the treasury); growth g = base_growth + export_growth x revenue / GDP (kept within -1..10, and
GDP never below 0.01); stability moves `revert x (normal - s) + growth x (g - base_growth) - debt x max(0, debt/GDP - safe)`.
Developing a deposit adds `develop_share x output` (1% of the reserves where nothing is mined yet) after
`develop_years` and costs `max(develop_cost, develop_payback x added x price)`: years of what the new output
will sell, as oil and gas fields cost (Tengiz's expansion, about US$48bn for some 12 Mt a year, is about
eight years of its sales).
Sources: 001_78d6b60161a582b5.txt (ODA by type: grants, technical cooperation, loans),
002_b2119cfe6ca6f9f4.txt (trade and infrastructure as development); public record (Tengizchevroil's
Future Growth Project, 2016-2025).
"""
from __future__ import annotations

from game.model import Pledge, World
from game.model.ops import add_treasury, clamp, put, with_economy, with_power
from game.rules import hedging
from game.rules.influence import per_gdp
from game.rules.invariants import field_for

GDP, GROWTH = field_for("economies.any.gdp"), field_for("economies.any.growth")  # the ranges the World keeps


def aid_influence(world: World, c: str, p: str, kind: str, amount: float) -> float:
    """Influence p wins in c with `amount` of aid of `kind`."""
    return world.param(f"influence.{kind}") * per_gdp(world, c, amount) * hedging.rival_multiplier(world, c, p)


def give_aid(world: World, pledge: Pledge) -> World:
    """A delivered pledge takes effect: money moves, the donor gains influence."""
    c, p, a = pledge.recipient, pledge.donor, pledge.amount
    world = add_treasury(world, p, -a)
    world = hedging.win(world, c, p, aid_influence(world, c, p, pledge.kind, a))
    eco = world.economies[c]
    if pledge.kind == "tc":
        return with_economy(world, c, gdp=eco.gdp * (1 + world.param("economy.tc_growth") * a / eco.gdp))
    world = add_treasury(world, c, a)
    if pledge.kind == "loan":
        world = with_economy(world, c, debt=put(eco.debt, p, eco.debt.get(p, 0.0) + a))
    return world


_PLEDGE_TOTALS: list = [None, {}]  # memo: the last pledges mapping seen and its totals by donor


def committed(world: World, p: str) -> float:
    """US$ bn p has pledged and not yet delivered."""
    pledges = world.pledges
    if _PLEDGE_TOTALS[0] is not pledges:  # mappings are never mutated, so identity is a safe key
        totals: dict[str, float] = {}
        for pl in pledges.values():
            totals[pl.donor] = totals.get(pl.donor, 0.0) + pl.amount
        _PLEDGE_TOTALS[:] = [pledges, totals]
    return _PLEDGE_TOTALS[1].get(p, 0.0)


def free_funds(world: World, p: str) -> float:
    """What p can still promise: treasury less outstanding pledges."""
    return world.powers[p].treasury - committed(world, p)


def service_debt(world: World, c: str) -> World:
    """Pay interest and part of the principal; what cannot be paid is rolled over."""
    eco = world.economies[c]
    rate, repay = world.param("economy.interest"), world.param("economy.repay")
    debt = dict(eco.debt)
    cash = world.powers[c].treasury
    for creditor, owed in eco.debt.items():
        if eco.grace.get(creditor, 0) >= world.year:  # rescheduled: nothing due this year (rule debt)
            continue
        due = owed * (rate + repay)
        paid = min(due, max(0.0, cash))
        cash -= paid
        debt[creditor] = owed - owed * repay + (due - paid)
        if creditor in world.powers and world.powers[creditor].kind == "great":
            world = add_treasury(world, creditor, paid)
    world = with_power(world, c, treasury=cash)
    return with_economy(world, c, debt=debt)


def debt_ratio(world: World, c: str) -> float:
    """Total debt over GDP."""
    eco = world.economies[c]
    return sum(eco.debt.values()) / max(eco.gdp, 0.1)


def gdp_floor(gdp: float) -> float:
    """A GDP never below the World's floor (0.01 US$ bn): every rule that divides by GDP stays finite."""
    return max(GDP.low, gdp)


def grow(world: World, c: str, revenue: float) -> World:
    """GDP grows with exports; stability follows growth and debt."""
    eco = world.economies[c]
    base = world.param("economy.base_growth")
    g = clamp(base + world.param("economy.export_growth") * revenue / max(eco.gdp, 0.1), GROWTH.low, GROWTH.high)
    over = max(0.0, debt_ratio(world, c) - world.param("economy.debt_safe"))
    s = eco.stability + world.param("stability.revert") * (world.param("stability.normal") - eco.stability) \
        + world.param("stability.growth") * (g - base) - world.param("stability.debt") * over
    return with_economy(world, c, gdp=gdp_floor(eco.gdp * (1 + g)), growth=g, revenue=revenue,
                        stability=clamp(s, 0, 100))


def settle(world: World, revenue: dict, fees: dict) -> World:
    """Credit export revenue and transit fees; service debt; grow every C5 economy."""
    share = world.param("economy.fiscal_share")
    for pid in world.powers:
        world = with_power(world, pid, transit_income=fees.get(pid, 0.0))
        world = add_treasury(world, pid, fees.get(pid, 0.0))
    for c in world.economies:
        earned = share * revenue.get(c, 0.0) + world.powers[c].income  # below 0 when goods sell under their cost
        world = with_power(world, c, treasury=max(0.0, world.powers[c].treasury + earned))
        world = service_debt(world, c)
        world = grow(world, c, revenue.get(c, 0.0))
    return world


def fund_budgets(world: World) -> World:
    """Great powers receive their yearly aid and investment budget."""
    for p in world.great_powers():
        world = add_treasury(world, p, world.powers[p].income)
    return world


def finish_projects(world: World) -> World:
    """Deposits and refineries whose build time is over come on stream."""
    for c, eco in world.economies.items():
        done = [pr for pr in eco.projects if pr[2] <= world.year]
        if not done:
            continue
        prod, refining = dict(eco.production), eco.refining
        for what, amount, _ in done:
            if what == "refining":
                refining += amount
            else:
                prod[what] = prod.get(what, 0.0) + amount
        left = tuple(pr for pr in eco.projects if pr[2] > world.year)
        world = with_economy(world, c, production=prod, refining=refining, projects=left)
    return world


def mean_stability(world: World) -> float:
    """Mean stability of the C5 states."""
    return sum(e.stability for e in world.economies.values()) / max(1, len(world.economies))

