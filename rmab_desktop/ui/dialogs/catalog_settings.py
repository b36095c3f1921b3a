"""Settings section "Catalog & requests": marketplace, Audible/Audnexus addresses, cover cache, approval."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.catalog import REGIONS, region_label
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.requests import ApprovalSettings

if TYPE_CHECKING:
    from rmab_desktop.services.catalog import CatalogService
    from rmab_desktop.services.requests import UserService
    from rmab_desktop.settings import Preferences
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo


tr = Translator("CatalogSettings")


def _valid_url(text: str) -> bool:
    return not text or text.startswith(("http://", "https://"))


class CatalogSettings(QWidget):
    def __init__(
        self,
        prefs: Preferences,
        save_prefs: Callable[[], None],
        catalog: CatalogService,
        users: UserService,
        runner: Runner,
    ) -> None:
        """``users`` holds the approval setting; ``catalog`` takes the new addresses at once."""
        super().__init__()
        self.prefs, self.save_prefs, self.catalog, self.users, self.runner = (
            prefs,
            save_prefs,
            catalog,
            users,
            runner,
        )
        catalog_prefs = prefs.catalog
        layout = QVBoxLayout(self)
        catalog_box = QGroupBox(tr("Audible catalog"))
        form = QFormLayout(catalog_box)
        self.region = QComboBox()
        for code in REGIONS:
            self.region.addItem(region_label(code), code)
        self.region.setCurrentIndex(max(self.region.findData(catalog_prefs.region), 0))
        self.audible_url = QLineEdit(catalog_prefs.audible_base_url or "")
        self.audible_url.setPlaceholderText(tr("empty: the marketplace's own address (api.audible.<domain>)"))
        self.audnexus_url = QLineEdit(catalog_prefs.audnexus_base_url)
        self.cover_mb = QSpinBox()
        self.cover_mb.setRange(10, 5000)
        self.cover_mb.setSuffix(tr(" MB", "a size unit after a number, with its leading space"))
        self.cover_mb.setValue(catalog_prefs.cover_cache_mb)
        form.addRow(tr("&Marketplace"), self.region)
        form.addRow(tr("Audible &address"), self.audible_url)
        form.addRow(tr("Audne&xus address"), self.audnexus_url)
        form.addRow(tr("Cover &cache"), self.cover_mb)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(tr("&Test"))
        self.test_button.clicked.connect(self.test)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setAccessibleName(tr("Test result"))
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        form.addRow(test_row)
        layout.addWidget(catalog_box)
        approval = QGroupBox(tr("Requests"))
        box = QVBoxLayout(approval)
        self.auto_approve = QCheckBox(
            tr("A&pprove requests automatically (administrators are always approved)")
        )
        self.auto_approve.setEnabled(False)
        box.addWidget(self.auto_approve)
        layout.addWidget(approval)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)
        runner.submit(users.approval_settings, on_result=self._approval_loaded)

    def _approval_loaded(self, settings: ApprovalSettings) -> None:
        self.approval = settings
        self.auto_approve.setChecked(settings.auto_approve)
        self.auto_approve.setEnabled(True)

    def test(self) -> None:
        if not self.apply():
            return
        self.test_result.setText(tr("Asking Audible…"))
        self.runner.submit(
            self.catalog.probe,
            self.region.currentData(),
            on_result=lambda _ok: self.test_result.setText(tr("Audible answered.")),
            on_error=self._test_failed,
        )

    def _test_failed(self, info: ErrorInfo) -> None:
        self.test_result.setText(f"{info.message} {info.hint}".strip())

    def apply(self) -> bool:
        audible, audnexus = self.audible_url.text().strip(), self.audnexus_url.text().strip()
        if not _valid_url(audible) or not audnexus or not _valid_url(audnexus):
            self.message.setText(
                tr("Addresses start with http:// or https:// (the Audnexus address is required).")
            )
            return False
        prefs = self.prefs.catalog
        prefs.region = self.region.currentData()
        prefs.audible_base_url = audible or None
        prefs.audnexus_base_url = audnexus
        prefs.cover_cache_mb = self.cover_mb.value()
        self.catalog.audible.base_url = prefs.audible_base_url
        self.catalog.audnexus.base_url = audnexus.rstrip("/")
        self.catalog.covers.max_bytes = prefs.cover_cache_mb * 1024 * 1024
        self.runner.submit(self.save_prefs, pool="network")
        approval = getattr(self, "approval", None)
        if approval is not None and approval.auto_approve != self.auto_approve.isChecked():
            self.approval = approval.model_copy(update={"auto_approve": self.auto_approve.isChecked()})
            self.runner.submit(self.users.set_approval_settings, self.approval)
        self.message.setText("")
        return True
