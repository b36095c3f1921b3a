"""The General settings section: theme, language, tray behaviour, automation, keychain status, data folders."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.ui.dialogs.secrets_unlock import KeychainNotice
from rmab_desktop.ui.translations import LANGUAGES, SYSTEM

if TYPE_CHECKING:
    from rmab_desktop.db.engine import Database
    from rmab_desktop.paths import AppPaths
    from rmab_desktop.services.credentials import CredentialStore, KeyringStatus
    from rmab_desktop.settings import Preferences
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.ui.theme import ThemeManager

tr = Translator("GeneralSettings")

FOLLOW_SYSTEM = tr.mark("Follow the system")
THEMES = [("system", FOLLOW_SYSTEM), ("light", tr.mark("Light")), ("dark", tr.mark("Dark"))]
KEYRING_STATES = {
    "secure": tr.mark("Secure"),
    "encrypted_file": tr.mark("Encrypted file"),
    "locked": tr.mark("Locked"),
    "unavailable": tr.mark("Not available"),
}


class GeneralSettings(QWidget):
    def __init__(
        self,
        prefs: Preferences,
        save_prefs: Callable[[], None],
        paths: AppPaths,
        database: Database,
        credentials: CredentialStore,
        runner: Runner,
        theme: ThemeManager | None = None,
    ) -> None:
        """``save_prefs`` writes the settings file (run here on the runner); without ``theme``
        (tests) a theme choice is saved, not applied."""
        super().__init__()
        self.prefs, self.save_prefs, self.runner, self.theme = prefs, save_prefs, runner, theme
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(14)

        appearance = QGroupBox(tr("Appearance"))
        form = QFormLayout(appearance)
        self.theme_combo = QComboBox()
        for value, theme_label in THEMES:
            self.theme_combo.addItem(text(theme_label), value)
        self.theme_combo.setCurrentIndex(max(0, [v for v, _ in THEMES].index(prefs.theme)))
        self.theme_combo.currentIndexChanged.connect(self._theme_changed)
        form.addRow(tr("&Theme"), self.theme_combo)
        self.language_combo = QComboBox()
        self.language_combo.addItem(text(FOLLOW_SYSTEM), SYSTEM)
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(prefs.language)))
        self.language_combo.currentIndexChanged.connect(
            lambda: self._set("language", self.language_combo.currentData())
        )
        form.addRow(tr("&Language"), self.language_combo)
        language_note = QLabel(tr("A new language applies the next time the app starts."))
        language_note.setObjectName("hint")
        language_note.setWordWrap(True)
        form.addRow("", language_note)
        layout.addWidget(appearance)

        behaviour = QGroupBox(tr("Behaviour"))
        box = QVBoxLayout(behaviour)
        self.pause_check = self._check(
            box, tr("&Pause automation (no searches, downloads or imports)"), "automation_paused"
        )
        self.minimized_check = self._check(box, tr("Start &minimized to the tray"), "start_minimized")
        self.notify_check = self._check(box, tr("Show desktop &notifications"), "notify_in_tray")
        layout.addWidget(behaviour)

        keychain = QGroupBox(tr("Passwords and API keys"))
        key_layout = QVBoxLayout(keychain)
        self.keyring_label = QLabel(tr("Checking your system keychain…"))
        self.keyring_label.setWordWrap(True)
        self.keyring_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key_layout.addWidget(self.keyring_label)
        # "Use an encrypted file…" / "Unlock…" when no keychain works; refreshes the status above.
        self.keychain_actions = KeychainNotice(credentials, runner)
        self.keychain_actions.label.hide()  # the status line above already says why
        self.keychain_actions.changed.connect(self._show_keyring)
        if self.keychain_actions.status is not None:  # checked already (a synchronous runner)
            self._show_keyring(self.keychain_actions.status)
        key_layout.addWidget(self.keychain_actions)
        layout.addWidget(keychain)

        data = QGroupBox(tr("Data"))
        data_form = QFormLayout(data)
        described = database.describe()
        where = (
            described.get("path")
            or f"{described.get('host')}:{described.get('port')}/{described.get('database')}"
        )
        for label, value in (
            (tr("Database"), f"{described['backend']} — {where}"),
            (tr("Data folder"), str(paths.data_dir)),
            (tr("Log file"), str(paths.log_file)),
        ):
            field_label = QLabel(value)
            field_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field_label.setWordWrap(True)
            field_label.setAccessibleName(label)
            data_form.addRow(label, field_label)
        layout.addWidget(data)
        layout.addStretch(1)

    def _check(self, layout: QVBoxLayout, text: str, attribute: str) -> QCheckBox:
        check = QCheckBox(text)
        check.setChecked(bool(getattr(self.prefs, attribute)))
        check.toggled.connect(lambda value: self._set(attribute, value))
        layout.addWidget(check)
        return check

    def _set(self, attribute: str, value: object) -> None:
        setattr(self.prefs, attribute, value)
        self.runner.submit(self.save_prefs, pool="network")

    def _theme_changed(self) -> None:
        choice = self.theme_combo.currentData()
        self._set("theme", choice)
        if self.theme is not None:
            self.theme.apply(choice)

    def _show_keyring(self, status: KeyringStatus) -> None:
        state = text(KEYRING_STATES.get(status.state.value, status.state.value))
        self.keyring_label.setText(
            tr("<b>{state}</b> — {message}").format(state=html.escape(state), message=status.message)
        )
