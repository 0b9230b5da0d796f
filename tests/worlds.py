"""Small hand-built worlds for rule cases, independent of the shipped scenarios."""
from __future__ import annotations

from game.model import Contract, Corridor, Economy, Forum, Power, World
from game.model.ops import evolve
from game.rules.params import defaults

GREATS = ("japan", "china", "russia")
STATES = ("kazakhstan", "kyrgyzstan", "tajikistan")


def great(pid: str, **kw) -> Power:
    """A great power with a plain agenda."""
    base = dict(treasury=5.0, income=1.0, action_points=3, agenda={"influence": 1.0}, credibility=0.8)
    base.update(kw)
    return Power(pid, pid.title(), "great", **base)


def state(pid: str, **kw) -> Power:
    """A C5 state seat."""
    base = dict(treasury=1.0, income=0.2, action_points=3, agenda={"autonomy": 1.0})
    base.update(kw)
    return Power(pid, pid.title(), "c5", **base)


def economy(gdp: float, **kw) -> Economy:
    """A C5 economy with sensible defaults."""
    base = dict(stability=60.0, production={}, tolerance=0.5, never_against=("china", "russia"))
    base.update(kw)
    return Economy(gdp, gdp, **base)


def corridor(kid: str, path, markets, cost: float, controllers=(), cap: float = 50.0, goods=("oil",), **kw) -> Corridor:
    """An operating corridor."""
    base = dict(status="operating", fee=0.0)
    base.update(kw)
    return Corridor(kid, kid.replace("_", " ").title(), "rail", tuple(path), (), tuple(goods), tuple(markets),
                    cap, cost, controllers=tuple(controllers), **base)


def tiny(**changes) -> World:
    """Three great powers and three C5 states; Kazakhstan exports oil east, north and west."""
    powers = {
        "japan": great("japan", demand={"oil": 100.0, "rare_earths": 10.0},
                       sources={"oil": {"middle_east": 0.73, "malacca": 0.8}, "rare_earths": {"china": 0.7}},
                       cards=("deep_sea", "recycling")),
        "china": great("china", cards=("export_controls", "transit_pressure")),
        "russia": great("russia", cards=("transit_pressure",)),
        "kazakhstan": state("kazakhstan"),
        "kyrgyzstan": state("kyrgyzstan"),
        "tajikistan": state("tajikistan"),
    }
    economies = {
        "kazakhstan": economy(180.0, production={"oil": 60.0, "rare_earths": 2.0}, tolerance=0.45),
        "kyrgyzstan": economy(7.0, tolerance=0.55),
        "tajikistan": economy(8.0, tolerance=0.60),
    }
    influence = {
        "kazakhstan": {"japan": 0.10, "china": 0.35, "russia": 0.40, "others": 0.15},
        "kyrgyzstan": {"japan": 0.07, "china": 0.48, "russia": 0.30, "others": 0.15},
        "tajikistan": {"japan": 0.05, "china": 0.50, "russia": 0.35, "others": 0.10},
    }
    trust = {c: {g: 0.6 for g in GREATS} for c in STATES}
    corridors = {
        "east": corridor("east", ("kazakhstan", "china"), ("china", "japan", "world"), 0.04, ("china",),
                         goods=("oil", "rare_earths")),
        "north": corridor("north", ("kazakhstan", "russia"), ("world", "russia"), 0.05, ("russia",), cap=30.0),
        "west": corridor("west", ("kazakhstan", "azerbaijan"), ("world", "japan"), 0.08, ("azerbaijan",), cap=5.0,
                         goods=("oil", "rare_earths"), upgrade_step=2.0),
        "planned_line": corridor("planned_line", ("tajikistan", "china"), ("china",), 0.05, ("china",),
                                 status="planned", build_cost=2.0, build_years=2, consents=("tajikistan",)),
    }
    forums = {
        "ca_japan": Forum("ca_japan", "CA + Japan", "japan", ("japan", *STATES), 2, 2014),
        "sco": Forum("sco", "SCO", "china", ("china", "russia", *STATES), 2, 2024),
    }
    world = World(
        scenario_id="tiny", title="Tiny", seed=1, year=2025, start_year=2025, end_year=2027, phase="diplomacy",
        turn=0, order=(*GREATS, *STATES), powers=powers, economies=economies, influence=influence, trust=trust,
        tension={"china|japan": 0.2, "japan|russia": 0.2, "china|russia": 0.1}, corridors=corridors,
        contracts={}, pledges={}, forums=forums, offers={}, policies={},
        prices={"oil": 0.4, "gas": 0.25, "uranium": 0.1, "rare_earths": 0.02},
        risks={"middle_east": 0.3, "malacca": 0.1}, rules=defaults(),
        ap_left={p: 3 for p in (*GREATS, *STATES)},
    )
    return evolve(world, **changes)


def with_contract(world: World, cid: str, seller: str, buyer: str, r: str, volume: float, corridor: str = "",
                  price: float = 1.0) -> World:
    """The world with one contract in force."""
    con = Contract(cid, seller, buyer, r, volume, price, 5, corridor)
    return evolve(world, contracts={**world.contracts, cid: con})


def at_turn(world: World, power: str, phase: str = "diplomacy") -> World:
    """The world with `power` to move in `phase`."""
    return evolve(world, phase=phase, turn=world.order.index(power))
