"""The year: events, income, diplomacy, answers, actions, resolution, end of year.

The phases and their order are data (`game.rules.phases`). In the interactive ones
each seat that acts takes its turn until it ends it; `advance` runs the others by
their runners and moves on to each phase's next. Randomness comes
from a generator seeded by (seed, year, phase), so a game is a pure function of its
scenario, seed and actions.
"""
from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Mapping

import attrs
from game.model.ops import evolve, field_names

from game import history, text
from game.model import GREAT, World
from game.model.ops import with_corridor, with_power
from game.rules import (
    agenda, backlash, caucus, contracts, credibility, dependence, dilution, economy, energy, events, geography, hedging,
    institutions, objectives, tension, trade, water,
)
from game.rules.actions import Action, Attend
from game.rules.influence import decay_all, per_gdp
from game.rules import phases
from game.rules.log import Entry
from game.rules.play import apply, fail_pact, validate
from game.errors import IllegalAction
from game.text import Ref, content
from game.text import corridor as K
from game.text import forum as F
from game.text import power as P
from game.text import powers as Ps

def rng(world: World, phase: str, salt: str = "") -> random.Random:
    """A generator derived from (seed, year, phase, salt): the same inputs, the same draws."""
    digest = hashlib.blake2b(f"{world.seed}|{world.year}|{phase}|{salt}".encode(), digest_size=8).digest()
    return random.Random(int.from_bytes(digest, "big"))


# --- whose turn --------------------------------------------------------------------

must_answer = phases.must_answer


def end_turn(world: World, actor: str) -> tuple[World, list[Entry]]:
    """The actor's turn ends; what the phase settles at a turn's end (answers left open) is settled for it."""
    phase = phases.get(world.phase)
    log: list[Entry] = []
    if phase.on_end_turn:
        world, log = phases.function(phase.on_end_turn)(world, actor)
    nxt = phases.seat_from(world, 0 if phase.restarts else world.turn + 1)
    return evolve(world, turn=nxt), log


def close_answers(world: World, p: str) -> tuple[World, list[Entry]]:
    """Offers p left unanswered lapse; its open invitations are decided by the backlash rule."""
    lapsed = [o for o in world.offers.values() if o.receiver == p and o.status == "pending"]
    ids = {o.id for o in lapsed}
    offers = {oid: (evolve(o, status="lapsed") if oid in ids else o) for oid, o in world.offers.items()}
    world = evolve(world, offers=offers)
    for pact in dict.fromkeys(o.pact for o in lapsed if o.pact):
        world = fail_pact(world, pact)
    log: list[Entry] = []
    for s in world.summits:
        if p in s.invited and p not in s.answers:
            world, more = default_attendance(world, p, s.forum)
            log += more
    return world, log


def default_attendance(world: World, c: str, fid: str) -> tuple[World, list[Entry]]:
    """c answers an invitation as the backlash rule advises."""
    s = next(x for x in world.summits if x.forum == fid)
    choice = backlash.summit_choice(world, c, s.host, world.forums[fid].level)
    world, log = apply(world, Attend(c, fid, choice.attends))
    key = "log.attend_default" if choice.attends else "log.silent_default"
    return world, [Entry.of(world, c, key, rule="backlash", terms={"gain": choice.gain, "fear": choice.fear},
                            actor=P(world, c), forum=F(world, fid), gain=choice.gain, fear=choice.fear)]


# --- stepping ------------------------------------------------------------------------

def step(world: World, action: Action, checked: bool = False) -> tuple[World, list[Entry]]:
    """Validate and apply one action, then run the game on to the next decision (`checked`: the
    action is one of `legal_actions(world, ...)`, which validated it already)."""
    reasons = [] if checked else validate(world, action)
    if reasons:
        raise IllegalAction(reasons)
    before = world
    world, log = apply(world, action)
    world = tension.note(before, world, action)
    if action.verb == "end":
        world, more = end_turn(world, action.actor)
        log += more
    world, more = advance(world)
    return world, log + more


def advance(world: World) -> tuple[World, list[Entry]]:
    """Run the automatic phases until a seat must decide or the game ends."""
    log: list[Entry] = []
    while world.status == "playing":
        phase = phases.get(world.phase)
        if phase.interactive:
            if 0 <= world.turn < len(world.order):
                return world, log
        else:
            world, more = phases.function(phase.runner)(world)
            log += more
            if world.status != "playing":
                break
        world = enter(world, phase.next)
    return world, log


def enter(world: World, name: str) -> World:
    """The world at the start of phase `name`: its first acting seat's turn, or no one's."""
    world = evolve(world, phase=name, turn=-1)
    return evolve(world, turn=phases.seat_from(world, 0)) if phases.get(name).interactive else world


def start(world: World) -> tuple[World, list[Entry]]:
    """Begin a game freshly loaded from a scenario: the routes' current use, security and scores
    as the scenario stands (so dependence and backlash count from the first year), then the
    first year's events and income."""
    world = update_security(record_flows(world, geography.resolve(world)))
    world = evolve(world, phase=phases.FIRST, turn=-1, scores=agenda.scores(world))
    world = objectives.deal(world, rng(world, "objectives"))
    world = evolve(world, start_measures=objectives.measures(world))
    return advance(world)


# --- automatic phases ------------------------------------------------------------------

def run_events(world: World) -> tuple[World, list[Entry]]:
    """Scripted events due this year fire, then maybe one random event."""
    world = evolve(world, news=())
    log = []
    due = events.scripted(world)
    while due:  # one at a time, so an event waiting `after` another can fire in the same year
        ev = due[0]
        world = events.fire(world, ev)
        log.append(event_entry(world, ev))
        due = events.scripted(world)
    drawn = events.draw_random(world, rng(world, "events"))
    if drawn is not None:
        world = events.fire(world, drawn)
        log.append(event_entry(world, drawn))
    return world, log


def run_income(world: World) -> tuple[World, list[Entry]]:
    """Budgets arrive, action points refill, pledges due are delivered or slip."""
    world = economy.fund_budgets(world)
    world = evolve(world, ap_left={p: world.powers[p].action_points for p in world.order})
    world, log = deliver_pledges(world)
    return world, log


def event_entry(world: World, ev) -> Entry:
    """The log line of an event that fires: its title and note, in the reader's language when the scenario gives one."""
    return Entry.of(world, "", "log.event", rule="event", title=content(f"event.{ev.id}.title", ev.title),
                    note=content(f"event.{ev.id}.note", ev.note))


def deliver_pledges(world: World) -> tuple[World, list[Entry]]:
    """Each pledge due this year is delivered with its donor's credibility, or slips."""
    draws = rng(world, "pledges")
    log = []
    for pledge in [pl for pl in world.pledges.values() if pl.due_year <= world.year]:
        kept = credibility.draw(world, pledge, draws) and economy.free_funds(world, pledge.donor) >= 0
        if kept:
            world = economy.give_aid(world, pledge)
            world = credibility.delivered(world, pledge)
        else:
            world, _ = credibility.slip(world, pledge)
        log.append(Entry.of(world, pledge.donor, "log.pledge_delivered" if kept else "log.pledge_slips",
                            rule="credibility", terms={"chance": credibility.chance(world, pledge.donor, pledge.recipient)},
                            donor=P(world, pledge.donor), amount=pledge.amount, kind=Ref("aid", pledge.kind),
                            recipient=P(world, pledge.recipient)))
    return world, log


def hold_summits(world: World) -> tuple[World, list[Entry]]:
    """This year's summits meet with the members who came; hosts gain, rivals are displeased."""
    log = []
    for s in world.summits:
        for c in s.invited:
            if c not in s.answers:
                world, more = default_attendance(world, c, s.forum)
                log += more
    for s in world.summits:
        came = tuple(c for c in s.invited if s.answers.get(c))
        world = institutions.meet(world, s.forum, came)
        for c in came:
            world = backlash.displease(world, c, s.host)
        log.append(Entry.of(world, s.host, "log.summit_meets" if came else "log.summit_empty", rule="institutions",
                            forum=F(world, s.forum), attending=Ps(world, came)))
    return evolve(world, summits=()), log


def hold_caucuses(world: World) -> tuple[World, list[Entry]]:
    """The C5-only meetings convened by a quorum this year agree their joint stance (rule caucus)."""
    world, met = caucus.meet(world)
    return world, [Entry.of(world, "", "log.caucus_meets", rule="caucus", forum=F(world, fid), attending=Ps(world, came))
                   for fid, came in met]


def progress_corridors(world: World) -> tuple[World, list[Entry]]:
    """Construction advances a year; disruptions run down."""
    log = []
    for k in world.corridors.values():
        if k.status == "building":
            done = k.progress + 1 >= k.build_years
            world = with_corridor(world, k.id, progress=min(k.progress + 1, k.build_years) if done else k.progress + 1,
                                  status="operating" if done else "building")
            if done:
                log.append(Entry.of(world, "", "log.corridor_opens", rule="geography", corridor=K(world, k.id)))
        elif k.status == "disrupted" and k.disrupted_years > 0:
            left = k.disrupted_years - 1
            world = with_corridor(world, k.id, disrupted_years=left, status="operating" if left == 0 else "disrupted")
    return world, log


def record_flows(world: World, flows: geography.Flows) -> World:
    """The world with what moved this year on record (flows, exports, trade, deliveries)."""
    return evolve(world, flows=flows.flows, exports=flows.exports, trade=flows.trade, received=flows.received)


def move_goods(world: World) -> tuple[World, list[Entry]]:
    """Goods flow along corridors; buyers pay, revenue and fees are paid; contracts age."""
    flows = geography.resolve(world)
    world = record_flows(world, flows)
    world, unpaid, log = contracts.collect(world, flows.shipped)
    revenue = {c: v - unpaid.get(c, 0.0) for c, v in flows.revenue.items()}
    world = economy.settle(world, revenue, flows.fees)
    left = {cid: evolve(c, years_left=c.years_left - 1) for cid, c in world.contracts.items() if c.years_left > 1}
    return evolve(world, contracts=left), log


def run_water(world: World) -> tuple[World, list[Entry]]:
    """Rivers held upstream give their dams winter power and cost the farms downstream their harvest."""
    log = [Entry.of(world, u, "log.river_held", rule="water", actor=text.power(world, u),
                    river=text.river(world, r.id), downstream=text.joined(text.power(world, d) for d in r.downstream))
           for r in world.rivers.values() for u in r.held]
    return water.flow(world), log


def trade_influence(world: World) -> World:
    """Buyers gain influence with their trade: `influence.trade x trade / sqrt(GDP)`."""
    k = world.param("influence.trade")
    for c, row in world.trade.items():
        for buyer, value in row.items():
            if buyer in world.powers and world.powers[buyer].kind == GREAT:
                world = hedging.win(world, c, buyer, k * per_gdp(world, c, value))
    return world


def tick_policies(world: World) -> World:
    """Policies run down; online programmes cost their owner money."""
    kept = {}
    for pid, pol in world.policies.items():
        if pol.card in dependence.PROGRAMMES and dependence.programme_online(world, pol):
            world = with_power(world, pol.actor, treasury=max(0.0, world.powers[pol.actor].treasury
                                                              - dependence.programme_cost(world, pol)))
        if pol.years_left == 0 or pol.years_left > 1:
            kept[pid] = evolve(pol, years_left=max(0, pol.years_left - 1)) if pol.years_left else pol
    return evolve(world, policies=kept)


def update_security(world: World) -> World:
    """Each great power's supply security, good by good."""
    return energy.refresh(world)


def calm_down(world: World) -> World:
    """The wish to diversify fades a little each year."""
    keep = 1 - world.param("dependence.diversify_fade")
    economies = {c: evolve(e, diversify=e.diversify * keep) for c, e in world.economies.items()}
    return evolve(world, economies=economies)


def run_resolution(world: World) -> tuple[World, list[Entry]]:
    """The year resolves: summits, building, goods, money, influence, security, scores."""
    world, log = hold_summits(world)
    world, more = hold_caucuses(world)
    log += more
    world, more = progress_corridors(world)
    log += more
    world = economy.finish_projects(world)
    world, more = move_goods(world)
    log += more
    world, more = run_water(world)
    log += more
    world = trade.exchange(trade_influence(decay_all(world)))  # goods trade and remittances beside resources
    world = dilution.dilute(world)
    world = tick_policies(world)
    world = update_security(world)
    world = institutions.age(calm_down(world))
    world = evolve(world, offers=standing_offers(world), scores=agenda.scores(world))
    world, more = scoring_round(world)
    return world, log + more


def scoring_round(world: World) -> tuple[World, list[Entry]]:
    """At the end of a scoring-round year every power's objectives pay out (game.rules.objectives)."""
    if not objectives.is_round(world):
        return world, []
    now = objectives.measures(world)
    pts = objectives.score_round(world, now)
    world = evolve(world, scored=(*world.scored, pts), measured=(*world.measured, now))
    told = text.joined([text.msg("log.scoring_round.power", power=text.power(world, p), points=pts[p],
                                 total=objectives.total(world, p)) for p in world.order])
    return world, [Entry.of(world, "", text.msg("log.scoring_round", n=len(world.scored),
                                                of=len(objectives.rounds(world)), told=told),
                            rule="objectives", terms=dict(pts))]


def standing_offers(world: World) -> dict:
    """Offers still open at the year's end (aid pledges offered in the actions phase) wait for an answer."""
    return {oid: o for oid, o in world.offers.items() if o.status == "pending"}


def run_end(world: World) -> tuple[World, list[Entry]]:
    """Tension settles and a crisis may come (game.rules.tension); record the year's figures; check for
    collapse and the last year; otherwise the next year begins."""
    world, log = year_tension(world)
    world = evolve(world, record=history.Record(world, world.year))
    if world.status == "collapsed":
        return world, log + [Entry.of(world, "", "log.collapse_tension", rule="tension", track=tension.track(world),
                                      powers=Ps(world, tension.hottest(world).split("|")))]
    if economy.mean_stability(world) < world.param("stability.collapse"):
        world = evolve(world, status="collapsed")
        return world, log + [Entry.of(world, "", "log.collapse")]
    if world.year >= world.end_year:
        world = evolve(world, status="over")
        return world, log + [Entry.of(world, "", "log.game_over", winner=P(world, winner(world)))]
    return evolve(world, year=world.year + 1), log


def year_tension(world: World) -> tuple[World, list[Entry]]:
    """The year's moves settle the tension track; a crossed threshold may bring a crisis card; a track at the
    collapse level in a year of coercion ends the game (status "collapsed")."""
    was = tension.track(world)
    world, card, collapsed = tension.year_end(world, rng(world, "end", "crisis"))
    now = tension.track(world)
    key = "log.tension_warning" if tension.warning(world) else "log.tension_track"
    log = [Entry.of(world, "", key, rule="tension", terms={"track": now, "was": was}, track=now, was=was,
                    powers=Ps(world, tension.hottest(world).split("|")))] if abs(now - was) >= 0.005 else []
    if card is not None:
        log.append(Entry.of(world, "", "log.crisis", rule="tension", title=text.msg(f"crisis.{card.text}.title"),
                            note=text.msg(f"crisis.{card.text}.note")))
    return (evolve(world, status="collapsed") if collapsed else world), log


def winner(world: World) -> str:
    """The power with the most points from the scoring rounds (ties: `objectives.leader`); "" after a collapse."""
    if world.status == "collapsed":
        return ""
    return objectives.leader(world)


# --- hashing ----------------------------------------------------------------------------

_SCALARS = frozenset((str, int, bool, type(None)))


def to_data(obj):
    """Plain JSON-ready data for any record of the World (NaN becomes null)."""
    kind = type(obj)
    if kind in _SCALARS:
        return obj
    if kind is float:
        return obj if obj == obj else None
    if kind is dict:
        return {str(k): to_data(v) for k, v in obj.items()}
    if kind is tuple or kind is list:
        return [to_data(v) for v in obj]
    if attrs.has(kind):
        return {n: to_data(getattr(obj, n)) for n in field_names(kind)}
    if isinstance(obj, Mapping):  # a record worked out when first read (`history.Record`)
        return {str(k): to_data(v) for k, v in obj.items()}
    return obj


def world_hash(world: World) -> str:
    """A stable SHA-256 of the World: the same in any process and any PYTHONHASHSEED."""
    text = json.dumps(to_data(world), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()

