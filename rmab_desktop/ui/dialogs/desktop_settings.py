"""The Desktop settings section: start at login, keep the computer awake, About.

Start at login is applied at once (on the runner); the keep-awake preference is read by the
app's DesktopIntegration on its next poll.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.desktop.autostart import autostart_for, set_autostart
from rmab_desktop.ui.dialogs.about_dialog import AboutDialog
from rmab_desktop.ui.notifier import Notifier

if TYPE_CHECKING:
    from rmab_desktop.settings import Preferences
    from rmab_desktop.ui.shell import Runner

tr = Translator("DesktopSettings")


class DesktopSettings(QWidget):
    def __init__(
        self, prefs: Preferences, save_prefs: Callable[[], None], runner: Runner, notifier: Notifier
    ) -> None:
        super().__init__()
        self.prefs, self.save_prefs, self.runner, self.notifier = prefs, save_prefs, runner, notifier
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        box = QGroupBox(tr("This computer"))
        inner = QVBoxLayout(box)
        self.login_check = QCheckBox(tr("&Start ReadMeABook when I log in"))
        self.login_check.setChecked(prefs.start_at_login)
        self.login_check.toggled.connect(self._login_toggled)
        inner.addWidget(self.login_check)
        self.awake_check = QCheckBox(tr("&Keep the computer awake while downloading or importing"))
        self.awake_check.setChecked(prefs.keep_awake_while_working)
        self.awake_check.toggled.connect(self._awake_toggled)
        inner.addWidget(self.awake_check)
        hint = QLabel(tr("The screen may still turn off; only sleep is held back, and only while work runs."))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        inner.addWidget(hint)
        layout.addWidget(box)

        about_row = QHBoxLayout()
        self.about_button = QPushButton(tr("&About ReadMeABook Desktop…"))
        self.about_button.clicked.connect(self.show_about)
        about_row.addWidget(self.about_button)
        about_row.addStretch(1)
        layout.addLayout(about_row)
        layout.addStretch(1)

    def _login_toggled(self, enabled: bool) -> None:
        self.prefs.start_at_login = enabled
        self.runner.submit(self.save_prefs, pool="network")
        self.runner.submit(
            set_autostart,
            autostart_for(),
            enabled,
            on_error=lambda info: self.notifier.notify(tr("Start at login"), info.message, "error"),
        )

    def _awake_toggled(self, enabled: bool) -> None:
        self.prefs.keep_awake_while_working = enabled
        self.runner.submit(self.save_prefs, pool="network")

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.runner, parent=self)
        dialog.open()
        return dialog
