"""Actions, items and numbers in words, every phrase through `tr`."""
from __future__ import annotations

import re

from game import text
from game.rules import actions as A
from game.rules import tender
from game.rules.play import describe_item, describe_items, develop_amount, develop_cost
from game.ui.i18n import number, render, tr


def pname(world, pid: str) -> str:
    """A power's display name in the reader's language (or a tidied id)."""
    return render(text.power(world, pid))


def kname(world, kid: str) -> str:
    """A corridor's display name in the reader's language."""
    return render(text.corridor(world, kid)) if kid else tr("word.cheapest_route")


def rname(world, rid: str) -> str:
    """A river's display name in the reader's language."""
    return render(text.river(world, rid))


def rule_name(rule: str) -> str:
    """A log entry's rule by its name in the reader's language (a tag that names no rule, such as `save`, as it is)."""
    return tr(f"rule.{rule}.name") if rule and isinstance(text.lookup(f"rule.{rule}.name"), str) else rule


def fname(world, fid: str) -> str:
    """A forum's display name in the reader's language."""
    return render(text.forum(world, fid))


def unit(r: str) -> str:
    """The unit a resource is counted in, as the reader's language writes it."""
    return render(text.Ref("unit", r))


def resource(r: str) -> str:
    """A resource's name."""
    return tr(f"resource.{r}")


def heading(name: str) -> str:
    """`name` as a row label: its first letter upper-case ('oil' -> 'Oil'; scripts without case unchanged)."""
    return name[:1].upper() + name[1:]


def money(x: float) -> str:
    """US$ bn with two decimals."""
    return tr("fmt.money", value=x)


def points(x: float) -> str:
    """Points from the scoring rounds as shown: at most one decimal."""
    return number(round(x, 1), "g")


def place(st) -> str:
    """A standing's place as a short label: "3", or "=1" when it shares its points with another power."""
    return f"={st.shared}" if st.tied else str(st.shared)


def place_words(st) -> str:
    """A standing's place as the reader's language says it ("=1", "同率1位", "並列第1名" when tied)."""
    return tr("standing.tied" if st.tied else "standing.place", n=st.shared)


def item(world, i) -> str:
    """One offer item in words."""
    return render(describe_item(world, i))


def items(world, seq) -> str:
    """Items joined in words ('nothing' when empty)."""
    return render(describe_items(world, seq))


def offer(world, o) -> str:
    """An offer in words from the sender's side (a part of a multi-party deal names the other parties)."""
    text = tr("offer.text", sender=pname(world, o.sender), receiver=pname(world, o.receiver),
              gives=items(world, o.gives), asks=items(world, o.asks))
    if getattr(o, "pact", ""):
        return tr("offer.pact", offer=text, partners=", ".join(pname(world, p) for p in o.partners))
    return text


def action(world, a: A.Action) -> str:
    """One action as a short sentence for a menu."""
    if isinstance(a, A.Aid):
        return tr("act.aid", amount=a.amount, kind=tr(f"aid.{a.kind}"), target=pname(world, a.target))
    if isinstance(a, A.Propose):
        return tr("act.propose", target=pname(world, a.target), gives=items(world, a.gives), asks=items(world, a.asks))
    if isinstance(a, A.Pact):
        parts = "; ".join(tr("act.pact_part", party=pname(world, p.party), gives=items(world, p.gives),
                             asks=items(world, p.asks)) for p in a.parts)
        return tr("act.pact", parties=", ".join(pname(world, p.party) for p in a.parts), parts=parts)
    if isinstance(a, A.Accept):
        return tr("act.accept", offer=offer(world, world.offers[a.offer]) if a.offer in world.offers else a.offer)
    if isinstance(a, A.Reject):
        return tr("act.reject", offer=offer(world, world.offers[a.offer]) if a.offer in world.offers else a.offer)
    if isinstance(a, A.Counter):
        return tr("act.counter", gives=items(world, a.gives), asks=items(world, a.asks))
    if isinstance(a, A.Build):
        k = world.corridors.get(a.corridor)
        return tr("act.build", corridor=kname(world, a.corridor), cost=k.build_cost if k else 0.0)
    if isinstance(a, A.Upgrade):
        return tr("act.upgrade", corridor=kname(world, a.corridor))
    if isinstance(a, A.Tariff):
        k = world.corridors.get(a.corridor)
        old = k.transit.get(a.actor, k.fee) if k else 0.0
        return tr("act.tariff", corridor=kname(world, a.corridor), old=number(old, "g"), fee=number(a.fee, "g"))
    if isinstance(a, A.Water):
        return tr("act.water_hold" if a.hold else "act.water_release", river=rname(world, a.river))
    if isinstance(a, A.Tender):
        return tr("act.tender", resource=resource(a.resource), unit=unit(a.resource),
                  volume=tender.volume(world, a.actor, a.resource) if a.actor in world.economies else 0.0)
    if isinstance(a, A.Convene):
        return tr("act.convene", forum=fname(world, a.forum), cost=world.param("caucus.cost"))
    if isinstance(a, A.Entry):
        old = world.economies[a.target].entry.get(a.actor, 1.0) if a.target in world.economies else 1.0
        return tr("act.entry_ease" if a.level > old else "act.entry_tighten", country=pname(world, a.target),
                  old=old, level=a.level)
    if isinstance(a, A.Develop):
        known = a.target in world.economies
        return tr("act.develop", resource=resource(a.resource), target=pname(world, a.target), unit=unit(a.resource),
                  cost=develop_cost(world, a.target, a.resource) if known else 0.0,
                  amount=round(develop_amount(world, a.target, a.resource), 3) if known else 0.0)
    if isinstance(a, A.Refine):
        return tr("act.refine", target=pname(world, a.target))
    if isinstance(a, A.Summit):
        return tr(f"act.summit{a.level}", forum=fname(world, a.forum))
    if isinstance(a, A.Attend):
        return tr("act.attend_yes" if a.yes else "act.attend_no", forum=fname(world, a.forum))
    if isinstance(a, A.Join):
        return tr("act.join", forum=fname(world, a.forum))
    if isinstance(a, A.Leave):
        return tr("act.leave", forum=fname(world, a.forum))
    if isinstance(a, A.Policy):
        extra = ", ".join(x for x in (pname(world, a.target) if a.target else "",
                                      resource(a.resource) if a.resource else "",
                                      kname(world, a.corridor) if a.corridor else "") if x)
        return tr("act.policy", card=tr(f"card.{a.card}"), extra=f" ({extra})" if extra else "")
    if isinstance(a, A.EndTurn):
        return tr("act.end")
    return str(a)


SOURCE_NAME = re.compile(r"\b(\d{3}_[0-9a-f]{16}\.txt)(?: \(([^()]*)\))?")
SOURCE_PART = re.compile(r"^(.*?)\s*(?:\(([^()]*)\))?$")  # "kind or document (note)"
DATA_NOTE = re.compile(r"^\d{4}s?(?:\s*[-–]\s*\d{2,4})?$")  # a year, a decade or a span of years: data in any language


_titles: dict[tuple[str, int], dict[str, str]] = {}  # (language, id of its catalogue) -> source_titles()


def source_titles() -> dict[str, str]:
    """Seed document file name -> its short title in the reader's language (the catalogues' `source.<file stem>`),
    worked out once per language (a frame of the event cards asks for it on every draw)."""
    lang = text.language()
    key = (lang, id(text.catalogue(lang)))
    if key not in _titles:
        stems = [k.removeprefix("source.") for k in text.catalogue("en") if k.startswith("source.")]
        _titles.clear()
        _titles[key] = {f"{stem}.txt": tr(f"source.{stem}") for stem in stems}
    return _titles[key]


def titled(said: str) -> str:
    """A source's text with each seed document named by its title instead of its file name ("Title", or
    "Title (note)" when a note follows the file)."""
    titles = source_titles()

    def named(m: re.Match) -> str:
        title = titles.get(m.group(1))
        if not title:
            return m.group(0)
        return f"{title} ({m.group(2)})" if m.group(2) else title
    return SOURCE_NAME.sub(named, said)


def _kind(said: str) -> str:
    """The catalogue key of a kind of source ("public record" -> `cite.public_record`), "" when none has one."""
    slug = re.sub(r"[^a-z0-9]+", "_", said.lower()).strip("_")
    key = f"cite.{slug}"
    return key if isinstance(text.lookup(key), str) else ""


def cited(part: str) -> str:
    """One part of a source ("public record (2016)"): a kind of source the catalogues know (`cite.<kind>`) in the
    reader's language, with a note that is years (data) or a kind too; a part in other words as written, seed
    documents by title."""
    head, note = SOURCE_PART.match(part.strip()).groups()
    note = (note or "").strip()
    kind, noted = _kind(head), _kind(note) if note else ""
    if not kind or (note and not noted and not DATA_NOTE.match(note)):
        return titled(part.strip())
    if not note:
        return tr(kind)
    return tr("cite.noted", kind=tr(kind), note=tr(noted) if noted else note)


def source(ev) -> str:
    """An event's source in the reader's language: the scenario's own translation (`[i18n.LANG]
    events.ID.source`), else each part as `cited` gives it, joined the language's way."""
    given = text.lookup(f"event.{ev.id}.source")
    if isinstance(given, str):
        return titled(given)
    return render(text.joined([cited(p) for p in ev.source.split(";") if p.strip()], "cite"))


def objective(obj) -> str:
    """A public objective in a short line: its measure and what it pays (rule 16's `describe`)."""
    from game.rules.objectives import describe
    return render(describe(obj))
