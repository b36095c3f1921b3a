"""Users (administrators, household mode): add, invite, approve sign-ups, change roles and
permissions, remove; and the household defaults. Every change is checked against the acting
admin's role as the database holds it now (``HouseholdAdmin``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from rmab_desktop.domain.enums import Permission, Role
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.requests import UserInfo
from rmab_desktop.services.household import HouseholdAdmin
from rmab_desktop.services.requests.users import ApprovalSettings, UserService
from rmab_desktop.ui.dialogs.user_dialogs import (
    PERMISSION_LABELS,
    AddUserDialog,
    InviteDialog,
    PermissionsDialog,
    RemoveUserDialog,
    SetPasswordDialog,
)
from rmab_desktop.ui.models.roles import ObjectRole
from rmab_desktop.ui.models.row_model import Column, RowTableModel
from rmab_desktop.ui.widgets.empty_state import EmptyState
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout
from rmab_desktop.workers.runner import ErrorInfo, ImmediateRunner, TaskRunner

tr = Translator("UsersPage")

SHORT_PERMISSIONS = {
    Permission.AUTO_APPROVE: "auto_approve",
    Permission.INTERACTIVE_SEARCH: "interactive_search",
    Permission.DOWNLOAD: "download",
}


@dataclass(frozen=True)
class UserRow:
    user: UserInfo
    overrides: dict[Permission, bool]
    effective: dict[Permission, bool]

    @property
    def id(self) -> int:
        return self.user.id


@dataclass(frozen=True)
class UsersView:
    me: UserInfo
    rows: list[UserRow]
    defaults: ApprovalSettings


def _role(row: UserRow) -> str:
    role = tr("Administrator") if row.user.is_admin else tr("User")
    return tr("{role} (first)").format(role=role) if row.user.is_protected else role


def _state(row: UserRow) -> str:
    if row.user.awaiting_approval:
        return tr("Waiting for approval")
    ways = ([tr("password")] if row.user.has_password else []) + (["Plex"] if row.user.plex_linked else [])
    return ", ".join(ways) if ways else tr("no way to sign in yet")


def _permission(permission: Permission) -> Any:
    def show(row: UserRow) -> str:
        state = tr("on") if row.effective[permission] else tr("off")
        return state if permission in row.overrides else tr("{state} (default)").format(state=state)

    return show


COLUMNS: list[Column[UserRow]] = [
    Column(tr.mark("Name"), lambda r: r.user.label, tooltip=lambda r: r.user.username),
    Column(tr.mark("Role"), _role),
    Column(
        tr.mark("Signs in with"),
        _state,
        level=lambda r: "warning" if r.user.awaiting_approval else "",
    ),
    Column(tr.mark("Auto-approve"), _permission(Permission.AUTO_APPROVE)),
    Column(tr.mark("Interactive search"), _permission(Permission.INTERACTIVE_SEARCH)),
    Column(tr.mark("Download"), _permission(Permission.DOWNLOAD)),
]


def load_view(users: UserService) -> UsersView:
    """Worker thread: everything the page shows."""
    rows = []
    for user in users.list():
        overrides = users.permission_overrides(user.id)
        effective = {p: users.has_permission(user, p) for p in SHORT_PERMISSIONS}
        rows.append(UserRow(user, overrides, effective))
    return UsersView(users.current(), rows, users.approval_settings())


class UsersPage(QWidget):
    def __init__(
        self, users: UserService, household: HouseholdAdmin, runner: TaskRunner | ImmediateRunner
    ) -> None:
        super().__init__()
        self.users = users
        self.household = household
        self.runner = runner
        self.view: UsersView | None = None
        self._pending_error: ErrorInfo | None = None
        self.model: RowTableModel[UserRow] = RowTableModel(COLUMNS)
        layout = page_layout(self)
        layout.addWidget(
            PageHeader(
                tr("Users"),
                tr(
                    "Everyone who uses this household's desktops. Administrators approve requests and "
                    "manage users; a permission is the household default unless set for a person."
                ),
            )
        )
        bar = QHBoxLayout()
        self.add_button = QPushButton(tr("&Add…"))
        self.invite_button = QPushButton(tr("&Invite…"))
        self.invite_button.setToolTip(tr("A one-time code a new person enters in the sign-in window"))
        self.approve_button = QPushButton(tr("A&pprove"))
        self.approve_button.setToolTip(tr("Let the selected person who signed up start"))
        self.role_button = QPushButton(tr("Make &administrator"))
        self.permissions_button = QPushButton(tr("P&ermissions…"))
        self.password_button = QPushButton(tr("Set pass&word…"))
        self.password_button.setToolTip(tr("A new password for the selected person, e.g. after a lockout"))
        self.remove_button = QPushButton(tr("&Remove…"))
        self.refresh_button = QPushButton(tr("Re&fresh"))
        for button, slot in (
            (self.add_button, self.add_user),
            (self.invite_button, self.invite),
            (self.approve_button, self.approve),
            (self.role_button, self.toggle_role),
            (self.permissions_button, self.edit_permissions),
            (self.password_button, self.set_password),
            (self.remove_button, self.remove),
            (self.refresh_button, self.reload),
        ):
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)

        self.stack = QStackedWidget()
        self.loading = EmptyState("users", tr("Loading users…"), tr("This takes a moment."))
        self.error_state = EmptyState(
            "error", tr("The users could not be read"), "", tr("Try again"), self.reload
        )
        self.table = QTableView()
        self.table.setAccessibleName(tr("Users"))
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.edit_permissions())
        for widget in (self.loading, self.error_state, self.table):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)

        self.defaults_box = QGroupBox(tr("Household defaults"))
        defaults = QHBoxLayout(self.defaults_box)
        self.default_boxes: dict[Permission, QCheckBox] = {}
        for permission, label in PERMISSION_LABELS.items():
            box = QCheckBox(text(label))
            box.toggled.connect(self._defaults_changed)
            defaults.addWidget(box)
            self.default_boxes[permission] = box
        layout.addWidget(self.defaults_box)
        self.status_label = QLabel(wordWrap=True)
        self.status_label.setAccessibleName(tr("Users status"))
        layout.addWidget(self.status_label)
        self._update_buttons()
        self.reload()

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        if self.view is None:
            self.stack.setCurrentWidget(self.loading)
        self.runner.submit(load_view, self.users, on_result=self._loaded, on_error=self._load_failed)

    def _loaded(self, view: UsersView) -> None:
        self.view = view
        self.model.set_rows(view.rows)
        self.stack.setCurrentWidget(self.table)
        self.table.resizeColumnsToContents()  # translated headers are longer than English ones
        for permission, box in self.default_boxes.items():
            box.blockSignals(True)
            box.setChecked(bool(getattr(view.defaults, SHORT_PERMISSIONS[permission])))
            box.blockSignals(False)
        waiting = sum(1 for row in view.rows if row.user.awaiting_approval)
        if not view.me.is_admin:
            self.status_label.setText(tr("Only administrators can change users; you can look."))
        elif len(view.rows) == 1:
            self.status_label.setText(
                tr("You are the only user. Add or invite someone to share this library as a household.")
            )
        elif waiting:
            self.status_label.setText(tr.n("%n sign-up(s) waiting for approval.", waiting))
        else:
            self.status_label.setText(tr.n("%n user(s)", len(view.rows)))
        if self._pending_error is not None:
            self._failed(self._pending_error)
            self._pending_error = None
        self._update_buttons()

    def _load_failed(self, info: ErrorInfo) -> None:
        self.error_state.set_text(tr("The users could not be read"), f"{info.message} {info.hint}".strip())
        if self.view is None:
            self.stack.setCurrentWidget(self.error_state)
        else:
            self._failed(info)

    def _failed(self, info: ErrorInfo) -> None:
        self.status_label.setText(f"{info.message} {info.hint}".strip())
        self._update_buttons()

    def _refused(self, info: ErrorInfo) -> None:
        """A change failed (e.g. the role changed on another desktop): say why, then show the
        household as it is now."""
        self._pending_error = info
        self.reload()

    # -- selection -----------------------------------------------------------------------------
    def selected(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ObjectRole) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        admin = self.view is not None and self.view.me.is_admin
        for button in (self.add_button, self.invite_button):
            button.setEnabled(admin)
        self.defaults_box.setEnabled(admin)
        chosen = admin and row is not None
        self.approve_button.setEnabled(chosen and row is not None and row.user.awaiting_approval)
        self.permissions_button.setEnabled(chosen)
        self.password_button.setEnabled(chosen)
        protected = row is not None and row.user.is_protected
        self_selected = row is not None and self.view is not None and row.user.id == self.view.me.id
        self.role_button.setEnabled(chosen and not protected)
        self.role_button.setText(
            tr("Make &user") if row is not None and row.user.is_admin else tr("Make &administrator")
        )
        self.remove_button.setEnabled(chosen and not protected and not self_selected)

    # -- actions -------------------------------------------------------------------------------
    def _me(self) -> UserInfo:
        assert self.view is not None
        return self.view.me

    def _run(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        self.status_label.setText(tr("Saving…"))
        self.runner.submit(fn, *args, **kwargs, on_result=lambda _r: self.reload(), on_error=self._refused)

    def add_user(self) -> None:
        dialog = AddUserDialog(self)
        self.dialog: QDialog = dialog  # the open dialog, reachable from tests

        def add() -> None:
            self._run(
                self.household.add,
                self._me(),
                dialog.name_edit.text(),
                dialog.password_edit.text(),
                role=Role(dialog.role_combo.currentData()),
                display_name=dialog.display_edit.text().strip(),
            )

        dialog.accepted.connect(add)
        dialog.open()

    def invite(self) -> None:
        def show(code: str) -> None:
            self.dialog = InviteDialog(code, self)
            self.dialog.open()
            self.status_label.setText(tr("Invite created."))

        self.runner.submit(self.household.invite, self._me(), on_result=show, on_error=self._failed)

    def approve(self) -> None:
        row = self.selected()
        if row is not None:
            self._run(self.household.approve, self._me(), row.user.id)

    def toggle_role(self) -> None:
        row = self.selected()
        if row is not None:
            role = Role.USER if row.user.is_admin else Role.ADMIN
            self._run(self.household.set_role, self._me(), row.user.id, role)

    def edit_permissions(self) -> None:
        row = self.selected()
        if row is None or self.view is None or not self.view.me.is_admin:
            return
        defaults = {p: bool(getattr(self.view.defaults, name)) for p, name in SHORT_PERMISSIONS.items()}
        dialog = PermissionsDialog(row.user, row.overrides, defaults, self)
        self.dialog = dialog

        def save() -> None:
            me, user_id, values = self._me(), row.user.id, dialog.values()

            def apply() -> None:
                for permission, granted in values.items():
                    self.household.set_permission(me, user_id, permission, granted)

            self._run(apply)

        dialog.accepted.connect(save)
        dialog.open()

    def set_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = SetPasswordDialog(row.user, self)
        self.dialog = dialog
        dialog.accepted.connect(
            lambda: self._run(
                self.household.set_password, self._me(), row.user.id, dialog.password_edit.text()
            )
        )
        dialog.open()

    def remove(self) -> None:
        row = self.selected()
        if row is None or self.view is None:
            return
        others = [r.user for r in self.view.rows if r.user.id != row.user.id and not r.user.awaiting_approval]
        dialog = RemoveUserDialog(row.user, others, self)
        self.dialog = dialog
        dialog.accepted.connect(
            lambda: self._run(
                self.household.remove, self._me(), row.user.id, reassign_to=dialog.reassign_to()
            )
        )
        dialog.open()

    def _defaults_changed(self) -> None:
        if self.view is None:
            return
        values = {SHORT_PERMISSIONS[p]: box.isChecked() for p, box in self.default_boxes.items()}
        defaults = self.view.defaults.model_copy(update=values)
        self._run(self.household.set_defaults, self._me(), defaults)

    def focus_search(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
