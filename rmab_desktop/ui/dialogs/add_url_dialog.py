"""Add from URL: paste a link (YouTube, a podcast episode, LibriVox, the Internet Archive ...),
look it up, correct the title and author, and import its audio as a book with its chapters.
Looking up and importing run off the GUI thread; the import shows progress and can be stopped."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator

if TYPE_CHECKING:
    from rmab_desktop.services.url_audio import UrlImports, UrlPreview
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo, TaskHandle

tr = Translator("AddUrlDialog")


class AddUrlDialog(QDialog):
    def __init__(self, imports: UrlImports, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.imports, self.runner = imports, runner
        self.task: TaskHandle | None = None
        self.result_info: dict[str, Any] | None = None
        self.setWindowTitle(tr("Add from URL"))
        self.resize(620, 300)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Paste a link to a page with audio: a video, a podcast episode, LibriVox, the Internet Archive."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        self.url.setAccessibleName(tr("Link"))
        self.look_up = QPushButton(tr("Look up"))
        self.look_up.clicked.connect(self.lookup)
        self.url.returnPressed.connect(self.lookup)
        row.addWidget(self.url, 1)
        row.addWidget(self.look_up)
        layout.addLayout(row)
        form = QFormLayout()
        self.title = QLineEdit()
        self.author = QLineEdit()
        form.addRow(tr("Title"), self.title)
        form.addRow(tr("Author"), self.author)
        layout.addLayout(form)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.stop_or_close)
        layout.addWidget(self.buttons)

    # -- look up ---------------------------------------------------------------------------------
    def lookup(self) -> None:
        url = self.url.text().strip()
        if not url:
            self.info.setText(tr("Paste a link first."))
            return
        self.look_up.setEnabled(False)
        self.info.setText(tr("Looking at the page…"))
        self.runner.submit(
            self.imports.preview,
            url,
            title=self.title.text().strip() or None,
            author=self.author.text().strip() or None,
            on_result=self._found,
            on_error=self._failed,
        )

    def _found(self, preview: UrlPreview) -> None:
        self.look_up.setEnabled(True)
        self.title.setText(preview.book.title)
        self.author.setText(preview.book.authors[0] if preview.book.authors else "")
        source = preview.source
        self.info.setText(
            tr.n("%n chapter", len(source.chapters))
            + " · "
            + tr("goes to {folder}").format(folder=preview.target_path)
        )
        self.import_button.setEnabled(True)

    def _failed(self, info: ErrorInfo) -> None:
        self.look_up.setEnabled(True)
        self.progress.setVisible(False)
        self.import_button.setEnabled(bool(self.title.text() and self.author.text()))
        self.info.setText(f"{info.message} {info.hint}".strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        self.task = None

    # -- import ----------------------------------------------------------------------------------
    def start(self) -> None:
        """Download and import with the (edited) title and author; the dialog stays open."""
        self.import_button.setEnabled(False)
        self.look_up.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.info.setText(tr("Downloading…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Stop"))
        self.task = self.runner.submit(
            self.imports.run,
            self.url.text().strip(),
            title=self.title.text().strip() or None,
            author=self.author.text().strip() or None,
            pool="pipeline",
            with_progress=True,
            on_progress=lambda value: self.progress.setValue(round(float(value) * 100)),
            on_result=self._imported,
            on_error=self._failed,
        )

    def _imported(self, info: dict[str, Any]) -> None:
        self.task = None
        self.result_info = info
        self.progress.setValue(100)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        self.info.setText(
            tr("Imported into {folder}").format(folder=info["path"])
            + " · "
            + tr.n("%n chapter", int(info["chapters"]))
        )

    def stop_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.info.setText(tr("Stopping…"))
            return
        self.reject()
