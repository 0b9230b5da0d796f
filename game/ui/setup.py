"""New-game setup: the scenario, who plays each seat (a person or an AI and how hard), the seed."""
from __future__ import annotations

import random
from pathlib import Path

import pygame

from game.rules import objectives
from game.text import scenario_text
from game.ui import theme, words
from game.ui.i18n import tr
from game.ui.widgets import MIN_LABEL_SIZE, UIScene, fit_label

DIFFICULTIES = ("easy", "normal", "hard", "historical")


def list_scenarios() -> list:
    """The scenario catalogue: shipped, examples and the user's own (game.scenario.catalog)."""
    from game.scenario.catalog import list_scenarios as catalog
    return catalog()


def seat_columns(rect: pygame.Rect, names: list[str]) -> tuple[int, int, int]:
    """Where a seat row's two buttons go, refitted to the language: (left of the person/AI button, its width,
    the difficulty button's width). Each button needs its widest label (all its states, in this language), the
    power's name its widest name. When all fit, the spare room goes to the buttons; when not, the buttons' labels
    shrink first (to MIN_LABEL_SIZE + 1), then the names (which shrink too, and are cut last), down to 30% of
    the row, and the buttons share what is left by need."""
    pad, gap = theme.px(18), 6
    toggles = [tr(k) for k in ("setup.human", "setup.ai")]
    levels = [tr(f"difficulty.{d}") for d in DIFFICULTIES]
    toggle, diff = (max(theme.width(t, 16) for t in labels) + pad for labels in (toggles, levels))
    least = sum(max(theme.width(t, MIN_LABEL_SIZE + 1) for t in labels) + pad for labels in (toggles, levels))
    name = max(theme.width(n, 17) for n in names) + theme.px(14) + 16
    room = rect.width - gap - name
    if room < least:  # the names give way, down to 30% of the row
        room = min(least, rect.width - gap - int(rect.width * 0.30))
    if toggle + diff > room:  # share the room by need (the labels shrink, and are cut last)
        toggle = room * toggle // (toggle + diff)
        diff = room - toggle
    else:  # spare room: the buttons grow alike
        spare = (room - toggle - diff) // 2
        toggle, diff = toggle + spare, diff + spare
    return rect.right - toggle - diff - gap, toggle, diff


class SetupScene(UIScene):
    """Choose a scenario, the seats and the seed, then start."""

    def __init__(self, short: bool = False) -> None:
        super().__init__()
        self.short = short  # the scenario's short form (fewer years, its own scoring rounds)
        self.scenarios: list = []
        self.index = 0
        self.loaded: dict[str, object] = {}
        self.seats: dict[str, tuple[bool, str]] = {}
        self.seed = random.randrange(1, 10000)
        self.error = ""
        self.filter = ""  # typed text narrowing the list (id, title or file name)
        self.scroll = 0  # first list row shown
        self.detail_scroll = 0  # first problem or warning shown in the middle panel
        self.text_scroll = 0  # first line of the description shown below them
        self.body_more = 0  # description lines below the panel's edge (the last frame drawn)
        self.list_rect = pygame.Rect(0, 0, 0, 0)
        self.detail_rect = pygame.Rect(0, 0, 0, 0)

    def enter(self) -> None:
        """Read the scenario list and pick the first playable one."""
        self.scenarios = list_scenarios()
        playable = [i for i, s in enumerate(self.scenarios) if not s.error]
        self.choose(playable[0] if playable else 0)

    def reload(self) -> None:
        """Read every scenario file again (an author edited one) and keep the chosen file chosen."""
        chosen = self.current().path if self.current() else ""
        self.scenarios, self.loaded = list_scenarios(), {}
        paths = [s.path for s in self.scenarios]
        playable = [i for i, s in enumerate(self.scenarios) if not s.error]
        self.choose(paths.index(chosen) if chosen in paths else playable[0] if playable else 0)

    def shown(self) -> list[int]:
        """The list indices the filter lets through, in list order."""
        words = self.filter.lower().split()
        return [i for i, info in enumerate(self.scenarios)
                if all(w in " ".join((info.id, info.title, scenario_text(info.id, "title", info.title),
                                      Path(info.path).name)).lower() for w in words)]

    def type_filter(self, text: str) -> None:
        """Set the filter text; the list starts again at its top."""
        self.filter, self.scroll = text, 0

    def show_loaded(self, sc) -> int:
        """The list index of a scenario already loaded (added to the list when its folder is not listed)."""
        from game.scenario.catalog import summary
        where = Path(sc.path).resolve()
        for i, info in enumerate(self.scenarios):
            if Path(info.path).resolve() == where:
                break
        else:
            self.scenarios.append(summary(sc, Path(sc.path)))
            i = len(self.scenarios) - 1
        self.loaded[(self.scenarios[i].path, self.short)] = sc
        return i

    def current(self):
        """The chosen scenario's info, or None."""
        return self.scenarios[self.index] if self.scenarios else None

    def scenario(self):
        """The chosen Scenario (loaded once), or None when it is broken."""
        info = self.current()
        if info is None or info.error:
            return None
        key = (info.path, self.short)
        if key not in self.loaded:
            from game.errors import HeartlandError, ScenarioErrors
            from game.scenario.loader import load
            try:
                self.loaded[key] = load(info.path, short=self.short)
            except ScenarioErrors as e:
                self.error = "\n".join(err.describe() for err in e.errors)
                self.loaded[key] = None
            except HeartlandError as e:
                self.error = str(e)
                self.loaded[key] = None
        return self.loaded[key]

    def world(self):
        """The chosen scenario's starting World, or None when it is broken."""
        sc = self.scenario()
        return sc.world if sc else None

    def choose(self, i: int) -> None:
        """Pick scenario i; the first great power and the first C5 state start as human seats."""
        self.index = i
        self.error = ""
        self.detail_scroll = self.text_scroll = 0
        w = self.world()
        if w is None:
            self.seats = {}
            return
        first_c5 = w.c5()[0] if w.c5() else ""
        self.seats = {p: (p in (w.order[0], first_c5), "normal") for p in w.order}

    def toggle_short(self) -> None:
        """Switch between the full game and the short form (seats are kept)."""
        self.short = not self.short
        self.error = ""

    def toggle_human(self, p: str) -> None:
        """Switch a seat between a person and an AI."""
        human, diff = self.seats[p]
        self.seats[p] = (not human, diff)

    def cycle_difficulty(self, p: str) -> None:
        """Next AI difficulty for a seat."""
        human, diff = self.seats[p]
        self.seats[p] = (human, DIFFICULTIES[(DIFFICULTIES.index(diff) + 1) % len(DIFFICULTIES)])

    def set_seed(self, seed: int) -> None:
        """Set the seed (kept between 0 and 999999)."""
        self.seed = max(0, min(999999, seed))

    def start(self) -> None:
        """Start the game with these seats and seed."""
        from ai.factory import game_world
        from game.session import Seat, Session
        from game.ui.game import open_game
        sc = self.scenario()
        seats = {p: Seat(p, human, diff) for p, (human, diff) in self.seats.items()}
        world = game_world(sc, {p: s.difficulty for p, s in seats.items() if not s.human})  # a historical seat's events
        session = Session.start(world, seats, self.seed, sc.id, scenario_raw=sc.raw)
        manager = self.manager
        open_game(manager, session)
        from game.ui.tutorial import offer_guided_year
        offer_guided_year(manager, session)

    def how_to_win(self) -> None:
        """The page of how this scenario is won, with the objectives this seed deals."""
        from game.ui.scoreboard import HowToWinScene, dealt_world
        info, w = self.current(), self.world()
        if w is not None:
            title = scenario_text(info.id, "title", info.title)
            self.manager.push(HowToWinScene(dealt_world(w, self.seed), title))

    # --- drawing ------------------------------------------------------------------------
    def still(self):
        """What the setup screen shows apart from the hovered button and the tooltip: its choices, scrolls and focus."""
        return (self.short, self.index, self.seed, self.error, self.filter, self.scroll, self.detail_scroll,
                self.text_scroll, tuple(self.seats.items()), id(self.scenarios), len(self.loaded), self.focus_id)

    def look(self):
        """What the setup screen shows while the how-to-win page covers it: `still`, the mouse and the focus."""
        return (self.still(), tuple(self.mouse), self.keyboard)

    def draw(self, surface: pygame.Surface) -> None:
        """Three columns: scenarios and seed, description, seats."""
        self.begin()
        surface.fill(theme.BG)
        W, H = surface.get_size()
        m = theme.px(24)
        theme.text(surface, tr("setup.title"), (m, m), 30, bold=True)
        top = m + theme.line_height(30) + theme.px(12)
        bottom = H - m - theme.px(50)
        col1 = pygame.Rect(m, top, self.list_width(W), bottom - top)
        col3w = int(W * 0.36)
        col3 = pygame.Rect(W - m - col3w, top, col3w, bottom - top)
        col2 = pygame.Rect(col1.right + m, top, col3.left - col1.right - 2 * m, bottom - top)
        self.draw_scenarios(surface, col1)
        self.draw_description(surface, col2)
        self.draw_seats(surface, col3)
        bh = theme.px(44)
        self.button(surface, (m, H - m - bh, theme.px(160), bh), tr("common.back"), self.manager.pop, id="back",
                    hotkey=pygame.K_ESCAPE)
        self.button(surface, (m + theme.px(172), H - m - bh, theme.px(160), bh), tr("setup.reload"), self.reload,
                    id="reload", tooltip=tr("setup.reload.tip"), hotkey=pygame.K_F5)
        humans = sum(1 for h, _ in self.seats.values() if h)
        ok = self.world() is not None
        why = "" if ok else tr("setup.broken")
        self.button(surface, (W - m - theme.px(240), H - m - bh, theme.px(240), bh), tr("setup.start"), self.start,
                    enabled=ok, tooltip=why or tr("setup.start.tip", humans=humans), id="start", size=20)
        self.draw_tooltip(surface)

    def list_width(self, W: int) -> int:
        """The left column's width, refitted to the language: 24% of the window, wider (up to 30%) when a label
        under the list (the game's form in either state, a random seed, how to win) needs it at its smallest size."""
        w = self.world()
        args = {"start": w.start_year, "end": w.end_year, "rounds": len(objectives.rounds(w))} if w else {}
        labels = [tr(k, **args) for k in ("setup.full", "setup.short")] if w else []
        labels += [tr("setup.random_seed"), tr("setup.how_to_win")]
        need = max(theme.width(label, MIN_LABEL_SIZE + 1) for label in labels) + theme.px(10) + 4
        return min(max(int(W * 0.24), need), int(W * 0.30))

    def draw_scenarios(self, surface, rect) -> None:
        """The filter, the scenario list (scrolling with the wheel or PgUp/PgDn) and the seed."""
        theme.text(surface, tr("setup.scenarios"), rect.topleft, 18, theme.MUTED)
        y = rect.top + theme.line_height(18) + theme.px(6)
        bh = theme.px(40)
        box = pygame.Rect(rect.left, y, rect.width, theme.px(32))
        theme.panel(surface, box, (20, 24, 30))
        hint = tr("setup.filter", text=self.filter) if self.filter else tr("setup.filter.hint")
        theme.text(surface, hint, (box.left + theme.px(8), box.centery), 15,
                   theme.TEXT if self.filter else theme.MUTED, anchor="midleft", width=box.width - theme.px(16))
        self.tip(box, tr("setup.filter.tip"))
        y = box.bottom + theme.px(8)
        seed_h = theme.line_height(18) + theme.px(34) + 6 + 4 * bh  # the seed, random seed, form and how-to-win below the list
        self.list_rect = pygame.Rect(rect.left, y, rect.width, max(bh, rect.bottom - seed_h - y))
        rows, rh, gap = self.shown(), theme.px(34), theme.px(4)
        fits = max(1, (self.list_rect.height + gap) // (rh + gap))
        if len(rows) > fits:  # room for the "showing 1-7 of 19" note
            fits = max(1, (self.list_rect.height - 2 * theme.line_height(13)) // (rh + gap))
        self.scroll = max(0, min(self.scroll, len(rows) - fits))
        for i in rows[self.scroll:self.scroll + fits]:
            info = self.scenarios[i]
            title = scenario_text(info.id, "title", info.title)
            label = title if not info.error else tr("setup.broken_label", name=info.title)
            years = f" ({info.start_year}-{info.end_year})" if info.start_year else ""
            self.button(surface, (rect.left, y, rect.width, rh), label + years, lambda i=i: self.choose(i),
                        selected=i == self.index, id=f"scenario{i}",
                        tooltip=str(info.path) if info.error else "")  # a broken file is named for its author
            y += rh + gap
        if not rows:
            theme.text(surface, tr("setup.filter.none"), (rect.left, y), 15, theme.MUTED)
        elif len(rows) > fits:
            more = tr("list.more", shown=f"{self.scroll + 1}-{min(len(rows), self.scroll + fits)}", total=len(rows))
            box = pygame.Rect(rect.left, y, rect.width, self.list_rect.bottom - y)
            if len(theme.wrap(more, box.width, 13)) * theme.line_height(13) <= box.height:
                theme.paragraph(surface, more, box, 13, theme.MUTED)
            else:  # no room to wrap it: one line ending with an ellipsis, the whole note as its tooltip
                self.tip(theme.text(surface, more, box.topleft, 13, theme.MUTED, width=box.width), more)
        y = self.list_rect.bottom + theme.px(10)
        theme.text(surface, tr("setup.seed"), (rect.left, y), 18, theme.MUTED)
        y += theme.line_height(18) + theme.px(4)
        sw = theme.px(44)
        self.button(surface, (rect.left, y, sw, bh), "-", lambda: self.set_seed(self.seed - 1), id="seed-")
        box = pygame.Rect(rect.left + sw + 6, y, rect.width - 2 * sw - 12, bh)
        theme.panel(surface, box, (20, 24, 30))
        theme.text(surface, str(self.seed), box.center, 20, anchor="center")
        self.tip(box, tr("setup.seed.tip"))
        self.button(surface, (box.right + 6, y, sw, bh), "+", lambda: self.set_seed(self.seed + 1), id="seed+")
        y += bh + 6
        self.button(surface, (rect.left, y, rect.width, bh), tr("setup.random_seed"),
                    lambda: self.set_seed(random.randrange(1, 10000)), id="seed-random")
        y += bh + theme.px(10)
        w = self.world()
        label = tr("setup.short" if self.short else "setup.full", start=w.start_year if w else "",
                   end=w.end_year if w else "", rounds=len(objectives.rounds(w)) if w else 0)
        self.button(surface, (rect.left, y, rect.width, bh), label, self.toggle_short, selected=self.short,
                    id="form", tooltip=tr("setup.form.tip"))
        y += bh + theme.px(6)
        self.button(surface, (rect.left, y, rect.width, bh), tr("setup.how_to_win"), self.how_to_win,
                    enabled=w is not None, id="how", tooltip=tr("setup.how_to_win.tip"))

    def notes(self, info) -> list[tuple[str, tuple]]:
        """The middle panel's messages for a scenario: every problem, then every warning, with their colours."""
        problems = getattr(info, "problems", ()) or tuple(info.error.splitlines())
        if not info.error and self.error and self.world() is None:
            problems = tuple(self.error.splitlines())
        return ([(tr("setup.problem", text=p), theme.TEXT) for p in (problems if info.error or self.error else ())]
                + [(tr("setup.warning", text=w), theme.YELLOW) for w in getattr(info, "warnings", ())])

    def draw_description(self, surface, rect) -> None:
        """The scenario's problems and warnings (every one, scrolling), then its description (the short form's
        first when it is chosen) and teaching notes."""
        theme.panel(surface, rect)
        self.detail_rect = rect
        inner = rect.inflate(-theme.px(24), -theme.px(24))
        info = self.current()
        if info is None:
            theme.paragraph(surface, tr("setup.no_scenarios"), inner, 16)
            return
        broken = bool(info.error) or self.world() is None
        y = theme.paragraph(surface, scenario_text(info.id, "title", info.title), inner, 22, bold=True)
        if broken:
            y = theme.paragraph(surface, tr("setup.broken_intro"), pygame.Rect(inner.left, y + 8, inner.width, 60),
                                16, theme.WARN)
        notes = self.notes(info)
        self.detail_scroll = max(0, min(self.detail_scroll, len(notes) - 1))
        for n, (line, color) in enumerate(notes[self.detail_scroll:], self.detail_scroll):
            if y + theme.line_height(16) * 3 > inner.bottom:
                theme.text(surface, tr("setup.more_notes", n=len(notes) - n), (inner.left, y + 4), 14, theme.MUTED)
                y += theme.line_height(14) + 4
                break
            y = theme.paragraph(surface, line, pygame.Rect(inner.left, y + 6, inner.width, inner.bottom - y - 6),
                                16, color)
        if broken:
            return
        self.draw_body(surface, self.body_lines(info, inner.width), pygame.Rect(inner.left, y + 8, inner.width,
                                                                               inner.bottom - y - 8))

    def body_lines(self, info, width: int) -> list[tuple[str, int, tuple, bool, int]]:
        """The description (the short form's first when it is chosen) and the teaching notes as lines to draw:
        (text, size, colour, bold, height)."""
        def lines(text: str, size: int, color, bold: bool = False, gap: int = 0) -> list:
            step = int(theme.line_height(size) * 1.15)
            out = [(line, size, color, bold, step) for line in theme.wrap(" ".join(text.split()), width, size, bold)]
            return out[:-1] + [(*out[-1][:4], step + gap)] if out and gap else out
        out = []
        if self.short and info.short_description:
            out += lines(scenario_text(info.id, "short_description", info.short_description), 16, theme.ACCENT, gap=8)
        out += lines(scenario_text(info.id, "description", info.description), 16, theme.TEXT, gap=theme.px(12))
        out += lines(tr("setup.teaching_notes"), 16, theme.ACCENT, bold=True, gap=4)
        return out + lines(scenario_text(info.id, "teaching_notes", info.teaching_notes), 15, theme.MUTED)

    def draw_body(self, surface, body: list, rect: pygame.Rect) -> None:
        """The description lines from `text_scroll` on, as many as fit; when more lie below, the last line says
        to turn the wheel (the wheel over the panel scrolls them once its messages are all shown)."""
        hint = int(theme.line_height(14) * 1.15)
        self.text_scroll = max(0, min(self.text_scroll, len(body) - 1))
        shown, y = body[self.text_scroll:], rect.top
        if sum(h for *_, h in shown) > rect.height:  # not all fit: keep a line for the hint
            fit, used = 0, 0
            while fit < len(shown) and used + shown[fit][4] <= rect.height - hint:
                used, fit = used + shown[fit][4], fit + 1
            shown, more = shown[:fit], len(shown) - fit
        else:
            more = 0
        self.body_more = more
        for text, size, color, bold, h in shown:
            theme.text(surface, text, (rect.left, y), size, color, bold)
            y += h
        if more:
            theme.text(surface, tr("setup.more_text"), (rect.left, y), 14, theme.MUTED, width=rect.width)

    def draw_seats(self, surface, rect) -> None:
        """One row per seat: the power, person or AI, and the AI's difficulty."""
        theme.text(surface, tr("setup.seats"), rect.topleft, 18, theme.MUTED)
        w = self.world()
        if w is None:
            return
        y = rect.top + theme.line_height(18) + theme.px(6)
        bh = min(theme.px(40), (rect.bottom - y) // max(1, len(w.order)) - 6)
        bx, bw, dw = seat_columns(rect, [words.pname(w, p) for p in w.order])
        for p in w.order:
            human, diff = self.seats[p]
            pw = w.powers[p]
            sw = pygame.Rect(rect.left, y + 6, theme.px(14), bh - 12)
            pygame.draw.rect(surface, theme.hex_color(pw.color), sw)
            kind = tr("kind.great") if pw.kind == "great" else tr("kind.c5")
            name = words.pname(w, p)
            shown, size = fit_label(name, bx - sw.right - 14, 17)
            theme.text(surface, shown, (sw.right + 8, y + bh // 2), size, anchor="midleft")
            self.tip(pygame.Rect(rect.left, y, theme.px(150), bh), kind)
            self.button(surface, (bx, y, bw, bh), tr("setup.human") if human else tr("setup.ai"),
                        lambda p=p: self.toggle_human(p), selected=human, id=f"seat-{p}",
                        tooltip=tr("setup.seat.tip", power=name))
            self.button(surface, (bx + bw + 6, y, dw, bh),
                        tr(f"difficulty.{diff}"), lambda p=p: self.cycle_difficulty(p), enabled=not human,
                        id=f"difficulty-{p}", tooltip=tr(f"difficulty.{diff}.tip") if not human
                        else tr("setup.difficulty.human"))
            y += bh + 6

    def handle_event(self, event) -> bool:
        """The wheel scrolls the list or the middle panel (whichever is under the mouse); then the buttons and keys."""
        if event.type == pygame.MOUSEWHEEL:
            if self.detail_rect.collidepoint(self.mouse):
                self.scroll_detail(-event.y)
            else:
                self.scroll = max(0, self.scroll - event.y)
            return True
        return super().handle_event(event)

    def scroll_detail(self, step: int) -> None:
        """The wheel over the middle panel: its messages first, then the description below them."""
        info = self.current()
        last = len(self.notes(info)) - 1 if info else -1
        if step > 0 and self.detail_scroll < last or step < 0 and self.text_scroll == 0:
            self.detail_scroll = max(0, self.detail_scroll + step)
        elif step < 0 or self.body_more:
            self.text_scroll = max(0, self.text_scroll + 2 * step)

    def on_key(self, event) -> bool:
        """Letters type the filter (then digits too); otherwise digits type the seed; H (before any filter) shows
        how to win. Backspace deletes from the filter, else from the seed; Esc clears the filter first;
        PgUp/PgDn scroll the list."""
        if event.key == pygame.K_h and not self.filter:
            self.how_to_win()
            return True
        if event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.scroll = max(0, self.scroll + (5 if event.key == pygame.K_PAGEDOWN else -5))
            return True
        if event.key == pygame.K_ESCAPE and self.filter:
            self.type_filter("")
            return True
        if event.key == pygame.K_BACKSPACE:
            if self.filter:
                self.type_filter(self.filter[:-1])
            else:
                self.set_seed(self.seed // 10)
            return True
        ch = getattr(event, "unicode", "")
        if not ch or getattr(event, "mod", 0) & pygame.KMOD_CTRL or not ch.isprintable():
            return False
        if ch.isdigit() and not self.filter:
            self.set_seed(self.seed * 10 + int(ch))
            return True
        if ch.isalnum() or ch in "_-. " and self.filter:
            self.type_filter(self.filter + ch)
            return True
        return False
