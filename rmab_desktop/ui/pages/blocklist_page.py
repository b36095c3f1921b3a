"""Blocklist: releases that failed for a book (and are never grabbed again for it); view, remove, add."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from rmab_desktop.domain.downloads import BlocklistItem
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.downloads import BlocklistService
from rmab_desktop.ui.formatting import friendly_time, full_time
from rmab_desktop.ui.models.roles import FilterRole, ObjectRole, SortRole
from rmab_desktop.ui.models.row_model import Column, RowTableModel
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout
from rmab_desktop.workers.runner import ErrorInfo, ImmediateRunner, TaskRunner

tr = Translator("BlocklistPage")

BookChoices = Callable[[], list[tuple[int, str]]]  # (audiobook id, title) for the Add dialog

COLUMNS: list[Column[BlocklistItem]] = [
    Column(tr.mark("Book"), lambda b: b.book_title or tr("every book")),
    Column(
        tr.mark("Release"), lambda b: b.release_title, tooltip=lambda b: b.release_guid or b.infohash or ""
    ),
    Column(tr.mark("Indexer"), lambda b: b.indexer),
    Column(tr.mark("Reason"), lambda b: b.reason, tooltip=lambda b: b.reason),
    Column(
        tr.mark("Added"),
        lambda b: friendly_time(b.created_at),
        sort=lambda b: b.created_at.timestamp(),
        tooltip=lambda b: full_time(b.created_at),
    ),
]


class AddBlockDialog(QDialog):
    """A release to block by hand: its title, its guid or info-hash, the book and the reason."""

    def __init__(self, books: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Block a release"))
        form = QFormLayout(self)
        self.book_combo = QComboBox()
        self.book_combo.addItem(tr("Every book"), None)
        for book_id, title in books:
            self.book_combo.addItem(title, book_id)
        self.title_edit = QLineEdit()
        self.key_edit = QLineEdit(
            placeholderText=tr("the release's guid/link, or its 40-character info-hash")
        )
        self.reason_edit = QLineEdit(placeholderText=tr("e.g. wrong narrator, bad rip"))
        for label, field in (
            (tr("&Book"), self.book_combo),
            (tr("Release &title"), self.title_edit),
            (tr("&Guid or info-hash"), self.key_edit),
            (tr("&Reason"), self.reason_edit),
        ):
            form.addRow(label, field)
            field.setAccessibleName(label.replace("&", ""))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.key_edit.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(bool(self.key_edit.text().strip()))

    def values(self) -> dict[str, Any]:
        key = self.key_edit.text().strip()
        is_hash = len(key) == 40 and all(c in "0123456789abcdefABCDEF" for c in key)
        return {
            "audiobook_id": self.book_combo.currentData(),
            "release_title": self.title_edit.text().strip() or key,
            "guid": None if is_hash else key,
            "infohash": key if is_hash else None,
            "reason": self.reason_edit.text().strip() or tr("Blocked by hand"),
        }


class BlocklistPage(QWidget):
    def __init__(
        self, blocklist: BlocklistService, runner: TaskRunner | ImmediateRunner, books: BookChoices
    ) -> None:
        super().__init__()
        self.blocklist = blocklist
        self.runner = runner
        self.books = books
        self.model: RowTableModel[BlocklistItem] = RowTableModel(COLUMNS)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterRole(FilterRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        layout = page_layout(self)
        layout.addWidget(
            PageHeader(
                tr("Blocklist"),
                tr(
                    "Releases that failed (stalled, broken, wrong book) are blocked for that book, so the "
                    "next candidate is tried instead. Remove an entry to allow a release again."
                ),
            )
        )
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit(placeholderText=tr("Filter by book, release, indexer or reason"))
        self.filter_edit.setAccessibleName(tr("Filter the blocklist"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = QPushButton(tr("Add…"))
        self.add_button.setToolTip(tr("Block a release by hand"))
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.setToolTip(tr("Allow the selected releases again"))
        self.refresh_button = QPushButton(tr("Refresh"))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.refresh_button.clicked.connect(self.reload)
        bar.addWidget(self.filter_edit, 1)
        for button in (self.add_button, self.remove_button, self.refresh_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.table = QTableView()
        self.table.setAccessibleName(tr("Blocked releases"))
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 180), (1, 300), (2, 110), (3, 240)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.status_label = QLabel()
        layout.addWidget(self.status_label)
        self._selection_changed()
        self.reload()

    def reload(self) -> None:
        self.runner.submit(self.blocklist.list, pool="library", on_result=self._loaded, on_error=self._error)

    def _loaded(self, items: list[BlocklistItem]) -> None:
        self.model.set_rows(items)
        self.status_label.setText(
            tr.n("%n blocked release(s)", len(items)) if items else tr("Nothing is blocked.")
        )

    def _error(self, info: ErrorInfo) -> None:
        self.status_label.setText(f"{info.message} {info.hint}".strip())

    def focus_search(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def selected(self) -> list[BlocklistItem]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ObjectRole) for index in rows]

    def _selection_changed(self, *_args: Any) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def remove_selected(self) -> None:
        ids = [item.id for item in self.selected()]
        if not ids:
            return

        def remove_all() -> None:
            for entry_id in ids:
                self.blocklist.remove(entry_id)

        self.runner.submit(
            remove_all, pool="library", on_result=lambda _r: self.reload(), on_error=self._error
        )

    def add(self) -> None:
        self.runner.submit(self.books, pool="library", on_result=self._open_add_dialog, on_error=self._error)

    def _open_add_dialog(self, books: list[tuple[int, str]]) -> None:
        dialog = AddBlockDialog(books, self)
        self.add_dialog = dialog  # reachable from tests
        dialog.accepted.connect(lambda: self._add(dialog.values()))
        dialog.open()

    def _add(self, values: dict[str, Any]) -> None:
        audiobook_id = values.pop("audiobook_id")
        title = values.pop("release_title")
        self.runner.submit(
            self.blocklist.add_manual, audiobook_id, title, **values,
            pool="library", on_result=lambda _id: self.reload(), on_error=self._error,
        )  # fmt: skip
