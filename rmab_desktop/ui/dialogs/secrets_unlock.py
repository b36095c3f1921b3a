"""The encrypted secrets file in the UI: choose a passphrase, unlock it, and a notice with both actions.

Used where secrets are entered (the setup assistant's steps, Settings > General) and once at start
when the file exists but is locked. Deriving the key is deliberately slow, so it runs on the runner.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.credentials import KeyringState, KeyringStatus
from rmab_desktop.services.secrets_file import MIN_PASSPHRASE
from rmab_desktop.ui import theme
from rmab_desktop.ui.widgets.test_result import TestResultLabel
from rmab_desktop.workers.runner import ErrorInfo

if TYPE_CHECKING:
    from rmab_desktop.services.credentials import CredentialStore
    from rmab_desktop.ui.shell import Runner

tr = Translator("SecretsFile")


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PassphraseDialog(QDialog):
    """``create=True``: a new passphrase typed twice creates the file; otherwise one passphrase
    unlocks it, and "Not now" leaves secrets unavailable."""

    def __init__(
        self, credentials: CredentialStore, runner: Runner, *, create: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert credentials.fallback is not None, "the app always has a secrets file fallback"
        self.secrets, self.runner, self.creating = credentials.fallback, runner, create
        self.setWindowTitle(tr("Encrypted secrets file") if create else tr("Unlock your secrets"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "No system keychain works here. Choose a passphrase to keep passwords and API keys in a "
                "file encrypted with it. You will enter it once each time the app starts; it cannot be "
                "recovered if you forget it."
            )
            if create
            else tr(
                "Your passwords and API keys are in a file encrypted with your passphrase. Enter it to use them."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase = _password_edit()
        self.repeat = _password_edit()
        form.addRow(tr("&Passphrase"), self.passphrase)
        if create:
            form.addRow(tr("&Repeat it"), self.repeat)
        layout.addLayout(form)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.outcome = TestResultLabel()
        layout.addWidget(self.outcome)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(
            tr("&Create") if create else tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(
            tr("Cancel") if create else tr("&Not now"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._check)
        self.repeat.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        typed = self.passphrase.text()
        problem = ""
        if self.creating and typed and len(typed) < MIN_PASSPHRASE:
            problem = tr("At least {count} characters.").format(count=MIN_PASSPHRASE)
        elif self.creating and self.repeat.text() and self.repeat.text() != typed:
            problem = tr("The two passphrases differ.")
        self.note.setText(problem)
        ready = len(typed) >= MIN_PASSPHRASE and self.repeat.text() == typed if self.creating else bool(typed)
        self.ok.setEnabled(ready)

    def _submit(self) -> None:
        action = self.secrets.create if self.creating else self.secrets.unlock
        self.ok.setEnabled(False)
        self.outcome.show_busy(tr("Creating…") if self.creating else tr("Unlocking…"))
        self.runner.submit(
            action, self.passphrase.text(), on_result=lambda _: self.accept(), on_error=self._failed
        )

    def _failed(self, info: ErrorInfo) -> None:
        self.outcome.show_error(info)
        self._check()


class KeychainNotice(QFrame):
    """Where secrets are kept, with "Use an encrypted file…" or "Unlock…" when no keychain works.

    ``only_problems`` (the assistant): hidden while secrets can be saved."""

    changed = Signal(object)  # KeyringStatus, after every check

    def __init__(
        self,
        credentials: CredentialStore,
        runner: Runner,
        *,
        only_problems: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keychainNotice")
        self.credentials, self.runner, self.only_problems = credentials, runner, only_problems
        self.status: KeyringStatus | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.create_button = QPushButton(tr("Use an &encrypted file…"))
        self.unlock_button = QPushButton(tr("U&nlock…"))
        self.create_button.clicked.connect(lambda: self._open(create=True))
        self.unlock_button.clicked.connect(lambda: self._open(create=False))
        layout.addWidget(self.create_button)
        layout.addWidget(self.unlock_button)
        self.setVisible(not only_problems)
        self.create_button.hide()
        self.unlock_button.hide()
        self.refresh()

    def refresh(self) -> None:
        self.runner.submit(self.credentials.status, on_result=self._show)

    def _show(self, status: KeyringStatus) -> None:
        self.status = status
        secrets = self.credentials.fallback
        file_locked = secrets is not None and secrets.exists() and not secrets.unlocked
        problem = status.state in (KeyringState.UNAVAILABLE, KeyringState.LOCKED)
        self.create_button.setVisible(status.state == KeyringState.UNAVAILABLE and secrets is not None)
        self.unlock_button.setVisible(status.state == KeyringState.LOCKED and file_locked)
        if self.only_problems:
            self.label.setText(
                tr(
                    "<b>Passwords and API keys cannot be saved yet.</b> {why} Everything else is saved."
                ).format(why=html.escape(status.message))
            )
            self.setVisible(problem)
        else:
            self.label.setText(html.escape(status.message))
        dark = self.palette().window().color().lightness() < 128
        border = theme.status_color("warning" if problem else "success", dark).name()
        self.setStyleSheet(f"QFrame#keychainNotice {{ border-left: 4px solid {border}; }}")
        self.changed.emit(status)

    def _open(self, *, create: bool) -> None:
        dialog = PassphraseDialog(self.credentials, self.runner, create=create, parent=self)
        dialog.finished.connect(lambda _code: self.refresh())
        dialog.open()
