"""A bot contest: several agents over paired seeds, each taking each contested seat in turn.

Rotation: with N agents and the contested seats s_0, s_1, ..., round r (0 <= r < N) of a
seed gives seat s_i to agent (i + r) mod N, and every other seat to the `others` agent. Over
the N rounds of a seed every agent plays every contested seat exactly once, on the same
dice, so the agents' means compare like with like (a paired design: the seat and the seed
are the same, only the agent differs). An agent wins a game when the winner is a seat it held.
"""
from __future__ import annotations

from game.text import tr


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
    """The standings as text lines: rank, agent, mean points, wins, then the mean in each seat."""
    width = max(12, *(len(r["agent"]) for r in rows))
    agent, points, wins = (tr(f"tournament.col.{k}") for k in ("agent", "points", "wins"))
    head = f"{'#':>2}  {agent:<{width}} {points:>7} {wins:>9} " + " ".join(f"{names[s][:7]:>7}" for s in seats)
    lines = [head]
    for i, r in enumerate(rows, 1):
        cells = " ".join(f"{r['per_seat'][s]:7.1f}" if s in r["per_seat"] else f"{'-':>7}" for s in seats)
        lines.append(f"{i:>2}  {r['agent']:<{width}} {r['mean_points']:7.2f} {r['wins']:>4}/{r['games']:<4} {cells}")
    return lines
