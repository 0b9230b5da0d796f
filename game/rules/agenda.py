"""Agendas: each power's score, 0-100, a weighted mean of terms each in 0..1.

`score[p] = 100 x sum_t w[p,t] x term_t(p) / sum_t w[p,t]`, with the weights from the
scenario (brief section 5). Amounts are normalised as `x / (x + half)`, the half
points being the `agenda.*_half` parameters of the rules table.

The agenda score is each power's own yardstick (the computer players maximise it); who
wins is decided by the public objectives and scoring rounds of `game.rules.objectives`,
whose measures are these terms.
"""
from __future__ import annotations

from typing import Callable

from game.model import OTHERS, World
from game.model.ops import clamp
from game.rules import energy, geography
from game.rules.economy import debt_ratio
from game.rules.influence import share_table
from game.rules.influence import autonomy, share



def _sat(x: float, half: float) -> float:
    return x / (x + half) if x > 0 else 0.0


def supply_security(w: World, p: str) -> float:
    """Mean security over the goods p imports."""
    goods = list(w.powers[p].demand)
    return sum(w.powers[p].security.get(r, 0.0) for r in goods) / len(goods) if goods else 0.0


def rare_earth_cover(w: World, p: str) -> float:
    """Share of p's rare-earth demand met from secure sources: Central Asian supply that reaches it without
    passing Chinese refineries (rule 7) and alternative programmes (rule 6); 1 when it needs none."""
    return energy.covered(w, p, "rare_earths")


def influence(w: World, p: str) -> float:
    """p's mean influence share across the C5."""
    return sum([share(w, c, p) for c in w.economies]) / len(w.economies)


def un_support(w: World, p: str) -> float:
    """Share of C5 states whose trust in p is above 0.6 (votes for its UN bid)."""
    return sum(1 for c in w.economies if w.trust[c].get(p, 0) > 0.6) / len(w.economies)


def credibility(w: World, p: str) -> float:
    """p's mean trust across the C5."""
    return sum([w.trust[c].get(p, 0) for c in w.economies]) / len(w.economies)


def treasury(w: World, p: str) -> float:
    """Money kept, against five years of income."""
    pw = w.powers[p]
    return _sat(max(pw.treasury, 0.0), 5 * max(pw.income, 0.1))


def trade(w: World, p: str) -> float:
    """Value of p's trade with the C5, never above the world price (rule 2)."""
    return _sat(sum(row.get(p, 0.0) for row in w.trade.values()), w.param("agenda.trade_half"))


def route_capacity(w: World, p: str) -> float:
    """Capacity of operating corridors that reach p's market."""
    cap = sum(k.capacity for k in w.corridors.values() if k.status == geography.OPEN and p in k.markets)
    return _sat(cap, w.param("agenda.capacity_half"))


def energy_from_c5(w: World, p: str) -> float:
    """Oil and gas p receives from the C5."""
    got = w.received.get(p, {})
    return _sat(got.get("oil", 0.0) + got.get("gas", 0.0), w.param("agenda.energy_half"))


def stability(w: World, p: str) -> float:
    """Mean C5 stability (a C5 state counts its own)."""
    if p in w.economies:
        return w.economies[p].stability / 100
    return sum(e.stability for e in w.economies.values()) / 100 / len(w.economies)


def rivals_low(w: World, p: str) -> float:
    """1 - mean share of the other great powers across the C5."""
    rivals = [q for q in w.great_powers() if q != p]
    return 1 - sum([s.get(q, 0.0) for s in [share_table(w, c) for c in w.economies] for q in rivals]) / len(w.economies)


def transit_income(w: World, p: str) -> float:
    """Fees earned on routes p controls."""
    return _sat(w.powers[p].transit_income, w.param("agenda.transit_half"))


def transit_fees(w: World, p: str) -> float:
    """A state's transit fees against the size of its economy: `x / (x + half)`, x = fees / GDP."""
    gdp = w.economies[p].gdp if p in w.economies else 1.0
    return _sat(w.powers[p].transit_income / max(gdp, 0.1), w.param("agenda.fee_share_half"))


def forum_members(w: World, p: str) -> float:
    """Share of C5 states in at least one forum p hosts."""
    members = {c for f in w.forums.values() if f.host == p for c in f.members if c in w.economies}
    return len(members) / len(w.economies)


def gdp_growth(w: World, p: str) -> float:
    """Growth since the start: 0.5 at no growth, 1 at +10% a year."""
    eco = w.economies[p]
    years = max(1, w.year - w.start_year)
    cagr = (eco.gdp / eco.gdp_start) ** (1 / years) - 1
    return clamp(0.5 + 5 * cagr)


def own_autonomy(w: World, p: str) -> float:
    """How evenly influence in p is spread."""
    return autonomy(w, p)


def export_diversity(w: World, p: str) -> float:
    """How many independent gatekeepers p's exports pass."""
    return geography.export_diversity(w, p)


def debt_safe(w: World, p: str) -> float:
    """1 with no debt, 0.5 at the safe ratio, 0 at twice it."""
    return clamp(1 - debt_ratio(w, p) / (2 * w.param("economy.debt_safe")))


def remittances(w: World, p: str) -> float:
    """Money a state's migrants send home against the size of its economy: `x / (x + half)`, x = remittances / GDP
    (rule migration: a quota it negotiates or a host's entry level moves it)."""
    if p not in w.economies:
        return 0.0
    eco = w.economies[p]
    return _sat(sum(eco.remittances.values()) / max(eco.gdp, 0.1), w.param("agenda.remittance_half"))


def outsiders_low(w: World, p: str) -> float:
    """1 - the outside powers' share (for scenarios that want it)."""
    return 1 - sum(share(w, c, OTHERS) for c in w.economies) / len(w.economies)


TERMS: dict[str, Callable[[World, str], float]] = {
    "supply_security": supply_security, "rare_earth_cover": rare_earth_cover, "influence": influence, "un_support": un_support,
    "credibility": credibility, "treasury": treasury, "trade": trade,
    "route_capacity": route_capacity, "energy_from_c5": energy_from_c5, "stability": stability,
    "rivals_low": rivals_low, "transit_income": transit_income, "transit_fees": transit_fees,
    "forum_members": forum_members,
    "gdp_growth": gdp_growth, "autonomy": own_autonomy, "export_diversity": export_diversity,
    "debt_safe": debt_safe, "outsiders_low": outsiders_low, "remittances": remittances,
}


def parts(w: World, p: str) -> dict[str, float]:
    """Each agenda term of p with its value (0..1)."""
    return {t: TERMS[t](w, p) for t in w.powers[p].agenda}


def score(w: World, p: str) -> float:
    """p's agenda score, 0-100."""
    weights = w.powers[p].agenda
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    return 100 * sum(wt * TERMS[t](w, p) for t, wt in weights.items()) / total


def scores(w: World) -> dict[str, float]:
    """Every power's agenda score."""
    return {p: score(w, p) for p in w.order}
