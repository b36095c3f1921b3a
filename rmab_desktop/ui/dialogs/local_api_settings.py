"""Settings > Local API: start and stop the HTTP API, choose where it listens, manage API tokens.

Starting, stopping and every token call run on the runner (sockets and the database are I/O). A
new token is shown once, in :class:`NewTokenDialog`, with a Copy button; the list shows prefixes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.db.models.base import utcnow
from rmab_desktop.domain.enums import Role
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.requests import UserInfo
from rmab_desktop.services.local_api import ApiTokenService, NewToken, TokenInfo
from rmab_desktop.services.local_api.server import ApiServer, ServerState, ServerStatus, is_loopback
from rmab_desktop.services.requests import UserService
from rmab_desktop.settings import Preferences
from rmab_desktop.ui.formatting import date_only, friendly_time
from rmab_desktop.ui.models.roles import ObjectRole
from rmab_desktop.ui.models.row_model import Column, RowTableModel
from rmab_desktop.ui.widgets.empty_state import EmptyState
from rmab_desktop.ui.widgets.test_result import TestResultLabel

if TYPE_CHECKING:
    from rmab_desktop.ui.shell import Runner

tr = Translator("LocalApiSettings")

LOOPBACK = "127.0.0.1"
EVERY_NETWORK = "0.0.0.0"  # only with the user's consent: the warning below the choice
EXPIRY_DAYS = (30, 90, 365, None)


def _state(info: TokenInfo) -> str:
    if info.revoked_at is not None:
        return tr("Revoked")
    return tr("Active") if info.active(utcnow()) else tr("Expired")


COLUMNS: list[Column[TokenInfo]] = [
    Column(tr.mark("Token"), lambda t: f"{t.prefix}…"),
    Column(tr.mark("Name"), lambda t: t.name),
    Column(tr.mark("User"), lambda t: t.username),
    Column(tr.mark("Role"), lambda t: tr("Administrator") if t.role is Role.ADMIN else tr("User")),
    Column(tr.mark("Expires"), lambda t: date_only(t.expires_at) if t.expires_at else tr("Never")),
    Column(tr.mark("Last used"), lambda t: friendly_time(t.last_used_at) if t.last_used_at else tr("Never")),
    Column(
        tr.mark("State"),
        _state,
        level=lambda t: "success" if t.active(utcnow()) else "muted",
    ),
]


class NewTokenDialog(QDialog):
    """Name, owner (administrators choose anyone) and expiry; then the token, once, with Copy."""

    created = Signal(object)  # NewToken

    def __init__(
        self,
        tokens: ApiTokenService,
        users: list[UserInfo],
        actor: UserInfo,
        runner: Runner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tokens, self.actor, self.runner = tokens, actor, runner
        self.setWindowTitle(tr("New API token"))
        self.resize(520, 0)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("e.g. Home Assistant"))
        self.user_combo = QComboBox()
        for user in users if actor.is_admin else [actor]:
            self.user_combo.addItem(user.label, user.id)
        self.user_combo.setCurrentIndex(max(self.user_combo.findData(actor.id), 0))
        self.user_combo.setEnabled(actor.is_admin)
        self.expiry_combo = QComboBox()
        for days in EXPIRY_DAYS:
            self.expiry_combo.addItem(tr.n("%n day(s)", days) if days else tr("Never"), days)
        self.token_edit = QLineEdit(readOnly=True)
        self.token_edit.setAccessibleName(tr("The new token"))
        self.copy_button = QPushButton(tr("&Copy"))
        self.copy_button.clicked.connect(self.copy)
        self.outcome = TestResultLabel()

        form = QFormLayout()
        form.addRow(tr("&Name"), self.name_edit)
        form.addRow(tr("&For"), self.user_combo)
        form.addRow(tr("&Expires after"), self.expiry_combo)
        self.form_box = QWidget()
        self.form_box.setLayout(form)
        shown = QVBoxLayout()
        once = QLabel(tr("Copy the token now: it is shown only this once. Keep it like a password."))
        once.setWordWrap(True)
        shown.addWidget(once)
        row = QHBoxLayout()
        row.addWidget(self.token_edit, 1)
        row.addWidget(self.copy_button)
        shown.addLayout(row)
        self.token_box = QWidget()
        self.token_box.setLayout(shown)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.form_box)
        self.stack.addWidget(self.token_box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(tr("C&reate"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.make_token)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)

    def make_token(self) -> None:
        if self.stack.currentWidget() is self.token_box:
            self.accept()
            return
        self.create_button.setEnabled(False)
        self.outcome.show_busy(tr("Making the token…"))
        self.runner.submit(
            self.tokens.create,
            self.actor,
            user_id=self.user_combo.currentData(),
            name=self.name_edit.text(),
            expires_days=self.expiry_combo.currentData(),
            on_result=self._show_token,
            on_error=self.outcome.show_error,
            on_finished=lambda: self.create_button.setEnabled(True),
        )

    def _show_token(self, made: NewToken) -> None:
        self.outcome.clear_result()
        self.token_edit.setText(made.token)
        self.stack.setCurrentWidget(self.token_box)
        self.create_button.setText(tr("&Done"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.token_edit.selectAll()
        self.token_edit.setFocus()
        self.created.emit(made)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.token_edit.text())
        self.copy_button.setText(tr("Copied"))

    def done(self, result: int) -> None:
        self.token_edit.clear()  # the token leaves memory with the dialog
        super().done(result)


class LocalApiSettings(QWidget):
    def __init__(
        self,
        server: ApiServer,
        tokens: ApiTokenService,
        users: UserService,
        prefs: Preferences,
        save_prefs: Callable[[], None],
        runner: Runner,
    ) -> None:
        super().__init__()
        self.server, self.tokens, self.users = server, tokens, users
        self.prefs, self.save_prefs, self.runner = prefs, save_prefs, runner
        self.actor: UserInfo | None = None  # who is using the app, read when the tokens load
        self.all_users: list[UserInfo] = []

        intro = QLabel(
            tr(
                "Scripts, home automation and your browser can request and follow books through a local "
                "HTTP API. It is off until you start it; every call needs an API token."
            )
        )
        intro.setWordWrap(True)
        self.where_combo = QComboBox()
        self.where_combo.addItem(tr("This computer only"), LOOPBACK)
        self.where_combo.addItem(tr("Every device on the local network"), EVERY_NETWORK)
        self.where_combo.setCurrentIndex(0 if is_loopback(prefs.api.host) else 1)
        self.where_combo.currentIndexChanged.connect(lambda _i: self._show_warning())
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1024, 65535)
        self.port_spin.setValue(prefs.api.port)
        self.lan_warning = QLabel(
            tr(
                "Anyone on your network can reach the API then. Tokens still guard every call, but the "
                "connection is not encrypted: use it only on a network you trust."
            )
        )
        self.lan_warning.setWordWrap(True)
        self.lan_warning.setProperty("level", "warning")
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.state_label.setOpenExternalLinks(True)
        self.start_button = QPushButton(tr("&Start"))
        self.start_button.clicked.connect(self.toggle)
        self.server_result = TestResultLabel()

        server_box = QGroupBox(tr("Server"))
        form = QFormLayout(server_box)
        form.addRow(tr("&Listen on"), self.where_combo)
        form.addRow("", self.lan_warning)
        form.addRow(tr("&Port"), self.port_spin)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_button)
        start_row.addWidget(self.state_label, 1)
        form.addRow(start_row)
        form.addRow(self.server_result)

        self.model: RowTableModel[TokenInfo] = RowTableModel(COLUMNS)
        self.table = QTableView()
        self.table.setAccessibleName(tr("API tokens"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # prefixes and dates whole
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the name takes what is left
        self.empty = EmptyState(
            "settings",
            tr("No API tokens yet"),
            tr("Make a token for each script or device that uses the API; revoke it when it is done."),
        )
        self.token_stack = QStackedWidget()
        self.token_stack.addWidget(self.empty)
        self.token_stack.addWidget(self.table)
        self.new_button = QPushButton(tr("&New token…"))
        self.new_button.clicked.connect(self.new_token)
        self.revoke_button = QPushButton(tr("Re&voke"))
        self.revoke_button.clicked.connect(self.revoke)
        self.tokens_result = TestResultLabel()
        tokens_box = QGroupBox(tr("API tokens"))
        tokens_layout = QVBoxLayout(tokens_box)
        tokens_layout.addWidget(self.token_stack, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        tokens_layout.addLayout(buttons)
        tokens_layout.addWidget(self.tokens_result)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(server_box)
        layout.addWidget(tokens_box, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._show_warning()
        self._show_status(server.status())
        self.reload()

    # -- server ------------------------------------------------------------------------------------
    def _show_warning(self) -> None:
        self.lan_warning.setVisible(self.where_combo.currentData() == EVERY_NETWORK)

    def _show_status(self, status: ServerStatus) -> None:
        running = status.state is ServerState.RUNNING
        self.start_button.setText(tr("&Stop") if running else tr("&Start"))
        self.where_combo.setEnabled(not running)
        self.port_spin.setEnabled(not running)
        if running and status.url:
            page = f"{status.url}/bookmarklet"
            self.state_label.setText(
                tr(
                    'Running at {url}. <a href="{docs}">API description</a> · <a href="{page}">Request from Audible</a>'
                ).format(url=status.url, docs=f"{status.url}/api/v1/docs", page=page)
            )
        elif status.state is ServerState.FAILED:
            self.state_label.setText(tr("Not running: {error}").format(error=status.error or ""))
        else:
            self.state_label.setText(tr("Stopped."))

    def toggle(self) -> None:
        running = self.server.status().state is ServerState.RUNNING
        host, port = str(self.where_combo.currentData()), self.port_spin.value()
        self.prefs.api.enabled = not running
        if not running:
            self.prefs.api.host, self.prefs.api.port = host, port
            self.prefs.api.allow_lan = host == EVERY_NETWORK
        self.save_prefs()
        self.start_button.setEnabled(False)
        self.server_result.show_busy(tr("Stopping the API…") if running else tr("Starting the API…"))
        toggle: Callable[[], object] = (
            self.server.stop
            if running
            else partial(self.server.start, host, port, allow_lan=host == EVERY_NETWORK)
        )
        self.runner.submit(
            toggle,
            on_result=lambda _r: self.server_result.clear_result(),
            on_error=self.server_result.show_error,
            on_finished=self._after_toggle,
        )

    def _after_toggle(self) -> None:
        self.start_button.setEnabled(True)
        self._show_status(self.server.status())

    # -- tokens ------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.runner.submit(
            lambda: (self.users.current(), self.users.list()),
            on_result=self._remember_users,
            on_error=self.tokens_result.show_error,
        )

    def _remember_users(self, found: tuple[UserInfo, list[UserInfo]]) -> None:
        self.actor, self.all_users = found
        self.runner.submit(
            self.tokens.list, self.actor, on_result=self._show, on_error=self.tokens_result.show_error
        )

    def _show(self, listed: list[TokenInfo]) -> None:
        self.model.set_rows(listed)
        self.token_stack.setCurrentWidget(self.table if listed else self.empty)
        self._update_buttons()

    def selected(self) -> TokenInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ObjectRole) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.revoke_button.setEnabled(chosen is not None and chosen.revoked_at is None)
        self.new_button.setEnabled(self.actor is not None)

    def new_token(self) -> NewTokenDialog | None:
        if self.actor is None:
            return None
        dialog = NewTokenDialog(self.tokens, self.all_users, self.actor, self.runner, self)
        dialog.created.connect(lambda _made: self.reload())
        dialog.open()
        return dialog

    def revoke(self) -> None:
        chosen, actor = self.selected(), self.actor
        if chosen is None or actor is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Revoke token"),
            tr("Revoke the token {prefix}… ({name})? Scripts using it stop working at once.").format(
                prefix=chosen.prefix, name=chosen.name or chosen.username
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.runner.submit(
                self.tokens.revoke,
                actor,
                chosen.id,
                on_result=lambda _r: self.reload(),
                on_error=self.tokens_result.show_error,
            )
