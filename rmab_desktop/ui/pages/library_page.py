"""The Library page: every book of the active backend, searchable with ``field:value`` terms.

Rows load on the "library" pool; the search box is debounced and filters precomputed keys;
covers load off-thread. Book actions: open the folder, play, rescan, re-tag.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.services.library.importing import LibraryImport
from rmab_desktop.services.library.query import SearchRecord, parse_query
from rmab_desktop.services.library.service import (
    LibraryEntry,
    LibraryService,
    LibrarySummary,
    first_audio_file,
    summarize,
)
from rmab_desktop.ui import desktop, icons
from rmab_desktop.ui.context import UiContext
from rmab_desktop.ui.models.library_covers import CoverCache
from rmab_desktop.ui.models.library_model import (
    AUTHOR,
    COLUMNS,
    FORMAT,
    LENGTH,
    NARRATOR,
    SERIES,
    SIZE,
    TITLE,
    YEAR,
    LibraryFilterProxy,
    LibraryModel,
)
from rmab_desktop.ui.models.roles import ObjectRole
from rmab_desktop.ui.widgets.empty_state import EmptyState
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout

SEARCH_DEBOUNCE_MS = 150
ROW_HEIGHT = 36
SEARCH_HELP = (
    "Search titles, authors, narrators and series. Fields: author: narrator: series: title: year: "
    "format: asin: path: missing:cover|asin|series|narrator|year|match has:…  Quote values with "
    'spaces (series:"dark tower"), put - before a term to exclude it, years as 1990..1999 or >2010.'
)


def _load_rows(service: LibraryService) -> tuple[list[LibraryEntry], LibrarySummary]:
    """Worker side of a load: rows sorted by title, and the totals."""
    entries = service.entries()
    entries.sort(key=COLUMNS[TITLE][2])
    return entries, summarize(service.backend_config().kind.value, entries)


def _search_keys(entries: list[LibraryEntry]) -> list[SearchRecord]:
    return [entry.search_record() for entry in entries]


def _hours(seconds: float) -> str:
    hours = seconds / 3600
    return f"{hours / 24:,.1f} days" if hours >= 48 else f"{hours:,.1f} hours"


class LibraryPage(QWidget):
    loaded = Signal(int)  # number of books, after each (re)load
    filtered = Signal(int)  # number of visible books, after each search

    def __init__(
        self, ctx: UiContext, service: LibraryService, open_import: Callable[[], None] | None = None
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.service = service
        self._open_import = open_import
        self.covers = CoverCache(ctx.runner, size=ROW_HEIGHT - 6, fetch=service.cover_bytes)
        self.covers.placeholder = self._placeholder(self.covers.size)
        self.model = LibraryModel(self.covers.get)
        self.covers.changed.connect(self.model.cover_changed)
        self.proxy = LibraryFilterProxy(self.model)
        self._total = 0
        self._busy = False
        self._build()
        self.reload()

    def _placeholder(self, size: int) -> QPixmap:
        color = self.palette().color(QPalette.ColorRole.Mid)
        return icons.icon("library", color).pixmap(size, size)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "table"):  # theme switch: retint
            self.covers.placeholder = self._placeholder(self.covers.size)
            self.table.viewport().update()
        super().changeEvent(event)

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        self.search = QLineEdit(
            placeholderText='Search: king   author:"le guin"   year:1990..1999   missing:cover'
        )
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(SEARCH_HELP)
        self.search.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._debounce.start)
        self.count_label = QLabel(objectName="libraryCount")
        self.refresh_button = QPushButton(icons.icon("retry"), "Refresh library")
        self.refresh_button.setToolTip(
            "Read the library again from its backend (folder scan, Plex or Audiobookshelf)"
        )
        self.refresh_button.clicked.connect(self.sync)
        self.import_button = QPushButton(icons.icon("import"), "Import existing library…")
        self.import_button.clicked.connect(self._import)
        self.import_button.setVisible(self._open_import is not None)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        self.query_error = QLabel(objectName="queryError", visible=False)
        self.query_error.setStyleSheet("color: palette(link);")

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setIconSize(QSize(self.covers.size, self.covers.size))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _index: self.open_folder())
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        widths = {
            TITLE: 340,
            AUTHOR: 160,
            NARRATOR: 140,
            SERIES: 160,
            YEAR: 60,
            LENGTH: 100,
            FORMAT: 70,
            SIZE: 90,
        }
        for column in range(len(COLUMNS)):
            header.resizeSection(column, widths[column])
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.actions_bar = self._build_actions()
        self.summary_label = QLabel(objectName="librarySummary")
        self.empty = EmptyState(
            "library",
            "Your library is empty",
            "Choose your library folder or server in Settings, then refresh. Books you request arrive here.",
            "Refresh library",
            self.sync,
        )
        self.stack = QStackedWidget()
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addLayout(self.actions_bar)
        self.stack.addWidget(table_page)
        self.stack.addWidget(self.empty)

        layout = page_layout(self)
        layout.addWidget(
            PageHeader(
                "Library",
                "The books you already have, as your library folder or server knows them.",
                self.refresh_button,
                self.import_button,
            )
        )
        layout.addLayout(top)
        layout.addWidget(self.query_error)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.summary_label)
        self._update_actions()

    def _build_actions(self) -> QHBoxLayout:
        self.open_action = QAction(icons.icon("folder"), "Open folder", self, shortcut=QKeySequence("Ctrl+O"))
        self.play_action = QAction(icons.icon("play"), "Play", self, shortcut=QKeySequence("Ctrl+P"))
        self.rescan_action = QAction(icons.icon("retry"), "Rescan", self)
        self.retag_action = QAction(icons.icon("export"), "Re-tag", self)
        self.retag_action.setToolTip(
            "Write title, author, narrator, series and cover tags into the files again"
        )
        self.open_action.triggered.connect(self.open_folder)
        self.play_action.triggered.connect(self.play)
        self.rescan_action.triggered.connect(self.rescan)
        self.retag_action.triggered.connect(self.retag)
        bar = QHBoxLayout()
        self.action_buttons: list[QToolButton] = []
        for action in (self.open_action, self.play_action, self.rescan_action, self.retag_action):
            self.addAction(action)
            button = QToolButton(toolButtonStyle=Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setDefaultAction(action)
            bar.addWidget(button)
            self.action_buttons.append(button)
        bar.addStretch(1)
        return bar

    # ----------------------------------------------------------------- loading
    def reload(self) -> None:
        self.count_label.setText("Loading…")
        self.ctx.runner.submit(
            _load_rows, self.service, pool="library", on_result=self._loaded, on_error=self._failed
        )

    def _loaded(self, result: tuple[list[LibraryEntry], LibrarySummary]) -> None:
        entries, summary = result
        self.covers.clear()
        self.model.set_entries(entries)  # sorted by title already; search keys follow
        self.ctx.runner.submit(
            _search_keys,
            entries,
            pool="library",
            on_result=lambda records: self._keys_ready(entries, records),
        )
        header = self.table.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (
            TITLE,
            Qt.SortOrder.AscendingOrder,
        ):
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._total = len(entries)
        self.stack.setCurrentIndex(0 if entries else 1)
        self.summary_label.setText(
            f"{summary.books:,} books · {summary.authors:,} authors · {_hours(summary.duration_seconds)} of listening"
            f" · {summary.size_bytes / 1024**3:,.1f} GB · {summary.backend} library"
        )
        self.apply_search()
        self.loaded.emit(self._total)

    def _keys_ready(self, entries: list[LibraryEntry], records: list[SearchRecord]) -> None:
        self.model.set_records(entries, records)
        if self.search.text().strip():
            self.apply_search()  # the user typed while the keys were being built

    def _failed(self, info: Any) -> None:
        self.count_label.setText("")
        self.ctx.notifier.notify("Library", f"{info.message} {info.hint}".strip(), "error")

    def sync(self) -> None:
        if self._busy:
            return
        self._set_busy(True, "Refreshing…")
        self.ctx.runner.submit(
            self.service.sync,
            pool="library",
            with_progress=True,
            on_progress=lambda value: self.count_label.setText(
                str(getattr(value, "phase", value)).capitalize() + "…"
            ),
            on_result=self._synced,
            on_error=lambda info: (self._set_busy(False), self._failed(info)),
        )

    def _synced(self, result: Any) -> None:
        self._set_busy(False)
        self.ctx.notifier.notify(
            "Library refreshed", f"{result.books:,} books in your {result.backend} library."
        )
        self.reload()

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.refresh_button.setEnabled(not busy)
        if text:
            self.count_label.setText(text)

    # ----------------------------------------------------------------- search
    def apply_search(self) -> None:
        query = parse_query(self.search.text())
        visible = self.proxy.set_query(query)
        self.query_error.setVisible(bool(query.errors))
        self.query_error.setText("; ".join(query.errors))
        if not query.is_empty and not self.model.searchable:
            self.count_label.setText("Preparing search…")
            return
        self.count_label.setText(
            f"{visible:,} of {self._total:,} books" if not query.is_empty else f"{self._total:,} books"
        )
        self.filtered.emit(visible)

    # ----------------------------------------------------------------- actions
    def selected_entries(self) -> list[LibraryEntry]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ObjectRole) for index in rows]

    def _current(self) -> LibraryEntry | None:
        selected = self.selected_entries()
        return selected[0] if len(selected) == 1 else None

    def _update_actions(self) -> None:
        selected = self.selected_entries()
        one = len(selected) == 1 and bool(selected[0].path)
        self.open_action.setEnabled(one)
        self.play_action.setEnabled(one)
        self.rescan_action.setEnabled(bool(selected))
        self.retag_action.setEnabled(one and self.service.retagger is not None)
        if self.service.retagger is None:
            self.retag_action.setToolTip("Re-tagging is not available in this build")

    def _context_menu(self, point: QPoint) -> None:
        if not self.table.indexAt(point).isValid():
            return
        menu = QMenu(self)
        for action in (self.open_action, self.play_action, self.rescan_action, self.retag_action):
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(point))

    def open_folder(self) -> None:
        entry = self._current()
        if entry and entry.path and not desktop.reveal_in_file_manager(entry.path):
            self.ctx.notifier.notify("Open folder", f"Could not open {entry.path}.", "warning")

    def play(self) -> None:
        entry = self._current()
        if not entry or not entry.path:
            return
        self.ctx.runner.submit(
            first_audio_file,
            entry.path,
            pool="library",
            on_result=lambda file, e=entry: self._play_file(e, file),
        )

    def _play_file(self, entry: LibraryEntry, file: str | None) -> None:
        if not file or not desktop.open_with_system_player(file):
            self.ctx.notifier.notify("Play", f"No audio file of '{entry.title}' could be opened.", "warning")

    def rescan(self) -> None:
        entries = self.selected_entries()
        for entry in entries:
            self.ctx.runner.submit(
                self.service.rescan,
                entry.id,
                pool="library",
                on_result=lambda _r, e=entry: self._refresh_entry(e.id),
                on_error=self._failed,
            )

    def retag(self) -> None:
        entry = self._current()
        if entry is None:
            return
        self.ctx.runner.submit(
            self.service.retag,
            entry.id,
            pool="library",
            on_result=lambda _r, e=entry: self.ctx.notifier.notify(
                "Re-tagged", f"Tags of '{e.title}' were written."
            ),
            on_error=self._failed,
        )

    def _refresh_entry(self, entry_id: int) -> None:
        self.ctx.runner.submit(
            self.service.entry, entry_id, pool="library", on_result=self.model.replace_entry
        )

    def _import(self) -> None:
        if self._open_import is not None:
            self._open_import()

    def select_row(self, proxy_row: int) -> None:
        self.table.selectRow(proxy_row)

    def visible_count(self) -> int:
        return self.proxy.rowCount(QModelIndex())


def library_page(ctx: UiContext) -> LibraryPage:
    """The page as the main window builds it: ``core.library`` plus the import dialog."""
    service = ctx.core.library
    assert service is not None  # built by open_core

    def open_import() -> None:
        from rmab_desktop.ui.dialogs.import_library_dialog import ImportLibraryDialog

        library = ctx.core.prefs.library
        dialog = ImportLibraryDialog(ctx, LibraryImport(service.database, service.scanner, ctx.core.requests, _catalog_lookup(ctx)), library.root,
                                     library.path_template, parent=page)  # fmt: skip
        dialog.finished.connect(lambda _code: page.reload())
        dialog.open()

    page = LibraryPage(ctx, service, open_import)
    return page


def _catalog_lookup(ctx: UiContext) -> Callable[[str], BookInfo | None] | None:
    catalog = ctx.core.catalog
    if catalog is None:
        return None
    return lambda asin: catalog.book(asin).to_book_info()
