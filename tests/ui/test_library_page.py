"""Library page and model: qtmodeltester, search, sort, actions, covers, empty state."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from sqlalchemy import insert

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.db.models import LibraryItem
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.library.query import SearchIndex, parse_query
from rmab_desktop.services.library.service import LibraryEntry, LibraryService
from rmab_desktop.services.library.watcher import LibraryWatcher, WatchMode
from rmab_desktop.ui import desktop
from rmab_desktop.ui.book_actions import LIBRARY_BOOK_ACTIONS, BookAction
from rmab_desktop.ui.models.library_covers import CoverCache, load_cover_image
from rmab_desktop.ui.models.library_model import AUTHOR, YEAR, LibraryFilterProxy, LibraryModel
from rmab_desktop.ui.models.roles import ObjectRole
from rmab_desktop.ui.pages import library_actions
from rmab_desktop.ui.pages.library_page import LibraryPage
from rmab_desktop.ui.shell import Shell
from rmab_desktop.ui.widgets.page_header import PageHeader
from tests.audiofiles import make_audio
from tests.fakes.plex_server import PNG_1X1
from tests.synthetic_library import insert_synthetic_library, synthetic_rows


def make_service(core: AppCore, root: Path | None = None, retagger=None) -> LibraryService:  # type: ignore[no-untyped-def]
    return LibraryService(
        core.database,
        ConfigStore(core.database),
        CredentialStore(),
        lambda: str(root) if root else None,
        retagger=retagger,
    )


def make_page(service: LibraryService, shell: Shell) -> LibraryPage:
    """The page with the registered actions, their handlers built on ``service``."""
    runner, notifier = shell.runner, shell.notifier
    handlers = {
        "open": library_actions.open_folder(notifier),
        "play": library_actions.play(runner, notifier),
        "rescan": library_actions.rescan(service, runner, notifier),
        "retag": library_actions.retag(service, runner, notifier),
    }
    # "report" asks the reported-problems service (tests/ui/test_approvals_and_problems.py),
    # "watch_series" the watch service (tests/ui/test_watching_pages.py)
    assert set(handlers) == {spec.key for spec in LIBRARY_BOOK_ACTIONS} - {"report", "watch_series"}
    return LibraryPage(
        service,
        runner,
        notifier,
        [BookAction(s, handlers[s.key]) for s in LIBRARY_BOOK_ACTIONS if s.key in handlers],
    )


@pytest.fixture
def filled(core: AppCore) -> LibraryService:
    insert_synthetic_library(core.database, 300)
    return make_service(core)


def test_model_and_proxy_pass_the_model_tester(qtmodeltester, filled: LibraryService) -> None:
    model = LibraryModel()
    entries = filled.entries()
    model.set_entries(entries, SearchIndex(e.search_record() for e in entries))
    qtmodeltester.check(model)
    proxy = LibraryFilterProxy(model)
    proxy.set_query(parse_query("year:1950..2000"))
    qtmodeltester.check(proxy)
    proxy.sort(YEAR, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    years = [proxy.index(r, 0).data(ObjectRole).year for r in range(proxy.rowCount())]
    assert years and all(1950 <= y <= 2000 for y in years) and years == sorted(years, reverse=True)


def test_page_loads_filters_and_sorts(qtbot, shell: Shell, filled: LibraryService) -> None:
    page = make_page(filled, shell)
    qtbot.addWidget(page)
    header = page.findChild(PageHeader)  # the heading every main page starts with
    assert header is not None and header.title.text() == "Library" and header.description.text()
    assert header.title.objectName() == "pageTitle" and header.description.objectName() == "pageSubtitle"
    assert page.visible_count() == 300 and page.count_label.text() == "300 books"
    assert "300 books" in page.summary_label.text() and page.stack.currentIndex() == 0
    expected = sum(1 for e in filled.entries() if e.format == "m4b" and e.cover is None)
    with qtbot.waitSignal(page.filtered, timeout=30_000) as signal:
        page.search.setText("format:m4b missing:cover")
    assert signal.args == [expected] and page.visible_count() == expected
    assert page.count_label.text() == f"{expected} of 300 books"
    page.search.setText("year:someday")
    page.apply_search()
    assert page.query_error.isVisibleTo(page) and "not a year" in page.query_error.text()
    page.search.clear()
    page.apply_search()
    page.table.sortByColumn(AUTHOR, Qt.SortOrder.AscendingOrder)
    authors = [page.proxy.index(r, AUTHOR).data() for r in range(page.visible_count())]
    assert authors == sorted(authors, key=str.casefold)


def test_actions_follow_the_selection(
    qtbot, shell: Shell, filled: LibraryService, monkeypatch, tmp_path: Path
) -> None:
    page = make_page(filled, shell)
    qtbot.addWidget(page)
    assert [button.text() for button in page.action_buttons] == ["Open folder", "Play", "Rescan", "Re-tag"]
    assert not page.action_by_key["open"].isEnabled() and not page.action_by_key["rescan"].isEnabled()
    page.select_row(0)
    entry = page.selected_entries()[0]
    assert page.action_by_key["open"].isEnabled() and page.action_by_key["play"].isEnabled()
    assert not page.action_by_key["retag"].isEnabled()  # no tagger in this service
    assert "not available" in page.action_by_key["retag"].toolTip()
    revealed: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(desktop, "_start", lambda program, args: revealed.append((program, args)) or True)
    monkeypatch.setattr(desktop, "_show_items_over_dbus", lambda path: False)
    opened: list[str] = []
    monkeypatch.setattr(desktop, "_open_url", lambda url: opened.append(url.toLocalFile()) or True)
    page.trigger("open")
    assert opened == [entry.path]
    assert desktop.reveal_in_file_manager("C:\\Books\\A", platform="win32")
    assert desktop.reveal_in_file_manager("/Books/A", platform="darwin")
    assert revealed == [("explorer.exe", ["/select,", "C:\\Books\\A"]), ("open", ["-R", "/Books/A"])]
    page.trigger("play")  # the synthetic folder has no audio: the user is told
    assert shell.notifier.sent[-1][0] == "Play"


def test_play_opens_the_first_audio_file(
    qtbot, shell: Shell, core: AppCore, monkeypatch, tmp_path: Path
) -> None:
    book = tmp_path / "Author" / "Book"
    for name in ("CD2/01.mp3", "CD10/01.mp3", "CD1/02.mp3", "CD1/10.mp3", "CD1/.hidden.mp3", "cover.jpg"):
        (book / name).parent.mkdir(parents=True, exist_ok=True)
        (book / name).write_bytes(b"x")
    row = {**synthetic_rows(1)[0], "path": str(book), "external_id": str(book)}
    with core.database.session() as session:
        session.execute(insert(LibraryItem), [row])
    opened: list[str] = []
    monkeypatch.setattr(desktop, "_open_url", lambda url: opened.append(url.toLocalFile()) or True)
    page = make_page(make_service(core), shell)
    qtbot.addWidget(page)
    page.select_row(0)
    page.trigger("play")
    assert opened == [str(book / "CD1" / "02.mp3")]


def test_retag_and_rescan_call_the_service(
    monkeypatch, qtbot, shell: Shell, core: AppCore, tmp_path: Path
) -> None:
    from tests.audiofiles import make_audio

    root = tmp_path / "Library"
    make_audio(
        root / "Ann Leckie" / "Ancillary Justice" / "01.mp3", album="Ancillary Justice", artist="Ann Leckie"
    )
    calls = []
    service = make_service(core, root, retagger=lambda path, book: calls.append(book.title))
    service.sync()
    page = make_page(service, shell)
    qtbot.addWidget(page)
    page.select_row(0)
    assert page.action_by_key["retag"].isEnabled()
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )  # Re-tag asks
    page.trigger("retag")
    assert calls == ["Ancillary Justice"]
    assert shell.notifier.sent[-1][0] == "Re-tagged"
    (root / "Ann Leckie" / "Ancillary Justice" / "cover.jpg").write_bytes(b"x")
    page.trigger("rescan")
    assert page.model.entry(0).cover.endswith("cover.jpg")


def test_empty_library_shows_help(qtbot, shell: Shell, core: AppCore) -> None:
    page = make_page(make_service(core), shell)
    qtbot.addWidget(page)
    assert page.stack.currentIndex() == 1
    page.sync()  # no folder configured: a clear message, no crash
    assert "No library folder" in shell.notifier.sent[-1][1]


def test_covers_load_off_thread_and_are_cached(qtbot, threaded_shell: Shell, tmp_path: Path) -> None:
    image = QImage(200, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("darkred"))
    path = tmp_path / "cover.jpg"
    image.save(str(path))
    thumb = load_cover_image(str(path), 32)
    assert thumb is not None and thumb.height() == 32 and thumb.width() < 32
    assert load_cover_image(str(tmp_path / "missing.jpg"), 32) is None
    (tmp_path / "garbage.jpg").write_bytes(b"not an image")
    assert load_cover_image(str(tmp_path / "garbage.jpg"), 32) is None
    served = load_cover_image("plex:/library/metadata/7/thumb/1", 32, fetch=lambda _ref: PNG_1X1)
    assert served is not None and served.width() == 32
    assert load_cover_image("abs:li_1", 32, fetch=lambda _ref: b"garbage") is None
    cache = CoverCache(threaded_shell.runner, size=32)
    entry = LibraryEntry(
        1, "T", None, (), (), None, None, None, None, None, 0, 0, None, None, str(path), None, None
    )
    with qtbot.waitSignal(cache.changed, timeout=30_000) as signal:
        assert cache.get(entry) is None  # requested, not there yet
    assert signal.args == [1] and cache.get(entry).width() == thumb.width()
    assert cache.get(entry._replace(cover=None)) is None


def test_registered_page_builds_from_the_core_and_opens_the_import_dialog(
    qtbot, core: AppCore, shell: Shell
) -> None:
    from rmab_desktop.ui.dialogs.import_library_dialog import ImportLibraryDialog
    from rmab_desktop.ui.pages.registry import PAGES

    (spec,) = [page for page in PAGES if page.key == "library"]
    page = spec.factory(core, shell)
    qtbot.addWidget(page)
    assert isinstance(page, LibraryPage) and page.import_button.isVisibleTo(page)
    assert page.service is core.library
    assert [a.spec.key for a in page.book_actions] == [
        "open",
        "play",
        "rescan",
        "retag",
        "report",
        "watch_series",
    ]
    assert page.action_by_key["retag"].toolTip().startswith("Write title")  # the app's service can re-tag
    page.import_button.click()
    dialogs = page.findChildren(ImportLibraryDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].reject()


def test_page_loads_on_the_real_runner(qtbot, threaded_shell: Shell, core: AppCore) -> None:
    insert_synthetic_library(core.database, 500)
    page = make_page(make_service(core), threaded_shell)
    qtbot.addWidget(page)
    assert page.count_label.text() == "Loading…"  # the GUI thread did not wait for the database
    qtbot.waitUntil(lambda: page.model.total == 500, timeout=10_000)
    assert page.count_label.text() == "500 books"
    page.search.setText("missing:cover")
    qtbot.waitUntil(lambda: "of 500 books" in page.count_label.text(), timeout=30_000)


def test_search_typed_before_the_keys_arrive_applies_when_they_do(qtbot, shell: Shell, filled) -> None:
    page = make_page(filled, shell)
    qtbot.addWidget(page)
    entries = [page.model.entry(row) for row in range(page.model.rowCount())]
    page.model.set_entries(entries)  # as right after a load: rows, no search keys yet
    page.search.setText("format:m4b")
    page.apply_search()
    assert page.count_label.text() == "Preparing search…" and page.visible_count() == 300
    page._keys_ready(entries, SearchIndex(e.search_record() for e in entries))
    expected = sum(1 for e in entries if e.format == "m4b")
    assert page.visible_count() == expected and page.count_label.text() == f"{expected} of 300 books"


def test_a_book_copied_into_the_watched_library_appears_on_the_page(
    qtbot, threaded_shell: Shell, core: AppCore, tmp_path: Path
) -> None:
    root = tmp_path / "library"
    make_audio(root / "Ada Okafor/The Ember Crown/01.mp3", album="The Ember Crown", artist="Ada Okafor")
    service = make_service(core, root)
    service.sync()
    page = make_page(service, threaded_shell)
    qtbot.addWidget(page)

    def shown() -> list[str]:
        return [page.model.index(r, 0).data(ObjectRole).title for r in range(page.model.rowCount())]

    qtbot.waitUntil(lambda: shown() == ["The Ember Crown"], timeout=60_000)
    staging = tmp_path / "staging/Signal Orchard"
    for part in (1, 2):
        make_audio(staging / f"0{part}.mp3", album="Signal Orchard", artist="Cleo Silva", track=part)
    watcher = LibraryWatcher(service.refresh_paths, quiet=0.5)
    assert watcher.start(str(root)) == WatchMode.EVENTS
    try:
        shutil.copytree(staging, root / "Cleo Silva/Signal Orchard")
        qtbot.waitUntil(lambda: "Signal Orchard" in shown(), timeout=60_000)  # a deadline, not a timing
    finally:
        watcher.stop()


def test_the_refreshed_message_names_the_library_in_one_translatable_sentence() -> None:
    from rmab_desktop.domain import i18n
    from rmab_desktop.ui.pages.library_page import synced_text

    assert synced_text("folder", 1) == "1 book in your library folder."
    assert synced_text("plex", 12) == "12 books in your Plex library."
    asked: list[tuple[str, str, int]] = []
    previous = i18n._backend
    i18n.install(lambda context, source, _d, n: asked.append((context, source, n)) or source)
    try:
        synced_text("audiobookshelf", 3)
        synced_text("folder", 2)
    finally:
        i18n.install(previous)
    assert ("LibraryPage", "%n book(s) in your {server} library.", 3) in asked
    assert ("LibraryPage", "%n book(s) in your library folder.", 2) in asked
