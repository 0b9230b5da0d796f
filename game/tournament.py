"""A bot contest: several agents over paired seeds, each taking each contested seat in turn.

Rotation: with N agents and the contested seats s_0, s_1, ..., round r (0 <= r < N) of a
seed gives seat s_i to agent (i + r) mod N, and every other seat to the `others` agent. Over
the N rounds of a seed every agent plays every contested seat exactly once, on the same
dice, so the agents' means compare like with like (a paired design: the seat and the seed
are the same, only the agent differs). An agent wins a game when the winner is a seat it held.
"""
from __future__ import annotations

from game.text import number, table_lines, tr


def schedule(n_agents: int, seats: tuple[str, ...], seeds: list[int]) -> list[tuple[int, tuple]]:
    """Every game of the contest: (seed, ((seat, agent index), ...)) in the order they are played."""
    return [(seed, tuple((s, (i + r) % n_agents) for i, s in enumerate(seats)))
            for seed in seeds for r in range(n_agents)]


def standings(agents: list[str], seats: tuple[str, ...], plan: list, games: list[dict]) -> list[dict]:
    """Each agent's record: seat-games played, mean points, wins, and mean points in each seat; best first."""
    rows = []
    for a, name in enumerate(agents):
        mine = [(g, tuple(p for p, who in seat_of if who == a)) for (_, seat_of), g in zip(plan, games)]
        mine = [(g, held) for g, held in mine if held]
        points = [g["points"].get(p, 0.0) for g, held in mine for p in held]
        per_seat = {s: [g["points"].get(s, 0.0) for g, held in mine if s in held] for s in seats}
        rows.append({"agent": name, "plays": len(points), "games": len(mine),
                     "wins": sum(1 for g, held in mine if g["winner"] in held),
                     "mean_points": round(sum(points) / max(1, len(points)), 3),
                     "per_seat": {s: round(sum(v) / len(v), 3) for s, v in per_seat.items() if v}})
    return sorted(rows, key=lambda r: (-r["mean_points"], -r["wins"], agents.index(r["agent"])))


def table(rows: list[dict], seats: tuple[str, ...], names: dict) -> list[str]:
    """The standings as text lines: rank, agent, mean points, wins, then the mean in each seat (columns aligned in
    any script)."""
    head = ["#"] + [tr(f"tournament.col.{k}") for k in ("agent", "points", "wins")] + [names[s] for s in seats]
    body = [[str(i), r["agent"], number(r["mean_points"], ".2f"), f"{r['wins']}/{r['games']}"]
            + [number(r["per_seat"][s], ".1f") if s in r["per_seat"] else "-" for s in seats]
            for i, r in enumerate(rows, 1)]
    return table_lines([head] + body, "><>>" + ">" * len(seats))
