"""Previews before rescuing a request: what an import by hand places where, and exactly what
deleting a request with its files removes (and keeps). Nothing happens until the user agrees."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator

if TYPE_CHECKING:
    from rmab_desktop.domain.library import ImportResult
    from rmab_desktop.services.rescue import DeletionPlan

tr = Translator("RescueDialogs")


def _table(name: str, headers: list[str], rows: list[tuple[str, str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    # Long paths and longer languages wrap onto more lines instead of being cut off.
    table.setWordWrap(True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    _fill(table, rows)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, str]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(row, column, item)


class _Preview(QDialog):
    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 420)
        self.layout_ = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        self.layout_.addWidget(label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.layout_.addWidget(self.buttons)


class ImportPreviewDialog(_Preview):
    """Each file's source and where it goes in the library; Import starts it."""

    def __init__(self, preview: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(
            tr("Import by hand"),
            tr("These files go into {folder}. Your files stay where they are; copies are tagged.").format(
                folder=preview.absolute_path
            ),
            tr("Import"),
            parent,
        )
        rows = [(f.source, f.target) for f in preview.files]
        rows += [("", name) for name in preview.sidecars]
        self.table = _table(tr("Files to import"), [tr("From"), tr("To (in the library)")], rows)
        self.layout_.addWidget(self.table, 1)
        for warning in preview.warnings:
            self.layout_.addWidget(QLabel(warning))
        self.finish()


class DeletePreviewDialog(_Preview):
    """Exactly what goes (download, files, library entry) and what stays; Delete does it."""

    def __init__(self, plan: DeletionPlan, parent: QWidget | None = None) -> None:
        super().__init__(
            tr("Delete the request and its files"),
            tr("Only what this app downloaded and imported for the request is removed."),
            tr("Delete"),
            parent,
        )
        self.now = QCheckBox(tr("Remove the download now, without waiting for its seeding rules"))
        self.now.toggled.connect(lambda _on: self._fill_plan(plan))
        self.table = _table(tr("What is removed"), [tr("Removes"), tr("What")], [])
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self.now)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # Enter never deletes
        self.ok_button.setAutoDefault(False)
        self.kept = QLabel()
        self.kept.setWordWrap(True)
        self.layout_.addWidget(self.kept)
        self._fill_plan(plan)
        self.finish()

    def _fill_plan(self, plan: DeletionPlan) -> None:
        when = tr("now, with its data") if self.now.isChecked() else tr("after its seeding rules are met")
        rows = [(tr("Download"), f"{client}: {item} ({when})") for _, client, item in plan.downloads]
        rows += [(tr("File"), str(path)) for path in plan.files]
        rows += [(tr("Folder"), tr("{folder} (when nothing else is left in it)").format(folder=folder))
                 for folder in plan.folders]  # fmt: skip
        rows += [
            (tr("Library entry"), tr("Book {number}").format(number=item)) for item in plan.library_items
        ]
        _fill(self.table, rows)
        self.kept.setText(
            tr.n("%n file stays: the app did not import it.", len(plan.kept)) if plan.kept else ""
        )
