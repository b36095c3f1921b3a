"""A series' or an author's books in order, each with its state (in library, requested,
downloading, missing, not yet released), "Request missing" for all of them at once (after a
confirmation that says how many) and "Watch" for the series or the author."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.watching import STATE_LABELS, BookState, SeriesBook, WatchKind, one_per_work
from rmab_desktop.services.watching import WatchService
from rmab_desktop.ui.book_actions import BookHandler, BookView
from rmab_desktop.ui.formatting import date_only
from rmab_desktop.ui.pages.watching_page import Runner, StatePanel, confirm_request
from rmab_desktop.ui.widgets.empty_state import EmptyState
from rmab_desktop.workers.runner import ErrorInfo

if TYPE_CHECKING:
    from rmab_desktop.services.library.service import LibraryEntry
    from rmab_desktop.ui.notifier import Notifier

tr = Translator("SeriesPage")


class SeriesPage(QWidget):
    """``kind`` SERIES: the series with ``asin``; AUTHOR: the books credited to that author ASIN."""

    def __init__(
        self,
        watching: WatchService,
        runner: Runner,
        kind: WatchKind,
        asin: str,
        name: str,
        region: str,
        open_book: Callable[[str, str], object],
        *,
        confirm: Callable[[QWidget, int], bool] = confirm_request,
    ) -> None:
        super().__init__()
        self.watching, self.runner, self.kind = watching, runner, kind
        self.asin, self.name, self.region = asin, name, region
        self.open_book, self.confirm = open_book, confirm
        self.books: list[SeriesBook] = []
        layout = QVBoxLayout(self)
        self.heading = QLabel(
            tr("Series: {series}").format(series=name)
            if kind == WatchKind.SERIES
            else tr("Books by {author}").format(author=name)
        )
        self.heading.setObjectName("pageTitle")
        layout.addWidget(self.heading)
        buttons = QHBoxLayout()
        self.request_button = QPushButton(tr("Request missing"))
        self.request_button.clicked.connect(self.request_missing)
        self.watch_button = QPushButton(
            tr("Watch this series") if kind == WatchKind.SERIES else tr("Watch this author")
        )
        self.watch_button.clicked.connect(self.watch)
        buttons.addWidget(self.request_button)
        buttons.addWidget(self.watch_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Number"), tr("Title"), tr("Release"), tr("State")])
        self.table.setAccessibleName(self.heading.text())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.cellActivated.connect(self._activated)
        self.panel = StatePanel(
            self.table,
            EmptyState(
                "library", tr("No books found"), tr("Audible lists no books here in this marketplace.")
            ),
            tr("Loading the books from Audible…"),
        )
        layout.addWidget(self.panel, 1)
        self.load()

    def load(self) -> None:
        self.panel.show_loading()
        self.request_button.setEnabled(False)

        def fetch() -> list[SeriesBook]:
            if self.kind == WatchKind.SERIES:
                return self.watching.series_view(self.asin, self.region)[1]
            return self.watching.author_view(self.asin, self.name, self.region)

        self.runner.submit(fetch, pool="network", on_result=self._loaded, on_error=self.panel.show_error)

    def _loaded(self, books: list[SeriesBook]) -> None:
        self.books = books
        self.table.setRowCount(len(books))
        for row, item in enumerate(books):
            release = date_only(item.book.release_date) if item.book.release_date else ""
            cells = (item.position or "", item.book.title, release, text(STATE_LABELS[item.state]))
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                if column == 0:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, cell)
        missing = len(self.missing())
        self.request_button.setText(tr("Request missing ({count})").format(count=missing))
        self.request_button.setEnabled(missing > 0)
        self.panel.show_content(bool(books))

    def missing(self) -> list[SeriesBook]:
        return one_per_work(b for b in self.books if b.state in (BookState.MISSING, BookState.NOT_RELEASED))

    def _activated(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.books):
            self.open_book(self.books[row].book.asin, self.books[row].book.region)

    def _failed(self, info: ErrorInfo) -> None:
        self.message.setText(f"{info.message} {info.hint}".strip())

    def request_missing(self) -> None:
        books = self.missing()
        if not books or not self.confirm(self, len(books)):
            return
        self.message.setText(tr("Requesting…"))

        def done(result: tuple[int, list[str]]) -> None:
            made, problems = result
            self.message.setText(" ".join([tr.n("%n book(s) requested.", made), *problems[:3]]))
            self.load()

        self.runner.submit(
            self.watching.request_missing, books, pool="network", on_result=done, on_error=self._failed
        )

    def watch(self) -> None:
        self.message.setText(tr("Saving…"))
        self.runner.submit(
            lambda: self.watching.add(self.kind, self.asin, region=self.region, name=self.name),
            pool="network",
            on_result=lambda watch: self.message.setText(
                tr("Watching {name}: new books are requested for you.").format(name=watch.name)
            ),
            on_error=self._failed,
        )


def watch_series_action(
    watching: WatchService, runner: Runner, notifier: Notifier
) -> BookHandler[LibraryEntry]:
    """The library's "Watch this series": the series of the selected book, found through its ASIN."""

    def run(entries: list[LibraryEntry], _view: BookView) -> None:
        asin = entries[0].asin or ""
        runner.submit(
            watching.add_series_of,
            asin,
            pool="network",
            on_result=lambda watch: notifier.notify(
                tr("Watching"),
                tr("Watching {name}: new books are requested for you.").format(name=watch.name),
            ),
            on_error=lambda info: notifier.notify(
                tr("Watching"), f"{info.message} {info.hint}".strip(), "warning"
            ),
        )

    return BookHandler(run, lambda entries: len(entries) == 1 and bool(entries[0].asin and entries[0].series))
