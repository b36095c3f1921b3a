"""The Activity page: jobs (retry, cancel), scheduled jobs (edit cron, enable, run now) and the log."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QHideEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.enums import JobStatus
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.jobs import Job, JobEvent, ScheduledJob
from rmab_desktop.ui import icons
from rmab_desktop.ui.delegates.badge_delegate import BadgeDelegate
from rmab_desktop.ui.delegates.progress_delegate import ProgressDelegate
from rmab_desktop.ui.dialogs.cron_dialog import CronDialog
from rmab_desktop.ui.formatting import number
from rmab_desktop.ui.models.jobs_model import JOB_FILTERS, JobsModel, JobsProxy
from rmab_desktop.ui.models.log_model import LEVEL_TEXT, LEVELS, LogEntry, LogModel, LogProxy
from rmab_desktop.ui.models.roles import ObjectRole, SortRole
from rmab_desktop.ui.models.schedules_model import SchedulesModel
from rmab_desktop.ui.widgets.empty_state import EmptyState
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout
from rmab_desktop.workers.runner import ErrorInfo

if TYPE_CHECKING:
    from rmab_desktop.services.job_queue import JobQueue
    from rmab_desktop.services.scheduler import Scheduler
    from rmab_desktop.ui.models.log_model import QtLogHandler
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.job_pump import JobPump

log = logging.getLogger(__name__)

tr = Translator("ActivityPage")

REFRESH_MS = 3000
COALESCE_MS = 250
JOB_LIMIT = 500
FIRST_EVENTS = 500


@dataclass(frozen=True)
class ActivitySnapshot:
    jobs: list[Job]
    schedules: list[ScheduledJob]
    events: list[JobEvent]


def _table(model: QAbstractItemModel, proxy: QSortFilterProxyModel) -> QTableView:
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(30)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _no_jobs() -> tuple[str, str]:
    return (
        tr("No jobs yet"),
        tr(
            "Searches, downloads and imports show up here while they run. "
            "Scheduled maintenance starts on its own; see the Schedules tab."
        ),
    )


class ActivityPage(QWidget):
    def __init__(
        self,
        queue: JobQueue,
        scheduler: Scheduler,
        titles: Callable[[str], str],
        runner: Runner,
        pump: JobPump | None = None,
        log_handler: QtLogHandler | None = None,
    ) -> None:
        """``titles`` names a job type; without ``pump`` (tests) the page refreshes on its timer only;
        ``log_handler`` feeds the Log tab."""
        super().__init__()
        self.queue, self.scheduler, self.runner, self.pump = queue, scheduler, runner, pump
        self._last_event_id = 0
        self._loading = False
        self._dirty = False
        self._pending_log: list[LogEntry] = []

        self.jobs_model = JobsModel(titles)
        self.jobs_proxy = JobsProxy()
        self.schedules_model = SchedulesModel(titles)
        self.log_model = LogModel()
        self.log_proxy = LogProxy()

        layout = page_layout(self)
        layout.addWidget(
            PageHeader(
                tr("Activity"),
                tr(
                    "Everything the app does in the background: running and waiting jobs, schedules, and the log."
                ),
            )
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_jobs_tab(), tr("Jobs"))
        self.tabs.addTab(self._build_schedules_tab(), tr("Schedules"))
        self.tabs.addTab(self._build_log_tab(), tr("Log"))
        layout.addWidget(self.tabs, 1)
        self._tint()

        self._refresh_timer = QTimer(self, interval=REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._coalesce = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._coalesce.timeout.connect(self.refresh)
        self._log_flush = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._log_flush.timeout.connect(self._flush_log)
        self._progress_flush = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._progress_flush.timeout.connect(self._flush_progress)
        self._pending_progress: dict[int, float] = {}

        if log_handler is not None:
            self.log_model.append(list(log_handler.recent))
            log_handler.bridge.entry.connect(self._on_log_entry)
        if pump is not None:
            pump.jobStarted.connect(self.request_refresh)
            pump.jobFinished.connect(self.request_refresh)
            pump.scheduled.connect(self.request_refresh)
            pump.recovered.connect(self.request_refresh)
            pump.jobProgress.connect(self._on_progress)
        self.refresh()

    # -- construction ---------------------------------------------------------------------------
    def _build_jobs_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 10, 0, 0)
        bar = QHBoxLayout()
        self.job_filter = QTabBar()
        self.job_filter.setAccessibleName(tr("Show jobs"))
        self.job_filter.setDrawBase(False)
        self.job_filter.setExpanding(False)
        for title, _statuses in JOB_FILTERS:
            self.job_filter.addTab(text(title))
        self.job_filter.currentChanged.connect(self._job_filter_changed)
        bar.addWidget(self.job_filter)
        bar.addStretch(1)
        self.job_search = QLineEdit(placeholderText=tr("Filter jobs, or req-12…"), clearButtonEnabled=True)
        self.job_search.setAccessibleName(tr("Filter jobs"))
        self.job_search.setFixedWidth(220)
        self.job_search.textChanged.connect(self.jobs_proxy.set_text)
        self.job_search.textChanged.connect(self._update_jobs_empty)
        bar.addWidget(self.job_search)
        self.retry_button = QPushButton(tr("Retry"))
        self.retry_button.setToolTip(tr("Run the selected failed or cancelled jobs again now"))
        self.retry_button.clicked.connect(self.retry_selected)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop the selected running or queued jobs"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        bar.addWidget(self.retry_button)
        bar.addWidget(self.cancel_button)
        layout.addLayout(bar)

        self.jobs_view = _table(self.jobs_model, self.jobs_proxy)
        self.jobs_view.setAccessibleName(tr("Jobs"))
        self.jobs_view.setItemDelegateForColumn(JobsModel.COL_STATUS, BadgeDelegate(self.jobs_view))
        self.jobs_view.setItemDelegateForColumn(JobsModel.COL_PROGRESS, ProgressDelegate(self.jobs_view))
        self.jobs_view.sortByColumn(JobsModel.COL_ID, Qt.SortOrder.DescendingOrder)
        header = self.jobs_view.horizontalHeader()
        for column, width in ((0, 60), (1, 220), (2, 110), (3, 150), (4, 80), (5, 170)):
            header.resizeSection(column, width)
        self.jobs_view.selectionModel().selectionChanged.connect(self._update_job_buttons)
        self.jobs_empty = EmptyState("activity", *_no_jobs())
        self.jobs_stack = QStackedWidget()
        self.jobs_stack.addWidget(self.jobs_view)
        self.jobs_stack.addWidget(self.jobs_empty)
        layout.addWidget(self.jobs_stack, 1)
        for signal in (self.jobs_proxy.rowsInserted, self.jobs_proxy.rowsRemoved, self.jobs_proxy.modelReset):
            signal.connect(self._update_jobs_empty)
        self._update_job_buttons()
        return tab

    def _build_schedules_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 10, 0, 0)
        bar = QHBoxLayout()
        hint = QLabel(tr("Jobs that run on their own. Times are in your local time zone."))
        hint.setObjectName("pageSubtitle")
        hint.setWordWrap(True)
        bar.addWidget(hint, 1)
        self.edit_button = QPushButton(tr("Edit schedule…"))
        self.edit_button.clicked.connect(self.edit_selected_schedule)
        self.toggle_button = QPushButton(tr("Disable"))
        self.toggle_button.clicked.connect(self.toggle_selected_schedule)
        self.run_now_button = QPushButton(tr("Run now"))
        self.run_now_button.clicked.connect(self.run_selected_schedule)
        for button in (self.edit_button, self.toggle_button, self.run_now_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.schedules_proxy = QSortFilterProxyModel()
        self.schedules_proxy.setSortRole(SortRole)
        self.schedules_view = _table(self.schedules_model, self.schedules_proxy)
        self.schedules_view.setAccessibleName(tr("Schedules"))
        self.schedules_view.setItemDelegateForColumn(
            SchedulesModel.COL_ENABLED, BadgeDelegate(self.schedules_view)
        )
        self.schedules_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.schedules_view.sortByColumn(SchedulesModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        self.schedules_view.doubleClicked.connect(lambda _index: self.edit_selected_schedule())
        header = self.schedules_view.horizontalHeader()
        for column, width in ((0, 230), (1, 190), (2, 120), (3, 90), (4, 170)):
            header.resizeSection(column, width)
        self.schedules_view.selectionModel().selectionChanged.connect(self._update_schedule_buttons)
        self.schedules_model.toggleRequested.connect(self.set_schedule_enabled)
        layout.addWidget(self.schedules_view, 1)
        self._update_schedule_buttons()
        return tab

    def _build_log_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 10, 0, 0)
        bar = QHBoxLayout()
        level_label = QLabel(tr("Level"))
        bar.addWidget(level_label)
        self.level_combo = QComboBox()
        self.level_combo.setAccessibleName(tr("Lowest level shown"))
        level_label.setBuddy(self.level_combo)
        for level in LEVELS:
            self.level_combo.addItem(text(LEVEL_TEXT[level]), level)
        self.level_combo.setCurrentIndex(LEVELS.index("info"))
        self.level_combo.currentIndexChanged.connect(
            lambda: self.log_proxy.set_min_level(self.level_combo.currentData())
        )
        bar.addWidget(self.level_combo)
        self.log_search = QLineEdit(
            placeholderText=tr("Filter messages, or req-12 / job-345…"), clearButtonEnabled=True
        )
        self.log_search.setAccessibleName(tr("Filter log messages"))
        self.log_search.setFixedWidth(300)
        self.log_search.setToolTip(
            tr("Type a reference from a notification or a report (req-12, job-345) to see only its lines")
        )
        self.log_search.textChanged.connect(self.log_proxy.set_text)
        bar.addWidget(self.log_search)
        bar.addStretch(1)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.setToolTip(tr("Save the log lines shown (with the current filter) to a text file"))
        self.export_button.clicked.connect(self._choose_export_file)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.log_view = _table(self.log_model, self.log_proxy)
        self.log_view.setAccessibleName(tr("Log"))
        self.log_view.setItemDelegateForColumn(LogModel.COL_LEVEL, BadgeDelegate(self.log_view))
        self.log_view.sortByColumn(LogModel.COL_TIME, Qt.SortOrder.AscendingOrder)
        header = self.log_view.horizontalHeader()
        for column, width in ((0, 140), (1, 100), (2, 200)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(LogModel.COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.log_proxy.rowsInserted.connect(self._follow_log)
        layout.addWidget(self.log_view, 1)
        return tab

    def _tint(self) -> None:
        color = self.palette().color(QPalette.ColorRole.ButtonText)
        for button, name in (
            (self.retry_button, "retry"),
            (self.cancel_button, "cancel"),
            (self.run_now_button, "play"),
            (self.edit_button, "clock"),
            (self.export_button, "export"),
        ):
            button.setIcon(icons.icon(name, color))

    # -- loading ---------------------------------------------------------------------------------
    def _load(self, after_event_id: int) -> ActivitySnapshot:
        """Off the GUI thread: one read of jobs, schedules and new events."""
        limit = FIRST_EVENTS if after_event_id == 0 else 1000
        return ActivitySnapshot(
            self.queue.list_jobs(limit=JOB_LIMIT),
            self.scheduler.list(),
            self.queue.events(after_id=after_event_id, limit=limit),
        )

    def refresh(self) -> None:
        if self._loading:
            self._dirty = True
            return
        self._loading = True
        self.runner.submit(
            self._load,
            self._last_event_id,
            on_result=self._apply,
            on_error=self._show_error,
            on_finished=self._loaded,
        )

    def reload(self) -> None:
        """F5 (see MainWindow.reload_page)."""
        self.refresh()

    def focus_search(self) -> None:
        """Ctrl+F: the filter box of the tab shown (the Schedules tab has none: its table)."""
        widget = {0: self.job_search, 2: self.log_search}.get(self.tabs.currentIndex(), self.schedules_view)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def request_refresh(self, *_args: object) -> None:
        """Coalesce bursts of changes into one reload."""
        self._coalesce.start()

    def _loaded(self) -> None:
        self._loading = False
        if self._dirty:
            self._dirty = False
            self.request_refresh()

    def _apply(self, snapshot: ActivitySnapshot) -> None:
        self.jobs_model.set_rows(snapshot.jobs)
        self.schedules_model.set_rows(snapshot.schedules)
        if snapshot.events:
            self._last_event_id = max(self._last_event_id, snapshot.events[-1].id)
            self.log_model.append(LogEntry.from_event(event) for event in snapshot.events)
        self._update_counts()
        self._update_jobs_empty()
        self._update_job_buttons()
        self._update_schedule_buttons()

    def _update_counts(self) -> None:
        jobs = self.jobs_model.rows()
        for tab, (title, statuses) in enumerate(JOB_FILTERS):
            label = text(title)
            count = 0 if statuses is None else sum(1 for job in jobs if job.status in statuses)
            if count:
                label = tr("{filter} ({count})", "a job filter tab and its count").format(
                    filter=label, count=number(count)
                )
            self.job_filter.setTabText(tab, label)

    def _update_jobs_empty(self, *_args: object) -> None:
        empty = self.jobs_proxy.rowCount() == 0
        if empty and self.jobs_model.rowCount() > 0:
            self.jobs_empty.set_text(
                tr("Nothing matches"), tr("No jobs match this filter. Try another tab or clear the search.")
            )
        elif empty:
            self.jobs_empty.set_text(*_no_jobs())
        self.jobs_stack.setCurrentWidget(self.jobs_empty if empty else self.jobs_view)

    def _show_error(self, info: ErrorInfo) -> None:
        self.message.setText(f"<b>{info.message}</b>" + (f"<br>{info.hint}" if info.hint else ""))
        self.message.setVisible(True)

    def _show_ok(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- live updates ------------------------------------------------------------------------------
    def _on_progress(self, job_id: int, fraction: float, _message: str) -> None:
        self._pending_progress[job_id] = fraction
        if not self._progress_flush.isActive():
            self._progress_flush.start()

    def _flush_progress(self) -> None:
        pending, self._pending_progress = self._pending_progress, {}
        for job_id, fraction in pending.items():
            self.jobs_model.set_progress(job_id, fraction)

    def _on_log_entry(self, entry: LogEntry) -> None:
        self._pending_log.append(entry)
        if not self._log_flush.isActive():
            self._log_flush.start()

    def _flush_log(self) -> None:
        pending, self._pending_log = self._pending_log, []
        self.log_model.append(pending)

    def _follow_log(self, *_args: object) -> None:
        scroll = self.log_view.verticalScrollBar()
        if scroll.value() >= scroll.maximum() - 40:
            QTimer.singleShot(0, self.log_view, self.log_view.scrollToBottom)

    def showEvent(self, event: QShowEvent) -> None:
        self._refresh_timer.start()
        self.request_refresh()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._refresh_timer.stop()
        super().hideEvent(event)

    # -- jobs actions ------------------------------------------------------------------------------
    def _job_filter_changed(self, tab: int) -> None:
        self.jobs_proxy.set_statuses(JOB_FILTERS[tab][1])
        self._update_jobs_empty()

    def selected_jobs(self) -> list[Job]:
        rows = self.jobs_view.selectionModel().selectedRows()
        return [index.data(ObjectRole) for index in rows if index.data(ObjectRole) is not None]

    def _update_job_buttons(self, *_args: object) -> None:
        jobs = self.selected_jobs()
        self.retry_button.setEnabled(any(j.status in (JobStatus.FAILED, JobStatus.CANCELLED) for j in jobs))
        self.cancel_button.setEnabled(any(j.status in (JobStatus.QUEUED, JobStatus.ACTIVE) for j in jobs))

    def retry_selected(self) -> None:
        ids = [j.id for j in self.selected_jobs() if j.status in (JobStatus.FAILED, JobStatus.CANCELLED)]
        self.retry_jobs(ids)

    def retry_jobs(self, job_ids: list[int]) -> None:
        queue = self.queue
        self.runner.submit(
            lambda: [queue.retry(job_id) for job_id in job_ids],
            on_result=lambda jobs: self._after_action(tr.n("Queued %n job(s) to run again.", len(jobs))),
            on_error=self._show_error,
        )

    def cancel_selected(self) -> None:
        ids = [j.id for j in self.selected_jobs() if j.status in (JobStatus.QUEUED, JobStatus.ACTIVE)]
        self.cancel_jobs(ids)

    def cancel_jobs(self, job_ids: list[int]) -> None:
        pump = self.pump
        local = [job_id for job_id in job_ids if pump is not None and pump.cancel_job(job_id)]
        queue = self.queue
        self.runner.submit(
            lambda: [queue.cancel(job_id) for job_id in job_ids],
            on_result=lambda _jobs: self._after_action(
                tr.n("Cancelling %n job(s).", len(job_ids))
                if not local
                else tr.n("Stopping %n job(s)…", len(job_ids))
            ),
            on_error=self._show_error,
        )

    def _after_action(self, text: str) -> None:
        self._show_ok(text)
        self.request_refresh()
        if self.pump is not None:
            self.pump.tick()

    # -- schedules actions -------------------------------------------------------------------------
    def selected_schedule(self) -> ScheduledJob | None:
        rows = self.schedules_view.selectionModel().selectedRows()
        return rows[0].data(ObjectRole) if rows else None

    def select_schedule(self, key: str) -> None:
        for row in range(self.schedules_proxy.rowCount()):
            index = self.schedules_proxy.index(row, 0)
            if index.data(ObjectRole).key == key:
                self.schedules_view.selectRow(row)
                return

    def _update_schedule_buttons(self, *_args: object) -> None:
        schedule = self.selected_schedule()
        for button in (self.edit_button, self.toggle_button, self.run_now_button):
            button.setEnabled(schedule is not None)
        self.toggle_button.setText(tr("Disable") if schedule is None or schedule.enabled else tr("Enable"))

    def edit_selected_schedule(self) -> None:
        schedule = self.selected_schedule()
        if schedule is None:
            return
        dialog = CronDialog(schedule, self)
        if dialog.exec():
            self.save_cron(schedule.id, dialog.cron())

    def save_cron(self, schedule_id: int, cron: str) -> None:
        self.runner.submit(
            self.scheduler.update,
            schedule_id,
            cron=cron,
            on_result=lambda s: self._after_action(
                tr("“{name}” now runs on “{cron}”.").format(name=text(s.name), cron=s.cron)
            ),
            on_error=self._show_error,
        )

    def toggle_selected_schedule(self) -> None:
        schedule = self.selected_schedule()
        if schedule is not None:
            self.set_schedule_enabled(schedule.id, not schedule.enabled)

    def set_schedule_enabled(self, schedule_id: int, enabled: bool) -> None:
        self.runner.submit(
            self.scheduler.update,
            schedule_id,
            enabled=enabled,
            on_result=lambda s: self._after_action(
                (tr("“{name}” is enabled.") if s.enabled else tr("“{name}” is disabled.")).format(
                    name=text(s.name)
                )
            ),
            on_error=self._show_error,
        )

    def run_selected_schedule(self) -> None:
        schedule = self.selected_schedule()
        if schedule is not None:
            self.run_schedule_now(schedule)

    def run_schedule_now(self, schedule: ScheduledJob) -> None:
        self.runner.submit(
            self.scheduler.run_now,
            schedule.id,
            on_result=lambda job_id: self._after_action(
                tr("“{name}” queued as job #{id}.").format(name=text(schedule.name), id=job_id)
            ),
            on_error=self._show_error,
        )

    # -- log export --------------------------------------------------------------------------------
    def visible_log_lines(self) -> list[str]:
        proxy = self.log_proxy
        return [proxy.index(row, 0).data(ObjectRole).as_line() for row in range(proxy.rowCount())]

    def _choose_export_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Export log"), "rmab-activity.log", tr("Log files (*.log *.txt)")
        )
        if path:
            self.export_log(Path(path))

    def export_log(self, path: Path) -> None:
        lines = self.visible_log_lines()
        self.runner.submit(
            lambda: path.write_text("\n".join(lines) + "\n", encoding="utf-8"),
            on_result=lambda _n: self._show_ok(
                tr.n("Saved %n log line(s) to {path}.", len(lines)).format(path=path)
            ),
            on_error=self._show_error,
        )
