"""Dialogs of the Users page: add a user, show an invite code once, change permissions, remove
a user (their requests kept as history or given to someone)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.enums import Permission, Role
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.requests import UserInfo
from rmab_desktop.services.requests.users import MIN_PASSWORD, MIN_USERNAME

tr = Translator("UserDialogs")

# Request limits (branch ``gaps``) join as a further row of this dialog.
PERMISSION_LABELS = {
    Permission.AUTO_APPROVE: tr.mark("Requests are approved automatically"),
    Permission.INTERACTIVE_SEARCH: tr.mark("May search indexers and pick a release"),
    Permission.DOWNLOAD: tr.mark("May download books to this computer"),
}


def _ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _named(form: QFormLayout, label: str, field: QWidget) -> None:
    form.addRow(label, field)
    field.setAccessibleName(label.replace("&", ""))


class AddUserDialog(QDialog):
    """A new user with a password they can change later; the password is typed twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add a user"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        self.name_edit = QLineEdit(
            placeholderText=tr("at least {count} characters").format(count=MIN_USERNAME)
        )
        self.display_edit = QLineEdit(placeholderText=tr("how the app greets them (optional)"))
        self.password_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(tr("at least {count} characters").format(count=MIN_PASSWORD))
        self.repeat_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.role_combo = QComboBox()
        self.role_combo.addItem(tr("User"), Role.USER)
        self.role_combo.addItem(tr("Administrator"), Role.ADMIN)
        _named(form, tr("&User name"), self.name_edit)
        _named(form, tr("&Display name"), self.display_edit)
        _named(form, tr("&Password"), self.password_edit)
        _named(form, tr("&Repeat password"), self.repeat_edit)
        _named(form, tr("R&ole"), self.role_combo)
        self.problem_label = QLabel(wordWrap=True)
        self.problem_label.setObjectName("errorText")
        form.addRow(self.problem_label)
        self.buttons = _ok_cancel(self, tr("Add"))
        form.addRow(self.buttons)
        for edit in (self.name_edit, self.password_edit, self.repeat_edit):
            edit.textChanged.connect(self._validate)
        self._validate()

    def problem(self) -> str:
        if len(self.name_edit.text().strip()) < MIN_USERNAME:
            return tr("User names need at least {count} characters.").format(count=MIN_USERNAME)
        if len(self.password_edit.text()) < MIN_PASSWORD:
            return tr("Passwords need at least {count} characters.").format(count=MIN_PASSWORD)
        if self.password_edit.text() != self.repeat_edit.text():
            return tr("The two passwords differ.")
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        touched = bool(self.name_edit.text() or self.password_edit.text())
        self.problem_label.setText(problem if touched else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def show_error(self, message: str) -> None:
        self.problem_label.setText(message)


class SetPasswordDialog(QDialog):
    """A new password for someone (a forgotten or locked account); they sign in again everywhere."""

    def __init__(self, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New password for {name}").format(name=user.label))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                tr(
                    "{name} signs in with it from now on; remembered sign-ins end and a lock is lifted."
                ).format(name=user.label),
                wordWrap=True,
            )
        )
        self.password_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(tr("at least {count} characters").format(count=MIN_PASSWORD))
        self.repeat_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        _named(form, tr("&Password"), self.password_edit)
        _named(form, tr("&Repeat password"), self.repeat_edit)
        self.buttons = _ok_cancel(self, tr("Save"))
        form.addRow(self.buttons)
        for edit in (self.password_edit, self.repeat_edit):
            edit.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        ok = (
            len(self.password_edit.text()) >= MIN_PASSWORD
            and self.password_edit.text() == self.repeat_edit.text()
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class InviteDialog(QDialog):
    """The invite code, shown once: only its hash is kept."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Invite code"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                'Give this code to the new person. In the sign-in window they choose "I have an invite '
                'code" and create their account. It works once, for 7 days, and is not shown again.'
            ),
            wordWrap=True,
        )
        self.code_label = QLabel(code)
        self.code_label.setObjectName("inviteCode")
        self.code_label.setAccessibleName(tr("Invite code"))
        font = self.code_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.code_label.setFont(font)
        copy = QPushButton(tr("&Copy"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(code))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for widget in (intro, self.code_label, copy, close):
            layout.addWidget(widget)


class PermissionsDialog(QDialog):
    """Each permission: the household default, or this person's own on/off."""

    def __init__(
        self,
        user: UserInfo,
        overrides: dict[Permission, bool],
        defaults: dict[Permission, bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Permissions of {name}").format(name=user.label))
        form = QFormLayout(self)
        if user.is_admin:
            form.addRow(
                QLabel(
                    tr("Administrators may do everything; these apply if they become users."), wordWrap=True
                )
            )
        self.combos: dict[Permission, QComboBox] = {}
        for permission, label in PERMISSION_LABELS.items():
            combo = QComboBox()
            default = tr("on") if defaults[permission] else tr("off")
            combo.addItem(tr("Household default ({state})").format(state=default), None)
            combo.addItem(tr("On"), True)
            combo.addItem(tr("Off"), False)
            combo.setCurrentIndex(combo.findData(overrides.get(permission)) if permission in overrides else 0)
            _named(form, text(label), combo)
            self.combos[permission] = combo
        form.addRow(_ok_cancel(self, tr("Save")))

    def values(self) -> dict[Permission, bool | None]:
        return {permission: combo.currentData() for permission, combo in self.combos.items()}


class RemoveUserDialog(QDialog):
    """Soft delete: the person cannot sign in any more; their requests stay."""

    def __init__(self, user: UserInfo, others: list[UserInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Remove {name}").format(name=user.label))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr("{name} can no longer sign in. Their requests stay; choose who owns them now.").format(
                    name=user.label
                ),
                wordWrap=True,
            )
        )
        self.keep_radio = QRadioButton(tr("&Keep them as {name}'s history").format(name=user.label))
        self.give_radio = QRadioButton(tr("&Give them to"))
        self.keep_radio.setChecked(True)
        self.target_combo = QComboBox()
        self.target_combo.setAccessibleName(tr("New owner of the requests"))
        for other in others:
            self.target_combo.addItem(other.label, other.id)
        self.target_combo.setEnabled(False)
        self.give_radio.toggled.connect(self.target_combo.setEnabled)
        self.give_radio.setEnabled(bool(others))
        self.confirm_box = QCheckBox(tr("I understand that {name} loses access").format(name=user.label))
        for widget in (self.keep_radio, self.give_radio, self.target_combo, self.confirm_box):
            layout.addWidget(widget)
        self.buttons = _ok_cancel(self, tr("Remove"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.confirm_box.toggled.connect(self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled)
        layout.addWidget(self.buttons)

    def reassign_to(self) -> int | None:
        return self.target_combo.currentData() if self.give_radio.isChecked() else None
