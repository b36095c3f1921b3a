"""Service status: a card per configured service with state, latency, uptime and 24 h history."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.health import HealthService, ServiceStatus
from rmab_desktop.ui.delegates.service_card_delegate import CARD_SIZE, ServiceCardDelegate
from rmab_desktop.ui.models.roles import SortRole
from rmab_desktop.ui.models.service_status_model import ServiceStatusModel
from rmab_desktop.ui.widgets.empty_state import EmptyState
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout
from rmab_desktop.workers.runner import ErrorInfo, ImmediateRunner, TaskRunner

tr = Translator("StatusPage")

REFRESH_MS = 60_000


class StatusPage(QWidget):
    def __init__(self, health: HealthService, runner: TaskRunner | ImmediateRunner) -> None:
        super().__init__()
        self.health = health
        self.runner = runner
        self.model = ServiceStatusModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setDynamicSortFilter(True)
        self.proxy.sort(0)

        self.message = QLabel()
        self.message.setObjectName("pageSubtitle")
        self.check_button = QPushButton(tr("Check now"))
        self.check_button.setToolTip(tr("Check every configured service now"))
        self.check_button.clicked.connect(self.check_now)
        subtitle = tr(
            "Checked every 10 minutes. A service that goes down is reported once, and again when it is back."
        )
        header = PageHeader(tr("Service status"), subtitle, self.message, self.check_button)

        self.view = QListView()
        self.view.setObjectName("serviceCards")
        self.view.setAccessibleName(tr("Services"))
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setGridSize(CARD_SIZE)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.view.setItemDelegate(ServiceCardDelegate(self.view))
        self.view.setModel(self.proxy)
        self.view.setStyleSheet("QListView#serviceCards { border: none; background: palette(window); }")
        self.empty = EmptyState(
            "status",
            tr("No services to check yet"),
            tr(
                "Add the Audible marketplace, an indexer, a download client or a library server in "
                "Settings (or the setup wizard); each one then gets a card here."
            ),
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)

        layout = page_layout(self)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.runner.submit(
            self.health.statuses, pool="network", on_result=self.show_statuses, on_error=self._error
        )

    def check_now(self) -> None:
        self.check_button.setEnabled(False)
        self.message.setText(tr("Checking…"))
        self.runner.submit(
            self.health.run_checks,
            pool="network",
            on_result=lambda _outcomes: self.refresh(),
            on_error=self._error,
            on_finished=lambda: self.check_button.setEnabled(True),
        )

    def show_statuses(self, statuses: list[ServiceStatus]) -> None:
        self.model.set_statuses(statuses)
        self.stack.setCurrentWidget(self.view if statuses else self.empty)
        down = sum(1 for s in statuses if s.state.value == "down")
        self.message.setText(tr.n("{down} of %n down", len(statuses)).format(down=down) if down else "")

    def _error(self, info: ErrorInfo) -> None:
        self.message.setText(f"{info.message} {info.hint}".strip())

    def reload(self) -> None:
        """F5 (see MainWindow.reload_page)."""
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)
