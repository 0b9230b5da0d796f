"""The personality agent: one for every seat not held by a person.

It answers offers with the valuation rule plus its personality's habits, decides summit
invitations with the backlash rule plus its summit bias, and otherwise values each
option as `weight[verb] x interest x chance x (points after - points without) - money
price x money spent` plus habit points when that is not negative, the points being the
objective points it projects to win in the scoring rounds left (`ai.race`) in the World
that `ai.projection` foresees at the year's end.
Easy adds noise and looks at few options; hard re-checks its best options a year deeper
and haggles offers up until they would be accepted; historical plays the scenario's
script of real moves where it has one. Every Decision keeps its terms and a sentence.
"""
from __future__ import annotations

import random
from typing import Mapping

from attrs import evolve

from ai import projection as P
from ai import race
from ai import reasons as R
from ai import rollout
from ai.base import Decision
from ai.personality import Level, Personality
from game.model import AID_KINDS, Item, Offer, World
from game.rules import actions as A
from game.rules import agenda, backlash, dependence, economy, geography, haggle, tender, valuation
from game.rules.influence import share
from game.rules.legal import contract_item
from game.rules import phases
from game.rules.play import contracted, offers_made, validate
from game.text import Msg, Ref, content, joined, msg
from game.text import power as Pw
from game.text import powers as Ps

ANSWERS = (A.Accept, A.Reject, A.Counter, A.Attend)
MONEY_PER_ACTION = 0.5  # US$ bn a typical paid move costs (aid steps, upgrades, summits): money's use per action point
DEAR_POINTS = 100.0  # points against a contract priced above the level's `accept_price` (a no whatever else it brings)
BUY_PRICES = (1.0, 1.25, 1.5, 2.0)  # price factors a great power weighs when it offers to buy (the race projection chooses)
SELL_PRICES = (0.8, 1.0, 1.25)  # price factors a Central Asian state weighs when it offers to sell (its race chooses)
FOLLOW_MENU = 12  # next moves hard tries after each of its best moves (`followed`): the options with a gain, by gain
OFFERS = (A.Propose, A.Counter, A.Pact, A.Aid)  # moves that make an offer: valued on their own, without a follow-up


class PersonalityAgent:
    """Plays one seat in character at one difficulty."""

    def __init__(self, power: str, persona: Personality, level: Level, script: tuple = (), holds: tuple = ()):
        self.power = power
        self.persona = persona
        self.level = level
        self.script = script  # ((year, action text, note), ...)
        self.holds = holds  # ((first year allowed, action or ai.factory.Pattern), ...): moves the real power had not made yet
        self.done: set[int] = set()

    # --- the interface ---------------------------------------------------------------
    def choose(self, view: World, legal: list[A.Action], rng: random.Random) -> Decision:
        """The next decision for the seat: an answer if one is owed, else a move, else end turn."""
        me = view.current()
        pending = [a for a in legal if isinstance(a, ANSWERS)]
        if pending:
            first = pending[0]
            if isinstance(first, A.Attend):
                return self.attend(view, me, first.forum)
            return self.answer(view, me, view.offers[first.offer], legal, rng)
        scripted = self.scripted(view, me) if self.level.script else None
        return scripted or self.move(view, me, [a for a in legal if not self.held(view, a)], rng)

    # --- answers -----------------------------------------------------------------------
    def habits(self, view: World) -> dict:
        """The personality's habits for the valuation rule this year."""
        return self.persona.habits(view.year)

    def answer(self, view: World, me: str, offer: Offer, legal: list, rng: random.Random) -> Decision:
        """Accept, counter or reject an offer, with the valuation terms as the reason."""
        if tender.is_bid(offer):
            return self.pick_bid(view, me, offer, legal)
        judged = valuation.appraise(view, me, offer, self.habits(view))
        if self.level.naive:
            judged = naive_judgement(judged)
        elif P.is_great(view, me):
            judged = self.great_judgement(view, me, offer)
        elif self.level.judge_offers:
            judged = self.race_judgement(view, me, offer, judged)
        if (self.level.plays_out(view.powers[me].kind) and not self.level.naive and not (judged.bloc or judged.terms.get("closed"))
                and A.Accept(me, offer.id) in legal):
            judged = self.played_answer(view, me, offer, judged)
        total = judged.total + self.noise(rng, 0.1)
        accept = A.Accept(me, offer.id)
        terms = {k: round(v, 4) for k, v in judged.terms.items()}
        if (total > 0) != (judged.total > 0):  # easy's noise tipped the answer
            verb = "accepts" if total > 0 else "declines"
            judged = evolve(judged, reason=msg(f"ai.misreads_{verb}", who=Pw(view, me), worth=judged.total))
        if total > 0 and accept in legal:
            return Decision(accept, judged.reason, {**terms, "total": round(total, 4)})
        counter = next((a for a in legal if isinstance(a, A.Counter) and a.offer == offer.id), None)
        if counter is not None and total > -self.persona.counter_gap and not judged.terms.get("closed"):
            mine = Offer("?", me, offer.sender, counter.gives, counter.asks, view.year)
            better = self.counter_judgement(view, me, counter, mine)
            theirs = valuation.appraise(view, offer.sender, mine)
            if P.is_great(view, offer.sender):
                theirs = valuation.Appraisal({}, self.counter_worth(view, me, counter, offer.sender), msg(""))
            if better.total > 0 and (theirs.total > self.their_bar(view, offer) or not self.level.judge_offers):
                why = msg("ai.why.counters", reason=judged.reason, worth=better.total)
                return Decision(counter, why, {**terms, "total": round(total, 4), "counter": round(better.total, 4)})
        reason = judged.reason
        if total > 0:  # it liked the deal but cannot sign it now
            reason = msg("ai.why.cannot_sign", reason=valuation.appraise(view, me, offer).reason)
        return Decision(A.Reject(me, offer.id), reason, {**terms, "total": round(total, 4)})

    def counter_judgement(self, view: World, me: str, counter: A.Counter, mine: Offer) -> valuation.Appraisal:
        """What its own counter-offer would be worth to it if accepted: the valuation rule with its habits and, for
        a C5 seat at a level that judges offers, its race as it would judge the deal (`race_judgement`), so that
        it never asks for a little more on a deal that costs it its race."""
        judged = valuation.appraise(view, me, mine, self.habits(view))
        if self.level.naive or not self.level.judge_offers or P.is_great(view, me):
            return judged
        world, _ = P.apply(view, counter)
        oid = next(o for o in world.offers if o not in view.offers)
        return self.race_judgement(world, me, world.offers[oid], valuation.appraise(world, me, world.offers[oid],
                                                                                    self.habits(view)))

    def their_bar(self, view: World, offer: Offer) -> float:
        """How much the other side must like this AI's counter for it to be worth making: above zero when the
        counter would be the chain's last (it can only be accepted), else above minus its reach
        (`haggle_reach`: the other side may still meet it part-way; rule 25)."""
        last = haggle.counters_in(view, offer) + 1 >= int(view.param("haggle.rounds"))
        return 0.0 if last else -self.persona.haggle_reach

    def pick_bid(self, view: World, me: str, offer: Offer, legal: list) -> Decision:
        """A tender's host accepts a bid only if it is the best of the bids by its judgement (`bid_judgement`: its
        valuation and, at a level that judges offers, its race), worth having and still payable (on the menu: a
        bidder whose money ran out since cannot be accepted)."""
        bids = [(self.bid_judgement(view, me, b), b) for b in tender.rival_bids(view, offer)]
        best, top = max(bids, key=lambda jb: jb[0].total)  # the earliest of equal bids
        judged = next(j for j, b in bids if b.id == offer.id)
        terms = {**{k: round(v, 4) for k, v in judged.terms.items()}, "total": round(judged.total, 4),
                 "best": round(best.total, 4), "bids": float(len(bids))}
        if top.id == offer.id and judged.total > 0 and A.Accept(me, offer.id) in legal:
            return Decision(A.Accept(me, offer.id), judged.reason, terms)
        why = judged.reason if top.id == offer.id else msg("ai.why.outbid", who=Pw(view, me), winner=Pw(view, top.sender),
                                                            reason=judged.reason)
        return Decision(A.Reject(me, offer.id), why, terms)

    def bid_judgement(self, view: World, me: str, bid: Offer) -> valuation.Appraisal:
        """A host's worth of one bid: the valuation rule with its habits, and at a level that judges offers
        the change in its projected objective points too (`race_judgement`: the concession's goods go where
        the winner's contract takes them, which may cost it a race the money does not make up for)."""
        judged = valuation.appraise(view, me, bid, self.habits(view))
        if self.level.naive or not self.level.judge_offers:
            return naive_judgement(judged) if self.level.naive else judged
        return self.race_judgement(view, me, bid, judged)

    def great_judgement(self, view: World, me: str, offer: Offer) -> valuation.Appraisal:
        """A great power's answer in projected objective points (goods, influence, route habit, money paid);
        the reason names the parts that decided it (`valuation.deciders`) and only those."""
        thrift = self.money_price(view, me)
        pts, terms, after = P.great_answer(view, me, offer.id, self.habits(view), thrift, race_w=self.level.race)
        dear = bought_above(offer, me, self.level.accept_price)
        total = pts - self.persona.min_gain - (DEAR_POINTS if dear else 0.0)
        parts = {**P.great_parts(terms, thrift), "margin": -self.persona.min_gain}
        named = valuation.deciders(parts, total)
        if dear:
            why = msg("ai.great.declines", who=Pw(view, me), body=msg("ai.great.dear", top=self.level.accept_price, price=dear))
        elif "unaffordable" in named:
            why = msg("ai.great.unaffordable", who=Pw(view, me))
        else:
            moved = R.term_change(race.parts(P.settle_goods(view), me), race.parts(after, me), race.weights(view, me))
            bits = [b for k in named for b in self.great_bits(view, me, k, parts, terms, moved)]
            why = msg(f"ai.great.{'accepts' if total > 0 else 'declines'}", who=Pw(view, me), body=joined(bits, "semi"))
        return valuation.Appraisal({**terms, "points": pts, "margin": parts["margin"], "thrift": thrift}, total, why, me)

    def great_bits(self, view: World, me: str, name: str, parts: dict, terms: dict, moved: list) -> list[Msg]:
        """The clauses that say one deciding part of a great power's answer."""
        if name == "position":
            return R.position_bits(moved, parts["position"])
        if name == "route":
            avoided = joined(Ps(view, [q for q in self.persona.avoid if q in view.powers]), "and")
            pressed = terms["route"] > self.persona.route_value * 1.5
            return [msg("ai.great.route_pressed" if pressed else "ai.great.route", avoided=avoided, worth=terms["route"])]
        if name == "premium":
            return [msg("ai.great.premium", cost=terms["premium"])]
        if name == "consent":
            return [msg("ai.great.consent", worth=terms["consent"])]
        if name == "paid":
            return [msg("ai.great.pays", cost=terms["paid"])]
        return [msg("ai.great.margin", gain=sum(v for k, v in parts.items() if k != "margin"),
                    least=-parts["margin"])]

    def race_judgement(self, view: World, me: str, offer: Offer, judged: valuation.Appraisal) -> valuation.Appraisal:
        """A C5 state's answer: the valuation rule's utility plus the change in its projected objective
        points (`ai.race`, over `projection.POINTS_PER_UTILITY`) over the new contracts' life (`projection.in_full`: their
        routes given the room they lack now) as one more part (`position`); the reason names the
        parts that decided it (`valuation.deciders`), its projected points among them when they did. A level that
        looks ahead (hard) takes half that change and half the change a year later (`projection.deepen`), unless it
        plays its answers out with `trust`: then the one-year answer (normal's) is what its play-outs must beat."""
        if judged.bloc or judged.terms.get("closed"):
            return judged  # a bloc it refuses, or doors still closed: the rule's no stands
        _, terms, after = P.great_answer(view, me, offer.id, self.habits(view), race_w=self.level.race, life=True)
        trusting = self.level.trust and self.level.plays_out(view.powers[me].kind)
        if self.level.lookahead and race.later(view) and not trusting:  # hard: half the change a year later too (`deeper`)
            base = P.settle_goods(view)
            deep = race.value(P.deepen(after), me, self.level.race) - race.value(P.deepen(base), me, self.level.race)
            terms = {**terms, "delta": 0.5 * terms["delta"] + 0.5 * deep}
        race_part = terms["delta"] / P.POINTS_PER_UTILITY
        total = judged.total + race_part
        out = {**judged.terms, "race": round(race_part, 4)}
        moved = R.term_change(race.parts(P.settle_goods(view), me), race.parts(after, me), race.weights(view, me))
        other = offer.sender if offer.receiver == me else offer.receiver
        why = valuation.c5_reason(view, me, other, judged.terms, total, "",
                                  {"position": (race_part, R.position_bits(moved, terms["delta"]))})
        return valuation.Appraisal(out, total, why, judged.who, judged.bloc)

    def played_answer(self, view: World, me: str, offer: Offer, judged: valuation.Appraisal) -> valuation.Appraisal:
        """Hard level: the answer's projected change in objective points (`delta`, a Central Asian state's over
        POINTS_PER_UTILITY) partly replaced (`playout`) by the change the rest of the game played out shows
        (`ai.rollout`: the offer accepted, against it declined). When that turns the answer, the reason says so."""
        kw = self.playout_keys(view, me, offer.id)
        accept = rollout.play_out(view, me, A.Accept(me, offer.id), **kw)
        reject = rollout.play_out(view, me, A.Reject(me, offer.id), **kw)
        great = P.is_great(view, me)
        per = 1.0 if great else P.POINTS_PER_UTILITY
        projected = judged.terms.get("delta", 0.0) if great else judged.terms.get("race", 0.0) * per
        shift = self.level.playout * (accept - reject - projected) / per
        total = judged.total + shift
        if (total > 0) != (judged.total > 0) and abs(total) * per <= self.level.trust:
            total, shift = judged.total, 0.0  # a play-out turns the projected answer only by a clear margin (`trust`)
        reason = judged.reason
        if (total > 0) != (judged.total > 0):
            verb = "accepts" if total > 0 else "declines"
            reason = msg(f"ai.playout_{verb}", who=Pw(view, me), worth=(accept - reject) / per)
        return valuation.Appraisal({**judged.terms, "playout": round(shift, 4)}, total, reason, judged.who, judged.bloc)

    def attend(self, view: World, me: str, forum: str) -> Decision:
        """Attend a summit or stay away: the backlash rule plus the summit bias."""
        s = next(x for x in view.summits if x.forum == forum)
        f = view.forums[forum]
        choice = backlash.summit_choice(view, me, s.host, f.level)
        bias = self.persona.summit_bias
        neutral_bloc = self.persona.neutral and bool(f.against)
        closed = self.persona.closed(view.year)
        fear = 0.0 if self.level.naive else choice.fear  # easy does not weigh rivals' displeasure
        yes = choice.gain + bias > fear and not neutral_bloc and not closed
        why = R.attend_reason(view, me, forum, yes, choice.gain, choice.fear, bias, neutral_bloc,
                              self.persona.closed_until if closed else 0)
        return Decision(A.Attend(me, forum, yes), why, {"gain": choice.gain, "fear": choice.fear, "bias": bias})

    def counter_worth(self, view: World, me: str, counter: A.Counter, sender: str) -> float:
        """How a great power would value a counter-offer (the same model the agent uses for its own offers)."""
        world, _ = P.apply(view, counter)
        oid = next(o for o in world.offers if o not in view.offers)
        return P.great_answer(world, sender, oid)[0] - 0.05

    # --- the historical script ----------------------------------------------------------
    def scripted(self, view: World, me: str) -> Decision | None:
        """This year's real move for the seat, if the script has one that is legal now."""
        for i, (year, action, note) in enumerate(self.script):
            if i in self.done or year != view.year or action.actor != me or action.verb not in phases.verbs(view.phase):
                continue
            if action.verb == "end":
                continue
            self.done.add(i)
            if not validate(view, action):
                return Decision(action, R.action_reason(view, me, action, {"script": script_note(view, i, note)}),
                                {"script": 1.0})
        return None

    def held(self, view: World, a: A.Action) -> bool:
        """Whether the historical script holds this move back this year."""
        return any(view.year < until and (a == action or (hasattr(action, "matches") and action.matches(a)))
                   for until, action in self.holds)

    # --- moves ---------------------------------------------------------------------------
    def noise(self, rng: random.Random, spread: float) -> float:
        """Random points for the easy level."""
        return rng.gauss(0.0, self.level.noise * spread) if self.level.noise else 0.0

    def options(self, view: World, me: str, legal: list, rng: random.Random) -> list[A.Action]:
        """The moves it considers: a sample of the menu plus the moves its habits suggest."""
        asked = {o.receiver for o in view.offers.values() if o.sender == me and o.year == view.year}
        menu = [a for a in legal if not isinstance(a, (A.EndTurn, *ANSWERS)) and self.allowed(view, a)
                and not asked.intersection(parties(a))]
        if len(menu) > self.level.sample:
            menu = spread_sample(menu, self.level.sample, rng)
        extra = [a for a in self.habit_moves(view, me) if a not in menu and a.target not in asked
                 and not self.held(view, a) and not validate(view, a)]
        return menu + extra + self.favourite_aid(menu, legal)

    def favourite_aid(self, menu: list, legal: list) -> list[A.Action]:
        """For each aid in the sample, the same aid in its favourite kind (so a sample never hides its habit)."""
        kinds = self.persona.aid_kinds
        fav = max(AID_KINDS, key=lambda k: (kinds.get(k, 1.0), -AID_KINDS.index(k)))
        allowed = set(legal)
        return list(dict.fromkeys(b for a in menu if isinstance(a, A.Aid) and a.kind != fav
                                  for b in [evolve(a, kind=fav)] if b in allowed and b not in menu))

    def allowed(self, view: World, a: A.Action) -> bool:
        """Whether its habits ever let it make this kind of move."""
        p = self.persona
        if p.closed(view.year) and a.verb in ("propose", "pact", "join", "build", "upgrade"):
            return False
        if p.neutral and a.verb == "join":
            return False
        if a.verb == "leave":
            return p.weight("leave") > 0
        if isinstance(a, A.Propose) and p.neutral and any(i.kind == "statement" and i.against for i in (*a.gives, *a.asks)):
            return False
        if isinstance(a, A.Policy):
            return a.card in p.cards
        return p.weight(a.verb) > 0

    def habit_moves(self, view: World, me: str) -> list[A.Action]:
        """Moves the standard menu does not list: favourite aid kinds, premium routes, asks for aid."""
        if view.phase != "diplomacy" or self.persona.closed(view.year):
            return []
        step = view.param("play.aid_step")
        kinds = self.persona.aid_kinds
        fav = max(AID_KINDS, key=lambda k: (kinds.get(k, 1.0), -AID_KINDS.index(k)))
        out: list[A.Action] = []
        if P.is_great(view, me):
            asked = {o.receiver for o in view.offers.values() if o.sender == me and o.year == view.year}
            buys = self.level.judge_offers and offers_made(view, me) < view.param("play.max_offers")
            for c in view.c5():
                out.append(A.Propose(me, c, (Item("aid", aid_kind=fav, amount=step * (5 if fav == "loan" else 2)),), ()))
                out += self.route_offers(view, me, c, fav, step)
                if buys and c not in asked:  # (an offer it could not make now is never an option)
                    out += buy_offers(view, me, c, self.level.top_price)
        else:
            asked = {o.receiver for o in view.offers.values() if o.sender == me and o.year == view.year}
            sells = self.level.judge_offers and self.level.race > 0 and offers_made(view, me) < view.param("play.max_offers")
            for q in view.great_powers():
                out.append(A.Propose(me, q, (), (Item("aid", aid_kind=fav, amount=step * (5 if fav == "loan" else 1)),)))
                out += self.sell_offers(view, me, q, fav, step)
                if sells and q not in asked:
                    out += sell_ladder(view, me, q)
        return out

    def route_offers(self, view: World, me: str, c: str, fav: str, step: float) -> list[A.Action]:
        """A buyer's offers of contracts on routes that avoid the powers it avoids, at a premium."""
        avoid = tuple(self.persona.avoid)
        if not avoid:
            return []
        out = []
        for r, made in view.economies[c].production.items():
            if made <= 0:
                continue
            for k in geography.routes(view, c, r, me):
                if valuation.avoids(view, k.id, avoid):
                    item = contract_item(view, c, me, r, k.id, round(1 + self.persona.route_premium, 2))
                    out.append(A.Propose(me, c, (Item("aid", aid_kind=fav, amount=step * 2),), (item,)))
        return out

    def sell_offers(self, view: World, me: str, q: str, fav: str, step: float) -> list[A.Action]:
        """A seller's offers of contracts at its asking premium, on each route to the buyer."""
        out = []
        price = round(1 + self.persona.ask_premium, 2)
        for r, made in view.economies[me].production.items():
            if made <= 0:
                continue
            for k in geography.routes(view, me, r, q)[:3]:
                out.append(A.Propose(me, q, (contract_item(view, me, q, r, k.id, price),), ()))
                out.append(A.Propose(me, q, (contract_item(view, me, q, r, k.id, price),),
                                     (Item("aid", aid_kind=fav, amount=step),)))
        return out

    def move(self, view: World, me: str, legal: list, rng: random.Random) -> Decision:
        """The best-valued move, or end the turn when nothing is worth its cost."""
        base = P.settle_goods(view)
        before = race.parts(base, me)
        base_score = race.value(base, me, self.level.race)
        scored = []
        for a in self.options(view, me, legal, rng):
            value, terms = self.value(view, me, a, base, before, base_score)
            scored.append([value, a, terms])
        if self.level.noise and scored:
            spread = max(0.3, max(abs(s[0]) for s in scored))
            for s in scored:
                s[0] += self.noise(rng, spread)
        scored.sort(key=lambda s: -s[0])
        every = list(scored)  # every option valued (the re-checks below keep their best few)
        if self.level.lookahead and scored:  # it acts only on an option it has checked a year deeper
            scored = sorted(self.deeper(view, me, scored, base, before, base_score), key=lambda s: -s[0])
        if self.level.plays_out(view.powers[me].kind) and scored:  # and, where it plays out, only on one played out
            scored = self.trusted(sorted(self.played(view, me, scored), key=lambda s: -s[0]), every[0][1],
                                  every[0][0] > self.persona.min_gain + self.level.margin)
        if self.level.follows(view.powers[me].kind) and scored and view.ap_left.get(me, 0) >= 2:  # hard: with its best next move
            scored = sorted(self.followed(view, me, scored, every), key=lambda s: -s[0])
        end = legal[-1]
        if not scored or scored[0][0] <= self.persona.min_gain + self.level.margin:
            best = R.phrase(view, scored[0][1]) if scored else None
            return Decision(end, R.end_reason(view, me, best, scored[0][0] if scored else 0.0),
                            {"best": round(scored[0][0], 4) if scored else 0.0})
        value, action, terms = scored[0]
        terms = {**terms, "value": value}
        reason = R.action_reason(view, me, action, terms)
        return Decision(action, reason, _flat(terms))

    def value(self, view: World, me: str, a: A.Action, base: World, before: dict, base_score: float):
        """(points, terms) of one move from the projection and the personality's habits."""
        p = self.persona
        if isinstance(a, A.Policy) and self.card_points(view, me, a)[0] is None:
            return -1e9, {}  # a card its habits never play now: not worth projecting (`habit_points` says None)
        out = self.project(view, me, a, base)
        spent = max(0.0, economy.free_funds(view, me) - economy.free_funds(out.world, me)) if out.chance else 0.0
        if isinstance(a, (A.Propose, A.Counter)) and out.chance:
            mine = [i for i in a.gives if i.kind in ("aid", "cofinance")]
            spent = sum(i.amount for i in mine)
        if isinstance(a, A.Pact) and out.chance:
            spent = sum(i.amount for part in a.parts for i in part.gives if i.kind in ("aid", "cofinance"))
        after = race.parts(out.world, me)
        delta = race.value(out.world, me, self.level.race) - base_score - out.credit
        discount = p.patience ** out.years * race.on_time(view, out.years, self.level.race)  # a build due after the last round pays nothing
        gain = p.weight(a.verb) * self.interest(view, a) * discount * P.expected_delta(out, me, base_score, self.level.race)
        habit, habit_text = self.habit_points(view, me, a, out)
        if habit is None:
            return -1e9, {}
        cost = self.money_price(view, me) * spent + self.reserve_penalty(view, me, spent)
        value = P.habit_value(gain - cost, habit) - out.chance * P.collapse_cost(view, out.world, a)  # a collapse loses for all
        moved = R.term_change(before, after, race.weights(view, me))
        terms = {"delta": delta, "gain": gain, "chance": out.chance, "slip": out.slip_chance, "years": out.years, "habit": habit, "spent": spent,
                 "moved": moved, "habit_text": habit_text}
        if isinstance(a, A.Policy) and habit_text:
            terms["card_rule"] = habit_text
        return value, terms

    def interest(self, view: World, a: A.Action) -> float:
        """The personality's interest in the other party of a move."""
        other = getattr(a, "target", "") or ""
        return float(self.persona.targets.get(other, 1.0)) if other else 1.0

    def money_price(self, view: World, me: str) -> float:
        """Points per US$ bn spent: what money can buy in the race, `thrift x SCALE x (share of the
        game's points still to play for) / max(money it will have, money it could usefully spend)`.
        Money left at the end scores nothing of itself (only an objective that reads the treasury
        counts it, and the projection already sees that), so a seat with more than it can use
        does not hoard it: its price falls as its money grows. A level that plays its national agenda
        (`race` 0) prices money by how scarce it is for the rest of the game, `min(1, could / will have)`."""
        years = max(1, view.end_year - view.year + 1)
        could = view.powers[me].action_points * years * MONEY_PER_ACTION
        will_have = economy.free_funds(view, me) + max(0.0, view.powers[me].income) * years
        in_race = race.SCALE * race.left_share(view) / max(will_have, could, 0.01)
        national = min(1.0, could / max(will_have, 0.01))  # the agenda's scale: how scarce money is
        r = self.level.race
        return self.persona.thrift * (r * in_race + (1.0 - r) * national)

    def reserve_penalty(self, view: World, me: str, spent: float) -> float:
        """A large cost for spending below the share of its treasury it keeps."""
        keep = self.persona.reserve * max(view.powers[me].treasury, 0.0)
        left = economy.free_funds(view, me) - spent
        return 100.0 if spent > 0 and left < keep else 0.0

    def habit_points(self, view: World, me: str, a: A.Action, out: P.Outcome) -> tuple[float | None, str]:
        """Points its habits add to a move, and the habit in words (None: never do it)."""
        p = self.persona
        who = Pw(view, me)
        if isinstance(a, A.Policy):
            return self.card_points(view, me, a)
        if isinstance(a, A.Aid):
            fav = p.aid_kinds.get(a.kind, 1.0)
            pts = 0.3 * (fav - 1.0) + self.followup(view, me, a.target)
            return pts, (msg("ai.habit.favours", who=who, kind=Ref("aid", a.kind)) if fav > 1.05 else None)
        if isinstance(a, (A.Build, A.Upgrade)):
            k = view.corridors[a.corridor]
            mine = me in k.markets or me in k.controllers
            pts = 0.3 * p.own_routes if mine else 0.0
            if me in view.economies and me in k.path:
                pts += 0.2 * (p.diversify - 1.0)
            side = "market" if me in k.markets else "control"
            return pts, (msg(f"ai.habit.routes_{side}", who=who) if mine and p.own_routes else None)
        if isinstance(a, A.Summit):
            came = sum(1 for c in view.forums[a.forum].members if c in view.economies and
                       backlash.summit_choice(view, c, me, a.level).attends)
            pts = p.forum_value * came * a.level / 2
            return pts, (msg("ai.habit.forums", who=who, n=came) if p.forum_value else None)
        if isinstance(a, (A.Propose, A.Counter)):
            return self.offer_points(view, me, a, out)
        if isinstance(a, A.Pact):
            return self.pact_points(view, me, a, out)
        if isinstance(a, A.Tender):
            return self.tender_points(view, me, a)
        return 0.0, None

    def tender_points(self, view: World, me: str, a: A.Tender) -> tuple[float, Msg | None]:
        """Points for opening a tender: its valuation of the bid it expects to win (`projection.expected_bid`: of
        each great power's menu bids that power would find worth paying, the one it values most)."""
        bid = P.expected_bid(view, me, a.resource, self.habits(view))
        if bid is None:
            return 0.0, None
        best = valuation.appraise(view, me, bid, self.habits(view))
        return P.POINTS_PER_UTILITY * max(-1.0, best.total), msg("ai.habit.deal_worth", worth=best.total)

    def pact_points(self, view: World, me: str, a: A.Pact, out: P.Outcome) -> tuple[float, str]:
        """Habit points of a multi-party deal: what its parts are worth to it as the valuation rule sees them."""
        if not out.chance:
            return 0.0, None
        sent, _ = _offer_world(view, a)
        made = [o for oid, o in sent.offers.items() if oid not in view.offers]
        consent = sum(valuation.appraise(sent, me, o, self.habits(view)).terms.get("consent", 0.0) for o in made)
        text = msg("ai.habit.consent", who=Pw(view, me)) if consent else None
        return self.persona.thrift * consent, text

    def followup(self, view: World, me: str, c: str) -> float:
        """Points for topping up where it already has deals, scaled by its follow-up habit."""
        has = any(pl.donor == me and pl.recipient == c for pl in view.pledges.values()) or any(
            k.buyer == me and k.seller == c for k in view.contracts.values())
        return 0.2 * (self.persona.followup - 0.5) if has else 0.0

    def offer_points(self, view: World, me: str, a, out: P.Outcome) -> tuple[float, Msg | None]:
        """Habit points of an offer: its own appraisal of the deal, as the valuation rule sees it."""
        if not out.chance or not out.offer:
            return 0.0, None
        sent, _ = _offer_world(view, a)
        offer = sent.offers[out.offer]
        mine = valuation.appraise(sent, me, offer, self.habits(view))
        if P.is_great(view, me):
            route = mine.terms.get("route", 0.0)
            text = None
            if route > 0:
                avoided = joined(Ps(view, [q for q in self.persona.avoid if q in view.powers]), "and")
                text = msg("ai.habit.premium", who=Pw(view, me), avoided=avoided)
            aid_kinds = [i.aid_kind for i in a.gives if i.kind == "aid"]
            fav = sum(0.3 * (self.persona.aid_kinds.get(k, 1.0) - 1.0) for k in aid_kinds)
            consent = self.persona.thrift * mine.terms.get("consent", 0.0)
            if consent and not text:
                text = msg("ai.habit.consent", who=Pw(view, me))
            pts = P.ROUTE_POINTS * route + fav + consent + self.persona.thrift * P.lifetime(mine.terms)
            return pts - P.UNAFFORDABLE * mine.terms.get("unaffordable", 0.0), text
        pts = P.POINTS_PER_UTILITY * max(-1.0, mine.total)
        tc = sum(i.amount for i in a.asks if i.kind == "aid" and i.aid_kind == "tc")
        pts += self.persona.hydro * tc
        return pts, (msg("ai.habit.deal_worth", worth=mine.total) if mine.total else None)

    def card_points(self, view: World, me: str, a: A.Policy) -> tuple[float | None, Msg | None]:
        """Points for a policy card whose conditions in the personality hold, else None."""
        rule = self.persona.cards.get(a.card)
        if not rule:
            return None, None
        who = Pw(view, me)
        if view.year < rule.get("from_year", 0):
            return None, None
        if rule.get("controlled") and not any(dependence.controls(view, q, me, r) for q in view.great_powers()
                                              for r in ("", *view.powers[me].demand)):
            return None, None
        said = []
        if "tension_above" in rule:
            if not a.target:
                return None, None
            t = view.tension.get("|".join(sorted((me, a.target))), 0.0)
            if t <= rule["tension_above"]:
                return None, None
            said.append(msg("ai.card.tension", target=Pw(view, a.target), tension=t, limit=rule["tension_above"], who=who))
        if "own_share_below" in rule:
            mine = agenda.influence(view, me)
            if mine >= rule["own_share_below"]:
                return None, None
            said.append(msg("ai.card.own_share", who=who, share=mine, limit=rule["own_share_below"]))
        if "rival_share_above" in rule:
            top = max((agenda.influence(view, q) for q in view.great_powers() if q != me), default=0.0)
            if top <= rule["rival_share_above"]:
                return None, None
            said.append(msg("ai.card.rival_share", share=top))
        if "security_below" in rule:
            sec = view.powers[me].security.get(a.resource, 1.0) if a.resource else agenda.supply_security(view, me)
            if sec >= rule["security_below"]:
                return None, None
            what = Ref("resource", a.resource) if a.resource else msg("ai.card.imports")
            said.append(msg("ai.card.security", what=what, security=sec, limit=rule["security_below"]))
        if a.corridor:
            k = view.corridors[a.corridor]
            if not any(c in view.economies and share(view, c, me) < 0.5 for c in k.path):
                return None, None
        if not said:
            said.append(msg("ai.card.when_it_can", who=who))
        return float(rule.get("weight", 1.0)), joined(said, "semi")

    def deeper(self, view: World, me: str, scored: list, base: World, before: dict, base_score: float) -> list:
        """Hard level: the best options re-valued a year deeper (half their one-year change in projected points
        replaced by half the change a year later); an offer its model calls more likely refused than not is
        first haggled up (more aid, better price) until it would be accepted, and then valued afresh, its
        extra money priced like any other."""
        if not race.later(view):
            return scored[:self.level.lookahead]  # no scoring round after this year's: a year later pays nothing
        deep_base = race.value(P.deepen(base), me, self.level.race)
        out = []
        for value, a, terms in scored[:self.level.lookahead]:
            if not terms:
                out.append([value, a, terms])
                continue
            if isinstance(a, A.Propose) and terms["chance"] < 0.5:
                better = self.haggle(view, me, a, base)
                if better is not None:
                    a = better
                    value, terms = self.value(view, me, a, base, before, base_score)
                    if not terms:
                        continue
            proj = self.project(view, me, a, base)
            deep = race.value(P.deepen(proj.world), me, self.level.race) - deep_base - proj.credit
            scale = (self.persona.weight(a.verb) * self.interest(view, a) * proj.chance * self.persona.patience ** proj.years
                     * race.on_time(view, proj.years, self.level.race))
            shift = scale * (0.5 * deep - 0.5 * terms.get("delta", 0.0))
            out.append([value + shift, a, {**terms, "deep": deep, "gain": terms.get("gain", 0.0) + shift}])
        return out

    def played(self, view: World, me: str, scored: list) -> list:
        """Hard level: its best options (`playouts` of them) played out to the last year with the pure rules
        (`ai.rollout`), against ending its turn now; an option's projected gain is partly replaced (`playout`) by
        its weight x interest x the change the play-out shows (an offer's: accepted with the chance its model gives
        it, else declined). It acts only on an option it has played out. With `replies` the play-outs' world answers
        (`replies`, `rollout.play_out`'s `bids`); with `playout_habit` a move's habit points count only when its
        played-out net gain is not negative; with `playout_doubt` the play-outs' rounds count with this year's doubt."""
        kw = self.playout_keys(view, me)
        end = rollout.play_out(view, me, None, **kw)
        out = []
        for value, a, terms in scored[:self.level.playouts]:
            if not terms:
                out.append([value, a, terms])
                continue
            if isinstance(a, (A.Propose, A.Counter, A.Pact)):
                chance = terms.get("chance", 1.0)
                got = rollout.play_out(view, me, a, **kw) if chance > 0 else end
                lost = got if chance >= 1 else end if rollout.idle_when_declined(view, a) else \
                    rollout.play_out(view, me, a, accepted=False, **kw)
                after = chance * got + (1.0 - chance) * lost
            else:
                after = rollout.play_out(view, me, a, **kw)
            seen = self.persona.weight(a.verb) * self.interest(view, a) * (after - end)
            shift = self.level.playout * (seen - terms.get("gain", 0.0))
            if self.level.playout_habit and terms.get("habit"):  # its habit counts only if the played-out net gain is not negative
                spent = terms.get("spent", 0.0)
                net = terms.get("gain", 0.0) - self.money_price(view, me) * spent - self.reserve_penalty(view, me, spent)
                rest = value - P.habit_value(net, terms["habit"])  # what the habit does not explain (the risk of collapse)
                shift = P.habit_value(net + shift, terms["habit"]) + rest - value
            out.append([value + shift, a, {**terms, "playout": after - end}])
        return out

    def trusted(self, scored: list, first: A.Action, acts: bool) -> list:
        """Hard level with `trust`: `scored` (played out, best first) with the move its one-year projection ranked
        first (`first`; `acts`: worth more than ending the turn, as the projection saw it) put first again unless the
        play-outs value the best other choice (another move, or ending the turn) above it by more than `trust`. A
        play-out sees the years ahead but not the seat's own later moves (a sale made for the rail upgrade it plans
        next), so a small edge in it is no reason to leave the plan the projection saw."""
        if not self.level.trust:
            return scored
        end = self.persona.min_gain + self.level.margin
        mine = next((s for s in scored if s[1] == first), None)
        if not acts:  # the projection would end its turn: a move must beat ending it by the margin
            return scored if not scored or scored[0][0] - end > self.level.trust else \
                [[min(s[0], end), s[1], s[2]] for s in scored]
        if mine is None:
            return scored
        rival = max([s[0] for s in scored if s is not mine] + [end])
        if rival - mine[0] > self.level.trust:
            return scored
        return [[max(mine[0], end + 1e-9), mine[1], {**mine[2], "trusted": rival - mine[0]}]] + \
            [s for s in scored if s is not mine]

    def playout_keys(self, view: World, me: str, skip: str = "") -> dict:
        """The level's settings every play-out of one decision runs with (`rollout.play_out`'s keywords; `skip`: the
        offer being answered, which the play-outs decide themselves)."""
        return {"dice": self.level.dice, "answered": self.replies(view, me, skip), "bids": self.level.replies,
                "doubt": self.level.playout_doubt, "reads": self.level.reads}

    def replies(self, view: World, me: str, skip: str = "") -> frozenset:
        """Hard level with `replies`: the offers pending in its view (but `skip`, the one it is answering) that its
        play-outs take as accepted: its own offers that its receiver model gives at least an even chance (of the
        offers its model calls good), and offers to it that the public rule says it would take (`receiver_margin`,
        its objectives read); bids in tenders are left to the play-out's bidding. Empty without `replies`."""
        if not self.level.replies:
            return frozenset()
        lv, out = self.level, []
        for oid in sorted(view.offers):
            o = view.offers[oid]
            if oid == skip or o.status != "pending" or tender.is_bid(o) or me not in (o.sender, o.receiver):
                continue
            if o.sender == me:
                if P.acceptance(view, oid, True, lv.hope, lv.reads, lv.unseen) >= 0.5 * (1.0 - lv.unseen):
                    out.append(oid)
            elif P.receiver_margin(view, oid, True) > 0:
                out.append(oid)
        return frozenset(out)

    def followed(self, view: World, me: str, scored: list, every: list | None = None) -> list:
        """Hard level: its best moves (`follow` of them; a move that makes an offer, aid too, is left as it is: its
        offer would still be pending in the World after it) valued with the best move it could make next
        (a two-step plan: a mine developed and then its refinery, not the aid that looks a shade better alone).
        The next moves it tries are the options with a gain (`every` option it valued, at most FOLLOW_MENU, by gain),
        each valued afresh in the World after the first move; a move is then worth its own value plus the best next
        one's when above 0."""
        menu = sorted((s for s in (every if every is not None else scored) if s[2] and s[2].get("gain", 0.0) > 0 and not isinstance(s[1], OFFERS)),
                      key=lambda s: -s[2]["gain"])[:FOLLOW_MENU]
        out = []
        for i, (value, a, terms) in enumerate(scored):
            if i >= self.level.follow or not terms or isinstance(a, OFFERS):
                out.append([value, a, terms])
                continue
            after, _ = P.apply(view, a)
            base = P.settle_goods(after)
            before, score = race.parts(base, me), race.value(base, me, self.level.race)
            best = 0.0
            for _, b, _ in menu:
                if b != a and not validate(after, b):
                    best = max(best, self.value(after, me, b, base, before, score)[0])
            out.append([value + best, a, {**terms, "follow": best}])
        return out

    def project(self, view: World, me: str, a: A.Action, base: World, judge: bool | None = None) -> P.Outcome:
        """The projection of a move with this level's model of the receiver (`judge` False: assumed accepted)."""
        lv = self.level
        if judge is None:
            judge = lv.judge_offers
        return P.project(view, me, a, base, judge, lv.hope, lv.race, lv.reads, lv.unseen, lv.rivals)

    def haggle(self, view: World, me: str, a: A.Propose, base: World) -> A.Propose | None:
        """A rejected offer sweetened step by step (more aid, better price: a contract it gives is a sale, so it
        comes 0.1 cheaper a step) until the receiver would more likely accept than not (None: three steps do not get
        there, or the sweeter offer is not legal)."""
        step = view.param("play.aid_step")
        gives = a.gives
        for _ in range(3):
            gives = tuple(evolve(i, amount=round(i.amount + step, 3)) if i.kind == "aid" else
                          evolve(i, price_factor=round(max(0.5, i.price_factor - 0.1), 2))
                          if i.kind == "contract" else i for i in gives)
            b = A.Propose(me, a.target, gives, a.asks)
            if validate(view, b):
                return None
            if self.project(view, me, b, base).chance >= 0.5 * (1.0 - self.level.unseen):
                return b
        return None


def bought_above(offer: Offer, me: str, top: float) -> float:
    """The highest price factor above `top` of the contracts great power `me` would buy under `offer` (0.0: none;
    `top` is the level's `accept_price`: the historical style pays no premium the real powers did not pay)."""
    buys = offer.asks if offer.sender == me else offer.gives
    return max((i.price_factor for i in buys if i.kind == "contract" and i.price_factor > top + 1e-9), default=0.0)


def buy_offers(view: World, me: str, c: str, top: float = BUY_PRICES[-1]) -> list[A.Action]:
    """Great power `me`'s plain offers to buy from `c`: each good `c` makes, on its cheapest route to `me`,
    at the standard volume and at all of `c`'s output not yet sold, at every price factor of BUY_PRICES up to `top`
    (the projection weighs what a dearer or larger contract adds to its objectives against the premium)."""
    prices = [f for f in BUY_PRICES if f <= top]
    out = []
    for r, made in view.economies[c].production.items():
        route = geography.routes(view, c, r, me)[:1]
        left = round(made - contracted(view, c, r), 3)
        if made <= 0 or not route or left <= 0:
            continue
        item = contract_item(view, c, me, r, route[0].id)
        for volume in sorted({min(item.amount, left), left}):
            if volume > 0:
                out += [A.Propose(me, c, (), (evolve(item, amount=volume, price_factor=f),)) for f in prices]
    return out


def sell_ladder(view: World, me: str, q: str, prices: tuple = SELL_PRICES) -> list[A.Action]:
    """Central Asian state `me`'s plain offers to sell to great power `q`: each good it makes, on the cheapest route
    to `q` behind each gatekeeper (a route past another gatekeeper is what export diversity counts), at the standard
    volume and at all of its output not yet sold, at every price factor of `prices` (the projection weighs what the
    sale adds to its objectives, its growth and diversity, against the money it gives up or asks)."""
    out = []
    for r, made in view.economies[me].production.items():
        left = round(made - contracted(view, me, r), 3)
        if made <= 0 or left <= 0:
            continue
        keepers: dict = {}
        for k in geography.routes(view, me, r, q):
            keepers.setdefault(geography.gatekeeper(view, k, me), k)
        for k in keepers.values():
            item = contract_item(view, me, q, r, k.id)
            for volume in sorted({min(item.amount, left), left}):
                if volume > 0:
                    out += [A.Propose(me, q, (evolve(item, amount=volume, price_factor=f),), ()) for f in prices]
    return out


def parties(a: A.Action) -> tuple[str, ...]:
    """The powers an offer or pact is addressed to (none for other moves): one offer a year to each is enough."""
    if isinstance(a, A.Pact):
        return tuple(p.party for p in a.parts)
    return (a.target,) if isinstance(a, A.Propose) else ()


def spread_sample(menu: list, n: int, rng: random.Random) -> list:
    """`n` options drawn across the kinds of move in turn (one summit, one aid, one offer, ...),
    so that a kind with few options (a summit call) is not lost among many offers."""
    kinds: dict[str, list] = {}
    for a in menu:
        kinds.setdefault(a.verb, []).append(a)
    pools = [rng.sample(group, len(group)) for group in kinds.values()]
    out: list = []
    while len(out) < n:
        for pool in pools:
            if pool and len(out) < n:
                out.append(pool.pop())
    return out


NAIVE_TERMS = ("money", "paid", "goods", "closed")  # what an easy seat looks at in an offer


def naive_judgement(judged: valuation.Appraisal) -> valuation.Appraisal:
    """Easy level: an offer judged by its money alone (hedging, backlash, debt and diversity ignored)."""
    if "money" not in judged.terms or judged.bloc:
        return judged  # a great power's appraisal is money already; a bloc it refuses stays refused
    total = judged.terms["money"] + judged.terms.get("closed", 0.0)
    reason = judged.reason
    if (total > 0) != (judged.total > 0):
        verb = "accepts" if total > 0 else "declines"
        reason = msg(f"ai.naive_{verb}", who=Ref("power", judged.who), money=total)
    return valuation.Appraisal({**judged.terms, "naive": 1.0}, total, reason, judged.who, judged.bloc)


def script_note(view: World, i: int, note: str) -> Msg:
    """The historical script's note on move `i`, translatable as scenario text."""
    return content(f"history.{view.scenario_id}.{i}", note)


def _offer_world(view: World, a) -> tuple[World, str]:
    """The view with the offer of a Propose/Counter made (to appraise it from the sender's side)."""
    from game.rules.play import apply
    world, _ = apply(view, a)
    oid = next(o for o in world.offers if o not in view.offers)
    return world, oid


def _flat(terms: Mapping) -> dict:
    """Terms as plain numbers and short text for the log."""
    out = {}
    for k, v in terms.items():
        if k == "moved":
            for t, b, af, _ in v[:3]:
                out[f"{t}_before"] = round(b, 4)
                out[f"{t}_after"] = round(af, 4)
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            out[k] = round(float(v), 4)
    return out
