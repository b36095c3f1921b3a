"""Watching: watched authors and series (mode, last check, what each found; check, pause, edit,
remove), the books missing in series the user owns part of (bulk request), and the ignore list."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.watching import (
    FORMAT_LABELS,
    MODE_LABELS,
    STATE_LABELS,
    CheckResult,
    IgnoredEntry,
    SeriesBook,
    SeriesGaps,
    Watch,
    WatchFormat,
    WatchKind,
    WatchMode,
)
from rmab_desktop.services.watching import WatchService
from rmab_desktop.ui.formatting import date_only, friendly_time, full_time
from rmab_desktop.ui.widgets.empty_state import EmptyState
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout
from rmab_desktop.workers.runner import ErrorInfo, ImmediateRunner, TaskRunner

tr = Translator("WatchingPage")

R = TypeVar("R")  # what a background call returns, handed to its summary

KIND_LABELS = {WatchKind.AUTHOR: tr.mark("Author"), WatchKind.SERIES: tr.mark("Series")}
Runner = TaskRunner | ImmediateRunner


class StatePanel(QStackedWidget):
    """A tab's loading, empty, error and content states in one place."""

    def __init__(self, content: QWidget, empty: EmptyState, loading: str) -> None:
        super().__init__()
        self.loading = QLabel(loading, alignment=Qt.AlignmentFlag.AlignCenter)
        self.loading.setProperty("muted", True)
        self.empty = empty
        self.error = EmptyState("warning", tr("Could not load this"), "")
        self.content = content
        for widget in (self.loading, self.empty, self.error, content):
            self.addWidget(widget)

    def show_loading(self) -> None:
        self.setCurrentWidget(self.loading)

    def show_error(self, info: ErrorInfo) -> None:
        self.error.set_text(
            tr("Could not load this"),
            f"{info.message} {info.hint or tr('Check the connection in Service status, then try again.')}",
        )
        self.setCurrentWidget(self.error)

    def show_content(self, has_rows: bool) -> None:
        self.setCurrentWidget(self.content if has_rows else self.empty)


class EditWatchDialog(QDialog):
    """Mode and format of one watch; "next book only" is offered for series."""

    def __init__(self, watch: Watch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Edit watch: {name}").format(name=watch.name))
        form = QFormLayout(self)
        self.mode_box = QComboBox()
        self.mode_box.setAccessibleName(tr("Mode"))
        for mode in WatchMode:
            if mode != WatchMode.NEXT or watch.kind == WatchKind.SERIES:
                self.mode_box.addItem(text(MODE_LABELS[mode]), mode.value)
        self.mode_box.setCurrentIndex(self.mode_box.findData(watch.mode.value))
        self.format_box = QComboBox()
        self.format_box.setAccessibleName(tr("Format"))
        for fmt in WatchFormat:
            self.format_box.addItem(text(FORMAT_LABELS[fmt]), fmt.value)
        self.format_box.setCurrentIndex(self.format_box.findData(watch.format.value))
        form.addRow(tr("Mode"), self.mode_box)
        form.addRow(tr("Format"), self.format_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @property
    def mode(self) -> WatchMode:
        return WatchMode(self.mode_box.currentData())

    @property
    def format(self) -> WatchFormat:
        return WatchFormat(self.format_box.currentData())


def _found_text(watch: Watch) -> str:
    if watch.last_error:
        return tr("Last check failed: {error}").format(error=watch.last_error)
    if watch.last_found:
        return tr("Requested: {titles}").format(titles=", ".join(watch.last_found))
    if watch.last_checked_at is None:
        return tr("Not checked yet")
    return tr("Nothing new")


def confirm_request(parent: QWidget, count: int) -> bool:
    """The confirmation before a bulk request, with how many books it makes."""
    answer = QMessageBox.question(
        parent,
        tr("Request missing books"),
        tr.n("Request %n missing book(s)? Books not out yet wait for their release day.", count),
    )
    return answer == QMessageBox.StandardButton.Yes


class WatchingPage(QWidget):
    def __init__(
        self,
        watching: WatchService,
        runner: Runner,
        *,
        confirm: Callable[[QWidget, int], bool] = confirm_request,
    ) -> None:
        super().__init__()
        self.watching, self.runner, self.confirm = watching, runner, confirm
        self.ignores = watching.requests.ignores
        self.watches: list[Watch] = []
        self.gaps: list[SeriesGaps] = []
        self.ignored: list[IgnoredEntry] = []
        layout = page_layout(self)
        self.check_all_button = QPushButton(tr("Check all now"))
        self.check_all_button.clicked.connect(self.check_all)
        layout.addWidget(
            PageHeader(
                tr("Watching"),
                tr(
                    "Authors and series you watch: their new books are requested for you once a day. "
                    "Open an author or a series from a book to watch it."
                ),
                self.check_all_button,
            )
        )
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._watches_tab(), tr("Watches"))
        self.tabs.addTab(self._missing_tab(), tr("Missing in your series"))
        self.tabs.addTab(self._ignore_tab(), tr("Ignore list"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self.missing_loaded = False
        self.ignore_table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()
        self.reload()

    # -- building ------------------------------------------------------------------------------
    def _watches_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(tr("Check now"))
        self.pause_button = QPushButton(tr("Pause"))
        self.edit_button = QPushButton(tr("Edit…"))
        self.remove_button = QPushButton(tr("Remove"))
        self.check_button.clicked.connect(self.check_selected)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.check_button, self.pause_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [tr("Name"), tr("Kind"), tr("Mode"), tr("Format"), tr("Last check"), tr("What it found")]
        )
        self.table.setAccessibleName(tr("Watches"))
        self._table_look(self.table, stretch=5)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.watch_panel = StatePanel(
            self.table,
            EmptyState(
                "watch",
                tr("You watch nothing yet"),
                tr(
                    "Open a book, then its author or series, and choose “Watch”. New books are requested for you."
                ),
            ),
            tr("Loading your watches…"),
        )
        column.addWidget(self.watch_panel, 1)
        return tab

    def _missing_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        buttons = QHBoxLayout()
        self.request_series_button = QPushButton(tr("Request missing in this series"))
        self.request_all_button = QPushButton(tr("Request every missing book"))
        self.refresh_missing_button = QPushButton(tr("Look again"))
        self.request_series_button.clicked.connect(self.request_selected_series)
        self.request_all_button.clicked.connect(self.request_all_missing)
        self.refresh_missing_button.clicked.connect(self.load_missing)
        for button in (self.request_series_button, self.request_all_button, self.refresh_missing_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([tr("Series and book"), tr("Number"), tr("Release"), tr("State")])
        self.tree.setAccessibleName(tr("Missing in your series"))
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.missing_panel = StatePanel(
            self.tree,
            EmptyState(
                "library",
                tr("No gaps in your series"),
                tr("Every series you own part of is complete, as far as Audible lists it."),
            ),
            tr("Looking up your series on Audible…"),
        )
        column.addWidget(self.missing_panel, 1)
        return tab

    def _ignore_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        buttons = QHBoxLayout()
        self.unignore_button = QPushButton(tr("Remove from the list"))
        self.unignore_button.clicked.connect(self.unignore_selected)
        buttons.addWidget(self.unignore_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.ignore_table = QTableWidget(0, 3)
        self.ignore_table.setHorizontalHeaderLabels([tr("Title"), tr("ASIN"), tr("Applies to")])
        self.ignore_table.setAccessibleName(tr("Ignore list"))
        self._table_look(self.ignore_table, stretch=0)
        self.ignore_panel = StatePanel(
            self.ignore_table,
            EmptyState(
                "blocklist",
                tr("Your ignore list is empty"),
                tr("Books on it are never requested by watches, shelves or “Request everything missing”."),
            ),
            tr("Loading your ignore list…"),
        )
        column.addWidget(self.ignore_panel, 1)
        return tab

    @staticmethod
    def _table_look(table: QTableWidget, stretch: int) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        user_id = self.watching.requests.users.current().id

        def load() -> tuple[list[Watch], list[IgnoredEntry]]:
            return self.watching.list(user_id), self.ignores.entries(user_id)

        self.watch_panel.show_loading()
        self.ignore_panel.show_loading()
        self.runner.submit(load, pool="library", on_result=self._loaded, on_error=self._load_failed)

    def _load_failed(self, info: ErrorInfo) -> None:
        self.watch_panel.show_error(info)
        self.ignore_panel.show_error(info)

    def _loaded(self, loaded: tuple[list[Watch], list[IgnoredEntry]]) -> None:
        self.watches, self.ignored = loaded
        self.table.setRowCount(len(self.watches))
        for row, watch in enumerate(self.watches):
            name = watch.name + (" " + tr("(paused)") if watch.paused else "")
            checked = friendly_time(watch.last_checked_at) if watch.last_checked_at else tr("never")
            cells = [
                name,
                text(KIND_LABELS[watch.kind]),
                text(MODE_LABELS[watch.mode]),
                text(FORMAT_LABELS[watch.format]),
                checked,
                _found_text(watch),
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 4 and watch.last_checked_at:
                    item.setToolTip(full_time(watch.last_checked_at))
                if column == 5:
                    item.setToolTip(tr.n("%n book(s) requested by this watch so far", watch.requested_count))
                self.table.setItem(row, column, item)
        self.watch_panel.show_content(bool(self.watches))
        self.check_all_button.setEnabled(any(not w.paused for w in self.watches))
        self.ignore_table.setRowCount(len(self.ignored))
        for row, entry in enumerate(self.ignored):
            scope = tr("Every edition") if entry.whole_work else tr("This edition")
            for column, value in enumerate((entry.title, entry.asin, scope)):
                self.ignore_table.setItem(row, column, QTableWidgetItem(value))
        self.ignore_panel.show_content(bool(self.ignored))
        self._selection_changed()

    def _tab_changed(self, index: int) -> None:
        if index == 1 and not self.missing_loaded:
            self.load_missing()

    def load_missing(self) -> None:
        self.missing_loaded = True
        self.missing_panel.show_loading()
        self.runner.submit(
            self.watching.missing_in_series,
            pool="network",
            on_result=self._missing_loaded,
            on_error=self.missing_panel.show_error,
        )

    def _missing_loaded(self, gaps: list[SeriesGaps]) -> None:
        self.gaps = gaps
        self.tree.clear()
        for gap in gaps:
            top = QTreeWidgetItem(
                [
                    tr("{series}: you have {owned}, {missing} missing").format(
                        series=gap.title, owned=gap.owned, missing=len(gap.missing)
                    )
                ]
            )
            for item in gap.missing:
                release = date_only(item.book.release_date) if item.book.release_date else ""
                top.addChild(
                    QTreeWidgetItem(
                        [item.book.title, item.position or "", release, text(STATE_LABELS[item.state])]
                    )
                )
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.request_all_button.setEnabled(bool(gaps))
        self.request_series_button.setEnabled(bool(gaps))
        self.missing_panel.show_content(bool(gaps))

    # -- actions -------------------------------------------------------------------------------
    def selected(self) -> Watch | None:
        rows = self.table.selectionModel().selectedRows()
        return self.watches[rows[0].row()] if rows and rows[0].row() < len(self.watches) else None

    def _selection_changed(self) -> None:
        watch = self.selected()
        for button in (self.check_button, self.pause_button, self.edit_button, self.remove_button):
            button.setEnabled(watch is not None)
        self.pause_button.setText(tr("Resume") if watch is not None and watch.paused else tr("Pause"))
        self.unignore_button.setEnabled(bool(self.ignore_table.selectionModel().selectedRows()))

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def _run(
        self, fn: Callable[..., R], *args: object, busy: str, done: Callable[[R], str] | None = None
    ) -> None:
        self._say(busy)

        def finished(result: R) -> None:
            self._say(done(result) if done is not None else "")
            self.reload()

        self.runner.submit(
            fn,
            *args,
            pool="network",
            on_result=finished,
            on_error=lambda info: self._say(f"{info.message} {info.hint}".strip()),
        )

    def check_selected(self) -> None:
        watch = self.selected()
        if watch is not None:
            self._run(
                self.watching.check,
                watch.id,
                busy=tr("Checking {name}…").format(name=watch.name),
                done=_check_summary,
            )

    def check_all(self) -> None:
        self._run(self.watching.check_all, busy=tr("Checking every watch…"), done=_check_summary)

    def toggle_pause(self) -> None:
        watch = self.selected()
        if watch is not None:
            paused = not watch.paused
            self._run(lambda: self.watching.update(watch.id, paused=paused), busy=tr("Saving…"))

    def edit_selected(self) -> None:
        watch = self.selected()
        if watch is None:
            return
        dialog = EditWatchDialog(watch, self)
        self.edit_dialog = dialog  # reachable from tests
        dialog.accepted.connect(
            lambda: self._run(
                lambda: self.watching.update(watch.id, mode=dialog.mode, format=dialog.format),
                busy=tr("Saving…"),
            )
        )
        dialog.open()

    def remove_selected(self, *, confirm: bool = True) -> None:
        watch = self.selected()
        if watch is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                tr("Stop watching"),
                tr("Stop watching {name}? The requests it made stay.").format(name=watch.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(self.watching.remove, watch.id, busy=tr("Removing…"))

    def unignore_selected(self) -> None:
        rows = self.ignore_table.selectionModel().selectedRows()
        if not rows:
            return
        entry = self.ignored[rows[0].row()]
        user_id = entry.user_id
        self._run(lambda: self.ignores.remove(user_id, str(entry.id)), busy=tr("Saving…"))

    def _request(self, books: list[SeriesBook]) -> None:
        if not books or not self.confirm(self, len(books)):
            return

        def done(result: tuple[int, list[str]]) -> str:
            made, problems = result
            summary = tr.n("%n book(s) requested.", made)
            return " ".join([summary, *problems[:3]])

        def request_and_reload() -> tuple[int, list[str]]:
            return self.watching.request_missing(books)

        self._run(request_and_reload, busy=tr("Requesting…"), done=done)
        self.missing_loaded = False

    def request_selected_series(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        top = item.parent() or item
        index = self.tree.indexOfTopLevelItem(top)
        if 0 <= index < len(self.gaps):
            self._request(list(self.gaps[index].missing))

    def request_all_missing(self) -> None:
        self._request([book for gap in self.gaps for book in gap.missing])


def _check_summary(result: CheckResult | list[CheckResult]) -> str:
    results = result if isinstance(result, list) else [result]
    made = sum(len(r.requested) for r in results)
    errors = [f"{r.name}: {r.error}" for r in results if r.error]
    summary = tr.n("%n new book(s) requested.", made)
    return " ".join([summary, *errors[:2]])
