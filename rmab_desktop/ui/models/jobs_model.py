"""Jobs of the persisted queue (Activity page) and their filter proxy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from rmab_desktop.domain.enums import JobStatus
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.jobs import Job
from rmab_desktop.ui.formatting import friendly_time, full_time, percent
from rmab_desktop.ui.models.reference_filter import ReferenceFilterProxy
from rmab_desktop.ui.models.row_model import Column, RowTableModel

tr = Translator("JobsTable")

STATUS_LEVEL = {
    JobStatus.QUEUED: "muted",
    JobStatus.ACTIVE: "info",
    JobStatus.DONE: "success",
    JobStatus.FAILED: "error",
    JobStatus.CANCELLED: "warning",
}
STATUS_TEXT = {
    JobStatus.QUEUED: tr.mark("Queued"),
    JobStatus.ACTIVE: tr.mark("Running"),
    JobStatus.DONE: tr.mark("Done"),
    JobStatus.FAILED: tr.mark("Failed"),
    JobStatus.CANCELLED: tr.mark("Cancelled"),
}

# Filter tabs of the Activity page: title (shown through i18n.text) -> statuses (None = all).
JOB_FILTERS: list[tuple[str, tuple[JobStatus, ...] | None]] = [
    (tr.mark("All"), None),
    (tr.mark("Running"), (JobStatus.ACTIVE,)),
    (tr.mark("Queued"), (JobStatus.QUEUED,)),
    (tr.mark("Failed"), (JobStatus.FAILED,)),
    (tr.mark("Finished"), (JobStatus.DONE, JobStatus.CANCELLED)),
]


def _status_text(job: Job) -> str:
    if job.status == JobStatus.QUEUED and job.attempts:
        return tr("Retrying")
    return text(STATUS_TEXT[job.status])


def _waiting(job: Job) -> str:
    if job.status == JobStatus.QUEUED:
        return friendly_time(job.run_at)
    return friendly_time(job.finished_at or job.started_at)


def _progress(job: Job) -> float | None:
    if job.status == JobStatus.ACTIVE:
        return job.progress if job.progress is not None else 0.0
    return None


class JobsModel(RowTableModel[Job]):
    COL_ID, COL_TYPE, COL_STATUS, COL_PROGRESS, COL_ATTEMPTS, COL_WHEN, COL_ERROR = range(7)

    def __init__(self, title_of: Callable[[str], str] = lambda job_type: job_type) -> None:
        super().__init__(
            [
                Column(tr.mark("#"), lambda j: j.id, align=Qt.AlignmentFlag.AlignRight),
                Column(tr.mark("Job"), lambda j: title_of(j.type), tooltip=lambda j: j.type),
                Column(
                    tr.mark("Status"),
                    _status_text,
                    sort=lambda j: j.status.value,
                    level=lambda j: STATUS_LEVEL[j.status],
                ),
                Column(
                    tr.mark("Progress"),
                    lambda j: percent(j.progress or 0) if j.status == JobStatus.ACTIVE else "",
                    sort=lambda j: j.progress or 0.0,
                    progress=_progress,
                ),
                Column(
                    tr.mark("Attempts"), lambda j: f"{j.attempts}/{j.max_attempts}", sort=lambda j: j.attempts
                ),
                Column(
                    tr.mark("When"),
                    _waiting,
                    sort=lambda j: (j.finished_at or j.started_at or j.run_at).timestamp(),
                    tooltip=lambda j: tr("Created {time}").format(time=full_time(j.created_at)),
                ),
                Column(
                    tr.mark("Last error"), lambda j: j.last_error or "", tooltip=lambda j: j.last_error or ""
                ),
            ]
        )

    def set_progress(self, job_id: int, fraction: float) -> None:
        """Live progress from the pump: one cell changes."""
        row = self.row_of(job_id)
        if row < 0:
            return
        job = self.row_object(row)
        if job.status != JobStatus.ACTIVE or job.progress == fraction:
            return
        self.update_row(replace(job, progress=fraction))


class JobsProxy(ReferenceFilterProxy):
    """Status filter (a tab) plus free text or a reference (``req-12``, ``job-345``)."""

    def __init__(self) -> None:
        super().__init__(lambda job: (job.request_id, job.id))
        self._statuses: tuple[JobStatus, ...] | None = None
        self.setDynamicSortFilter(True)

    def set_statuses(self, statuses: tuple[JobStatus, ...] | None) -> None:
        self.beginFilterChange()
        self._statuses = statuses
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        job = self.row_object(source_row, source_parent)
        if job is None:
            return False
        if self._statuses is not None and job.status not in self._statuses:
            return False
        return self.text_accepts(job, source_row, source_parent)
