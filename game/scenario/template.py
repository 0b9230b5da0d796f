"""`heartland new-scenario NAME --extends BASE`: a commented scenario file to start from.

The file extends BASE, lists the keys authors change most with the base's values (commented
out, so it plays as the base does until one is changed) and holds one example event that
validates and fires. Its comments are in the reader's language.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

from game.errors import HeartlandError
from game.fileio import is_plain_id
from game.paths import user_scenario_dir
from game.text import msg, power, render, resource, tr

WIDTH = 92  # comment lines are wrapped at this width (where the language has spaces)


def check_name(name: str) -> Path:
    """The file NAME would be written to; HeartlandError when NAME is unsafe or already taken."""
    from game.scenario.index import files_with_id
    from game.scenario.source import shown
    if not is_plain_id(name):
        raise HeartlandError(msg("template.err.name", name=shown(name)))
    path = user_scenario_dir() / f"{name}.toml"
    if path.exists():
        raise HeartlandError(msg("template.err.exists", path=str(path)))
    taken = files_with_id(name)
    if taken:
        raise HeartlandError(msg("template.err.taken", name=name, path=str(taken[0])))
    return path


def new_scenario(name: str, base: str = "2025") -> Path:
    """Write NAME.toml into the user's scenarios folder, extending `base`; its path."""
    from game.scenario.loader import load
    path = check_name(name)
    text = template(name, base, load(base))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as f:  # "x": never overwrite, even a file made a moment ago
        f.write(text)
    return path


def comment(key: str, **args) -> str:
    """A catalogue text as TOML comment lines."""
    text = tr(key, **args)
    lines = textwrap.wrap(text, WIDTH - 2, break_long_words=False, break_on_hyphens=False) or [""]
    return "\n".join(f"# {line}" for line in lines)


def _quoted(text: str) -> str:
    """Text as a TOML basic string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _value(v) -> str:
    """A base value as TOML."""
    return _quoted(v) if isinstance(v, str) else repr(v) if isinstance(v, float) else str(v)


def often_changed(sc) -> list[tuple[str, list[tuple[str, object]]]]:
    """The keys authors change most, by table, with the base's values: prices, tension, money, stability, GDP, a route."""
    w, raw = sc.world, sc.raw
    great, c5 = w.great_powers()[0], w.c5()[0]
    first_price = next(iter(w.prices))
    tension = next(iter(w.tension), None)
    route = next((k for k, c in w.corridors.items() if c.status == "operating"), next(iter(w.corridors)))
    econ = raw["economies"][c5]
    out = [("world", [(f"prices.{first_price}", w.prices[first_price])]
            + ([(f"tension.\"{tension}\"", w.tension[tension])] if tension else [])),
           (f"powers.{great}", [(k, raw["powers"][great][k]) for k in ("treasury", "income") if k in raw["powers"][great]]),
           (f"economies.{c5}", [(k, econ[k]) for k in ("gdp", "stability") if k in econ]),
           (f"corridors.{route}", [(k, raw["corridors"][route][k]) for k in ("capacity", "unit_cost")
                                   if k in raw["corridors"][route]])]
    return [(table, keys) for table, keys in out if keys]


def example_event(sc) -> list[str]:
    """One event that fires the year after the start: a drought in the first Central Asian state."""
    w = sc.world
    c5, first_price = w.c5()[0], next(iter(w.prices))
    who, what = render(power(w, c5)), render(resource(first_price))
    effects = [f"add economies.{c5}.stability -3", f"scale prices.{first_price} 1.2"]
    return ["[events.example_drought]",
            f"title = {_quoted(tr('template.event.title', state=who))}",
            f"note = {_quoted(tr('template.event.note', state=who, resource=what))}",
            'source = "invented for teaching"',
            f"year = {w.start_year + 1}",
            "effects = [" + ", ".join(_quoted(e) for e in effects) + "]"]


def template(name: str, base: str, sc) -> str:
    """The text of a new scenario NAME extending `base` (loaded as `sc`)."""
    w = sc.world
    lines = [comment("template.head", base=base), comment("template.check", name=name), "",
             "format_version = 1", f"extends = {_quoted(base)}", comment("template.remove"),
             f'# remove = ["events.{w.events[0].id}"]' if w.events else "# remove = []", "",
             "[scenario]", f"id = {_quoted(name)}", f"title = {_quoted(name)}",
             comment("template.years", start=w.start_year, end=w.end_year),
             f"# start_year = {w.start_year}", f"# end_year = {w.end_year}",
             f"description = {_quoted(tr('template.description', base=sc.title))}",
             f"teaching_notes = {_quoted(tr('template.notes'))}", "", comment("template.values"), ""]
    for table, keys in often_changed(sc):
        lines.append(f"[{table}]")
        lines += [f"# {k} = {_value(v)}" for k, v in keys]
        lines.append("")
    lines += [comment("template.event"), *example_event(sc), ""]
    return "\n".join(lines)
