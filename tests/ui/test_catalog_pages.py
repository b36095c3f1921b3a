"""Discover, Search, Book and Requests pages against the fake Audible server, with the real runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.domain.catalog import Availability, CatalogBook, CatalogEntry, SectionKind
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.services.requests import ApprovalSettings
from rmab_desktop.settings import Preferences, SettingsStore
from rmab_desktop.ui.models.catalog_model import BadgeRole, BookGridModel
from rmab_desktop.ui.models.requests_model import RequestsModel
from rmab_desktop.ui.models.roles import ObjectRole
from rmab_desktop.ui.notifier import RecordingNotifier
from rmab_desktop.ui.pages.book_page import BookPage
from rmab_desktop.ui.pages.catalog_widgets import CATALOG_BANNER, CatalogNavigator
from rmab_desktop.ui.pages.discover_page import DiscoverPage
from rmab_desktop.ui.pages.requests_page import RequestsPage
from rmab_desktop.ui.pages.search_page import SearchPage
from rmab_desktop.ui.shell import Shell
from rmab_desktop.ui.widgets.page_header import PageHeader
from rmab_desktop.ui.wiring import catalog_navigator
from rmab_desktop.workers.runner import TaskRunner
from tests.fakes.audible_server import FakeAudible

# One generous deadline for every wait: each wait ends as soon as its condition holds, so a loaded
# machine (the whole suite, CI) gets time without slowing a quiet one; nothing asserted is relaxed.
DEADLINE_MS = 30_000


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeAudible]:
    server = FakeAudible()
    server.add_generated(60)
    server.start()
    yield server
    server.stop()


def _core(profile: Path, database_url: str, base_url: str) -> AppCore:
    prefs = Preferences()
    prefs.catalog.audible_base_url = base_url
    prefs.catalog.audnexus_base_url = base_url
    SettingsStore(profile / "config" / "settings.json").save(prefs)
    return open_core(profile, database_url, log_to_console=False)


class App(NamedTuple):
    core: AppCore
    shell: Shell

    def nav(self) -> CatalogNavigator:
        return catalog_navigator(self.core, self.shell)

    def discover(self) -> DiscoverPage:
        core, shell = self.core, self.shell
        return DiscoverPage(core.catalog, core.users, shell.runner, shell.notifier, self.nav())

    def requests_page(self, with_nav: bool = True) -> RequestsPage:
        core, runner = self.core, self.shell.runner
        nav = self.nav() if with_nav else None
        return RequestsPage(core.requests, core.users, core.acquisition, core.events, runner, nav)


@pytest.fixture
def app(tmp_path: Path, database_url: str, fake: FakeAudible, qapp) -> Iterator[App]:  # type: ignore[no-untyped-def]
    fake.fail_next("ok", 0)
    core = _core(tmp_path / "profile", database_url, fake.base_url)
    runner = TaskRunner()
    yield App(core, Shell(runner, RecordingNotifier()))
    runner.shutdown(5000)
    core.close()


def _badges(model: BookGridModel) -> dict[str, str | None]:
    return {model.entry(r).book.asin: model.index(r).data(BadgeRole) for r in range(model.rowCount())}


def _assert_heading(page: QWidget, title: str, description: str) -> None:
    """The page starts with the shared heading (title and one-line description) every page has."""
    header = page.findChild(PageHeader)
    assert header is not None and header.isVisibleTo(page)
    assert header.title.text() == title and description in header.description.text()
    assert header.title.objectName() == "pageTitle" and header.description.objectName() == "pageSubtitle"


def test_search_open_request_and_see_it_in_requests(app: App, qtbot) -> None:  # type: ignore[no-untyped-def]
    nav = app.nav()
    search = SearchPage(app.core.catalog, app.shell.runner, nav, app.core.prefs.catalog.region)
    qtbot.addWidget(search)
    search.show()
    _assert_heading(search, "Search", "Audible catalog")
    search.input.setFocus()
    qtbot.keyClicks(search.input, "lant")
    qtbot.waitUntil(lambda: "The Lantern Road" in search.suggestions.stringList(), timeout=DEADLINE_MS)
    qtbot.keyClick(search.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.model.rowCount() == 2, timeout=DEADLINE_MS)
    assert "2 results" in search.status.text()
    first = search.model.index(0)
    assert first.data(Qt.ItemDataRole.DisplayRole) == "The Lantern Road"
    qtbot.waitUntil(
        lambda: first.data(Qt.ItemDataRole.DecorationRole) is not None, timeout=DEADLINE_MS
    )  # cover loaded

    menu = search.grid.actions_menu(first.data(ObjectRole))  # the registered catalog book actions
    assert [action.text() for action in menu.actions()] == [
        "Details",
        "View on Audible",
        "Never request this",
        "Never request any edition",
    ]
    menu.actions()[0].trigger()
    assert isinstance(nav.windows[-1], BookPage) and nav.windows[-1].asin == "B0TESTSER1"
    nav.windows[-1].close()
    search.grid.doubleClicked.emit(first)
    book = nav.windows[-1]
    assert isinstance(book, BookPage)
    qtbot.waitUntil(lambda: book.request_button.isEnabled(), timeout=DEADLINE_MS)
    assert "Mara Quell" in book.people.text() and "Lantern Cycle" in book.people.text()
    qtbot.mouseClick(book.request_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Requested" in book.message.text(), timeout=DEADLINE_MS)
    qtbot.waitUntil(lambda: "Requested" in book.badge.text(), timeout=DEADLINE_MS)
    qtbot.waitUntil(lambda: _badges(search.model)["B0TESTSER1"] == "Requested", timeout=DEADLINE_MS)

    requests = app.requests_page()
    qtbot.addWidget(requests)
    requests.show()
    _assert_heading(requests, "Requests", "Every book asked for")
    qtbot.waitUntil(lambda: requests.model.rowCount() == 1, timeout=DEADLINE_MS)
    assert requests.model.index(0, RequestsModel.COL_CREATED).data() == "just now"
    row = requests.model.row_object(0)
    assert row.book.asin == "B0TESTSER1" and row.status == RequestStatus.AWAITING_SEARCH
    assert requests.select_request(row.id)
    qtbot.waitUntil(lambda: requests.timeline_model.rowCount() >= 2, timeout=DEADLINE_MS)
    assert requests.buttons["cancel"].isVisibleTo(requests) and not requests.buttons["approve"].isVisibleTo(
        requests
    )

    # A second request for the same book is refused with words a user understands.
    book.request_button.setEnabled(True)
    qtbot.mouseClick(book.request_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already requested" in book.message.text(), timeout=DEADLINE_MS)
    book.close()


def test_discover_sections_show_covers_and_badges(app: App, qtbot) -> None:  # type: ignore[no-untyped-def]
    app.core.requests.create("B0GEN00003", "us")
    page = app.discover()
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitUntil(lambda: len(page.sections) == 2, timeout=DEADLINE_MS)
    popular = page.sections[0]
    qtbot.waitUntil(
        lambda: popular.model.rowCount() >= 50, timeout=DEADLINE_MS
    )  # refreshed, first page loaded
    assert popular.model.total == len(fake_products(app.core))
    assert _badges(popular.model)["B0GEN00003"] == "Requested"
    # Scrolling to the end asks for more (progressive loading).
    popular.grid.horizontalScrollBar().setValue(popular.grid.horizontalScrollBar().maximum())
    qtbot.waitUntil(lambda: popular.model.rowCount() == popular.model.total, timeout=DEADLINE_MS)
    qtbot.waitUntil(
        lambda: popular.model.covers is not None and popular.model.covers.pending == 0, timeout=DEADLINE_MS
    )


def fake_products(core: AppCore) -> list[CatalogBook]:
    return core.catalog.cache.list_books("popular", "us", 0, 1000)


def test_sections_add_move_remove(app: App, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = app.discover()
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: len(page.sections) == 2, timeout=DEADLINE_MS)
    page.add(SectionKind.CATEGORY, "Children's Audiobooks", "18572091011")
    qtbot.waitUntil(lambda: len(page.sections) == 3, timeout=DEADLINE_MS)
    page.move_section(page.sections[2].spec, -2)
    qtbot.waitUntil(lambda: page.sections[0].spec.title == "Children's Audiobooks", timeout=DEADLINE_MS)
    qtbot.waitUntil(lambda: page.sections[0].model.rowCount() == 2, timeout=DEADLINE_MS)
    page.remove(page.sections[0].spec)
    qtbot.waitUntil(
        lambda: len(page.sections) == 2 and page.sections[0].spec.title == "Popular", timeout=DEADLINE_MS
    )


def test_a_section_audible_has_no_books_for_says_so_and_what_to_do(app: App, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = app.discover()
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: len(page.sections) == 2, timeout=DEADLINE_MS)
    page.add(SectionKind.CATEGORY, "Nothing here", "18580600000")  # no book of the fake is in it
    qtbot.waitUntil(lambda: len(page.sections) == 3, timeout=DEADLINE_MS)
    empty = next(s for s in page.sections if s.spec.title == "Nothing here")
    qtbot.waitUntil(lambda: "lists no books" in empty.notice.text(), timeout=DEADLINE_MS)
    assert empty.notice.isVisibleTo(page) and "✕" in empty.notice.text()
    # the other sections (still loading when the new one was added) end with books and no notice
    qtbot.waitUntil(
        lambda: not any(s.notice.isVisibleTo(page) for s in page.sections if s is not empty),
        timeout=DEADLINE_MS,
    )


def test_offline_discover_shows_cache_and_banner(
    tmp_path: Path, database_url: str, fake: FakeAudible, qapp, qtbot
) -> None:  # type: ignore[no-untyped-def]
    online = _core(tmp_path / "a", database_url, fake.base_url)
    assert online.catalog is not None
    for spec in online.catalog.sections(online.users.current().id if online.users else None):
        online.catalog.refresh_section(spec, size=30)
    online.close()
    core = _core(tmp_path / "b", database_url, "http://127.0.0.1:9")
    runner = TaskRunner()
    offline = App(core, Shell(runner, RecordingNotifier()))
    banners = offline.shell.banners
    try:
        page = offline.discover()
        qtbot.addWidget(page)
        qtbot.waitUntil(
            lambda: len(page.sections) == 2 and page.sections[0].model.rowCount() == 30, timeout=DEADLINE_MS
        )
        qtbot.waitUntil(lambda: CATALOG_BANNER in banners.shown, timeout=DEADLINE_MS)  # type: ignore[attr-defined]
        assert "cannot be reached" in banners.shown[CATALOG_BANNER]  # type: ignore[attr-defined]
        assert page.sections[0].model.rowCount() == 30  # cached books still shown
    finally:
        runner.shutdown(5000)
        core.close()


def test_an_unreachable_catalog_is_explained_inline_on_discover_and_search(
    tmp_path: Path, database_url: str, qapp, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Nothing saved and Audible refusing: each place says why it is empty and what to do there."""
    core = _core(tmp_path / "p", database_url, "http://127.0.0.1:9")
    runner = TaskRunner()
    offline = App(core, Shell(runner, RecordingNotifier()))
    try:
        nav = offline.nav()
        search = SearchPage(core.catalog, runner, nav, "us")
        qtbot.addWidget(search)
        page = offline.discover()
        qtbot.addWidget(page)
        qtbot.waitUntil(
            lambda: (
                len(page.sections) == 2
                and all("could not be reached" in s.notice.text() for s in page.sections)
            ),
            timeout=DEADLINE_MS,
        )
        for section in page.sections:
            assert section.notice.isVisibleTo(page) and section.model.rowCount() == 0
            assert "⟳" in section.notice.text() and "Test" not in section.notice.text()
        # Search heard that Audible is unreachable (the probe) before anything was searched.
        qtbot.waitUntil(lambda: "cannot be reached right now" in search.status.text(), timeout=DEADLINE_MS)
        search.input.setText("Dune")
        search.search()
        qtbot.waitUntil(lambda: "nothing was found" in search.status.text(), timeout=DEADLINE_MS)
        assert "press Enter to search again" in search.status.text()
        assert "Test again" not in search.status.text()
    finally:
        runner.shutdown(5000)
        core.close()


def test_approve_with_note_from_requests_page(app: App, qtbot) -> None:  # type: ignore[no-untyped-def]
    users, requests = app.core.users, app.core.requests
    alice = users.create("alice")
    users.set_approval_settings(ApprovalSettings(auto_approve=False))
    waiting = requests.create("B0TESTNOS1", "us", user=alice).request
    assert waiting.status == RequestStatus.AWAITING_APPROVAL
    page = app.requests_page(with_nav=False)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=DEADLINE_MS)
    page.status_filter.setCurrentIndex(page.status_filter.findText("Awaiting approval"))
    assert page.proxy.rowCount() == 1
    qtbot.waitUntil(lambda: page.user_filter.count() == 3, timeout=DEADLINE_MS)
    page.user_filter.setCurrentIndex(page.user_filter.findData(alice.id))
    assert page.proxy.rowCount() == 1
    assert page.select_request(waiting.id)
    assert page.buttons["approve"].isVisibleTo(page)
    page.note.setText("Enjoy it")
    qtbot.mouseClick(page.buttons["approve"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: requests.get(waiting.id).status == RequestStatus.AWAITING_SEARCH, timeout=DEADLINE_MS
    )
    qtbot.waitUntil(lambda: "Enjoy it" in page.detail_info.text(), timeout=DEADLINE_MS)
    page.status_filter.setCurrentIndex(0)


def test_models_pass_qt_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = BookGridModel()
    book = CatalogBook("B0X", "T")
    model.reset([CatalogEntry(book, Availability.REQUESTED)], total=3)
    model.append([CatalogEntry(CatalogBook("B0Y", "U"))])
    qtmodeltester.check(model)
    assert model.index(0).data(BadgeRole) == "Requested" and model.canFetchMore() is False  # no loader
    qtmodeltester.check(RequestsModel())


def test_dropped_link_opens_book_then_author_and_series(app: App, qtbot) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.domain.watching import WatchKind
    from rmab_desktop.ui.pages.book_page import BookListPage
    from rmab_desktop.ui.pages.registry import PAGES
    from rmab_desktop.ui.pages.series_page import SeriesPage
    from tests.ui.main_windows import open_main_window

    pages = [spec for spec in PAGES if spec.key in ("discover", "search", "requests")]
    window, shell = open_main_window(app.core, pages, app.shell.runner)
    qtbot.addWidget(window)
    assert window.show_page("discover")
    nav = catalog_navigator(app.core, shell)
    qtbot.waitUntil(lambda: getattr(window, "_catalog_links_connected", False), timeout=DEADLINE_MS)
    window.bookLinkDropped.emit("B0TESTSER1", "us")
    book = nav.windows[-1]
    assert isinstance(book, BookPage)
    qtbot.waitUntil(lambda: book.entry is not None, timeout=DEADLINE_MS)
    qtbot.waitUntil(lambda: book.similar_model.rowCount() > 0, timeout=DEADLINE_MS)
    book._link("author:B0AUTHOR01:Mara Quell")
    author = nav.windows[-1]  # an author with an ASIN: the page with each book's state and "Watch"
    assert isinstance(author, SeriesPage) and author.kind == WatchKind.AUTHOR
    qtbot.waitUntil(lambda: author.table.rowCount() == 2, timeout=DEADLINE_MS)
    book._link("series:B0SERIES01:Lantern Cycle")
    series = nav.windows[-1]
    assert isinstance(series, SeriesPage) and series.kind == WatchKind.SERIES
    qtbot.waitUntil(lambda: series.table.rowCount() == 2, timeout=DEADLINE_MS)
    assert [b.book.asin for b in series.books] == ["B0TESTSER1", "B0TESTFUT1"]
    book._link("series::Lantern Cycle")  # no ASIN: the covers grid of a title search
    assert isinstance(nav.windows[-1], BookListPage)
    for widget in list(nav.windows):
        widget.close()


def test_book_page_watches_its_series_and_its_author(app: App, qtbot) -> None:  # type: ignore[no-untyped-def]
    nav = catalog_navigator(app.core, app.shell)
    book = nav.open_book("B0TESTSER1", "us")
    assert isinstance(book, BookPage)
    qtbot.waitUntil(lambda: book.entry is not None, timeout=DEADLINE_MS)
    assert book.watch_series_button.isVisibleTo(book) and book.watch_author_button.isVisibleTo(book)
    book.watch_series_button.click()
    qtbot.waitUntil(lambda: "Watching Lantern Cycle" in book.message.text(), timeout=DEADLINE_MS)
    book.watch_author_button.click()
    qtbot.waitUntil(lambda: "Watching Mara Quell" in book.message.text(), timeout=DEADLINE_MS)
    assert sorted((w.kind.value, w.asin) for w in app.core.watching.list()) == [
        ("author", "B0AUTHOR01"),
        ("series", "B0SERIES01"),
    ]
    book.close()


def test_catalog_settings_section(app: App, qtbot, fake: FakeAudible) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.ui.dialogs.catalog_settings import CatalogSettings

    core = app.core
    section = CatalogSettings(core.prefs, core.save_prefs, core.catalog, core.users, app.shell.runner)
    qtbot.addWidget(section)
    qtbot.waitUntil(section.auto_approve.isEnabled, timeout=DEADLINE_MS)
    assert section.auto_approve.isChecked()
    section.audible_url.setText("ftp://nowhere")
    assert not section.apply() and "http" in section.message.text()
    section.audible_url.setText(fake.base_url)
    section.region.setCurrentIndex(section.region.findData("uk"))
    section.auto_approve.setChecked(False)
    assert section.apply()
    assert core.prefs.catalog.region == "uk" and core.catalog.default_region() == "uk"
    users = core.users
    qtbot.waitUntil(lambda: not users.approval_settings().auto_approve, timeout=DEADLINE_MS)
    qtbot.mouseClick(section.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.test_result.text() == "Audible answered.", timeout=DEADLINE_MS)
    assert fake.requests[-1][0] == "/1.0/catalog/products"


def test_book_page_requests_the_ebook_and_asks_before_requesting_an_owned_book_again(
    app: App, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.db.models import LibraryItem
    from rmab_desktop.domain.enums import RequestKind

    with app.core.database.session() as session:  # the audiobook is already in the library
        session.add(
            LibraryItem(backend="folder", external_id="/lib/x", title="The Lantern Road", asin="B0TESTSER1")
        )
    book = BookPage(
        app.core.catalog,
        app.core.requests,
        app.shell.runner,
        app.shell.notifier,
        app.nav(),
        "B0TESTSER1",
        "us",
    )
    qtbot.addWidget(book)
    book.show()
    qtbot.waitUntil(lambda: book.ebook_button.isEnabled(), timeout=DEADLINE_MS)

    qtbot.mouseClick(book.ebook_button, Qt.MouseButton.LeftButton)  # the ebook of an owned audiobook
    qtbot.waitUntil(lambda: "Requested" in book.message.text(), timeout=DEADLINE_MS)
    (ebook,) = app.core.requests.list()
    assert ebook.kind == RequestKind.EBOOK

    questions: list[str] = []
    monkeypatch.setattr(book, "ask_again", lambda text: questions.append(text) or False)
    book.request_button.setEnabled(True)
    qtbot.mouseClick(book.request_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already in your library" in book.message.text(), timeout=DEADLINE_MS)
    assert len(questions) == 1 and "another edition or narration" in questions[0]
    assert len(app.core.requests.list()) == 1  # "No": nothing requested

    monkeypatch.setattr(book, "ask_again", lambda text: True)
    book.request_button.setEnabled(True)
    qtbot.mouseClick(book.request_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(app.core.requests.list()) == 2, timeout=DEADLINE_MS)
    assert {r.kind for r in app.core.requests.list()} == {RequestKind.EBOOK, RequestKind.AUDIOBOOK}
    book.close()
