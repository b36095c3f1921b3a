"""Upcoming releases page: loading, empty, error (with Try again) and content states; the month
calendar marks release days and lists the chosen day's books; the agenda groups them by day; the
page is registered in the sidebar."""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QFont

from rmab_desktop.domain.enums import RequestKind, RequestStatus
from rmab_desktop.domain.errors import ServiceUnreachableError
from rmab_desktop.services.upcoming import UpcomingBook
from rmab_desktop.ui.pages.registry import PAGES
from rmab_desktop.ui.pages.upcoming_page import UpcomingPage
from rmab_desktop.ui.shell import Shell
from rmab_desktop.workers.runner import ImmediateRunner


def upcoming(day: date, title: str, **kw: object) -> UpcomingBook:
    fields: dict[str, object] = {
        "authors": ("Kay Later",), "asin": "B0UPCOMING", "region": "us", "request_id": 1,
        "status": RequestStatus.AWAITING_RELEASE, "kind": RequestKind.AUDIOBOOK, **kw,
    }  # fmt: skip
    return UpcomingBook(day, title, **fields)  # type: ignore[arg-type]


BOOKS = [
    upcoming(date(2027, 3, 4), "Tomorrow's Storm", series="Weather", series_position="2"),
    upcoming(date(2027, 3, 4), "Tomorrow's Storm", kind=RequestKind.EBOOK, request_id=2),
    upcoming(date(2027, 4, 18), "Late Spring", authors=("Ann Other",), request_id=3, watch="Ann Other"),
]


def test_month_and_agenda_views_show_every_release_day(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = UpcomingPage(lambda: BOOKS, ImmediateRunner())
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.content
    assert page.calendar.selectedDate() == QDate(2027, 3, 4)
    assert page.calendar.dateTextFormat(QDate(2027, 4, 18)).fontWeight() == QFont.Weight.Bold
    assert page.calendar.dateTextFormat(QDate(2027, 4, 17)).fontWeight() != QFont.Weight.Bold
    lines = [page.day_list.item(i).text() for i in range(page.day_list.count())]
    assert lines == [
        "Tomorrow's Storm by Kay Later\nWeather, book 2",
        "Tomorrow's Storm (ebook) by Kay Later",
    ]
    assert "2 books" in page.day_title.text()

    page.calendar.setSelectedDate(QDate(2027, 3, 5))
    assert page.day_list.item(0).text() == "No requested book comes out on this day."

    page.agenda_button.click()
    assert page.content.currentWidget() is page.agenda
    days = [page.agenda.topLevelItem(i) for i in range(page.agenda.topLevelItemCount())]
    assert [d.childCount() for d in days] == [2, 1]
    assert "1 book" in days[1].text(0) and days[1].child(0).text(0) == "Late Spring by Ann Other"
    assert days[0].child(0).text(2) == "Awaiting release"
    assert days[1].child(0).text(2) == "Awaiting release (watching Ann Other)"


def test_empty_state_says_how_books_get_here(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = UpcomingPage(list, ImmediateRunner())
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.empty
    assert "before its release day" in page.empty.text_label.text()


def test_error_state_offers_to_try_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []

    def load() -> list[UpcomingBook]:
        calls.append(1)
        if len(calls) == 1:
            raise ServiceUnreachableError("The database server does not answer.")
        return BOOKS

    page = UpcomingPage(load, ImmediateRunner())
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.error
    assert "The database server does not answer." in page.error.text_label.text()
    page.refresh_button.click()
    assert page.stack.currentWidget() is page.content


def test_loading_state_while_the_list_is_read_off_the_gui_thread(qtbot, threaded_shell: Shell) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()

    def load() -> list[UpcomingBook]:
        release.wait(30)
        return BOOKS

    page = UpcomingPage(load, threaded_shell.runner)
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.loading and not page.refresh_button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.content, timeout=30_000)


def test_the_page_is_in_the_sidebar() -> None:
    [spec] = [p for p in PAGES if p.key == "upcoming"]
    assert spec.title == "Upcoming" and spec.icon_name == "clock"
