"""Settings section "Request limits": the household's requests per day and per week, and one
user's own limits (or an administrator's opt-in). Requests beyond a limit wait in "Waiting for
request limit" and go ahead when the window allows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.requests import UserInfo
from rmab_desktop.services.requests import RequestLimits
from rmab_desktop.services.requests.users import UserLimits

if TYPE_CHECKING:
    from rmab_desktop.services.requests import UserService
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("RequestLimitSettings")
MAX_LIMIT = 1000


def _spin(accessible: str) -> QSpinBox:
    """0 shows "No limit"."""
    spin = QSpinBox()
    spin.setRange(0, MAX_LIMIT)
    spin.setSpecialValueText(tr("No limit"))
    spin.setAccessibleName(accessible)
    return spin


def _limits(day: QSpinBox, week: QSpinBox) -> RequestLimits:
    return RequestLimits(per_day=day.value() or None, per_week=week.value() or None)


def _show(limits: RequestLimits, day: QSpinBox, week: QSpinBox) -> None:
    day.setValue(limits.per_day or 0)
    week.setValue(limits.per_week or 0)


class RequestLimitSettings(QWidget):
    def __init__(self, users: UserService, runner: Runner) -> None:
        super().__init__()
        self.users, self.runner = users, runner
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Requests beyond a limit wait as “Waiting for request limit” and go ahead by "
                "themselves when the day or week allows. Administrators are not limited unless "
                "they choose to be."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        household = QGroupBox(tr("Everyone in the household"))
        form = QFormLayout(household)
        self.day = _spin(tr("Requests per day for everyone"))
        self.week = _spin(tr("Requests per week for everyone"))
        form.addRow(tr("Requests per &day"), self.day)
        form.addRow(tr("Requests per &week"), self.week)
        layout.addWidget(household)

        own = QGroupBox(tr("One user"))
        user_form = QFormLayout(own)
        self.user = QComboBox()
        self.user.setAccessibleName(tr("User"))
        self.own = QCheckBox(tr("Use &own limits instead of the household's"))
        self.user_day = _spin(tr("Requests per day for this user"))
        self.user_week = _spin(tr("Requests per week for this user"))
        self.admin_opt_in = QCheckBox(tr("Limit this &administrator too"))
        user_form.addRow(tr("&User"), self.user)
        user_form.addRow("", self.own)
        user_form.addRow(tr("Requests per da&y"), self.user_day)
        user_form.addRow(tr("Requests per wee&k"), self.user_week)
        user_form.addRow("", self.admin_opt_in)
        self.save_user = QPushButton(tr("&Save for this user"))
        user_form.addRow("", self.save_user)
        layout.addWidget(own)

        self.message = QLabel(tr("Loading the limits…"))
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Status"))
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.own.toggled.connect(self._own_toggled)
        self.user.currentIndexChanged.connect(self._user_chosen)
        self.save_user.clicked.connect(self._save_user)
        self._set_enabled(False)
        self.household: RequestLimits | None = None
        runner.submit(self._load, pool="library", on_result=self._loaded, on_error=self._failed)

    # -- loading -----------------------------------------------------------------------------------
    def _load(self) -> tuple[RequestLimits, list[UserInfo]]:
        return self.users.household_limits(), self.users.list()

    def _loaded(self, loaded: tuple[RequestLimits, list[UserInfo]]) -> None:
        self.household, users = loaded
        _show(self.household, self.day, self.week)
        self.user.blockSignals(True)
        self.user.clear()
        for user in users:
            self.user.addItem(user.label, user)
        self.user.blockSignals(False)
        self._set_enabled(True)
        self.message.setText("")
        self._user_chosen()

    def _failed(self, info: ErrorInfo) -> None:
        self.message.setText(
            tr("The limits could not be read: {error} Close Settings and open it again.").format(
                error=info.message
            )
        )

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.day, self.week, self.user, self.own, self.save_user, self.admin_opt_in):
            widget.setEnabled(enabled)
        self._own_toggled(self.own.isChecked() and enabled)

    def _own_toggled(self, on: bool) -> None:
        self.user_day.setEnabled(on)
        self.user_week.setEnabled(on)

    def _chosen(self) -> UserInfo | None:
        user = self.user.currentData()
        return user if isinstance(user, UserInfo) else None

    def _user_chosen(self) -> None:
        user = self._chosen()
        if user is not None:
            self.runner.submit(
                self.users.user_limits,
                user.id,
                pool="library",
                on_result=self._user_loaded,
                on_error=self._failed,
            )

    def _user_loaded(self, applied: UserLimits) -> None:
        user = self._chosen()
        self.own.setChecked(applied.own)
        _show(applied.limits, self.user_day, self.user_week)
        self.admin_opt_in.setChecked(applied.admin_opt_in)
        self.admin_opt_in.setVisible(user is not None and user.is_admin)
        self._own_toggled(applied.own)

    # -- saving -----------------------------------------------------------------------------------
    def _save_user(self) -> None:
        user = self._chosen()
        if user is None:
            return
        limits = _limits(self.user_day, self.user_week) if self.own.isChecked() else None
        opt_in = self.admin_opt_in.isChecked() if user.is_admin else None
        self.runner.submit(
            self.users.set_user_limits,
            user.id,
            limits,
            admin_opt_in=opt_in,
            pool="library",
            on_result=lambda _applied: self.message.setText(
                tr("Saved the limits of {user}.").format(user=user.label)
            ),
            on_error=self._failed,
        )

    def apply(self) -> bool:
        if self.household is None:
            return True
        limits = _limits(self.day, self.week)
        if limits != self.household:
            self.household = limits
            self.runner.submit(self.users.set_household_limits, limits, pool="library", on_error=self._failed)
        return True
