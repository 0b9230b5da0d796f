"""Goods trade, remittances, dear upgrades, event records and the year's history (game/rules/trade.py)."""
from __future__ import annotations

import pytest

from game import history
from game.model import EventDef, Forum
from game.model.ops import evolve, with_corridor, with_economy, with_power
from game.rules import actions as A
from game.rules import events, play, trade
from tests.worlds import tiny


def trading(**changes):
    """The tiny world with goods trade and remittances, and Kyrgyzstan and Russia in a common market."""
    w = tiny(**changes)
    w = with_economy(w, "kazakhstan", goods={"china": 10.0, "russia": 12.0, "japan": 1.0}, growth=0.05)
    w = with_economy(w, "kyrgyzstan", goods={"china": 4.0, "russia": 2.0}, remittances={"russia": 1.5},
                     growth=0.04, reexport=0.1)
    eaeu = Forum("eaeu", "EAEU", "russia", ("russia", "kazakhstan", "kyrgyzstan"), 2, 2024, market=0.02)
    w = evolve(w, forums={**w.forums, "eaeu": eaeu})
    w = with_corridor(w, "north", path=("kyrgyzstan", "kazakhstan", "russia"))
    return with_corridor(w, "east", path=("kyrgyzstan", "kazakhstan", "china"))


def test_trade_1_goods_grow_with_the_state_and_the_partner_drive():
    """Case 1: G' = G x (1 + elasticity x growth + drive); Japan, outside the market, grows with GDP alone."""
    w = trading()
    w = with_power(w, "japan", trade_drive=0.03)
    after = trade.grow_goods(w, "kazakhstan").economies["kazakhstan"].goods
    e = w.param("trade.gdp_elasticity")
    assert after["japan"] == pytest.approx(1.0 * (1 + e * 0.05 + 0.03))


def test_trade_2_a_common_market_adds_growth_between_members():
    """Case 2: Russia and Kazakhstan, both in the EAEU, gain the market's 2% a year; China does not."""
    w = trading()
    e = w.param("trade.gdp_elasticity")
    after = trade.grow_goods(w, "kazakhstan").economies["kazakhstan"].goods
    assert after["russia"] == pytest.approx(12.0 * (1 + e * 0.05 + 0.02))
    assert after["china"] == pytest.approx(10.0 * (1 + e * 0.05))


def test_trade_3_goods_passed_on_to_the_market_grow_faster():
    """Case 3: Kyrgyzstan's goods from China (outside its common market) gain its re-export rate."""
    w = trading()
    assert trade.reexport(w, "kyrgyzstan", "china") == pytest.approx(0.1)
    assert trade.reexport(w, "kyrgyzstan", "russia") == 0.0
    without = trade.goods_growth(with_economy(w, "kyrgyzstan", reexport=0.0), "kyrgyzstan", "china")
    assert trade.goods_growth(w, "kyrgyzstan", "china") == pytest.approx(without + 0.1)


def test_trade_4_no_open_route_costs_goods():
    """Case 4: with every rail link to Russia closed, Kazakhstan's goods trade with Russia loses `trade.cut_loss`;
    with no rail link built at all, goods go by road and lose nothing."""
    w = trading()
    assert not trade.cut_off(w, "kazakhstan", "russia")
    cut = with_corridor(w, "north", status="disrupted")
    assert trade.cut_off(cut, "kazakhstan", "russia")
    assert not trade.cut_off(with_corridor(cut, "north", status="planned"), "kazakhstan", "russia")  # by road
    open_ = trade.grow_goods(w, "kazakhstan").economies["kazakhstan"].goods["russia"]
    closed = trade.grow_goods(cut, "kazakhstan").economies["kazakhstan"].goods["russia"]
    assert closed == pytest.approx(open_ * (1 - w.param("trade.cut_loss")))


def test_trade_5_remittances_pay_the_treasury_and_win_influence():
    """Case 5: remittances grow, a share reaches Kyrgyzstan's treasury, Russia's influence rises."""
    w = trading()
    after = trade.exchange(w)
    remit = 1.5 * (1 + w.param("trade.remittance_growth"))
    assert after.economies["kyrgyzstan"].remittances["russia"] == pytest.approx(remit)
    gain = after.powers["kyrgyzstan"].treasury - w.powers["kyrgyzstan"].treasury
    assert gain == pytest.approx(w.param("trade.remittance_fiscal") * remit)
    assert after.influence["kyrgyzstan"]["russia"] > w.influence["kyrgyzstan"]["russia"]
    assert trade.exchange(evolve(w, rules={**w.rules, "trade.influence": 0.0})).influence == w.influence


def test_trade_6_a_powers_trade_is_resources_plus_goods():
    """Case 6: the statistic in the history is resource trade plus goods trade."""
    w = evolve(trading(), trade={"kazakhstan": {"china": 5.0}})
    assert trade.total(w, "kazakhstan", "china") == pytest.approx(15.0)
    row = history.snapshot(w, w.year)
    assert row["trade"]["china"]["kazakhstan"] == pytest.approx(15.0)
    assert row["goods_trade"]["china"]["kazakhstan"] == pytest.approx(10.0)
    assert row["resource_trade"]["china"]["kazakhstan"] == pytest.approx(5.0)


def test_upgrade_1_a_dear_corridor_costs_its_own_price_and_takes_time():
    """A corridor with `upgrade_cost` charges it; with `upgrade_years` it cannot be widened again at once."""
    w = with_corridor(tiny(phase="actions"), "west", upgrade_cost=1.5, upgrade_years=2)
    w = with_power(w, "kazakhstan", treasury=10.0)
    up = A.Upgrade("kazakhstan", "west")
    assert not play.check_upgrade(w, up)
    after, _ = play.apply(w, up)
    assert after.powers["kazakhstan"].treasury == pytest.approx(10.0 - 1.5)
    assert after.corridors["west"].capacity == pytest.approx(7.0)
    assert play.check_upgrade(after, up)  # wait two years
    assert play.check_upgrade(evolve(after, year=after.year + 1), up)
    assert not play.check_upgrade(evolve(after, year=after.year + 2), up)
    plain = with_corridor(w, "west", upgrade_cost=0.0)
    assert play.upgrade_cost(plain, plain.corridors["west"]) == w.param("play.upgrade_cost")


def test_upgrade_2_only_a_great_power_wins_influence_by_co_financing():
    """Rule 10: the holders of influence are the great powers and "others". A Central Asian state that widens a
    route starting in a neighbour wins no influence there (it became a fifth holder, and the neighbour's autonomy,
    normalised by the number of holders, fell by 0.05 for a 2% share); a great power that does wins it."""
    from game.rules.influence import autonomy
    w = with_corridor(tiny(phase="actions"), "west", path=("kazakhstan", "kyrgyzstan", "azerbaijan"))
    w = with_power(with_power(w, "kyrgyzstan", treasury=10.0), "russia", treasury=10.0)
    by_state, _ = play.apply(w, A.Upgrade("kyrgyzstan", "west"))
    assert "kyrgyzstan" not in by_state.influence["kazakhstan"]
    assert by_state.influence["kazakhstan"] == w.influence["kazakhstan"]
    assert autonomy(by_state, "kazakhstan") == pytest.approx(autonomy(w, "kazakhstan"))
    assert by_state.corridors["west"].owners.get("kyrgyzstan", 0.0) > 0  # it still owns a stake
    by_great, _ = play.apply(w, A.Upgrade("russia", "north"))
    assert by_great.influence["kazakhstan"]["russia"] > w.influence["kazakhstan"]["russia"]


def test_events_record_what_each_effect_did():
    """An event's effects are recorded with the value before and after, and the history shows them."""
    ev = EventDef("storm", "Storm", "A storm.", "test", year=2025,
                  effects=(("damage", "west", "0.5"), ("scale", "prices.oil", "2"), ("influence", "*", "japan", "0.1")))
    w = events.fire(tiny(), ev)
    rows = [r for r in w.happened if r[1] == "storm"]
    assert rows[0] == (2025, "storm", "damage west 0.5", "5", "2.5")
    assert rows[1][3:] == ("0.4", "0.8")
    assert rows[2][3].startswith("kazakhstan:0.100") and rows[2][4].startswith("kazakhstan:0.200")
    shown = history.events_of(w, 2025)
    assert shown[0]["id"] == "storm" and len(shown[0]["effects"]) == 3
    calm = EventDef("calm", "Calm", "Nothing.", "test", year=2025)
    quiet = events.fire(tiny(events=(calm,)), calm)
    assert history.events_of(quiet, 2025) == [{"id": "calm", "title": "Calm", "effects": []}]


def test_history_row_says_what_happened_each_year():
    """A short 2015 game: each year's row holds prices, events with effects, corridors, states, tension, powers."""
    from bench.fidelity import play_history
    rows = play_history("2015", 3, years=2)
    assert [r["year"] for r in rows] == [2014, 2015, 2016]  # the starting figures, then each year played
    first = rows[1]
    for key in ("prices", "events", "corridors", "states", "tension", "powers", "forums", "trade", "goods_trade"):
        assert first[key], key
    assert first["events"][0]["effects"], "the 2015 scenario's first event changes the World"
    kz = first["states"]["kazakhstan"]
    assert kz["gdp"] > 0 and "china" in kz["debt"] and "eaeu" in kz["forums"]
    mc = first["corridors"]["middle_corridor"]
    assert mc["capacity"] > 0 and mc["flow"] == first["flows"].get("middle_corridor", 0.0)
    assert first["powers"]["china"]["trade"] == pytest.approx(sum(first["trade"]["china"].values()), abs=1e-3)


def test_fidelity_small_the_starting_figures_match_history():
    """Seeded, short: every 2015 and 2025 reference point of the first years is within 2x of the game,
    influence shares among the great powers (against their shares of the trade with the great powers) included."""
    from bench.fidelity import FACTOR, run
    out = run(("2015", "2025"), games=1, seed=1, years=2)
    for sid in ("2015", "2025"):
        res = out["scenarios"][sid]
        assert res["total"] >= 5
        start = int(sid)
        bad = [(k, p) for k, s in res["series"].items() for p in s["points"]
               if p["year"] <= start + 1 and not 1 / FACTOR <= p["ratio"] <= FACTOR]
        assert not bad, bad


def test_a_share_is_compared_among_the_great_powers():
    """The history's "share" leaves the outside holder out: China's 0.35 of Kazakhstan's influence beside
    Japan's 0.1, Russia's 0.4 and the outsiders' 0.15 is 0.35 / 0.85 of what the great powers hold."""
    from game.reference import RefSeries, game_value
    row = {"influence": {"kazakhstan": {"japan": 0.1, "china": 0.35, "russia": 0.4, "others": 0.15}}}
    ref = RefSeries("s", "China in Kazakhstan", "share", ((2015, 0.4),), power="china", state="kazakhstan")
    assert game_value(row, ref) == pytest.approx(0.35 / 0.85)
    assert game_value({"influence": {"kazakhstan": {"others": 1.0}}}, ref) == 0.0


def test_the_trans_caspian_cargo_grows_with_its_own_room_in_2023_and_2024():
    """The 2015 events `caspian_ferries` and `caspian_route_grows` take the Middle Corridor's general cargo from its
    2022 level to the 4.0 Mt the 2025 start has, adding as much capacity: the route carries 2.7 Mt more, and the room
    left for contracts does not change."""
    from game.scenario.loader import load
    w = load("2015").world

    def fired(world, eid: str, year: int):
        ev = next(e for e in world.events if e.id == eid)
        assert ev.year == year and ev in events.scripted(evolve(world, year=year))
        return events.fire(evolve(world, year=year), ev)

    w = fired(fired(w, "btk_opens", 2017), "ukraine_war", 2022)
    before = w.corridors["middle_corridor"]
    w = fired(fired(w, "caspian_ferries", 2023), "caspian_route_grows", 2024)
    after = w.corridors["middle_corridor"]
    assert abs(trade.cargo(before) - 1.3) < 1e-9 and abs(trade.cargo(after) - 4.0) < 1e-9
    assert abs((after.capacity - trade.cargo(after)) - (before.capacity - trade.cargo(before))) < 1e-9
    assert abs(history.flow(w, after) - history.flow(w, before) - 2.7) < 1e-9
