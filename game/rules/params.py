"""The rules table: every balancing parameter, its default, range and meaning.

A scenario's `[rules]` table overrides any of these by name. Rule modules read
parameters through `world.param(name)`; no balancing number lives in code.
"""
from __future__ import annotations

from attrs import frozen


@frozen
class Param:
    """A named balancing parameter."""

    default: float
    low: float
    high: float
    meaning: str


PARAMS: dict[str, Param] = {
    # 1. Multi-vector hedging
    "hedging.penalty": Param(2.0, 0, 20, "utility lost per unit of influence share above a state's tolerance"),
    "hedging.over_keep": Param(0.25, 0, 1, "share of an influence gain past a state's tolerance that still counts"),
    "hedging.trust_loss": Param(0.5, 0, 5, "trust a state loses in a power per unit of share it is pushed past its tolerance"),
    "hedging.rival_bonus": Param(2.0, 0, 10, "extra influence for rivals per unit a dominant power exceeds tolerance"),
    # 2. Geography and cost
    "geography.diversity_value": Param(0.3, 0, 5, "utility a state puts on one unit of export diversity gained"),
    "geography.cost_scale": Param(1.0, 0, 10, "multiplier on every corridor's transport cost per unit (0: distance costs nothing)"),
    # 3. Backlash
    "backlash.cost": Param(0.3, 0, 5, "utility a state fears per unit of tension x dependence on a rival"),
    "backlash.gdp_half": Param(50.0, 1, 1000, "GDP (US$ bn) at which a state shrugs off half of a rival's displeasure"),
    "backlash.trust_loss": Param(0.1, 0, 1, "share of its influence a displeased rival loses per unit of tension x dependence"),
    "backlash.trust_cut": Param(0.05, 0, 1, "trust a state loses in a displeased rival per unit of tension x dependence when it goes ahead"),
    "summit.gain": Param(0.05, 0, 1, "utility of attending a summit, per forum level, before trust"),
    # 4. Credibility
    "credibility.followup": Param(0.3, 0, 1, "added delivery chance per unit of the donor's trade share"),
    "credibility.cap": Param(0.98, 0.5, 1, "highest chance a pledge is delivered on time"),
    "credibility.trust_gain": Param(0.04, 0, 0.5, "trust gained when a pledge is delivered"),
    "credibility.trust_loss": Param(0.08, 0, 0.5, "trust lost when a pledge slips"),
    "credibility.max_slips": Param(2, 0, 10, "slips after which a pledge is abandoned"),
    # 5. Latecomer dilution
    "dilution.rate": Param(0.012, 0, 0.2, "outside powers' influence gained each year, as a share of the total"),
    # 6. Weaponised dependence
    "dependence.control_strength": Param(0.8, 0, 1, "share of the target's supply from the actor cut by export controls"),
    "dependence.coercion_trust": Param(0.06, 0, 1, "trust the coercing power loses in every C5 state"),
    "dependence.diversify_push": Param(0.05, 0, 1, "share of the coercer's influence that drains to others in every C5 state"),
    "dependence.pressure_fee": Param(2.0, 1, 10, "fee multiple on a corridor under transit pressure"),
    "dependence.deep_sea_years": Param(10, 1, 30, "years from a deep-sea mining programme to output"),
    "dependence.deep_sea_cost": Param(10.0, 1, 50, "cost multiple of deep-sea rare earths over land mining"),
    "dependence.recycling_year": Param(2030, 1990, 2100, "first year recycling yields rare earths"),
    "dependence.recycling_cost": Param(3.3, 1, 10, "cost multiple of recycled rare earths (+230%)"),
    "dependence.alternative_share": Param(0.15, 0, 1, "share of demand an alternative source can cover once online"),
    "dependence.diversify_fade": Param(0.2, 0, 1, "share of a state's wish to diversify that fades each year"),
    "dependence.control_years": Param(2, 1, 10, "years export controls or transit pressure stay in force"),
    # Transit consent and fees (Central Asian levers)
    "transit.max_multiple": Param(3.0, 1, 20, "highest transit fee a state may set, as a multiple of the corridor's base fee"),
    "transit.min_base": Param(0.004, 0, 1, "base fee (US$ bn a unit) assumed for the cap when a corridor has none"),
    "transit.step": Param(0.002, 0.0001, 1, "the fee change (US$ bn a unit) the action menu offers"),
    "transit.elasticity": Param(0.5, 0, 5, "share of an exporter's traffic on a corridor lost for each multiple of the base fee a transit state charges above it"),
    "transit.holdout": Param(0.25, 0, 5, "share of a corridor's build cost its transit states ask for consent, split among them"),
    "transit.expected_use": Param(0.3, 0, 1, "share of capacity a state expects a new corridor to carry"),
    "transit.horizon": Param(5, 0, 50, "years of fees a state counts against its asking price for consent"),
    "transit.builder_value": Param(2.0, 0, 20, "what a great power puts on a consent to a route into its market, as a multiple of the hold-out value"),
    # Water and hydro-power
    "tender.output_share": Param(0.2, 0, 5, "a concession's yearly output as a share of the host's current production of the resource"),
    "tender.reserve_share": Param(0.02, 0, 1, "a concession's yearly output as a share of the host's reserves (for deposits not yet mined)"),
    "tender.years": Param(10, 1, 30, "years the winner's supply contract from a concession runs"),
    "tender.retry_years": Param(3, 1, 30, "years after a tender nobody won before its host may put the same resource up again"),
    "tender.bonus_steps": Param(3, 1, 10, "signing bonuses the bid menu offers: one aid step, then doubled, this many in all"),
    "tender.premium": Param(0.2, 0, 1, "price premium over the world price of the menu's bid without a bonus"),
    "water.power_stability": Param(1.0, 0, 50, "stability an upstream state gains in a year it holds a river for winter power"),
    "water.farm_stability": Param(1.5, 0, 50, "stability each downstream state loses in a year a river is held"),
    "water.max_years": Param(5, 1, 30, "longest release promise an upstream state may give"),
    "water.energy_step": Param(0.1, 0.01, 10, "the winter-energy payment (US$ bn) the offer menu proposes per year of release"),
    # The C5 leaders' consultative meeting (rule caucus)
    "caucus.cost": Param(0.02, 0, 10, "US$ bn a member pays to convene the consultative meeting in a year"),
    "caucus.quorum": Param(2, 1, 10, "members that must convene in a year for the meeting to be held"),
    "caucus.rebalance": Param(0.12, 0, 1, "share of the dominant great power's influence in an attending member that its joint stance "
                              "removes, at full attendance (times attending / members)"),
    "caucus.stability": Param(1.0, 0, 20, "stability each attending member gains from a meeting held"),
    "caucus.floor": Param(1.1, 0.5, 2, "the common floor price: least price factor at which a member bound by the last "
                          "meeting's stance may sell a great power a new supply contract"),
    # Debt restructuring (rule debt)
    "debt.writedown_share": Param(0.25, 0.01, 1, "share of its debt to a creditor that a state's standard request asks written off"),
    "debt.grace_years": Param(3, 1, 10, "years without debt service a standard rescheduling asks"),
    "debt.max_grace": Param(5, 1, 20, "longest grace a rescheduling may give"),
    "debt.goodwill": Param(1.0, 0, 5, "influence a creditor wins per US$ bn of relief (written off, or interest forgone), divided by sqrt(GDP)"),
    "debt.trust_gain": Param(0.03, 0, 0.5, "trust a state gains in a creditor that writes down or reschedules its debt"),
    # Labour migration and remittances (rule migration)
    "migration.step": Param(0.2, 0.01, 1, "change of a host's entry level the action menu offers"),
    "migration.min_entry": Param(0.4, 0, 1, "lowest entry level a host may set (a share of the migrants it let in at the start)"),
    "migration.max_entry": Param(1.4, 1, 10, "highest entry level a host may set or promise"),
    "migration.spend": Param(0.6, 0, 2, "share of a change in remittances that changes the sending state's GDP (households spend it)"),
    "migration.trust": Param(0.04, 0, 0.5, "trust a sending state gains in a host per step it eases entry (and loses per step it tightens)"),
    "migration.labour_value": Param(0.5, 0, 5, "what a host puts on a year of migrant labour, per US$ bn of remittances the workers send home"),
    "migration.value_years": Param(3, 0, 30, "years of a change in remittances a state counts when it negotiates a quota"),
    # 7. Refining bottleneck
    "refining.ore_ratio": Param(0.1, 0.01, 1, "value of raw rare-earth ore as a share of refined oxide"),
    "refining.step": Param(2.0, 0.1, 100, "refining capacity (kt a year) one build adds"),
    "refining.cost": Param(0.4, 0, 10, "cost (US$ bn) of one refining build"),
    "refining.years": Param(3, 0, 10, "years a refining build takes"),
    "refining.gate": Param(1.0, 0, 1, "share of unrefined rare earths that reach a buyer only through Chinese refineries"),
    "refining.outside_ore": Param(0.5, 0, 1, "share of a buyer's rare earths from outside sources (not a great power) refined in a great power's refineries among its sources"),
    "refining.deposit_share": Param(0.005, 0, 0.1, "rare-earth capacity a deposit development adds, as a share of reserves (kt a year per kt)"),
    # 8. Institutions accumulate
    "institutions.forum_bonus": Param(0.02, 0, 0.5, "influence the host gains in each attending member, per level"),
    "institutions.standing_decay": Param(0.1, 0, 1, "share of a forum's standing lost each year"),
    "institutions.dormant_years": Param(2, 1, 10, "years without a meeting after which a forum drops a level"),
    # 9. Energy security
    "energy.premium": Param(1.0, 0, 10, "extra value a buyer puts on C5 supply per unit of exposed sea-lane risk (Middle East, Malacca)"),
    "energy.risk_weight": Param(1.0, 0, 5, "weight of the world's sea-lane and Gulf risks in a buyer's supply security"),
    # Goods trade and remittances (game/rules/trade.py)
    "trade.gdp_elasticity": Param(1.2, 0, 5, "growth of goods trade per unit of the state's GDP growth"),
    "trade.cut_loss": Param(0.1, 0, 1, "share of goods trade lost in a year when every rail, ferry or road corridor linking a state and a power is closed"),
    "trade.influence": Param(0.005, 0, 1, "influence per US$ bn of yearly goods trade and remittances, divided by sqrt(GDP)"),
    "trade.remittance_growth": Param(0.06, -0.5, 0.5, "yearly growth of migrants' remittances"),
    "trade.remittance_fiscal": Param(0.1, 0, 1, "share of remittances that reaches the state's treasury"),
    # Influence bookkeeping
    "influence.decay": Param(0.05, 0, 0.5, "share of every influence lost each year"),
    "influence.grant": Param(0.4, 0, 5, "influence per US$ bn of grant, divided by sqrt(GDP)"),
    "influence.tc": Param(0.6, 0, 5, "influence per US$ bn of technical cooperation, divided by sqrt(GDP)"),
    "influence.loan": Param(0.12, 0, 5, "influence per US$ bn of loan, divided by sqrt(GDP)"),
    "influence.trade": Param(0.02, 0, 1, "influence per US$ bn of yearly trade, divided by sqrt(GDP)"),
    "influence.cofinance": Param(0.3, 0, 5, "influence a great power wins per US$ bn it co-finances in a corridor, divided by sqrt(GDP)"),
    # Economy
    "economy.interest": Param(0.03, 0, 0.3, "yearly interest on C5 debt"),
    "economy.repay": Param(0.05, 0, 1, "share of principal repaid each year"),
    "economy.debt_safe": Param(0.6, 0.05, 3, "debt-to-GDP ratio a state considers safe"),
    "economy.base_growth": Param(0.03, -0.2, 0.3, "GDP growth a year before trade and aid"),
    "economy.export_growth": Param(0.15, 0, 2, "GDP growth per unit of export revenue over GDP"),
    "economy.tc_growth": Param(0.5, 0, 5, "GDP growth per unit of technical cooperation over GDP"),
    "economy.fiscal_share": Param(0.3, 0, 1, "share of export revenue that reaches the treasury"),
    "economy.stability_output": Param(0.3, 0, 1, "share of output that depends on stability (at 0 stability it is lost)"),
    "economy.develop_cost": Param(0.5, 0, 20, "least cost (US$ bn) of developing a deposit"),
    "economy.develop_payback": Param(5.0, 0, 20, "years of the added output's sales a development costs"),
    "economy.develop_share": Param(0.15, 0, 2, "capacity added by developing a deposit, as a share of current output"),
    "economy.develop_years": Param(2, 0, 10, "years a deposit takes to come on stream"),
    "stability.normal": Param(60.0, 0, 100, "the stability a state drifts back to"),
    "stability.revert": Param(0.1, 0, 1, "share of the gap to stability.normal a state's stability closes each year"),
    "stability.growth": Param(100.0, 0, 1000, "stability gained per unit of GDP growth"),
    "stability.debt": Param(20.0, 0, 200, "stability lost per unit of debt-to-GDP above the safe ratio"),
    "stability.collapse": Param(15.0, 0, 100, "mean C5 stability below which the region collapses and all lose"),
    # Agendas: amounts scored as x / (x + half)
    "agenda.trade_half": Param(30.0, 0.1, 10000, "trade with the C5 (US$ bn a year) that scores half of the trade term"),
    "agenda.capacity_half": Param(150.0, 0.1, 10000, "route capacity into a market (Mt a year) that scores half"),
    "agenda.energy_half": Param(20.0, 0.1, 10000, "oil and gas received from the C5 (Mt + bcm) that scores half"),
    "agenda.transit_half": Param(1.0, 0.01, 1000, "transit fees earned (US$ bn a year) that score half"),
    "agenda.remittance_half": Param(0.25, 0.001, 10, "remittances as a share of GDP that score half of a state's remittances term"),
    # Contracts: prices on both sides, whole-life values
    "contracts.resale": Param(1.0, 0, 1, "share of the world-price value of delivered goods a buyer's home market pays back to its treasury"),
    "contracts.default_trust": Param(0.15, 0, 1, "trust a seller loses in a buyer that defaults on a contract"),
    "contracts.discount": Param(0.08, 0, 0.5, "yearly discount rate for a contract's whole-life value"),
    "contracts.lock_in": Param(0.05, 0, 1, "share of a contract's yearly sales a seller gives up in freedom to sell elsewhere"),
    "contracts.max_years": Param(30, 1, 100, "longest contract, in years"),
    "agenda.fee_share_half": Param(0.01, 0.0001, 10, "transit fees earned as a share of GDP that score half of a state's fee term"),
    # Objectives and scoring rounds (defaults for scenarios that do not write their own)
    "objectives.default_points": Param(10.0, 0, 1000, "points a power's default objectives pay per round for first "
                                       "place in all of them (each term's share by its agenda weight)"),
    "objectives.default_rounds": Param(3, 1, 20, "scoring rounds of a scenario that does not list its own"),
    "objectives.dealt": Param(0, 0, 20, "objectives each power is dealt from its list at the start, by the seed (0: all)"),
    # Tension by play, crises and regional collapse (game/rules/tension.py)
    "tension.coercion": Param(0.1, 0, 1, "tension a coercive card adds between its player and each rival it is aimed at"),
    "tension.bloc": Param(0.05, 0, 1, "tension a bloc move adds (a statement against a rival, a state joining a bloc, leaving a rival's forum)"),
    "tension.route": Param(0.03, 0, 1, "tension a corridor built to bypass a rival adds between its builder and that rival"),
    "tension.summit": Param(0.02, 0, 1, "tension a summit takes off between its host and each rival that is a member of the forum"),
    "tension.deal": Param(0.03, 0, 1, "tension a deal between two great powers takes off between them"),
    "tension.restraint": Param(0.02, 0, 1, "tension a pair loses in a year in which neither of them coerced"),
    "tension.warning": Param(0.75, 0, 1, "tension track from which the screen warns that the region nears collapse"),  # collapse - a coercion - the largest card (0.95 - 0.1 - 0.07 = 0.78), rounded down
    "tension.collapse": Param(0.95, 0, 1, "tension track at which a year with coercion ends in regional collapse (all lose)"),
    # Rule 25: haggling
    "haggle.rounds": Param(3, 1, 10, "counters a chain of offers may hold (1: an offer and one counter, then accept or decline)"),
    "haggle.meet": Param(0.5, 0, 1, "share of the gap between its own last terms and the other side's a later standard counter concedes"),
    "haggle.first_step": Param(0.1, 0, 1, "contract price factor a first standard counter adds to a sale or takes off a purchase"),
    "haggle.aid_cut": Param(0.5, 0, 1, "share of the aid it was asked to give that a first standard counter takes off (aid asked for adds play.aid_step)"),
    # Events and play
    "events.random_chance": Param(0.5, 0, 1, "chance that a random event is drawn in a year"),
    "play.max_offers": Param(3, 0, 20, "offers a power may make each year"),
    "play.build_risk_limit": Param(0.6, 0, 1, "no corridor can be built through a country whose risk is above this"),
    "play.upgrade_cost": Param(0.6, 0, 50, "cost (US$ bn) of one corridor upgrade"),
    "play.summit_cost": Param(0.2, 0, 10, "cost (US$ bn) of hosting a summit"),
    "play.aid_step": Param(0.2, 0.01, 10, "the standard aid amount (US$ bn) the action menu offers"),
    "play.contract_years": Param(5, 1, 30, "years of a standard contract"),
    "play.contract_share": Param(0.1, 0.01, 1, "standard contract volume as a share of the seller's output"),
}


def defaults() -> dict[str, float]:
    """The rules table with every parameter at its default."""
    return {name: p.default for name, p in PARAMS.items()}
