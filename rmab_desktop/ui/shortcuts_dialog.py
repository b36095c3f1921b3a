"""Help › Keyboard Shortcuts: every menu command with a key (read from the menus themselves, so
the list cannot drift), the keys of the registered book actions, and the keys inside pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.ui.book_actions import LIBRARY_BOOK_ACTIONS

tr = Translator("ShortcutsDialog")


def page_keys() -> list[tuple[str, str]]:
    """Keys that act inside pages and book windows (not menu commands)."""
    keys = [
        (tr("Move between controls"), tr("Tab, Shift+Tab")),
        (tr("Open the selected book (Search, Discover, author and series lists)"), tr("Enter")),
        (tr("Show a book's actions"), tr("Menu key, Shift+F10")),
        (tr("Close a book window"), tr("Esc, Ctrl+W")),
    ]
    for spec in sorted(LIBRARY_BOOK_ACTIONS, key=lambda s: s.order):
        if spec.shortcut:
            native = QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            keys.append((tr("Library › {action}").format(action=text(spec.text)), native))
    return keys


class ShortcutsDialog(QDialog):
    def __init__(self, menu_keys: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        """``menu_keys`` are (menu › command, key) pairs, as ``MainWindow.menu_shortcuts`` lists them."""
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard Shortcuts"))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Everything in the app can be reached from the keyboard."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        rows = menu_keys + page_keys()
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([tr("Command"), tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        for row, (command, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(command))
            key_item = QTableWidgetItem(keys)
            key_item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, key_item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str]]:
        return [(self._text(row, 0), self._text(row, 1)) for row in range(self.table.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
