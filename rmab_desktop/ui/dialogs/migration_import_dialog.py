"""Import from ReadMeABook / AudioBookRequest: choose the other app's database, look at what it
holds, bring it over, read what could not come. Reading and importing run off the GUI thread; a
second import brings over only what is new."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.migration_import import Kind, MigrationImport, Source, kind_label
from rmab_desktop.ui import formatting

if TYPE_CHECKING:
    from rmab_desktop.domain.cancel import CancelToken
    from rmab_desktop.services.migration_import import ImportReport, Preview, Snapshot
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo, TaskHandle

tr = Translator("MigrationImportDialog")


class MigrationImportDialog(QDialog):
    def __init__(self, imports: MigrationImport, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.imports, self.runner = imports, runner
        self.snapshot: Snapshot | None = None
        self.report: ImportReport | None = None
        self.task: TaskHandle | None = None
        self.setWindowTitle(tr("Import from ReadMeABook / AudioBookRequest"))
        self.resize(720, 620)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Bring users, requests, books, history, shelves and notification targets over from "
                "ReadMeABook or AudioBookRequest. Their database is only read; importing again later "
                "brings over only what is new."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.source = QComboBox()
        self.source.addItem(tr("ReadMeABook (PostgreSQL database)"), Source.READMEABOOK.value)
        self.source.addItem(tr("AudioBookRequest (database file)"), Source.AUDIOBOOKREQUEST.value)
        self.source.setAccessibleName(tr("Import from"))
        self.source.currentIndexChanged.connect(self._source_changed)
        form.addRow(tr("Import from"), self.source)
        row = QHBoxLayout()
        self.location = QLineEdit()
        self.location.setAccessibleName(tr("Database"))
        self.location.textChanged.connect(self._forget_preview)
        self.browse = QPushButton(tr("Browse…"))
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.location, 1)
        row.addWidget(self.browse)
        self.location_label = QLabel(tr("Database address"))
        form.addRow(self.location_label, row)
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(tr("Encryption key"))
        self.key.setPlaceholderText(tr("CONFIG_ENCRYPTION_KEY (optional)"))
        self.key_label = QLabel(tr("Encryption key"))
        form.addRow(self.key_label, self.key)
        layout.addLayout(form)
        self.key_help = QLabel(
            tr(
                "With ReadMeABook's key its secrets (notification targets, Hardcover tokens) come over; "
                "without it they are listed to enter again."
            )
        )
        self.key_help.setWordWrap(True)
        layout.addWidget(self.key_help)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("What"), tr("Found"), tr("For example")])
        self.table.setAccessibleName(tr("What comes over"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 2)
        self.status = QLabel(tr("Give the database, then press Preview."))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(tr("Report"))
        self.details.setVisible(False)
        layout.addWidget(self.details, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        self.preview_button = self.buttons.addButton(tr("Preview"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = self.buttons.addButton(tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.preview_button.clicked.connect(self.load_preview)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.stop_or_close)
        layout.addWidget(self.buttons)
        self._source_changed()

    # -- the source --------------------------------------------------------------------------------
    def selected_source(self) -> Source:
        return Source(self.source.currentData())

    def _source_changed(self) -> None:
        readmeabook = self.selected_source() == Source.READMEABOOK
        self.location_label.setText(tr("Database address") if readmeabook else tr("Database file"))
        self.location.setPlaceholderText(
            "postgresql://USER:PASSWORD@HOST:5432/readmeabook" if readmeabook else "…/config/db.sqlite"
        )
        self.browse.setVisible(not readmeabook)
        for widget in (self.key, self.key_label, self.key_help):
            widget.setVisible(readmeabook)
        self._forget_preview()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("AudioBookRequest database"), "", tr("SQLite databases (*.sqlite *.db);;All files (*)")
        )
        if path:
            self.location.setText(path)

    def _forget_preview(self) -> None:
        self.snapshot = None
        self.import_button.setEnabled(False)

    # -- preview -----------------------------------------------------------------------------------
    def load_preview(self) -> None:
        location = self.location.text().strip()
        if not location:
            self.status.setText(tr("Give the database first."))
            return
        self.preview_button.setEnabled(False)
        self.status.setText(tr("Reading the database…"))
        source, key = self.selected_source(), self._key()

        def read() -> tuple[Snapshot, Preview]:
            snapshot = MigrationImport.read(source, location)
            MigrationImport.check_key(snapshot, key)
            return snapshot, MigrationImport.preview(snapshot)

        self.runner.submit(read, on_result=self._previewed, on_error=self._failed)

    def _key(self) -> str | None:
        return (self.key.text().strip() or None) if self.selected_source() == Source.READMEABOOK else None

    def _previewed(self, result: tuple[Snapshot, Preview]) -> None:
        self.snapshot, preview = result
        self.preview_button.setEnabled(True)
        self._fill(
            [tr("What"), tr("Found"), tr("For example")],
            [
                (kind_label(kind), formatting.number(preview.counts[kind]), ", ".join(preview.samples[kind]))
                for kind in Kind
            ],
        )
        lines = [
            tr("{kind}: {reason}").format(kind=kind_label(n.kind), reason=n.reason)
            for n in preview.unreadable
        ]
        if preview.encrypted_secrets and not self._key():
            lines.append(
                tr.n(
                    "%n secret is encrypted: without the key it is listed to enter again.",
                    preview.encrypted_secrets,
                )
            )
        self.status.setText("\n".join(lines) or tr("Everything can be read. Press Import to bring it over."))
        self.import_button.setEnabled(sum(preview.counts.values()) > 0)

    def _fill(self, headers: list[str], rows: list[tuple[str, ...]]) -> None:
        self.table.clearContents()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _failed(self, info: ErrorInfo) -> None:
        self.preview_button.setEnabled(True)
        self.progress.setVisible(False)
        self.import_button.setEnabled(self.snapshot is not None)
        self.status.setText(f"{info.message}\n{info.hint}".strip())

    # -- import ------------------------------------------------------------------------------------
    def start(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        self.import_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.progress.setRange(0, max(1, sum(len(snapshot.records(kind)) for kind in Kind)))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(tr("Bringing everything over…"))
        key, imports = self._key(), self.imports

        def run(progress: Any, cancel: CancelToken) -> ImportReport:
            return imports.run(
                snapshot, key=key, progress=lambda done, total, label: progress((done, label)), cancel=cancel
            )

        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Stop"))
        self.task = self.runner.submit(
            run,
            pool="pipeline",
            with_progress=True,
            on_progress=self._advanced,
            on_result=self._imported,
            on_error=self._failed,
            on_finished=self._ended,
        )

    def stop_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(tr("Stopping…"))
            return
        self.reject()

    def _ended(self) -> None:
        """The run ended: imported (the report is shown), failed, or stopped by the user."""
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        if self.task is not None and self.task.cancelled:
            self.status.setText(tr("Stopped. What came over is kept; import again to bring over the rest."))
            self.preview_button.setEnabled(True)
            self.import_button.setEnabled(True)
        self.task = None

    def _advanced(self, value: tuple[int, str]) -> None:
        done, label = value
        self.progress.setValue(done)
        self.status.setText(tr("Bringing over {item}").format(item=label))

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        self.progress.setValue(self.progress.maximum())
        self.preview_button.setEnabled(True)
        self.import_button.setEnabled(True)  # again: only what is new since comes over
        self._fill(
            [tr("What"), tr("Added"), tr("Already here"), tr("Not brought over")],
            [
                (
                    kind_label(kind),
                    formatting.number(count.added),
                    formatting.number(count.already),
                    formatting.number(count.skipped),
                )
                for kind, count in report.counts.items()
                if count.found
            ],
        )
        self.status.setText(
            tr("Done. Nothing was new: everything came over before.")
            if not report.changed_anything
            else tr("Done. What could not come over, and what to enter again, is listed below.")
        )
        self.details.setPlainText(report_text(report))
        self.details.setVisible(True)


def report_text(report: ImportReport) -> str:
    """The import's notes and secrets to enter again, as the dialog lists them."""
    sections: list[str] = []
    missing = [note for note in report.notes if not note.mapped]
    changed = [note for note in report.notes if note.mapped]
    for title, notes in ((tr("Not brought over"), missing), (tr("Brought over with changes"), changed)):
        if notes:
            lines = [f"• {kind_label(note.kind)} “{note.label}”: {note.reason}" for note in notes]
            sections.append("\n".join([title, *lines]))
    if report.secrets:
        lines = [f"• {secret.what} — {secret.where}" for secret in report.secrets]
        sections.append("\n".join([tr("To enter again"), *lines]))
    return "\n\n".join(sections) or tr("Everything came over as it was.")
