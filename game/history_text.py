"""`simulate --history` without `--json`: one game's year-by-year record (`game.history`) as tables to read.

Prices and the tension track, each state's stability and GDP, the great powers' trade with the five,
every treasury, and the events fired with what each effect changed; one table each, a row a year.
Names come from the scenario (in the chosen language); `--json` keeps every figure of every game.
"""
from __future__ import annotations

import unicodedata

from game.model import World
from game.text import msg, name_of, number, pad, power, render, resource

WIDTH = 8  # a column, in terminal cells: a name cut to 7 cells, or a figure


def _cells(ch: str) -> int:
    """Terminal cells a character takes: 2 for a full-width one (CJK), else 1."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _name(text: str, width: int = WIDTH) -> str:
    """`text` cut to width - 1 cells and right-aligned in `width` cells (a CJK name keeps its columns straight)."""
    cut, used = "", 0
    for ch in text:
        if used + _cells(ch) > width - 1:
            break
        cut, used = cut + ch, used + _cells(ch)
    return " " * (width - used) + cut


def _cell(x, nd: int) -> str:
    """A figure with `nd` decimals the way the reader's language writes it ("0,384" in Russian), right-aligned."""
    return pad(number(x, f".{nd}f") if isinstance(x, (int, float)) else "-", WIDTH, ">")


def _table(title, columns: list[str], rows: list[tuple[int, list]], nd: int) -> list[str]:
    """A titled table: a header of names, then a row a year."""
    head = _name(render(msg("history.year")), 6) + "".join(_name(c) for c in columns)
    return ["", render(title), head] + [f"{y:>5} " + "".join(_cell(v, nd) for v in vals) for y, vals in rows]


def _mean(values: list) -> float | None:
    nums = [v for v in values if isinstance(v, (int, float))]
    return sum(nums) / len(nums) if nums else None


def tables(world: World, years: list[dict]) -> list[str]:
    """The lines of the tables for one game's `years` (the `history` rows), names read from `world` (its start)."""
    years = [y for y in years if isinstance(y.get("year"), int)]
    goods = list(world.prices)
    states = list(world.economies)
    greats = list(world.great_powers())
    out = _table(msg("history.prices"), [name_of(resource(r)) for r in goods] + [render(msg("history.track"))],
                 [(y["year"], [y.get("prices", {}).get(r) for r in goods] + [y.get("track")]) for y in years], 3)
    stab = [(y["year"], [y.get("states", {}).get(c, {}).get("stability") for c in states]) for y in years]
    out += _table(msg("history.stability"), [name_of(power(world, c)) for c in states] + [render(msg("history.mean"))],
                  [(yr, vals + [_mean(vals)]) for yr, vals in stab], 1)
    out += _table(msg("history.gdp"), [name_of(power(world, c)) for c in states],
                  [(y["year"], [y.get("states", {}).get(c, {}).get("gdp") for c in states]) for y in years], 2)
    out += _table(msg("history.trade"), [name_of(power(world, g)) for g in greats],
                  [(y["year"], [y.get("powers", {}).get(g, {}).get("trade") for g in greats]) for y in years], 2)
    out += _table(msg("history.treasury"), [name_of(power(world, p)) for p in world.order],
                  [(y["year"], [y.get("powers", {}).get(p, {}).get("treasury") for p in world.order]) for y in years], 2)
    return out + ["", render(msg("history.events"))] + event_lines(world, years)


def event_lines(world: World, years: list[dict]) -> list[str]:
    """Each event fired, by year, with what each of its effects changed (before -> after)."""
    from game.scenario.explain import effect_text
    from game.text import content
    titles = {ev.id: ev.title for ev in world.events}
    out = []
    for y in years:
        for ev in y.get("events", []):
            title = content(f"event.{ev['id']}.title", titles.get(ev["id"], ev.get("title", ev["id"])))
            out.append(render(msg("report.event", year=y["year"], title=title, id=ev["id"])))
            out += [render(msg("report.effect", effect=effect_text(world, tuple(e["effect"].split())),
                               before=e["before"], after=e["after"])) for e in ev.get("effects", [])]
    return out or [render(msg("report.none"))]


def game_history(world: World, game: dict, games: int) -> list[str]:
    """The heading and tables of the first game's history (`game`: a `simulate` result with its history)."""
    head = msg("history.head", seed=game["seed"], games=games)
    return ["", render(head)] + tables(world, game["history"])
