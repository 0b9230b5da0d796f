"""The command line: play, simulate, validate. Bad input gets one sentence and exit code 2.

`heartland` (the installed command), `python -m game`, `run_game.py` and the one-file build
all enter through `console()`.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import sys

from game.errors import HeartlandError, ScenarioErrors
from game.text import msg, power, render, tr

EXIT_BAD_INPUT = 2


def _agents(sc, kind: str, difficulty: str | None = None, seats: tuple = ()) -> dict:
    """One agent per seat: the personalities (at a difficulty) or a baseline, then the `--seat` choices."""
    if kind == "personality":
        from ai.factory import agents_for
        agents = agents_for(sc.world, difficulty, sc.personalities)
    else:
        from ai.baseline import GreedyAgent, RandomAgent
        make = {"random": RandomAgent, "greedy": GreedyAgent}[kind]
        agents = {p: make() for p in sc.world.order}
    if seats:
        from ai.plugins import make as make_seat
        agents.update({p: make_seat(sc.world, p, spec, sc.personalities) for p, spec in seats})
    return agents


@functools.lru_cache(maxsize=4)
def _scenario(scenario: str, short: bool):
    """The scenario, loaded once per process (each worker of a sweep loads it once, not once a game)."""
    from game.scenario.loader import load
    return load(scenario, short=short)


def _one_game(args: tuple, report: bool = False) -> dict:
    """One headless game: its seed, winner, status, points and scores (its history, its events report when asked)."""
    scenario, seed, agent_kind, history, difficulty, save_dir, short, seats = args
    from game.sim import play_session, result
    from ai.factory import game_world
    sc = _scenario(scenario, short)
    levels = {p: difficulty for p in sc.world.order} if agent_kind == "personality" else {}
    sc = _with_world(sc, game_world(sc, {**levels, **dict(seats)}))  # with the events a historical seat switches on
    agents = _agents(sc, agent_kind, difficulty, seats)
    session = _saved_game(sc, agents, seed, save_dir) if save_dir else play_session(sc.world, agents, seed)
    done = result(session)
    out = {"seed": seed, "winner": done.winner, "status": done.status, "points": done.points, "scores": done.scores,
           "tension": tension_data(done)}
    if history:
        out["history"] = list(done.history)
    if report:
        from game.scenario.report import events_report
        out["events"] = events_report(sc, seed, lambda w: _agents(_with_world(sc, w), agent_kind, difficulty, seats),
                                      session)
    return out


def _with_world(sc, world):
    """The scenario `sc` starting from another World (the events report's control game)."""
    from attrs import evolve
    return evolve(sc, world=world)


def _saved_game(sc, agents: dict, seed: int, folder: str):
    """Play one game like `sim.play` and write its save as FOLDER/<scenario>-seed<seed>.json; the finished Session."""
    from pathlib import Path
    from game.fileio import safe_stem
    from game.save import save
    from game.sim import play_session
    session = play_session(sc.world, agents, seed, scenario_raw=sc.raw)
    save(session, Path(folder) / f"{safe_stem(sc.id)}-seed{seed}.json")
    return session


def simulate(ns: argparse.Namespace) -> int:
    """Play whole games headless and print winners and mean points (and mean agenda scores)."""
    from game.save import saves_dir
    sc = _scenario(ns.scenario, ns.short)
    seats = _seats(sc, ns.seat)
    folder = None if ns.save is None else str(saves_dir(ns.save or None))
    jobs = [(ns.scenario, ns.seed + i, ns.agent, ns.history, ns.difficulty, folder, ns.short, seats)
            for i in range(ns.games)]
    bar = Progress(len(jobs), f"{ns.scenario} x{ns.games}")
    first = [bar.tick(_one_game(jobs[0], report=True))] if ns.events_report else []
    games = first + _run_games(jobs[len(first):], ns.jobs, bar, ns.ray)
    names = {p: sc.world.powers[p].name for p in sc.world.order}  # the JSON's keys: as the scenario names them
    wins = {names[p]: sum(1 for g in games if g["winner"] == p) for p in sc.world.order}
    mean = {names[p]: round(sum(g["points"].get(p, 0) for g in games) / len(games), 2) for p in sc.world.order}
    agenda = {names[p]: round(sum(g["scores"].get(p, 0) for g in games) / len(games), 2) for p in sc.world.order}
    rate = {n: round(k / len(games), 4) for n, k in wins.items()}
    ci = {n: [round(x, 4) for x in wilson(k, len(games))] for n, k in wins.items()}
    print("\n".join(results_table(sc.world, games, wins, mean, agenda)))
    if folder:
        print(tr("sim.saves", path=folder))
    if ns.events_report:
        print("\n".join(render(m) for m in games[0]["events"]))
    if ns.history and not ns.json:  # the JSON line carries every game's history; without it, the first as tables
        from game.history_text import game_history
        print("\n".join(game_history(sc.world, games[0], len(games))))
    if ns.json:
        out = {"games": len(games), "short": ns.short, "wins": wins, "mean_score": mean, "mean_agenda": agenda,
               "win_rate": rate, "ci": ci, "rounds": list(objectives_rounds(sc.world)), "objectives": objectives_data(sc.world),
               "standings": standings_data(sc.world, engine_start=True), "arc": arc_summary(sc.world, games)}
        if ns.history:
            out["history"] = [{"seed": g["seed"], "years": g["history"]} for g in games]
        print(json.dumps(out))
    return 0


def results_table(world, games: list[dict], wins: dict, mean: dict, agenda: dict) -> list[str]:
    """The games, the means and each power's record as lines in the reader's language, columns aligned in any script."""
    from game.text import number, table_lines
    order, names = world.order, {p: world.powers[p].name for p in world.order}
    shown = {p: str(power(world, p)) for p in order}
    head = [tr(f"sim.col.{k}") for k in ("game", "seed", "winner")] + [shown[p] for p in order]
    rows = [[str(i + 1), str(g["seed"]), winner_text(world, g)] + [number(g["points"].get(p, 0), ".1f") for p in order]
            for i, g in enumerate(games)]
    rows.append([tr("sim.col.mean"), "", ""] + [number(mean[names[p]], ".1f") for p in order])
    lines = table_lines([head] + rows, ">><" + ">" * len(order))
    lines.append(tr("sim.wins", wins=tuple(msg("sim.win_count", power=power(world, p), n=wins[names[p]]) for p in order)))
    head = [tr(f"sim.col.{k}") for k in ("power", "wins", "win_rate", "ci", "mean_points", "agenda")]
    rows = [[shown[p], str(wins[n]), number(wins[n] / len(games), ".1%"), tr("sim.interval", **interval(wins[n], len(games))),
             number(mean[n], ".1f"), number(agenda[n], ".1f")] for p, n in names.items()]
    return lines + table_lines([head] + rows, "<>>>>>")


def winner_text(world, game: dict) -> str:
    """A game's winner by name, or how it ended without one (a regional collapse, no winner)."""
    status = game["status"]
    return str(power(world, game["winner"])) if game["winner"] else tr(f"sim.status.{status}")


def interval(k: int, n: int) -> dict:
    """The 95% Wilson interval of k wins in n games as `low` and `high`."""
    low, high = wilson(k, n)
    return {"low": low, "high": high}


def tension_data(done) -> dict:
    """One game's arc: the tension track at its peak and at the end, the crisis cards drawn (by year), a collapse."""
    from game.rules import tension
    years = [y for y in done.history if "track" in y]
    return {"peak": max([y["track"] for y in years], default=tension.track(done.final)),
            "end": round(tension.track(done.final), 4), "collapsed": done.status == "collapsed",
            "crises": [[y["year"], c] for y in years for c in y.get("crises", [])]}


def arc_summary(world, games: list[dict]) -> dict:
    """The arc over the games: the track at the start, warning and collapse levels, collapse and crisis rates."""
    from game.rules import tension
    n = max(1, len(games))
    drawn = [c for g in games for _, c in g["tension"]["crises"]]
    return {"start": round(tension.track(world), 4), "warning": world.param("tension.warning"),
            "collapse": world.param("tension.collapse"),
            "collapse_rate": round(sum(g["tension"]["collapsed"] for g in games) / n, 4),
            "crisis_rate": round(sum(1 for g in games if g["tension"]["crises"]) / n, 4),
            "crises_per_game": round(len(drawn) / n, 3),
            "mean_peak": round(sum(g["tension"]["peak"] for g in games) / n, 4),
            "cards": {c: drawn.count(c) for c in dict.fromkeys(drawn)}}


def _seats(sc, texts: list[str] | None) -> tuple:
    """The `--seat POWER=AGENT` choices as ((power, agent spec), ...), each checked (agent files loaded once here)."""
    from ai.plugins import AgentError, parse_seat
    seats = dict(parse_seat(t, sc.world.order) for t in texts or ())
    if len(seats) < len(texts or ()):
        raise AgentError(msg("cli.agent.seat_twice"))
    return tuple(seats.items())


def _run_games(jobs: list, n_jobs: int, bar: "Progress", ray_address: str | None = None) -> list[dict]:
    """Play `_one_game` for every job, on `n_jobs` processes (or as tasks on a Ray cluster), in the jobs' order
    (the bar ticks as games end)."""
    if ray_address:
        games = [bar.tick(g) for g in _on_ray(jobs, ray_address)]
    elif n_jobs > 1 and len(jobs) > 1:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(min(n_jobs, len(jobs))) as pool:
            games = [bar.tick(g) for g in pool.map(_one_game, jobs)]
    else:
        games = [bar.tick(_one_game(j)) for j in jobs]
    bar.close()
    return games


def tournament(ns: argparse.Namespace) -> int:
    """Play agents against each other over paired seeds, each taking each contested seat in turn; print the table."""
    from ai.plugins import AgentError, check_spec
    from game.tournament import schedule, standings, table
    sc = _scenario(ns.scenario, ns.short)
    contested = tuple(p for p, _ in _seats(sc, [f"{p}={ns.others}" for p in ns.seats or sc.world.order]))
    if len(set(ns.agents)) < len(ns.agents):
        raise AgentError(msg("cli.agent.entered_twice"))
    for spec in ns.agents:
        check_spec(spec)
    seeds = [ns.seed + i for i in range(ns.seeds)]
    plan = schedule(len(ns.agents), contested, seeds)
    others = tuple(p for p in sc.world.order if p not in contested)
    jobs = [(ns.scenario, seed, "personality", False, None, None, ns.short,
             tuple((p, ns.agents[a]) for p, a in held) + tuple((p, ns.others) for p in others))
            for seed, held in plan]
    games = _run_games(jobs, ns.jobs, Progress(len(jobs), tr("cli.progress.tournament", n=len(jobs))))
    names = {p: str(power(sc.world, p)) for p in sc.world.order}
    result = standings(ns.agents, contested, plan, games)
    print("\n".join(table(result, contested, names)))
    print(json.dumps({"scenario": ns.scenario, "short": ns.short, "seeds": seeds, "seats": list(contested),
                      "others": ns.others, "games": len(games), "agents": result}))
    return 0


def objectives_rounds(world) -> tuple[int, ...]:
    """The years of the scoring rounds."""
    from game.rules.objectives import rounds
    return rounds(world)


def objectives_data(world) -> dict:
    """Each power's public objectives as plain data (for `--json`): the fields a program reads (id, measure, kind,
    points, among, at; the same in every language) and `text`, the line the screens show, in the reader's language."""
    from game.rules.objectives import describe
    return {p: [{"id": o.id, "measure": o.measure, "kind": o.kind, "points": list(o.points), "among": list(o.among),
                 "at": list(o.at), "text": render(describe(o))} for o in world.powers[p].objectives]
            for p in world.order}


def standings_data(world, engine_start: bool = False) -> list[dict]:
    """Every power's standing (points, place shared with equal points, what the next round would pay now) as plain
    data, in the order the screens list them."""
    from game import engine
    from game.rules.objectives import standings
    if engine_start:
        world = engine.start(world)[0]
    return [{"power": s.power, "points": s.points, "place": s.shared, "tied": s.tied, "next_round": s.next_year,
             "next_round_pays": s.projected, "rounds_left": s.rounds_left, "objectives": dict(s.lines)}
            for s in standings(world)]


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a win rate k/n."""
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


class Progress:
    """A tiny progress bar on stderr (shown only on a terminal)."""

    def __init__(self, total: int, label: str, stream=None):
        self.total, self.label, self.done = total, label, 0
        self.stream = stream or sys.stderr
        self.live = hasattr(self.stream, "isatty") and self.stream.isatty()

    def tick(self, item=None):
        """One more done; redraw; return `item` unchanged."""
        self.done += 1
        if self.live:
            filled = int(30 * self.done / max(1, self.total))
            self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}")
            self.stream.flush()
        return item

    def close(self) -> None:
        """Finish the line."""
        if self.live:
            self.stream.write("\n")
            self.stream.flush()


def validate(ns: argparse.Namespace) -> int:
    """Check scenario files; print every problem as file:line: key: sentence (warnings too, which never fail);
    with --explain, what each file changes against its base."""
    from game.scenario.loader import load
    from game.scenario.series import is_series_file, load_series
    bad = 0
    for name in ns.files:
        if is_series_file(name):
            try:
                load_series(name)
                print(tr("cli.valid", name=name))
            except ScenarioErrors as e:
                bad += 1
                print("\n".join(err.describe() for err in e.errors))
            continue
        if ns.explain:
            from game.scenario.explain import explain
            try:
                print("\n".join(render(m) for m in explain(name)))
            except ScenarioErrors as e:
                bad += 1
                print("\n".join(err.describe() for err in e.errors))
            continue
        try:
            sc = load(name)
            for warning in sc.warnings:
                print(warning.describe())
            print(tr("cli.valid_warnings", name=name, n=len(sc.warnings)) if sc.warnings else tr("cli.valid", name=name))
        except ScenarioErrors as e:
            bad += 1
            for err in e.errors:
                print(err.describe())
    return EXIT_BAD_INPUT if bad else 0


def new_scenario(ns: argparse.Namespace) -> int:
    """Write a commented scenario file extending a base into the user's scenarios folder."""
    from game.scenario.template import new_scenario as write
    from game.text import tr
    path = write(ns.name, ns.extends)
    print(tr("template.written", path=str(path), name=ns.name))
    return 0


def folders(ns: argparse.Namespace) -> int:
    """Print where the game keeps saves, settings, the user's scenarios, exports and its own data."""
    from game.paths import user_folders
    from game.text import table_lines
    rows = [[folder_label(kind), str(path)] for kind, path in user_folders().items()]
    print("\n".join(table_lines(rows, "<<", gap=" ")))
    return 0


def folder_label(kind: str) -> str:
    """A folder's name as `folders` prints it ("game data:", "セーブ:")."""
    key = kind.replace(" ", "_")
    return tr("cli.folder", kind=msg(f"cli.folder.{key}"))


def replay(ns: argparse.Namespace) -> int:
    """Re-run a save's action log: 0 when it reaches the saved World, 1 naming the first diverging year."""
    from game.replay import replay_file
    result = replay_file(ns.save)
    if result.diverged:
        print(tr("cli.replay_diverged", path=ns.save, reason=result.message), file=sys.stderr)
        return 1
    years = len(result.worlds) - 1
    print(tr("cli.replay_ok", path=ns.save, n=years, year=str(result.final.year)))
    return 0


HEADLESS_DRIVERS = ("offscreen", "dummy")


def play_game(ns: argparse.Namespace) -> int:
    """Open the game window; without a screen, say so in one sentence (exit 2)."""
    import pygame
    from game.ui.app import run
    pygame.display.init()  # the game has no sound: audio is never started
    pygame.font.init()
    try:
        driver = pygame.display.get_driver()
        if driver in HEADLESS_DRIVERS and not os.environ.get("SDL_VIDEODRIVER"):
            print(tr("cli.no_screen", driver=driver), file=sys.stderr)
            return EXIT_BAD_INPUT
        return run(ns)
    finally:
        pygame.quit()


def demo(ns: argparse.Namespace) -> int:
    """Play AI-only years on screen, opening every kind of scene, saving screenshots."""
    from game.ui.demo import main as demo_main
    return demo_main(ns)


def count(low: int, high: int):
    """An argparse type: a whole number from `low` to `high`."""
    def check(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(tr("cli.err.whole_number", text=text)) from None
        if not low <= n <= high:
            raise argparse.ArgumentTypeError(tr("cli.err.out_of_range", n=n, low=low, high=high))
        return n
    check.__name__ = "number"
    return check


def window_size(text: str) -> str:
    """An argparse type: WIDTHxHEIGHT, each from 320 to 7680."""
    w, sep, h = text.lower().partition("x")
    if not (sep and w.isdigit() and h.isdigit() and 320 <= int(w) <= 7680 and 240 <= int(h) <= 4320):
        raise argparse.ArgumentTypeError(tr("cli.err.window_size", text=text))
    return text


# argparse's own words (its gettext ids) -> our catalogue key and, per placeholder of ours, the %-field argparse fills
ARGPARSE_WORDS = {
    "usage: ": ("cli.argparse.usage", {}),
    "positional arguments": ("cli.argparse.positionals", {}),
    "options": ("cli.argparse.options", {}),
    "show this help message and exit": ("cli.argparse.help", {}),
    "argument %(argument_name)s: %(message)s": ("cli.argparse.argument",
                                                {"name": "%(argument_name)s", "message": "%(message)s"}),
    "the following arguments are required: %s": ("cli.argparse.required", {"names": "%s"}),
    "invalid choice: %(value)r (choose from %(choices)s)": ("cli.argparse.choice",
                                                            {"value": "%(value)r", "choices": "%(choices)s"}),
    "unrecognized arguments: %s": ("cli.argparse.unrecognized", {"args": "%s"}),
    "expected one argument": ("cli.argparse.one_value", {}),
    "expected at least one argument": ("cli.argparse.some_values", {}),
    "expected at most one argument": ("cli.argparse.at_most_one", {}),
    "ambiguous option: %(option)s could match %(matches)s": ("cli.argparse.ambiguous",
                                                             {"option": "%(option)s", "matches": "%(matches)s"}),
    "ignored explicit argument %r": ("cli.argparse.no_value", {"value": "%r"}),
}


def argparse_text(english: str) -> str:
    """argparse's `_`: its English in the reader's language, with the %-fields argparse fills still in place
    (words it has that no user of ours meets, such as errors in building a parser, stay as they are)."""
    if english not in ARGPARSE_WORDS:
        return english
    key, fields = ARGPARSE_WORDS[english]
    marks = {name: f"\x00{i}\x00" for i, name in enumerate(fields)}
    out = tr(key, **marks).replace("%", "%%")  # a literal % of a translation is not a format sign
    for name, field in fields.items():
        out = out.replace(marks[name], field)
    return out


@contextlib.contextmanager
def argparse_words():
    """While inside, argparse looks its words up through `argparse_text` (it calls `_` from its module at use)."""
    before = argparse._
    argparse._ = argparse_text
    try:
        yield
    finally:
        argparse._ = before


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, with a text in Japanese or Chinese wrapped by terminal columns (a CJK character takes
    two) and between characters, so its lines fit the terminal as the English ones do (`text.wrap_columns`)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        from game.text import display_width, wrap_columns
        if display_width(text) == len(text):
            return super()._split_lines(text, width)
        return wrap_columns(text, width)

    def _format_usage(self, usage, actions, groups, prefix):
        """The usage lines, their continuation lined up under the first however many columns "使い方: " takes."""
        from game.text import display_width
        prefix = argparse._("usage: ") if prefix is None else prefix
        stand_in = "\x00" * display_width(prefix)  # argparse measures the prefix with len()
        return super()._format_usage(usage, actions, groups, stand_in).replace(stand_in, prefix, 1)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        from game.text import display_width, wrap_columns
        if display_width(text) == len(text):
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrap_columns(text, width))


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks the reader's language: its headings, its help line, its errors ("usage:",
    "options", "invalid choice", ...) come from the catalogues (`cli.argparse.*`) instead of argparse's English,
    and a bad argument is one sentence on stderr and exit code 2. Its sub-commands are Parsers too."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        with argparse_words():
            super().__init__(*args, **kwargs)

    def parse_known_args(self, args=None, namespace=None):
        with argparse_words():
            return super().parse_known_args(args, namespace)

    def parse_args(self, args=None, namespace=None):
        with argparse_words():
            return super().parse_args(args, namespace)

    def format_usage(self) -> str:
        with argparse_words():
            return super().format_usage()

    def format_help(self) -> str:
        with argparse_words():
            return super().format_help()

    def error(self, message: str):
        """One sentence naming the command, the problem and where its options are listed; exit code 2."""
        self.exit(EXIT_BAD_INPUT, tr("cli.argparse.error", prog=self.prog, message=message) + "\n")


def helps(key: str, **args) -> str:
    """A help text of the command line in the reader's language (argparse reads `%` as a format sign)."""
    return tr(f"cli.help.{key}", **args).replace("%", "%%")


def _on_ray(jobs: list, address: str) -> list[dict]:
    """Play `_one_game` for every job as a task on the Ray cluster at `address` ("auto", "local" or
    ray://HOST:PORT), the results in the jobs' order: a game is a pure function of its job, so they are
    the games a local run plays. Every node needs the game installed (pip install "heartland[ray]")."""
    try:
        import ray
    except ImportError:
        raise HeartlandError(msg("cli.err.no_ray")) from None
    ray.init(address=address, ignore_reinit_error=True)
    task = ray.remote(_one_game)
    return ray.get([task.remote(job) for job in jobs])


def parser() -> argparse.ArgumentParser:
    """The command-line grammar."""
    ap = Parser(prog="heartland", description=helps("description"))
    sub = ap.add_subparsers(dest="command")
    sim = sub.add_parser("simulate", help=helps("simulate"))
    sim.add_argument("--scenario", default="2015", help=helps("scenario", default="2015"))
    sim.add_argument("--seed", type=count(0, 2**31 - 1), default=1, help=helps("first_seed", default=1))
    sim.add_argument("--games", type=count(1, 1_000_000), default=20, help=helps("games", default=20))
    sim.add_argument("--jobs", type=count(1, 256), default=1, help=helps("jobs", default=1))
    sim.add_argument("--ray", metavar="ADDRESS", default=None, help=helps("ray"))
    sim.add_argument("--agent", choices=("personality", "random", "greedy"), default="personality",
                     help=helps("agent", default="personality"))
    sim.add_argument("--difficulty", choices=("easy", "normal", "hard", "historical"), default=None,
                     help=helps("difficulty"))
    sim.add_argument("--json", action="store_true", help=helps("json"))
    sim.add_argument("--history", action="store_true", help=helps("history"))
    sim.add_argument("--events-report", action="store_true",
                     help=helps("events_report"))
    sim.add_argument("--save", metavar="DIR", nargs="?", default=None, const="",
                     help=helps("save"))
    sim.add_argument("--short", action="store_true", help=helps("sim_short"))
    sim.add_argument("--seat", action="append", metavar="POWER=AGENT", default=[],
                     help=helps("seat", agents=tr("cli.help.agents")))
    sim.set_defaults(func=simulate)
    tour = sub.add_parser("tournament", help=helps("tournament"))
    tour.add_argument("--agents", nargs="+", required=True, metavar="AGENT",
                      help=helps("contestants", agents=tr("cli.help.agents")))
    tour.add_argument("--scenario", default="2015", help=helps("scenario", default="2015"))
    tour.add_argument("--seats", nargs="+", metavar="POWER", default=None,
                      help=helps("seats"))
    tour.add_argument("--others", default="normal", metavar="AGENT",
                      help=helps("others"))
    tour.add_argument("--seed", type=count(0, 2**31 - 1), default=1, help=helps("tour_seed", default=1))
    tour.add_argument("--seeds", type=count(1, 10_000), default=2, help=helps("seeds"))
    tour.add_argument("--jobs", type=count(1, 256), default=1, help=helps("jobs", default=1))
    tour.add_argument("--short", action="store_true", help=helps("sim_short"))
    tour.set_defaults(func=tournament)
    rep = sub.add_parser("replay", help=helps("replay"))
    rep.add_argument("save", metavar="SAVE", help=helps("save_file"))
    rep.set_defaults(func=replay)
    val = sub.add_parser("validate", help=helps("validate"))
    val.add_argument("files", nargs="+", metavar="FILE", help=helps("files"))
    val.add_argument("--explain", action="store_true",
                     help=helps("explain"))
    val.set_defaults(func=validate)
    new = sub.add_parser("new-scenario", help=helps("new_scenario"))
    new.add_argument("name", metavar="NAME", help=helps("name"))
    new.add_argument("--extends", default="2025", metavar="BASE", help=helps("extends"))
    new.set_defaults(func=new_scenario)
    fol = sub.add_parser("folders", help=helps("folders"))
    fol.set_defaults(func=folders)
    dem = sub.add_parser("demo", help=helps("demo"))
    dem.add_argument("--scenario", default="2015", help=helps("scenario", default="2015"))
    dem.add_argument("--years", type=count(1, 60), default=3, help=helps("years", default=3))
    dem.add_argument("--seed", type=count(0, 2**31 - 1), default=1, help=helps("seed", default=1))
    dem.add_argument("--size", type=window_size, default="1280x720", help=helps("size"))
    dem.add_argument("--screenshots", default="demo-screenshots", help=helps("screenshots"))
    dem.set_defaults(func=demo)
    ap.add_argument("--short", action="store_true", help=helps("short"))
    ap.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)  # bench/frame.py
    ap.add_argument("--lang", metavar="LANG", help=helps("lang"))
    for sub in (sim, tour, rep, val, dem, new):
        sub.add_argument("--lang", metavar="LANG", default=argparse.SUPPRESS, help=helps("lang"))
    return ap


def early_language(argv: list[str] | None) -> str | None:
    """The `--lang` given anywhere on the command line, read before the rest of it."""
    early = Parser(prog="heartland", add_help=False)
    early.add_argument("--lang")
    return early.parse_known_args(argv)[0].lang


def reader_gone() -> int:
    """Exit code 1 after the pipe's reader closed it; stdout is pointed at the null device so that Python's own
    flush at exit finds nothing to complain about (the recipe of Python's `signal` documentation)."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1


def main(argv: list[str] | None = None) -> int:
    """Run the command; bad input gives one sentence and exit code 2, never a traceback."""
    from game.text import set_language, system_language
    set_language(system_language())  # a bad --lang itself is reported in the system's language
    set_language(early_language(argv) or system_language())  # the help and argument errors speak it too
    ns = parser().parse_args(argv)
    set_language(getattr(ns, "lang", None) or system_language())
    try:
        if ns.startup_probe:
            from game.ui.demo import startup_probe
            return startup_probe()
        if ns.command is None:
            return play_game(ns)
        code = ns.func(ns)
        sys.stdout.flush()  # inside the try: a reader gone by now is answered below, not at exit
        return code
    except ScenarioErrors as e:
        for err in e.errors:
            print(err.describe(), file=sys.stderr)
        return EXIT_BAD_INPUT
    except HeartlandError as e:
        print(str(e), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader went away (`simulate ... | head`): stop quietly, as other tools do
        return reader_gone()


def console() -> None:
    """The entry point of every way to start the game: run the command line and exit with its code."""
    import multiprocessing
    multiprocessing.freeze_support()  # `simulate --jobs` workers in the one-file build
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    sys.exit(main())


if __name__ == "__main__":  # `python -m game.cli`, as `python -m game`
    console()
