"""The scenario format, as data: every table's keys with type, range and meaning.

`docs/scenarios.md` documents the same specs; the validator reads them to check a file.
"""
from __future__ import annotations

from typing import Any

from attrs import frozen

REQUIRED = object()
FORMAT_VERSION = 1


@frozen
class Spec:
    """One key of a scenario table."""

    kind: str  # str, float, int, bool, list, table, choice
    default: Any = REQUIRED
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    meaning: str = ""


SCENARIO = {
    "id": Spec("str", meaning="short id, used by `extends` and saves"),
    "title": Spec("str", meaning="the title shown in the setup screen"),
    "start_year": Spec("int", low=1900, high=2200, meaning="the first year played"),
    "end_year": Spec("int", low=1900, high=2200, meaning="the last year played"),
    "description": Spec("str", "", meaning="a paragraph for players"),
    "teaching_notes": Spec("str", "", meaning="notes for the instructor"),
    "order": Spec("list", REQUIRED, meaning="seat order, power ids"),
    "rounds": Spec("numlist", [], low=1900, high=2200, meaning="years at whose end a scoring round is held, "
                   "ascending, the last = end_year (default: three rounds spread over the game)"),
    "round_weights": Spec("numlist", [], low=0, high=10, meaning="each scoring round's multiplier (default: all 1)"),
}

SHORT = {
    "end_year": Spec("int", low=1900, high=2200, meaning="the last year of the short form"),
    "rounds": Spec("numlist", [], low=1900, high=2200, meaning="the short form's scoring rounds "
                   "(default: three rounds spread over its years)"),
    "round_weights": Spec("numlist", [], low=0, high=10, meaning="the short form's round multipliers (default: all 1)"),
    "description": Spec("str", "", meaning="what the short form covers, for the setup screen"),
}

OBJECTIVE = {
    "measure": Spec("str", meaning="the agenda term it reads, or the term + \"_gain\" for its change since the start"),
    "kind": Spec("choice", choices=("rank", "threshold"), meaning="rank: points by place among rivals; "
                 "threshold: points for each step reached"),
    "points": Spec("numlist", low=0, high=100, meaning="rank: points for 1st, 2nd, ...; threshold: points per step"),
    "among": Spec("list", [], meaning="rank: the powers compared with (default: every power of its kind)"),
    "at": Spec("numlist", [], low=-1, high=1, meaning="threshold: the steps, ascending, one per entry of points"),
    "bonus": Spec("float", 0.0, low=0, high=100, meaning="rank: points first place earns beyond its points for a "
                  "lead of `clear` or more over the best rival, in proportion below"),
    "clear": Spec("float", 0.0, low=0, high=1, meaning="rank: the lead over the best rival that earns the whole bonus "
                  "(in the measure's units; 0: no bonus)"),
    "standing": Spec("bool", False, meaning="kept in every deal (`objectives.dealt`), never drawn: the scenario's own "
                     "question for this power"),
}

WORLD = {
    "prices": Spec("table", meaning="world price of each resource, US$ bn per unit (Mt, bcm, kt)"),
    "risks": Spec("table", {}, meaning="named risks, 0..1 (middle_east, malacca, ...)"),
    "tension": Spec("table", {}, meaning='tension between great powers, keys like "china|japan", 0..1'),
}

POWER = {
    "name": Spec("str", meaning="display name"),
    "kind": Spec("choice", choices=("great", "c5"), meaning="great power or Central Asian state"),
    "treasury": Spec("float", low=0, high=100000, meaning="money at the start, US$ bn"),
    "income": Spec("float", low=0, high=10000, meaning="yearly budget (great) or base fiscal income (c5), US$ bn"),
    "action_points": Spec("int", 3, low=0, high=20, meaning="actions a year"),
    "agenda": Spec("table", meaning="agenda term -> weight"),
    "credibility": Spec("float", 0.8, low=0, high=1, meaning="base chance a pledge is delivered on time"),
    "demand": Spec("table", {}, meaning="resource -> yearly import need (units)"),
    "sources": Spec("table", {}, meaning="resource -> {source: exposure share}"),
    "cards": Spec("list", [], meaning="policy cards this power may play"),
    "color": Spec("str", "#888888", meaning="map colour, #rrggbb"),
    "personality": Spec("str", "", meaning="AI personality id (default: the power's id)"),
    "objectives": Spec("table", {}, meaning="its public objectives, [powers.ID.objectives.OBJ] tables "
                       "(see [objective]; default: ranked on the gain of each agenda term)"),
    "trade_drive": Spec("float", 0.0, low=-0.5, high=0.5, meaning="yearly growth of its goods trade with the "
                        "region beyond the states' own growth (great powers)"),
}

ECONOMY = {
    "gdp": Spec("float", low=0.01, high=100000, meaning="GDP, US$ bn"),
    "stability": Spec("float", low=0, high=100, meaning="stability, 0..100"),
    "production": Spec("table", meaning="resource -> exportable output a year (units)"),
    "reserves": Spec("table", {}, meaning="resource -> known reserves (units)"),
    "refining": Spec("float", 0.0, low=0, high=10000, meaning="rare-earth refining capacity, kt a year"),
    "debt": Spec("table", {}, meaning="creditor -> debt, US$ bn"),
    "tolerance": Spec("float", 0.5, low=0.1, high=1, meaning="largest influence share accepted without a premium"),
    "never_against": Spec("list", [], meaning="powers it will never join a bloc against"),
    "goods": Spec("table", {}, meaning="great power -> goods trade (manufactures, food, metals: all but "
                  "resource contracts), exports plus imports, US$ bn a year"),
    "remittances": Spec("table", {}, meaning="great power -> money its migrant workers send home, US$ bn a year"),
    "reexport": Spec("float", 0.0, low=0, high=0.5, meaning="extra yearly growth of goods trade with powers "
                     "outside its common market (goods passed on to the members)"),
}

CORRIDOR = {
    "name": Spec("str", meaning="display name"),
    "mode": Spec("choice", choices=("oil_pipeline", "gas_pipeline", "rail", "ferry_rail", "road"), meaning="mode"),
    "path": Spec("list", meaning="countries along the route, exporters first"),
    "waypoints": Spec("list", [], meaning="map places it passes, by id"),
    "goods": Spec("list", meaning="resources it can carry"),
    "markets": Spec("list", meaning="buyers it reaches: great power ids and/or world"),
    "capacity": Spec("float", low=0, high=100000, meaning="units a year (Mt; bcm for gas)"),
    "unit_cost": Spec("float", low=0, high=10, meaning="US$ bn per unit carried"),
    "fee": Spec("float", 0.0, low=0, high=10, meaning="US$ bn per unit to each controller"),
    "controllers": Spec("list", [], meaning="who can tax or cut it"),
    "status": Spec("choice", choices=("planned", "building", "operating", "disrupted"), meaning="status"),
    "build_cost": Spec("float", 0.0, low=0, high=1000, meaning="US$ bn to build"),
    "build_years": Spec("int", 0, low=0, high=30, meaning="years to build"),
    "progress": Spec("float", 0.0, low=0, high=30, meaning="years of construction done"),
    "upgrade_step": Spec("float", 0.0, low=0, high=10000, meaning="capacity one upgrade adds"),
    "owners": Spec("table", {}, meaning="stakes held in it, power -> share 0..1"),
    "disrupted_years": Spec("int", 0, low=0, high=30, meaning="years a disrupted corridor stays closed"),
    "transit": Spec("table", {}, meaning="transit terms: Central Asian state on the path -> the fee it charges, "
                    "US$ bn a unit (default: fee)"),
    "consents": Spec("list", [], meaning="Central Asian states on the path that have already agreed to a planned "
                     "corridor (it is built only once every state it crosses agrees)"),
    "upgrade_cost": Spec("float", 0.0, low=0, high=1000, meaning="US$ bn one upgrade costs (0: play.upgrade_cost)"),
    "cargo": Spec("float", 0.0, low=0, high=10000, meaning="general cargo a year (containers, grain, metals, "
                  "transit), Mt; it takes capacity before resources"),
    "upgrade_years": Spec("int", 0, low=0, high=30, meaning="least years between two upgrades (ports, customs, time)"),
}

CONTRACT = {
    "seller": Spec("str", meaning="a C5 state"),
    "buyer": Spec("str", meaning="a great power"),
    "resource": Spec("str", meaning="what is sold"),
    "volume": Spec("float", low=0, high=100000, meaning="units a year"),
    "price_factor": Spec("float", 1.0, low=0.5, high=2, meaning="multiple of the world price"),
    "years_left": Spec("int", low=1, high=50, meaning="years still to run"),
    "corridor": Spec("str", "", meaning="named route (empty: cheapest)"),
}

PLEDGE = {
    "donor": Spec("str", meaning="the great power that promised the aid"),
    "recipient": Spec("str", meaning="the C5 state that is to receive it"),
    "kind": Spec("choice", choices=("grant", "tc", "loan"), meaning="grant, technical cooperation (tc) or loan"),
    "amount": Spec("float", low=0.001, high=1000, meaning="US$ bn"),
    "due_year": Spec("int", low=1900, high=2200, meaning="the year it is due"),
}

POLICY = {
    "card": Spec("str", meaning="the policy card in force"),
    "actor": Spec("str", meaning="the power playing it"),
    "target": Spec("str", "", meaning="the power it is aimed at, if the card needs one"),
    "resource": Spec("str", "", meaning="the resource it concerns, if the card needs one"),
    "corridor": Spec("str", "", meaning="the corridor it concerns, if the card needs one"),
    "started": Spec("int", 0, low=0, high=2200, meaning="the year it was played (0: the start year)"),
    "years_left": Spec("int", 0, low=0, high=50, meaning="years it stays in force (0: until the game ends)"),
}

FORUM = {
    "name": Spec("str", meaning="display name"),
    "host": Spec("str", "", meaning="the great power that convenes it (none for a caucus)"),
    "members": Spec("list", meaning="member powers"),
    "level": Spec("int", low=0, high=2, meaning="0 not yet founded, 1 ministers, 2 leaders"),
    "last_met": Spec("int", 0, low=0, high=2200, meaning="year it last met"),
    "against": Spec("str", "", meaning="a power this bloc is aimed at"),
    "market": Spec("float", 0.0, low=0, high=0.5, meaning="a common market: yearly growth added to goods "
                   "trade between members"),
    "caucus": Spec("bool", False, meaning="a forum of Central Asian states only, with no host, that its members "
                   "convene themselves (the leaders' consultative meeting: rule caucus)"),
}

RIVER = {
    "name": Spec("str", meaning="display name"),
    "upstream": Spec("list", meaning="Central Asian states with dams on it, which may hold its water for winter power"),
    "hydro": Spec("float", low=0, high=100, meaning="US$ bn by which an upstream state's GDP is higher while it holds the water"),
    "farm_loss": Spec("table", meaning="downstream state -> share by which its GDP is lower while the water is held (0..0.5)"),
    "held": Spec("list", [], meaning="upstream states holding the water at the start"),
}

EVENT = {
    "title": Spec("str", meaning="card title"),
    "note": Spec("str", meaning="a short historical note"),
    "source": Spec("str", meaning="source document or public source"),
    "year": Spec("int", 0, low=0, high=2200, meaning="the year it fires (0: by condition only)"),
    "when": Spec("list", [], meaning='conditions, each "path op value"'),
    "after": Spec("str", "", meaning="fires only after this event"),
    "weight": Spec("float", 0.0, low=0, high=1000, meaning="> 0: a random event with this weight"),
    "effects": Spec("list", [], meaning='effects, each "verb args..."'),
    "once": Spec("bool", True, meaning="fires at most once"),
    "optional": Spec("bool", False, meaning="out of play unless a game switches it on (a historical script names it)"),
}

CRISIS = {
    "text": Spec("str", meaning="catalogue key family of its texts: crisis.<text>.title and crisis.<text>.note"),
    "source": Spec("str", meaning="source document or public source"),
    "tension": Spec("float", 0.0, low=0, high=1, meaning="> 0: may be drawn once the tension track reaches this"),
    "stability": Spec("float", 0.0, low=0, high=100, meaning="> 0: may be drawn once mean C5 stability falls to this"),
    "weight": Spec("float", 1.0, low=0.001, high=1000, meaning="its chance against the other cards due"),
    "effects": Spec("list", [], meaning='effects, each "verb args..." (as events)'),
    "once": Spec("bool", True, meaning="fires at most once"),
}

PERSONALITY_KEYS = ("personality", "difficulty")  # the AI helper owns the rest; see docs/ai.md

# Countries off the board that corridors may cross or that may control a corridor,
# with their ISO A3 code in the map asset. Powers are countries too.
COUNTRIES = {
    "japan": "JPN", "china": "CHN", "russia": "RUS", "kazakhstan": "KAZ", "kyrgyzstan": "KGZ",
    "tajikistan": "TJK", "turkmenistan": "TKM", "uzbekistan": "UZB",
    "azerbaijan": "AZE", "georgia": "GEO", "turkey": "TUR", "iran": "IRN", "afghanistan": "AFG",
    "pakistan": "PAK", "india": "IND", "mongolia": "MNG", "armenia": "ARM", "ukraine": "UKR",
    "belarus": "BLR", "south_korea": "KOR", "bulgaria": "BGR", "romania": "ROU",
}

TABLES = {"scenario": SCENARIO, "world": WORLD, "power": POWER, "economy": ECONOMY, "corridor": CORRIDOR,
          "contract": CONTRACT, "pledge": PLEDGE, "policy": POLICY, "forum": FORUM, "event": EVENT, "river": RIVER, "crisis": CRISIS,
          "short": SHORT, "objective": OBJECTIVE}

# Countries that share a border or a sea (the Caspian, the Black Sea, the Sea of Japan): a corridor's
# path should only step between neighbours; the validator warns otherwise.
NEIGHBOURS = {
    "japan": ("china", "russia", "south_korea"),
    "china": ("kazakhstan", "kyrgyzstan", "tajikistan", "russia", "mongolia", "afghanistan", "pakistan", "india",
              "japan", "south_korea"),
    "russia": ("kazakhstan", "china", "mongolia", "azerbaijan", "georgia", "ukraine", "belarus", "japan",
               "turkmenistan", "iran", "turkey", "bulgaria", "romania", "south_korea"),
    "kazakhstan": ("russia", "china", "kyrgyzstan", "uzbekistan", "turkmenistan", "azerbaijan", "iran"),
    "kyrgyzstan": ("kazakhstan", "china", "tajikistan", "uzbekistan"),
    "tajikistan": ("kyrgyzstan", "china", "afghanistan", "uzbekistan"),
    "turkmenistan": ("kazakhstan", "uzbekistan", "afghanistan", "iran", "azerbaijan", "russia"),
    "uzbekistan": ("kazakhstan", "kyrgyzstan", "tajikistan", "afghanistan", "turkmenistan"),
    "azerbaijan": ("russia", "georgia", "armenia", "iran", "turkey", "kazakhstan", "turkmenistan"),
    "georgia": ("russia", "azerbaijan", "armenia", "turkey", "ukraine", "bulgaria", "romania"),
    "turkey": ("georgia", "armenia", "azerbaijan", "iran", "bulgaria", "russia", "ukraine", "romania"),
    "iran": ("turkey", "armenia", "azerbaijan", "turkmenistan", "afghanistan", "pakistan", "russia", "kazakhstan"),
    "afghanistan": ("iran", "turkmenistan", "uzbekistan", "tajikistan", "china", "pakistan"),
    "pakistan": ("iran", "afghanistan", "china", "india"),
    "india": ("pakistan", "china"),
    "mongolia": ("russia", "china"),
    "armenia": ("georgia", "azerbaijan", "turkey", "iran"),
    "ukraine": ("russia", "belarus", "romania", "georgia", "turkey", "bulgaria"),
    "belarus": ("russia", "ukraine"),
    "south_korea": ("japan", "china", "russia"),
    "bulgaria": ("romania", "turkey", "georgia", "ukraine", "russia"),
    "romania": ("ukraine", "bulgaria", "georgia", "turkey", "russia"),
}


def neighbours(a: str, b: str) -> bool:
    """Whether two known countries share a border or a sea (True when either is unknown)."""
    if a not in NEIGHBOURS or b not in NEIGHBOURS:
        return True
    return b in NEIGHBOURS[a] or a in NEIGHBOURS[b]
