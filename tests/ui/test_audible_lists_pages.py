"""The Audible library page, the "owned on Audible" badge and question, and the Lists page with
drag and drop and its keyboard moves, on a real core (synchronous runner, fake Audible catalog)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.domain.audible_library import Shelf
from rmab_desktop.domain.lists import ListKind
from rmab_desktop.services.audible_library import import_export
from rmab_desktop.services.lists import BookRef
from rmab_desktop.ui.book_mime import book_mime, books_from_mime
from rmab_desktop.ui.models.catalog_model import BadgeRole
from rmab_desktop.ui.models.roles import ObjectRole
from rmab_desktop.ui.pages.audible_page import EMPTY, GRID, TABLE, AudibleLibraryPage
from rmab_desktop.ui.pages.book_page import BookPage
from rmab_desktop.ui.pages.lists_page import ListsPage
from rmab_desktop.ui.pages.search_page import SearchPage
from rmab_desktop.ui.shell import Shell
from rmab_desktop.ui.wiring import catalog_navigator

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "audible_exports"


def _export(tmp_path: Path, name: str, rows: list[dict[str, object]]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(rows))
    return path


def _owned_lantern(core: AppCore, tmp_path: Path) -> None:
    rows = [{"asin": "B0TESTSER1", "title": "The Lantern Road", "authors": "Test", "percent_complete": 12.0}]
    import_export(core.audible_library, _export(tmp_path, "owned.json", rows), Shelf.LIBRARY, "us")


def _page(core: AppCore, shell: Shell) -> AudibleLibraryPage:
    return AudibleLibraryPage(
        core.audible_library, core.audible_account, core.requests, shell.runner, shell.notifier, None, "us"
    )


def test_owned_books_show_their_badge_in_search_and_requesting_asks_first(
    catalog_core: AppCore, shell: Shell, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    _owned_lantern(catalog_core, tmp_path)
    nav = catalog_navigator(catalog_core, shell)
    search = SearchPage(catalog_core.catalog, shell.runner, nav, "us")
    qtbot.addWidget(search)
    search.input.setText("lantern")
    search.search()
    qtbot.waitUntil(lambda: search.model.rowCount() > 0)
    badges = {
        search.model.entry(r).book.asin: search.model.index(r).data(BadgeRole)
        for r in range(search.model.rowCount())
    }
    assert badges["B0TESTSER1"] == "Owned on Audible" and badges.get("B0TESTFUT1") is None

    book = nav.open_book("B0TESTSER1", "us")
    assert isinstance(book, BookPage)
    qtbot.waitUntil(lambda: book.entry is not None)
    assert "Owned on Audible" in book.badge.text()
    book.request()
    question = book.owned_question
    assert question.isVisible() and "already own" in question.text()
    question.button(QMessageBox.StandardButton.No).click()
    assert catalog_core.requests is not None and catalog_core.requests.list() == []  # nothing asked behind
    book.request()
    book.owned_question.button(QMessageBox.StandardButton.Yes).click()
    assert [r.book.asin for r in catalog_core.requests.list()] == ["B0TESTSER1"]
    book.close()


def test_audible_page_grid_table_filters_and_empty_state(core: AppCore, shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _page(core, shell)
    qtbot.addWidget(page)
    assert page.stack.currentIndex() == EMPTY and "import an export" in page.empty.text_label.text()
    page.import_file(FIXTURES / "library.json")
    assert page.model.rowCount() == 3 and page.stack.currentIndex() == GRID
    assert shell.notifier.sent[-1][1] == "3 added, 0 updated, 0 unchanged."  # type: ignore[attr-defined]
    page.state_combo.setCurrentIndex(1)  # finished
    assert [page.model.row_object(r).asin for r in range(page.model.rowCount())] == ["B0AUDLIB01"]
    page.state_combo.setCurrentIndex(2)  # in progress
    assert [page.model.row_object(r).asin for r in range(page.model.rowCount())] == ["B0AUDLIB02"]
    page.state_combo.setCurrentIndex(0)
    page.search_edit.setText("rivers")
    page.reload()
    assert [page.model.row_object(r).title for r in range(page.model.rowCount())] == ["Quiet Rivers"]
    page.search_edit.setText("nothing like this")
    page.reload()
    assert page.model.rowCount() == 0 and page.stack.currentIndex() != EMPTY  # filtered, not empty
    assert page.status_label.text() == "No title matches these filters."
    page.search_edit.clear()
    page.reload()
    page.table_toggle.click()
    assert page.stack.currentIndex() == TABLE
    progress = page.proxy.index(0, 4).data(Qt.ItemDataRole.UserRole + 5)  # ProgressRole
    assert progress is not None and 0.0 <= progress <= 1.0
    dragged = books_from_mime(page.model.mimeData([page.model.index(0, 0)]))
    assert [b.asin for b in dragged] == [page.model.row_object(0).asin]


def test_request_everything_missing_previews_then_requests(
    catalog_core: AppCore, shell: Shell, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    _owned_lantern(catalog_core, tmp_path)
    page = _page(catalog_core, shell)
    qtbot.addWidget(page)
    page.tabs.setCurrentIndex(1)
    wishlist = [
        {"asin": "B0TESTSER1", "title": "The Lantern Road"},
        {"asin": "B0TESTNOS1", "title": "A Book Without Series"},
    ]
    page.import_file(_export(tmp_path, "wishlist.json", wishlist))
    assert page.request_missing_button.isVisible() or not page.isVisible()
    page.preview_missing()
    dialog = page.preview_dialog
    assert dialog.requested_list.count() == 1 and "B0TESTNOS1" in dialog.requested_list.item(0).text()
    assert dialog.skipped_list.count() == 1 and "owned on Audible" in dialog.skipped_list.item(0).text()
    dialog.request_button.click()
    assert [r.book.asin for r in catalog_core.requests.list()] == ["B0TESTNOS1"]
    assert shell.notifier.sent[-1][1] == "1 book requested."  # type: ignore[attr-defined]

    # ignoring a wishlist book takes it out of the next "everything missing"
    page.grid.selectAll()
    page.toggle_ignored()
    assert all(page.model.row_object(r).ignored for r in range(page.model.rowCount()))
    assert page.model.index(0, 0).data().endswith("(ignored)")
    page.preview_missing()
    preview = page.preview_dialog
    assert preview.requested_list.isHidden() and not preview.request_button.isEnabled()
    skipped = [preview.skipped_list.item(i).text() for i in range(preview.skipped_list.count())]
    assert len(skipped) == 2 and all(text.endswith(": ignored") for text in skipped)


def _views_by_name(page: ListsPage) -> dict[str, object]:
    return {view.accessibleName(): view for view in page.views}


def test_lists_page_drop_between_tiers_and_keyboard_moves(core: AppCore, shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    core.lists.create("Fantasy", ListKind.TIER)
    page = ListsPage(core.lists, shell.runner, shell.notifier)
    qtbot.addWidget(page)
    page.show()
    views = _views_by_name(page)
    assert list(views) == ["S", "A", "B", "C", "D", "Not placed yet"]

    books = [BookRef(f"B0DRAG000{n}", "us", f"Dragged {n}", "Someone") for n in (1, 2, 3)]
    s_view = views["S"]
    assert s_view.model().dropMimeData(book_mime(books[:2]), Qt.DropAction.CopyAction, -1, 0, QModelIndex())  # type: ignore[attr-defined]
    views = _views_by_name(page)
    assert [i.asin for i in views["S"].group_model().items()] == ["B0DRAG0001", "B0DRAG0002"]  # type: ignore[attr-defined]
    # a drop onto the first book of A from S moves it between tiers
    a_model = views["A"].group_model()  # type: ignore[attr-defined]
    a_model.dropMimeData(book_mime(books[1:2]), Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert [i.asin for i in page.current.items_in(page.current.tier("A").id)] == ["B0DRAG0002"]  # type: ignore[union-attr]

    # keyboard: Ctrl+Down takes the selected book of S to A, Alt+Up puts it first there
    views = _views_by_name(page)
    s_view = views["S"]
    s_view.setFocus()  # type: ignore[attr-defined]
    s_view.setCurrentIndex(s_view.model().index(0))  # type: ignore[attr-defined]
    qtbot.keyClick(s_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    tier_a = page.current.tier("A").id  # type: ignore[union-attr]
    assert [i.asin for i in page.current.items_in(tier_a)] == ["B0DRAG0002", "B0DRAG0001"]  # type: ignore[union-attr]
    focused = page.last_view
    assert focused.current_item().asin == "B0DRAG0001"  # the focus follows the book
    qtbot.keyClick(focused, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [i.asin for i in page.current.items_in(tier_a)] == ["B0DRAG0001", "B0DRAG0002"]  # type: ignore[union-attr]
    qtbot.keyClick(page.last_view, Qt.Key.Key_Delete)
    assert [i.asin for i in page.current.items] == ["B0DRAG0002"]  # type: ignore[union-attr]


def test_lists_page_new_ranked_list_reorder_and_share_image(core: AppCore, shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = ListsPage(core.lists, shell.runner, shell.notifier)
    qtbot.addWidget(page)
    assert page.empty.isVisibleTo(page)
    page.new_list()
    page.new_dialog.name_edit.setText("Road trip")
    page.new_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert (
        page.current is not None and page.current.name == "Road trip" and page.current.kind == ListKind.RANKED
    )
    (view,) = page.views
    refs = [BookRef(f"B0RANK000{n}", "us", f"Ranked {n}", "A") for n in (1, 2, 3)]
    view.group_model().dropMimeData(book_mime(refs), Qt.DropAction.CopyAction, -1, 0, QModelIndex())
    (view,) = page.views
    # drag the first book below the third (Qt's row is counted before the book leaves)
    view.group_model().dropMimeData(book_mime(refs[:1]), Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert [i.asin for i in page.current.items] == ["B0RANK0002", "B0RANK0003", "B0RANK0001"]
    assert page.views[0].model().index(0).data() == "1. Ranked 2"
    core.lists.set_note("Road trip", "B0RANK0002", "start here")
    page.reload()
    assert page.views[0].model().index(0).data() == "1. Ranked 2 — start here"
    page.copy_image("1200x630")
    image = QGuiApplication.clipboard().image()
    assert (image.width(), image.height()) == (1200, 630)
    assert page.views[0].model().index(0).data(ObjectRole).title == "Ranked 2"


def test_models_pass_qt_model_tester(core: AppCore, shell: Shell, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page = _page(core, shell)
    page.import_file(FIXTURES / "library.json")
    qtmodeltester.check(page.model)
    info = core.lists.create("Checked", ListKind.TIER)
    core.lists.add("Checked", "B0CHECK001", tier="S", book=BookRef("B0CHECK001", "us", "Checked", "A"))
    lists = ListsPage(core.lists, shell.runner, shell.notifier)
    assert lists.current is not None and lists.current.id == info.id
    for view in lists.views:
        qtmodeltester.check(view.group_model())


def test_sign_in_dialog_then_sync_from_the_page(core: AppCore, shell: Shell, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.clients.audible_account import AudibleEndpoints
    from rmab_desktop.services.audible_library.account import AudibleAccount
    from tests.fakes.audible_account_server import LANDED_URL, FakeAudibleAccount

    with FakeAudibleAccount() as fake:
        account = AudibleAccount(
            core.credentials,
            tmp_path / "audible",
            lambda r: AudibleEndpoints.for_region(r, fake.url, fake.url),
        )
        page = AudibleLibraryPage(
            core.audible_library, account, core.requests, shell.runner, shell.notifier, None, "us"
        )
        qtbot.addWidget(page)
        assert page.sign_in_button.text() == "Sign &in…" and not page.sync_button.isEnabled()
        page.sign_in_or_out()
        dialog = page.sign_in_dialog
        opened: list[str] = []
        dialog.open_url = lambda url: opened.append(url) or True
        assert not dialog.finish_button.isEnabled()
        dialog.open_button.click()
        assert opened and opened[0].startswith("https://www.amazon.com/ap/signin?")
        dialog.url_edit.setText("https://www.amazon.com/ap/maplanding?openid.mode=cancel")
        dialog.finish_button.click()
        assert "no Audible authorization code" in dialog.message.text() and dialog.isVisible()
        dialog.url_edit.setText(LANDED_URL)
        dialog.finish_button.click()  # registers, closes, and the page syncs at once
        assert page.account_info is not None and page.account_info.name == "Jane"
        assert page.sign_in_button.text() == "Sign &out" and page.sync_button.isEnabled()
        assert page.model.rowCount() == 5
        assert shell.notifier.sent[-1][0] == "Audible synced"  # type: ignore[attr-defined]
        page.sign_in_or_out()
        assert fake.devices == set() and page.account_info is None


def test_books_drag_out_of_the_library_and_catalog_grids_as_the_book_mime_type(
    catalog_core: AppCore, shell: Shell
) -> None:
    from rmab_desktop.services.library.service import LibraryEntry
    from rmab_desktop.ui.models.catalog_model import BookGridModel
    from rmab_desktop.ui.models.library_model import LibraryModel

    fields: dict[str, object] = dict.fromkeys(LibraryEntry._fields)
    fields.update(
        id=1,
        title="Dune",
        authors=("Frank Herbert",),
        narrators=(),
        asin="B0AAAAAAA1",
        file_count=1,
        size_bytes=1,
    )
    with_asin = LibraryEntry(**fields)  # type: ignore[arg-type]
    without = with_asin._replace(id=2, asin=None, title="Home recording")
    library = LibraryModel()
    library.set_entries([with_asin, without])
    assert library.flags(library.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not library.flags(library.index(1, 0)) & Qt.ItemFlag.ItemIsDragEnabled  # no ASIN: no list
    dragged = books_from_mime(library.mimeData([library.index(0, 0), library.index(1, 0)]))
    assert [(b.asin, b.title, b.author) for b in dragged] == [("B0AAAAAAA1", "Dune", "Frank Herbert")]

    grid = BookGridModel()
    grid.reset(catalog_core.catalog.annotate([catalog_core.catalog.book("B0TESTSER1", "us")]))
    dragged = books_from_mime(grid.mimeData([grid.index(0)]))
    assert [(b.asin, b.region, b.title) for b in dragged] == [("B0TESTSER1", "us", "The Lantern Road")]


def test_lists_page_shows_covers_from_the_catalog(catalog_core: AppCore, shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QIcon

    from rmab_desktop.ui.models.catalog_model import CoverImages

    lists, catalog = catalog_core.lists, catalog_core.catalog
    lists.create("Covered")
    lists.add("Covered", "B0TESTSER1")  # looked up in the catalog: title and author from Audible
    images = CoverImages(shell.runner, catalog.covers.fetch)
    page = ListsPage(
        lists, shell.runner, shell.notifier, cover_urls=catalog_core.list_books.cover_urls, images=images
    )
    qtbot.addWidget(page)
    index = page.views[0].model().index(0)
    assert index.data() == "1. The Lantern Road"
    qtbot.waitUntil(
        lambda: isinstance(page.views[0].model().index(0).data(Qt.ItemDataRole.DecorationRole), QIcon)
    )
