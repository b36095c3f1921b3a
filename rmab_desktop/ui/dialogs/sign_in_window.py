"""The sign-in window of household mode, shown before the main window: a password, Plex (the
browser opens, the app waits for plex.tv, then the person picks their Plex Home profile), an
invite code that creates the account, or a sign-up an administrator approves. Every check runs on
the runner; the window says what went wrong and what to do."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop import APP_NAME
from rmab_desktop.clients.plex import PlexAccount, PlexPin
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.requests import UserInfo
from rmab_desktop.services.household import AccountService, PlexHome, PlexSignIn
from rmab_desktop.services.requests.users import MIN_PASSWORD
from rmab_desktop.workers.runner import ErrorInfo, ImmediateRunner, TaskHandle, TaskRunner

tr = Translator("SignInWindow")

OpenUrl = Callable[[str], object]


def _password_edit() -> QLineEdit:
    return QLineEdit(echoMode=QLineEdit.EchoMode.Password)


def _form(*rows: tuple[str, QWidget]) -> tuple[QWidget, QFormLayout]:
    page = QWidget()
    form = QFormLayout(page)
    for label, field in rows:
        form.addRow(label, field)
        field.setAccessibleName(label.replace("&", ""))
    return page, form


class NewAccountForm(QWidget):
    """User name, display name and the password twice: for an invite code or a sign-up."""

    def __init__(self, with_code: bool) -> None:
        super().__init__()
        self.code_edit = QLineEdit(placeholderText=tr("e.g. {code}").format(code="ABCD-EFGH-JKLM"))
        self.name_edit = QLineEdit()
        self.display_edit = QLineEdit(placeholderText=tr("optional"))
        self.password_edit = _password_edit()
        self.password_edit.setPlaceholderText(tr("at least {count} characters").format(count=MIN_PASSWORD))
        self.repeat_edit = _password_edit()
        rows = [(tr("Invite &code"), self.code_edit)] if with_code else []
        rows += [
            (tr("&User name"), self.name_edit),
            (tr("&Display name"), self.display_edit),
            (tr("&Password"), self.password_edit),
            (tr("&Repeat password"), self.repeat_edit),
        ]
        page, _ = _form(*rows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page)
        self.code_edit.setVisible(with_code)

    def problem(self) -> str:
        if self.code_edit.isVisibleTo(self) and not self.code_edit.text().strip():
            return tr("Enter the invite code an administrator gave you.")
        if not self.name_edit.text().strip():
            return tr("Choose a user name.")
        if len(self.password_edit.text()) < MIN_PASSWORD:
            return tr("Passwords need at least {count} characters.").format(count=MIN_PASSWORD)
        if self.password_edit.text() != self.repeat_edit.text():
            return tr("The two passwords differ.")
        return ""


class SignInWindow(QDialog):
    def __init__(
        self,
        accounts: AccountService,
        plex: PlexSignIn,
        runner: TaskRunner | ImmediateRunner,
        plex_client_id: str,
        *,
        open_url: OpenUrl | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.plex = plex
        self.runner = runner
        self.plex_client_id = plex_client_id
        self.open_url = open_url or (lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.user: UserInfo | None = None
        self.plex_token: str | None = None
        self.plex_home: PlexHome | None = None
        self.waiting: TaskHandle | None = None
        self.setWindowTitle(tr("Sign in to {app}").format(app=APP_NAME))
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
        self.title_label = QLabel(wordWrap=True)
        self.title_label.setObjectName("pageTitle")
        layout.addWidget(self.title_label)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)

        # password
        self.name_edit = QLineEdit()
        self.password_edit = _password_edit()
        self.remember_box = QCheckBox(tr("&Remember me on this computer"))
        self.remember_box.setChecked(True)
        self.password_page, form = _form(
            (tr("&User name"), self.name_edit), (tr("&Password"), self.password_edit)
        )
        form.addRow(self.remember_box)
        self.plex_button = QPushButton(tr("Sign in with &Plex…"))
        self.invite_button = QPushButton(tr("I have an &invite code"))
        self.sign_up_button = QPushButton(tr("&Create an account"))
        others = QHBoxLayout()
        for button in (self.plex_button, self.invite_button, self.sign_up_button):
            others.addWidget(button)
        form.addRow(others)
        self.stack.addWidget(self.password_page)
        # invite and sign-up
        self.invite_form = NewAccountForm(with_code=True)
        self.sign_up_form = NewAccountForm(with_code=False)
        self.stack.addWidget(self.invite_form)
        self.stack.addWidget(self.sign_up_form)
        # Plex
        self.profile_combo = QComboBox()
        self.pin_edit = _password_edit()
        self.pin_edit.setMaxLength(4)
        self.plex_page, self.plex_form = _form(
            (tr("P&rofile"), self.profile_combo), (tr("Profile P&IN"), self.pin_edit)
        )
        self.plex_intro = QLabel(wordWrap=True)
        self.plex_form.insertRow(0, self.plex_intro)
        self.stack.addWidget(self.plex_page)

        self.message_label = QLabel(wordWrap=True)
        self.message_label.setObjectName("errorText")
        self.message_label.setAccessibleName(tr("Sign-in message"))
        layout.addWidget(self.message_label)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(tr("&Back"))
        self.quit_button = QPushButton(tr("&Quit"))
        self.go_button = QPushButton(tr("&Sign in"))
        self.go_button.setDefault(True)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.go_button)
        layout.addLayout(buttons)

        self.plex_button.clicked.connect(self.start_plex)
        self.invite_button.clicked.connect(lambda: self._show(self.invite_form))
        self.sign_up_button.clicked.connect(lambda: self._show(self.sign_up_form))
        self.back_button.clicked.connect(lambda: self._show(self.password_page))
        self.quit_button.clicked.connect(self.reject)
        self.go_button.clicked.connect(self.submit)
        self.profile_combo.currentIndexChanged.connect(lambda _i: self._profile_changed())
        self._show(self.password_page)

    # -- pages ---------------------------------------------------------------------------------
    def _show(self, page: QWidget) -> None:
        if self.waiting is not None:
            self.waiting.cancel()
            self.waiting = None
        self.stack.setCurrentWidget(page)
        titles = {
            self.password_page: (tr("Who is using {app}?").format(app=APP_NAME), tr("&Sign in")),
            self.invite_form: (tr("Create your account with an invite code"), tr("&Create account")),
            self.sign_up_form: (tr("Ask for an account"), tr("&Ask for an account")),
            self.plex_page: (tr("Sign in with Plex"), tr("&Continue")),
        }
        title, action = titles[page]
        self.title_label.setText(title)
        self.go_button.setText(action)
        self.back_button.setVisible(page is not self.password_page)
        self.message_label.clear()
        self._set_busy(False)
        if page is self.plex_page:
            self.go_button.setEnabled(self.plex_home is not None)
        if self.height() < self.sizeHint().height():  # a longer (translated) title wraps
            self.resize(self.width(), self.sizeHint().height())

    def _set_busy(self, busy: bool, message: str = "") -> None:
        for widget in (self.go_button, self.plex_button, self.invite_button, self.sign_up_button, self.stack):
            widget.setEnabled(not busy)
        if message:
            self.message_label.setText(message)

    def _failed(self, info: ErrorInfo) -> None:
        self._set_busy(False)
        self.message_label.setText(f"{info.message} {info.hint}".strip())

    def _done(self, user: UserInfo) -> None:
        self.user = user
        self.accept()

    # -- actions -------------------------------------------------------------------------------
    def submit(self) -> None:
        page = self.stack.currentWidget()
        if page is self.password_page:
            name, password = self.name_edit.text().strip(), self.password_edit.text()
            if not name or not password:
                self.message_label.setText(tr("Enter your user name and password."))
                return
            self._set_busy(True, tr("Signing in…"))
            self.runner.submit(
                self.accounts.sign_in,
                name,
                password,
                remember=self.remember_box.isChecked(),
                on_result=self._done,
                on_error=self._failed,
            )
        elif page in (self.invite_form, self.sign_up_form):
            self._new_account(page)
        elif page is self.plex_page:
            self._continue_with_plex()

    def _new_account(self, form: NewAccountForm) -> None:
        problem = form.problem()
        if problem:
            self.message_label.setText(problem)
            return
        name, display = form.name_edit.text().strip(), form.display_edit.text().strip()
        password = form.password_edit.text()
        self._set_busy(True, tr("Creating your account…"))
        if form is self.invite_form:
            self.runner.submit(
                self.accounts.redeem_invite,
                form.code_edit.text(),
                name,
                password,
                display,
                on_result=self._done,
                on_error=self._failed,
            )
            return

        def asked(_user: UserInfo) -> None:
            self._show(self.password_page)
            self.name_edit.setText(name)
            self.message_label.setText(
                tr("Your account waits for an administrator's approval. Sign in once they approved it.")
            )

        self.runner.submit(
            self.accounts.sign_up, name, password, display, on_result=asked, on_error=self._failed
        )

    # -- Plex ----------------------------------------------------------------------------------
    def start_plex(self) -> None:
        self.plex_token, self.plex_home = None, None
        self.profile_combo.clear()
        self._show(self.plex_page)
        self.plex_intro.setText(tr("Opening plex.tv…"))
        self.profile_combo.setEnabled(False)
        self.plex_form.setRowVisible(self.pin_edit, False)
        self.go_button.setEnabled(False)
        flow = self.plex.pin_flow(self.plex_client_id)

        def created(pin: PlexPin) -> None:
            self.open_url(flow.auth_url(pin))
            self.plex_intro.setText(tr("Approve the sign-in in your browser; this window waits for Plex."))
            self.waiting = self.runner.submit(
                lambda progress, cancel: self._token_and_home(flow.wait_for_token(pin, sleep=cancel.wait)),
                with_progress=True,
                on_result=self._plex_home,
                on_error=self._failed,
                on_finished=flow.close,
            )

        self.runner.submit(flow.create_pin, on_result=created, on_error=self._failed)

    def _token_and_home(self, token: str | None) -> tuple[str, PlexHome] | None:
        """Worker thread: the Home of the account that signed in (None: stopped waiting)."""
        if not token:
            return None
        return token, self.plex.home(token, self.plex_client_id)

    def _plex_home(self, found: tuple[str, PlexHome] | None) -> None:
        self.waiting = None
        if found is None:
            return
        self.plex_token, self.plex_home = found
        for profile in self.plex_home.profiles:
            self.profile_combo.addItem(profile.label, profile)
        current = next(
            (i for i, p in enumerate(self.plex_home.profiles) if p.id == self.plex_home.account.id), 0
        )
        self.profile_combo.setCurrentIndex(current)
        self.profile_combo.setEnabled(len(self.plex_home.profiles) > 1)
        self.plex_intro.setText(
            tr("Signed in to Plex as {name}. Who is using the app?").format(name=self.plex_home.account.label)
        )
        self.go_button.setEnabled(True)
        self._profile_changed()

    def _profile_changed(self) -> None:
        profile: PlexAccount | None = self.profile_combo.currentData()
        home = self.plex_home
        needs_pin = (
            profile is not None and home is not None and profile.protected and profile.id != home.account.id
        )
        self.plex_form.setRowVisible(self.pin_edit, bool(needs_pin))

    def _continue_with_plex(self) -> None:
        profile: PlexAccount | None = self.profile_combo.currentData()
        if self.plex_token is None or self.plex_home is None or profile is None:
            return
        self._set_busy(True, tr("Signing in…"))
        self.runner.submit(
            self.plex.sign_in,
            self.plex_token,
            self.plex_client_id,
            self.plex_home,
            profile,
            self.pin_edit.text() or None,
            remember=self.remember_box.isChecked(),
            on_result=self._done,
            on_error=self._failed,
        )

    def reject(self) -> None:
        if self.waiting is not None:
            self.waiting.cancel()
        super().reject()


def open_sign_in(
    accounts: AccountService,
    plex: PlexSignIn,
    runner: TaskRunner | ImmediateRunner,
    prefs_extra: dict[str, Any],
    parent: QWidget | None = None,
) -> SignInWindow:
    """The window, with this install's Plex client id (shared with the Plex library sign-in)."""
    import uuid

    client_id = prefs_extra.setdefault("plex_client_id", str(uuid.uuid4()))
    return SignInWindow(accounts, plex, runner, client_id, parent=parent)
