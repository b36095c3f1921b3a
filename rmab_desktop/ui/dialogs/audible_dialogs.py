"""The Audible sign-in dialog and the preview of "Request everything missing"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.audible_library import SkipReason, WishlistPlan
from rmab_desktop.domain.catalog import REGIONS, region_label
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.audible_library.account import AccountInfo, AudibleAccount, LoginAttempt
from rmab_desktop.ui.shell import Runner
from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("AudibleDialogs")

SKIP_REASONS = {
    SkipReason.OWNED: tr.mark("owned on Audible"),
    SkipReason.IN_LIBRARY: tr.mark("already in your library"),
    SkipReason.REQUESTED: tr.mark("already requested"),
    SkipReason.IGNORED: tr.mark("ignored"),
}


class WishlistPreviewDialog(QDialog):
    """What "Request everything missing" will request and what it skips, with the reasons."""

    def __init__(self, plan: WishlistPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Request everything missing"))
        layout = QVBoxLayout(self)
        self.requested_label = QLabel(tr.n("%n book(s) will be requested:", len(plan.to_request)))
        self.requested_list = QListWidget()
        self.requested_list.setAccessibleName(tr("Books that will be requested"))
        self.requested_list.addItems([f"{i.title} ({i.asin})" for i in plan.to_request])
        self.skipped_label = QLabel(tr.n("%n book(s) skipped:", len(plan.skipped)))
        self.skipped_list = QListWidget()
        self.skipped_list.setAccessibleName(tr("Books that are skipped"))
        for item in plan.skipped:
            reason = text(SKIP_REASONS[item.reason]) if item.reason else ""
            self.skipped_list.addItem(
                tr("{title} ({asin}): {reason}").format(title=item.title, asin=item.asin, reason=reason)
            )
        for widget in (self.requested_label, self.requested_list, self.skipped_label, self.skipped_list):
            layout.addWidget(widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.request_button = self.buttons.addButton(
            tr.n("Request %n book(s)", len(plan.to_request)), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.request_button.setEnabled(bool(plan.to_request))
        if not plan.to_request:
            self.requested_label.setText(
                tr("Nothing to request: every wishlist book is owned, in your library, requested or ignored.")
            )
            self.requested_list.hide()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 480)


class AudibleSignInDialog(QDialog):
    """Sign in per marketplace: open Amazon's login page in the browser, then paste the address
    the browser lands on; the device is registered off the GUI thread."""

    def __init__(
        self,
        account: AudibleAccount,
        runner: Runner,
        region: str,
        parent: QWidget | None = None,
        open_url: Callable[[str], bool] = lambda url: QDesktopServices.openUrl(QUrl(url)),
    ) -> None:
        super().__init__(parent)
        self.account, self.runner, self.open_url = account, runner, open_url
        self.attempt: LoginAttempt | None = None
        self.info: AccountInfo | None = None
        self.setWindowTitle(tr("Sign in to Audible"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "1. Choose your marketplace and open the login page in your browser.\n"
                "2. Log in to Amazon. The browser then shows an error page: that is expected.\n"
                "3. Copy that page's whole address and paste it below."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.region_combo = QComboBox()
        for code in REGIONS:
            self.region_combo.addItem(region_label(code), code)
        self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(region)))
        self.region_combo.setAccessibleName(tr("Marketplace"))
        form.addRow(tr("&Marketplace"), self.region_combo)
        self.open_button = QPushButton(tr("&Open login page"))
        self.open_button.clicked.connect(self.open_login)
        form.addRow("", self.open_button)
        self.url_edit = QLineEdit(placeholderText=tr("https://www.amazon…/ap/maplanding?…"))
        self.url_edit.setAccessibleName(tr("Address after login"))
        self.url_edit.textChanged.connect(self._validate)
        form.addRow(tr("&Address after login"), self.url_edit)
        layout.addLayout(form)
        self.message = QLabel(wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.finish_button = self.buttons.addButton(tr("&Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.finish)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._validate()

    def _validate(self) -> None:
        self.finish_button.setEnabled(self.attempt is not None and bool(self.url_edit.text().strip()))

    def open_login(self) -> None:
        self.attempt = self.account.begin(self.region_combo.currentData())
        if not self.open_url(self.attempt.url):
            self.message.setText(
                tr("No browser opened. Open this address yourself:\n{url}").format(url=self.attempt.url)
            )
        else:
            self.message.setText(tr("The login page is open in your browser."))
        self.url_edit.setFocus()
        self._validate()

    def finish(self) -> None:
        if self.attempt is None:
            return
        self.finish_button.setEnabled(False)
        self.message.setText(tr("Registering this device with Audible…"))
        self.runner.submit(
            self.account.finish,
            self.attempt,
            self.url_edit.text(),
            on_result=self._done,
            on_error=self._failed,
        )

    def _done(self, info: AccountInfo) -> None:
        self.info = info
        self.accept()

    def _failed(self, error: ErrorInfo) -> None:
        self.message.setText(f"{error.message}\n{error.hint}".strip())
        self._validate()
