"""The end-of-game debrief: charts over the years, your game vs history, and export.

Tabs: the after-action report (the player's decisions and what each did, turning points,
the game beside every reference series; choose a power), scores, influence per state
(choose a state), corridor flows and trade, your game vs history (shipped scenarios),
export (charts as PNG and the log as CSV into a folder the teacher types). Charts are
drawn once per size and cached.
"""
from __future__ import annotations

import pygame

from game import engine
from game.model import memo
from game.text import scenario_text
from game.rules import objectives
from game.ui import debrief_charts as dc
from game.ui.charts import ChartStyle, font, fit, text
from game.ui.export import GAME_LOG, ExportResult, default_folder, export_all, folder_from_text
from game.ui.i18n import number, tr
from game.ui.theme import break_lines, line_width
from game.ui.scene import Scene

TABS = ("report", "scores", "influence", "flows", "history", "export")
BG = "#1D2330"
PANEL = "#2A3242"
INK = "#F2F2F2"
MUTED = "#AEB6C4"
ACCENT = "#E69F00"
ERROR = "#FF8A80"
LARGE_SCALE = 1.4
TOP_ROW_SHARE = 0.58  # share of the history tab's height for its top row of charts


def _wrap(s: str, size: int, width: int) -> list[str]:
    """Split `s` into lines no wider than `width` pixels."""
    return [line for line in break_lines(s, width, lambda line: line_width(line, size)) if line]


class DebriefScene(Scene):
    """Charts and export after a game (or at any time from the menu)."""

    def __init__(self, session, large: bool = False, reference: dc.Reference | None | str = "load") -> None:
        super().__init__()
        memo.clear()  # the finished game's memo tables help no one now: their memory goes to the charts
        self.session = session
        self.world = session.world
        self.history = list(session.history)
        scenario = session.scenario_id or self.world.scenario_id
        self.reference = dc.load_reference(scenario) if reference == "load" else reference
        self.states = dc.c5_states(self.world)
        self.tab = 0
        self.state_index = 0
        self.players = report_powers(session)  # whose after-action report can be chosen
        self.player_index = 0
        self._reports: dict[str, object] = {}  # power -> its Report (or the sentence why there is none)
        self.large = large
        self.folder_text = str(default_folder(session.scenario_id or self.world.scenario_id))
        self.typing = False  # the folder field has the keyboard (clicked); shortcuts stay keys until then
        self.result: ExportResult | None = None
        self.hits: list[tuple[pygame.Rect, tuple]] = []  # clickable areas of the last frame
        self._cache: dict[tuple, pygame.Surface] = {}
        self._planned: list[str] | None = None  # the files an export writes (export tab, before exporting)
        self._screen_scale = 1.0  # screen height / 720, set by draw

    # --- what is shown ---------------------------------------------------------------
    @property
    def style(self) -> ChartStyle:
        """The chart style: normal or large (projector)."""
        return ChartStyle(scale=self._screen_scale * (LARGE_SCALE if self.large else 1.0))

    def charts_for_tab(self, tab: str) -> list[dc.ChartSpec]:
        """The charts a tab shows."""
        h, w = self.history, self.world
        if tab == "scores":
            return [dc.scores_chart(h, w), dc.final_scores_chart(h, w), dc.tension_chart(h, w)]
        if tab == "influence":
            return [dc.influence_chart(h, w, self.states[self.state_index])] if self.states else []
        if tab == "flows":
            return [dc.flows_chart(h, w), dc.trade_chart(h, w)]
        if tab == "history":
            return dc.history_charts(h, w, self.reference)
        return []

    def all_charts(self) -> list[dc.ChartSpec]:
        """Every chart the export writes."""
        return dc.all_charts(self.history, self.world, self.reference)

    # --- input -------------------------------------------------------------------------
    def set_tab(self, index: int) -> None:
        """Show tab `index` (wraps around)."""
        self.tab = index % len(TABS)
        self.typing = False

    def focus_field(self) -> None:
        """Give the folder field the keyboard: typed text goes into it and shortcut keys stop acting."""
        self.typing = True
        try:
            pygame.key.start_text_input()
        except pygame.error:
            pass  # no video system (headless export); typed text still arrives as events

    def leave(self) -> None:
        """Back to the scene below, or to the main menu when the debrief ends a game."""
        if not self.manager:
            return
        if len(self.manager.stack) > 1:
            self.manager.pop()
        else:
            from game.ui.menu import MainMenuScene
            self.manager.replace(MainMenuScene())

    def export(self) -> ExportResult:
        """Write the charts and the log into the typed folder; keeps the result to show."""
        self.result = export_all(self.all_charts(), self.session.log, folder_from_text(self.folder_text))
        return self.result

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Tabs, state choice, large text, the export folder field and its button."""
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self._click(event.pos)
        if event.type == pygame.TEXTINPUT:
            if self.typing and TABS[self.tab] == "export":
                self.folder_text += event.text
            return True
        if event.type != pygame.KEYDOWN:
            return False
        return self._field_key(event) if self.typing else self._key(event)

    def _field_key(self, event) -> bool:
        """Keyboard while the folder field has it: Backspace, Enter exports, Esc or Tab leave the field; the
        other keys only type (they arrive as text), so no shortcut fires."""
        k = event.key
        if k == pygame.K_BACKSPACE:
            self.folder_text = self.folder_text[:-1]
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.export()
        elif k in (pygame.K_ESCAPE, pygame.K_TAB):
            self.typing = False
        return True

    def _key(self, event) -> bool:
        """Keyboard: tabs, states, the export, large text, back (Esc: to the menu when the game is over)."""
        k = event.key
        if k == pygame.K_ESCAPE:
            self.leave()
            return True
        if k == pygame.K_TAB or k == pygame.K_RIGHT:
            self.set_tab(self.tab + (-1 if event.mod & pygame.KMOD_SHIFT else 1))
        elif k == pygame.K_LEFT:
            self.set_tab(self.tab - 1)
        elif k in (pygame.K_UP, pygame.K_DOWN) and TABS[self.tab] == "influence" and self.states:
            self.state_index = (self.state_index + (1 if k == pygame.K_DOWN else -1)) % len(self.states)
        elif k in (pygame.K_UP, pygame.K_DOWN) and TABS[self.tab] == "report" and len(self.players) > 1:
            self.player_index = (self.player_index + (1 if k == pygame.K_DOWN else -1)) % len(self.players)
        elif TABS[self.tab] == "export" and k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.export()
        elif k == pygame.K_l:
            self.large = not self.large
        elif k == pygame.K_y and self.manager:
            from game.ui.replay import ReplayScene
            self.manager.push(ReplayScene(self.session))
        else:
            return False
        return True

    def _click(self, pos) -> bool:
        """A click on a tab, a state, the large-text toggle or the export button."""
        for rect, (kind, value) in self.hits:
            if rect.collidepoint(pos):
                if kind == "tab":
                    self.set_tab(value)
                elif kind == "state":
                    self.state_index = value
                elif kind == "player":
                    self.player_index = value
                elif kind == "large":
                    self.large = not self.large
                elif kind == "export":
                    self.export()
                elif kind == "field":
                    self.focus_field()
                elif kind == "menu":
                    self.leave()
                return True
        return False

    # --- drawing ------------------------------------------------------------------------
    def still(self) -> tuple:
        """What the debrief shows (nothing in it follows the mouse or the clock), so the scene manager keeps its
        picture (`Scene.still`): the tab and its choices, the export folder and result, large text and whether
        Back or Menu leaves it."""
        leaves_to_menu = not self.manager or len(self.manager.stack) <= 1
        return (self.tab, self.state_index, self.player_index, self.large, self.typing, self.folder_text,
                id(self.result), leaves_to_menu)

    def draw(self, surface: pygame.Surface) -> None:
        """The debrief (the scene manager draws it again only when `still` or the window changed)."""
        self.paint(surface)

    def paint(self, surface: pygame.Surface) -> None:
        """Header, tab bar and the current tab's content."""
        self.hits = []
        surface.fill(pygame.Color(BG))
        W, H = surface.get_size()
        self._screen_scale = H / 720
        k = H / 720 * (1.15 if self.large else 1.0)
        pad = round(16 * k)
        y = self._header(surface, pad, k)
        y = self._tabs(surface, pad, y, k)
        hint_h = round(26 * k)
        body = pygame.Rect(pad, y + pad // 2, W - 2 * pad, H - y - pad - hint_h)
        tab = TABS[self.tab]
        if tab == "export":
            self._export_tab(surface, body, k)
        elif tab == "report":
            self._report_tab(surface, body, k)
        elif tab == "influence":
            self._influence_tab(surface, body, k)
        elif tab == "history":
            self._history_tab(surface, body, k)
        else:
            self._charts(surface, body, self.charts_for_tab(tab))
        text(surface, tr("debrief.hint"), (pad, H - pad // 2), round(18 * k), MUTED, "bottomleft")

    def _header(self, surface, pad: int, k: float) -> int:
        """Title and winner line; returns the y below them."""
        sid = getattr(self.world, "scenario_id", "") or self.session.scenario_id
        title = tr("debrief.title", scenario=scenario_text(sid, "title", getattr(self.world, "title", "") or sid))
        r = text(surface, title, (pad, pad), round(34 * k), INK, bold=True)
        leader = engine.winner(self.world)
        who = dc.name_of(self.world, leader) if leader else tr("debrief.no_winner")
        key = {"playing": "debrief.subtitle_playing", "collapsed": "debrief.subtitle_collapsed"}.get(self.world.status,
                                                                                                "debrief.subtitle")
        points = objectives.total(self.world, leader) if leader else 0.0
        sub = tr(key, n=len(self.history), winner=who, leader=who, points=number(points, "g"))
        text(surface, sub, (r.right + pad, r.bottom - 2), round(22 * k), MUTED, "bottomleft")
        size = round(20 * k)
        label = tr("debrief.back_menu") if not self.manager or len(self.manager.stack) <= 1 else tr("common.back")
        mr = pygame.Rect(0, 0, line_width(label, size) + round(24 * k), round(32 * k))
        mr.topright = (surface.get_width() - pad, pad)
        pygame.draw.rect(surface, pygame.Color(PANEL), mr, border_radius=round(6 * k))
        text(surface, label, mr.center, size, INK, "center", bold=True)
        self.hits.append((mr, ("menu", None)))
        lr = text(surface, f"[L] {tr('debrief.large_text')}" + (" *" if self.large else ""),
                  (mr.left - pad, mr.centery), size, ACCENT if self.large else MUTED, "midright")
        self.hits.append((lr, ("large", None)))
        return r.bottom + pad // 2

    def _tabs(self, surface, pad: int, y: int, k: float) -> int:
        """The tab bar; returns the y below it."""
        x, size = pad, round(22 * k)
        h = round(36 * k)
        for i, tab in enumerate(TABS):
            label = tr(f"debrief.tab.{tab}")
            w = line_width(label, size) + round(28 * k)
            r = pygame.Rect(x, y, w, h)
            on = i == self.tab
            pygame.draw.rect(surface, pygame.Color(PANEL if not on else "#3B4760"), r, border_radius=round(6 * k))
            if on:
                pygame.draw.rect(surface, pygame.Color(ACCENT), (r.left, r.bottom - 4, r.width, 4))
            text(surface, label, r.center, size, INK if on else MUTED, "center", bold=on)
            self.hits.append((r, ("tab", i)))
            x = r.right + round(8 * k)
        return y + h

    def _chart_surface(self, spec: dc.ChartSpec, size: tuple[int, int]) -> pygame.Surface:
        """A chart drawn once per (name, size, style) and kept."""
        key = (spec.name, size, self.style)
        if key not in self._cache:
            s = pygame.Surface(size)
            spec.draw(s, s.get_rect(), self.style)
            self._cache[key] = s
        return self._cache[key]

    @staticmethod
    def _grid(body: pygame.Rect, n: int, gap: int = 12) -> list[pygame.Rect]:
        """Rectangles for `n` panels: side by side when two fit, else a two-column grid."""
        if n <= 0:
            return []
        if n <= 2 and body.width >= 1100:
            w = (body.width - gap * (n - 1)) // n
            return [pygame.Rect(body.left + i * (w + gap), body.top, w, body.height) for i in range(n)]
        cols = 2 if n > 1 else 1
        rows = (n + cols - 1) // cols
        w, h = (body.width - gap * (cols - 1)) // cols, (body.height - gap * (rows - 1)) // rows
        return [pygame.Rect(body.left + (i % cols) * (w + gap), body.top + (i // cols) * (h + gap), w, h)
                for i in range(n)]

    def _charts(self, surface, body: pygame.Rect, specs, extra: int = 0) -> list[pygame.Rect]:
        """Draw charts in a grid with `extra` empty panels after them; returns the extra panels."""
        rects = self._grid(body, len(specs) + extra)
        for spec, r in zip(specs, rects):
            surface.blit(self._chart_surface(spec, r.size), r)
        return rects[len(specs):]

    def report_of(self, power: str):
        """The after-action report of `power` (worked out once), or the sentence saying why there is none."""
        if power not in self._reports:
            from game.errors import HeartlandError
            from game.report import of_session
            try:
                self._reports[power] = of_session(self.session, power, self.reference)
            except HeartlandError as e:
                self._reports[power] = tr("report.unavailable", reason=str(e))
        return self._reports[power]

    def _chooser(self, surface, body: pygame.Rect, k: float, label: str, ids, index: int, kind: str) -> int:
        """A column of powers to choose from (the chosen one marked); returns its width."""
        size = round(22 * k)
        col_w = max(line_width(dc.name_of(self.world, s), size) for s in ids) + round(40 * k) if ids else 0
        text(surface, label, (body.left, body.top), size, MUTED)
        y = body.top + round(32 * k)
        for i, s in enumerate(ids):
            r = pygame.Rect(body.left, y, col_w, round(34 * k))
            on = i == index
            pygame.draw.rect(surface, pygame.Color("#3B4760" if on else PANEL), r, border_radius=round(5 * k))
            pygame.draw.rect(surface, pygame.Color(self.world.powers[s].color), (r.left, r.top, round(6 * k), r.height))
            text(surface, dc.name_of(self.world, s), (r.left + round(14 * k), r.centery), size,
                 INK if on else MUTED, "midleft", bold=on)
            self.hits.append((r, (kind, i)))
            y = r.bottom + round(6 * k)
        return col_w

    def _report_tab(self, surface, body: pygame.Rect, k: float) -> None:
        """The chosen power's after-action report (a chooser first when several powers may be chosen)."""
        from game.ui.debrief_report import draw_report
        if not self.players:
            return
        left = body
        if len(self.players) > 1:
            w = self._chooser(surface, body, k, tr("debrief.choose_power"), self.players, self.player_index, "player")
            left = pygame.Rect(body.left + w + round(16 * k), body.top, body.width - w - round(16 * k), body.height)
        rep = self.report_of(self.players[self.player_index])
        if isinstance(rep, str):
            for i, line in enumerate(_wrap(rep, round(22 * k), left.width)):
                text(surface, line, (left.left, left.top + i * round(28 * k)), round(22 * k), ERROR)
            return
        draw_report(surface, left, k, self.world, rep)

    def _influence_tab(self, surface, body: pygame.Rect, k: float) -> None:
        """A list of states to choose from and the chosen state's stacked shares."""
        col_w = self._chooser(surface, body, k, tr("debrief.choose_state"), self.states, self.state_index, "state")
        chart = pygame.Rect(body.left + col_w + 12, body.top, body.width - col_w - 12, body.height)
        self._charts(surface, chart, self.charts_for_tab("influence"))

    def _history_tab(self, surface, body: pygame.Rect, k: float) -> None:
        """The comparison charts and what really happened, or a sentence when there is no reference."""
        if self.reference is None:
            text(surface, tr("debrief.no_history"), body.center, round(26 * k), MUTED, "center")
            return
        specs = self.charts_for_tab("history")
        rects = self._grid(body, len(specs) + 1)
        if len(rects) == 4:  # the line charts carry long legends: give the top row more height
            gap = rects[2].top - rects[0].bottom
            top_h = round((body.height - gap) * TOP_ROW_SHARE)
            for r in rects[:2]:
                r.height = top_h
            for r in rects[2:]:
                r.top, r.height = body.top + top_h + gap, body.height - top_h - gap
        for spec, r in zip(specs, rects):
            surface.blit(self._chart_surface(spec, r.size), r)
        if len(rects) > len(specs):
            self._notes(surface, rects[len(specs)], k)

    def _notes(self, surface, rect: pygame.Rect, k: float) -> None:
        """A panel with the scenario's "what really happened" notes."""
        pygame.draw.rect(surface, pygame.Color(PANEL), rect, border_radius=6)
        inner = rect.inflate(-round(32 * k), -round(28 * k))
        y = text(surface, self.reference.text("title") or tr("debrief.history_notes"), inner.topleft, round(26 * k),
                 INK, bold=True).bottom + round(10 * k)
        size = round(21 * k)
        for line in _wrap(self.reference.text("notes"), size, inner.width):
            if y + font(size).get_linesize() > inner.bottom:
                break
            y = text(surface, line, (inner.left, y), size, MUTED).bottom + 3

    def _export_tab(self, surface, body: pygame.Rect, k: float) -> None:
        """The folder field, the export button and the result."""
        size = round(22 * k)
        y = text(surface, tr("debrief.export.folder"), body.topleft, size, INK).bottom + round(10 * k)
        bw = line_width(tr("debrief.export.button"), size) + round(40 * k)
        field = pygame.Rect(body.left, y, body.width - bw - 12, round(44 * k))
        pygame.draw.rect(surface, pygame.Color("#0F131B"), field, border_radius=4)
        pygame.draw.rect(surface, pygame.Color(ACCENT if self.typing else MUTED), field, 2, border_radius=4)
        self.hits.append((field, ("field", None)))
        caret = "|" if self.typing else ""
        shown = self.folder_text
        room = field.width - round(24 * k)
        while shown and font(size).size(shown + caret)[0] > room:
            shown = shown[1:]  # keep the end of a long path visible
        text(surface, shown + caret, (field.left + round(12 * k), field.centery), size, INK, "midleft")
        button = pygame.Rect(field.right + 12, y, bw, field.height)
        pygame.draw.rect(surface, pygame.Color(ACCENT), button, border_radius=6)
        text(surface, tr("debrief.export.button"), button.center, size, "#1D1D1D", "center", bold=True)
        self.hits.append((button, ("export", None)))
        y = field.bottom + round(12 * k)
        y = text(surface, tr("debrief.export.help"), (body.left, y), round(19 * k), MUTED).bottom + round(18 * k)
        self._export_result(surface, body, y, k)

    def planned_files(self) -> list[str]:
        """The names of the files an export will write: one PNG per chart, then the log as CSV (worked out once)."""
        if self._planned is None:
            self._planned = [f"{spec.name}.png  -  {spec.title}" for spec in self.all_charts()] + [
                f"{GAME_LOG}  -  {tr('debrief.export.log')}"]
        return self._planned

    def _export_result(self, surface, body: pygame.Rect, y: int, k: float) -> None:
        """Before an export, the files it will write; after, the written paths or the sentence saying what went wrong."""
        r = self.result
        size = round(19 * k)
        if r is None:
            names = self.planned_files()
            y = text(surface, tr("debrief.export.will_write", count=len(names)), (body.left, y), round(22 * k),
                     INK).bottom + round(6 * k)
            self._file_columns(surface, body, y, names, size)
            return
        if not r.ok:
            for line in _wrap(r.error, round(22 * k), body.width):
                y = text(surface, line, (body.left, y), round(22 * k), ERROR).bottom + 2
            return
        y = text(surface, tr("debrief.export.done", count=len(r.paths), folder=str(r.folder)), (body.left, y),
                 round(22 * k), INK).bottom + round(6 * k)
        self._file_columns(surface, body, y, [p.name for p in r.paths], size)

    def _file_columns(self, surface, body: pygame.Rect, y: int, names: list[str], size: int) -> None:
        """File names in as many columns as the room below y needs, each cut with "..." to its column."""
        line_h = font(size).get_linesize()
        per_col = max(1, (body.bottom - y) // line_h)
        cols = (len(names) + per_col - 1) // per_col
        col_w = body.width // max(1, cols)
        for i, name in enumerate(names):
            x = body.left + (i // per_col) * col_w
            text(surface, fit(str(name), size, col_w - 10), (x + 10, y + (i % per_col) * line_h), size, MUTED)


def report_powers(session) -> list[str]:
    """Whose report the debrief offers: the human seats, else (a game of computer players) every power."""
    humans = [p for p in session.world.order if p in session.seats and session.seats[p].human]
    return humans or list(session.world.order)
