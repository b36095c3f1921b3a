"""The Library page: every book of the active backend, searchable with ``field:value`` terms.

Rows load on the "library" pool; the search box is debounced and filters precomputed keys;
covers load off-thread. The actions on the selected books come from ``LIBRARY_BOOK_ACTIONS``
(``ui/book_actions.py``): the action bar and the context menu show them in order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPalette, QPixmap
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

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.library import LIBRARY_NAMES
from rmab_desktop.services.library.query import SearchIndex, parse_query
from rmab_desktop.services.library.service import (
    LibraryEntry,
    LibraryService,
    LibrarySummary,
    summarize,
)
from rmab_desktop.ui import icons
from rmab_desktop.ui.book_actions import BookAction
from rmab_desktop.ui.formatting import duration, number, size
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

if TYPE_CHECKING:
    from rmab_desktop.ui.notifier import Notifier
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("LibraryPage")

SEARCH_DEBOUNCE_MS = 150
ROW_HEIGHT = 36


def _load_rows(service: LibraryService) -> tuple[list[LibraryEntry], LibrarySummary]:
    """Worker side of a load: rows sorted by title, and the totals."""
    entries = service.entries()
    entries.sort(key=COLUMNS[TITLE][2])
    return entries, summarize(service.backend_config().kind.value, entries)


def _search_keys(entries: list[LibraryEntry]) -> SearchIndex:
    return SearchIndex(entry.search_record() for entry in entries)


def search_help() -> str:
    return tr(
        "Search titles, authors, narrators and series. Fields: author: narrator: series: title: year: "
        "format: asin: path: missing:cover|asin|series|narrator|year|match has:…  Quote values with "
        'spaces (series:"dark tower"), put - before a term to exclude it, years as 1990..1999 or >2010.'
    )


def summary_text(summary: LibrarySummary) -> str:
    """'300 books · 120 authors · 8 d 3 h of listening · 41.2 GB · folder library'."""
    listening = duration(summary.duration_seconds)
    parts = [
        tr.n("%n book(s)", summary.books),
        tr.n("%n author(s)", summary.authors),
        tr("{duration} of listening").format(duration=listening) if listening else "",
        size(summary.size_bytes),
        text(LIBRARY_NAMES.get(summary.backend, summary.backend)),  # "Library folder", "Plex"...
    ]
    return tr(" · ", "between facts").join(part for part in parts if part)


def synced_text(backend: str, books: int) -> str:
    """'12 books in your library folder.' / '12 books in your Plex library.' (a folder is no server)."""
    if backend == "folder":
        return tr.n("%n book(s) in your library folder.", books)
    server = text(LIBRARY_NAMES.get(backend, backend))  # "Plex", "Audiobookshelf"
    return tr.n("%n book(s) in your {server} library.", books).format(server=server)


def _phase(value: object) -> str:
    """A library scan's progress (see services/library/scanner.py) in words."""
    phase = str(getattr(value, "phase", value))
    words = {
        "walking": tr("Looking for books…"),
        "reading": tr("Reading tags…"),
        "saving": tr("Saving…"),
        "done": tr("Done"),
    }
    return words.get(phase, tr("Refreshing…"))


class LibraryPage(QWidget):
    loaded = Signal(int)  # number of books, after each (re)load
    filtered = Signal(int)  # number of visible books, after each search
    changedOnDisk = Signal()  # emitted from the watcher's thread; queued to the GUI thread

    def __init__(
        self,
        service: LibraryService,
        runner: Runner,
        notifier: Notifier,
        book_actions: Sequence[BookAction[LibraryEntry]] = (),
        open_import: Callable[[LibraryPage], None] | None = None,
        open_add_url: Callable[[LibraryPage], None] | None = None,
    ) -> None:
        """``open_import`` opens the import dialog over this page, ``open_add_url`` the Add from
        URL dialog (no button without them)."""
        super().__init__()
        self.service, self.runner, self.notifier = service, runner, notifier
        self.book_actions = list(book_actions)
        self._open_import = open_import
        self._open_add_url = open_add_url
        self.covers = CoverCache(runner, size=ROW_HEIGHT - 6, fetch=service.cover_bytes)
        self.covers.placeholder = self._placeholder(self.covers.size)
        self.model = LibraryModel(self.covers.get)
        self.covers.changed.connect(self.model.cover_changed)
        self.proxy = LibraryFilterProxy(self.model)
        self._total = 0
        self._busy = False
        self._build()
        self.changedOnDisk.connect(self.reload)
        unsubscribe = service.subscribe(self.changedOnDisk.emit)
        self.destroyed.connect(lambda *_: unsubscribe())
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
            placeholderText=tr('Search: king   author:"le guin"   year:1990..1999   missing:cover')
        )
        self.search.setAccessibleName(tr("Search the library"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(search_help())
        self.search.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._debounce.start)
        self.count_label = QLabel()
        self.count_label.setObjectName("libraryCount")
        self.count_label.setAccessibleName(tr("Books shown"))
        self.refresh_button = QPushButton(icons.icon("retry"), tr("Refresh library"))
        self.refresh_button.setToolTip(
            tr("Read the library again from its backend (folder scan, Plex or Audiobookshelf)")
        )
        self.refresh_button.clicked.connect(self.sync)
        self.import_button = QPushButton(icons.icon("import"), tr("Import existing library…"))
        self.import_button.clicked.connect(self._import)
        self.add_url_button = QPushButton(icons.icon("import"), tr("Add from URL…"))
        self.add_url_button.setToolTip(tr("Import the audio of a link (video, podcast, LibriVox) as a book"))
        self.add_url_button.clicked.connect(lambda: self._open_add_url and self._open_add_url(self))

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        self.query_error = QLabel()
        self.query_error.setObjectName("queryError")
        self.query_error.setVisible(False)
        self.query_error.setStyleSheet("color: palette(link);")

        self.table = QTableView()
        self.table.setAccessibleName(tr("Books"))
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)  # into a list (Lists page)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setIconSize(QSize(self.covers.size, self.covers.size))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _index: self._run_default())
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
            FORMAT: 110,
            SIZE: 90,
        }
        for column in range(len(COLUMNS)):
            header.resizeSection(column, widths[column])
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.actions_bar = self._build_actions()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("librarySummary")
        self.summary_label.setAccessibleName(tr("Library totals"))
        self.empty = EmptyState(
            "library",
            tr("Your library is empty"),
            tr(
                "Choose your library folder or server in Settings, then refresh. Books you request arrive here."
            ),
            tr("Refresh library"),
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
                tr("Library"),
                tr("The books you already have, as your library folder or server knows them."),
                self.refresh_button,
                self.import_button,
                self.add_url_button,
            )
        )
        # only once it has a parent: shown before, the button would open as a window of its own
        self.import_button.setVisible(self._open_import is not None)
        self.add_url_button.setVisible(self._open_add_url is not None)
        layout.addLayout(top)
        layout.addWidget(self.query_error)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.summary_label)
        self._update_actions()

    def _build_actions(self) -> QHBoxLayout:
        self.action_by_key: dict[str, QAction] = {}
        bar = QHBoxLayout()
        self.action_buttons: list[QToolButton] = []
        for book_action in self.book_actions:
            action = book_action.qaction(self)
            action.triggered.connect(lambda _checked=False, a=book_action: self.run_action(a))
            self.action_by_key[book_action.spec.key] = action
            self.addAction(action)
            button = QToolButton(toolButtonStyle=Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setDefaultAction(action)
            bar.addWidget(button)
            self.action_buttons.append(button)
        bar.addStretch(1)
        return bar

    # ----------------------------------------------------------------- loading
    def reload(self) -> None:
        self.count_label.setText(tr("Loading…"))
        self.runner.submit(
            _load_rows, self.service, pool="library", on_result=self._loaded, on_error=self._failed
        )

    def _loaded(self, result: tuple[list[LibraryEntry], LibrarySummary]) -> None:
        entries, summary = result
        self.covers.clear()
        self.model.set_entries(entries)  # sorted by title already; search keys follow
        self.runner.submit(
            _search_keys,
            entries,
            pool="library",
            on_result=lambda index: self._keys_ready(entries, index),
        )
        header = self.table.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (
            TITLE,
            Qt.SortOrder.AscendingOrder,
        ):
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._total = len(entries)
        self.stack.setCurrentIndex(0 if entries else 1)
        self.summary_label.setText(summary_text(summary))
        self.apply_search()
        self.loaded.emit(self._total)

    def _keys_ready(self, entries: list[LibraryEntry], index: SearchIndex) -> None:
        self.model.set_index(entries, index)
        if self.search.text().strip():
            self.apply_search()  # the user typed while the keys were being built

    def _failed(self, info: Any) -> None:
        self.count_label.setText("")
        self.notifier.notify(tr("Library"), f"{info.message} {info.hint}".strip(), "error")

    def sync(self) -> None:
        if self._busy:
            return
        self._set_busy(True, tr("Refreshing…"))
        self.runner.submit(
            self.service.sync,
            pool="library",
            with_progress=True,
            on_progress=lambda value: self.count_label.setText(_phase(value)),
            on_result=self._synced,
            on_error=self._sync_failed,
        )

    def _sync_failed(self, info: ErrorInfo) -> None:
        self._set_busy(False)
        self._failed(info)

    def _synced(self, result: Any) -> None:
        self._set_busy(False)
        self.notifier.notify(
            tr("Library refreshed"),
            synced_text(result.backend, result.books),
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
            self.count_label.setText(tr("Preparing search…"))
            return
        if query.is_empty:
            self.count_label.setText(tr.n("%n book(s)", self._total))
        else:
            self.count_label.setText(tr.n("{shown} of %n book(s)", self._total).format(shown=number(visible)))
        self.filtered.emit(visible)

    # ----------------------------------------------------------------- actions
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_entries(self) -> list[LibraryEntry]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ObjectRole) for index in rows]

    def _update_actions(self) -> None:
        selected = self.selected_entries()
        for book_action in self.book_actions:
            self.action_by_key[book_action.spec.key].setEnabled(book_action.enabled(selected))

    def _context_menu(self, point: QPoint) -> None:
        if not self.table.indexAt(point).isValid():
            return
        menu = QMenu(self)
        for action in self.action_by_key.values():
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(point))

    def run_action(self, book_action: BookAction[LibraryEntry]) -> None:
        selected = self.selected_entries()
        if book_action.enabled(selected):
            book_action.handler.run(selected, self)

    def trigger(self, key: str) -> None:
        """Run the registered action ``key`` on the selection (as its button does)."""
        self.run_action(next(a for a in self.book_actions if a.spec.key == key))

    def _run_default(self) -> None:
        for book_action in self.book_actions:
            if book_action.spec.default:
                self.run_action(book_action)
                return

    def refresh_book(self, entry: LibraryEntry) -> None:
        """An action changed this book: show its new row."""
        self.model.replace_entry(entry)

    def _import(self) -> None:
        if self._open_import is not None:
            self._open_import(self)

    def select_row(self, proxy_row: int) -> None:
        self.table.selectRow(proxy_row)

    def visible_count(self) -> int:
        return self.proxy.rowCount(QModelIndex())
