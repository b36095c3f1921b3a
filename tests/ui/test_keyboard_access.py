"""The whole main window works without a mouse and speaks to screen readers: every control on every
registered page has a name, Tab reaches every control, menus have shortcuts listed in Help, and the
request journey (search, open a book, request it, follow it on Requests) needs only the keyboard.
Dialogs have their own checks (tests/ui/ of the settings and wizard dialogs)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from rmab_desktop.ui.main_window import MainWindow
from rmab_desktop.ui.pages.book_page import BookPage
from rmab_desktop.ui.pages.catalog_widgets import CatalogNavigator
from rmab_desktop.ui.pages.registry import PAGES
from rmab_desktop.ui.tray import Tray
from rmab_desktop.ui.wiring import catalog_navigator
from rmab_desktop.workers.runner import TaskRunner
from tests.ui.main_windows import open_main_window
from tests.ui.widget_walk import tab_stops, unnamed_actions, unnamed_controls, walk_tab

DEADLINE_MS = 30_000


def _activate(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """What the window manager does for a window that opens or comes back to the front."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=DEADLINE_MS)


def _press(qtbot, keys: str) -> None:  # type: ignore[no-untyped-def]
    """A key combination, sent where the keyboard focus is (as a user's key press goes)."""
    sequence = QKeySequence(keys)[0]
    target = QApplication.focusWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, sequence.key(), sequence.keyboardModifiers())


def test_every_page_names_its_controls_and_tab_reaches_each(catalog_core, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _shell = open_main_window(catalog_core)
    qtbot.addWidget(window)
    window.show()
    _activate(qtbot, window)
    unnamed: list[str] = []
    unreachable: list[str] = []
    for spec in PAGES:
        window.set_page_visible(spec.key, True)  # restricted pages too (the Users page of an admin)
        assert window.show_page(spec.key)
        QApplication.processEvents()
        unnamed += [f"{spec.key}: {where}" for where in unnamed_controls(window)]
        window.sidebar.setFocus(Qt.FocusReason.TabFocusReason)
        stops = tab_stops(window)
        visited = set(walk_tab(window, 2 * len(stops) + 4))
        unreachable += [
            f"{spec.key}: {type(w).__name__} {w.accessibleName() or w.objectName()!r}"
            for w in stops - visited
        ]
        assert QApplication.focusWidget() is not None, spec.key  # Tab never dropped the focus
    for menu_action in window.menuBar().actions():
        assert menu_action.text()
        unnamed += unnamed_actions(menu_action.menu())
    tray = Tray(window, lambda: False)
    unnamed += unnamed_actions(tray.menu)
    assert unnamed == []
    assert unreachable == []


def test_page_and_main_action_shortcuts_are_listed_in_help(catalog_core, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _shell = open_main_window(catalog_core)
    qtbot.addWidget(window)
    listed = dict(window.menu_shortcuts())
    native = QKeySequence.SequenceFormat.NativeText
    for row, spec in enumerate(window.pages_model.pages[:9]):
        key = QKeySequence(f"Ctrl+{row + 1}").toString(native)
        assert any(key in keys and spec.title in where for where, keys in listed.items()), spec.key
    for keys, command in (
        ("Ctrl+F", "Find"),
        ("Ctrl+K", "Catalog"),
        ("F5", "Refresh"),
        ("Ctrl+,", "Settings"),
        ("Ctrl+Q", "Quit"),
        ("F1", "Keyboard Shortcuts"),
    ):
        key = QKeySequence(keys).toString(native)
        assert any(key in found and command in where for where, found in listed.items()), keys
    # every shortcut is unique across the menus
    all_keys = [k.toString() for a in window.actions() for k in a.shortcuts()]
    assert len(all_keys) == len(set(all_keys))

    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    assert set(listed.items()) <= set(rows)
    assert any("Library › Open folder" in command for command, _keys in rows)  # book action keys too
    assert not unnamed_controls(dialog)


def test_request_journey_with_the_keyboard_only(catalog_core, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+K, type, Enter, Tab to the results, Enter on a book, Space on Request, Esc, Ctrl+N to
    Requests: the request is there. No mouse event is sent."""
    runner = TaskRunner()
    try:
        window, shell = open_main_window(catalog_core, runner=runner)
        qtbot.addWidget(window)
        window.show()
        _activate(qtbot, window)

        _press(qtbot, "Ctrl+K")
        search = window.page("search")
        assert window.current_page_key() == "search" and QApplication.focusWidget() is search.input
        qtbot.keyClicks(search.input, "Generated Book 3")
        qtbot.keyClick(search.input, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: search.model.rowCount() >= 1, timeout=DEADLINE_MS)

        for _ in range(8):  # Tab through field, marketplace, sort and the Search button
            if QApplication.focusWidget() is search.grid:
                break
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is search.grid
        qtbot.keyClick(search.grid, Qt.Key.Key_Home)
        wanted = search.grid.currentIndex()
        assert wanted.isValid()
        nav: CatalogNavigator = catalog_navigator(catalog_core, shell)
        qtbot.keyClick(search.grid, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: bool(nav.windows) and isinstance(nav.windows[-1], BookPage), timeout=DEADLINE_MS
        )
        book = nav.windows[-1]
        qtbot.waitUntil(book.request_button.isEnabled, timeout=DEADLINE_MS)
        _activate(qtbot, book)
        assert QApplication.focusWidget() is book.request_button  # the keyboard starts on Request
        qtbot.keyClick(book.request_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: "Requested" in book.badge.text(), timeout=DEADLINE_MS)
        title = book.entry.book.title

        _press(qtbot, "Esc")
        qtbot.waitUntil(lambda: book not in nav.windows, timeout=DEADLINE_MS)
        _activate(qtbot, window)
        row = [spec.key for spec in window.pages_model.pages].index("requests")
        _press(qtbot, f"Ctrl+{row + 1}")
        assert window.current_page_key() == "requests"
        requests = window.page("requests")
        qtbot.waitUntil(lambda: requests.model.rowCount() == 1, timeout=DEADLINE_MS)
        assert requests.model.row_object(0).book.title == title

        _press(qtbot, "Ctrl+F")  # the Requests filter takes the keyboard
        assert isinstance(QApplication.focusWidget(), QLineEdit)
        assert QApplication.focusWidget() is requests.text_filter
    finally:
        runner.shutdown(5000)


def test_window_commands_reach_the_current_page(catalog_core, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _shell = open_main_window(catalog_core)
    qtbot.addWidget(window)
    window.show()
    _activate(qtbot, window)
    window.show_page("library")
    _press(qtbot, "Ctrl+F")
    assert QApplication.focusWidget() is window.page("library").search
    window.show_page("status")  # no search box there: Ctrl+F goes to the catalog search
    _press(qtbot, "Ctrl+F")
    assert window.current_page_key() == "search"
    assert QApplication.focusWidget() is window.page("search").input
    blocklist_row = [spec.key for spec in window.pages_model.pages].index("blocklist")
    _press(qtbot, f"Ctrl+{blocklist_row + 1}")
    assert window.current_page_key() == "blocklist"
    reloaded = []
    window.page("blocklist").reload = lambda: reloaded.append(True)  # type: ignore[method-assign]
    _press(qtbot, "F5")
    assert reloaded == [True]
    assert isinstance(window, MainWindow)
