"""Main window: sidebar from the registry, page switching, banners, Audible link drops, geometry."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel

from rmab_desktop.settings import SettingsStore
from rmab_desktop.ui.links import parse_audible_link
from rmab_desktop.ui.main_window import MainWindow
from rmab_desktop.ui.models.pages_model import PagesModel
from rmab_desktop.ui.pages.registry import PAGES, PageSpec
from tests.ui.main_windows import open_main_window


def _label_page(text):
    return lambda core, shell: QLabel(text)


def _broken(core, shell):
    raise RuntimeError("this page is broken")


PAGES_UNDER_TEST = [
    PageSpec("second", "Second", "library", _label_page("second page"), order=20),
    PageSpec("first", "First", "discover", _label_page("first page"), order=10),
    PageSpec("broken", "Broken", "status", _broken, order=30),
]


def test_sidebar_follows_registry_order(core, qtbot, qtmodeltester):
    window, _shell = open_main_window(core, PAGES_UNDER_TEST)
    qtbot.addWidget(window)
    model = window.pages_model
    qtmodeltester.check(model)
    assert [model.spec(r).key for r in range(model.rowCount())] == ["first", "second", "broken"]
    assert not model.data(model.index(0), Qt.ItemDataRole.DecorationRole).isNull()


def test_show_page_builds_lazily_and_survives_a_broken_page(core, qtbot):
    window, _shell = open_main_window(core, PAGES_UNDER_TEST)
    qtbot.addWidget(window)
    assert window.current_page_key() == "first"  # last_page "activity" is not registered here
    assert window.page("second") is None
    with qtbot.waitSignal(window.pageChanged) as blocker:
        assert window.show_page("second")
    assert blocker.args == ["second"]
    assert window.stack.currentWidget().text() == "second page"
    assert window.show_page("broken")
    assert "could not be opened" in window.stack.currentWidget().title_label.text()
    assert not window.show_page("nope")
    assert core.prefs.window.last_page == "broken"


def test_default_registry_has_activity(core, qtbot):
    assert any(spec.key == "activity" for spec in PAGES)
    window, _shell = open_main_window(core)
    qtbot.addWidget(window)
    assert window.show_page("activity")


def test_banners_show_and_hide(core, qtbot):
    window, shell = open_main_window(core, PAGES_UNDER_TEST)
    qtbot.addWidget(window)
    assert shell.banners is window.banners
    shell.banners.show_banner("offline", "The Audible catalog is unreachable.", "warning")
    assert window.banners.text("offline") == "The Audible catalog is unreachable."
    window.set_keyring_status("locked", "Your keychain is locked.")
    assert "locked" in window.keyring_label.text()
    assert window.banners.keys() == ["offline", "keyring"]
    window.set_keyring_status("secure", "ok")
    shell.banners.hide_banner("offline")
    assert window.banners.keys() == []


def test_dropping_an_audible_link_emits_asin_and_region(core, qtbot):
    window, _shell = open_main_window(core, PAGES_UNDER_TEST)
    qtbot.addWidget(window)
    mime = QMimeData()
    mime.setUrls([QUrl("https://www.audible.co.uk/pd/Project-Hail-Mary-Audiobook/B08G9PRS1K?ref=x")])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.bookLinkDropped) as blocker:
        window.dropEvent(event)
    assert blocker.args == ["B08G9PRS1K", "uk"]
    text_only = QMimeData()
    text_only.setText("not a link")
    ignored = QDropEvent(
        QPoint(1, 1),
        Qt.DropAction.CopyAction,
        text_only,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.assertNotEmitted(window.bookLinkDropped):
        window.dropEvent(ignored)


def test_parse_audible_links_per_marketplace():
    cases = {
        "https://www.audible.com/pd/Dune-Audiobook/B002V1OF70": ("B002V1OF70", "us"),
        "https://www.audible.de/pd/B07FLJPQ3R": ("B07FLJPQ3R", "de"),
        "audible.com.au/pd/Some-Book-Audiobook/B0C1234567?qid=1": ("B0C1234567", "au"),
        "https://www.audible.co.jp/pd/x-Audiobook/B0ABCDEFGH": ("B0ABCDEFGH", "jp"),
        "https://www.audible.com.br/pd/x/B0ABCDEFG1": ("B0ABCDEFG1", "br"),
        "https://www.audible.fr/pd/x-Livre-Audio/2221249382": ("2221249382", "fr"),
    }
    for url, expected in cases.items():
        assert parse_audible_link(url) == expected, url
    for bad in (
        "https://www.amazon.com/pd/x/B002V1OF70",
        "https://www.audible.com/search?q=dune",
        "",
        "ftp://audible.com/pd/B002V1OF70",
    ):
        assert parse_audible_link(bad) is None, bad


def test_geometry_is_remembered(core, qtbot):
    window, _shell = open_main_window(core, PAGES_UNDER_TEST)
    qtbot.addWidget(window)
    window.resize(771, 523)
    window.show()
    qtbot.waitExposed(window)
    window.remember_state()
    saved = SettingsStore(core.paths.settings_file).load()
    assert saved.window.geometry_b64
    again = MainWindow(PAGES_UNDER_TEST, window_state=saved.window)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (771, 523)


def test_pages_model_empty(qtmodeltester):
    qtmodeltester.check(PagesModel([]))
