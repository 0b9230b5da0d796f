"""The one door between the play screen's dialogs and the session: what the seat at the screen may see, the
actions the rules offer it, their previews, and handing it actions (a refusal becomes the message).

Dialogs (game/ui/dialogs/) take a Desk, never the play scene; the play scene owns one. Nothing here imports
pygame, so tests can drive dialogs' decisions headlessly.
"""
from __future__ import annotations

from game.errors import HeartlandError, IllegalAction
from game.rules import actions as A


def shared_rivers(world, a: str, b: str) -> list[str]:
    """Rivers on which one of a and b is upstream and the other downstream."""
    return [r.id for r in world.rivers.values()
            if (a in r.upstream and b in r.downstream) or (b in r.upstream and a in r.downstream)]


class Desk:
    """The seat to move's side of the table: views, legal actions, previews, acting, saving."""

    def __init__(self, session, shown=None) -> None:
        self.session = session
        self.shown = shown or session.current  # the seat in front of the screen (the flow knows it)
        self.message = ""  # why the last action was refused, or what the last save did
        self._view: tuple = (None, "", None)  # (the session's World, the seat, its view)
        self._previews: tuple = (None, "", {})  # (the World and language they were worked out for, previews)
        self._candidates: tuple = (None, {})  # (the World, (seat, verbs) -> the candidates and their reasons)

    # --- what the seat may see -------------------------------------------------------------
    @property
    def world(self):
        """The session's World (the rules' truth; dialogs show it only through `view`)."""
        return self.session.world

    def seat(self) -> str:
        """The seat to move ("" when nobody is)."""
        return self.session.current()

    def view(self):
        """The World as the seat in front of the screen may see it (worked out once per World and seat)."""
        s, me = self.session, self.shown()
        if self._view[0] is not s.world or self._view[1] != me:
            self._view = (s.world, me, s.view(me))
        return self._view[2]

    def human(self, p: str) -> bool:
        """Whether a person plays seat p."""
        seat = self.session.seats.get(p)
        return bool(seat and seat.human)

    # --- what the rules offer ----------------------------------------------------------------
    def legal(self) -> list:
        """Every legal action of the seat to move."""
        return self.session.legal()

    def candidates(self, verbs) -> list[tuple[A.Action, list]]:
        """Every action of these verbs the rules offer now, with the reasons it is refused (if any), open first."""
        from game.rules.legal import menu
        from game.rules.play import validate
        w, me = self.session.world, self.seat()
        if not me:
            return []
        if self._candidates[0] is not w:  # a dialog asks on every frame: worked out once per World
            self._candidates = (w, {})
        known, key = self._candidates[1], (me, tuple(verbs))
        if key not in known:
            seen, out = set(), []
            for a in menu(w, me):
                if a.verb in verbs and str(a) not in seen:
                    seen.add(str(a))
                    out.append((a, validate(w, a)))
            known[key] = sorted(out, key=lambda row: bool(row[1]))
        return known[key]

    def counterparts(self) -> list[str]:
        """Powers the seat to move can make an offer to."""
        w, me = self.session.world, self.seat()
        if not me:
            return []
        if w.powers[me].kind == "great":
            return list(w.c5())
        return list(w.great_powers()) + [c for c in w.c5() if c != me and shared_rivers(w, me, c)]

    def preview_lines(self, action: A.Action) -> list[tuple[bool, str]]:
        """What `action` would cost and do, as (warning?, line) pairs, worked out by the rules on the seat's view."""
        from game.ui.preview import lines_of
        return self.previewed("lines", action, lines_of)

    def accept_line(self, action: A.Action) -> str:
        """What accepting would change, as one line ("" when nothing moves at once)."""
        from game.ui.preview import accept_text
        return self.previewed("accept", action, accept_text)

    def preview_tip(self, action: A.Action) -> str:
        """An action and its preview as one tooltip."""
        from game.ui import words
        return " ".join([words.action(self.session.world, action)] + [line for _, line in self.preview_lines(action)])

    def previewed(self, kind: str, action: A.Action, make):
        """`make(view, action, seat)` for the seat to move, kept until the World or the language changes."""
        from game.ui.i18n import language
        s = self.session
        if self._previews[0] is not s.world or self._previews[1] != language():
            self._previews = (s.world, language(), {})
        done = self._previews[2]
        key = (kind, str(action))
        if key not in done:
            done[key] = make(s.view(s.current()), action, s.current())
        return done[key]

    # --- acting ---------------------------------------------------------------------------------
    def do(self, action: A.Action) -> bool:
        """Hand an action to the session; a refusal is kept as the message, in sentences."""
        try:
            self.session.act(action)
        except IllegalAction as e:
            self.message = " ".join(e.texts())
            return False
        self.message = ""
        return True

    def undo(self) -> None:
        """Take back the last action of this turn (a refusal becomes the message)."""
        try:
            self.session.undo()
            self.message = ""
        except IllegalAction as e:
            self.message = " ".join(e.texts())

    # --- saving -----------------------------------------------------------------------------------
    def with_saves(self, use):
        """`use(game.save)`; a missing save module or a failed file operation becomes the message (None)."""
        from game.ui.i18n import tr
        try:
            import game.save as mod
        except ImportError:
            self.message = tr("game.save_unavailable")
            return None
        try:
            return use(mod)
        except (HeartlandError, OSError, ValueError) as e:
            self.message = str(e)
            return None

    def quicksave(self) -> None:
        """Save to the quick-save slot; the message says so."""
        from game.ui.i18n import tr
        if self.with_saves(lambda mod: mod.quicksave(self.session)) is not None:
            self.message = tr("game.saved")

    def quickload(self):
        """The session in the quick-save slot, or None (the message says why)."""
        return self.with_saves(lambda mod: mod.quickload())

    def autosave(self) -> None:
        """Keep an autosave when saves are available; never fails."""
        try:
            import game.save as mod
            mod.autosave(self.session)
        except Exception:  # leaving must never fail because a save could not be written
            pass


def desk_of(owner) -> Desk:
    """The Desk a dialog talks to: `owner` itself, or the desk of the play scene that opened it."""
    return owner if isinstance(owner, Desk) else owner.desk
