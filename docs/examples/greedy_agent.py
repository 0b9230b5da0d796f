"""An example Heartland agent: the smallest useful bot, to copy and improve.

Play it in a seat:    heartland simulate --seat japan=docs/examples/greedy_agent.py:Greedy
Enter it in a contest: heartland tournament --agents normal docs/examples/greedy_agent.py:Greedy

The contract (docs/ai.md, "Your own agent"): the game makes one `Greedy()` per seat and game,
then calls `choose(view, legal, rng)` whenever the seat must decide. `view` is what the seat
may see (a World; read it, never change it), `legal` the actions it may take now (each has a
`verb` such as "accept", "aid", "summit" and prints as its text form, e.g. `aid japan
kyrgyzstan tc 0.5`), and the last one always ends the turn. Return one of them. Use `rng` for
any chance, so that the same seed plays the same game.
"""
from __future__ import annotations

from game.rules import agenda, valuation
from game.rules.play import apply


class Greedy:
    """Answers offers by their value to it; otherwise plays the move that most raises its agenda score now."""

    sample = 8  # moves it tries each time (trying every move is slow)

    def choose(self, view, legal, rng):
        """One of `legal`: an answer if one is owed, else the best-scoring move, else end the turn."""
        me = view.current()
        first = legal[0]
        if first.verb == "accept":  # an offer waits: accept it if it is worth something to us
            worth = valuation.appraise(view, me, view.offers[first.offer]).total
            no = next(a for a in legal if a.verb == "reject" and a.offer == first.offer)
            return first if worth > 0 else no
        if first.verb == "attend":  # a summit invitation: the first answer is yes
            return first
        moves = [a for a in legal[:-1] if a.verb not in ("accept", "reject", "counter", "attend")]
        now = agenda.score(view, me)
        best, gain = legal[-1], 0.05  # end the turn unless a move gains more than this
        for action in rng.sample(moves, min(self.sample, len(moves))):
            after, _ = apply(view, action)
            if agenda.score(after, me) - now > gain:
                best, gain = action, agenda.score(after, me) - now
        return best
