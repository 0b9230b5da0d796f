"""An action's preview in words: what it costs, what moves, what happens if the offer is accepted, who is
displeased, or why it is refused. The figures come from `game.rules.preview` (the rules' own apply)."""
from __future__ import annotations

from game.rules.preview import Change, Preview, preview
from game.text import joined, plain
from game.ui import words
from game.ui.i18n import render, tr

SHOWN_OF_OTHERS = ("money", "pledged", "share", "trust", "tension", "stability")  # others' points stay out: noise


def change_text(world, c: Change) -> str:
    """One moved figure in words: whose, where, before and after."""
    place = words.pname(world, c.place) if c.place else ""
    before, after = (words.points(c.before), words.points(c.after)) if c.measure == "points" else (c.before, c.after)
    if c.measure == "ap":
        before, after = int(c.before), int(c.after)
    return tr(f"preview.{c.measure}", power=words.pname(world, c.power), place=place, before=before, after=after)


def shown(c: Change, me: str) -> bool:
    """Whether a change is worth a line: all of the seat's own, and the others' except their points."""
    return c.power == me or c.measure in SHOWN_OF_OTHERS


def changes_text(world, changes, me: str) -> str:
    """Several changes as one sentence part (the language's clause separator)."""
    return render(joined([plain(change_text(world, c)) for c in changes if shown(c, me)], "semi"))


def lines(world, pv: Preview, me: str) -> list[tuple[bool, str]]:
    """The preview as (warning?, line) pairs: refused and why; or now, if accepted, who is displeased."""
    if not pv.allowed:
        return [(True, tr("preview.refused", reasons=" ".join(map(render, pv.reasons))))]
    now = changes_text(world, pv.changes, me)
    out = [(False, tr("preview.now", changes=now) if now else tr("preview.nothing_now"))]
    for receiver, changes in pv.if_accepted:
        then = changes_text(world, changes, me)
        out.append((False, tr("preview.if_accepted", power=words.pname(world, receiver), changes=then) if then
                    else tr("preview.if_accepted_later", power=words.pname(world, receiver))))
    if pv.displeased:
        names = joined([plain(words.pname(world, p)) for p in pv.displeased], "comma")
        out.append((True, tr("preview.displeased", powers=names)))
    return out


def lines_of(world, action, me: str) -> list[tuple[bool, str]]:
    """The preview of `action` in `world` (the seat's view) as lines."""
    return lines(world, preview(world, action), me)


def accept_text(world, action, me: str) -> str:
    """What accepting (the action) would change for everyone, as one line ("" when nothing moves now)."""
    pv = preview(world, action)
    now = changes_text(world, pv.changes, me) if pv.allowed else ""
    return tr("preview.accept", changes=now) if now else ""
