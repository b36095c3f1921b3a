"""Upcoming releases: requested books not yet out, on a month calendar (days with releases in bold,
the chosen day's books beside it) or as an agenda grouped by release day. Loaded off the GUI
thread; loading, empty and error states say what is happening and what to do."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import groupby

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.requests import STATUS_LABELS
from rmab_desktop.services.upcoming import UpcomingBook
from rmab_desktop.ui.formatting import date_only
from rmab_desktop.ui.widgets.empty_state import EmptyState
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout
from rmab_desktop.workers.runner import ErrorInfo, ImmediateRunner, TaskRunner

tr = Translator("UpcomingPage")
Loader = Callable[[], list[UpcomingBook]]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _line(book: UpcomingBook) -> str:
    by = ", ".join(book.authors)
    title = tr("{title} (ebook)").format(title=book.title) if book.kind.value == "ebook" else book.title
    return tr("{title} by {authors}").format(title=title, authors=by) if by else title


def _series(book: UpcomingBook) -> str:
    if not book.series:
        return ""
    if book.series_position:
        return tr("{series}, book {position}").format(series=book.series, position=book.series_position)
    return book.series


def _origin(book: UpcomingBook) -> str:
    """Its request status, and the watch that requested it."""
    status = text(STATUS_LABELS[book.status])
    return tr("{status} (watching {name})").format(status=status, name=book.watch) if book.watch else status


class UpcomingPage(QWidget):
    def __init__(self, load: Loader, runner: TaskRunner | ImmediateRunner) -> None:
        super().__init__()
        self.load, self.runner = load, runner
        self.books: list[UpcomingBook] = []
        layout = page_layout(self)
        self.month_button = QPushButton(tr("&Month"))
        self.agenda_button = QPushButton(tr("&Agenda"))
        self.refresh_button = QPushButton(tr("&Refresh"))
        self.views = QButtonGroup(self)
        for index, button in enumerate((self.month_button, self.agenda_button)):
            button.setCheckable(True)
            self.views.addButton(button, index)
        self.month_button.setChecked(True)
        layout.addWidget(
            PageHeader(
                tr("Upcoming releases"),
                tr("Requested books that are not out yet, by release day (your calendar's dates). "
                   "Each is searched for on its release day."),
                self.month_button,
                self.agenda_button,
                self.refresh_button,
            )
        )  # fmt: skip
        self.stack = QStackedWidget()
        self.loading = QLabel(tr("Loading upcoming releases…"), alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty = EmptyState(
            "clock",
            tr("Nothing upcoming"),
            tr("Request a book before its release day (a pre-order on Audible) and it appears here."),
        )
        self.error = EmptyState(
            "error", tr("Upcoming releases could not be loaded"), "", tr("&Try again"), self.reload
        )
        self.content = QStackedWidget()
        self.content.addWidget(self._month_view())
        self.agenda = QTreeWidget()
        self.agenda.setAccessibleName(tr("Upcoming releases by day"))
        self.agenda.setHeaderLabels([tr("Release day and book"), tr("Series"), tr("Request")])
        self.agenda.setColumnWidth(0, 420)
        self.agenda.setColumnWidth(1, 220)
        self.content.addWidget(self.agenda)
        for widget in (self.loading, self.empty, self.error, self.content):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)
        self.views.idClicked.connect(self.content.setCurrentIndex)
        self.refresh_button.clicked.connect(self.reload)
        self.reload()

    def _month_view(self) -> QWidget:
        view = QWidget()
        row = QHBoxLayout(view)
        row.setContentsMargins(0, 0, 0, 0)
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName(tr("Release calendar"))
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.selectionChanged.connect(self._show_day)
        self.day_title = QLabel()
        self.day_title.setObjectName("emptyTitle")
        self.day_list = QListWidget()
        self.day_list.setAccessibleName(tr("Books released on the chosen day"))
        self.day_list.setWordWrap(True)
        self.day_list.setSpacing(6)  # each book's two lines stand apart from the next book
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.day_title)
        column.addWidget(self.day_list, 1)
        row.addWidget(self.calendar, 3)
        row.addWidget(side, 2)
        return view

    # -- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        self.stack.setCurrentWidget(self.loading)
        self.refresh_button.setEnabled(False)
        self.runner.submit(self.load, pool="library", on_result=self._loaded, on_error=self._failed)

    def _failed(self, info: ErrorInfo) -> None:
        self.refresh_button.setEnabled(True)
        self.error.set_text(
            tr("Upcoming releases could not be loaded"),
            f"{info.message} {info.hint or tr('Try again in a moment.')}".strip(),
        )
        self.stack.setCurrentWidget(self.error)

    def _loaded(self, books: list[UpcomingBook]) -> None:
        self.refresh_button.setEnabled(True)
        self.books = books
        if not books:
            self.stack.setCurrentWidget(self.empty)
            return
        self._fill_calendar()
        self._fill_agenda()
        self.stack.setCurrentWidget(self.content)
        self.calendar.setSelectedDate(_qdate(books[0].release_date))
        self._show_day()

    def _fill_calendar(self) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every earlier mark
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setForeground(self.palette().highlight())
        for day in {book.release_date for book in self.books}:
            self.calendar.setDateTextFormat(_qdate(day), marked)

    def _fill_agenda(self) -> None:
        self.agenda.clear()
        for day, books in groupby(self.books, key=lambda b: b.release_date):
            group = list(books)
            header = QTreeWidgetItem(
                [tr("{date}: {count}").format(date=date_only(day), count=tr.n("%n book(s)", len(group)))]
            )
            for book in group:
                header.addChild(QTreeWidgetItem([_line(book), _series(book), _origin(book)]))
            self.agenda.addTopLevelItem(header)
        self.agenda.expandAll()

    def _show_day(self) -> None:
        chosen = self.calendar.selectedDate()
        day = date(chosen.year(), chosen.month(), chosen.day())
        books = [book for book in self.books if book.release_date == day]
        self.day_title.setText(
            tr("{date}: {count}").format(date=date_only(day), count=tr.n("%n book(s)", len(books)))
        )
        self.day_list.clear()
        for book in books:
            item = QListWidgetItem(f"{_line(book)}\n{_series(book)}".strip())
            item.setToolTip(_origin(book))
            self.day_list.addItem(item)
        if not books:
            self.day_list.addItem(tr("No requested book comes out on this day."))
