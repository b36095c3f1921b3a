"""Settings > Household key: the key that seals the passwords and API keys every desktop shares.

In household mode the secrets live in the shared database, encrypted with a key kept in each
desktop's keychain. A desktop that has it exports it (a file protected by a passphrase, also shown
as a QR code); a new desktop joins with that file (or the QR code's text) and the passphrase.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPalette, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.credentials import HouseholdKeyState, SecretVault
from rmab_desktop.ui.dialogs.focus import labelled_row
from rmab_desktop.ui.theme import status_color
from rmab_desktop.ui.widgets.test_result import TestResultLabel

if TYPE_CHECKING:
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("HouseholdKeySettings")

KEY_FILE_SUFFIX = ".rmabkey"
QR_MODULE_PIXELS = 4

STATE_TEXT = {
    HouseholdKeyState.SINGLE_USER: tr.mark(
        "Single-user mode: passwords and API keys stay in this computer's keychain. The household key is "
        "used once several people share this database."
    ),
    HouseholdKeyState.NEW: tr.mark(
        "No household key exists yet. It is made when the first password or API key is saved; then "
        "export it for the other desktops."
    ),
    HouseholdKeyState.READY: tr.mark(
        "This desktop holds the household key: it reads the shared passwords and API keys. Export the "
        "key to let another desktop join."
    ),
    HouseholdKeyState.NEEDS_KEY: tr.mark(
        "This desktop has not joined the household yet, so it cannot read the shared passwords and API "
        "keys. On a desktop of the household, export the key; then join here with the file."
    ),
    HouseholdKeyState.WRONG_KEY: tr.mark(
        "This desktop's key belongs to another household. Join again with a key file exported on a "
        "desktop of this household."
    ),
}
STATE_LEVEL = {  # the states that ask for something are coloured; the others read as plain text
    HouseholdKeyState.NEEDS_KEY: "warning",
    HouseholdKeyState.WRONG_KEY: "error",
}


def qr_pixmap(payload: str) -> QPixmap:
    """The payload as a black-on-white QR code with its quiet zone (readable in either theme)."""
    import qrcode  # loaded when a key is exported, not when the app starts

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    black = QColor("black").rgb()
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                image.setPixel(x, y, black)
    scaled = image.scaled(
        size * QR_MODULE_PIXELS, size * QR_MODULE_PIXELS, Qt.AspectRatioMode.KeepAspectRatio
    )
    return QPixmap.fromImage(scaled)


def _passphrase_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


class ExportKeyDialog(QDialog):
    """A passphrase (twice) and a file; then the file's contents as a QR code."""

    def __init__(self, secrets: SecretVault, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.secrets, self.runner = secrets, runner
        self.setWindowTitle(tr("Export household key"))
        self.resize(560, 0)
        explain = QLabel(
            tr(
                "Choose a passphrase for the key file. Whoever has the file and the passphrase can read the "
                "household's passwords and API keys: give them only to a desktop of the household."
            )
        )
        explain.setWordWrap(True)
        self.passphrase = _passphrase_field(tr("At least 8 characters"))
        self.repeat = _passphrase_field(tr("The same passphrase again"))
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.path_edit = QLineEdit(str(Path(documents or Path.home()) / f"household{KEY_FILE_SUFFIX}"))
        browse = QPushButton(tr("&Browse…"))
        browse.clicked.connect(self.browse)
        form = QFormLayout()
        form.addRow(tr("&Passphrase"), self.passphrase)
        form.addRow(tr("&Repeat"), self.repeat)
        labelled_row(form, tr("Key &file"), self.path_edit, browse)
        self.qr_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setAccessibleName(tr("The key file as a QR code"))
        self.qr_label.hide()
        self.outcome = TestResultLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(tr("&Export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self._layout = layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.qr_label)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)

    def browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, tr("Save the household key"), self.path_edit.text(), tr("Household key (*.rmabkey)")
        )
        if chosen:
            self.path_edit.setText(chosen)

    def export(self) -> None:
        passphrase = self.passphrase.text()
        if passphrase != self.repeat.text():
            self.outcome.show_result(
                ConnectionTestResult(
                    False, tr("The two passphrases differ."), hint=tr("Type the same passphrase twice.")
                )
            )
            return
        path = Path(self.path_edit.text().strip()).expanduser()
        self.export_button.setEnabled(False)
        self.outcome.show_busy(tr("Protecting the key with your passphrase…"))
        self.runner.submit(
            self.secrets.shared.export_key_file,
            path,
            passphrase,
            on_result=lambda payload: self._exported(path, payload),
            on_error=self.outcome.show_error,
            on_finished=lambda: self.export_button.setEnabled(True),
        )

    def _exported(self, path: Path, payload: str) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        pixmap = qr_pixmap(json.dumps(json.loads(payload), separators=(",", ":")))  # compact: fewer modules
        self.qr_label.setPixmap(pixmap)
        self.qr_label.setMinimumSize(pixmap.size())
        self.qr_label.show()
        saved = tr(
            "Saved to {path}. On the new desktop, join with this file or scan the code, and enter the passphrase."
        )
        self.outcome.show_result(ConnectionTestResult(True, saved.format(path=path)))
        self._layout.activate()  # grow to show the code and the message, keeping the width
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))


class JoinHouseholdDialog(QDialog):
    """A key file (or the text of its QR code) and its passphrase."""

    joined = Signal()

    def __init__(self, secrets: SecretVault, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.secrets, self.runner = secrets, runner
        self.setWindowTitle(tr("Join the household"))
        self.resize(560, 0)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(tr("The .rmabkey file exported on another desktop"))
        browse = QPushButton(tr("&Browse…"))
        browse.clicked.connect(self.browse)
        self.pasted = QPlainTextEdit()
        self.pasted.setPlaceholderText(tr("…or paste the text of the QR code here"))
        self.pasted.setAccessibleName(tr("Text of the QR code"))
        self.pasted.setTabChangesFocus(True)
        self.pasted.setFixedHeight(80)
        self.passphrase = _passphrase_field(tr("The passphrase chosen at export"))
        form = QFormLayout()
        labelled_row(form, tr("Key &file"), self.path_edit, browse)
        form.addRow(tr("QR &text"), self.pasted)
        form.addRow(tr("&Passphrase"), self.passphrase)
        self.outcome = TestResultLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.join_button = self.buttons.addButton(tr("&Join"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.join)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)

    def browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, tr("Open a household key"), self.path_edit.text(), tr("Household key (*.rmabkey)")
        )
        if chosen:
            self.path_edit.setText(chosen)

    def join(self) -> None:
        path, pasted = self.path_edit.text().strip(), self.pasted.toPlainText().strip()
        if not path and not pasted:
            self.outcome.show_result(
                ConnectionTestResult(
                    False,
                    tr("Choose a key file, or paste the text of its QR code."),
                    hint=tr("Export the key on a desktop of the household first."),
                )
            )
            return
        self.join_button.setEnabled(False)
        self.outcome.show_busy(tr("Opening the key…"))
        self.runner.submit(
            _import_key,
            self.secrets,
            path,
            pasted,
            self.passphrase.text(),
            on_result=lambda _r: self._joined(),
            on_error=self.outcome.show_error,
            on_finished=lambda: self.join_button.setEnabled(True),
        )

    def _joined(self) -> None:
        self.passphrase.clear()
        self.joined.emit()
        self.accept()


def _import_key(secrets: SecretVault, path: str, pasted: str, passphrase: str) -> None:
    """From the chosen file, or from the QR code's text (the same file's contents)."""
    if path:
        secrets.shared.import_key_file(Path(path).expanduser(), passphrase)
        return
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / f"pasted{KEY_FILE_SUFFIX}"
        copy.write_text(pasted, encoding="utf-8")
        secrets.shared.import_key_file(copy, passphrase)


class HouseholdKeySettings(QWidget):
    def __init__(self, secrets: SecretVault, runner: Runner) -> None:
        super().__init__()
        self.secrets, self.runner = secrets, runner
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setAccessibleName(tr("Household key state"))
        self.export_button = QPushButton(tr("&Export household key…"))
        self.export_button.clicked.connect(self.export)
        self.join_button = QPushButton(tr("&Join with a key file…"))
        self.join_button.clicked.connect(self.join)
        self.result = TestResultLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.join_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.state_label)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.export_button.setEnabled(False)
        self.reload()

    def reload(self) -> None:
        self.state_label.setText(tr("Checking the household key…"))
        self.runner.submit(self.secrets.key_state, on_result=self._show, on_error=self._failed)

    def _show(self, state: HouseholdKeyState) -> None:
        self.state = state
        self.state_label.setText(text(STATE_TEXT[state]))
        level = STATE_LEVEL.get(state)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        self.state_label.setStyleSheet(f"color: {status_color(level, dark).name()};" if level else "")
        self.result.clear_result()
        self.export_button.setEnabled(state in (HouseholdKeyState.READY, HouseholdKeyState.NEW))
        # Joining is open in single-user mode too: a desktop can join before it moves to the household.
        self.join_button.setEnabled(state is not HouseholdKeyState.READY)

    def _failed(self, info: ErrorInfo) -> None:
        self.state_label.setText(tr("The household key could not be checked."))
        self.result.show_error(info)

    def export(self) -> ExportKeyDialog:
        dialog = ExportKeyDialog(self.secrets, self.runner, self)
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()
        return dialog

    def join(self) -> JoinHouseholdDialog:
        dialog = JoinHouseholdDialog(self.secrets, self.runner, self)
        dialog.joined.connect(self.reload)
        dialog.open()
        return dialog
