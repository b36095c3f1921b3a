"""Every word the main window, its pages, menus, tray menu and notifications show goes through the
translator: with a pseudo-translation installed (each message wrapped in ⟦ ⟧), any visible text
with letters left outside the markers must be data (a book, an author, a path from the test data).

Dialogs (ui/dialogs/) have their own test of this kind, next to their other tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from rmab_desktop import APP_NAME
from rmab_desktop.bootstrap import AppCore
from rmab_desktop.domain import i18n
from rmab_desktop.domain.catalog import REGIONS
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.domain.releases import Release
from rmab_desktop.services.events import AppEvent, EventKind
from rmab_desktop.services.health import ServiceCheck
from rmab_desktop.services.notifications.events import render
from rmab_desktop.services.ranking import RankingPrefs, rank_releases
from rmab_desktop.services.requests import ApprovalSettings
from rmab_desktop.ui.pages.book_page import BookPage
from rmab_desktop.ui.pages.registry import PAGES
from rmab_desktop.ui.shortcuts_dialog import ShortcutsDialog
from rmab_desktop.ui.tray import Tray
from rmab_desktop.ui.wiring import catalog_navigator
from tests.fakes.audible_server import FakeAudible
from tests.ui.main_windows import open_main_window
from tests.ui.widget_walk import LETTERS, menu_texts, plain, visible_texts

OPEN, CLOSE = "⟦", "⟧"
# A marked span is the translator's sentence; what it holds are values (possibly marked themselves).
INNERMOST = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
CORRELATION = re.compile(r"\b(?:req|job)-\d+\b")  # a correlation reference, e.g. [req-12 job-345]
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT[\d:.]+(?:[+-]\d\d:\d\d|Z)?")


def pseudo(context: str, source: str, disambiguation: str | None, n: int) -> str:
    return OPEN + (source.replace("%n", str(n)) if n >= 0 else source) + CLOSE


@pytest.fixture
def pseudo_language() -> Iterator[None]:
    i18n.install(pseudo)
    yield
    i18n.install(None)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_data_strings_are_recognisable(fake_audible: FakeAudible) -> None:
    """The exclusion list is exactly the fake catalog's values, and none of them is a UI word."""
    data = set(_strings(fake_audible.products)) | set(_strings(fake_audible.categories))
    assert "Generated Book 3" in data and "Author 3" in data
    assert not {"Search", "Request", "Library", "Requests"} & data


def _data(fake_audible: FakeAudible, core: AppCore) -> list[str]:
    """Values from the test data a page may show as they are, longest first."""
    words = set(_strings(fake_audible.products)) | set(_strings(fake_audible.categories))
    words |= {" ".join(plain(s).split()) for s in words}  # descriptions come as HTML
    words |= {s.title() for s in words}  # the book page capitalises language and format
    words |= {code.upper() for code in REGIONS} | {code for code in REGIONS}
    words |= {APP_NAME, APP_NAME.replace(" Desktop", ""), str(core.paths.data_dir)}
    words |= {"OpenAI", "Anthropic", "Google Gemini"}  # AI providers' product names stay as they are
    words |= {user.label for user in core.users.list()} | {user.username for user in core.users.list()}
    locale = QLocale()
    words.add(locale.formattedDataSize(0))  # "0 bytes": Qt's words for sizes, translated by Qt
    for day in range(1, 8):  # day and month names come from the locale, not from our messages
        words |= {locale.dayName(day, QLocale.FormatType.ShortFormat), locale.dayName(day)}
    for month in range(1, 13):
        words |= {locale.monthName(month, QLocale.FormatType.ShortFormat), locale.monthName(month)}
    return sorted((w for w in words if w and LETTERS.search(w)), key=len, reverse=True)


def _untranslated(texts: Iterator[tuple[str, str]], data: list[str]) -> list[str]:
    found = []
    for where, text in texts:
        rest, previous = text or "", None
        while rest != previous:
            previous, rest = rest, INNERMOST.sub(" ", rest)
        rest = " ".join(rest.split())
        for word in data:
            rest = rest.replace(word, " ")
        if LETTERS.search(rest):
            found.append(f"{where}: {text!r}")
    return found


def test_every_visible_string_of_the_main_window_is_translatable(
    catalog_core: AppCore,
    fake_audible: FakeAudible,
    pseudo_language: None,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window, shell = open_main_window(catalog_core)
    qtbot.addWidget(window)
    window.show()
    window.set_jobs_status(1, 2, 3)
    window.set_keyring_status("secure", "")
    shown: list[QWidget] = [window]
    offenders: list[str] = []

    # a request, made from a book window, so that Requests and the badges have something to say
    nav = catalog_navigator(catalog_core, shell)
    book = nav.open_book(fake_audible.products[0]["asin"])
    assert isinstance(book, BookPage) and book.entry is not None
    book.request()
    shown.append(book)
    shown.append(nav.open_author(fake_audible.products[0]["authors"][0]["name"], None, "us"))

    for spec in PAGES:
        window.set_page_visible(spec.key, True)  # restricted pages too (the Users page of an admin)
        assert window.show_page(spec.key)
        page = window.page(spec.key)
        assert page is not None
        if spec.key == "search":
            page.input.setText(fake_audible.products[1]["title"])
            page.search()
            qtbot.waitUntil(lambda p=page: p.model.rowCount() > 0)
        if spec.key == "requests":
            assert page.select_request(page.model.row_object(0).id)
        offenders += [
            f"{spec.key}: {o}"
            for o in _untranslated(visible_texts(window), _data(fake_audible, catalog_core))
        ]

    dialog = ShortcutsDialog(window.menu_shortcuts(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    shown.append(dialog)
    tray = Tray(window, lambda: False)
    tray.set_active_count(2)
    menus = [menu_texts(tray.menu, "tray")]
    menus += [menu_texts(action.menu(), "menu bar") for action in window.menuBar().actions()]
    # titles only: the messages are the services' words (their own translation is checked there)
    notifications = [("notification", title) for title, _message, _level in shell.notifier.sent]

    data = _data(fake_audible, catalog_core)
    offenders += _untranslated((t for w in shown for t in visible_texts(w)), data)
    offenders += _untranslated((t for menu in menus for t in menu), data)
    offenders += _untranslated(iter(notifications), data)
    assert shell.notifier.sent  # the request was announced
    assert offenders == [], "\n".join(offenders)


def _cell_texts(view: QAbstractItemView, where: str) -> Iterator[tuple[str, str]]:
    """What every row of an item view shows or explains in a tooltip."""
    model = view.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield f"{where} row {row} column {column}", value


def test_what_the_services_write_is_translatable(
    catalog_core: AppCore,
    fake_audible: FakeAudible,
    pseudo_language: None,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    """Request messages, job titles and log lines, schedules, service checks, ranking reasons and
    notifications are written in the user's language: nothing the services produce stays English."""
    core = catalog_core
    published: list[AppEvent] = []
    core.events.subscribe(published.append)
    products = fake_audible.products

    # a search that fails (no indexer), a request approved by the admin and one denied
    searched = core.requests.create(products[0]["asin"]).request
    core.users.set_approval_settings(ApprovalSettings(auto_approve=False))
    bob = core.users.create("bob", display_name="Bob")
    approved = core.requests.create(products[1]["asin"], user=bob).request
    denied = core.requests.create(products[2]["asin"], user=bob).request
    core.requests.approve(approved.id, "enjoy")
    core.requests.deny(denied.id)
    for _ in range(10):  # the searches (and whatever else was queued) run to their end
        if core.executor.run_next() is None:
            break
    assert core.requests.get(searched.id).status == RequestStatus.AWAITING_SEARCH

    # a service that is down, for the Status page and its outage notification
    def broken() -> ConnectionTestResult:
        raise RuntimeError("boom")

    core.health.registry.add("test", lambda: [ServiceCheck("indexer:test", "Prowlarr", "indexer", broken)])
    core.health.run_checks()

    window, _shell = open_main_window(core)
    qtbot.addWidget(window)
    window.show()
    texts: list[tuple[str, str]] = []
    for key in ("requests", "activity", "status"):
        assert window.show_page(key)
        page = window.page(key)
        assert page is not None
        texts += visible_texts(window)
        for view in page.findChildren(QAbstractItemView):
            if isinstance(view, QHeaderView):
                continue
            texts += _cell_texts(view, f"{key} {view.objectName() or type(view).__name__}")
    assert any("⟦Search for a request⟧" in text for _where, text in texts)  # a job title, shown

    # interactive search: the reasons of a release accepted and of one rejected
    book = core.requests.get(searched.id).book
    author = book.authors[0] if book.authors else ""
    releases = [
        Release("a", f"{author} - {book.title} [M4B]", indexer="Test", seeders=3, size_bytes=400 * 2**20),
        Release("b", f"{book.title} (Abridged) [MP3]", indexer="Test", seeders=0),
    ]
    ranked = rank_releases(book, releases, RankingPrefs(), interactive=True)
    assert {r.accepted for r in ranked} == {True, False}
    texts += [(f"ranking {r.release.guid}", reason) for r in ranked for reason in r.reasons]

    kinds = {event.kind for event in published}
    assert {EventKind.REQUEST_APPROVED, EventKind.REQUEST_DENIED, EventKind.SERVICE_DOWN} <= kinds
    for event in published:
        title, body = render(event, core.notifications.events.label(event.kind))
        texts += [(f"notification {event.kind} title", title), (f"notification {event.kind} body", body)]

    # identifiers the Activity page shows as they are: job types (tooltips), the log's source
    # component (like a logger's name), correlation references and exact ISO times (tooltips)
    data = _data(fake_audible, core) + [job_type.value for job_type in JobType]
    data += [event.context for event in core.queue.events(after_id=0, limit=1000)]
    texts = [(where, CORRELATION.sub(" ", ISO_TIME.sub(" ", text))) for where, text in texts]
    data += [release.title for release in releases] + ["RuntimeError: boom", "Prowlarr", "Test"]
    data.sort(key=len, reverse=True)
    offenders = _untranslated(iter(texts), data)
    assert offenders == [], "\n".join(offenders)
