"""Settings > Notifications: Apprise backends, the events each one gets, and a Test button.

The list and every change go through the runner: URLs live in the keychain, which is I/O.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.addresses import AddressKind
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.credentials import KeyringState
from rmab_desktop.services.notifications import EventCatalog, NotificationBackendInfo, NotificationService
from rmab_desktop.ui.dialogs.focus import labelled_row
from rmab_desktop.ui.dialogs.sizing import fit_titles
from rmab_desktop.ui.models.roles import ObjectRole, SortRole
from rmab_desktop.ui.models.row_model import Column, RowTableModel
from rmab_desktop.ui.secret_places import Household, Place, secret_place
from rmab_desktop.ui.widgets.address_field import check_as_typed, unusable_address
from rmab_desktop.ui.widgets.test_result import TestResultLabel

if TYPE_CHECKING:
    from rmab_desktop.ui.shell import Runner

tr = Translator("NotificationSettings")

APPRISE_WIKI = "https://github.com/caronc/apprise/wiki"
INTRO = tr.mark(
    "Send notifications to Discord, Slack, Telegram, ntfy, Gotify, Pushover, email or any webhook "
    'through <a href="{wiki}">Apprise URLs</a>. {place}'
)
# Where the URLs go (a URL holds its service's token), from the secret store's state.
URL_PLACES: dict[Place, str] = {
    KeyringState.SECURE: tr.mark("Each URL is kept in your system keychain."),
    KeyringState.ENCRYPTED_FILE: tr.mark("Each URL is kept in your encrypted secrets file."),
    KeyringState.LOCKED: tr.mark(
        "No URL can be saved until you unlock your keychain or secrets file (Settings > General)."
    ),
    KeyringState.UNAVAILABLE: tr.mark(
        "No URL can be saved until you choose a passphrase for an encrypted secrets file (Settings > General)."
    ),
    Household.SHARED: tr.mark("Each URL is kept in the household's shared secrets, encrypted."),
    Household.NEEDS_KEY: tr.mark(
        "No URL can be saved until this computer has the household key (Settings > Household key)."
    ),
}
URL_EXAMPLES = tr.mark(
    "e.g. discord://webhook_id/token, ntfys://my-topic, tgram://bot_token/chat_id, json://host/path"
)


def _columns(events: EventCatalog) -> list[Column[NotificationBackendInfo]]:
    def events_text(backend: NotificationBackendInfo) -> str:
        return ", ".join(text(label) for kind, label in events.labels().items() if kind in backend.events)

    return [
        Column(tr.mark("Name"), lambda b: b.name, sort=lambda b: b.name.casefold()),
        Column(tr.mark("Events"), events_text, tooltip=events_text),
        Column(
            tr.mark("State"),
            lambda b: tr("On") if b.enabled else tr("Off"),
            level=lambda b: "success" if b.enabled else "muted",
        ),
    ]


class BackendDialog(QDialog):
    """Add or edit one backend; an empty URL while editing keeps the saved one."""

    saved = Signal(object)  # NotificationBackendInfo

    def __init__(
        self,
        service: NotificationService,
        runner: Runner,
        backend: NotificationBackendInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service, self.runner = service, runner
        self.backend = backend
        self.setWindowTitle(tr("Edit notification") if backend else tr("Add notification"))
        self.resize(560, 0)

        self.name_edit = QLineEdit(backend.name if backend else "")
        self.name_edit.setPlaceholderText(tr("e.g. Family Discord"))
        self.url_edit = QLineEdit()
        self.url_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.url_edit.setPlaceholderText(
            tr("Leave empty to keep the saved URL") if backend else text(URL_EXAMPLES)
        )
        self.show_url = QCheckBox(tr("S&how"))
        self.show_url.setAccessibleName(tr("Show the URL"))
        self.show_url.toggled.connect(
            lambda shown: self.url_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
            )
        )
        self.saved_url = QLabel()
        self.saved_url.setObjectName("pageSubtitle")
        self.saved_url.setWordWrap(True)
        self.saved_url.setAccessibleName(tr("Saved URL"))
        self.enabled_check = QCheckBox(tr("&Enabled"))
        self.enabled_check.setChecked(backend.enabled if backend else True)

        form = QFormLayout()
        form.addRow(tr("&Name"), self.name_edit)
        labelled_row(form, tr("Apprise &URL"), self.url_edit, self.show_url)
        form.addRow("", check_as_typed(self.url_edit, AddressKind.NOTIFICATION))
        form.addRow("", self.saved_url)
        form.addRow("", self.enabled_check)

        events_box = QGroupBox(tr("Notify about"))
        grid = QGridLayout(events_box)
        chosen = backend.events if backend else self.service.events.defaults()
        self.event_checks = {}
        for position, (kind, label) in enumerate(self.service.events.labels().items()):
            check = QCheckBox(text(label))
            check.setChecked(kind in chosen)
            self.event_checks[kind] = check
            grid.addWidget(check, position // 2, position % 2)

        self.test_button = QPushButton(tr("Send &test"))
        self.test_button.clicked.connect(self.send_test)
        self.outcome = TestResultLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.test_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(events_box)
        layout.addWidget(self.outcome)
        layout.addLayout(bottom)
        if backend is not None:
            runner.submit(
                self.service.masked_url,
                backend.id,
                on_result=lambda masked: self.saved_url.setText(tr("Saved: {url}").format(url=masked)),
                on_error=lambda info: self.saved_url.setText(info.message),
            )

    def chosen_events(self) -> list[str]:
        return [kind.value for kind, check in self.event_checks.items() if check.isChecked()]

    def send_test(self) -> None:
        url = self.url_edit.text().strip()
        if not url and self.backend is None:
            self.outcome.show_result(
                ConnectionTestResult(False, tr("Enter an Apprise URL first."), hint=text(URL_EXAMPLES))
            )
            return
        if url and (bad := unusable_address(url, AddressKind.NOTIFICATION)) is not None:
            self.outcome.show_result(bad)
            return
        self.test_button.setEnabled(False)
        self.outcome.show_busy(tr("Sending a test notification…"))
        if url or self.backend is None:  # no URL and no saved backend returned above
            check = partial(self.service.test_url, url)
        else:
            check = partial(self.service.test, self.backend.id)
        self.runner.submit(
            check,
            on_result=self.outcome.show_result,
            on_error=self.outcome.show_error,
            on_finished=lambda: self.test_button.setEnabled(True),
        )

    def save(self) -> None:
        name, url, events = self.name_edit.text(), self.url_edit.text().strip(), self.chosen_events()
        enabled = self.enabled_check.isChecked()
        if self.backend is None:
            store = partial(self.service.create, name, url, events, enabled=enabled)
        else:
            store = partial(
                self.service.update,
                self.backend.id,
                name=name,
                url=url or None,
                events=events,
                enabled=enabled,
            )
        self.buttons.setEnabled(False)
        self.runner.submit(
            store,
            on_result=self._saved,
            on_error=self.outcome.show_error,
            on_finished=lambda: self.buttons.setEnabled(True),
        )

    def _saved(self, backend: NotificationBackendInfo) -> None:
        self.saved.emit(backend)
        self.accept()


class NotificationSettings(QWidget):
    def __init__(self, service: NotificationService, runner: Runner) -> None:
        super().__init__()
        self.service, self.runner = service, runner
        self.intro = intro = QLabel(text(INTRO).format(wiki=APPRISE_WIKI, place=""))
        intro.setWordWrap(True)
        intro.setOpenExternalLinks(True)
        self.model: RowTableModel[NotificationBackendInfo] = RowTableModel(_columns(self.service.events))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setAccessibleName(tr("Notification targets"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        fit_titles(self.table)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit())

        self.add_button = QPushButton(tr("&Add…"))
        self.edit_button = QPushButton(tr("&Edit…"))
        self.remove_button = QPushButton(tr("&Remove"))
        self.test_button = QPushButton(tr("Send &test"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.test_button.clicked.connect(self.test)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.test_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.result = TestResultLabel()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        self.runner.submit(self._load, on_result=self._show, on_error=self.result.show_error)

    def _load(self) -> tuple[list[NotificationBackendInfo], Place]:
        return self.service.list(), secret_place(self.service.credentials)

    def _show(self, loaded: tuple[list[NotificationBackendInfo], Place]) -> None:
        backends, state = loaded
        self.intro.setText(text(INTRO).format(wiki=APPRISE_WIKI, place=text(URL_PLACES[state])))
        self.model.set_rows(backends)
        self._update_buttons()

    def selected(self) -> NotificationBackendInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ObjectRole) if rows else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for button in (self.edit_button, self.remove_button, self.test_button):
            button.setEnabled(has)

    def add(self) -> BackendDialog:
        return self._open(None)

    def edit(self) -> BackendDialog | None:
        backend = self.selected()
        return self._open(backend) if backend else None

    def _open(self, backend: NotificationBackendInfo | None) -> BackendDialog:
        dialog = BackendDialog(self.service, self.runner, backend, self)
        dialog.saved.connect(lambda _b: self.reload())
        dialog.open()
        return dialog

    def remove(self) -> None:
        backend = self.selected()
        if backend is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Remove notification"),
            tr("Remove '{name}' and its saved URL from the keychain?").format(name=backend.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.runner.submit(
                self.service.delete,
                backend.id,
                on_result=lambda _r: self.reload(),
                on_error=self.result.show_error,
            )

    def test(self) -> None:
        backend = self.selected()
        if backend is None:
            return
        self.result.show_busy(tr("Sending a test to {name}…").format(name=backend.name))
        self.runner.submit(
            self.service.test, backend.id, on_result=self.result.show_result, on_error=self.result.show_error
        )
